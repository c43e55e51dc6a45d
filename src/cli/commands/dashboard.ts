/** `dashboard [--days N] [--output FILE]`: writes the self-contained HTML dashboard. */
import path from 'node:path';
import { parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import type { GenerateDashboardResult } from '../../report/dashboard/index.js';

export const DEFAULT_DASHBOARD_DAYS = 30;

/**
 * Writes the dashboard of `metricsDir`; the one place the CLI calls the report module, loaded
 * only here so that `run` (once per CI step) does not pay for it.
 */
export async function writeDashboard(request: {
  outputFile: string;
  days: number;
  metricsDir: string;
}): Promise<GenerateDashboardResult> {
  const { generateDashboard } = await import('../../report/dashboard/index.js');
  return generateDashboard(request);
}

export const dashboardCommand: Command = {
  spec: {
    name: 'dashboard',
    summary: 'write the HTML dashboard of the history',
    synopsis: '[--days N] [--output FILE]',
    details:
      'Writes one self-contained HTML file with charts and tables of the last N days of runs.\n' +
      '--json prints {"outputFile", "operations", "records", "bytes"}.',
    options: {
      days: {
        type: 'string',
        value: 'N',
        description: `runs from the last N days (default: ${DEFAULT_DASHBOARD_DAYS})`,
      },
      output: {
        type: 'string',
        value: 'FILE',
        description: 'where to write it (default: <metrics-dir>/dashboard.html)',
      },
    },
    positionals: [],
    examples: ['dev-metrics dashboard --days 14 --output site/metrics.html'],
  },

  async execute(args, context) {
    const days =
      args.options.days === undefined
        ? DEFAULT_DASHBOARD_DAYS
        : parseWholeNumber('--days', String(args.options.days), 1, 'dashboard');
    const output = args.options.output as string | undefined;
    const outputFile =
      output === undefined
        ? path.join(context.metricsDir, 'dashboard.html')
        : path.resolve(context.cwd, output);
    const written = await writeDashboard({ outputFile, days, metricsDir: context.metricsDir });
    if (context.json) {
      printJson(context, written);
    } else {
      context.stdout.write(
        `Dashboard written to ${written.outputFile} (${plural(written.operations, 'operation')}, ` +
          `${plural(written.records, 'run')}, last ${plural(days, 'day')})\n`,
      );
    }
    return 0;
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
