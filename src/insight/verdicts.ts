/**
 * One call for the action and the CLI: a regression verdict for each tracked step of the current run,
 * choosing baseline and candidate runs from the history. verdictOfView works on the core's columns
 * for any measure (durations or a value series: the one path for both); regressionVerdicts and
 * valueVerdicts are the record-shaped entry points.
 */
import type { CiContext } from '../core/ci.js';
import { ColumnarHistory, durationView, type MeasureView } from '../core/history.js';
import type { ExecutionRecord } from '../core/record.js';
import { valueLabel } from '../core/values.js';
import { baselineOfView, candidateOfView } from './baseline.js';
import { detectRegression, type RegressionOptions } from './regression.js';
import type { RegressionVerdict, ValueVerdict } from './types.js';
import { detectValueRegression } from './value-regression.js';

export interface RunUnderTest {
  /** Head branch of the PR, or the pushed branch. */
  branch?: string;
  prNumber?: number;
  sha?: string;
  /** The PR's base branch; for pushes, leave unset (the default branch is used). */
  baseBranch?: string;
  defaultBranch?: string;
  /** The current workflow run's id(s), kept out of the baseline. */
  runIds?: readonly string[];
}

/** The run under test that a CI context describes: the current run, kept out of its baseline. */
export function runUnderTestOf(ci: CiContext): RunUnderTest {
  return {
    branch: ci.branch,
    prNumber: ci.pr_number,
    sha: ci.sha,
    baseBranch: ci.base_branch,
    defaultBranch: ci.default_branch,
    runIds: ci.run_id ? [ci.run_id] : [],
  };
}

export interface VerdictOptions extends Omit<RegressionOptions, 'name' | 'baselineLabel'> {
  /** Baseline runs kept (default 100: the noise is learned from all of them). */
  baselineLimit?: number;
  /** Candidate runs kept (default 10). */
  candidateLimit?: number;
}

/**
 * The verdict of one series (`view`: its rows of `history` and the number measured at each; the
 * current run's rows must be among them), named `name`. A push to the base branch is judged on its
 * own commit's runs against the branch's earlier runs. For a measure where bigger is better, a
 * rise is the improvement: the kinds 'slower'/'faster' then mean worse/better. A value series goes
 * through detectValueRegression (value-regression.ts): scaled above the detector's 1 ms floor,
 * not judged when any value is <= 0, its reason saying worse/better.
 */
export function verdictOfView(
  history: ColumnarHistory,
  view: MeasureView,
  name: string,
  run: RunUnderTest,
  options: VerdictOptions = {},
): RegressionVerdict {
  const baseBranch = run.baseBranch ?? run.defaultBranch;
  const pushToBase =
    run.prNumber === undefined && run.branch !== undefined && run.branch === baseBranch;
  const baseline = baselineOfView(history, view, {
    baseBranch,
    defaultBranch: run.defaultBranch,
    limit: options.baselineLimit,
    excludeRunIds: run.runIds,
    excludeSha: pushToBase ? run.sha : undefined,
  });
  const candidate = candidateOfView(history, view, {
    branch: pushToBase ? undefined : run.branch,
    prNumber: run.prNumber,
    sha: run.sha,
    limit: options.candidateLimit,
  });
  const { baselineLimit: _b, candidateLimit: _c, ...regression } = options;
  const detect = { ...regression, name, baselineLabel: baseline.branch ?? undefined };
  if (view.kind === 'value') {
    return detectValueRegression(baseline.numbers, candidate.numbers, view.better, detect);
  }
  return orientVerdict(detectRegression(baseline.numbers, candidate.numbers, detect), view.better);
}

/**
 * The verdicts of the values of one step series (`rows`, ascending, labelled `step`): one per value
 * name carried by any of its rows, sorted by value name, each named `valueLabel(step, name)` and
 * judged by verdictOfView like the step's duration (same baseline and candidate choice).
 */
export function valueVerdictsOfRows(
  history: ColumnarHistory,
  rows: ArrayLike<number>,
  step: string,
  run: RunUnderTest,
  options: VerdictOptions = {},
): ValueVerdict[] {
  const names = [...history.values.keys()].sort(compare);
  const out: ValueVerdict[] = [];
  for (const valueName of names) {
    const view = history.valueView(valueName, rows);
    if (view === undefined || view.rows.length === 0) continue;
    const verdict = verdictOfView(history, view, valueLabel(step, valueName), run, options);
    out.push({
      ...verdict,
      step,
      valueName,
      better: view.better,
      ...(view.unit === undefined ? {} : { unit: view.unit }),
    });
  }
  return out;
}

/**
 * Value verdicts of the steps named in `steps` (series labels; all steps when omitted), sorted by
 * step then value name: `records` should already carry series labels (series.ts labelSeries).
 */
export function valueVerdicts(
  records: readonly ExecutionRecord[],
  run: RunUnderTest,
  options: VerdictOptions = {},
  steps?: readonly string[],
): ValueVerdict[] {
  const history = ColumnarHistory.of(records);
  if (history.values.size === 0) return [];
  const byName = history.rowsByName();
  const names = steps === undefined ? [...byName.keys()] : [...new Set(steps)];
  return names.sort(compare).flatMap((step) => {
    const rows = byName.get(step);
    return rows === undefined ? [] : valueVerdictsOfRows(history, rows, step, run, options);
  });
}

/** Code-unit order, as the CLI sorts operation names (locale-independent). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** detectRegression says 'slower' for a rise; for a bigger-is-better measure a rise is better. */
export function orientVerdict(
  verdict: RegressionVerdict,
  better: MeasureView['better'],
): RegressionVerdict {
  if (better === 'smaller') return verdict;
  const flipped =
    verdict.verdict === 'slower' ? 'faster' : verdict.verdict === 'faster' ? 'slower' : null;
  return flipped === null ? verdict : { ...verdict, verdict: flipped };
}

/**
 * Verdicts for `names` (the steps of the current run, which must already be in `records`).
 * A push to the base branch is judged on its own commit's runs against the branch's earlier runs.
 */
export function regressionVerdicts(
  records: readonly ExecutionRecord[],
  names: readonly string[],
  run: RunUnderTest,
  options: VerdictOptions = {},
): RegressionVerdict[] {
  const history = ColumnarHistory.of(records);
  const byName = history.rowsByName();
  return [...new Set(names)].map((name) => {
    const rows = byName.get(name) ?? new Int32Array(0);
    return verdictOfView(history, durationView(history, rows), name, run, options);
  });
}
