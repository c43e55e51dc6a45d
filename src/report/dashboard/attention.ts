/**
 * The "needs attention" panel: src/insight's needsAttention, fed from the dashboard's columns.
 * needsAttention wants record objects; a million of them would not fit the streaming design, so
 * this passes only the runs its rules can look at, which gives the same answer:
 *   per operation, newest first, on the line it judges (the default branch's non-PR runs when
 *   known): the last RUNS_KEPT runs (failing), the newest RUNS_KEPT successes of the last 7 days
 *   and the newest 2 × RUNS_KEPT successes of the 28 days before (slower);
 *   per operation and commit: the newest success and the newest failure (flaky).
 * The counts are well above what needsAttention reads (10, 10 and 30 runs).
 */
import type { ExecutionRecord } from '../../core/record.js';
import { formatTimestamp } from '../../core/record.js';
import { needsAttention } from '../../insight/attention.js';
import type { AttentionItem } from '../../insight/types.js';
import { DAY_MS } from '../../core/record.js';

export type { AttentionItem, AttentionKind } from '../../insight/types.js';

/** One operation's runs, ascending by time (epoch ms); branch/commit are ids, -1 = unknown. */
export interface OperationColumns {
  name: string;
  t: Float64Array;
  ms: Float64Array;
  failed: Uint8Array;
  branch: Int32Array;
  commit: Int32Array;
  /** 1 for a pull-request run. */
  pr: Uint8Array;
}

const RECENT_DAYS = 7;
const HISTORY_DAYS = 28;
const RUNS_KEPT = 50;

/** The runs of one operation that needsAttention's rules can use, as record indices. */
function relevantRuns(op: OperationColumns, nowMs: number, mainBranch: number | null): number[] {
  const kept: number[] = [];
  const recentFrom = nowMs - RECENT_DAYS * DAY_MS;
  const historyFrom = recentFrom - HISTORY_DAYS * DAY_MS;
  const statusSeen = new Map<number, number>(); // commit -> bits: 1 success, 2 failure
  let last = 0;
  let recentOk = 0;
  let olderOk = 0;
  for (let i = op.t.length - 1; i >= 0; i--) {
    const t = op.t[i] ?? 0;
    if (t > nowMs) continue;
    const failed = op.failed[i] === 1;
    let keep = false;
    if (mainBranch === null || (op.branch[i] === mainBranch && op.pr[i] === 0)) {
      if (last < RUNS_KEPT) keep = true;
      last++;
      if (!failed && t > recentFrom && recentOk < RUNS_KEPT) {
        keep = true;
        recentOk++;
      } else if (!failed && t <= recentFrom && t > historyFrom && olderOk < 2 * RUNS_KEPT) {
        keep = true;
        olderOk++;
      }
    }
    const commit = op.commit[i] ?? -1;
    if (commit >= 0) {
      const bit = failed ? 2 : 1;
      const seen = statusSeen.get(commit) ?? 0;
      if ((seen & bit) === 0) {
        statusSeen.set(commit, seen | bit);
        keep = true;
      }
    }
    if (keep) kept.push(i);
  }
  return kept;
}

/** Ranked attention items (most urgent first) for the dashboard's operations. */
export function dashboardAttention(
  ops: readonly OperationColumns[],
  branchNames: readonly string[],
  commitNames: readonly string[],
  nowMs: number,
  defaultBranch: string | null,
): AttentionItem[] {
  const mainBranch = defaultBranch === null ? -1 : branchNames.indexOf(defaultBranch);
  const records: ExecutionRecord[] = [];
  for (const op of ops) {
    for (const i of relevantRuns(op, nowMs, mainBranch >= 0 ? mainBranch : null)) {
      const t = op.t[i] ?? 0;
      const ms = op.ms[i] ?? 0;
      const branch = branchNames[op.branch[i] ?? -1];
      const sha = commitNames[op.commit[i] ?? -1];
      const ci: Record<string, unknown> = {};
      if (sha !== undefined) ci.sha = sha;
      if (branch !== undefined) ci.branch = branch;
      if (op.pr[i] === 1) ci.pr_number = 1;
      const startedAt = formatTimestamp(t);
      records.push({
        name: op.name,
        started_at: startedAt,
        ended_at: startedAt, // not read by needsAttention; saves a format per run
        duration_ms: ms,
        status: op.failed[i] === 1 ? 'failed' : 'success',
        metadata: { ci },
        error: null,
      });
    }
  }
  return needsAttention(records, {
    now: nowMs,
    ...(mainBranch >= 0 && defaultBranch !== null ? { defaultBranch } : {}),
  });
}
