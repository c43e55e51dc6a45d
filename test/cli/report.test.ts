// summary / recent / cleanup over a hand-made history, and the CLI's usage and error handling.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { ROOT, parseTable, runCli, tempDir } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tmp = tempDir();
const history = path.join(tmp.dir, 'history');
const now = Date.now();
const LONG_ERROR = `AssertionError: expected 1 to be 2\n${'x'.repeat(200)}`;

function record(
  name: string,
  agoMs: number,
  durationMs: number,
  status: 'success' | 'failed' = 'success',
  error: string | null = null,
): ExecutionRecord {
  const start = now - agoMs;
  return {
    name,
    started_at: formatTimestamp(start),
    ended_at: formatTimestamp(start + durationMs),
    duration_ms: durationMs,
    status,
    metadata: {},
    error,
  };
}

const RECORDS: ExecutionRecord[] = [
  record('build', 4 * HOUR, 1000),
  record('build', 3 * HOUR, 3000),
  record('build', 2 * HOUR, 2000),
  record('build', 1 * HOUR, 4000),
  record('unit_tests', 3.5 * HOUR, 850),
  record('unit_tests', 2.5 * HOUR, 150, 'failed', LONG_ERROR),
  record('unit_tests', 0.5 * HOUR, 500),
  record('build', 10 * DAY, 9000), // outside the default 7 days
  record('deploy', 40 * DAY, 65_000), // in a file `cleanup 30` deletes
];

function dayFile(r: ExecutionRecord): string {
  return `${r.started_at.slice(0, 10)}.jsonl`;
}

beforeAll(() => {
  mkdirSync(history, { recursive: true });
  for (const r of RECORDS) {
    const file = path.join(history, dayFile(r));
    writeFileSync(file, JSON.stringify(r) + '\n', { flag: 'a' });
  }
  writeFileSync(path.join(history, 'notes.txt'), 'not a day file');
});
afterAll(() => tmp.cleanup());

const ESC = '\u001b';

describe('dev-metrics summary', () => {
  it('prints an aligned table with human durations, numbers right-aligned, no colour in a pipe', async () => {
    const result = await runCli(['summary', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain(ESC);
    const table = parseTable(result.stdout);
    expect(table.header).toEqual([
      'operation',
      'runs',
      'success',
      'flaky',
      'avg',
      'p50',
      'p95',
      'max',
      'trend',
      'last',
      'last run (UTC)',
    ]);
    const cells = table.rows.map((row) => row.map((c) => c.trim()));
    expect(cells).toEqual([
      [
        'build',
        '4',
        '100.0%',
        '—', // no commit sha in these laptop runs
        '2.50 s',
        '2.50 s',
        '3.85 s',
        '4.00 s',
        'not enough data',
        'success',
        expect.any(String),
      ],
      [
        'unit_tests',
        '3',
        '66.7%',
        '—',
        '500 ms',
        '500 ms',
        '815 ms',
        '850 ms',
        'not enough data',
        'success',
        expect.any(String),
      ],
    ]);
    expect(cells[0]![10]).toBe(new Date(now - HOUR).toISOString().slice(0, 19).replace('T', ' '));
    // Numeric columns are right-aligned: padding on the left, never on the right.
    for (const row of table.rows) {
      for (const i of [1, 2, 3, 4, 5, 6, 7]) expect(row[i]).not.toMatch(/ $/);
    }
  });

  it('--days widens the window', async () => {
    const result = await runCli(['summary', '--days', '30', '--metrics-dir', history, '--json']);
    const summary = JSON.parse(result.stdout);
    expect(summary.build.total_executions).toBe(5);
    expect(summary.build.max_duration_ms).toBe(9000);
    expect(summary.deploy).toBeUndefined();
  });

  it('--json prints the MetricsSummary object, with flakiness and trend added', async () => {
    const result = await runCli(['--json', 'summary', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary).sort()).toEqual(['build', 'unit_tests']);
    expect(summary.build).toMatchObject({
      name: 'build',
      total_executions: 4,
      successes: 4,
      failures: 0,
      success_rate: 1,
      avg_duration_ms: 2500,
      min_duration_ms: 1000,
      max_duration_ms: 4000,
      p50_duration_ms: 2500,
      last_status: 'success',
      last_run_at: RECORDS[3]!.started_at,
    });
    expect(summary.unit_tests).toMatchObject({
      total_executions: 3,
      failures: 1,
      success_rate: 0.6667,
    });
    // The MetricsSummary keys come first, unchanged; the insight fields follow.
    expect(Object.keys(summary.build).slice(-5)).toEqual([
      'flake_rate',
      'flaky_commits',
      'commits_seen',
      'trend_verdict',
      'trend_change_percent',
    ]);
    expect(summary.build).toMatchObject({
      flake_rate: null,
      flaky_commits: null,
      commits_seen: 0,
      trend_verdict: 'not enough data',
      trend_change_percent: null,
    });
  });

  it('says so when there is nothing to summarise (and --json gives {})', async () => {
    const empty = path.join(tmp.dir, 'empty');
    const human = await runCli(['summary', '--metrics-dir', empty]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toBe(`No runs recorded in the last 7 days in ${empty}.\n`);
    const json = await runCli(['summary', '--json', '--metrics-dir', empty]);
    expect(JSON.parse(json.stdout)).toEqual({});
  });

  it('follows DEV_METRICS_DIR when --metrics-dir is not given', async () => {
    const result = await runCli(['summary', '--json'], { env: { DEV_METRICS_DIR: history } });
    expect(JSON.parse(result.stdout).build.total_executions).toBe(4);
  });
});

describe('dev-metrics recent', () => {
  it('lists runs newest first in an aligned table, errors cut to one line', async () => {
    const result = await runCli(['recent', '--limit', '3', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    const table = parseTable(result.stdout);
    expect(table.header).toEqual(['started (UTC)', 'operation', 'duration', 'status', 'error']);
    const cells = table.rows.map((row) => row.map((c) => c.trim()));
    expect(cells.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['unit_tests', '500 ms', 'success'],
      ['build', '4.00 s', 'success'],
      ['build', '2.00 s', 'success'],
    ]);
    const failed = await runCli(['recent', 'unit_tests', '--metrics-dir', history]);
    const rows = parseTable(failed.stdout).rows.map((row) => row.map((c) => c.trim()));
    expect(rows.map((r) => r[3])).toEqual(['success', 'failed', 'success']);
    const error = rows[1]![4]!;
    expect(error.startsWith('AssertionError: expected 1 to be 2 ⏎ xxx')).toBe(true);
    expect(error.endsWith('…')).toBe(true);
    expect([...error]).toHaveLength(60);
  });

  it('--json prints the stored records, newest first', async () => {
    const result = await runCli([
      'recent',
      'build',
      '--json',
      '--limit',
      '2',
      '--metrics-dir',
      history,
    ]);
    expect(JSON.parse(result.stdout)).toEqual([RECORDS[3], RECORDS[2]]);
  });
});

describe('dev-metrics cleanup', () => {
  it('deletes only day files older than DAYS days and lists them', async () => {
    const dir = path.join(tmp.dir, 'cleanup');
    cpSync(history, dir, { recursive: true });
    const old = dayFile(RECORDS[8]!);
    const tenDaysAgo = dayFile(RECORDS[7]!);

    const result = await runCli(['cleanup', '30', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Deleted 1 day file from ${dir}:\n  ${old}\n`);
    expect(existsSync(path.join(dir, old))).toBe(false);
    expect(existsSync(path.join(dir, tenDaysAgo))).toBe(true);

    const json = await runCli(['cleanup', '5', '--json', '--metrics-dir', dir]);
    const remaining = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
    expect(JSON.parse(json.stdout)).toEqual({ deleted: [tenDaysAgo], kept: remaining.length });
    expect(remaining.every((n) => n >= dayFile(RECORDS[0]!))).toBe(true);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('not a day file');

    const nothing = await runCli(['cleanup', '5', '--metrics-dir', dir]);
    expect(nothing.stdout).toBe(`Nothing older than 5 days in ${dir}.\n`);
  });
});

describe.concurrent('usage and errors', () => {
  it.each([
    [['summry'], "dev-metrics: unknown command 'summry' (did you mean summary?)", 'Commands:'],
    [[], 'dev-metrics: no command given', 'Commands:'],
    [
      ['summary', '--days', 'x'],
      "dev-metrics: --days must be a whole number ≥ 1, got 'x'",
      'Usage: dev-metrics summary',
    ],
    [
      ['summary', '--days', '0'],
      "dev-metrics: --days must be a whole number ≥ 1, got '0'",
      'Usage: dev-metrics summary',
    ],
    [['summary', '--days'], 'dev-metrics: --days needs a value (N)', 'Usage: dev-metrics summary'],
    [
      ['summary', '--dayz', '3'],
      "dev-metrics: unknown option '--dayz' for 'summary' (did you mean --days?)",
      'Usage: dev-metrics summary',
    ],
    [
      ['recent', '--limit', '2.5'],
      "dev-metrics: --limit must be a whole number ≥ 1, got '2.5'",
      'Usage: dev-metrics recent',
    ],
    [
      ['recent', 'a', 'b'],
      "dev-metrics: unexpected argument 'b' for 'recent'",
      'Usage: dev-metrics recent',
    ],
    [['cleanup'], "dev-metrics: 'cleanup' needs DAYS", 'Usage: dev-metrics cleanup DAYS'],
    [
      ['cleanup', '-3'],
      "dev-metrics: DAYS must be a whole number ≥ 0, got '-3'",
      'Usage: dev-metrics cleanup DAYS',
    ],
    [['run'], "dev-metrics: 'run' needs NAME", 'Usage: dev-metrics run'],
    [
      ['run', 'x', 'npm', 'test'],
      "dev-metrics: unexpected argument 'npm': put the command to run after '--'",
      'Usage: dev-metrics run',
    ],
    [
      ['run', 'x'],
      "dev-metrics: 'run' needs the command to run after '--'",
      'Usage: dev-metrics run',
    ],
    [['run', 'x', '--'], "dev-metrics: nothing to run after '--'", 'Usage: dev-metrics run'],
    [['summary', '--json=yes'], 'dev-metrics: --json takes no value', 'Usage: dev-metrics summary'],
    [['help', 'nope'], "dev-metrics: unknown command 'nope'", 'Commands:'],
  ])('%j → exit 2, one-line message, then usage', async (args, message, usage) => {
    const result = await runCli(['--metrics-dir', path.join(tmp.dir, 'unused'), ...args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const [first, blank, ...rest] = result.stderr.split('\n');
    expect(first).toBe(message);
    expect(blank).toBe('');
    expect(rest.join('\n')).toContain(usage);
    expect(existsSync(path.join(tmp.dir, 'unused'))).toBe(false);
  });

  it('help, --help and --version print to stdout and exit 0', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const general = await runCli(['--help']);
    expect(general.code, general.stderr).toBe(0);
    for (const name of ['run', 'summary', 'recent', 'cleanup', 'dashboard', 'compare', 'demo']) {
      expect(general.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    const helpRun = await runCli(['help', 'run']);
    expect(helpRun.code, helpRun.stderr).toBe(0);
    expect(helpRun.stdout).toContain(
      'Usage: dev-metrics run NAME [--metadata JSON] -- CMD [ARGS...]',
    );
    const flag = await runCli(['recent', '--help']);
    expect(flag.stdout).toContain('Usage: dev-metrics recent [NAME] [--limit N]');
  });

  it('a runtime error is one line on stderr and exit 1; the stack only with DEV_METRICS_DEBUG=1', async () => {
    const file = path.join(tmp.dir, 'a-file');
    writeFileSync(file, '');
    const result = await runCli(['cleanup', '3', '--metrics-dir', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `dev-metrics: Cannot list metrics directory ${file} (ENOTDIR); check it is a readable directory\n`,
    );
    const debug = await runCli(['cleanup', '3', '--metrics-dir', file], {
      env: { DEV_METRICS_DEBUG: '1' },
    });
    expect(debug.code, debug.stderr).toBe(1);
    expect(debug.stderr).toMatch(/DevMetricsError: Cannot list metrics directory[^\n]*\n\s+at /);
  });
});
