/** `recent [NAME] [--limit N]`: the newest runs, newest first. */
import { parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import { formatDuration, formatStoredTime, truncateLine } from '../format.js';
import { openCollector } from '../history.js';
import { renderTable } from '../table.js';
import type { Cell } from '../table.js';
import type { ExecutionRecord } from '../../core/record.js';
import { redactSecrets } from '../../core/redact.js';
import { valuesOf } from '../../core/values.js';
import { formatValue } from '../../report/format.js';

export const DEFAULT_RECENT_LIMIT = 20;
const ERROR_WIDTH = 60;
const VALUES_WIDTH = 60;

export const recentCommand: Command = {
  spec: {
    name: 'recent',
    summary: 'the newest runs, of one operation or all',
    synopsis: '[NAME] [--limit N]',
    details:
      'Lists the newest runs, newest first: start time (UTC), operation, duration, status,\n' +
      'the values a run recorded (when any run shown has some) and the error (cut to one line).\n' +
      '--json prints the records as stored.',
    options: {
      limit: {
        type: 'string',
        value: 'N',
        description: `show at most N runs (default: ${DEFAULT_RECENT_LIMIT})`,
      },
    },
    positionals: [{ name: 'NAME', required: false, description: 'only runs of this operation' }],
    examples: ['dev-metrics recent', 'dev-metrics recent unit_tests --limit 5'],
  },

  async execute(args, context) {
    const limit =
      args.options.limit === undefined
        ? DEFAULT_RECENT_LIMIT
        : parseWholeNumber('--limit', String(args.options.limit), 1, 'recent');
    const name = args.positionals[0];
    const records = await openCollector(context.metricsDir).getRecentMetrics({ name, limit });
    if (context.json) {
      printJson(context, records);
      return 0;
    }
    if (records.length === 0) {
      const what = name === undefined ? 'No runs' : `No runs of '${name}'`;
      context.stdout.write(`${what} recorded in ${context.metricsDir}.\n`);
      return 0;
    }
    context.stdout.write(renderRecentTable(records, context.color));
    return 0;
  },
};

export function renderRecentTable(records: readonly ExecutionRecord[], color = false): string {
  // The values column only when a run shown has values: plain histories read as before.
  const values = records.map((r) => formatRunValues(r.metadata));
  const withValues = values.some((v) => v !== '');
  const rows: Cell[][] = records.map((r, i) => [
    formatStoredTime(r.started_at),
    r.name,
    formatDuration(r.duration_ms),
    { text: r.status, tone: r.status === 'success' ? 'good' : 'bad' },
    ...(withValues ? [truncateLine(values[i] ?? '', VALUES_WIDTH)] : []),
    // Redacted before the cut (a cut secret no longer looks like one): a CI log is published.
    {
      text: r.error === null ? '' : truncateLine(redactSecrets(r.error), ERROR_WIDTH),
      tone: 'dim',
    },
  ]);
  return renderTable(
    [
      { header: 'started (UTC)' },
      { header: 'operation' },
      { header: 'duration', align: 'right' },
      { header: 'status' },
      ...(withValues ? [{ header: 'values' }] : []),
      { header: 'error' },
    ],
    rows,
    { color },
  );
}

/** A run's values on one line, in stored order: "size_kb 512 KB, tokens 1,200"; '' for none. */
export function formatRunValues(metadata: unknown): string {
  return valuesOf(metadata)
    .map((v) => `${v.name} ${formatValue(v.value, v.unit)}`)
    .join(', ');
}
