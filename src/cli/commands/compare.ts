/** `compare NAME|--all --base BRANCH [--branch B]`: regression verdicts against a base branch. */
import { UsageError, parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';
import { formatDuration } from '../format.js';
import { openCollector } from '../history.js';
import { renderTable, type Cell, type Tone } from '../table.js';
import { DevMetricsError } from '../../core/errors.js';
import type { ExecutionRecord } from '../../core/record.js';
import { ciOf, newestFirst } from '../../insight/ci-metadata.js';
import type { RegressionVerdict, VerdictKind } from '../../insight/types.js';

export const DEFAULT_COMPARE_DAYS = 30;

export const compareCommand: Command = {
  spec: {
    name: 'compare',
    summary: 'is an operation slower or faster on a branch than on the base branch?',
    synopsis: 'NAME|--all --base BRANCH [--branch B] [--days N]',
    details:
      "Compares the successful runs of branch B with the base branch's, using the branch the\n" +
      'dev-metrics action stores in metadata.ci.branch (a pull request counts all its runs).\n' +
      'Verdict per operation: faster, slower, no change or not enough data. Always exits 0 when\n' +
      'the comparison ran; --json prints {"base", "branch", "verdicts": [RegressionVerdict...]}.',
    options: {
      all: { type: 'boolean', description: 'compare every operation in the window' },
      base: { type: 'string', value: 'BRANCH', description: 'the branch to compare against' },
      branch: {
        type: 'string',
        value: 'B',
        description: 'the branch to judge (default: the newest run’s branch other than BRANCH)',
      },
      days: {
        type: 'string',
        value: 'N',
        description: `history window (default: ${DEFAULT_COMPARE_DAYS})`,
      },
    },
    positionals: [{ name: 'NAME', required: false, description: 'the operation to compare' }],
    examples: [
      'dev-metrics compare unit_tests --base main --branch my-feature',
      'dev-metrics compare --all --base main --json',
    ],
  },

  async execute(args, context) {
    const name = args.positionals[0];
    const all = args.options.all === true;
    if (name !== undefined && all) {
      throw new UsageError("give either NAME or --all to 'compare', not both", 'compare');
    }
    if (name === undefined && !all)
      throw new UsageError("'compare' needs NAME or --all", 'compare');
    const base = args.options.base;
    if (typeof base !== 'string' || base === '') {
      throw new UsageError("'compare' needs --base BRANCH", 'compare');
    }
    const days =
      args.options.days === undefined
        ? DEFAULT_COMPARE_DAYS
        : parseWholeNumber('--days', String(args.options.days), 1, 'compare');

    const records: ExecutionRecord[] = [];
    for await (const record of openCollector(context.metricsDir).readRecords({ days })) {
      records.push(record);
    }
    const names = name === undefined ? [...new Set(records.map((r) => r.name))].sort() : [name];
    const window = `the last ${days} days in ${context.metricsDir}`;
    if (names.length === 0) throw new DevMetricsError(`no runs in ${window}`);
    if (name !== undefined && !records.some((r) => r.name === name)) {
      throw new DevMetricsError(`no runs of '${name}' in ${window}; check the name with 'recent'`);
    }
    const relevant = records.filter((r) => names.includes(r.name));
    const branch = (args.options.branch as string | undefined) ?? newestOtherBranch(relevant, base);
    if (branch === undefined) {
      throw new DevMetricsError(
        `no run in ${window} is on a branch other than '${base}' (metadata.ci.branch); pass --branch B`,
      );
    }
    if (branch === base)
      throw new UsageError('--branch and --base name the same branch', 'compare');
    // A branch with a pull request: its runs carry the PR number, and all of them count.
    const prNumber = newestFirst(relevant)
      .map(ciOf)
      .find((ci) => ci?.branch === branch)?.pr_number;

    // Loaded here, not at startup: only compare needs the statistics.
    const { regressionVerdicts } = await import('../../insight/verdicts.js');
    const { labelSeries } = await import('../../insight/series.js');
    // One verdict per series: a step in another job, matrix leg or runner is compared apart.
    const series = labelSeries(relevant);
    const seriesNames = [...new Set(series.map((r) => r.name))].sort();
    const verdicts = regressionVerdicts(series, seriesNames, {
      branch,
      prNumber,
      baseBranch: base,
    });
    if (context.json) {
      printJson(context, { base, branch, verdicts });
      return 0;
    }
    context.stdout.write(`Comparing ${branch} against ${base} (${window}):\n\n`);
    context.stdout.write(renderVerdictTable(verdicts, base, branch, context.color));
    return 0;
  },
};

function newestOtherBranch(records: readonly ExecutionRecord[], base: string): string | undefined {
  for (const record of newestFirst(records)) {
    const branch = ciOf(record)?.branch;
    if (branch !== undefined && branch !== base) return branch;
  }
  return undefined;
}

const VERDICT_TONES: Record<VerdictKind, Tone | undefined> = {
  slower: 'bad',
  faster: 'good',
  'no change': undefined,
  'not enough data': 'dim',
};

export function renderVerdictTable(
  verdicts: readonly RegressionVerdict[],
  base: string,
  branch: string,
  color = false,
): string {
  const percent = (value: number | null): string =>
    value === null ? '-' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
  const ms = (value: number | null): string => (value === null ? '-' : formatDuration(value));
  const rows: Cell[][] = verdicts.map((v) => [
    v.name,
    { text: v.verdict, tone: VERDICT_TONES[v.verdict] },
    percent(v.changePercent),
    ms(v.baselineMedianMs),
    ms(v.candidateMedianMs),
    `${v.baselineCount} / ${v.candidateCount}`,
    // The reason carries the interval and p-value; the columns keep what scans well.
    { text: v.reason, tone: 'dim' },
  ]);
  return renderTable(
    [
      { header: 'operation' },
      { header: 'verdict' },
      { header: 'change', align: 'right' },
      { header: `${base} p50`, align: 'right' },
      { header: `${branch} p50`, align: 'right' },
      { header: 'runs', align: 'right' },
      { header: 'why' },
    ],
    rows,
    { color },
  );
}
