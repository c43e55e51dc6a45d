/**
 * The "needs attention" panel's content. A minimal local detector set.
 * TODO(dashboard): use src/insight's needsAttention once it lands (callers can already pass its
 * items through `renderDashboard(..., { attention })`); these rules are the fallback.
 *   slower:  median of the last 7 days > 20 % above the median before (≥ 5 runs on each side);
 *            score = the change in percent, capped at 100
 *   flaky:   a commit with both a success and a failure of the operation; score = flake rate × 100
 *   failing: the operation's latest run failed; score = 50 + 5 × failures in the last 10 runs
 */
import { median } from '../core/stats.js';
import type { AttentionItem } from '../insight/types.js';
import { formatDuration } from './dashboard-format.js';

export type { AttentionItem, AttentionKind } from '../insight/types.js';

/** One operation's runs, ascending by time (epoch ms). `commit` holds ids into `commits`. */
export interface OperationColumns {
  name: string;
  t: Float64Array;
  ms: Float64Array;
  failed: Uint8Array;
  commit: Int32Array;
}

const DAY_MS = 86_400_000;
const RECENT_DAYS = 7;
const SLOWER_THRESHOLD_PERCENT = 20;
const MIN_RUNS_EACH_SIDE = 5;

function slower(op: OperationColumns, nowMs: number): AttentionItem | null {
  const cut = nowMs - RECENT_DAYS * DAY_MS;
  const before: number[] = [];
  const recent: number[] = [];
  for (let i = 0; i < op.t.length; i++) ((op.t[i] ?? 0) >= cut ? recent : before).push(op.ms[i] ?? 0);
  if (before.length < MIN_RUNS_EACH_SIDE || recent.length < MIN_RUNS_EACH_SIDE) return null;
  const was = median(before);
  const now = median(recent);
  if (was <= 0) return null;
  const change = (now / was - 1) * 100;
  if (change <= SLOWER_THRESHOLD_PERCENT) return null;
  const detail = `median ${formatDuration(was)} → ${formatDuration(now)} (+${Math.round(change)} %) in the last ${RECENT_DAYS} days`;
  return { name: op.name, kind: 'slower', detail, score: Math.min(100, Math.round(change)) };
}

function flaky(op: OperationColumns, commits: readonly string[]): AttentionItem | null {
  const seen = new Map<number, number>();
  for (let i = 0; i < op.t.length; i++) {
    const c = op.commit[i] ?? -1;
    if (c < 0) continue;
    seen.set(c, (seen.get(c) ?? 0) | (op.failed[i] === 1 ? 2 : 1));
  }
  const flakyCommits = [...seen].filter(([, bits]) => bits === 3).map(([c]) => commits[c] ?? '');
  if (flakyCommits.length === 0) return null;
  const latest = (flakyCommits[flakyCommits.length - 1] ?? '').slice(0, 7);
  const more = flakyCommits.length > 1 ? ` (+${flakyCommits.length - 1} more)` : '';
  const rate = (flakyCommits.length / seen.size) * 100;
  const shown = rate < 1 ? '<1' : String(Math.round(rate));
  const detail = `passed and failed on the same commit ${latest}${more} (${shown} % of ${seen.size} commits)`;
  return { name: op.name, kind: 'flaky', detail, score: Math.round(rate) };
}

function failing(op: OperationColumns): AttentionItem | null {
  const n = op.t.length;
  if (n === 0 || op.failed[n - 1] !== 1) return null;
  const lastN = Math.min(10, n);
  let failures = 0;
  for (let i = n - lastN; i < n; i++) failures += op.failed[i] ?? 0;
  const detail = `latest run failed (${failures} of the last ${lastN} runs failed)`;
  return { name: op.name, kind: 'failing', detail, score: 50 + 5 * failures };
}

/** Attention items, most urgent first (by score; ties: slower, flaky, failing, then by name). */
export function localAttention(
  ops: readonly OperationColumns[],
  commits: readonly string[],
  nowMs: number,
): AttentionItem[] {
  const order: Record<string, number> = { slower: 0, flaky: 1, failing: 2 };
  const items: AttentionItem[] = [];
  for (const op of ops) {
    for (const item of [slower(op, nowMs), flaky(op, commits), failing(op)]) {
      if (item !== null) items.push(item);
    }
  }
  return items.sort(
    (a, b) =>
      b.score - a.score ||
      (order[a.kind] ?? 0) - (order[b.kind] ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
