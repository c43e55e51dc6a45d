/**
 * Turns a finished command into the execution record the action writes: user metadata untouched,
 * the run's context under `metadata.ci`, and the end of the output (redacted) as the error.
 */
import type { ExecutionRecord } from '../core/record.js';
import { formatTimestamp } from '../core/record.js';
import { redactSecrets } from '../core/redact.js';
import { withValues, type RunValue } from '../core/values.js';
import { commandOutcome, type CommandResult } from './command.js';
import type { CiContext } from './context.js';

/** Bound of the `error` field (UTF-8 bytes, reason line included): never the whole log. */
export const ERROR_MAX_BYTES = 4096;
/** Lines of output the `error` field keeps at most. */
export const ERROR_MAX_LINES = 40;

export interface RecordInput {
  name: string;
  metadata: Record<string, unknown>;
  ci: CiContext;
  result: CommandResult;
  /** Secret values to keep out of the record (the token), besides the common secret shapes. */
  secrets?: readonly string[];
  /** The run's values (run-values.ts), stored in `metadata.values`; a later one of a name wins. */
  values?: readonly RunValue[];
}

function commandFailed(result: CommandResult): boolean {
  return commandOutcome(result).kind !== 'succeeded';
}

/** Why the step failed, in one line: what the failure message and an empty-output error say. */
function failureReason(result: CommandResult): string {
  return commandOutcome(result).reason ?? 'succeeded';
}

function errorText(result: CommandResult, secrets: readonly string[]): string {
  if (result.cancelled) return 'cancelled';
  const reason = failureReason(result);
  // Redact the whole tail window first, then cut: a secret's label just before the cut is still
  // in the window when its value is recognised, and a secret straddling the cut is gone whole.
  const lines = redactSecrets(result.outputTail, secrets).trimEnd().split('\n');
  const tail = lines.slice(Math.max(0, lines.length - ERROR_MAX_LINES)).join('\n');
  if (!tail) return reason;
  return `${reason}\n${keepEnd(tail, ERROR_MAX_BYTES - Buffer.byteLength(reason) - 1)}`;
}

/**
 * The end of `text` within `maxBytes` UTF-8 bytes, behind "…" when cut: the last lines say why
 * it failed. The cut never splits a character, moves to a line start when one is near, and
 * otherwise skips the rest of a cut "***".
 */
function keepEnd(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const budget = Math.max(0, maxBytes - Buffer.byteLength(ELLIPSIS));
  let start = bytes.length - budget;
  while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  const newline = bytes.indexOf(0x0a, start);
  if (newline !== -1 && newline + 1 < bytes.length && newline - start < budget / 5) {
    start = newline + 1;
  } else {
    while (start < bytes.length && bytes[start] === 0x2a && bytes[start - 1] === 0x2a) start++;
  }
  return `${ELLIPSIS}${bytes.subarray(start).toString('utf8')}`;
}

const ELLIPSIS = '…';

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
    metadata: withValues({ ...input.metadata, ci }, input.values ?? []),
    error: failed ? errorText(result, input.secrets ?? []) : null,
  };
}
