/**
 * Downsampling for the dashboard charts, so a long history draws fast and the file stays small.
 * A range whose runs fit the budget keeps every run. Otherwise the range is cut into
 * floor(budget / 3) equal time buckets and each bucket keeps its fastest run, its slowest run and
 * its latest failure: spikes, dips and the red marks survive, and at most `budget` points remain.
 */

/** Points per operation per time range at most (fewer when there are many operations). */
export const MAX_POINTS_PER_RANGE = 300;
/** Points per time range across all operations; splits the budget when operations are many. */
export const TOTAL_POINTS_PER_RANGE = 12_000;
/** Floor of the per-operation budget, whatever the number of operations. */
export const MIN_POINTS_PER_RANGE = 60;

/** The per-operation, per-range point budget for a history with `operations` operations. */
export function pointBudget(operations: number): number {
  const share = Math.floor(TOTAL_POINTS_PER_RANGE / Math.max(1, operations));
  return Math.max(MIN_POINTS_PER_RANGE, Math.min(MAX_POINTS_PER_RANGE, share));
}

/**
 * Indices in [lo, hi) to keep, ascending. `t` must be ascending on [lo, hi); `failed[i]` is 1
 * for a failed run.
 */
export function downsampleIndices(
  t: ArrayLike<number>,
  ms: ArrayLike<number>,
  failed: ArrayLike<number>,
  lo: number,
  hi: number,
  budget: number,
): number[] {
  const kept: number[] = [];
  if (hi - lo <= budget) {
    for (let i = lo; i < hi; i++) kept.push(i);
    return kept;
  }
  const buckets = Math.max(1, Math.floor(budget / 3));
  const start = t[lo] ?? 0;
  const span = (t[hi - 1] ?? start) - start;
  const width = span > 0 ? span / buckets : 1;
  let bucket = -1;
  let minI = -1;
  let maxI = -1;
  let failI = -1;
  const flush = (): void => {
    if (bucket < 0) return;
    const picks = [minI, maxI, failI].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
    picks.sort((a, b) => a - b);
    kept.push(...picks);
  };
  for (let i = lo; i < hi; i++) {
    const b = Math.min(buckets - 1, Math.floor(((t[i] ?? start) - start) / width));
    if (b !== bucket) {
      flush();
      bucket = b;
      minI = i;
      maxI = i;
      failI = -1;
    }
    const d = ms[i] ?? 0;
    if (d < (ms[minI] ?? 0)) minI = i;
    if (d > (ms[maxI] ?? 0)) maxI = i;
    if (failed[i] === 1) failI = i;
  }
  flush();
  return kept;
}

/** Points per time range across all value series of the charted operations. */
export const TOTAL_VALUE_POINTS_PER_RANGE = 3_000;
/** Floor of a value series' budget (10 buckets of 3). */
export const MIN_VALUE_POINTS_PER_RANGE = 30;

/**
 * The per-value-series, per-range point budget when the charted operations hold `valueSeries`
 * value series: at most a chart's budget, shared so many values per run keep the page small.
 */
export function valuePointBudget(chartBudget: number, valueSeries: number): number {
  const share = Math.floor(TOTAL_VALUE_POINTS_PER_RANGE / Math.max(1, valueSeries));
  return Math.max(MIN_VALUE_POINTS_PER_RANGE, Math.min(chartBudget, share));
}
