/**
 * Human formatting of numbers for reports: durations, percentages, verdict labels.
 * Pure and locale-independent (reports must read the same on every runner).
 */
import type { VerdictKind } from '../insight/types.js';

/** What a missing value shows as. */
export const NO_VALUE = '—';

/**
 * A duration for people: "0.42 ms", "850 ms", "1.2 s", "42.0 s", "3 min 04 s", "1 h 02 min".
 * Missing, negative or non-finite values give "—". The one duration formatter: the job summary,
 * the PR comment, the CLI and the dashboard's in-page script all show durations through it.
 */
export function formatDuration(
  ms: number | null | undefined,
  { secondsDecimals = 1 }: { secondsDecimals?: number } = {},
): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NO_VALUE;
  // Sub-millisecond steps (a cache hit, a no-op) would all read "0 ms".
  if (ms > 0 && ms < 1) return `${ms.toFixed(2)} ms`;
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  // Decide the unit on the rounded value so 59.96 s shows as "1 min 00 s", not "60.0 s".
  const scale = 10 ** secondsDecimals;
  const rounded = Math.round((ms / 1000) * scale);
  if (rounded < 60 * scale) return `${(rounded / scale).toFixed(secondsDecimals)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad2(seconds % 60)} s`;
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
}

/** A signed relative change: "+12.3%", "-4.0%", "0.0%"; missing gives "—". */
export function formatChangePercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return NO_VALUE;
  const text = Math.abs(percent).toFixed(1);
  if (text === '0.0') return '0.0%';
  return `${percent > 0 ? '+' : '-'}${text}%`;
}

/** A share as a percentage: formatPercent(98.5) = "98.5%"; whole numbers lose the ".0". */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return NO_VALUE;
  const text = percent.toFixed(1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text}%`;
}

/** The word a report shows for a verdict (the issue speaks of faster/slower/same). */
export function verdictWord(kind: VerdictKind): string {
  switch (kind) {
    case 'faster':
      return 'faster';
    case 'slower':
      return 'slower';
    case 'no change':
      return 'same';
    case 'not enough data':
      return 'not enough data';
  }
}

/** Emoji plus word, for table cells: "🐢 slower". */
export function verdictLabel(kind: VerdictKind): string {
  const emoji: Record<VerdictKind, string> = {
    faster: '🚀',
    slower: '🐢',
    'no change': '➖',
    'not enough data': '❔',
  };
  return `${emoji[kind]} ${verdictWord(kind)}`;
}

/** Status emoji for a run. */
export function statusEmoji(status: 'success' | 'failed'): string {
  return status === 'success' ? '✅' : '❌';
}

/**
 * A record timestamp as "2025-10-20 10:30 UTC". Record timestamps without an offset are UTC
 * (the record format); unparseable input gives "—" rather than "Invalid Date".
 */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const date = new Date(hasOffset ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
