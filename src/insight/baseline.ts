/**
 * Choosing which runs to compare: the baseline (the base branch's recent successful runs of a step)
 * and the candidate (this pull request's or branch's successful runs). Failed runs are left out of
 * timing comparisons: a crash is fast, a timeout is slow, neither says how long the step takes.
 */
import type { ExecutionRecord } from '../core/record.js';
import { ciOf, isUsableDuration, newestFirst } from './ci-metadata.js';

export interface BaselineOptions {
  /** Operation (step) name. */
  name: string;
  /** The pull request's base branch; for pushes, the default branch. */
  baseBranch?: string;
  /** Used when the base branch has no runs of this step (e.g. a PR into a release branch). */
  defaultBranch?: string;
  /** Newest runs kept (default 100). */
  limit?: number;
  /** Runs of the current workflow run, so a push to main is not compared with itself. */
  excludeRunIds?: readonly string[];
  /** Runs of this commit are left out too (same reason, when run ids are missing). */
  excludeSha?: string;
}

export interface BaselineSelection {
  /** Successful runs, newest first. */
  records: ExecutionRecord[];
  durations: number[];
  /** The branch the runs come from; null when the history has no branch information. */
  branch: string | null;
  /**
   * base-branch / default-branch: CI runs of that branch (pull-request runs excluded);
   * no-branch-info: no record of this step carries `metadata.ci.branch` (e.g. laptop history), so
   * all its successful runs are used; none: branch information exists but no run on either branch.
   */
  source: 'base-branch' | 'default-branch' | 'no-branch-info' | 'none';
}

function usableSuccesses(records: readonly ExecutionRecord[], name: string): ExecutionRecord[] {
  return records.filter(
    (r) => r.name === name && r.status === 'success' && isUsableDuration(r.duration_ms),
  );
}

/**
 * The baseline for one step: its successful runs on the base branch (falling back to the default
 * branch), newest `limit`. Records without CI metadata (laptop runs) are only used when no record of
 * the step has branch information at all — mixing a laptop's timings with a runner's would compare
 * machines, not code.
 */
export function selectBaseline(
  records: readonly ExecutionRecord[],
  options: BaselineOptions,
): BaselineSelection {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`baseline limit must be a whole number ≥ 1, got ${limit}`);
  }
  const excluded = new Set(options.excludeRunIds ?? []);
  const runs = usableSuccesses(records, options.name).filter((r) => {
    const ci = ciOf(r);
    if (ci?.run_id !== undefined && excluded.has(ci.run_id)) return false;
    return !(options.excludeSha !== undefined && ci?.sha === options.excludeSha);
  });
  const pick = (
    chosen: ExecutionRecord[],
    branch: string | null,
    source: BaselineSelection['source'],
  ) => {
    const newest = newestFirst(chosen).slice(0, limit);
    return { records: newest, durations: newest.map((r) => r.duration_ms), branch, source };
  };

  const hasBranchInfo = usableSuccesses(records, options.name).some((r) => ciOf(r)?.branch);
  if (!hasBranchInfo) return pick(runs, null, 'no-branch-info');

  // Pull-request runs carry the PR's head branch, which may itself be called "main" (forks).
  const onBranch = (branch: string) =>
    runs.filter((r) => {
      const ci = ciOf(r);
      return ci?.branch === branch && ci.pr_number === undefined;
    });
  if (options.baseBranch) {
    const base = onBranch(options.baseBranch);
    if (base.length > 0) return pick(base, options.baseBranch, 'base-branch');
  }
  if (options.defaultBranch && options.defaultBranch !== options.baseBranch) {
    const fallback = onBranch(options.defaultBranch);
    if (fallback.length > 0) return pick(fallback, options.defaultBranch, 'default-branch');
  }
  return pick([], options.baseBranch ?? options.defaultBranch ?? null, 'none');
}

export interface CandidateOptions {
  name: string;
  /** The branch being tested (the PR's head branch, or the pushed branch). */
  branch?: string;
  /** Set on pull requests; used only when `sha` is unknown. */
  prNumber?: number;
  /**
   * The commit under test. When known, the candidate is this commit's runs only (its re-runs and
   * attempts): earlier commits of the pull request were other code, they belong to the trend.
   */
  sha?: string;
  /** Newest runs kept (default 10). */
  limit?: number;
}

/**
 * The candidate for one step: successful runs of the commit under test, newest first, at most
 * `limit`. Without a sha (histories from other tools), the runs of the same pull request (or, for
 * pushes, the same branch). The caller includes the current run in `records`.
 */
export function selectCandidate(
  records: readonly ExecutionRecord[],
  options: CandidateOptions,
): ExecutionRecord[] {
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`candidate limit must be a whole number ≥ 1, got ${limit}`);
  }
  const matches = usableSuccesses(records, options.name).filter((r) => {
    const ci = ciOf(r);
    if (options.sha !== undefined) return ci?.sha === options.sha;
    if (options.prNumber !== undefined) return ci?.pr_number === options.prNumber;
    return (
      options.branch !== undefined && ci?.branch === options.branch && ci.pr_number === undefined
    );
  });
  return newestFirst(matches).slice(0, limit);
}
