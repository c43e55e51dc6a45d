/**
 * The dashboard's "needs attention" panel: steps that got slower lately, flaky steps and failing
 * steps, ranked by one score so the most urgent comes first. attentionOfSeries works on the core's
 * columns (a series is a label and its rows); needsAttention is the record-shaped entry point.
 */
import { ColumnarHistory, FAILED, NONE } from '../core/history.js';
import type { ExecutionRecord } from '../core/record.js';
import { flakinessOfSeries } from './flakiness.js';
import { compareNames } from './names.js';
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
  /**
   * Each series' rows are ascending by start time, none unreadable (the dashboard sorts them):
   * then only the newest rows are read, not every row of the window. Same results.
   */
  sortedByTime?: boolean;
}

/** A series as the detectors take it: its name (label) and its rows of the history. */
export interface SeriesRows {
  name: string;
  rows: ArrayLike<number>;
}

const KIND_ORDER: Record<AttentionKind, number> = { failing: 0, slower: 1, flaky: 2 };

function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** Ranked items, most urgent first. A step may appear under several kinds. */
export function needsAttention(
  records: readonly ExecutionRecord[],
  options: AttentionOptions = {},
): AttentionItem[] {
  const history = ColumnarHistory.of(records);
  const series = [...history.rowsByName()].map(([name, rows]) => ({ name, rows }));
  return attentionOfSeries(history, series, options);
}

/**
 * needsAttention over series of a columnar history. "The step" is its runs on the default branch
 * (pushes, not pull requests) when any row of any series knows its branch, else all its runs.
 */
export function attentionOfSeries(
  history: ColumnarHistory,
  series: readonly SeriesRows[],
  options: AttentionOptions = {},
): AttentionItem[] {
  const recentDays = options.recentDays ?? 7;
  const historyDays = options.historyDays ?? 28;
  const failingWindow = options.failingWindow ?? 10;
  const t = history.startedMs;
  let now = options.now;
  let knowsBranch = false;
  if (now === undefined) {
    let newest = -Infinity;
    for (const s of series) {
      for (let k = 0; k < s.rows.length; k++) if (t[s.rows[k]!]! > newest) newest = t[s.rows[k]!]!;
    }
    now = newest === -Infinity ? 0 : newest;
  }
  if (options.defaultBranch !== undefined) {
    outer: for (const s of series) {
      for (let k = 0; k < s.rows.length; k++) {
        if (history.branch[s.rows[k]!] !== NONE) {
          knowsBranch = true;
          break outer;
        }
      }
    }
  }
  const mainLine = knowsBranch ? history.idOf(options.defaultBranch) : NONE;
  const recentFrom = now - recentDays * DAY_MS;
  const historyFrom = recentFrom - historyDays * DAY_MS;
  const failed = (row: number) => (history.flags[row]! & FAILED) !== 0;
  const items: AttentionItem[] = [];

  for (const { name, rows } of series) {
    // The step's runs up to now, newest first (ties in row order).
    const ordered: number[] = [];
    const counted = (row: number): boolean =>
      !(
        knowsBranch &&
        (mainLine === NONE ||
          history.branch[row] !== mainLine ||
          !Number.isNaN(history.prNumber[row]))
      );
    if (options.sortedByTime === true) {
      // Newest first from the end, until the comparison period and the failing window are
      // covered; every row as old as the last one taken is taken too, so sorting what was taken
      // gives the start of the full order exactly.
      for (let k = rows.length - 1; k >= 0; k--) {
        const row = rows[k]!;
        const time = t[row]!;
        if (
          !(time > historyFrom) &&
          ordered.length >= failingWindow &&
          time < t[ordered[ordered.length - 1]!]!
        ) {
          break;
        }
        if (counted(row) && time <= now) ordered.push(row);
      }
      if (ordered.length === 0) continue;
      ordered.sort((a, b) => t[b]! - t[a]! || a - b);
    } else {
      // Rows usually come ascending in time: then newest first is the reverse, with no sort (a
      // strict rise leaves no ties whose order the sort would decide).
      let rising = true;
      let previous = -Infinity;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        if (!counted(row)) continue;
        const time = t[row]!;
        if (!(time <= now)) continue; // NaN never compares
        if (!(previous < time)) rising = false;
        previous = time;
        ordered.push(row);
      }
      if (ordered.length === 0) continue;
      if (rising) ordered.reverse();
      else ordered.sort((a, b) => t[b]! - t[a]! || a - b);
    }

    // Slower: this week's successful runs against the previous weeks', with the regression test.
    const recent: number[] = [];
    const older: number[] = [];
    for (const row of ordered) {
      // Newest first: nothing older than the comparison period, or past full lists, is used.
      if (!(t[row]! > historyFrom) || (recent.length === 10 && older.length === 30)) break;
      const d = history.durationMs[row]!;
      if (failed(row) || !(d >= 0 && d < Infinity)) continue;
      if (t[row]! > recentFrom) {
        if (recent.length < 10) recent.push(d);
      } else if (t[row]! > historyFrom && older.length < 30) {
        older.push(d);
      }
    }
    const verdict = detectRegression(older, recent, {
      name,
      thresholdPercent: options.thresholdPercent,
      followDrift: false,
    });
    if (verdict.verdict === 'slower' && verdict.changePercent !== null) {
      items.push({
        name,
        kind: 'slower',
        detail: `slower in the last ${recentDays} days than the ${historyDays} before: ${verdict.reason}`,
        score: Math.min(100, verdict.changePercent),
      });
    }

    // Failing: the newest run failed, among recent runs that did not all fail by chance.
    const last = Math.min(failingWindow, ordered.length);
    let failures = 0;
    for (let k = 0; k < last; k++) if (failed(ordered[k]!)) failures++;
    if (failed(ordered[0]!)) {
      items.push({
        name,
        kind: 'failing',
        detail: `last run failed; ${failures} of the last ${last} runs failed`,
        score: 50 + (50 * failures) / last,
      });
    }
  }

  // Flaky: on all runs of the series (PR re-runs are where flakes show).
  for (const report of flakinessOfSeries(history, series, {
    days: options.flakinessDays ?? 30,
    now,
    sortedByTime: options.sortedByTime,
  })) {
    if (report.flakeRate <= 0) continue;
    const name = report.name;
    const listed = report.flakyCommits.slice(0, 3).map(shortSha).join(', ');
    const more = report.flakyCommits.length > 3 ? ', …' : '';
    items.push({
      name,
      kind: 'flaky',
      detail: `flaky on ${report.flakyCommits.length} of ${report.commitsSeen} commits (${Math.round(report.flakeRate * 100)}%): ${listed}${more}`,
      score: 100 * report.flakeRate,
    });
  }

  return items.sort(
    (a, b) =>
      b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareNames(a.name, b.name),
  );
}
