/**
 * Flakiness: a step that both failed and succeeded on the same commit (re-runs, attempts, matrix legs)
 * is flaky there. A commit where it only failed is a real failure, not a flake.
 */
import type { ExecutionRecord } from '../core/record.js';
import { CANCELLED, ColumnarHistory, FAILED, NONE } from '../core/history.js';
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
    const flaky = commits
      .filter((sha) => state[sha] === (OK | FAIL))
      .sort((a, b) => last[b]! - last[a]!) // stable: ties stay in first-seen order
      .map((sha) => history.texts[sha]!);
    for (const sha of commits) state[sha] = 0;
    reports.push({
      name,
      flakyCommits: flaky,
      commitsSeen: commits.length,
      flakeRate: flaky.length / commits.length,
    });
  }
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}

/**
 * flakinessOfSeries of every operation: `byName` is history.rowsByName() (all rows). The same
 * reports, but read in one pass over the columns in row order: an operation's rows are scattered
 * over the history, and visiting them one operation at a time misses the CPU cache at nearly every
 * row. What happened on each (operation, commit) pair is kept in a table of pairs in first-seen
 * order, so each operation's commits come out in the order the per-series pass sees them.
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
  // Operation index by name text id (-1: not an operation of byName).
  const slot = new Int32Array(history.texts.length).fill(-1);
  names.forEach(([name], j) => (slot[history.idOf(name)] = j));
  const pairs = new CommitPairs(names.length);
  const { name: nameOf, sha: shaOf, flags, startedMs } = history;
  for (let row = 0; row < history.length; row++) {
    const sha = shaOf[row]!;
    const flag = flags[row]!;
    // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
    if (sha === NONE || (flag & CANCELLED) !== 0) continue;
    const j = slot[nameOf[row]!]!;
    if (j < 0) continue;
    pairs.see(j, sha, (flag & FAILED) === 0 ? OK : FAIL, startedMs[row]!);
  }
  // Per operation, its pairs in first-seen order.
  const seen = new Int32Array(names.length);
  const flakyEntries: number[][] = names.map(() => []);
  for (let e = 0; e < pairs.length; e++) {
    const j = pairs.operation[e]!;
    seen[j]!++;
    if (pairs.state[e] === (OK | FAIL)) flakyEntries[j]!.push(e);
  }
  const reports: FlakinessReport[] = [];
  names.forEach(([name], j) => {
    if (seen[j] === 0) return;
    const flaky = flakyEntries[j]!.sort((a, b) => pairs.last[b]! - pairs.last[a]!) // stable
      .map((e) => history.texts[pairs.commit[e]!]!);
    reports.push({
      name,
      flakyCommits: flaky,
      commitsSeen: seen[j]!,
      flakeRate: flaky.length / seen[j]!,
    });
  });
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}

const OK = 1;
const FAIL = 2;

/**
 * (operation, commit sha id) pairs in first-seen order, each with OK | FAIL bits and its newest
 * start: an open-addressing hash table over typed arrays (no object or map entry per pair).
 */
class CommitPairs {
  length = 0;
  operation = new Int32Array(1024);
  commit = new Int32Array(1024);
  state = new Uint8Array(1024);
  last = new Float64Array(1024);
  /** Entry index + 1 per slot (0: empty); twice the entries' capacity or more. */
  private slots = new Int32Array(4096);
  // The last pair of each operation: a commit's runs come together, so most rows end here.
  private readonly lastCommit: Int32Array;
  private readonly lastEntry: Int32Array;

  constructor(operations: number) {
    this.lastCommit = new Int32Array(operations).fill(NONE);
    this.lastEntry = new Int32Array(operations);
  }

  /**
   * Commit ids are given in first-seen order and a commit's runs come together, so a pair's slot
   * is sha × operations + operation: the pairs of recent rows sit side by side in the table (the
   * CPU cache holds them), where a scrambling hash would touch a random slot per row.
   */
  private hash(operation: number, commit: number): number {
    return Math.imul(commit, this.lastCommit.length) + operation;
  }

  see(operation: number, commit: number, bits: number, time: number): void {
    let e: number;
    if (this.lastCommit[operation] === commit) {
      e = this.lastEntry[operation]!;
    } else {
      e = this.find(operation, commit);
      this.lastCommit[operation] = commit;
      this.lastEntry[operation] = e;
    }
    this.state[e] = this.state[e]! | bits;
    if (time > this.last[e]!) this.last[e] = time;
  }

  /** The pair's entry, added (state 0, no time) when new. */
  private find(operation: number, commit: number): number {
    const mask = this.slots.length - 1;
    let s = this.hash(operation, commit) & mask;
    for (;;) {
      const at = this.slots[s]!;
      if (at === 0) break;
      if (this.commit[at - 1] === commit && this.operation[at - 1] === operation) return at - 1;
      s = (s + 1) & mask;
    }
    const e = this.length++;
    if (e === this.commit.length) this.grow();
    this.operation[e] = operation;
    this.commit[e] = commit;
    this.state[e] = 0;
    this.last[e] = -Infinity;
    if (this.length * 2 > this.slots.length) this.rehash();
    else this.slots[s] = e + 1;
    return e;
  }

  private grow(): void {
    const size = this.commit.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const bigger = new (a.constructor as new (n: number) => T)(size);
      bigger.set(a);
      return bigger;
    };
    this.operation = copy(this.operation);
    this.commit = copy(this.commit);
    this.state = copy(this.state);
    this.last = copy(this.last);
  }

  /** Doubles the slots and places every entry again (the newest included). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.length; e++) {
      let s = this.hash(this.operation[e]!, this.commit[e]!) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = e + 1;
    }
  }
}
