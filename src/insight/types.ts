import type { Better } from '../core/values.js';

/**
 * CONTRACT shared by insight (producer) and reports/CLI/action (consumers).
 * Implementation of the detectors: owned by the insight work item.
 */
export type VerdictKind = 'faster' | 'slower' | 'no change' | 'not enough data';

export interface RegressionVerdict {
  name: string;
  verdict: VerdictKind;
  /** Relative change of the candidate median vs the baseline median, in percent (+ = slower). */
  changePercent: number | null;
  /** Confidence interval of changePercent, in percent, at `confidence`. */
  ciLowPercent: number | null;
  ciHighPercent: number | null;
  /** e.g. 0.95 */
  confidence: number;
  /** p-value or equivalent of the test used, when computed. */
  pValue: number | null;
  /** Added by insight: one-sided p of the rank test that must agree, when it was consulted. */
  rankPValue?: number | null;
  baselineCount: number;
  candidateCount: number;
  baselineMedianMs: number | null;
  baselineP95Ms: number | null;
  candidateMedianMs: number | null;
  /** One short human sentence: why this verdict (e.g. "needs 5 baseline runs, has 2"). */
  reason: string;
}

/**
 * A verdict on one value series. The RegressionVerdict fields keep their names, but
 * `baselineMedianMs`, `baselineP95Ms` and `candidateMedianMs` hold the value's medians in its own
 * unit, `changePercent` (and its interval) is the value's own change (+ = it went up), and
 * 'slower'/'faster' mean worse/better in the value's direction.
 */
export interface ValueVerdict extends RegressionVerdict {
  /** The step's series label (the duration verdict's name). `name` is `valueLabel(step, valueName)`. */
  step: string;
  valueName: string;
  /** The unit the newest run declares; absent when unitless. */
  unit?: string;
  better: Better;
}

export interface FlakinessReport {
  name: string;
  /** Commits with both a success and a failure of this operation. */
  flakyCommits: string[];
  /** Commits seen with at least one run of this operation in the window. */
  commitsSeen: number;
  /** flakyCommits.length / commitsSeen, 0–1. */
  flakeRate: number;
}

/** Added by insight: one entry of the dashboard's "needs attention" panel. */
export type AttentionKind = 'slower' | 'flaky' | 'failing';

export interface AttentionItem {
  name: string;
  kind: AttentionKind;
  /** One short human sentence, e.g. "+24% slower this week than the 4 weeks before". */
  detail: string;
  /** Higher is more urgent; comparable across kinds (failing ≥ 50, others 0–100). */
  score: number;
}
