import { describe, expect, it } from 'vitest';
import { attentionOfSeries, needsAttention } from '../../src/insight/attention.js';
import { ColumnarHistory } from '../../src/core/history.js';
import { gaussian, seeded } from './helpers.js';
import { record } from './helpers.js';

const HOUR = 60;
const DAY = 24 * HOUR;
const NOISE = [1.0, 0.97, 1.03, 0.99, 1.01, 0.98, 1.02, 1.0, 0.96, 1.04];

/** One run a day on main for 35 days, optionally slower for the last week. */
function daily(name: string, slowdownLastWeek: number): ReturnType<typeof record>[] {
  return Array.from({ length: 35 }, (_, d) =>
    record({
      name,
      at: d * DAY,
      duration: Math.round(1000 * NOISE[d % 10]! * (d >= 28 ? 1 + slowdownLastWeek : 1)),
      ci: { branch: 'main', sha: `${name}${d}` },
    }),
  );
}

describe('needsAttention', () => {
  it('ranks failing, slower and flaky steps with a reason each', () => {
    const records = [
      ...daily('build', 0.3),
      ...daily('steady', 0),
      // deploy: failed on its last run, 2 of the last 10 failed
      ...Array.from({ length: 10 }, (_, i) =>
        record({
          name: 'deploy',
          at: (25 + i) * DAY,
          status: i === 3 || i === 9 ? 'failed' : 'success',
          ci: { branch: 'main', sha: `d${i}` },
        }),
      ),
      // test: failed then passed on a re-run of the same commit, once in 4 commits
      ...['t1', 't2', 't3'].map((sha, i) =>
        record({ name: 'test', at: (30 + i) * DAY, ci: { branch: 'main', sha } }),
      ),
      record({ name: 'test', at: 33 * DAY, status: 'failed', ci: { branch: 'main', sha: 't4' } }),
      record({
        name: 'test',
        at: 33 * DAY + HOUR,
        ci: { branch: 'main', sha: 't4', run_attempt: 2 },
      }),
    ];
    const items = needsAttention(records, { defaultBranch: 'main' });
    expect(items.map((i) => [i.name, i.kind])).toEqual([
      ['deploy', 'failing'],
      ['build', 'slower'],
      ['test', 'flaky'],
    ]);
    const [failing, slower, flaky] = items;
    expect(failing!.detail).toBe('last run failed; 2 of the last 10 runs failed');
    expect(failing!.score).toBe(60);
    expect(slower!.detail).toMatch(
      /^slower in the last 7 days than the 28 before: \+3\d\.\d% slower/,
    );
    expect(slower!.score).toBeGreaterThan(25);
    expect(flaky!.detail).toBe('flaky on 1 of 4 commits (25%): t4');
    expect(flaky!.score).toBe(25);
  });

  it('returns nothing for a healthy history', () => {
    expect(needsAttention(daily('steady', 0), { defaultBranch: 'main' })).toEqual([]);
    expect(needsAttention([])).toEqual([]);
  });

  it('ignores slow pull-request runs when a default branch is given', () => {
    const prRuns = Array.from({ length: 5 }, (_, i) =>
      record({
        name: 'steady',
        at: 34 * DAY + i,
        duration: 5000,
        ci: { branch: 'x', pr_number: 1, sha: `p${i}` },
      }),
    );
    expect(needsAttention([...daily('steady', 0), ...prRuns], { defaultBranch: 'main' })).toEqual(
      [],
    );
  });
});

describe('attentionOfSeries with sortedByTime', () => {
  it('gives the items of the full scan (ties in time, PR runs, failures, flakes)', () => {
    const random = seeded(11);
    const runs: ReturnType<typeof record>[] = [];
    for (let i = 0; i < 900; i++) {
      const name = ['build', 'test', 'deploy'][i % 3]!;
      const pr = random() < 0.3 ? 7 : undefined;
      runs.push(
        record({
          name,
          // Two runs per hour-slot: ties in time; the newest week of 'test' is slower.
          at: Math.floor(i / 6) * 2 * HOUR,
          status:
            random() < (name === 'deploy' ? 0.3 : 0.05) || (name === 'deploy' && i > 890)
              ? 'failed'
              : 'success',
          duration: Math.round(
            (name === 'test' && i > 780 ? 1600 : 1000) * Math.exp(0.03 * gaussian(random)),
          ),
          ci: {
            sha: `sha${Math.floor(i / 12)}`,
            branch: pr === undefined ? 'main' : 'feature/x',
            ...(pr === undefined ? {} : { pr_number: pr }),
          },
        }),
      );
    }
    const history = ColumnarHistory.of(runs);
    const series = [...history.rowsByName()].map(([name, rows]) => ({ name, rows }));
    const now = history.newestStart();
    for (const options of [
      { now, defaultBranch: 'main' },
      { now, flakinessDays: 3 },
      { now, failingWindow: 3 },
    ]) {
      const full = attentionOfSeries(history, series, options);
      expect(full.length).toBeGreaterThan(0);
      expect(attentionOfSeries(history, series, { ...options, sortedByTime: true })).toEqual(full);
    }
    expect(
      attentionOfSeries(history, series, { now, defaultBranch: 'main' }).map((i) => i.kind),
    ).toEqual(expect.arrayContaining(['slower', 'failing', 'flaky']));
  });
});
