/**
 * Flakiness: a step that both failed and succeeded on the same commit (re-runs, attempts, matrix legs)
 * is flaky there. A commit where it only failed is a real failure, not a flake.
 */
import type { ExecutionRecord } from '../core/record.js';
import { ciOf, startedAtMs } from './ci-metadata.js';
import type { FlakinessReport } from './types.js';
import { DAY_MS } from '../core/record.js';

export interface FlakinessOptions {
  /** Only records started within this many days before `now` (default: all). */
  days?: number;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
}

/** The latest valid time, 0 when none. A loop: Math.max(...times) overflows the stack on big histories. */
function newestTime(entries: readonly { time: number }[]): number {
  let newest = -Infinity;
  for (const { time } of entries) if (time > newest) newest = time;
  return newest === -Infinity ? 0 : newest;
}

/**
 * One report per operation seen with a commit sha, most flaky first (then by name). Records without
 * `metadata.ci.sha` cannot be grouped by commit and are ignored.
 */
export function detectFlakiness(
  records: readonly ExecutionRecord[],
  options: FlakinessOptions = {},
): FlakinessReport[] {
  if (options.days !== undefined && !(options.days > 0)) {
    throw new Error(`flakiness window must be a number of days > 0, got ${options.days}`);
  }
  const withSha = records
    // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
    .filter((record) => record.error !== 'cancelled')
    .map((record) => ({ record, sha: ciOf(record)?.sha, time: startedAtMs(record) }))
    .filter(
      (e): e is { record: ExecutionRecord; sha: string; time: number } => e.sha !== undefined,
    );
  let inWindow = withSha;
  if (options.days !== undefined) {
    const now = options.now ?? newestTime(withSha);
    const from = now - options.days * DAY_MS;
    inWindow = withSha.filter((e) => !Number.isNaN(e.time) && e.time >= from && e.time <= now);
  }

  // name → sha → what happened on that commit, and when we last saw it (newest flakes listed first).
  const byName = new Map<string, Map<string, { ok: boolean; failed: boolean; last: number }>>();
  for (const { record, sha, time } of inWindow) {
    let commits = byName.get(record.name);
    if (!commits) byName.set(record.name, (commits = new Map()));
    const seen = commits.get(sha) ?? { ok: false, failed: false, last: -Infinity };
    if (record.status === 'success') seen.ok = true;
    else seen.failed = true;
    if (!Number.isNaN(time)) seen.last = Math.max(seen.last, time);
    commits.set(sha, seen);
  }

  const reports: FlakinessReport[] = [];
  for (const [name, commits] of byName) {
    const flaky = [...commits]
      .filter(([, s]) => s.ok && s.failed)
      .sort((a, b) => b[1].last - a[1].last)
      .map(([sha]) => sha);
    reports.push({
      name,
      flakyCommits: flaky,
      commitsSeen: commits.size,
      flakeRate: commits.size === 0 ? 0 : flaky.length / commits.size,
    });
  }
  return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}
