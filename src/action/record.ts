/**
 * Turns a finished command into the execution record the action writes: user metadata untouched,
 * the run's context under `metadata.ci`, and the end of the output (redacted) as the error.
 */
import type { ExecutionRecord } from '../core/record.js';
import { formatTimestamp } from '../core/record.js';
import { redactSecrets } from '../core/redact.js';
import type { CommandResult } from './command.js';
import type { CiContext } from './context.js';

/** Bound of the `error` field: the last lines of output, never the whole log. */
export const ERROR_MAX_BYTES = 4096;

export interface RecordInput {
  name: string;
  metadata: Record<string, unknown>;
  ci: CiContext;
  result: CommandResult;
  /** Secret values to keep out of the record (the token), besides the common secret shapes. */
  secrets?: readonly string[];
}

export function commandFailed(result: CommandResult): boolean {
  return result.cancelled || result.startError !== null || result.exitCode !== 0;
}

/** Why the step failed, in one line: what the failure message and an empty-output error say. */
export function failureReason(result: CommandResult): string {
  if (result.cancelled) return 'cancelled';
  if (result.startError) return result.startError;
  if (result.signal) return `killed by ${result.signal}`;
  return `exit code ${result.exitCode ?? 'unknown'}`;
}

function errorText(result: CommandResult, secrets: readonly string[]): string {
  if (result.cancelled) return 'cancelled';
  const reason = failureReason(result);
  const tail = redactSecrets(result.outputTail, secrets).trimEnd();
  if (!tail) return reason;
  const text = `${reason}\n${tail}`;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= ERROR_MAX_BYTES) return text;
  // Keep the end: the last lines say why it failed. Drop a character cut in half.
  const end = bytes
    .subarray(bytes.length - ERROR_MAX_BYTES)
    .toString('utf8')
    .replace(/^\uFFFD/, '');
  return `${reason}\n…${end.slice(end.indexOf('\n') + 1)}`;
}

export function buildRecord(input: RecordInput): ExecutionRecord {
  const { result } = input;
  const failed = commandFailed(result);
  const ci: CiContext = { ...input.ci };
  if (result.exitCode !== null && !result.cancelled) ci.exit_code = result.exitCode;
  return {
    name: input.name,
    started_at: formatTimestamp(result.startedAt),
    ended_at: formatTimestamp(result.endedAt),
    duration_ms: Math.round(result.durationMs * 1000) / 1000,
    status: failed ? 'failed' : 'success',
    metadata: { ...input.metadata, ci },
    error: failed ? errorText(result, input.secrets ?? []) : null,
  };
}
