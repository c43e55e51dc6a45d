// Value series through the duration detector: direction, scale, values <= 0, the CLI's selection.
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../src/core/record.js';
import { formatTimestamp } from '../../src/core/record.js';
import { checkValue, withValues, type RunValue } from '../../src/core/values.js';
import { detectRegression } from '../../src/insight/regression.js';
import { detectValueRegression } from '../../src/insight/value-regression.js';
import { ColumnarHistory } from '../../src/core/history.js';
import { valueVerdicts, valueVerdictsOfRows, verdictOfView } from '../../src/insight/verdicts.js';

/** `n` values around `level` with ±2% deterministic wiggle, newest first. */
function around(level: number, n: number, seed = 1): number[] {
  return Array.from({ length: n }, (_, i) => level * (1 + 0.02 * Math.sin(seed * 7.3 + i * 2.1)));
}

describe('detectValueRegression', () => {
  it('a bigger-is-better value that drops 20% is worse, its own change printed', () => {
    const v = detectValueRegression(around(1000, 30), around(800, 5, 2), 'bigger', {
      baselineLabel: 'main',
    });
    expect(v.verdict).toBe('slower'); // = worse
    expect(v.changePercent).toBeCloseTo(-20, 0);
    expect(v.ciLowPercent!).toBeLessThan(v.ciHighPercent!);
    expect(v.ciHighPercent!).toBeLessThan(0);
    expect(v.reason).toMatch(/^−20\.\d% worse \(96% CI −2\d\.\d% to −1\d\.\d%/);
    expect(v.reason).not.toMatch(/slower|faster/);
    expect(v.reason).toContain('baseline on main');
    expect(v.baselineMedianMs).toBeCloseTo(1000, -1);
    expect(v.candidateMedianMs).toBeCloseTo(800, -1);
  });

  it('agrees with the reciprocal series’ decision, with the percentages of the value, not of 1/x', () => {
    const base = around(50, 30);
    const cand = around(40, 4, 3);
    const v = detectValueRegression(base, cand, 'bigger');
    const reciprocal = detectRegression(
      base.map((x) => 1e6 / x),
      cand.map((x) => 1e6 / x),
    );
    expect(reciprocal.verdict).toBe('slower');
    expect(v.verdict).toBe(reciprocal.verdict);
    const own = (r: number) => 100 / (1 + r / 100) - 100;
    expect(v.changePercent!).toBeCloseTo(own(reciprocal.changePercent!), 6);
    expect(v.ciLowPercent!).toBeCloseTo(own(reciprocal.ciHighPercent!), 6);
    expect(v.ciHighPercent!).toBeCloseTo(own(reciprocal.ciLowPercent!), 6);
    expect(reciprocal.changePercent!).toBeGreaterThan(20); // 1/x went up by 25%
  });

  it('a bigger-is-better value that rises is better; a smaller-is-better one that rises is worse', () => {
    expect(detectValueRegression(around(1000, 30), around(1200, 5), 'bigger').verdict).toBe(
      'faster',
    );
    const size = detectValueRegression(around(500, 30), around(600, 5), 'smaller');
    expect(size.verdict).toBe('slower');
    expect(size.changePercent).toBeCloseTo(20, 0);
    expect(size.reason).toMatch(/^\+20\.\d% worse/);
  });

  it('judges values under 1 as finely as large ones (the detector reads < 1 ms as 1 ms)', () => {
    const cost = detectValueRegression(around(0.0012, 30), around(0.00144, 5), 'smaller');
    expect(cost.verdict).toBe('slower');
    expect(cost.changePercent).toBeCloseTo(20, 0);
    expect(cost.baselineMedianMs).toBeCloseTo(0.0012, 5);
    expect(cost.candidateMedianMs).toBeCloseTo(0.00144, 5);
    const same = detectValueRegression(around(0.0012, 30), around(0.0012, 5, 4), 'smaller');
    expect(same.verdict).toBe('no change');
  });

  it('says why a series with values <= 0 is not judged, with its medians', () => {
    const v = detectValueRegression([0, 1, 2, 1, 0, 1], [5, 6], 'smaller');
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toBe('values <= 0 need a linear scale: this comparison works on ratios');
    expect(v.baselineMedianMs).toBe(1);
    expect(v.candidateMedianMs).toBe(5.5);
    expect(v.changePercent).toBeNull();
  });

  it('keeps a baseline label that holds the detector’s words', () => {
    const v = detectValueRegression(around(10, 30), around(12, 5), 'smaller', {
      baselineLabel: 'faster-builds',
    });
    expect(v.reason).toContain('baseline on faster-builds');
    expect(v.reason).toMatch(/worse/);
  });
});

describe('valueVerdicts', () => {
  it('chooses runs as for durations, one verdict per value, in the value direction', () => {
    const records: ExecutionRecord[] = [];
    let t = Date.UTC(2025, 9, 1);
    const add = (
      branch: string,
      pr: number | undefined,
      values: RunValue[],
      status = 'success',
    ) => {
      t += 60_000;
      const ci: Record<string, unknown> = { provider: 'github-actions', branch };
      if (pr !== undefined) ci.pr_number = pr;
      records.push({
        name: 'bench',
        started_at: formatTimestamp(t),
        ended_at: formatTimestamp(t + 100),
        duration_ms: 100,
        status: status as 'success',
        metadata: withValues({ ci }, values),
        error: null,
      });
    };
    const main = around(1000, 12);
    const kb = around(500, 12, 5);
    for (let i = 0; i < 12; i++) {
      add('main', undefined, [
        checkValue('ops', main[i]!, { unit: 'ops/s' }),
        checkValue('size', kb[i]!, { unit: 'KB' }),
      ]);
    }
    // The PR: 20% fewer ops/s (worse), same size; a failed run with absurd values is left out.
    for (const x of around(800, 4, 9)) {
      add('feature', 7, [
        checkValue('ops', x, { unit: 'ops/s' }),
        checkValue('size', 500, { unit: 'KB' }),
      ]);
    }
    add('feature', 7, [checkValue('ops', 1, { unit: 'ops/s' })], 'failed');

    const verdicts = valueVerdicts(records, { branch: 'feature', prNumber: 7, baseBranch: 'main' });
    expect(verdicts.map((v) => [v.name, v.verdict, v.unit, v.better])).toEqual([
      ['bench › ops', 'slower', 'ops/s', 'bigger'],
      ['bench › size', 'no change', 'KB', 'smaller'],
    ]);
    expect(verdicts[0]).toMatchObject({ step: 'bench', valueName: 'ops', candidateCount: 4 });
    expect(verdicts[0]!.changePercent).toBeCloseTo(-20, 0);
    expect(
      valueVerdicts(records, { branch: 'feature', prNumber: 7, baseBranch: 'main' }, {}, ['other']),
    ).toEqual([]);
  });
});

describe('verdictOfView on a value series (the one value-verdict path)', () => {
  /** 12 runs on main then 4 on PR 7, each carrying `value` of `name`. */
  function history(name: string, better: 'smaller' | 'bigger', base: number[], pr: number[]) {
    const records: ExecutionRecord[] = [];
    let t = Date.UTC(2025, 9, 1);
    const add = (branch: string, pr: number | undefined, value: number) => {
      t += 60_000;
      const ci: Record<string, unknown> = { provider: 'github-actions', branch };
      if (pr !== undefined) ci.pr_number = pr;
      records.push({
        name: 'step',
        started_at: formatTimestamp(t),
        ended_at: formatTimestamp(t + 100),
        duration_ms: 100,
        status: 'success',
        metadata: withValues({ ci }, [{ name, value, better }]),
        error: null,
      });
    };
    for (const v of base) add('main', undefined, v);
    for (const v of pr) add('feature', 7, v);
    return ColumnarHistory.of(records);
  }
  const run = { branch: 'feature', prNumber: 7, baseBranch: 'main' };

  it('judges values under 1 as finely as large ones, and says worse/better', () => {
    const h = history('cost', 'smaller', around(0.0012, 12), around(0.00144, 4, 3));
    const v = verdictOfView(h, h.valueView('cost')!, 'step › cost', run);
    expect(v.verdict).toBe('slower');
    expect(v.changePercent).toBeCloseTo(20, 0);
    expect(v.baselineMedianMs).toBeCloseTo(0.0012, 5);
    expect(v.reason).toMatch(/worse/);
    expect(v.reason).not.toMatch(/slower|faster/);
  });

  it('does not judge a series with a value <= 0', () => {
    const h = history('delta', 'smaller', [0, 1, 2, 1, 0, 1, 2, 1], [5, 6]);
    const v = verdictOfView(h, h.valueView('delta')!, 'step › delta', run);
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toBe('values <= 0 need a linear scale: this comparison works on ratios');
  });

  it('valueVerdictsOfRows: one verdict per value of the step’s rows, named step › value', () => {
    const h = history('ops', 'bigger', around(1000, 12), around(800, 4, 9));
    const verdicts = valueVerdictsOfRows(h, h.rowsByName().get('step')!, 'step', run);
    expect(verdicts.map((v) => [v.name, v.verdict, v.better, v.valueName, v.step])).toEqual([
      ['step › ops', 'slower', 'bigger', 'ops', 'step'],
    ]);
    expect(valueVerdictsOfRows(h, [], 'step', run)).toEqual([]);
  });
});
