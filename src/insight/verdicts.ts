/**
 * One call for the action and the CLI: a regression verdict for each tracked step of the current run,
 * choosing baseline and candidate runs from the history.
 */
import type { ExecutionRecord } from '../core/record.js';
import { selectBaseline, selectCandidate } from './baseline.js';
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
 * Verdicts for `names` (the steps of the current run, which must already be in `records`).
 * A push to the base branch is judged on its own commit's runs against the branch's earlier runs.
 */
export function regressionVerdicts(
  records: readonly ExecutionRecord[],
  names: readonly string[],
  run: RunUnderTest,
  options: VerdictOptions = {},
): RegressionVerdict[] {
  const baseBranch = run.baseBranch ?? run.defaultBranch;
  const pushToBase =
    run.prNumber === undefined && run.branch !== undefined && run.branch === baseBranch;
  return [...new Set(names)].map((name) => {
    const baseline = selectBaseline(records, {
      name,
      baseBranch,
      defaultBranch: run.defaultBranch,
      limit: options.baselineLimit,
      excludeRunIds: run.runIds,
      excludeSha: pushToBase ? run.sha : undefined,
    });
    const candidate = selectCandidate(records, {
      name,
      branch: pushToBase ? undefined : run.branch,
      prNumber: run.prNumber,
      sha: run.sha,
      limit: options.candidateLimit,
    });
    return detectRegression(
      baseline.durations,
      candidate.map((r) => r.duration_ms),
      { ...options, name, baselineLabel: baseline.branch ?? undefined },
    );
  });
}
