/**
 * One call for the action and the CLI: a regression verdict for each tracked step of the current run,
 * choosing baseline and candidate runs from the history. verdictOfView works on the core's columns
 * for any measure (durations or a value series); regressionVerdicts is the record-shaped entry point.
 */
import { ColumnarHistory, durationView, type MeasureView } from '../core/history.js';
import type { ExecutionRecord } from '../core/record.js';
import { baselineOfView, candidateOfView } from './baseline.js';
import { detectRegression, type RegressionOptions } from './regression.js';
import type { RegressionVerdict } from './types.js';

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
 * rise is the improvement: the kinds 'slower'/'faster' then mean worse/better.
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
  const verdict = detectRegression(baseline.numbers, candidate.numbers, {
    ...regression,
    name,
    baselineLabel: baseline.branch ?? undefined,
  });
  return orientVerdict(verdict, view.better);
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
