/**
 * Flakiness: a step that both failed and succeeded on the same commit (re-runs, attempts, matrix legs)
 * is flaky there. A commit where it only failed is a real failure, not a flake.
 */
import type { ExecutionRecord } from '../core/record.js';
import { CANCELLED, ColumnarHistory, FAILED, NONE } from '../core/history.js';
import { compareNames } from './names.js';
import type { FlakinessReport } from './types.js';
import { DAY_MS } from '../core/record.js';

export interface FlakinessOptions {
  /** Only records started within this many days before `now` (default: all). */
  days?: number;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
  /**
   * Each series' rows are ascending by start time, none unreadable: with `days`, the rows before
   * the window are skipped by a binary search instead of read one by one. Same results.
   */
  sortedByTime?: boolean | undefined;
}

/**
 * One report per operation seen with a commit sha, most flaky first (then by name). Records without
 * `metadata.ci.sha` cannot be grouped by commit and are ignored.
 */
export function detectFlakiness(
  records: readonly ExecutionRecord[],
  options: FlakinessOptions = {},
): FlakinessReport[] {
  return flakinessOfRows(ColumnarHistory.of(records), undefined, options);
}

/** detectFlakiness over rows of a columnar history (default: all rows), grouped by name. */
export function flakinessOfRows(
  history: ColumnarHistory,
  rows: ArrayLike<number> | undefined,
  options: FlakinessOptions = {},
): FlakinessReport[] {
  checkDays(options);
  const n = rows === undefined ? history.length : rows.length;
  const byName = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const row = rows === undefined ? k : rows[k]!;
    const name = history.name[row]!;
    const list = byName.get(name);
    if (list) list.push(row);
    else byName.set(name, [row]);
  }
  const series = [...byName].map(([name, list]) => ({ name: history.texts[name]!, rows: list }));
  return flakinessOfSeries(history, series, options);
}

function checkDays(options: FlakinessOptions): void {
  if (options.days !== undefined && !(options.days > 0)) {
    throw new Error(`flakiness window must be a number of days > 0, got ${options.days}`);
  }
}

/**
 * One report per series (a name and its rows of a columnar history; a series without any run
 * that has a commit sha in the window gives none), most flaky first, then by name. With `days`,
 * the window ends at `now`, default the newest counted run of all the series.
 */
export function flakinessOfSeries(
  history: ColumnarHistory,
  series: ReadonlyArray<{ name: string; rows: ArrayLike<number> }>,
  options: FlakinessOptions = {},
): FlakinessReport[] {
  checkDays(options);
  // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
  const counts = (row: number) =>
    (history.flags[row]! & CANCELLED) === 0 && history.sha[row] !== NONE;
  let from = -Infinity;
  let to = Infinity;
  if (options.days !== undefined) {
    let newest = -Infinity;
    if (options.now === undefined) {
      for (const { rows } of series) {
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k]!;
          const t = history.startedMs[row]!;
          if (counts(row) && t > newest) newest = t;
        }
      }
    }
    to = options.now ?? (newest === -Infinity ? 0 : newest);
    from = to - options.days * DAY_MS;
  }

  // Per series, what happened on each commit, in arrays indexed by the sha's text id (no map
  // entry or object per run), shared by all series and reset after each.
  const state = new Uint8Array(history.texts.length);
  const last = new Float64Array(history.texts.length);
  const reports: FlakinessReport[] = [];
  for (const { name, rows } of series) {
    const commits: number[] = []; // sha ids in first-seen order
    let first = 0;
    if (options.sortedByTime === true && options.days !== undefined) {
      let hi = rows.length;
      while (first < hi) {
        const mid = (first + hi) >>> 1;
        if (history.startedMs[rows[mid]!]! < from) first = mid + 1;
        else hi = mid;
      }
    }
    for (let k = first; k < rows.length; k++) {
      const row = rows[k]!;
      if (!counts(row)) continue;
      const time = history.startedMs[row]!;
      if (options.days !== undefined && !(time >= from && time <= to)) continue;
      const sha = history.sha[row]!;
      if (state[sha] === 0) {
        commits.push(sha);
        last[sha] = -Infinity;
      }
      state[sha] = state[sha]! | ((history.flags[row]! & FAILED) === 0 ? OK : FAIL);
      if (time > last[sha]!) last[sha] = time;
    }
    if (commits.length === 0) continue;
    reports.push(commitReport(name, commits, state, last, history.texts));
  }
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || compareNames(a.name, b.name));
}

/**
 * flakinessOfSeries of every operation: `byName` is history.rowsByName() (all rows). The same
 * reports, but the columns are read in row order: an operation's rows are scattered over the
 * history, and visiting them one operation at a time misses the CPU cache at nearly every row.
 * Two passes in row order copy each counted run's commit, outcome and time into one stretch per
 * operation; each stretch is then read front to back with the per-commit state of
 * flakinessOfSeries (arrays indexed by the commit's text id, small enough to stay in cache).
 */
export function flakinessByName(
  history: ColumnarHistory,
  byName: ReadonlyMap<string, ArrayLike<number>>,
  options: FlakinessOptions = {},
): FlakinessReport[] {
  checkDays(options);
  const names = [...byName];
  if (options.days !== undefined) {
    return flakinessOfSeries(
      history,
      names.map(([name, rows]) => ({ name, rows })),
      options,
    );
  }
  const m = names.length;
  // Operation index by name text id (-1: not an operation of byName).
  const slot = new Int32Array(history.texts.length).fill(-1);
  names.forEach(([name], j) => (slot[history.idOf(name)] = j));
  const { name: nameOf, sha: shaOf, flags, startedMs } = history;
  const length = history.length;
  // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
  const start = new Int32Array(m + 1);
  for (let row = 0; row < length; row++) {
    if (shaOf[row] === NONE || (flags[row]! & CANCELLED) !== 0) continue;
    const j = slot[nameOf[row]!]!;
    if (j >= 0) start[j + 1]!++;
  }
  for (let j = 0; j < m; j++) start[j + 1]! += start[j]!;
  const filled = start.slice(0, m);
  const commit = new Int32Array(start[m]!);
  const outcome = new Uint8Array(start[m]!);
  const time = new Float64Array(start[m]!);
  for (let row = 0; row < length; row++) {
    const sha = shaOf[row]!;
    const flag = flags[row]!;
    if (sha === NONE || (flag & CANCELLED) !== 0) continue;
    const j = slot[nameOf[row]!]!;
    if (j < 0) continue;
    const at = filled[j]!++;
    commit[at] = sha;
    outcome[at] = (flag & FAILED) === 0 ? OK : FAIL;
    time[at] = startedMs[row]!;
  }
  const state = new Uint8Array(history.texts.length);
  const last = new Float64Array(history.texts.length);
  const reports: FlakinessReport[] = [];
  names.forEach(([name], j) => {
    const commits: number[] = []; // sha ids in first-seen order
    for (let at = start[j]!; at < start[j + 1]!; at++) {
      const sha = commit[at]!;
      if (state[sha] === 0) {
        commits.push(sha);
        last[sha] = -Infinity;
      }
      state[sha] = state[sha]! | outcome[at]!;
      if (time[at]! > last[sha]!) last[sha] = time[at]!;
    }
    if (commits.length === 0) return;
    reports.push(commitReport(name, commits, state, last, history.texts));
  });
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || compareNames(a.name, b.name));
}

const OK = 1;
const FAIL = 2;

/**
 * The report of one operation from its commits (in first-seen order), each commit's outcomes
 * (`OK | FAIL` bits) and newest run time; clears the commits' state for the next operation.
 */
function commitReport(
  name: string,
  commits: number[],
  state: Uint8Array,
  last: Float64Array,
  texts: readonly string[],
): FlakinessReport {
  const flaky = commits
    .filter((sha) => state[sha] === (OK | FAIL))
    .sort((a, b) => last[b]! - last[a]!) // stable: ties stay in first-seen order
    .map((sha) => texts[sha]!);
  for (const sha of commits) state[sha] = 0;
  return {
    name,
    flakyCommits: flaky,
    commitsSeen: commits.length,
    flakeRate: flaky.length / commits.length,
  };
}
