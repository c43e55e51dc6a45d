/**
 * Human formatting of numbers for reports: durations, percentages, verdict labels.
 * Pure and locale-independent (reports must read the same on every runner).
 */
import type { VerdictKind } from '../insight/types.js';
import type { Better } from '../core/values.js';

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

/**
 * What a verdict is about: a step's duration (faster/slower) or a numeric value of it, where the
 * verdict kinds 'faster'/'slower' mean better/worse in the value's own direction (issue 13).
 */
export type VerdictSubject = 'duration' | 'value';

/**
 * The word a report shows for a verdict (the issue speaks of faster/slower/same); for a value,
 * better/worse: a bigger-is-better value that drops is 'slower' internally and reads "worse".
 */
export function verdictWord(kind: VerdictKind, subject: VerdictSubject = 'duration'): string {
  switch (kind) {
    case 'faster':
      return subject === 'value' ? 'better' : 'faster';
    case 'slower':
      return subject === 'value' ? 'worse' : 'slower';
    case 'no change':
      return 'same';
    case 'not enough data':
      return 'not enough data';
  }
}

/** Emoji plus word, for table cells: "🐢 slower"; for a value "👎 worse" / "👍 better". */
export function verdictLabel(kind: VerdictKind, subject: VerdictSubject = 'duration'): string {
  const emoji: Record<VerdictKind, string> = {
    faster: subject === 'value' ? '👍' : '🚀',
    slower: subject === 'value' ? '👎' : '🐢',
    'no change': '➖',
    'not enough data': '❔',
  };
  return `${emoji[kind]} ${verdictWord(kind, subject)}`;
}

/**
 * Whether a change of `changePercent` in a value is for the better or the worse, in words:
 * "worse" for a bigger-is-better value that drops, "better" for a smaller-is-better one that
 * drops; "same" for no (or no known) change. Describes the number only: no statistics.
 */
export function changeDirectionWord(
  changePercent: number | null | undefined,
  better: Better,
): string {
  if (changePercent === null || changePercent === undefined || !Number.isFinite(changePercent)) {
    return NO_VALUE;
  }
  if (changePercent === 0) return 'same';
  const up = changePercent > 0;
  return up === (better === 'bigger') ? 'better' : 'worse';
}

/** Values at or above this are shown in e-notation ("1.23e9"): more digits would not be read. */
const HUGE_VALUE = 1e9;
/** Values this close to 0 (and not 0) are shown in e-notation too ("1.5e-7"). */
const TINY_VALUE = 1e-4;

/**
 * A value for people, with its unit: "512 KB", "1,200 tokens", "12.35 s", "0.0012 USD", "1.23e9".
 * Up to 4 significant digits below 1,000 (3 below 1), whole numbers with thousands separators up
 * to a billion, e-notation beyond and for tiny values. Missing or non-finite gives "—".
 * Durations stay with formatDuration; this is for `metadata.values` (issue 13).
 */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const number = formatNumber(value);
  if (unit === undefined || unit === null || unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

function formatNumber(value: number): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= HUGE_VALUE || abs < TINY_VALUE) return sign + eNotation(abs);
  if (abs < 1) return sign + trimZeros(abs.toPrecision(3));
  const rounded = Number(abs.toPrecision(4));
  if (rounded < 1000)
    return sign + trimZeros(rounded.toFixed(Math.max(0, 3 - digitsBefore(rounded))));
  return sign + groupThousands(Math.round(abs));
}

/** Digits before the decimal point of 1 ≤ x < 1000, minus one (0 for 1–9.99). */
function digitsBefore(x: number): number {
  return x < 10 ? 0 : x < 100 ? 1 : 2;
}

function eNotation(abs: number): string {
  const [mantissa = '', exponent = '0'] = abs.toExponential(2).split('e');
  return `${trimZeros(mantissa)}e${Number(exponent)}`;
}

/** "1.50" → "1.5", "2.00" → "2"; integers are left as they are. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
