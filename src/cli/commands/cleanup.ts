/** `cleanup DAYS`: deletes day files older than DAYS days; today's file and DAYS before it stay. */
import { parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import { openCollector } from '../history.js';
import { listDayFiles } from '../../core/store.js';

export const cleanupCommand: Command = {
  spec: {
    name: 'cleanup',
    summary: 'delete history older than DAYS days',
    synopsis: 'DAYS',
    details:
      'Deletes the day files (YYYY-MM-DD.jsonl) dated more than DAYS days before today (UTC):\n' +
      "with 30, today's file and the 30 before it stay. Other files are never touched.\n" +
      '--json prints {"deleted": [...file names], "kept": N}.',
    options: {},
    positionals: [
      { name: 'DAYS', required: true, description: 'days of history to keep (0 = today only)' },
    ],
    examples: ['dev-metrics cleanup 30'],
  },

  async execute(args, context) {
    const days = parseWholeNumber('DAYS', args.positionals[0] as string, 0, 'cleanup');
    // The names deleted are the difference of two listings: the core reports only a count.
    const before = await listDayFiles(context.metricsDir);
    await openCollector(context.metricsDir).clearOldMetrics(days);
    const after = new Set((await listDayFiles(context.metricsDir)).map((f) => f.name));
    const deleted = before.map((f) => f.name).filter((name) => !after.has(name));
    if (context.json) {
      printJson(context, { deleted, kept: after.size });
      return 0;
    }
    if (deleted.length === 0) {
      context.stdout.write(`Nothing older than ${days} days in ${context.metricsDir}.\n`);
      return 0;
    }
    context.stdout.write(
      `Deleted ${deleted.length} day file${deleted.length === 1 ? '' : 's'} from ${context.metricsDir}:\n`,
    );
    for (const name of deleted) context.stdout.write(`  ${name}\n`);
    return 0;
  },
};
