/** Human formatting of the values the CLI prints: durations, rates, stored timestamps, errors. */
import { parseTimestamp } from '../core/record.js';

/** "850 ms", "1.23 s", "2 m 05 s", "1 h 02 m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  // Decide the unit on the rounded value, so 59 999 ms reads "1 m 00 s", not "60.00 s".
  if (Math.round(ms / 10) < 6000) return `${(Math.round(ms / 10) / 100).toFixed(2)} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)} m ${pad2(totalSeconds % 60)} s`;
  }
  const totalMinutes = Math.round(ms / 60_000);
  return `${Math.floor(totalMinutes / 60)} h ${pad2(totalMinutes % 60)} m`;
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

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
