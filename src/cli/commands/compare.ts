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
import { formatValue, verdictWord } from '../../report/format.js';
import type { ValueVerdict } from '../../insight/types.js';

export const DEFAULT_COMPARE_DAYS = 30;

export const compareCommand: Command = {
  spec: {
    name: 'compare',
    summary: 'is an operation slower or faster on a branch than on the base branch?',
    synopsis: 'NAME|--all --base BRANCH [--branch B] [--days N]',
    details:
      "Compares the successful runs of branch B with the base branch's, using the branch the\n" +
      'dev-metrics action stores in metadata.ci.branch (a pull request counts all its runs).\n' +
      'Verdict per operation: faster, slower, no change or not enough data. Each numeric value\n' +
      'the runs recorded (metadata.values) gets a row below its operation, judged in its own\n' +
      'direction: better, worse, no change or not enough data (values <= 0 are not judged).\n' +
      'Always exits 0 when the comparison ran; --json prints {"base", "branch", "verdicts":\n' +
      '[RegressionVerdict...]} and, when runs have values, "values": [ValueVerdict...].',
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
    const { regressionVerdicts, valueVerdicts } = await import('../../insight/verdicts.js');
    const { labelSeries } = await import('../../insight/series.js');
    // One verdict per series: a step in another job, matrix leg or runner is compared apart.
    const series = labelSeries(relevant);
    const seriesNames = [...new Set(series.map((r) => r.name))].sort();
    const run = { branch, prNumber, baseBranch: base };
    const verdicts = regressionVerdicts(series, seriesNames, run);
    // Each value of a step is a series of its own, chosen and judged as its duration is.
    const values = valueVerdicts(series, run, {}, seriesNames);
    if (context.json) {
      printJson(
        context,
        values.length > 0 ? { base, branch, verdicts, values } : { base, branch, verdicts },
      );
      return 0;
    }
    context.stdout.write(`Comparing ${branch} against ${base} (${window}):\n\n`);
    context.stdout.write(renderVerdictTable(verdicts, base, branch, context.color, values));
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

/** worse/better for a value's verdict; the other kinds read as in the duration rows. */
function valueWord(kind: VerdictKind): string {
  return kind === 'slower' || kind === 'faster' ? verdictWord(kind, 'value') : kind;
}

const VERDICT_TONES: Record<VerdictKind, Tone | undefined> = {
  slower: 'bad',
  faster: 'good',
  'no change': undefined,
  'not enough data': 'dim',
};

/**
 * The verdicts as a table: a row per operation, and below it a row per value series of that
 * operation (`values`, named `step › value`): medians in the value's unit, verdict worse/better,
 * the change being the value's own (a bigger-is-better value that drops shows a minus and "worse").
 */
export function renderVerdictTable(
  verdicts: readonly RegressionVerdict[],
  base: string,
  branch: string,
  color = false,
  values: readonly ValueVerdict[] = [],
): string {
  const percent = (value: number | null): string =>
    value === null ? '-' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
  const ms = (value: number | null): string => (value === null ? '-' : formatDuration(value));
  const row = (
    v: RegressionVerdict,
    median: (x: number | null) => string,
    word: string,
  ): Cell[] => [
    v.name,
    { text: word, tone: VERDICT_TONES[v.verdict] },
    percent(v.changePercent),
    median(v.baselineMedianMs),
    median(v.candidateMedianMs),
    `${v.baselineCount} / ${v.candidateCount}`,
    // The reason carries the interval and p-value; the columns keep what scans well.
    { text: v.reason, tone: 'dim' },
  ];
  const valueRow = (v: ValueVerdict): Cell[] =>
    row(v, (x) => (x === null ? '-' : formatValue(x, v.unit)), valueWord(v.verdict));
  const rows: Cell[][] = [];
  const shown = new Set<ValueVerdict>();
  for (const v of verdicts) {
    rows.push(row(v, ms, v.verdict));
    for (const value of values.filter((x) => x.step === v.name)) {
      rows.push(valueRow(value));
      shown.add(value);
    }
  }
  for (const value of values) if (!shown.has(value)) rows.push(valueRow(value));
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
