import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from '../../src/insight/distributions.js';
import {
  hodgesLehmannShift,
  mannWhitneyMinP,
  mannWhitneyUpperP,
  median,
  percentile,
} from '../../src/insight/sample-stats.js';

describe('distributions (against published tables)', () => {
  it('Student t quantiles and CDF', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 5);
    expect(studentTQuantile(0.98, 9)).toBeCloseTo(2.398441, 5);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.025, 30)).toBeCloseTo(-2.042272, 5);
    expect(studentTCdf(2.228139, 10)).toBeCloseTo(0.975, 6);
    expect(studentTCdf(0, 4)).toBe(0.5);
  });

  it('normal quantiles and CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalCdf(1.644854)).toBeCloseTo(0.95, 6);
  });
});

describe('sample statistics', () => {
  it('median and percentile', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(percentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8, 10);
  });

  it('Hodges–Lehmann shift is the median of pairwise differences', () => {
    expect(hodgesLehmannShift([1, 2, 3], [11, 12, 13])).toBe(10);
    // Differences 7,7,8,8,9,9,997,998,999: the 1000 ms run moves the estimate by one step only.
    expect(hodgesLehmannShift([1, 2, 3], [10, 10, 1000])).toBe(9);
  });

  it('exact Mann–Whitney p-values', () => {
    // All 2 candidates above all 3 baseline values: 1 of C(5,2) = 10 arrangements.
    expect(mannWhitneyUpperP([1, 2, 3], [4, 5])).toBeCloseTo(0.1, 12);
    // U = 5 of 6 (one pair reversed): arrangements with U ≥ 5 are 2 of 10.
    expect(mannWhitneyUpperP([1, 2, 4], [3, 5])).toBeCloseTo(0.2, 12);
    expect(mannWhitneyUpperP([4, 5], [1, 2, 3])).toBe(1);
    expect(mannWhitneyMinP(10, 3)).toBeCloseTo(1 / 286, 12);
    // Large samples switch to the normal approximation and stay sensible.
    const base = Array.from({ length: 150 }, (_, i) => i);
    const p = mannWhitneyUpperP(
      base,
      base.map((v) => v + 0.5),
    );
    expect(p).toBeGreaterThan(0.3);
    expect(p).toBeLessThan(0.6);
  });
});
