/**
 * The execution record: the on-disk format shared with the Python tool this project grew out of.
 * One JSON object per line, exactly these keys, in files named after the UTC date of `started_at`.
 */

import { DevMetricsError } from './errors.js';
import { parseJsonLine } from './json-line.js';
import { stringifyJson } from './json-text.js';

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
/** Milliseconds in a day (UTC days: records carry UTC times). The one definition. */
export const DAY_MS = 86_400_000;

export const RECORD_KEYS = [
  'name',
  'started_at',
  'ended_at',
  'duration_ms',
  'status',
  'metadata',
  'error',
] as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The 2-digit decimal number at text[at..at+2), or -1 when either character is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Formats an instant as the Python tool does (`datetime.utcnow().isoformat()`): UTC, no offset,
 * microseconds with 6 digits, the fraction left out when it is zero.
 * Accepts a Date or epoch milliseconds (fractional milliseconds keep microsecond precision).
 */
export function formatTimestamp(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) {
    throw new DevMetricsError('formatTimestamp: invalid date; pass a valid Date or epoch ms');
  }
  // Work in integer microseconds so 0.1 ms steps do not pick up binary rounding noise.
  const totalMicros = Math.round(ms * 1000);
  const seconds = Math.floor(totalMicros / 1e6);
  const micros = totalMicros - seconds * 1e6;
  const d = new Date(seconds * 1000);
  const text =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return micros === 0 ? text : `${text}.${pad(micros, 6)}`;
}

/** The last valid date civilDayMs read (yyyymmdd as a number) and its epoch ms. */
let lastDateKey = -1;
let lastDateMs = 0;

/**
 * Epoch ms of the start of a date (UTC), NaN when there is no such date. Records come in runs of
 * one day (a day file): the check and the day count are kept for the last date seen.
 */
export function civilDayMs(year: number, month: number, day: number): number {
  const dateKey = (year * 100 + month) * 100 + day;
  if (dateKey === lastDateKey) return lastDateMs;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > DAYS_IN_MONTH[month - 1]! ||
    (month === 2 && day === 29 && !isLeapYear(year))
  ) {
    return NaN;
  }
  lastDateKey = dateKey;
  lastDateMs = daysFromCivil(year, month, day) * DAY_MS;
  return lastDateMs;
}

/**
 * Parses a record timestamp to epoch milliseconds (fraction kept below 1 ms), or NaN when it is not
 * one. Accepts `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`, as Python's `str(datetime)` writes
 * it), then optionally `.` and 1–9 fraction digits, then optionally `Z` or `±HH:MM` (or `±HHMM`).
 * No offset means UTC, the Python tool's convention.
 * Hand-written rather than a regex + Date.UTC: it runs twice per line read, so it is the hot path.
 */
export function parseTimestamp(text: string): number {
  if (typeof text !== 'string' || text.length < 19) return NaN;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    (separator !== 84 && separator !== 32) || // T or space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    century < 0 ||
    yearOfCentury < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return NaN;
  }
  const dayMs = civilDayMs(century * 100 + yearOfCentury, month, day);
  if (Number.isNaN(dayMs)) return NaN;
  let ms = dayMs + ((hour * 60 + minute) * 60 + second) * 1000;
  let at = 19;
  const length = text.length;
  if (at < length && text.charCodeAt(at) === 46) {
    // '.', then 1–9 digits; scaled to nanoseconds so every digit count divides the same way.
    let nanos = 0;
    let count = 0;
    at++;
    while (at < length) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (++count > 9) return NaN;
      nanos = nanos * 10 + digit;
      at++;
    }
    if (count === 0) return NaN;
    for (let i = count; i < 9; i++) nanos *= 10;
    ms += nanos / 1e6;
  }
  if (at === length) return ms;
  const sign = text.charCodeAt(at);
  if (sign === 90 /* Z */) return at + 1 === length ? ms : NaN;
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return NaN;
  const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0;
  if (at + 5 + colon !== length) return NaN;
  const offsetHours = twoDigits(text, at + 1);
  const offsetMinutes = twoDigits(text, at + 3 + colon);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return NaN;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  // Local time = UTC + offset, so UTC = local - offset.
  return sign === 43 ? ms - offsetMs : ms + offsetMs;
}

/**
 * The canonical form of a stored timestamp the reader accepted: `str(datetime)`'s space becomes the
 * `T` that isoformat() writes (the rest is the same), so what is read can be compared and rewritten.
 * One char check: this runs per record read.
 */
export function canonicalTimestamp(text: string): string {
  return text.charCodeAt(10) === 32 ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
}

/** `YYYY-MM-DD.jsonl`, the day file a record belongs to: the UTC date of its `started_at`. */
export function dayFileName(startedAt: string | Date | number): string {
  const ms = typeof startedAt === 'string' ? parseTimestamp(startedAt) : startedAt;
  if (typeof ms === 'number' && !Number.isFinite(ms)) {
    throw new DevMetricsError(
      `dayFileName: started_at ${JSON.stringify(startedAt)} is not a timestamp; ` +
        'use ISO 8601 like 2025-10-20T10:30:05.123000',
    );
  }
  return `${formatTimestamp(ms).slice(0, 10)}.jsonl`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * started_at in epoch ms when `value` is a valid execution record, else NaN. The reading hot path:
 * one pass, no allocation. recordProblem says what is wrong; both apply the same rules.
 */
export function validRecordStartMs(value: unknown): number {
  if (!isPlainObject(value)) return NaN;
  const r = value as Partial<Record<(typeof RECORD_KEYS)[number], unknown>>;
  const name = r.name;
  const duration = r.duration_ms;
  const status = r.status;
  const error = r.error;
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    typeof duration !== 'number' ||
    !(duration >= 0 && duration < Infinity) ||
    (status !== 'success' && status !== 'failed') ||
    // A missing error is null: the Python tool leaves the key out of some lines.
    (error !== null && error !== undefined && typeof error !== 'string') ||
    !isPlainObject(r.metadata) ||
    typeof r.ended_at !== 'string' ||
    Number.isNaN(parseTimestamp(r.ended_at)) ||
    typeof r.started_at !== 'string'
  ) {
    return NaN;
  }
  return parseTimestamp(r.started_at);
}

/**
 * True for a record that would be valid but for a duration_ms of NaN or ±Infinity (Python's
 * json.dumps writes them). Such a record has no duration to measure: the reader counts it apart
 * from malformed lines and leaves it out of statistics and listings.
 */
export function hasNonFiniteDuration(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const duration = value.duration_ms;
  if (typeof duration !== 'number' || Number.isFinite(duration)) return false;
  return Number.isFinite(validRecordStartMs({ ...value, duration_ms: 0 }));
}

/**
 * What is wrong with `value` as an execution record, or null when it is a valid one. Strict about
 * types so a bad line never reaches the statistics; extra keys are tolerated (and dropped by
 * parseRecord) because a newer writer may add some.
 */
export function recordProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'not a JSON object';
  const r = value as Partial<Record<(typeof RECORD_KEYS)[number], unknown>>;
  if (typeof r.name !== 'string' || r.name.length === 0) return 'name is not a non-empty string';
  if (typeof r.started_at !== 'string' || Number.isNaN(parseTimestamp(r.started_at))) {
    return 'started_at is not an ISO 8601 timestamp';
  }
  if (typeof r.ended_at !== 'string' || Number.isNaN(parseTimestamp(r.ended_at))) {
    return 'ended_at is not an ISO 8601 timestamp';
  }
  const duration = r.duration_ms;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
    return 'duration_ms is not a finite number >= 0';
  }
  if (r.status !== 'success' && r.status !== 'failed') return 'status is not "success" or "failed"';
  if (!isPlainObject(r.metadata)) return 'metadata is not an object';
  if (r.error !== null && r.error !== undefined && typeof r.error !== 'string') {
    return 'error is not a string or null';
  }
  return null;
}

/**
 * A validated record from a parsed object or a JSON line, or null when it is not a valid record.
 * The result has exactly the record keys, in file order.
 */
export function parseRecord(input: unknown): ExecutionRecord | null {
  let value = input;
  if (typeof input === 'string') value = parseJsonLine(input);
  if (Number.isNaN(validRecordStartMs(value))) return null;
  return normalizeRecord(value as ExecutionRecord);
}

/**
 * A valid record with exactly the record keys, in file order, whatever else its line carried, in
 * canonical form: `T` in timestamps, a missing error as null (forms the reader accepts from the
 * Python tool, never written back).
 */
export function normalizeRecord(record: ExecutionRecord): ExecutionRecord {
  return {
    name: record.name,
    started_at: canonicalTimestamp(record.started_at),
    ended_at: canonicalTimestamp(record.ended_at),
    duration_ms: record.duration_ms,
    status: record.status,
    metadata: record.metadata,
    error: (record.error as string | null | undefined) ?? null,
  };
}

/**
 * One JSON line (no trailing newline), keys in RECORD_KEYS order. Refuses what the reader would
 * skip, so nothing written is ever lost on the way back.
 */
export function serializeRecord(record: ExecutionRecord): string {
  const problem = recordProblem(record);
  if (problem !== null) {
    throw new DevMetricsError(
      `Invalid execution record: ${problem}; fix the record before writing it`,
    );
  }
  try {
    return stringifyJson(normalizeRecord(record));
  } catch (error) {
    throw new DevMetricsError(
      `Invalid execution record: metadata is not JSON-serializable (${(error as Error).message}); ` +
        'keep metadata to plain JSON values',
      { cause: error },
    );
  }
}
