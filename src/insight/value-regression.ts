/**
 * The regression detector for numeric values (issue 13): each value of a step is its own series
 * (`step › value`), judged with the same detector as durations (regression.ts, used as it is);
 * verdictOfView (verdicts.ts) calls this for a value MeasureView, after choosing baseline and
 * candidate runs exactly as for durations.
 *
 * How a value series goes through a detector written for durations:
 * - The detector works on logs (ratios), so a series with any value <= 0 is not judged: it says
 *   "not enough data" and why. A shift (x + c) would make the percentages depend on c, and a
 *   linear-scale detector does not exist yet; a count that can be 0 needs one.
 * - The detector reads anything under 1 ms as 1 ms. Logs do not care about scale, so the series is
 *   multiplied by a power of two (exact in binary) that puts its smallest value above 1024 and the
 *   medians are divided back: a cost of 0.0012 USD is judged as finely as a 40-minute build.
 * - Direction: the values go in as they are, and for a bigger-is-better value the verdict kinds
 *   are swapped ('faster' = the value went down = worse = 'slower' internally). Passing
 *   reciprocals 1/x would give the same decisions (the detector is symmetric in log space) but
 *   percentages of 1/x; this way changePercent and its interval are the value's own change.
 * - Verdict kinds stay 'slower'/'faster' (worse/better); the reason says worse/better.
 * Pure; no I/O.
 */
import type { Better } from '../core/values.js';
import { detectRegression, type RegressionOptions } from './regression.js';
import { median, percentile } from './sample-stats.js';
import type { RegressionVerdict, VerdictKind } from './types.js';

/** The smallest scaled value: well above the detector's 1 ms floor. */
const SCALED_FLOOR = 1024;

/** The detector's direction words, to be said the value's way. */
const DETECTOR_WORDS = /\b(slower|faster)\b/g;

/**
 * detectRegression for the values of one series (baseline NEWEST FIRST, as for durations), in the
 * value's direction; see the file comment. Non-finite entries are ignored.
 */
export function detectValueRegression(
  baselineValues: readonly number[],
  candidateValues: readonly number[],
  better: Better,
  options: RegressionOptions = {},
): RegressionVerdict {
  const baseline = baselineValues.filter(Number.isFinite);
  const candidate = candidateValues.filter(Number.isFinite);
  const all = [...baseline, ...candidate];
  const positive = all.every((v) => v > 0);
  const min = all.length > 0 ? Math.min(...all) : 1;
  const scale = positive ? 2 ** Math.max(0, Math.ceil(Math.log2(SCALED_FLOOR / min))) : 1;
  const fits = all.every((v) => Number.isFinite(v * scale));
  if (!positive || !fits) {
    const recent = baseline.slice(0, options.recentWindow ?? 10);
    return {
      name: options.name ?? '',
      verdict: 'not enough data',
      changePercent: null,
      ciLowPercent: null,
      ciHighPercent: null,
      confidence: options.confidence ?? 0.96,
      pValue: null,
      baselineCount: baseline.length,
      candidateCount: candidate.length,
      baselineMedianMs: recent.length > 0 ? median(recent) : null,
      baselineP95Ms: baseline.length > 0 ? percentile(baseline, 95) : null,
      candidateMedianMs: candidate.length > 0 ? median(candidate) : null,
      reason: positive
        ? 'values span too wide a range to compare as ratios'
        : 'values <= 0 need a linear scale: this comparison works on ratios',
    };
  }
  // The label may contain the detector's words ("slower-builds"): it goes in as a placeholder.
  const label = options.baselineLabel;
  const placeholder = '\u0000baseline\u0000';
  const verdict = detectRegression(
    baseline.map((v) => v * scale),
    candidate.map((v) => v * scale),
    { ...options, baselineLabel: label === undefined || label === '' ? label : placeholder },
  );
  const unscale = (v: number | null): number | null => (v === null ? null : v / scale);
  const swap = better === 'bigger';
  const kind: VerdictKind =
    verdict.verdict === 'slower'
      ? swap
        ? 'faster'
        : 'slower'
      : verdict.verdict === 'faster'
        ? swap
          ? 'slower'
          : 'faster'
        : verdict.verdict;
  const reason = verdict.reason
    .replace(DETECTOR_WORDS, (word) => ((word === 'slower') !== swap ? 'worse' : 'better'))
    .split(placeholder)
    .join(label ?? '');
  return {
    ...verdict,
    verdict: kind,
    baselineMedianMs: unscale(verdict.baselineMedianMs),
    baselineP95Ms: unscale(verdict.baselineP95Ms),
    candidateMedianMs: unscale(verdict.candidateMedianMs),
    reason,
  };
}
