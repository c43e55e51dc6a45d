// `compare`: verdicts of a branch against the base branch, from a history with CI branch metadata.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { parseTable, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
const dir = path.join(tmp.dir, 'history');

beforeAll(() => {
  // 12 main runs per step, then 5 runs of a pull request from `feature`: build is ~40% slower
  // there, tests unchanged; `deploy` only ran on main.
  let t = Date.now() - 6 * 3_600_000;
  const lines: string[] = [];
  const add = (name: string, ms: number, ci: Record<string, unknown>): void => {
    t += 60_000;
    const r: ExecutionRecord = {
      name,
      started_at: formatTimestamp(t),
      ended_at: formatTimestamp(t + ms),
      duration_ms: ms,
      status: 'success',
      metadata: { ci: { provider: 'github-actions', ...ci } },
      error: null,
    };
    lines.push(JSON.stringify(r));
  };
  for (let i = 0; i < 12; i++) {
    add('build', 1000 + ((i * 37) % 100), { branch: 'main' });
    add('tests', 500 + ((i * 13) % 40), { branch: 'main' });
    add('deploy', 300 + i, { branch: 'main' });
  }
  for (let i = 0; i < 5; i++) {
    add('build', 1400 + ((i * 37) % 100), { branch: 'feature', pr_number: 7 });
    add('tests', 505 + ((i * 13) % 40), { branch: 'feature', pr_number: 7 });
  }
  mkdirSync(dir, { recursive: true });
  for (const line of lines) {
    const day = (JSON.parse(line) as ExecutionRecord).started_at.slice(0, 10);
    writeFileSync(path.join(dir, `${day}.jsonl`), line + '\n', { flag: 'a' });
  }
});
afterAll(() => tmp.cleanup());

describe('dev-metrics compare', () => {
  it('--all gives a verdict per operation, the branch defaulting to the newest non-base one', async () => {
    const result = await runCli(['compare', '--all', '--base', 'main', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      `Comparing feature against main (the last 30 days in ${dir}):`,
    );
    const table = parseTable(result.stdout.split('\n').slice(2).join('\n'));
    expect(table.header.slice(0, 6)).toEqual([
      'operation',
      'verdict',
      'change',
      'main p50',
      'feature p50',
      'runs',
    ]);
    const cells = table.rows.map((r) => r.map((c) => c.trim()));
    expect(cells.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['build', 'slower', '12 / 5'],
      ['deploy', 'not enough data', '12 / 0'],
      ['tests', 'no change', '12 / 5'],
    ]);
  });

  it('--json prints the verdicts', async () => {
    const result = await runCli([
      'compare',
      'build',
      '--base',
      'main',
      '--branch',
      'feature',
      '--json',
      '--metrics-dir',
      dir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ base: 'main', branch: 'feature' });
    expect(out.verdicts).toHaveLength(1);
    expect(out.verdicts[0]).toMatchObject({
      name: 'build',
      verdict: 'slower',
      baselineCount: 12,
      candidateCount: 5,
    });
    expect(out.verdicts[0].changePercent).toBeGreaterThan(30);
  });

  it.each([
    [['compare', '--base', 'main'], "dev-metrics: 'compare' needs NAME or --all", 2],
    [
      ['compare', 'build', '--all', '--base', 'main'],
      "dev-metrics: give either NAME or --all to 'compare', not both",
      2,
    ],
    [['compare', 'build'], "dev-metrics: 'compare' needs --base BRANCH", 2],
    [
      ['compare', 'build', '--base', 'main', '--branch', 'main'],
      'dev-metrics: --branch and --base name the same branch',
      2,
    ],
    [
      ['compare', 'biuld', '--base', 'main'],
      `dev-metrics: no runs of 'biuld' in the last 30 days in ${dir}; check the name with 'recent'`,
      1,
    ],
  ])('%j → %s', async (args, message, code) => {
    const result = await runCli([...args, '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
