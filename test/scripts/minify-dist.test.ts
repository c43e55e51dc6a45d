// scripts/minify-dist.mjs: the entry and the chunk it imports itself (what every wrapped step
// loads) lose their comments and whitespace and become ASCII, with the same behaviour; the other
// chunks stay as ncc wrote them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/minify-dist.mjs');

/** A folder shaped like ncc's output: index.js importing chunk 7; chunk 9 imported by chunk 7. */
function nccLikeDist(chunk7: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-minify-'));
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    path.join(dir, 'index.js'),
    [
      '/******/ // the webpack runtime, as ncc writes it',
      'const __nccwpck_require__ = { e: (id) => import(`./${id}.index.js`) };',
      '/** Loads the main chunk. */',
      'export const loaded = await __nccwpck_require__.e(/* import() */ 7);',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, '7.index.js'), chunk7);
  writeFileSync(
    path.join(dir, '9.index.js'),
    '// a lazily loaded chunk: «left as it is»\nexport const x = 1;\n',
  );
  return dir;
}

function minify(dir: string): string {
  return execFileSync(process.execPath, [SCRIPT, dir], { stdio: 'pipe', encoding: 'utf8' });
}

describe('minify-dist', () => {
  it('makes the entry and its chunk ASCII without comments, with the same values', async () => {
    const chunk = [
      '/**',
      ' * The step’s summary — a comment with non-ASCII characters.',
      ' */',
      'export const mark = "✅ success · 1 µs";',
      'export const arrow = `→ ${1 + 1}`;',
      'export const quote = /[«»]/u.test("«x»");',
      'export function named() { return named.name; }',
      '',
    ].join('\n');
    const dir = nccLikeDist(chunk);
    const before = (await import(
      pathToFileURL(path.join(dir, '7.index.js')).href + '?before'
    )) as Record<string, unknown>;
    minify(dir);
    for (const file of ['index.js', '7.index.js']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/[\u0080-\uffff]/);
      expect(text, file).not.toMatch(/\/\*|\/\//);
    }
    expect(readFileSync(path.join(dir, '9.index.js'), 'utf8')).toContain('«left as it is»');
    const { loaded: after } = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as {
      loaded: Record<string, unknown>;
    };
    const values = (m: Record<string, unknown>) =>
      Object.entries(m).filter(([, v]) => typeof v !== 'function');
    expect(values(after)).toEqual(values(before));
    expect(after.mark).toBe('✅ success · 1 µs');
    expect(after.quote).toBe(true);
    expect((after.named as () => string)()).toBe('named');
  });

  it('fails, naming the file, when a chunk cannot be made ASCII (a tagged template keeps its raw text)', () => {
    const dir = nccLikeDist('export const raw = String.raw`→`;\n');
    expect(() => minify(dir)).toThrow(/7\.index\.js: non-ASCII character left after minifying/);
  });

  it('fails when the entry imports no chunk (not ncc output)', () => {
    const dir = nccLikeDist('export const x = 1;\n');
    writeFileSync(path.join(dir, 'index.js'), 'export const x = 1;\n');
    expect(() => minify(dir)).toThrow(/imports no chunk/);
  });
});
