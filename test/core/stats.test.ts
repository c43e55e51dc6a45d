import { describe, expect, it } from 'vitest';
import { ColumnarHistory } from '../../src/core/history.js';
import { sourceOf } from '../../src/core/history-read.js';
import type { ExecutionRecord } from '../../src/core/record.js';
import {
  SummaryAccumulator,
  mean,
  median,
  percentile,
  percentilesInPlace,
  round2,
  stddev,
  summarize,
} from '../../src/core/stats.js';
import { checkValue, withValues, type RunValue } from '../../src/core/values.js';

function rec(
  name: string,
  duration_ms: number,
  status: 'success' | 'failed',
  started_at: string,
): ExecutionRecord {
  return { name, started_at, ended_at: started_at, duration_ms, status, metadata: {}, error: null };
}

describe('helpers', () => {
  it('percentile interpolates linearly between closest ranks (numpy "linear")', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // numpy.percentile(range(1, 11), [0, 50, 90, 95, 99, 100]) = 1, 5.5, 9.1, 9.55, 9.91, 10
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile(ten, 50)).toBe(5.5);
    expect(percentile(ten, 90)).toBeCloseTo(9.1, 12);
    expect(percentile(ten, 95)).toBeCloseTo(9.55, 12);
    expect(percentile(ten, 99)).toBeCloseTo(9.91, 12);
    expect(percentile(ten, 100)).toBe(10);
    // numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });

  it('median sorts a copy and averages the middle pair', () => {
    const values = [9, 1, 5, 3];
    expect(median(values)).toBe(4);
    expect(values).toEqual([9, 1, 5, 3]);
    expect(median([7, 1, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('mean and sample stddev (n − 1)', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    // Σ(x − 5)² = 32; sample variance 32 / 7 (population would be 32 / 8 = 4, stddev 2).
    expect(stddev(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(stddev([3])).toBe(0);
    expect(stddev([])).toBeNaN();
    expect(mean([])).toBeNaN();
  });

  it('round2 rounds like Python round(x, 2)', () => {
    expect(round2(33.333333)).toBe(33.33);
    expect(round2(66.666666)).toBe(66.67);
    expect(round2(0.125)).toBe(0.12); // exact tie: to even
    expect(round2(0.375)).toBe(0.38);
    expect(round2(-0.125)).toBe(-0.12);
    expect(round2(2.675)).toBe(2.67); // 2.675 is 2.67499999… in binary
    expect(round2(1.005)).toBe(1);
    expect(round2(250)).toBe(250);
    expect(round2(NaN)).toBeNaN();
  });
});

describe('percentilesInPlace', () => {
  it('equals percentile() over a sorted copy, duplicates and edge sizes included', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const ps = [0, 1, 50, 90, 95, 99, 100];
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      for (const spread of [1, 5, 1e6]) {
        const values = Float64Array.from({ length: n }, () => Math.floor(random() * spread));
        const sorted = values.slice().sort();
        const expected = ps.map((p) => percentile(sorted, p));
        expect(percentilesInPlace(values, ps), `n=${n} spread=${spread}`).toEqual(expected);
      }
    }
    expect(percentilesInPlace(new Float64Array(0), [50])).toEqual([NaN]);
  });
});

describe('summarize', () => {
  const records = [
    rec('build', 300, 'failed', '2025-10-19T09:00:00'),
    rec('build', 100, 'success', '2025-10-18T09:00:00'),
    rec('lint', 2, 'failed', '2025-10-18T10:00:00'),
    rec('build', 400, 'success', '2025-10-20T08:00:00.250000'),
    rec('lint', 1, 'success', '2025-10-19T10:00:00'),
    rec('build', 200, 'success', '2025-10-17T09:00:00'),
    rec('lint', 4, 'failed', '2025-10-17T10:00:00'),
  ];

  it('matches hand-computed values', () => {
    const summary = summarize(records);
    expect(Object.keys(summary)).toEqual(['build', 'lint']); // first-seen order
    expect(summary.build).toEqual({
      name: 'build',
      total_executions: 4,
      successes: 3,
      failures: 1,
      success_rate: 0.75,
      avg_duration_ms: 250,
      min_duration_ms: 100,
      max_duration_ms: 400,
      p50_duration_ms: 250, // rank 1.5 between 200 and 300
      p90_duration_ms: 370, // rank 2.7: 300 + 0.7 × 100
      p95_duration_ms: 385,
      p99_duration_ms: 397,
      stddev_duration_ms: 129.1, // √(50000 / 3) = 129.0994…
      last_status: 'success',
      last_run_at: '2025-10-20T08:00:00.250000',
    });
    expect(summary.lint).toEqual({
      name: 'lint',
      total_executions: 3,
      successes: 1,
      failures: 2,
      success_rate: 0.3333,
      avg_duration_ms: 2.33, // 7 / 3
      min_duration_ms: 1,
      max_duration_ms: 4,
      p50_duration_ms: 2,
      p90_duration_ms: 3.6, // rank 1.8: 2 + 0.8 × 2
      p95_duration_ms: 3.8,
      p99_duration_ms: 3.96,
      stddev_duration_ms: 1.53, // √((16 + 1 + 25) / 9 / 2) = 1.5275…
      last_status: 'success',
      last_run_at: '2025-10-19T10:00:00',
    });
  });

  it('compares last_run_at by instant, not text, and lets the later record win a tie', () => {
    const summary = summarize([
      rec('x', 1, 'success', '2025-10-20T10:00:00Z'),
      rec('x', 1, 'failed', '2025-10-20T11:30:00+02:00'), // 09:30 UTC: older
      rec('x', 1, 'failed', '2025-10-20T10:00:00'), // same instant as the first: later wins
    ]);
    expect(summary.x?.last_status).toBe('failed');
    expect(summary.x?.last_run_at).toBe('2025-10-20T10:00:00');
  });

  it('gives one-record operations zero stddev and equal percentiles', () => {
    const s = summarize([rec('one', 50.5, 'failed', '2025-10-20T10:00:00')]).one!;
    expect([s.min_duration_ms, s.max_duration_ms, s.p50_duration_ms, s.p99_duration_ms]).toEqual([
      50.5, 50.5, 50.5, 50.5,
    ]);
    expect(s.stddev_duration_ms).toBe(0);
    expect(s.success_rate).toBe(0);
    expect(summarize([])).toEqual({});
  });

  it('streams: the accumulator grows past its first buffer and matches a direct computation', () => {
    const acc = new SummaryAccumulator();
    const durations: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = (i * 7919) % 1009; // a permutation-ish spread of values
      durations.push(d);
      acc.add(rec('grow', d, i % 10 === 0 ? 'failed' : 'success', '2025-10-20T10:00:00'));
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const s = acc.summary().grow!;
    expect(acc.size).toBe(1);
    expect(s.total_executions).toBe(1000);
    expect(s.failures).toBe(100);
    expect(s.success_rate).toBe(0.9);
    expect(s.p90_duration_ms).toBe(round2(percentile(sorted, 90)));
    expect(s.p50_duration_ms).toBe(round2(median(durations)));
    expect(s.stddev_duration_ms).toBe(round2(stddev(durations)));
    expect(s.min_duration_ms).toBe(sorted[0]);
    expect(s.max_duration_ms).toBe(sorted[999]);
    // Still usable after summary(): more records change the result.
    acc.add(rec('grow', 5000, 'success', '2025-10-21T10:00:00'));
    expect(acc.summary().grow?.max_duration_ms).toBe(5000);
    expect(acc.summary().grow?.last_run_at).toBe('2025-10-21T10:00:00');
  });
});

describe('success_rate', () => {
  it('is a fraction 0–1 with 4 decimals, as the Python tool writes it (0.9 for 90%)', () => {
    const statuses = (ok: number, failed: number) => [
      ...Array.from({ length: ok }, () => rec('op', 1, 'success', '2025-10-20T10:00:00')),
      ...Array.from({ length: failed }, () => rec('op', 1, 'failed', '2025-10-20T10:00:00')),
    ];
    expect(summarize(statuses(9, 1)).op?.success_rate).toBe(0.9);
    expect(summarize(statuses(2, 1)).op?.success_rate).toBe(0.6667);
    expect(summarize(statuses(0, 3)).op?.success_rate).toBe(0);
    expect(summarize(statuses(5, 0)).op?.success_rate).toBe(1);
    // An exact tie rounds to even, as Python's round(x, 4): 1/32 = 0.03125 → 0.0312.
    expect(summarize(statuses(1, 31)).op?.success_rate).toBe(0.0312);
  });
});

describe('value statistics (issue 13)', () => {
  const withV = (
    duration: number,
    started: string,
    values: RunValue[],
    name = 'bundle',
  ): ExecutionRecord => ({
    ...rec(name, duration, 'success', started),
    metadata: withValues({ ci: { branch: 'main' } }, values),
  });

  it('summarises each value of an operation, the newest run declaring unit and direction', () => {
    const kb = (v: number, unit = 'KB') => checkValue('size', v, { unit });
    const records = [
      withV(10, '2025-10-18T09:00:00', [kb(500), checkValue('cost', 0.0012, { unit: 'USD' })]),
      withV(10, '2025-10-20T09:00:00', [kb(520, 'KiB')]),
      withV(10, '2025-10-19T09:00:00', [kb(510), checkValue('cost', 0.0013, { unit: 'USD' })]),
      rec('bundle', 10, 'failed', '2025-10-21T09:00:00'), // no values: not counted in them
    ];
    const summary = summarize(records).bundle!;
    expect(summary.total_executions).toBe(4);
    expect(summary.values).toEqual({
      size: {
        count: 3,
        avg: 510,
        min: 500,
        max: 520,
        p50: 510,
        p95: 519,
        unit: 'KiB',
        better: 'smaller',
      },
      // Not rounded to 2 decimals, as durations are: the cost would read 0.
      cost: {
        count: 2,
        avg: 0.00125,
        min: 0.0012,
        max: 0.0013,
        p50: 0.00125,
        p95: 0.001295,
        unit: 'USD',
        better: 'smaller',
      },
    });
    expect(Object.getPrototypeOf(summary.values)).toBeNull();
  });

  it('keeps the direction a value declares, and leaves out values that are not finite numbers', () => {
    const ops = checkValue('ops', 1000, { unit: 'ops/s' });
    const records = [
      withV(5, '2025-10-18T09:00:00', [ops]),
      {
        ...rec('bundle', 5, 'success', '2025-10-19T09:00:00'),
        metadata: { values: { ops: 'fast', other: 3 } },
      },
    ];
    const values = summarize(records).bundle!.values!;
    expect(values.ops).toEqual({
      count: 1,
      avg: 1000,
      min: 1000,
      max: 1000,
      p50: 1000,
      p95: 1000,
      unit: 'ops/s',
      better: 'bigger',
    });
    expect(values.other).toMatchObject({ count: 1, better: 'smaller' });
    expect(values.other).not.toHaveProperty('unit');
  });

  it('adds no values key to operations without values', () => {
    const summary = summarize([
      rec('lint', 1, 'success', '2025-10-19T10:00:00'),
      withV(3, '2025-10-19T10:00:00', [checkValue('n', 2)], 'test'),
    ]);
    expect(summary.lint).not.toHaveProperty('values');
    expect(summary.test!.values!.n!.count).toBe(1);
  });
});

describe('SummaryAccumulator.addRow (operations by the history’s name ids)', () => {
  it('gives add()’s summary, with names that other columns intern first and values', () => {
    const history = new ColumnarHistory({ compact: true });
    const byRow = new SummaryAccumulator();
    const byRecord = new SummaryAccumulator();
    const names = ['main', 'build', '__proto__', 'test', 'feature/x'];
    for (let i = 0; i < 500; i++) {
      const minute = String(i % 60).padStart(2, '0');
      const r = rec(
        names[(i * 7) % names.length]!,
        (i * 37) % 101,
        i % 9 === 0 ? 'failed' : 'success',
        `2025-10-${10 + (i % 3)}T10:${minute}:00`,
      );
      // A branch named like an operation: the text gets its id before any row names it.
      r.metadata = { ci: { branch: names[(i + 1) % names.length], sha: 'a'.repeat(40) } };
      const metadata =
        i % 5 === 0 ? withValues({}, [{ name: 'kb', value: i, better: 'smaller' }]) : r.metadata;
      const record = { ...r, metadata };
      const startedMs = Date.parse(`${record.started_at}Z`);
      const row = history.add(record, startedMs);
      byRow.addRow(history, row, sourceOf(record), startedMs);
      byRecord.add(record, startedMs);
    }
    expect(JSON.stringify(byRow.summary())).toBe(JSON.stringify(byRecord.summary()));
    expect(Object.keys(byRow.summary())).toEqual(Object.keys(byRecord.summary()));
    expect(byRow.size).toBe(names.length);
  });
});
