// dist/ is what GitHub runs: it must be exactly what `npm run package` builds from src/ today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'dev-metrics-dist-'));

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist/', () => {
  it('matches a fresh build of src/ (run `npm run package` and commit dist/)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: { package: string };
    };
    // Same steps as `npm run package`, with the output folder swapped for a temporary one: the
    // ncc build, and the `node scripts/… dist` steps around it (emptying the folder, merging the
    // per-chunk license files).
    for (const step of pkg.scripts.package.split(' && ')) {
      if (step.startsWith('ncc ')) {
        const args = step.replace(/^ncc /, '').replace(' -o dist ', ` -o ${out} `);
        execFileSync(
          process.execPath,
          [path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), ...args.split(' ')],
          { cwd: root, stdio: 'pipe' },
        );
        continue;
      }
      const [command, ...rest] = step.replace(/ dist$/, ` ${out}`).split(' ');
      expect(command).toBe('node');
      expect(rest.at(-1)).toBe(out); // never a step on the real dist/
      execFileSync(process.execPath, rest, { cwd: root, stdio: 'pipe' });
    }
    const fresh = listFiles(out).sort();
    const committed = listFiles(path.join(root, 'dist')).sort();
    expect(committed).toEqual(fresh);
    for (const file of fresh) {
      const same = readFileSync(path.join(out, file)).equals(
        readFileSync(path.join(root, 'dist', file)),
      );
      expect(same, `dist/${file} is stale: run \`npm run package\` and commit dist/`).toBe(true);
    }
  }, 180_000);
});
