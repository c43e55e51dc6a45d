// Names are data: operation names that look like paths, carry NUL or control characters, or run
// to 300 characters are recorded, summarised and drawn, and nothing is written outside the
// metrics directory (the CLI as a child process, as a user runs it).
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/core/record.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir('dev-metrics-names-');
afterAll(() => tmp.cleanup());

// argv cannot carry NUL; those names reach the history the way a library or Python writer puts them.
const ARGV_NAMES = [
  '..',
  '.',
  '/',
  'a/../../b',
  '../../../../tmp/evil',
  'ctl\u0001\u001b[2J',
  'x'.repeat(300),
];
const FILE_NAMES = ['nul\u0000name', '..\u0000/..', '\u202ebidi', '\\..\\..\\win'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('hostile operation names through the CLI', () => {
  it('run, summary, recent and dashboard write only the day file and the dashboard', async () => {
    const work = path.join(tmp.dir, 'work');
    const metrics = path.join(work, 'metrics');
    mkdirSync(work, { recursive: true });
    for (const name of ARGV_NAMES) {
      const run = await runCli(
        ['run', name, '--metrics-dir', metrics, '--', process.execPath, '-e', '0'],
        {
          cwd: work,
        },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const [day] = readdirSync(metrics);
    const t = formatTimestamp(Date.now() - 1000);
    for (const name of FILE_NAMES) {
      appendFileSync(
        path.join(metrics, day!),
        JSON.stringify({
          name,
          started_at: t,
          ended_at: t,
          duration_ms: 5,
          status: 'success',
          metadata: {},
          error: null,
        }) + '\n',
      );
    }

    const summary = await runCli(['summary', '--json', '--metrics-dir', metrics], { cwd: work });
    expect(summary.code, summary.stderr).toBe(0);
    const recent = await runCli(['recent', '--metrics-dir', metrics], { cwd: work });
    expect(recent.code, recent.stderr).toBe(0);
    const dashboard = await runCli(['dashboard', '--json', '--metrics-dir', metrics], {
      cwd: work,
    });
    expect(dashboard.code, dashboard.stderr).toBe(0);
    expect(JSON.parse(dashboard.stdout)).toMatchObject({
      outputFile: path.join(metrics, 'dashboard.html'),
      operations: ARGV_NAMES.length + FILE_NAMES.length,
    });

    // Every name is in the page's data, and the only files anywhere are these two.
    const html = readFileSync(path.join(metrics, 'dashboard.html'), 'utf8');
    const data = /id="data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const ops = (JSON.parse(data) as { ops: string[] }).ops;
    for (const name of [...ARGV_NAMES, ...FILE_NAMES].filter((n) => n.length < 300)) {
      expect(ops).toContain(name);
    }
    expect(filesUnder(tmp.dir)).toEqual(
      [path.join('work', 'metrics', day!), path.join('work', 'metrics', 'dashboard.html')].sort(),
    );
  });
});
