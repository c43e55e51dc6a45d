/**
 * Reading `metadata.ci` and `started_at` back from records. Histories come from older versions,
 * laptops and the Python tool, so every field is optional and checked for its type here, once.
 */
import { parseTimestamp, type ExecutionRecord } from '../core/record.js';

/** The CiContext fields the detectors use (the full shape lives in src/action/context.ts). */
export interface CiFields {
  sha?: string;
  branch?: string;
  event?: string;
  pr_number?: number;
  run_id?: string;
  run_attempt?: number;
  job?: string;
  /** Matrix values of the job's leg (the action's `matrix` input), each as text. */
  matrix?: Record<string, string>;
  runner_os?: string;
  runner_arch?: string;
}

/** The record's `metadata.ci`, keeping only well-typed fields; `undefined` when absent. */
export function ciOf(record: ExecutionRecord): CiFields | undefined {
  const meta = record.metadata as Record<string, unknown> | null | undefined;
  const ci = meta?.['ci'];
  if (ci === null || typeof ci !== 'object' || Array.isArray(ci)) return undefined;
  const raw = ci as Record<string, unknown>;
  const out: CiFields = {};
  if (typeof raw['sha'] === 'string' && raw['sha'] !== '') out.sha = raw['sha'];
  if (typeof raw['branch'] === 'string' && raw['branch'] !== '') out.branch = raw['branch'];
  if (typeof raw['event'] === 'string') out.event = raw['event'];
  if (typeof raw['pr_number'] === 'number' && Number.isFinite(raw['pr_number'])) {
    out.pr_number = raw['pr_number'];
  }
  // run_id is a string in CiContext, but accept numbers written by hand or by other tools.
  if (typeof raw['run_id'] === 'string' || typeof raw['run_id'] === 'number') {
    out.run_id = String(raw['run_id']);
  }
  if (typeof raw['run_attempt'] === 'number') out.run_attempt = raw['run_attempt'];
  for (const key of ['job', 'runner_os', 'runner_arch'] as const) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  const matrix = raw['matrix'];
  if (matrix !== null && typeof matrix === 'object' && !Array.isArray(matrix)) {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(matrix as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      values[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    if (Object.keys(values).length > 0) out.matrix = values;
  }
  return out;
}

/** Milliseconds since the epoch of `started_at` (no offset means UTC); NaN when unreadable. */
export function startedAtMs(record: ExecutionRecord): number {
  return parseTimestamp(String(record.started_at ?? '').trim());
}

/** Newest first by `started_at`; records with unreadable times sort last, in input order. */
export function newestFirst(records: readonly ExecutionRecord[]): ExecutionRecord[] {
  return records
    .map((record, index) => ({ record, index, time: startedAtMs(record) }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.time) ? -Infinity : a.time;
      const tb = Number.isNaN(b.time) ? -Infinity : b.time;
      return tb - ta || a.index - b.index;
    })
    .map((entry) => entry.record);
}

/** A duration usable in timing comparisons: finite and not negative. */
export function isUsableDuration(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}

/**
 * The runs that represent a step over time: pushes to the default branch when the history knows
 * branches (pull-request runs measure changes under review, not the step), else all runs. `branch`
 * says which branch was kept, when one was.
 */
export function mainLineRuns(
  records: readonly ExecutionRecord[],
  defaultBranch?: string,
): { runs: ExecutionRecord[]; branch?: string } {
  if (defaultBranch === undefined || !records.some((r) => ciOf(r)?.branch)) {
    return { runs: [...records] };
  }
  const runs = records.filter((r) => {
    const ci = ciOf(r);
    return ci?.branch === defaultBranch && ci.pr_number === undefined;
  });
  return { runs, branch: defaultBranch };
}
