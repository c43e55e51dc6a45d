/**
 * Regression verdicts: is this change's timing faster, slower or the same as the baseline's?
 *
 * Method (measured in bench/detector-bench.js):
 * - Work on log durations: CI noise is multiplicative (a busy runner slows every step by a factor).
 * - Effect: Hodges–Lehmann shift of candidate over baseline (median of all pairwise differences),
 *   reported as a ratio of medians − 1. Robust to a stray run, 95% as efficient as means.
 * - Noise: pooled standard deviation of the logs of both samples, each run's distance from its
 *   sample's median clipped at 4 robust sigmas (MAD) and the result floored at 1%. Clipping, not
 *   dropping: a rare ×3 outlier no longer hides a real slowdown, yet a second mode (cache miss)
 *   still widens the interval.
 * - Test: t statistic of the shift (n + m − 2 degrees of freedom); the verdict needs the two-sided
 *   `confidence` interval to exclude 0, the estimate to reach `thresholdPercent`, and an exact
 *   Mann–Whitney rank test to agree (p ≤ 1 − confidence, or the most extreme ranking possible for
 *   small samples) — the rank test keeps false alarms at its level whatever the timing distribution.
 */
import { studentTCdf, studentTQuantile } from './distributions.js';
import {
  hodgesLehmannShift,
  mannWhitneyMinP,
  mannWhitneyUpperP,
  median,
  percentile,
  sumOfSquares,
} from './sample-stats.js';
import type { RegressionVerdict, VerdictKind } from './types.js';

export interface RegressionOptions {
  /** Operation name copied into the verdict. */
  name?: string;
  /** Smallest change that matters, in percent (default 10). Faster means ×1/(1 + t). */
  thresholdPercent?: number;
  /**
   * Two-sided confidence of the interval (default 0.96). A verdict needs the interval to exclude 0,
   * so the false-alarm rate on an unchanged step is (1 − confidence)/2: 2% by default, the issue's
   * target; 0.95 would give 2.5%.
   */
  confidence?: number;
  /** Fewest baseline runs to judge (default 5; at least 2). */
  minBaseline?: number;
  /** Fewest candidate runs to judge (default 1). */
  minCandidate?: number;
  /** Where the baseline comes from, for the reason text, e.g. "main". */
  baselineLabel?: string;
}

/** CI timings are never steadier than this (log scale, ~1%); stops identical runs dividing by 0. */
const SIGMA_FLOOR = 0.01;

/** Durations under 1 ms are read as 1 ms so their logarithm stays finite. */
function logDurations(durations: readonly number[]): number[] {
  return durations.filter((d) => Number.isFinite(d) && d >= 0).map((d) => Math.log(Math.max(d, 1)));
}

function checkOptions(
  options: RegressionOptions,
): Required<Omit<RegressionOptions, 'baselineLabel'>> {
  const thresholdPercent = options.thresholdPercent ?? 10;
  const confidence = options.confidence ?? 0.96;
  const minBaseline = options.minBaseline ?? 5;
  const minCandidate = options.minCandidate ?? 1;
  if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0) {
    throw new Error(
      `regression-threshold must be a percentage ≥ 0 (e.g. 10), got ${thresholdPercent}`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`confidence must be between 0 and 1 (e.g. 0.95), got ${confidence}`);
  }
  if (!Number.isInteger(minBaseline) || minBaseline < 2) {
    throw new Error(`minBaseline must be a whole number ≥ 2, got ${minBaseline}`);
  }
  if (!Number.isInteger(minCandidate) || minCandidate < 1) {
    throw new Error(`minCandidate must be a whole number ≥ 1, got ${minCandidate}`);
  }
  return { name: options.name ?? '', thresholdPercent, confidence, minBaseline, minCandidate };
}

/** Runs further than this many robust sigmas from their sample's median count only this far. */
const CLIP_SIGMAS = 4;

/**
 * Pooled standard deviation of the log samples, with outlying runs clipped (winsorized) so a single
 * starved-runner run cannot inflate the noise estimate tenfold. The candidate's own spread counts
 * only when it has two runs or more.
 */
function pooledSigma(x: readonly number[], y: readonly number[], df: number): number {
  const residuals = (values: readonly number[]) => {
    const center = median(values);
    return values.map((v) => v - center);
  };
  const rx = residuals(x);
  const ry = y.length > 1 ? residuals(y) : [];
  // Under 10 runs the MAD itself is too unsteady to say what is unusual: no clipping then.
  const all = [...rx, ...ry];
  const robust =
    all.length < 10 ? Infinity : Math.max(1.4826 * median(all.map(Math.abs)), SIGMA_FLOOR);
  const clip = (values: number[]) =>
    values.map((r) => Math.max(-CLIP_SIGMAS * robust, Math.min(CLIP_SIGMAS * robust, r)));
  const pooled = Math.sqrt((sumOfSquares(clip(rx)) + sumOfSquares(clip(ry))) / df);
  return Math.max(pooled, SIGMA_FLOOR);
}

/** Signed percentage with one decimal, e.g. "+12.3%", "−4.0%". */
function pct(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}%`;
}

function pText(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Compares candidate durations (this change's runs) with baseline durations (the base branch's),
 * both in milliseconds, and says faster, slower, no change or not enough data.
 * Invalid durations (negative, NaN) are ignored. Deterministic.
 */
export function detectRegression(
  baselineDurations: readonly number[],
  candidateDurations: readonly number[],
  options: RegressionOptions = {},
): RegressionVerdict {
  const opts = checkOptions(options);
  const baseline = baselineDurations.filter((d) => Number.isFinite(d) && d >= 0);
  const candidate = candidateDurations.filter((d) => Number.isFinite(d) && d >= 0);
  const n = baseline.length;
  const m = candidate.length;
  const where = options.baselineLabel ? ` on ${options.baselineLabel}` : '';

  const verdict = (
    kind: VerdictKind,
    reason: string,
    stats: Partial<RegressionVerdict> = {},
  ): RegressionVerdict => ({
    name: opts.name,
    verdict: kind,
    changePercent: null,
    ciLowPercent: null,
    ciHighPercent: null,
    confidence: opts.confidence,
    pValue: null,
    baselineCount: n,
    candidateCount: m,
    baselineMedianMs: n > 0 ? median(baseline) : null,
    baselineP95Ms: n > 0 ? percentile(baseline, 95) : null,
    candidateMedianMs: m > 0 ? median(candidate) : null,
    reason,
    ...stats,
  });

  if (n < opts.minBaseline) {
    return verdict(
      'not enough data',
      `needs ${plural(opts.minBaseline, 'baseline run')}${where}, has ${n}`,
    );
  }
  if (m < opts.minCandidate) {
    return verdict(
      'not enough data',
      `needs ${plural(opts.minCandidate, 'run')} of this change, has ${m}`,
    );
  }

  const x = logDurations(baseline);
  const y = logDurations(candidate);
  const shift = hodgesLehmannShift(x, y);
  const df = n + m - 2;
  const sigma = pooledSigma(x, y, df);
  // Standard error of the Hodges–Lehmann shift on normal data: for one run it is that run minus the
  // baseline median (variance σ²(1 + π/2n)); otherwise the large-sample π/3·(1/n + 1/m).
  const factor =
    m === 1 ? Math.sqrt(1 + Math.PI / (2 * n)) : Math.sqrt((Math.PI / 3) * (1 / n + 1 / m));
  const se = sigma * factor;
  const t = shift / se;
  const pUp = 1 - studentTCdf(t, df);
  const pDown = studentTCdf(t, df);
  const pValue = Math.min(1, 2 * Math.min(pUp, pDown));
  const alpha = 1 - opts.confidence;
  const half = studentTQuantile(1 - alpha / 2, df) * se;
  const toPercent = (logShift: number): number => (Math.exp(logShift) - 1) * 100;
  const stats: Partial<RegressionVerdict> = {
    changePercent: toPercent(shift),
    ciLowPercent: toPercent(shift - half),
    ciHighPercent: toPercent(shift + half),
    pValue,
  };

  const change = pct(toPercent(shift));
  const interval = `${Math.round(opts.confidence * 100)}% CI ${pct(toPercent(shift - half))} to ${pct(toPercent(shift + half))}`;
  const sizes = `${plural(m, 'run')} vs ${n} baseline`;
  const minEffect = Math.log(1 + opts.thresholdPercent / 100);
  const significant = pValue < alpha;
  if (!significant) {
    return verdict(
      'no change',
      `no significant change: ${change} (${interval}, ${pText(pValue)}, ${sizes})`,
      stats,
    );
  }
  const slower = shift > 0;
  if (Math.abs(shift) < minEffect) {
    return verdict(
      'no change',
      `${change} is real but below the ${opts.thresholdPercent}% threshold (${interval}, ${sizes})`,
      stats,
    );
  }
  // The rank test's level, or the most extreme ranking possible when the samples are too small to
  // reach that level (a single run must then be slower than every baseline run).
  const rankLevel = Math.max(alpha, mannWhitneyMinP(n, m));
  const rankP = slower ? mannWhitneyUpperP(x, y) : mannWhitneyUpperP(y, x);
  if (rankP > rankLevel + 1e-12) {
    return verdict(
      'no change',
      `${change} rests on a few unusual runs: the runs do not rank consistently ${slower ? 'above' : 'below'} the baseline (rank test ${pText(rankP)}, ${sizes})`,
      { ...stats, rankPValue: rankP },
    );
  }
  return verdict(
    slower ? 'slower' : 'faster',
    `${change} ${slower ? 'slower' : 'faster'} (${interval}, ${pText(pValue)}, ${sizes})`,
    { ...stats, rankPValue: rankP },
  );
}
