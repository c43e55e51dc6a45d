/**
 * Regression verdicts: is this change's timing faster, slower or the same as the baseline's?
 *
 * Method (measured against the known-noise ceiling in bench/detector-bench.js):
 * - Work on log durations: CI noise is multiplicative (a busy runner slows every step by a factor).
 * - The baseline (newest first, up to 100 runs) gives a noise model (noise.ts): the level from the
 *   newest 10 runs, projected along the history's drift, and the run-to-run noise from all of them,
 *   block by block, with far-out runs set aside. A hundred runs pin the noise down, so 1–5 runs of
 *   a change get close to the power of a test that knows it.
 * - Effect: Huber location of the change's runs minus the level, reported as a ratio − 1.
 * - Test: t statistic with the noise's degrees of freedom; a verdict needs the two-sided
 *   `confidence` interval to exclude 0 and the estimate to reach `thresholdPercent`.
 * - Far-out runs: a run more than 3 sigmas from the level is "unusual". When the history itself has
 *   such runs (hiccups, cache misses), an unusual run of the change proves nothing alone: it is set
 *   aside when other runs of the change are ordinary, and when all are unusual they count only if
 *   the history makes that many in a row unlikelier than the false-alarm rate.
 * - Weak evidence is not "no change": that verdict needs the 80% interval inside ±threshold;
 *   otherwise the verdict is "not enough data", saying what would settle it.
 */
import { studentTCdf, studentTQuantile } from './distributions.js';
import {
  huberLocation,
  huberVarianceFactor,
  learnNoise,
  mean,
  permutationP,
  UNUSUAL_SIGMAS,
} from './noise.js';
import { median, percentile } from './sample-stats.js';
import type { RegressionVerdict, VerdictKind } from './types.js';

export interface RegressionOptions {
  /** Operation name copied into the verdict. */
  name?: string;
  /** Smallest change that matters, in percent (default 10). Faster means ×1/(1 + t). */
  thresholdPercent?: number;
  /**
   * Two-sided confidence of the interval (default 0.96). A verdict needs the interval to exclude 0,
   * so the false-alarm rate on an unchanged step is (1 − confidence)/2: 2% by default.
   */
  confidence?: number;
  /** Fewest baseline runs to judge (default 5; at least 2). */
  minBaseline?: number;
  /** Fewest candidate runs to judge (default 1). */
  minCandidate?: number;
  /** Where the baseline comes from, for the reason text, e.g. "main". */
  baselineLabel?: string;
  /** Baseline runs that set its level (default 10); the rest only teach the noise. */
  recentWindow?: number;
  /**
   * Project the baseline along its drift to the candidate's time (default true). Trends turn it
   * off: their question is the drift.
   */
  followDrift?: boolean;
}

/** Durations under 1 ms are read as 1 ms so their logarithm stays finite. */
function logDurations(durations: readonly number[]): number[] {
  return durations.filter((d) => Number.isFinite(d) && d >= 0).map((d) => Math.log(Math.max(d, 1)));
}

function checkOptions(options: RegressionOptions) {
  const thresholdPercent = options.thresholdPercent ?? 10;
  const confidence = options.confidence ?? 0.96;
  const minBaseline = options.minBaseline ?? 5;
  const minCandidate = options.minCandidate ?? 1;
  const recentWindow = options.recentWindow ?? 10;
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
  if (!Number.isInteger(recentWindow) || recentWindow < 2) {
    throw new Error(`recentWindow must be a whole number ≥ 2, got ${recentWindow}`);
  }
  return {
    name: options.name ?? '',
    thresholdPercent,
    confidence,
    minBaseline,
    minCandidate,
    recentWindow,
    followDrift: options.followDrift ?? true,
  };
}

/** Two-sided confidence of the interval that must sit inside ±threshold to say "no change". */
const NO_CHANGE_CONFIDENCE = 0.8;

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
 * Compares candidate durations (this change's runs) with baseline durations (the base branch's
 * successful runs, NEWEST FIRST: the order says which runs set the level), both in milliseconds,
 * and says faster, slower, no change or not enough data.
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
    baselineMedianMs: n > 0 ? median(baseline.slice(0, opts.recentWindow)) : null,
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

  const model = learnNoise(logDurations(baseline), {
    recent: opts.recentWindow,
    followDrift: opts.followDrift,
  });
  const { sigma, level } = model;
  const alpha = 1 - opts.confidence;
  const sizes = `${plural(m, 'run')} vs ${n} baseline${where}`;

  const y = logDurations(candidate);
  // The same estimator as the level's: the mean on bell-shaped timings, else Huber's; Huber's too
  // when some runs of the change are far off and others are not (a stray hiccup among them).
  const far = y.filter(
    (v) => Math.abs(v - level) > UNUSUAL_SIGMAS * sigma * Math.sqrt(1 + model.levelVariance),
  ).length;
  const plain = model.normalShape && (far === 0 || far === m);
  const shift = (plain ? mean(y) : huberLocation(y, sigma)) - level;
  const df = Math.max(model.df, 1);
  const se = sigma * Math.sqrt(model.levelVariance + (plain ? 1 : huberVarianceFactor(m)) / m);
  const t = shift / se;
  const pValue = Math.min(1, 2 * Math.min(1 - studentTCdf(t, df), studentTCdf(t, df)));
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
  const minEffect = Math.log(1 + opts.thresholdPercent / 100);

  if (pValue < alpha && Math.abs(shift) >= minEffect) {
    const slower = shift > 0;
    // A history with far-out runs (hiccups, cache misses) is not normal: the change must then also
    // stand out from the history's own prediction errors, which have that shape.
    if (!model.normalShape) {
      const unusual = model.unusualSlow + model.unusualFast;
      const rankP = permutationP(model, y, slower);
      if (rankP > alpha / 2) {
        return verdict(
          'not enough data',
          `${change} ${slower ? 'slower' : 'faster'}, but runs${where} often land this far off (${unusual} of the last ${model.references} beyond 3 sigmas): re-run to confirm (${sizes})`,
          { ...stats, rankPValue: rankP },
        );
      }
      stats.rankPValue = rankP;
    }
    return verdict(
      slower ? 'slower' : 'faster',
      `${change} ${slower ? 'slower' : 'faster'} (${interval}, ${pText(pValue)}, ${sizes})`,
      stats,
    );
  }
  // "No change" is a claim too: the change's plausible range must stay within the threshold.
  const narrow = studentTQuantile(1 - (1 - NO_CHANGE_CONFIDENCE) / 2, df) * se;
  if (shift - narrow > -minEffect && shift + narrow < minEffect) {
    const real = pValue < alpha ? ' is real but' : '';
    return verdict(
      'no change',
      `${change}${real} within the ${opts.thresholdPercent}% threshold (${interval}, ${sizes})`,
      stats,
    );
  }
  return verdict(
    'not enough data',
    `${change} cannot yet rule out a ${opts.thresholdPercent}% change either way (${interval}, ${sizes}); more runs narrow it`,
    stats,
  );
}
