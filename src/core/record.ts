/**
 * The execution record: the on-disk format shared with the Python tool this project grew out of.
 * One JSON object per line, exactly these keys, in files named after the UTC date of `started_at`.
 */

export type ExecutionStatus = 'success' | 'failed';

export interface ExecutionRecord {
  name: string;
  /** UTC, ISO 8601 without offset, as Python's `datetime.isoformat()` writes it. */
  started_at: string;
  ended_at: string;
  duration_ms: number;
  status: ExecutionStatus;
  metadata: Record<string, unknown>;
  error: string | null;
}

/** The key order the Python tool writes; kept so files diff cleanly between the two tools. */
export const RECORD_KEYS = [
  'name',
  'started_at',
  'ended_at',
  'duration_ms',
  'status',
  'metadata',
  'error',
] as const;
