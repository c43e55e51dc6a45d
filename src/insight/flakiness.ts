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

/** detectFlakiness over rows of a columnar history (default: all rows). */
export function flakinessOfRows(
  history: ColumnarHistory,
  rows: ArrayLike<number> | undefined,
  options: FlakinessOptions = {},
): FlakinessReport[] {
  if (options.days !== undefined && !(options.days > 0)) {
    throw new Error(`flakiness window must be a number of days > 0, got ${options.days}`);
  }
  const n = rows === undefined ? history.length : rows.length;
  const rowAt = (k: number) => (rows === undefined ? k : rows[k]!);
  // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
  const counts = (row: number) =>
    (history.flags[row]! & CANCELLED) === 0 && history.sha[row] !== NONE;
  let from = -Infinity;
  let to = Infinity;
  if (options.days !== undefined) {
    let newest = -Infinity;
    for (let k = 0; k < n; k++) {
      const row = rowAt(k);
      const t = history.startedMs[row]!;
      if (counts(row) && t > newest) newest = t;
    }
    to = options.now ?? (newest === -Infinity ? 0 : newest);
    from = to - options.days * DAY_MS;
  }

  // name → rows; then per name, what happened on each commit, in arrays indexed by the sha's text
  // id (no map entry or object per run).
  const byName = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const row = rowAt(k);
    if (!counts(row)) continue;
    const time = history.startedMs[row]!;
    if (options.days !== undefined && !(time >= from && time <= to)) continue;
    const name = history.name[row]!;
    const list = byName.get(name);
    if (list) list.push(row);
    else byName.set(name, [row]);
  }

  const OK = 1;
  const FAIL = 2;
  const state = new Uint8Array(history.texts.length);
  const last = new Float64Array(history.texts.length);
  const reports: FlakinessReport[] = [];
  for (const [name, list] of byName) {
    const commits: number[] = []; // sha ids in first-seen order
    for (const row of list) {
      const sha = history.sha[row]!;
      if (state[sha] === 0) {
        commits.push(sha);
        last[sha] = -Infinity;
      }
      state[sha] = state[sha]! | ((history.flags[row]! & FAILED) === 0 ? OK : FAIL);
      const time = history.startedMs[row]!;
      if (time > last[sha]!) last[sha] = time;
    }
    const flaky = commits
      .filter((sha) => state[sha] === (OK | FAIL))
      .sort((a, b) => last[b]! - last[a]!) // stable: ties stay in first-seen order
      .map((sha) => history.texts[sha]!);
    for (const sha of commits) state[sha] = 0;
    reports.push({
      name: history.texts[name]!,
      flakyCommits: flaky,
      commitsSeen: commits.length,
      flakeRate: commits.length === 0 ? 0 : flaky.length / commits.length,
    });
  }
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}
