/** Human formatting of the values the CLI prints: durations, rates, stored timestamps, errors. */
import { parseTimestamp } from '../core/record.js';
import { formatDuration as formatReportDuration } from '../report/format.js';

/** "850 ms", "1.23 s", "2 min 05 s", "1 h 02 min"; "-" when not a number. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  return formatReportDuration(ms, { secondsDecimals: 2 });
}

/** A rate as a fraction 0–1 (success_rate) shown as a percentage: 0.95 → "95.0%". */
export function formatPercent(rate: number): string {
  return Number.isFinite(rate) ? `${(rate * 100).toFixed(1)}%` : '-';
}

/**
 * A stored timestamp (`2025-10-20T10:30:05.123000`, or with Z/offset) as "2025-10-20 10:30:05",
 * in UTC like the files. Unparseable text is shown as written rather than hidden.
 */
export function formatStoredTime(stored: string): string {
  const ms = parseTimestamp(stored);
  if (Number.isNaN(ms)) return stored;
  return new Date(Math.floor(ms)).toISOString().slice(0, 19).replace('T', ' ');
}

// Stored names and errors come from anyone's files: a raw ESC, BEL or bidi override would let them
// retitle or clear the user's terminal, or hide text. src/report/sanitize.ts has the same idea.
const LAYOUT_CONTROL = /[\t\n\v\f\r]/g;
const CONTROL_OR_BIDI =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print in one terminal cell: tabs/CR/LF become spaces, other controls go. */
export function terminalSafe(text: string): string {
  return text.replace(LAYOUT_CONTROL, ' ').replace(CONTROL_OR_BIDI, '');
}

/** One line, at most `max` characters, "…" when cut; control characters removed. */
export function truncateLine(text: string, max: number): string {
  const oneLine = terminalSafe(text.replace(/\s*\r?\n\s*/g, ' ⏎ ')).trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : chars.slice(0, max - 1).join('') + '…';
}

function _unusedPad2(n: number): string {
  return String(n).padStart(2, '0');
}
