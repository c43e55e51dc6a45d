// `dev-metrics run`: the wrapped command's exit code, stdio, argv and signals, and the record written.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, readAllRecords, runCli, startCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => {
  killLeftovers();
  tmp.cleanup();
});
let counter = 0;
const freshDir = (): string => path.join(tmp.dir, `m${++counter}`);
const node = process.execPath;

/** Pid of a process whose parent is `pid`, once one exists (Linux /proc). */
async function waitForChildOf(pid: number, pollMs = 25, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after the ")" of the command name: state ppid ...
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) return Number(entry);
      } catch {
        // the process ended while we looked
      }
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`no child of ${pid} appeared`);
}

describe('dev-metrics run', () => {
  it('passes exit code 0 through and records a success with its metadata', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'unit_tests',
      '--metrics-dir',
      dir,
      '--metadata',
      '{"a":1,"nested":{"b":[true,null]}}',
      '--',
      node,
      '-e',
      'console.log("child says hi"); console.error("child warns")',
    ]);
    expect(result.code, result.stderr).toBe(0);
    // The child's stdio is ours: its output appears in the CLI's own streams.
    expect(result.stdout).toBe('child says hi\n');
    expect(result.stderr).toBe('child warns\n');
    const records = readAllRecords(dir);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(Object.keys(record!)).toEqual([
      'name',
      'started_at',
      'ended_at',
      'duration_ms',
      'status',
      'metadata',
      'error',
    ]);
    expect(record).toMatchObject({
      name: 'unit_tests',
      status: 'success',
      error: null,
      metadata: { a: 1, nested: { b: [true, null] } },
    });
    expect(record!.duration_ms).toBeGreaterThan(0);
    expect(record!.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
  });

  it('passes exit code 3 through and records the failure as "exit code 3"', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'lint',
      '--metrics-dir',
      dir,
      '--',
      node,
      '-e',
      'process.exit(3)',
    ]);
    expect(result.code, result.stderr).toBe(3);
    expect(readAllRecords(dir)).toMatchObject([
      { name: 'lint', status: 'failed', error: 'exit code 3', metadata: {} },
    ]);
  });

  it('passes argv to the command exactly, with no shell in between', async () => {
    const dir = freshDir();
    const tricky = ['two words', '$HOME', '*', "it's", '"q"', '--metrics-dir', '--', ''];
    const result = await runCli([
      'run',
      'argv',
      '--metrics-dir',
      dir,
      '--',
      node,
      '-e',
      'console.log(JSON.stringify(process.argv.slice(1)))',
      ...tricky,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(tricky);
  });

  it('prints the record as JSON after the command with --json', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'quiet',
      '--json',
      '--metrics-dir',
      dir,
      '--',
      node,
      '-e',
      '',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readAllRecords(dir)[0]);
  });

  it('records a missing command as failed and exits 127', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'ghost',
      '--metrics-dir',
      dir,
      '--',
      'no-such-command-xyz',
    ]);
    expect(result.code, result.stderr).toBe(127);
    expect(result.stderr).toBe('dev-metrics: command not found: no-such-command-xyz\n');
    expect(readAllRecords(dir)).toMatchObject([
      { name: 'ghost', status: 'failed', error: 'command not found: no-such-command-xyz' },
    ]);
  });

  it.each([
    ['{oops', /^dev-metrics: --metadata is not valid JSON \(.+\); pass an object like/],
    ['[1,2]', /^dev-metrics: --metadata must be a JSON object, got an array;/],
    ['"text"', /^dev-metrics: --metadata must be a JSON object, got string;/],
  ])(
    'rejects --metadata %s with exit 2, usage, and does not run the command',
    async (raw, message) => {
      const dir = freshDir();
      const marker = path.join(tmp.dir, `ran-${counter}`);
      const result = await runCli([
        'run',
        'x',
        '--metrics-dir',
        dir,
        '--metadata',
        raw,
        '--',
        node,
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
      ]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(
        'Usage: dev-metrics run NAME [--metadata JSON] -- CMD [ARGS...]',
      );
      expect(result.stdout).toBe('');
      expect(existsSync(marker)).toBe(false);
      expect(readAllRecords(dir)).toEqual([]);
    },
  );

  it('refuses to run when the metrics directory cannot be written, before running anything', async () => {
    const notADir = path.join(tmp.dir, 'plain-file');
    writeFileSync(notADir, 'x');
    const result = await runCli([
      'run',
      'x',
      '--metrics-dir',
      notADir,
      '--',
      node,
      '-e',
      'console.log("ran")',
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `dev-metrics: cannot write to metrics directory ${notADir} (it is not a directory); pass a writable --metrics-dir\n`,
    );
  });

  it('on SIGTERM forwards it to `sleep 10`, records the run as failed and exits 143', async () => {
    const dir = freshDir();
    const started = Date.now();
    const running = startCli(['run', 'slow', '--metrics-dir', dir, '--', 'sleep', '10']);
    await waitForChildOf(running.child.pid!);
    running.child.kill('SIGTERM');
    const result = await running.done;
    expect(result.code, result.stderr).toBe(143);
    expect(Date.now() - started).toBeLessThan(8000);
    const [record] = readAllRecords(dir);
    expect(record).toMatchObject({ name: 'slow', status: 'failed', error: 'killed by SIGTERM' });
    expect(record!.duration_ms).toBeLessThan(8000);
  });

  it('records the run even when SIGTERM comes the moment the child appears (no startup window)', async () => {
    // Under load the child can run before spawn() returns; the CLI must already be listening.
    const attempts = Array.from({ length: 10 }, async () => {
      const dir = freshDir();
      const running = startCli(['run', 'racy', '--metrics-dir', dir, '--', 'sleep', '10']);
      await waitForChildOf(running.child.pid!, 1);
      running.child.kill('SIGTERM');
      const result = await running.done;
      return { code: result.code, records: readAllRecords(dir).length };
    });
    expect(await Promise.all(attempts)).toEqual(Array(10).fill({ code: 143, records: 1 }));
  });

  it('on SIGINT to a command that handles it and exits 0, still records a failure and exits 130', async () => {
    const dir = freshDir();
    const script =
      "process.on('SIGINT', () => { console.log('cleaning up'); process.exit(0); });" +
      "console.log('ready'); setInterval(() => {}, 1000);";
    const running = startCli(['run', 'server', '--metrics-dir', dir, '--', node, '-e', script]);
    await running.stdoutIncludes('ready');
    running.child.kill('SIGINT');
    const result = await running.done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toBe('ready\ncleaning up\n');
    expect(readAllRecords(dir)).toMatchObject([
      { name: 'server', status: 'failed', error: 'interrupted by SIGINT (exit code 0)' },
    ]);
  });

  it('records a command killed by a signal it did not get from us, exiting 128 + signal', async () => {
    const dir = freshDir();
    const result = await runCli([
      'run',
      'crash',
      '--metrics-dir',
      dir,
      '--',
      node,
      '-e',
      "process.kill(process.pid, 'SIGKILL')",
    ]);
    expect(result.code, result.stderr).toBe(137);
    expect(readAllRecords(dir)).toMatchObject([{ status: 'failed', error: 'killed by SIGKILL' }]);
  });
});
