import { describe, expect, it } from 'vitest';
import { trendOfRows, trendsByName, trendVerdicts } from '../../src/insight/index.js';
import { ColumnarHistory } from '../../src/core/history.js';
import { gaussian, record, seeded, type RunSpec } from './helpers.js';

const HOUR = 60;
const DAY = 24 * HOUR;

/** `count` runs an hour apart from `fromHour`, durations ≈ `ms` with 3% seeded noise. */
function runs(
  count: number,
  ms: number,
  spec: RunSpec & { fromHour?: number; seed?: number } = {},
): ReturnType<typeof record>[] {
  const random = seeded(spec.seed ?? 1);
  return Array.from({ length: count }, (_, i) =>
    record({
      ...spec,
      at: ((spec.fromHour ?? 0) + i) * HOUR,
      duration: Math.round(ms * Math.exp(0.03 * gaussian(random))),
    }),
  );
}

describe('trendVerdicts', () => {
  it('calls a step whose last 5 runs take twice as long as its 15 earlier runs slower', () => {
    const history = [...runs(15, 1000), ...runs(5, 2000, { fromHour: 15, seed: 2 })];
    const [verdict] = trendVerdicts(history);
    expect(verdict).toMatchObject({
      name: 'build',
      verdict: 'slower',
      baselineCount: 15,
      candidateCount: 5,
    });
    expect(verdict!.changePercent).toBeGreaterThan(85);
    expect(verdict!.changePercent).toBeLessThan(115);
  });

  it('calls a step that got 2× quicker faster, and a steady one no change', () => {
    const history = [
      ...runs(15, 2000, { name: 'lint' }),
      ...runs(5, 1000, { name: 'lint', fromHour: 15, seed: 2 }),
      ...runs(40, 1000, { name: 'steady', seed: 3 }),
    ];
    const verdicts = trendVerdicts(history);
    expect(verdicts.map((v) => [v.name, v.verdict])).toEqual([
      ['lint', 'faster'],
      ['steady', 'no change'],
    ]);
    expect(verdicts[0]!.changePercent).toBeLessThan(-40);
    // 40 runs: the newest 10 against the 30 before them.
    expect(verdicts[1]).toMatchObject({ candidateCount: 10, baselineCount: 30 });
  });

  it('says not enough data below 5 earlier runs, and for a step that never succeeded', () => {
    const history = [
      ...runs(4, 1000, { name: 'few' }),
      record({ name: 'broken', status: 'failed', at: 0 }),
    ];
    const verdicts = trendVerdicts(history);
    expect(verdicts.map((v) => [v.name, v.verdict, v.changePercent])).toEqual([
      ['broken', 'not enough data', null],
      ['few', 'not enough data', null],
    ]);
    expect(verdicts[1]!.reason).toBe('needs 5 baseline runs, has 3');
  });

  it('leaves failed runs out: a slow timeout is not a slowdown', () => {
    const history = [
      ...runs(16, 1000),
      ...runs(4, 30_000, { fromHour: 16, status: 'failed' }),
      ...runs(1, 1000, { fromHour: 20, seed: 4 }),
    ];
    const [verdict] = trendVerdicts(history);
    expect(verdict!.verdict).toBe('no change');
    expect(verdict!.candidateCount + verdict!.baselineCount).toBe(17);
  });

  it('judges the default branch when runs know it, all runs when they do not', () => {
    const main = { branch: 'main' };
    const pr = { branch: 'feature', pr_number: 7 };
    const history = [
      ...runs(20, 1000, { ci: main }),
      // Slow pull-request runs are an experiment, not the step getting slower.
      ...runs(5, 3000, { ci: pr, fromHour: 20, seed: 5 }),
    ];
    const [onMain] = trendVerdicts(history, { defaultBranch: 'main' });
    expect(onMain).toMatchObject({ verdict: 'no change', baselineCount: 15, candidateCount: 5 });
    const [everything] = trendVerdicts(history);
    expect(everything!.verdict).toBe('slower');

    const laptop = [...runs(15, 1000, { ci: null }), ...runs(5, 2000, { ci: null, fromHour: 15 })];
    expect(trendVerdicts(laptop, { defaultBranch: 'main' })[0]!.verdict).toBe('slower');
    const onlyPr = runs(20, 1000, { ci: pr });
    expect(trendVerdicts(onlyPr, { defaultBranch: 'main' })[0]!.reason).toBe(
      'needs 5 baseline runs on main, has 0',
    );
  });

  it('with recentDays, compares the last days with the days before', () => {
    // Twelve daily runs at 1 s, then two runs a day for 3 days at 1.5 s.
    const history = [
      ...Array.from({ length: 12 }, (_, d) => record({ at: d * DAY, duration: 1000 + d })),
      ...Array.from({ length: 6 }, (_, i) =>
        record({ at: 12 * DAY + i * 12 * HOUR, duration: 1500 + i }),
      ),
    ];
    const [verdict] = trendVerdicts(history, { recentDays: 3 });
    expect(verdict).toMatchObject({ verdict: 'slower', candidateCount: 6, baselineCount: 12 });
    // The count split would put the quarter (4 runs) against the other 14, still slower.
    expect(trendVerdicts(history)[0]).toMatchObject({ verdict: 'slower', candidateCount: 4 });
  });

  it('ignores runs after `now`, and honours the run caps', () => {
    const history = [...runs(20, 1000), ...runs(5, 2000, { fromHour: 20, seed: 6 })];
    const before = Date.UTC(2025, 9, 1) + 19.5 * 3_600_000;
    expect(trendVerdicts(history, { now: before })[0]!.verdict).toBe('no change');
    const twoSlow = [...runs(20, 1000), ...runs(2, 2000, { fromHour: 20, seed: 6 })];
    expect(trendVerdicts(twoSlow, { recentRuns: 2, earlierRuns: 6 })[0]).toMatchObject({
      verdict: 'slower',
      candidateCount: 2,
      baselineCount: 6,
    });
  });

  it('rejects options that cannot work, naming them', () => {
    expect(() => trendVerdicts([], { recentRuns: 0 })).toThrow(
      'recentRuns must be a whole number ≥ 1, got 0',
    );
    expect(() => trendVerdicts([], { earlierRuns: 1.5 })).toThrow('earlierRuns must be');
    expect(() => trendVerdicts([], { recentDays: -1 })).toThrow(
      'recentDays must be a number of days > 0, got -1',
    );
    expect(trendVerdicts([])).toEqual([]);
  });
});

describe('trendsByName', () => {
  it('gives every operation the verdict trendOfRows gives it (branches, PRs, failures, order)', () => {
    const random = seeded(7);
    const history: ReturnType<typeof record>[] = [];
    for (let i = 0; i < 400; i++) {
      const name = ['build', 'test', 'lint', 'laptop'][i % 4]!;
      const pr = random() < 0.3 ? 100 + (i % 7) : undefined;
      const slowdown = i > 300 && name === 'test' ? 1.5 : 1;
      history.push(
        record({
          name,
          // 'lint' runs come out of time order (a file written by another clock).
          at: name === 'lint' ? (i * 37) % 400 : i,
          status: random() < 0.1 ? 'failed' : 'success',
          duration: Math.round(1000 * slowdown * Math.exp(0.05 * gaussian(random))),
          ci:
            name === 'laptop'
              ? null
              : {
                  sha: `sha${Math.floor(i / 8)}`,
                  branch: pr === undefined ? 'main' : `feature/${pr}`,
                  ...(pr === undefined ? {} : { pr_number: pr }),
                },
        }),
      );
    }
    const columns = ColumnarHistory.of(history);
    const byName = columns.rowsByName();
    for (const options of [{ defaultBranch: 'main' }, {}, { defaultBranch: 'gone' }]) {
      const all = trendsByName(columns, byName, options);
      expect([...all.keys()]).toEqual([...byName.keys()]);
      for (const [name, rows] of byName) {
        expect(all.get(name)).toEqual(trendOfRows(columns, rows, name, options));
      }
    }
    expect(trendsByName(columns, byName, { defaultBranch: 'main' }).get('test')).toMatchObject({
      verdict: 'slower',
    });
  });
});
