/**
 * `summary [--days N]`: per-operation statistics over the recent history, as a table or JSON, with
 * each operation's flake rate and duration trend from the insight module.
 */
import { parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import { formatDuration, formatPercent, formatStoredTime } from '../format.js';
import { openCollector } from '../history.js';
import { renderTable } from '../table.js';
import type { Column, Cell, Tone } from '../table.js';
import { ColumnarHistory } from '../../core/history.js';
import { readHistoryRows } from '../../core/history-read.js';
import { canonicalTimestamp } from '../../core/record.js';
import { SummaryAccumulator, round2, round4, type OperationSummary } from '../../core/stats.js';
import { DAY_MS } from '../../core/store.js';
import { VALUE_SEPARATOR } from '../../core/values.js';
import { formatValue } from '../../report/format.js';
import type { VerdictKind } from '../../insight/types.js';

export const DEFAULT_SUMMARY_DAYS = 7;

/** What `summary` adds to each OperationSummary (additive: the older keys keep their meaning). */
export interface OperationInsight {
  /** Share 0–1 (a fraction, like success_rate) of commits seen with both a success and a failure. */
  flake_rate: number | null;
  /** How many commits were flaky; null, like flake_rate, when no run carries a commit sha. */
  flaky_commits: number | null;
  /** Commits seen with a run of the operation in the window (0 for laptop histories). */
  commits_seen: number;
  /** Newest runs against the earlier ones in the window (see trendVerdicts). */
  trend_verdict: VerdictKind;
  /** Change of the newest runs' durations, percent (+ = slower); null without a verdict. */
  trend_change_percent: number | null;
}

export type InsightSummary = Record<string, OperationSummary & OperationInsight>;

export const summaryCommand: Command = {
  spec: {
    name: 'summary',
    summary: 'statistics per operation: runs, success rate, durations, flakiness, trend',
    synopsis: '[--days N]',
    details:
      'Per operation: number of runs, success rate, flaky commits (both a success and a failure on\n' +
      'one commit, out of the commits seen; "—" when runs carry no commit sha), average / median\n' +
      '(p50) / p95 / max duration, the trend (newest quarter of the successful runs, at most 10,\n' +
      'against the up to 30 before them: faster, slower, no change or not enough data; on the\n' +
      'default branch when runs record it), the status and start time (UTC) of the newest run.\n' +
      'An operation that records values (metadata.values) gets a row per value below it, in the\n' +
      "value's unit. --json prints the summary object (success_rate a fraction 0–1), each\n" +
      'operation with its values statistics (when it has values), and with\n' +
      'flake_rate (a fraction 0–1), flaky_commits,\n' +
      'commits_seen, trend_verdict and trend_change_percent added.',
    options: {
      days: {
        type: 'string',
        value: 'N',
        description: `only runs from the last N days (default: ${DEFAULT_SUMMARY_DAYS})`,
      },
    },
    positionals: [],
    examples: ['dev-metrics summary --days 30', 'dev-metrics summary --json'],
  },

  async execute(args, context) {
    const days =
      args.options.days === undefined
        ? DEFAULT_SUMMARY_DAYS
        : parseWholeNumber('--days', String(args.options.days), 1, 'summary');
    const summary = await summarizeHistory(context.metricsDir, days);
    if (context.json) {
      printJson(context, summary);
      return 0;
    }
    if (Object.keys(summary).length === 0) {
      context.stdout.write(
        `No runs recorded in the last ${days} day${days === 1 ? '' : 's'} in ${context.metricsDir}.\n`,
      );
      return 0;
    }
    context.stdout.write(renderSummaryTable(summary, context.color));
    return 0;
  },
};

/**
 * Reads the window once: the statistics stream into the accumulator, and the runs into the core's
 * columnar history; flakiness and trend then run on each operation's rows of it.
 */
export async function summarizeHistory(metricsDir: string, days: number): Promise<InsightSummary> {
  const accumulator = new SummaryAccumulator();
  const collector = openCollector(metricsDir);
  // Per name: flakiness and trend read no leg or run id.
  const history = new ColumnarHistory({ compact: true });
  await readHistoryRows(
    metricsDir,
    { since: Date.now() - days * DAY_MS, onWarning: collector.onWarning },
    (row, source, startedMs) => accumulator.addRow(history, row, source, startedMs),
    history,
  );
  const summary = accumulator.summary();
  // Loaded here, not at startup: the other commands do not need the statistics.
  const { flakinessByName, trendOfRows, trendsByName } = await import('../../insight/columns.js');
  const byName = history.rowsByName();
  const defaultBranch = history.newestDefaultBranch();
  // Flakiness of every operation in one pass over the rows.
  const flakiness = new Map(
    flakinessByName(history, byName).map((report) => [report.name, report]),
  );
  const trends = trendsByName(history, byName, { defaultBranch });
  // Null prototype: an operation named `__proto__` is a key like any other.
  const result = Object.create(null) as InsightSummary;
  for (const [name, stats] of Object.entries(summary)) {
    const flaky = flakiness.get(name);
    const trend = trends.get(name) ?? trendOfRows(history, new Int32Array(0), name);
    const seen = flaky?.commitsSeen ?? 0;
    result[name] = {
      ...stats,
      // As the record reader writes it back (the accumulator saw the line as stored).
      last_run_at: canonicalTimestamp(stats.last_run_at),
      flake_rate: seen === 0 ? null : round4(flaky?.flakeRate ?? 0),
      flaky_commits: seen === 0 ? null : (flaky?.flakyCommits.length ?? 0),
      commits_seen: seen,
      trend_verdict: trend.verdict,
      trend_change_percent: trend.changePercent === null ? null : round2(trend.changePercent),
    };
  }
  return result;
}

const TREND_TONES: Record<VerdictKind, Tone | undefined> = {
  slower: 'bad',
  faster: 'good',
  'no change': undefined,
  'not enough data': 'dim',
};

/** "2/14 (14%)", or "—" when no run carried a commit sha (or the summary has no flakiness). */
function flakyCell(s: Partial<OperationInsight>): Cell {
  if (s.flake_rate === null || s.flake_rate === undefined || !s.commits_seen) {
    return { text: '—', tone: 'dim' };
  }
  return {
    text: `${s.flaky_commits ?? 0}/${s.commits_seen} (${Math.round(100 * s.flake_rate)}%)`,
    tone: (s.flaky_commits ?? 0) > 0 ? 'bad' : 'good',
  };
}

/** "slower +23%", "faster -12%", "no change ±0%", "not enough data"; "—" without a trend. */
function trendCell(s: Partial<OperationInsight>): Cell {
  const verdict = s.trend_verdict;
  if (verdict === undefined) return { text: '—', tone: 'dim' };
  const change = s.trend_change_percent;
  if (change === null || change === undefined || verdict === 'not enough data') {
    return { text: verdict, tone: TREND_TONES[verdict] };
  }
  const rounded = Math.round(change);
  const signed = rounded > 0 ? `+${rounded}` : rounded < 0 ? `${rounded}` : '±0';
  return { text: `${verdict} ${signed}%`, tone: TREND_TONES[verdict] };
}

/** The table; operations without the insight fields (a plain MetricsSummary) show "—" there. */
export function renderSummaryTable(
  summary: Record<string, OperationSummary & Partial<OperationInsight>>,
  color = false,
): string {
  const columns: Column[] = [
    { header: 'operation' },
    { header: 'runs', align: 'right' },
    { header: 'success', align: 'right' },
    { header: 'flaky', align: 'right' },
    { header: 'avg', align: 'right' },
    { header: 'p50', align: 'right' },
    { header: 'p95', align: 'right' },
    { header: 'max', align: 'right' },
    { header: 'trend' },
    { header: 'last' },
    { header: 'last run (UTC)' },
  ];
  const rows: Cell[][] = Object.values(summary)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((s) => [operationRow(s), ...valueRows(s)]);
  return renderTable(columns, rows, { color });
}

/** One row per value the operation records (`build › bundle_kb`), in the value's own unit. */
function valueRows(s: OperationSummary): Cell[][] {
  const dim: Cell = { text: '—', tone: 'dim' };
  return Object.entries(s.values ?? {}).map(([name, v]) => [
    `${s.name}${VALUE_SEPARATOR}${name}`,
    String(v.count),
    dim,
    dim,
    formatValue(v.avg, v.unit),
    formatValue(v.p50, v.unit),
    formatValue(v.p95, v.unit),
    formatValue(v.max, v.unit),
    { text: `${v.better} is better`, tone: 'dim' },
    dim,
    dim,
  ]);
}

function operationRow(s: OperationSummary & Partial<OperationInsight>): Cell[] {
  return [
    s.name,
    String(s.total_executions),
    { text: formatPercent(s.success_rate), tone: s.failures > 0 ? 'bad' : 'good' },
    flakyCell(s),
    formatDuration(s.avg_duration_ms),
    formatDuration(s.p50_duration_ms),
    formatDuration(s.p95_duration_ms),
    formatDuration(s.max_duration_ms),
    trendCell(s),
    { text: s.last_status, tone: s.last_status === 'success' ? 'good' : 'bad' },
    formatStoredTime(s.last_run_at),
  ];
}
