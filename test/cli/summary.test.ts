// `summary`'s flaky and trend columns (and JSON fields) over a CI-like history built here.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { parseTable, runCli, tempDir } from './helpers.js';

const HOUR = 3_600_000;
const tmp = tempDir();
const history = path.join(tmp.dir, 'history');
const now = Date.now();
// ±3% around the nominal duration, fixed so the verdicts cannot flake.
const NOISE = [1.0, 0.97, 1.03, 0.99, 1.01, 0.98, 1.02, 1.0, 0.96, 1.04];

function run(
  name: string,
  hoursAgo: number,
  durationMs: number,
  ci: Record<string, unknown> | null,
  status: 'success' | 'failed' = 'success',
): ExecutionRecord {
  const start = now - hoursAgo * HOUR;
  return {
    name,
    started_at: formatTimestamp(start),
    ended_at: formatTimestamp(start + durationMs),
    duration_ms: durationMs,
    status,
    metadata:
      ci === null ? {} : { ci: { provider: 'github-actions', default_branch: 'main', ...ci } },
    error: status === 'failed' ? 'exit code 1' : null,
  };
}

const main = (sha: string) => ({ branch: 'main', event: 'push', sha });

const RECORDS: ExecutionRecord[] = [
  // unit_tests: one run on each of 14 commits; on 2 of them a failed attempt before the re-run.
  ...Array.from({ length: 14 }, (_, i) => run('unit_tests', 60 - i, 800, main(`c${i}`))),
  run('unit_tests', 55.5, 790, main('c4'), 'failed'),
  run('unit_tests', 50.5, 810, main('c9'), 'failed'),
  // build: 15 runs at ~1 s, then its last 5 at ~2 s.
  ...Array.from({ length: 20 }, (_, i) =>
    run('build', 40 - i, (i < 15 ? 1000 : 2000) * NOISE[i % 10]!, main(`b${i}`)),
  ),
  // package: steady on main; its newest runs are a pull request's, 3× slower, and do not count.
  ...Array.from({ length: 20 }, (_, i) =>
    run('package', 40 - i, 500 * NOISE[i % 10]!, main(`b${i}`)),
  ),
  ...Array.from({ length: 5 }, (_, i) =>
    run('package', 10 - i, 1500, {
      branch: 'feature',
      event: 'pull_request',
      pr_number: 12,
      sha: 'p1',
    }),
  ),
  // lint: laptop runs, no CI metadata: no flakiness to tell, trend over all its runs.
  ...Array.from({ length: 20 }, (_, i) => run('lint', 30 - i, 300 * NOISE[i % 10]!, null)),
];

beforeAll(() => {
  mkdirSync(history, { recursive: true });
  for (const r of RECORDS) {
    writeFileSync(
      path.join(history, `${r.started_at.slice(0, 10)}.jsonl`),
      JSON.stringify(r) + '\n',
      {
        flag: 'a',
      },
    );
  }
});
afterAll(() => tmp.cleanup());

describe('dev-metrics summary: flakiness and trend', () => {
  it('shows the flake rate and the trend in aligned columns', async () => {
    const result = await runCli(['summary', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const table = parseTable(result.stdout); // throws on a misaligned table
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
    expect(cells.map((r) => [r[0], r[1], r[3], r[8]])).toEqual([
      ['build', '20', '0/20 (0%)', expect.stringMatching(/^slower \+(9\d|10\d|11\d)%$/)],
      ['lint', '20', '—', expect.stringMatching(/^no change [-+±]\d%$/)],
      ['package', '25', '0/21 (0%)', expect.stringMatching(/^no change [-+±]\d%$/)],
      ['unit_tests', '16', '2/14 (14%)', expect.stringMatching(/^no change [-+±]\d%$/)],
    ]);
    // The flaky column is numeric: right-aligned.
    for (const row of table.rows) expect(row[3]).not.toMatch(/ $/);
  });

  it('--json keeps the MetricsSummary keys first and adds the insight fields', async () => {
    const result = await runCli(['summary', '--json', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary.build)).toEqual([
      'name',
      'total_executions',
      'successes',
      'failures',
      'success_rate',
      'avg_duration_ms',
      'min_duration_ms',
      'max_duration_ms',
      'p50_duration_ms',
      'p90_duration_ms',
      'p95_duration_ms',
      'p99_duration_ms',
      'stddev_duration_ms',
      'last_status',
      'last_run_at',
      'flake_rate',
      'flaky_commits',
      'commits_seen',
      'trend_verdict',
      'trend_change_percent',
    ]);
    expect(summary.unit_tests).toMatchObject({
      total_executions: 16,
      failures: 2,
      flake_rate: 0.1429,
      flaky_commits: 2,
      commits_seen: 14,
      trend_verdict: 'no change',
    });
    expect(summary.build).toMatchObject({ flake_rate: 0, flaky_commits: 0, commits_seen: 20 });
    expect(summary.build.trend_verdict).toBe('slower');
    expect(summary.build.trend_change_percent).toBeGreaterThan(90);
    expect(summary.build.trend_change_percent).toBeLessThan(120);
    // The pull request's slow runs are not the step's trend: the records name main as default.
    expect(summary.package.trend_verdict).toBe('no change');
    expect(Math.abs(summary.package.trend_change_percent)).toBeLessThan(10);
    expect(summary.lint).toMatchObject({
      flake_rate: null,
      flaky_commits: null,
      commits_seen: 0,
      trend_verdict: 'no change',
    });
  });

  it('a window too short for the trend says not enough data', async () => {
    const result = await runCli(['summary', '--days', '1', '--json', '--metrics-dir', history]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    // Within 24 h package has 5 pull-request runs and only 3 runs on main: 1 against 2 earlier.
    expect(summary.package.trend_verdict).toBe('not enough data');
    expect(summary.package.trend_change_percent).toBeNull();
  });
});
