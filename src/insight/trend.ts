/**
 * Trend of each step within one history window: are its newest runs faster or slower than the runs
 * just before them? The same regression test as branch comparisons, applied along time instead.
 */
import type { ExecutionRecord } from '../core/record.js';
import { ColumnarHistory, FAILED, NONE, type MeasureView } from '../core/history.js';
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
  // The durations are read in place (byRow): no copy of every run's duration per operation.
  const view: MeasureView = {
    kind: 'duration',
    rows: rows instanceof Int32Array ? rows : Int32Array.from(rows),
    numbers: history.durationMs,
    better: 'smaller',
  };
  return trendOf(history, view, true, name, options);
}

/**
 * trendOfRows of every operation: `byName` is history.rowsByName() (all rows, each name's rows
 * ascending). The same verdicts, but what needs every run (the newest start, whether runs record a
 * branch, how many runs count and whether they come in time order) is found in two passes over the
 * columns in row order: an operation's rows are scattered over the history, and visiting them one
 * operation at a time misses the CPU cache at nearly every row. Per operation only its newest runs
 * are then read.
 */
export function trendsByName(
  history: ColumnarHistory,
  byName: ReadonlyMap<string, Int32Array>,
  options: TrendOptions = {},
): Map<string, RegressionVerdict> {
  const { recentRuns, earlierRuns } = checkTrendOptions(options);
  const out = new Map<string, RegressionVerdict>();
  const names = [...byName];
  if (options.recentDays !== undefined || options.now !== undefined) {
    for (const [name, rows] of names) out.set(name, trendOfRows(history, rows, name, options));
    return out;
  }
  // Operation index by name text id (-1: not an operation of byName).
  const slot = new Int32Array(history.texts.length).fill(-1);
  names.forEach(([name], j) => (slot[history.idOf(name)] = j));
  const m = names.length;
  const now = new Float64Array(m).fill(-Infinity);
  const hasBranch = new Uint8Array(m);
  const { name: nameOf, startedMs, durationMs, flags, branch, prNumber } = history;
  const length = history.length;
  for (let row = 0; row < length; row++) {
    const j = slot[nameOf[row]!]!;
    if (j < 0) continue;
    if (startedMs[row]! > now[j]!) now[j] = startedMs[row]!;
    if (branch[row] !== NONE) hasBranch[j] = 1;
  }
  const defaultId =
    options.defaultBranch === undefined ? undefined : history.idOf(options.defaultBranch);
  const mainLines = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    // NONE - 1: no filter by branch (see trendOf's mainLine).
    mainLines[j] = defaultId !== undefined && hasBranch[j] === 1 ? defaultId : NONE - 1;
  }
  const isOk = (row: number, j: number): boolean => {
    const mainLine = mainLines[j]!;
    if (
      mainLine !== NONE - 1 &&
      (branch[row] !== mainLine || mainLine === NONE || !Number.isNaN(prNumber[row]))
    ) {
      return false;
    }
    const x = durationMs[row]!;
    if ((flags[row]! & FAILED) !== 0 || !Number.isFinite(x) || x < 0) return false;
    return startedMs[row]! <= now[j]!;
  };
  const counts = new Int32Array(m);
  const ascending = new Uint8Array(m).fill(1);
  const previous = new Float64Array(m);
  for (let row = 0; row < length; row++) {
    const j = slot[nameOf[row]!]!;
    if (j < 0 || !isOk(row, j)) continue;
    const time = startedMs[row]!;
    if (counts[j]!++ > 0 && !(previous[j]! < time)) ascending[j] = 0;
    previous[j] = time;
  }
  for (let j = 0; j < m; j++) {
    const [name, rows] = names[j]!;
    if (ascending[j] === 0) {
      out.set(name, trendOfRows(history, rows, name, { ...options, now: now[j]! }));
      continue;
    }
    // Newest first is the reverse of row order: walk back from the last row.
    const k = Math.min(recentRuns, Math.max(1, Math.floor(counts[j]! / 4)));
    const newest: number[] = [];
    for (let p = rows.length - 1; p >= 0 && newest.length < k + earlierRuns; p--) {
      if (isOk(rows[p]!, j)) newest.push(p);
    }
    const mainLine = mainLines[j] === NONE - 1 ? undefined : mainLines[j];
    const numberAt = (p: number) => durationMs[rows[p]!]!;
    const view: MeasureView = { kind: 'duration', rows, numbers: durationMs, better: 'smaller' };
    out.set(
      name,
      judge(view, numberAt, newest.slice(0, k), newest.slice(k), name, mainLine, options),
    );
  }
  return out;
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
  return trendOf(history, view, false, name, options);
}

/**
 * trendOfView, where `byRow` says view.numbers is indexed by row (a whole column, e.g. the
 * history's durations) rather than by the view's position k.
 */
function trendOf(
  history: ColumnarHistory,
  view: MeasureView,
  byRow: boolean,
  name: string,
  options: TrendOptions,
): RegressionVerdict {
  const { recentRuns, earlierRuns } = checkTrendOptions(options);
  const rows = view.rows;
  const numberAt = (k: number) => view.numbers[byRow ? rows[k]! : k]!;
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
  const isOk = (k: number): boolean => {
    const row = rows[k]!;
    if (
      mainLine !== undefined &&
      (history.branch[row] !== mainLine ||
        mainLine === NONE ||
        !Number.isNaN(history.prNumber[row]))
    ) {
      return false;
    }
    const x = numberAt(k);
    if ((history.flags[row]! & FAILED) !== 0 || !Number.isFinite(x) || (nonNegative && x < 0)) {
      return false;
    }
    return history.startedMs[row]! <= now;
  };
  const t = (k: number) => history.startedMs[rows[k]!]!;
  // Day files are read oldest first, so rows usually come strictly ascending in time: then the
  // newest-first order is the reverse. Split by count, only the newest runs are judged, so one
  // counting pass and a walk back from the end pick them, with no list of every run of the window.
  let count = 0;
  let ascending = true;
  let previous = -Infinity;
  for (let k = 0; k < n; k++) {
    if (!isOk(k)) continue;
    count++;
    const time = t(k);
    if (count > 1 && !(previous < time)) ascending = false;
    previous = time;
  }
  let recent: number[];
  let earlier: number[];
  if (ascending && options.recentDays === undefined) {
    const k = Math.min(recentRuns, Math.max(1, Math.floor(count / 4)));
    const newest: number[] = [];
    for (let j = n - 1; j >= 0 && newest.length < k + earlierRuns; j--) {
      if (isOk(j)) newest.push(j);
    }
    recent = newest.slice(0, k);
    earlier = newest.slice(k, k + earlierRuns);
    return judge(view, numberAt, recent, earlier, name, mainLine, options);
  }
  const ok: number[] = [];
  for (let k = 0; k < n; k++) if (isOk(k)) ok.push(k);
  if (ascending) ok.reverse();
  else ok.sort((a, b) => t(b) - t(a) || a - b);
  if (options.recentDays !== undefined) {
    const from = now - options.recentDays * DAY_MS;
    recent = ok.filter((k) => t(k) > from).slice(0, recentRuns);
    earlier = ok.filter((k) => t(k) <= from).slice(0, earlierRuns);
  } else {
    const k = Math.min(recentRuns, Math.max(1, Math.floor(ok.length / 4)));
    recent = ok.slice(0, k);
    earlier = ok.slice(k, k + earlierRuns);
  }
  return judge(view, numberAt, recent, earlier, name, mainLine, options);
}

/** The verdict of the `recent` runs against the `earlier` ones (positions in the view). */
function judge(
  view: MeasureView,
  numberAt: (k: number) => number,
  recent: number[],
  earlier: number[],
  name: string,
  mainLine: number | undefined,
  options: TrendOptions,
): RegressionVerdict {
  const numbers = (list: number[]) => list.map(numberAt);
  const verdict = detectRegression(numbers(earlier), numbers(recent), {
    name,
    thresholdPercent: options.thresholdPercent,
    baselineLabel: mainLine === undefined ? undefined : options.defaultBranch,
    // The question is the drift itself: do not project it away.
    followDrift: false,
  });
  return orientVerdict(verdict, view.better);
}
