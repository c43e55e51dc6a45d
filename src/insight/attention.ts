/**
 * The dashboard's "needs attention" panel: steps that got slower lately, flaky steps and failing
 * steps, ranked by one score so the most urgent comes first.
 */
import type { ExecutionRecord } from '../core/record.js';
import { isUsableDuration, mainLineRuns, newestFirst, startedAtMs } from './ci-metadata.js';
import { detectFlakiness } from './flakiness.js';
import { detectRegression } from './regression.js';
import type { AttentionItem, AttentionKind } from './types.js';
import { DAY_MS } from '../core/record.js';

export interface AttentionOptions {
  /** Branch whose runs define "the step" (PR runs are noisy experiments). Default: all runs. */
  defaultBranch?: string;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
  /** "Lately": the newest this many days (default 7), compared with the `historyDays` before. */
  recentDays?: number;
  /** How far back the comparison period reaches before the recent one (default 28). */
  historyDays?: number;
  /** Smallest slowdown worth showing, percent (default 10). */
  thresholdPercent?: number;
  /** Window for flakiness, days (default 30). */
  flakinessDays?: number;
  /** Runs looked at for "failing" (default 10). */
  failingWindow?: number;
}

const KIND_ORDER: Record<AttentionKind, number> = { failing: 0, slower: 1, flaky: 2 };

/** The latest valid started_at, 0 when none. A loop: Math.max(...times) overflows the stack. */
function newestStart(records: readonly ExecutionRecord[]): number {
  let newest = -Infinity;
  for (const record of records) {
    const time = startedAtMs(record);
    if (time > newest) newest = time; // NaN never compares greater
  }
  return newest === -Infinity ? 0 : newest;
}

function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** Ranked items, most urgent first. A step may appear under several kinds. */
export function needsAttention(
  records: readonly ExecutionRecord[],
  options: AttentionOptions = {},
): AttentionItem[] {
  const recentDays = options.recentDays ?? 7;
  const historyDays = options.historyDays ?? 28;
  const failingWindow = options.failingWindow ?? 10;
  const now = options.now ?? newestStart(records);
  const items: AttentionItem[] = [];

  const byName = new Map<string, ExecutionRecord[]>();
  for (const r of mainLineRuns(records, options.defaultBranch).runs) {
    const list = byName.get(r.name) ?? [];
    list.push(r);
    byName.set(r.name, list);
  }

  for (const [name, runs] of byName) {
    const ordered = newestFirst(runs).filter((r) => {
      const t = startedAtMs(r);
      return !Number.isNaN(t) && t <= now;
    });

    // Slower: this week's successful runs against the previous weeks', with the regression test.
    const ok = ordered.filter((r) => r.status === 'success' && isUsableDuration(r.duration_ms));
    const recentFrom = now - recentDays * DAY_MS;
    const historyFrom = recentFrom - historyDays * DAY_MS;
    const recent = ok.filter((r) => startedAtMs(r) > recentFrom).slice(0, 10);
    const older = ok
      .filter((r) => startedAtMs(r) <= recentFrom && startedAtMs(r) > historyFrom)
      .slice(0, 30);
    const verdict = detectRegression(
      older.map((r) => r.duration_ms),
      recent.map((r) => r.duration_ms),
      { name, thresholdPercent: options.thresholdPercent, followDrift: false },
    );
    if (verdict.verdict === 'slower' && verdict.changePercent !== null) {
      items.push({
        name,
        kind: 'slower',
        detail: `slower in the last ${recentDays} days than the ${historyDays} before: ${verdict.reason}`,
        score: Math.min(100, verdict.changePercent),
      });
    }

    // Failing: the newest run failed, among recent runs that did not all fail by chance.
    const lastRuns = ordered.slice(0, failingWindow);
    const failures = lastRuns.filter((r) => r.status === 'failed').length;
    if (lastRuns[0]?.status === 'failed') {
      items.push({
        name,
        kind: 'failing',
        detail: `last run failed; ${failures} of the last ${lastRuns.length} runs failed`,
        score: 50 + (50 * failures) / lastRuns.length,
      });
    }
  }

  for (const report of detectFlakiness(records, { days: options.flakinessDays ?? 30, now })) {
    if (report.flakeRate <= 0) continue;
    const listed = report.flakyCommits.slice(0, 3).map(shortSha).join(', ');
    const more = report.flakyCommits.length > 3 ? ', …' : '';
    items.push({
      name: report.name,
      kind: 'flaky',
      detail: `flaky on ${report.flakyCommits.length} of ${report.commitsSeen} commits (${Math.round(report.flakeRate * 100)}%): ${listed}${more}`,
      score: 100 * report.flakeRate,
    });
  }

  return items.sort(
    (a, b) =>
      b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
}
