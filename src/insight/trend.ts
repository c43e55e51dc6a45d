/**
 * Trend of each step within one history window: are its newest runs faster or slower than the runs
 * just before them? The same regression test as branch comparisons, applied along time instead.
 */
import type { ExecutionRecord } from '../core/record.js';
import { ColumnarHistory, FAILED, NONE, durationView, type MeasureView } from '../core/history.js';
import { detectRegression } from './regression.js';
import type { RegressionVerdict } from './types.js';
import { orientVerdict } from './verdicts.js';
import { DAY_MS } from '../core/record.js';

export interface TrendOptions {
  /**
   * Branch whose pushes define "the step" (pull-request runs are experiments). Ignored for a step
   * none of whose runs carry `metadata.ci.branch` (laptop history): all its runs count then.
   * Default: all runs.
   */
  defaultBranch?: string;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
  /**
   * Split by time: runs of the last `recentDays` days against the runs before them. Default: split
   * by count, the newest quarter of the runs (at least 1, at most `recentRuns`) against the rest,
   * so the trend works whatever the run frequency and window length.
   */
  recentDays?: number;
  /** Most recent runs judged (default 10). */
  recentRuns?: number;
  /** Most earlier runs they are compared with, the nearest in time (default 30). */
  earlierRuns?: number;
  /** Smallest change that matters, percent (default 10, as detectRegression). */
  thresholdPercent?: number;
}

function wholeAtLeastOne(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${what} must be a whole number ≥ 1, got ${value}`);
  }
  return value;
}

function checkTrendOptions(options: TrendOptions): { recentRuns: number; earlierRuns: number } {
  const recentRuns = wholeAtLeastOne(options.recentRuns ?? 10, 'recentRuns');
  const earlierRuns = wholeAtLeastOne(options.earlierRuns ?? 30, 'earlierRuns');
  if (options.recentDays !== undefined && !(options.recentDays > 0)) {
    throw new Error(`recentDays must be a number of days > 0, got ${options.recentDays}`);
  }
  return { recentRuns, earlierRuns };
}

/**
 * One verdict per operation, by name: its recent successful runs (candidate) against its earlier
 * ones (baseline). Failed runs are left out, as in branch comparisons. Deterministic.
 */
export function trendVerdicts(
  records: readonly ExecutionRecord[],
  options: TrendOptions = {},
): RegressionVerdict[] {
  checkTrendOptions(options);
  const history = ColumnarHistory.of(records);
  const now = options.now ?? history.newestStart();
  const verdicts: RegressionVerdict[] = [];
  for (const [name, rows] of history.rowsByName()) {
    verdicts.push(trendOfRows(history, rows, name, { ...options, now }));
  }
  return verdicts.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The trend verdict of one operation's rows of a columnar history (`now` defaults to the newest
 * of these rows). The runs that represent the step: pushes to the default branch when any row
 * knows its branch, else all rows (see mainLineRuns).
 */
export function trendOfRows(
  history: ColumnarHistory,
  rows: ArrayLike<number>,
  name: string,
  options: TrendOptions = {},
): RegressionVerdict {
  return trendOfView(history, durationView(history, rows), name, options);
}

/**
 * The trend verdict of one series of any measure (`view`: rows and the number at each, e.g. a
 * value series); `now` defaults to the newest of its rows. For a bigger-is-better measure a rise
 * is the improvement (see orientVerdict).
 */
export function trendOfView(
  history: ColumnarHistory,
  view: MeasureView,
  name: string,
  options: TrendOptions = {},
): RegressionVerdict {
  const { recentRuns, earlierRuns } = checkTrendOptions(options);
  const rows = view.rows;
  const now = options.now ?? history.newestStart(rows);
  const n = rows.length;
  let mainLine: number | undefined; // the default branch's text id, when runs are filtered by it
  if (options.defaultBranch !== undefined) {
    for (let k = 0; k < n; k++) {
      if (history.branch[rows[k]!] !== NONE) {
        mainLine = history.idOf(options.defaultBranch);
        break;
      }
    }
  }
  // Successful main-line runs with a usable number, up to `now` (indices into the view); then
  // newest first (stable).
  const nonNegative = view.kind === 'duration';
  const ok: number[] = [];
  for (let k = 0; k < n; k++) {
    const row = rows[k]!;
    if (
      mainLine !== undefined &&
      (history.branch[row] !== mainLine ||
        mainLine === NONE ||
        !Number.isNaN(history.prNumber[row]))
    ) {
      continue;
    }
    const x = view.numbers[k]!;
    if ((history.flags[row]! & FAILED) !== 0 || !Number.isFinite(x) || (nonNegative && x < 0)) {
      continue;
    }
    if (!(history.startedMs[row]! <= now)) continue;
    ok.push(k);
  }
  const t = (k: number) => history.startedMs[rows[k]!]!;
  // Day files are read oldest first, so rows usually come strictly ascending in time: then the
  // newest-first order is the reverse, with no sort of every run of the window.
  let ascending = true;
  for (let j = 1; j < ok.length && ascending; j++) ascending = t(ok[j - 1]!) < t(ok[j]!);
  if (ascending) ok.reverse();
  else ok.sort((a, b) => t(b) - t(a) || a - b);
  let recent: number[];
  let earlier: number[];
  if (options.recentDays !== undefined) {
    const from = now - options.recentDays * DAY_MS;
    recent = ok.filter((k) => t(k) > from).slice(0, recentRuns);
    earlier = ok.filter((k) => t(k) <= from).slice(0, earlierRuns);
  } else {
    const k = Math.min(recentRuns, Math.max(1, Math.floor(ok.length / 4)));
    recent = ok.slice(0, k);
    earlier = ok.slice(k, k + earlierRuns);
  }
  const numbers = (list: number[]) => list.map((k) => view.numbers[k]!);
  const verdict = detectRegression(numbers(earlier), numbers(recent), {
    name,
    thresholdPercent: options.thresholdPercent,
    baselineLabel: mainLine === undefined ? undefined : options.defaultBranch,
    // The question is the drift itself: do not project it away.
    followDrift: false,
  });
  return orientVerdict(verdict, view.better);
}
