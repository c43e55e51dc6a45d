/** `summary [--days N]`: per-operation statistics over the recent history, as a table or JSON. */
import { parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import { formatDuration, formatPercent, formatStoredTime } from '../format.js';
import { openCollector } from '../history.js';
import { renderTable } from '../table.js';
import type { Column, Cell } from '../table.js';
import type { MetricsSummary } from '../../core/stats.js';

export const DEFAULT_SUMMARY_DAYS = 7;

export const summaryCommand: Command = {
  spec: {
    name: 'summary',
    summary: 'statistics per operation: runs, success rate, durations',
    synopsis: '[--days N]',
    details:
      'Per operation: number of runs, success rate, average / median (p50) / p95 / max duration,\n' +
      'the status and start time (UTC) of the newest run. --json prints the summary object.',
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
    const summary = await openCollector(context.metricsDir).getMetricsSummary({ days });
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

export function renderSummaryTable(summary: MetricsSummary, color = false): string {
  const columns: Column[] = [
    { header: 'operation' },
    { header: 'runs', align: 'right' },
    { header: 'success', align: 'right' },
    { header: 'avg', align: 'right' },
    { header: 'p50', align: 'right' },
    { header: 'p95', align: 'right' },
    { header: 'max', align: 'right' },
    { header: 'last' },
    { header: 'last run (UTC)' },
  ];
  const rows: Cell[][] = Object.values(summary)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => [
      s.name,
      String(s.total_executions),
      { text: formatPercent(s.success_rate), tone: s.failures > 0 ? 'bad' : 'good' },
      formatDuration(s.avg_duration_ms),
      formatDuration(s.p50_duration_ms),
      formatDuration(s.p95_duration_ms),
      formatDuration(s.max_duration_ms),
      { text: s.last_status, tone: s.last_status === 'success' ? 'good' : 'bad' },
      formatStoredTime(s.last_run_at),
    ]);
  return renderTable(columns, rows, { color });
}
