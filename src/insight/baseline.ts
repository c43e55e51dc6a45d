/**
 * Choosing which runs to compare: the baseline (the base branch's recent successful runs of a step)
 * and the candidate (this pull request's or branch's successful runs). Failed runs are left out of
 * timing comparisons: a crash is fast, a timeout is slow, neither says how long the step takes.
 * The selection runs on the core's columns (baselineOfView, candidateOfView), over any measure: a
 * step's durations or one of its values; selectBaseline and selectCandidate are the record-shaped
 * entry points over the same code.
 */
import type { ExecutionRecord } from '../core/record.js';
import { ColumnarHistory, FAILED, NONE, durationView, type MeasureView } from '../core/history.js';

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

/** A selection on the columns: rows (newest first) and the numbers measured at them. */
export interface RowSelection {
  rows: number[];
  numbers: number[];
}

export type BaselineRows = RowSelection & Pick<BaselineSelection, 'branch' | 'source'>;

function checkLimit(limit: number, what: string): number {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`${what} limit must be a whole number ≥ 1, got ${limit}`);
  }
  return limit;
}

/**
 * Indices k into `view` of successful runs with a usable number: finite (and, for durations,
 * not negative: values may be 0 or below).
 */
function usableSuccesses(history: ColumnarHistory, view: MeasureView): number[] {
  const out: number[] = [];
  const nonNegative = view.kind === 'duration';
  for (let k = 0; k < view.rows.length; k++) {
    const x = view.numbers[k]!;
    if ((history.flags[view.rows[k]!]! & FAILED) !== 0) continue;
    if (!Number.isFinite(x) || (nonNegative && x < 0)) continue;
    out.push(k);
  }
  return out;
}

/** Newest first by start; unreadable times last; ties in row order. Returns at most `limit`. */
function newestFirst(
  history: ColumnarHistory,
  view: MeasureView,
  picked: number[],
  limit: number,
): RowSelection {
  const time = (k: number) => {
    const t = history.startedMs[view.rows[k]!]!;
    return Number.isNaN(t) ? -Infinity : t;
  };
  const order = [...picked].sort((a, b) => time(b) - time(a) || a - b).slice(0, limit);
  return { rows: order.map((k) => view.rows[k]!), numbers: order.map((k) => view.numbers[k]!) };
}

/**
 * The baseline of one series (`view`: its rows and numbers): its successful runs on the base
 * branch (falling back to the default branch), newest `limit`. Rows without CI metadata (laptop
 * runs) are only used when no row of the series has branch information at all — mixing a
 * laptop's timings with a runner's would compare machines, not code.
 */
export function baselineOfView(
  history: ColumnarHistory,
  view: MeasureView,
  options: Omit<BaselineOptions, 'name'>,
): BaselineRows {
  const limit = checkLimit(options.limit ?? 100, 'baseline');
  const usable = usableSuccesses(history, view);
  if ((options.excludeRunIds?.length ?? 0) > 0) history.requireLegs('excludeRunIds');
  const excluded = new Set<number>();
  for (const id of options.excludeRunIds ?? []) {
    if (history.idOf(id) !== NONE) excluded.add(history.idOf(id));
  }
  const excludedSha = history.idOf(options.excludeSha);
  const runs = usable.filter((k) => {
    const row = view.rows[k]!;
    if (excluded.has(history.runId[row]!)) return false;
    return excludedSha === NONE || history.sha[row] !== excludedSha;
  });
  const pick = (chosen: number[], branch: string | null, source: BaselineSelection['source']) => ({
    ...newestFirst(history, view, chosen, limit),
    branch,
    source,
  });

  const hasBranchInfo = usable.some((k) => history.branch[view.rows[k]!] !== NONE);
  if (!hasBranchInfo) return pick(runs, null, 'no-branch-info');

  // Pull-request runs carry the PR's head branch, which may itself be called "main" (forks).
  const onBranch = (branch: string) => {
    const id = history.idOf(branch);
    if (id === NONE) return [];
    return runs.filter((k) => {
      const row = view.rows[k]!;
      return history.branch[row] === id && Number.isNaN(history.prNumber[row]);
    });
  };
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

/** The rows of `records` named `name`, in a history of exactly `records` (row k = records[k]). */
function rowsNamed(history: ColumnarHistory, name: string): number[] {
  const id = history.idOf(name);
  const rows: number[] = [];
  if (id === NONE) return rows;
  for (let row = 0; row < history.length; row++) if (history.name[row] === id) rows.push(row);
  return rows;
}

/**
 * The baseline for one step of `records`: see baselineOfView. (The record-shaped entry point: a
 * caller holding a history reads it with readHistory and calls baselineOfView.)
 */
export function selectBaseline(
  records: readonly ExecutionRecord[],
  options: BaselineOptions,
): BaselineSelection {
  const history = ColumnarHistory.of(records);
  const view = durationView(history, rowsNamed(history, options.name));
  const chosen = baselineOfView(history, view, options);
  return {
    records: chosen.rows.map((row) => records[row]!),
    durations: chosen.numbers,
    branch: chosen.branch,
    source: chosen.source,
  };
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
 * The candidate of one series (`view`): successful runs of the commit under test, newest first, at
 * most `limit`. Without a sha (histories from other tools), the runs of the same pull request (or,
 * for pushes, the same branch). The caller's history includes the current run.
 */
export function candidateOfView(
  history: ColumnarHistory,
  view: MeasureView,
  options: Omit<CandidateOptions, 'name'>,
): RowSelection {
  const limit = checkLimit(options.limit ?? 10, 'candidate');
  const sha = history.idOf(options.sha);
  const branch = history.idOf(options.branch);
  const matches = usableSuccesses(history, view).filter((k) => {
    const row = view.rows[k]!;
    if (options.sha !== undefined) return sha !== NONE && history.sha[row] === sha;
    if (options.prNumber !== undefined) return history.prNumber[row] === options.prNumber;
    return branch !== NONE && history.branch[row] === branch && Number.isNaN(history.prNumber[row]);
  });
  return newestFirst(history, view, matches, limit);
}

/** The candidate for one step of `records`: see candidateOfView. */
export function selectCandidate(
  records: readonly ExecutionRecord[],
  options: CandidateOptions,
): ExecutionRecord[] {
  const history = ColumnarHistory.of(records);
  const view = durationView(history, rowsNamed(history, options.name));
  return candidateOfView(history, view, options).rows.map((row) => records[row]!);
}
