// `dev-metrics run --value` and the $DEV_METRICS_VALUES file, through the compiled CLI and a real
// child process that writes to the file.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, readAllRecords, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => {
  killLeftovers();
  tmp.cleanup();
});
let counter = 0;
const freshDir = (): string => path.join(tmp.dir, `m${++counter}`);
const node = process.execPath;

/** A node child that appends `text` to the value file and prints the file's path. */
function writer(text: string, exitCode = 0): string[] {
  return [
    node,
    '-e',
    `const fs = require('fs'); const f = process.env.DEV_METRICS_VALUES;` +
      `fs.appendFileSync(f, ${JSON.stringify(text)}); console.log(f); process.exit(${exitCode});`,
  ];
}

describe('dev-metrics run values', () => {
  it('stores --value flags and lines the command wrote to $DEV_METRICS_VALUES, then deletes the file', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'build',
      '--metrics-dir',
      dir,
      '--value',
      'size_kb=512 KB',
      '--value=files=3',
      '--',
      ...writer(
        '# from the build\nops=1.5e3 ops/s\nsize_kb=600 KB\n\nscore=0.8 bigger-is-better\n',
      ),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const file = result.stdout.trim();
    expect(path.basename(file)).toMatch(/^dev-metrics-values-.*\.txt$/);
    expect(existsSync(file)).toBe(false);
    const [record] = readAllRecords(dir);
    expect(record?.metadata).toEqual({
      // The command's own line comes after the flag and wins.
      values: { size_kb: 600, files: 3, ops: 1500, score: 0.8 },
      value_info: {
        size_kb: { unit: 'KB', better: 'smaller' },
        files: { better: 'smaller' },
        ops: { unit: 'ops/s', better: 'bigger' },
        score: { better: 'bigger' },
      },
    });
  });

  it('skips a bad line with one warning naming its line number and text; exit code and status unchanged', async () => {
    for (const exitCode of [0, 3]) {
      const dir = freshDir();
      const result = await runCli([
        'run',
        'build',
        '--metrics-dir',
        dir,
        '--',
        ...writer('ok=1\nsize_kb=12kb\nratio=Infinity\nlast=2\n', exitCode),
      ]);
      expect(result.code).toBe(exitCode);
      const warnings = result.stderr.trim().split('\n');
      expect(warnings).toEqual([
        'dev-metrics: warning: DEV_METRICS_VALUES line 2: value "size_kb" must be a decimal number, got "12kb"; line skipped: "size_kb=12kb"',
        'dev-metrics: warning: DEV_METRICS_VALUES line 3: value "ratio" must be a decimal number, got "Infinity"; line skipped: "ratio=Infinity"',
      ]);
      const [record] = readAllRecords(dir);
      expect(record?.status).toBe(exitCode === 0 ? 'success' : 'failed');
      expect(record?.metadata['values']).toEqual({ ok: 1, last: 2 });
    }
  });

  it('refuses a bad --value before running anything (usage error, exit 2)', async () => {
    const dir = freshDir();
    const marker = path.join(tmp.dir, 'ran');
    const result = await runCli([
      'run',
      'build',
      '--metrics-dir',
      dir,
      '--value',
      'size_kb=NaN',
      '--',
      node,
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `dev-metrics: --value "size_kb=NaN": value "size_kb" must be a decimal number, got "NaN"; pass NAME=NUMBER [UNIT], e.g. --value 'size_kb=512 KB'`,
    );
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('records the run without values when the command deletes the file', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'build',
      '--metrics-dir',
      dir,
      '--',
      node,
      '-e',
      'require("fs").rmSync(process.env.DEV_METRICS_VALUES)',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^dev-metrics: warning: DEV_METRICS_VALUES \(.*\) could not be read \(ENOENT\); no values recorded from it/,
    );
    const [record] = readAllRecords(dir);
    expect(record?.status).toBe('success');
    expect(record?.metadata).toEqual({});
  });
});
