/** Human formatting of the values the CLI prints: durations, rates, stored timestamps, errors. */
import { parseTimestamp } from '../core/record.js';
import { formatDuration as formatReportDuration } from '../report/format.js';

/** "850 ms", "1.23 s", "2 m 05 s", "1 h 02 m"; "-" when not a number. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  return formatReportDuration(ms, { secondsDecimals: 2 });
}

/** Success rate 0–100 as "95.0%". */
export function formatPercent(rate: number): string {
  return Number.isFinite(rate) ? `${rate.toFixed(1)}%` : '-';
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

/** One line, at most `max` characters, "…" when cut. */
export function truncateLine(text: string, max: number): string {
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ⏎ ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : chars.slice(0, max - 1).join('') + '…';
}

function _unusedPad2(n: number): string {
  return String(n).padStart(2, '0');
}
