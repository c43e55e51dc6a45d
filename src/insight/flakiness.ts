/**
 * Flakiness: a step that both failed and succeeded on the same commit (re-runs, attempts, matrix legs)
 * is flaky there. A commit where it only failed is a real failure, not a flake.
 */
import type { ExecutionRecord } from '../core/record.js';
import { CANCELLED, ColumnarHistory, FAILED, NONE } from '../core/history.js';
import type { FlakinessReport } from './types.js';

export interface FlakinessOptions {
  /** Only records started within this many days before `now` (default: all). */
  days?: number;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** What happened on one commit, and when it was last seen (newest flakes listed first). */
interface CommitSeen {
  ok: boolean;
  failed: boolean;
  last: number;
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

  // name → sha → what happened on that commit.
  const byName = new Map<number, Map<number, CommitSeen>>();
  for (let k = 0; k < n; k++) {
    const row = rowAt(k);
    if (!counts(row)) continue;
    const time = history.startedMs[row]!;
    if (options.days !== undefined && !(time >= from && time <= to)) continue;
    const name = history.name[row]!;
    let commits = byName.get(name);
    if (!commits) byName.set(name, (commits = new Map()));
    const sha = history.sha[row]!;
    let seen = commits.get(sha);
    if (seen === undefined)
      commits.set(sha, (seen = { ok: false, failed: false, last: -Infinity }));
    if ((history.flags[row]! & FAILED) === 0) seen.ok = true;
    else seen.failed = true;
    if (time > seen.last) seen.last = time;
  }

  const reports: FlakinessReport[] = [];
  for (const [name, commits] of byName) {
    const flaky = [...commits]
      .filter(([, s]) => s.ok && s.failed)
      .sort((a, b) => b[1].last - a[1].last)
      .map(([sha]) => history.texts[sha]!);
    reports.push({
      name: history.texts[name]!,
      flakyCommits: flaky,
      commitsSeen: commits.size,
      flakeRate: commits.size === 0 ? 0 : flaky.length / commits.size,
    });
  }
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}
