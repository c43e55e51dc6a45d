/**
 * Regression verdicts of numeric values (issue 13): each value of a step is its own series
 * (`step › value`), judged with the same detector as durations (insight/regression.ts, used as it
 * is) and the same choice of baseline and candidate runs.
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
import { startedAtMs } from '../insight/ci-metadata.js';
import { selectBaseline, selectCandidate } from '../insight/baseline.js';
import { detectRegression, type RegressionOptions } from '../insight/regression.js';
import { median, percentile } from '../insight/sample-stats.js';
import type { RegressionVerdict, VerdictKind } from '../insight/types.js';
import type { RunUnderTest, VerdictOptions } from '../insight/verdicts.js';
import type { ExecutionRecord } from '../core/record.js';
import { valueLabel, valuesOf, type Better } from '../core/values.js';

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

/** A value series found in the records: its step, value name and newest declaration. */
interface ValueSeries {
  label: string;
  step: string;
  valueName: string;
  unit?: string;
  better: Better;
  newestMs: number;
}

/**
 * Records of value series: each record with values becomes one record per value, named
 * `valueLabel(record.name, value)`, with the value beside it. `records` should already carry
 * series labels (insight/series.ts labelSeries), so legs stay apart as for durations.
 */
export function valueSeriesOf(records: readonly ExecutionRecord[]): {
  records: ExecutionRecord[];
  value: Map<ExecutionRecord, number>;
  series: Map<string, ValueSeries>;
} {
  const out: ExecutionRecord[] = [];
  const value = new Map<ExecutionRecord, number>();
  const series = new Map<string, ValueSeries>();
  for (const record of records) {
    const values = valuesOf(record.metadata);
    if (values.length === 0) continue;
    const ms = startedAtMs(record);
    for (const v of values) {
      const label = valueLabel(record.name, v.name);
      const derived: ExecutionRecord = { ...record, name: label };
      out.push(derived);
      value.set(derived, v.value);
      const known = series.get(label);
      if (known === undefined || !(ms < known.newestMs)) {
        const entry: ValueSeries = {
          label,
          step: record.name,
          valueName: v.name,
          better: v.better,
          newestMs: ms,
        };
        if (v.unit !== undefined) entry.unit = v.unit;
        series.set(label, entry);
      }
    }
  }
  return { records: out, value, series };
}

/**
 * regressionVerdicts (insight/verdicts.ts) for value series: one verdict per value of the steps
 * named in `steps` (series labels; all steps when omitted), sorted by step then value name,
 * baseline and candidate runs chosen exactly as for the step's duration.
 */
export function valueVerdicts(
  records: readonly ExecutionRecord[],
  run: RunUnderTest,
  options: VerdictOptions = {},
  steps?: readonly string[],
): ValueVerdict[] {
  const { records: valueRecords, value, series } = valueSeriesOf(records);
  const wanted = steps === undefined ? null : new Set(steps);
  const chosen = [...series.values()]
    .filter((s) => wanted === null || wanted.has(s.step))
    .sort((a, b) => compare(a.step, b.step) || compare(a.valueName, b.valueName));
  const baseBranch = run.baseBranch ?? run.defaultBranch;
  const pushToBase =
    run.prNumber === undefined && run.branch !== undefined && run.branch === baseBranch;
  const valuesOfRuns = (runs: readonly ExecutionRecord[]) => runs.map((r) => value.get(r) ?? NaN);
  return chosen.map((s) => {
    const baseline = selectBaseline(valueRecords, {
      name: s.label,
      baseBranch,
      defaultBranch: run.defaultBranch,
      limit: options.baselineLimit,
      excludeRunIds: run.runIds,
      excludeSha: pushToBase ? run.sha : undefined,
    });
    const candidate = selectCandidate(valueRecords, {
      name: s.label,
      branch: pushToBase ? undefined : run.branch,
      prNumber: run.prNumber,
      sha: run.sha,
      limit: options.candidateLimit,
    });
    const verdict = detectValueRegression(
      valuesOfRuns(baseline.records),
      valuesOfRuns(candidate),
      s.better,
      { ...options, name: s.label, baselineLabel: baseline.branch ?? undefined },
    );
    const out: ValueVerdict = {
      ...verdict,
      step: s.step,
      valueName: s.valueName,
      better: s.better,
    };
    if (s.unit !== undefined) out.unit = s.unit;
    return out;
  });
}

/** Code-unit order, as the CLI sorts operation names (locale-independent). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
