/**
 * Reading `metadata.ci` and `started_at` back from records. Histories come from older versions,
 * laptops and the Python tool, so every field is optional and checked for its type here, once.
 */
import { parseCi, type CiFields } from '../core/ci.js';
import { parseTimestamp, type ExecutionRecord } from '../core/record.js';

export type { CiFields } from '../core/ci.js';

/** The record's `metadata.ci`, keeping only well-typed fields; `undefined` when absent. */
export function ciOf(record: ExecutionRecord): CiFields | undefined {
  return parseCi(record.metadata);
}

/** Milliseconds since the epoch of `started_at` (no offset means UTC); NaN when unreadable. */
export function startedAtMs(record: ExecutionRecord): number {
  return parseTimestamp(String(record.started_at ?? '').trim());
}

/** Newest first by `started_at`; records with unreadable times sort last, in input order. */
export function newestFirst(records: readonly ExecutionRecord[]): ExecutionRecord[] {
  return records
    .map((record, index) => ({ record, index, time: startedAtMs(record) }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.time) ? -Infinity : a.time;
      const tb = Number.isNaN(b.time) ? -Infinity : b.time;
      return tb - ta || a.index - b.index;
    })
    .map((entry) => entry.record);
}

/** A duration usable in timing comparisons: finite and not negative. */
export function isUsableDuration(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}

/**
 * The runs that represent a step over time: pushes to the default branch when the history knows
 * branches (pull-request runs measure changes under review, not the step), else all runs. `branch`
 * says which branch was kept, when one was.
 */
export function mainLineRuns(
  records: readonly ExecutionRecord[],
  defaultBranch?: string,
): { runs: ExecutionRecord[]; branch?: string } {
  if (defaultBranch === undefined || !records.some((r) => ciOf(r)?.branch)) {
    return { runs: [...records] };
  }
  const runs = records.filter((r) => {
    const ci = ciOf(r);
    return ci?.branch === defaultBranch && ci.pr_number === undefined;
  });
  return { runs, branch: defaultBranch };
}
