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
import { formatTimestamp, parseTimestamp, type ExecutionRecord } from '../../core/record.js';
import { SummaryAccumulator, round2, type OperationSummary } from '../../core/stats.js';
import { ciOf } from '../../insight/ci-metadata.js';
import type { VerdictKind } from '../../insight/types.js';

export const DEFAULT_SUMMARY_DAYS = 7;

/** What `summary` adds to each OperationSummary (additive: the older keys keep their meaning). */
export interface OperationInsight {
  /** Percent 0–100 (like success_rate) of commits seen with both a success and a failure. */
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
      '--json prints the summary object, each operation with flake_rate (percent), flaky_commits,\n' +
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
 * Reads the window once: the statistics stream into the accumulator, and what flakiness and trend
 * need of each run goes into compact columns; the detectors then run one operation at a time.
 */
export async function summarizeHistory(metricsDir: string, days: number): Promise<InsightSummary> {
  const accumulator = new SummaryAccumulator();
  const runs = new RunColumns();
  for await (const record of openCollector(metricsDir).readRecords({ days })) {
    const startedMs = parseTimestamp(record.started_at);
    accumulator.add(record, startedMs);
    runs.add(record, startedMs);
  }
  const summary = accumulator.summary();
  // Loaded here, not at startup: the other commands do not need the statistics.
  const { detectFlakiness, trendVerdicts } = await import('../../insight/index.js');
  // Null prototype: an operation named `__proto__` is a key like any other.
  const result = Object.create(null) as InsightSummary;
  for (const [name, stats] of Object.entries(summary)) {
    const records = runs.records(name);
    const flakiness = detectFlakiness(records)[0];
    const trend = trendVerdicts(records, { defaultBranch: runs.defaultBranch })[0];
    const seen = flakiness?.commitsSeen ?? 0;
    result[name] = {
      ...stats,
      flake_rate: seen === 0 ? null : round2(100 * (flakiness?.flakeRate ?? 0)),
      flaky_commits: seen === 0 ? null : (flakiness?.flakyCommits.length ?? 0),
      commits_seen: seen,
      trend_verdict: trend?.verdict ?? 'not enough data',
      trend_change_percent:
        trend?.changePercent === null || trend === undefined ? null : round2(trend.changePercent),
    };
  }
  return result;
}

/** One operation's runs, as columns: ~33 bytes a run instead of a whole record object. */
interface OperationRuns {
  count: number;
  startedMs: Float64Array;
  durationMs: Float64Array;
  succeeded: Uint8Array;
  /** Indexes into RunColumns' string table; -1 when the run has none. */
  sha: Int32Array;
  branch: Int32Array;
  /** NaN when not a pull-request run. */
  prNumber: Float64Array;
}

const INITIAL_RUNS = 16;

function grow<T extends Float64Array | Int32Array | Uint8Array>(column: T, size: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(size);
  bigger.set(column);
  return bigger;
}

/**
 * The fields of each run that flakiness and trend read (name, sha, status, start, duration,
 * branch, pull request), kept compact so `summary --days 365` over a big history stays small:
 * typed arrays per operation, commit shas and branch names stored once each.
 */
class RunColumns {
  private readonly operations = new Map<string, OperationRuns>();
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private defaultBranchSeenAt = -Infinity;
  /** metadata.ci.default_branch of the newest run that records it. */
  defaultBranch: string | undefined;

  add(record: ExecutionRecord, startedMs: number): void {
    let op = this.operations.get(record.name);
    if (op === undefined) {
      op = {
        count: 0,
        startedMs: new Float64Array(INITIAL_RUNS),
        durationMs: new Float64Array(INITIAL_RUNS),
        succeeded: new Uint8Array(INITIAL_RUNS),
        sha: new Int32Array(INITIAL_RUNS),
        branch: new Int32Array(INITIAL_RUNS),
        prNumber: new Float64Array(INITIAL_RUNS),
      };
      this.operations.set(record.name, op);
    }
    if (op.count === op.startedMs.length) {
      const size = op.count * 2;
      op.startedMs = grow(op.startedMs, size);
      op.durationMs = grow(op.durationMs, size);
      op.succeeded = grow(op.succeeded, size);
      op.sha = grow(op.sha, size);
      op.branch = grow(op.branch, size);
      op.prNumber = grow(op.prNumber, size);
    }
    const ci = ciOf(record);
    const i = op.count++;
    op.startedMs[i] = startedMs;
    op.durationMs[i] = record.duration_ms;
    op.succeeded[i] = record.status === 'success' ? 1 : 0;
    op.sha[i] = this.intern(ci?.sha);
    op.branch[i] = this.intern(ci?.branch);
    op.prNumber[i] = ci?.pr_number ?? NaN;

    const defaultBranch = (record.metadata as { ci?: { default_branch?: unknown } } | null)?.ci
      ?.default_branch;
    if (typeof defaultBranch === 'string' && defaultBranch !== '') {
      if (!(startedMs < this.defaultBranchSeenAt)) {
        this.defaultBranchSeenAt = startedMs;
        this.defaultBranch = defaultBranch;
      }
    }
  }

  /**
   * One operation's runs as slim records carrying only the stored fields, for the detectors;
   * built on demand so only one operation's objects exist at a time.
   */
  records(name: string): ExecutionRecord[] {
    const op = this.operations.get(name);
    if (op === undefined) return [];
    const records: ExecutionRecord[] = [];
    for (let i = 0; i < op.count; i++) {
      const ci: Record<string, unknown> = {};
      if (op.sha[i] !== -1) ci.sha = this.strings[op.sha[i]!];
      if (op.branch[i] !== -1) ci.branch = this.strings[op.branch[i]!];
      if (!Number.isNaN(op.prNumber[i])) ci.pr_number = op.prNumber[i];
      const started = op.startedMs[i]!;
      const duration = op.durationMs[i]!;
      records.push({
        name,
        started_at: formatTimestamp(started),
        ended_at: formatTimestamp(started + duration),
        duration_ms: duration,
        status: op.succeeded[i] === 1 ? 'success' : 'failed',
        metadata: { ci },
        error: null,
      });
    }
    return records;
  }

  private intern(text: string | undefined): number {
    if (text === undefined) return -1;
    let index = this.stringIndex.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, index);
    }
    return index;
  }
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
    text: `${s.flaky_commits ?? 0}/${s.commits_seen} (${Math.round(s.flake_rate)}%)`,
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
    .map((s) => [
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
    ]);
  return renderTable(columns, rows, { color });
}
