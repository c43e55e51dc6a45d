import { describe, expect, it } from 'vitest';
import { detectRegression } from '../../src/insight/regression.js';
import { gaussian, seeded } from './helpers.js';

// Ten baseline runs around 100 ms with ~5% spread, hand-picked so the numbers are easy to check.
const BASELINE = [95, 97, 98, 99, 100, 100, 101, 102, 103, 105];

describe('detectRegression', () => {
  it('calls a clear slowdown slower, with effect size, interval and p-value', () => {
    const v = detectRegression(BASELINE, [130, 128, 132], { name: 'build' });
    expect(v.verdict).toBe('slower');
    expect(v.name).toBe('build');
    // Hodges–Lehmann shift on logs ≈ 130/100: +30%.
    expect(v.changePercent).toBeGreaterThan(27);
    expect(v.changePercent).toBeLessThan(33);
    expect(v.ciLowPercent!).toBeGreaterThan(10);
    expect(v.ciHighPercent!).toBeGreaterThan(v.changePercent!);
    expect(v.pValue!).toBeLessThan(0.001);
    expect(v.baselineCount).toBe(10);
    expect(v.candidateCount).toBe(3);
    expect(v.baselineMedianMs).toBe(100);
    expect(v.candidateMedianMs).toBe(130);
    expect(v.baselineP95Ms).toBeCloseTo(104.1, 5);
    expect(v.confidence).toBe(0.96);
    expect(v.reason).toMatch(/^\+\d+\.\d% slower \(96% CI/);
  });

  it('says no change for identical timings', () => {
    const v = detectRegression(BASELINE, [100, 99, 101]);
    expect(v.verdict).toBe('no change');
    expect(Math.abs(v.changePercent!)).toBeLessThan(2);
    expect(v.pValue!).toBeGreaterThan(0.5);
    expect(v.ciLowPercent!).toBeLessThan(0);
    expect(v.ciHighPercent!).toBeGreaterThan(0);
  });

  it('is symmetric: a clear speed-up is faster', () => {
    const v = detectRegression(BASELINE, [70, 72, 71]);
    expect(v.verdict).toBe('faster');
    expect(v.changePercent).toBeLessThan(-25);
    expect(v.ciHighPercent!).toBeLessThan(0);
    expect(v.reason).toMatch(/faster/);
  });

  it('needs enough baseline runs, and says how many it has', () => {
    const v = detectRegression([100, 101], [300], { baselineLabel: 'main' });
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toBe('needs 5 baseline runs on main, has 2');
    expect(v.changePercent).toBeNull();
    expect(v.pValue).toBeNull();
    expect(v.baselineMedianMs).toBe(100.5);
  });

  it('needs a candidate run', () => {
    const v = detectRegression(BASELINE, []);
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toBe('needs 1 run of this change, has 0');
    expect(v.candidateMedianMs).toBeNull();
  });

  it('honours a custom minimum', () => {
    expect(detectRegression(BASELINE, [150], { minCandidate: 3 }).reason).toBe(
      'needs 3 runs of this change, has 1',
    );
  });

  it('does not call a real change below the threshold a regression', () => {
    // Very steady step, +6%: significant, but smaller than the 10% that matters.
    const steady = [100, 100, 101, 99, 100, 100, 101, 99, 100, 100];
    const v = detectRegression(steady, [106, 106, 106]);
    expect(v.verdict).toBe('no change');
    expect(v.pValue!).toBeLessThan(0.001);
    expect(v.reason).toMatch(/is real but within the 10% threshold/);
    expect(detectRegression(steady, [106, 106, 106], { thresholdPercent: 5 }).verdict).toBe(
      'slower',
    );
  });

  it('is not fooled into "slower" by an outlier-heavy baseline or a stray slow run', () => {
    const withOutliers = [...BASELINE, 300, 320]; // two runs on a starved runner
    expect(detectRegression(withOutliers, [101, 99, 100]).verdict).toBe('no change');
    // One slow PR run among normal ones is not a regression either.
    expect(detectRegression(BASELINE, [100, 300, 99]).verdict).toBe('no change');
  });

  it('still sees a real slowdown past one starved-runner run in the baseline', () => {
    const withOutlier = [95, 97, 98, 99, 300, 100, 101, 102, 103, 105, ...BASELINE, ...BASELINE];
    expect(detectRegression(withOutlier, [150, 148, 152]).verdict).toBe('slower');
  });

  it('does not call a single run in a known slow mode (cache miss) slower', () => {
    const bimodal = [100, 98, 205, 101, 99, 210, 102, 97, 200, 100];
    const v = detectRegression(bimodal, [204]);
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toMatch(/re-run to confirm/);
  });

  it('in a history with far-out runs, a single run must stand out from all of them', () => {
    const v = detectRegression([100, 100, 100, 100, 100, 100, 100, 100, 100, 150], [140]);
    expect(v.verdict).toBe('not enough data');
    expect(v.reason).toMatch(/re-run to confirm/);
    expect(v.rankPValue).toBeCloseTo(2 / 11, 10);
  });

  it('handles constant timings without dividing by zero', () => {
    const flat = Array.from({ length: 10 }, () => 1000);
    expect(detectRegression(flat, [1000]).verdict).toBe('no change');
    expect(detectRegression(flat, [1300]).verdict).toBe('slower');
    expect(detectRegression(flat, [0, 0, 0]).verdict).toBe('faster');
  });

  it('ignores invalid durations', () => {
    const v = detectRegression([...BASELINE, Number.NaN, -5], [100, Number.POSITIVE_INFINITY]);
    expect(v.baselineCount).toBe(10);
    expect(v.candidateCount).toBe(1);
  });

  it('rejects bad options with a one-line message naming the input', () => {
    expect(() => detectRegression(BASELINE, [1], { thresholdPercent: -1 })).toThrow(
      /regression-threshold must be a percentage/,
    );
    expect(() => detectRegression(BASELINE, [1], { confidence: 95 })).toThrow(/confidence must be/);
    expect(() => detectRegression(BASELINE, [1], { minBaseline: 1 })).toThrow(/minBaseline/);
  });

  it('is deterministic', () => {
    const a = detectRegression(BASELINE, [120, 118, 125]);
    expect(detectRegression(BASELINE, [120, 118, 125])).toEqual(a);
  });
});

describe('detectRegression, statistically (seeded, 300 trials per case)', () => {
  // 10% log-normal noise, 10 baseline runs: the bench's headline setting, at a smaller size.
  function rate(shift: number, prRuns: number, seed: number): number {
    const random = seeded(seed);
    const trials = 300;
    let slower = 0;
    for (let t = 0; t < trials; t++) {
      const run = (factor: number) => 60_000 * factor * Math.exp(0.1 * gaussian(random));
      const baseline = Array.from({ length: 10 }, () => run(1));
      const candidate = Array.from({ length: prRuns }, () => run(1 + shift));
      if (detectRegression(baseline, candidate).verdict === 'slower') slower += 1;
    }
    return slower / trials;
  }

  it('keeps false alarms on unchanged steps under 5%', () => {
    for (const prRuns of [1, 3, 5]) expect(rate(0, prRuns, 11 + prRuns)).toBeLessThan(0.05);
  });

  it('detects a 50% slowdown with 3 runs more than 95% of the time', () => {
    expect(rate(0.5, 3, 7)).toBeGreaterThan(0.95);
  });

  it('detects a 20% slowdown with 5 runs most of the time, and more often than with 1', () => {
    const five = rate(0.2, 5, 21);
    expect(five).toBeGreaterThan(0.7);
    expect(five).toBeGreaterThan(rate(0.2, 1, 22));
  });
});
