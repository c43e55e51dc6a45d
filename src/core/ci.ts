/**
 * The CI context of a run: its type, and the one parser of `metadata.ci` as records carry it back.
 * Histories come from older versions, laptops, hand edits and the Python tool, so every field is
 * optional when read and checked for its type here, once; everything that reads `metadata.ci`
 * (insight, reports, dashboard, CLI, action) goes through parseCi. Pure: no I/O.
 */

/**
 * The run's context, stored in every record the action writes under `metadata.ci` (the action
 * builds it from the runner's environment in src/action/context.ts).
 */
export interface CiContext {
  provider: 'github-actions';
  repository?: string; // owner/name
  server_url?: string; // https://github.com
  sha?: string; // commit the run is for (PR head sha on pull_request events)
  ref?: string; // refs/heads/main, refs/pull/12/merge
  branch?: string; // head branch name (PR head branch on pull requests)
  event?: string; // push, pull_request, ...
  pr_number?: number;
  base_branch?: string; // PR base branch
  default_branch?: string;
  workflow?: string;
  job?: string;
  run_id?: string;
  run_attempt?: number;
  runner_os?: string;
  runner_arch?: string;
  /** The job's matrix values (the action's `matrix` input), each as text; absent outside a matrix. */
  matrix?: Record<string, string>;
  /** Exit code of the command, when it exited (not set for laptop or library records). */
  exit_code?: number;
}

/** A `metadata.ci` read back: only its well-typed fields (provider included only when it says so). */
export type CiFields = Partial<CiContext>;

/** Fields kept only when they are non-empty text: an empty sha or branch names nothing. */
const NON_EMPTY_TEXT = [
  'sha',
  'branch',
  'job',
  'runner_os',
  'runner_arch',
  'default_branch',
  'base_branch',
] as const;
/** Fields kept when they are text. */
const TEXT = ['repository', 'server_url', 'ref', 'event', 'workflow'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw `metadata.ci` object of a record's metadata, undefined when there is none. */
export function rawCi(metadata: unknown): Record<string, unknown> | undefined {
  if (!isObject(metadata)) return undefined;
  const raw = metadata['ci'];
  return isObject(raw) ? raw : undefined;
}

/** A field of NON_EMPTY_TEXT as parseCi keeps it (for readers that keep one field, not all). */
export function ciText(
  raw: Record<string, unknown>,
  key: (typeof NON_EMPTY_TEXT)[number],
): string | undefined {
  const value = raw[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A number field as parseCi keeps it: finite, else undefined. */
export function ciNumber(
  raw: Record<string, unknown>,
  key: 'pr_number' | 'run_attempt' | 'exit_code',
): number | undefined {
  const value = raw[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** run_id as text: CiContext writes text; a number written by hand or another tool is read too. */
export function ciRunId(raw: Record<string, unknown>): string | undefined {
  const value = raw['run_id'];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** Matrix values as text (non-text values as their JSON), null ones dropped; undefined if none. */
export function ciMatrix(raw: Record<string, unknown>): Record<string, string> | undefined {
  const matrix = raw['matrix'];
  if (!isObject(matrix)) return undefined;
  const values: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(matrix)) {
    if (v === null || v === undefined) continue;
    values[k] = typeof v === 'string' ? v : JSON.stringify(v);
    any = true;
  }
  return any ? values : undefined;
}

/**
 * The well-typed fields of `metadata.ci` (`metadata` is a record's metadata), or undefined when
 * there is no `ci` object. Numbers must be finite; run_id is text in CiContext, but a number
 * written by hand or by another tool is accepted as its text; matrix values are kept as text
 * (non-text values as their JSON), null ones dropped.
 */
export function parseCi(metadata: unknown): CiFields | undefined {
  const raw = rawCi(metadata);
  if (raw === undefined) return undefined;
  const out: CiFields = {};
  if (raw['provider'] === 'github-actions') out.provider = 'github-actions';
  for (const key of NON_EMPTY_TEXT) {
    const value = ciText(raw, key);
    if (value !== undefined) out[key] = value;
  }
  for (const key of TEXT) {
    const value = raw[key];
    if (typeof value === 'string') out[key] = value;
  }
  for (const key of ['pr_number', 'run_attempt', 'exit_code'] as const) {
    const value = ciNumber(raw, key);
    if (value !== undefined) out[key] = value;
  }
  const runId = ciRunId(raw);
  if (runId !== undefined) out.run_id = runId;
  const matrix = ciMatrix(raw);
  if (matrix !== undefined) out.matrix = matrix;
  return out;
}
