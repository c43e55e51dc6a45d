/**
 * The fast way through a day file's line. JSON.parse builds every key and value of a record (its
 * metadata.ci alone is some fifteen strings), while a columnar read keeps a dozen of them; building
 * and collecting the rest was most of a summary's time. This scanner reads a record's JSON where it
 * stands in the day file's bytes, picks out what the history's columns keep (name, started_at,
 * duration_ms, status, error === 'cancelled', and metadata.ci's sha, branch, default_branch,
 * pr_number, job, runner_os, runner_arch, run_id, matrix) as offsets, and checks the syntax of the
 * rest as it skips it, building no object and no string.
 *
 * It takes a line only when JSON.parse + validRecordStartMs would take it with the same values;
 * anything unusual — a key with an escape, a key it reads given twice, metadata.values, a
 * non-finite or invalid field, nesting deeper than MAX_DEPTH, a byte-order mark — makes scan()
 * return NaN, and the store then parses the line as before. Pure: no I/O.
 */
import { civilDayMs } from './record.js';
import {
  FIELDS,
  F_BRANCH,
  F_DEFAULT_BRANCH,
  F_JOB,
  F_MATRIX,
  F_NAME,
  F_RUN_ID,
  F_RUNNER_ARCH,
  F_RUNNER_OS,
  F_SHA,
  F_STARTED_AT,
} from './scan-fields.js';

const EMPTY = Buffer.alloc(0);

// Top-level keys a record must (or may: error) have, as bits of `seen`.
const K_NAME = 1;
const K_STARTED_AT = 2;
const K_ENDED_AT = 4;
const K_DURATION = 8;
const K_STATUS = 16;
const K_METADATA = 32;
const K_ERROR = 64;
const REQUIRED = K_NAME | K_STARTED_AT | K_ENDED_AT | K_DURATION | K_STATUS | K_METADATA;

/** Deeper values are left to JSON.parse (and the store's iterative second look). */
const MAX_DEPTH = 64;
/** Mantissas of up to 15 digits are exact doubles: digits / 10^k is then correctly rounded. */
const MAX_EXACT_DIGITS = 15;
const POW10 = Array.from({ length: MAX_EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const UPPER_E = 69;
const UPPER_T = 84;
const UPPER_Z = 90;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const LOWER_B = 98;
const LOWER_E = 101;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_R = 114;
const LOWER_T = 116;
const LOWER_U = 117;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Scans record lines; one instance is reused for every line of a read, and what it found in the
 * line scanned last is in its fields until the next scan().
 */
export class RecordScanner {
  /** The bytes the last line was scanned in (a piece of a day file: offsets index into it). */
  bytes: Buffer = EMPTY;
  /** Where each field's text starts in `bytes` (-1: absent) and ends (exclusive). */
  readonly starts = new Int32Array(FIELDS);
  readonly ends = new Int32Array(FIELDS);
  /** Bit 1 << field: that field's string holds an escape (decode it before use). */
  escaped = 0;
  durationMs = 0;
  failed = false;
  cancelled = false;
  /** metadata.ci is an object: the ci columns apply (else they are all empty). */
  hasCi = false;
  /** metadata.ci.pr_number when a finite number, else NaN. */
  prNumber = NaN;
  /** metadata.ci.run_id when it is a finite number (its text is then absent), else NaN. */
  runIdNumber = NaN;
  /** Where the line scanned last ends: its '\n' (when scan() took it). */
  lineEnd = 0;

  /** What string() saw: an escape. */
  private stringEscaped = false;
  /** What number() read. */
  private number = 0;
  /** What key() read: its length and its bytes packed (see packKey). */
  private keyLength = 0;
  private key0 = 0;
  private key1 = 0;
  private key2 = 0;

  /**
   * The started_at (epoch ms) of the valid record on the line at `start`, its fields in this
   * scanner and the line's end (its '\n') in lineEnd; NaN when the line is not taken here (parse
   * it: it may still be valid). The line must end with '\n': see at().
   */
  scan(bytes: Buffer, start: number): number {
    this.bytes = bytes;
    const starts = this.starts;
    for (let f = 0; f < FIELDS; f++) starts[f] = -1;
    this.escaped = 0;
    this.cancelled = false;
    this.hasCi = false;
    this.prNumber = NaN;
    this.runIdNumber = NaN;
    let p = this.ws(start);
    if (this.at(p) !== OPEN_BRACE) return NaN;
    p = this.ws(p + 1);
    let seen = 0;
    for (;;) {
      if (this.at(p) !== QUOTE) return NaN; // also `{}`: not a record
      const keyEnd = this.key(p);
      if (keyEnd < 0) return NaN;
      const key = this.topKey();
      p = this.ws(keyEnd + 1);
      if (this.at(p) !== COLON) return NaN;
      p = this.ws(p + 1);
      if ((seen & key) !== 0) return NaN; // JSON.parse keeps the last: leave it to it
      seen |= key;
      switch (key) {
        case K_NAME:
          p = this.field(p, F_NAME);
          break;
        case K_STARTED_AT:
          p = this.field(p, F_STARTED_AT);
          if ((this.escaped & (1 << F_STARTED_AT)) !== 0) return NaN;
          break;
        case K_ENDED_AT: {
          if (this.at(p) !== QUOTE) return NaN;
          const q = this.string(p);
          if (q < 0 || this.stringEscaped || Number.isNaN(timestampAt(bytes, p + 1, q))) {
            return NaN;
          }
          p = q + 1;
          break;
        }
        case K_DURATION:
          p = this.numberValue(p);
          this.durationMs = this.number;
          break;
        case K_STATUS: {
          if (this.at(p) !== QUOTE) return NaN;
          const q = this.string(p);
          if (q < 0 || this.stringEscaped) return NaN;
          if (q - p === 8 && same(bytes, p + 1, 'success')) this.failed = false;
          else if (q - p === 7 && same(bytes, p + 1, 'failed')) this.failed = true;
          else return NaN;
          p = q + 1;
          break;
        }
        case K_METADATA:
          p = this.at(p) === OPEN_BRACE ? this.metadata(p) : -1;
          break;
        case K_ERROR:
          p = this.error(p);
          break;
        default:
          p = this.skip(p, 1);
      }
      if (p < 0) return NaN;
      p = this.ws(p);
      const c = this.at(p);
      if (c === COMMA) {
        p = this.ws(p + 1);
      } else if (c === CLOSE_BRACE) {
        p = this.ws(p + 1);
        break;
      } else {
        return NaN;
      }
    }
    const duration = this.durationMs;
    this.lineEnd = p;
    if (
      bytes[p] !== LF ||
      (seen & REQUIRED) !== REQUIRED ||
      this.ends[F_NAME] === this.starts[F_NAME] ||
      !(duration >= 0 && duration < Infinity)
    ) {
      return NaN;
    }
    return timestampAt(bytes, this.starts[F_STARTED_AT]!, this.ends[F_STARTED_AT]!);
  }

  /** A located field's text (decoded), undefined when absent. */
  fieldText(field: number): string | undefined {
    const start = this.starts[field]!;
    if (start < 0) return undefined;
    const end = this.ends[field]!;
    if ((this.escaped & (1 << field)) === 0) return this.bytes.toString('utf8', start, end);
    return JSON.parse(this.bytes.toString('utf8', start - 1, end + 1)) as string;
  }

  /**
   * The byte at p. No bound check: a line scanned ends with '\n', and LF (which ws() does not
   * skip and a string may not hold) is a byte no step accepts, so no scan goes past the line.
   * Bytes are UTF-8: every byte of a non-ASCII character is ≥ 0x80, so the ASCII bytes JSON's
   * syntax is made of stand where the decoded characters would.
   */
  private at(p: number): number {
    return this.bytes[p]!;
  }

  /** p moved past JSON whitespace but LF (see at()). */
  private ws(p: number): number {
    const bytes = this.bytes;
    for (;;) {
      const c = bytes[p]!;
      if (c !== SPACE && c !== TAB && c !== CR) return p;
      p++;
    }
  }

  /**
   * The string opening at p (a quote): the index of its closing quote, or -1 when it is not a
   * valid JSON string (unescaped control character, bad escape, no end). Sets stringEscaped.
   */
  private string(p: number): number {
    const bytes = this.bytes;
    let escaped = false;
    let q = p + 1;
    for (;;) {
      const c = bytes[q]!;
      if (c === QUOTE) {
        this.stringEscaped = escaped;
        return q;
      }
      if (c === BACKSLASH) {
        escaped = true;
        const e = bytes[q + 1]!;
        if (
          e === QUOTE ||
          e === BACKSLASH ||
          e === SLASH ||
          e === LOWER_B ||
          e === LOWER_F ||
          e === LOWER_N ||
          e === LOWER_R ||
          e === LOWER_T
        ) {
          q += 2;
        } else if (
          e === LOWER_U &&
          isHex(bytes[q + 2]!) &&
          isHex(bytes[q + 3]!) &&
          isHex(bytes[q + 4]!) &&
          isHex(bytes[q + 5]!)
        ) {
          q += 6;
        } else {
          return -1;
        }
      } else if (c < SPACE) {
        return -1; // a control character, LF included (so never past the line)
      } else {
        q++;
      }
    }
  }

  /**
   * The key opening at p (a quote): the index of its closing quote, its bytes packed on the way
   * (keyLength, key0..2); -1 when it holds an escape (a key is matched by its bytes: leave those to
   * JSON.parse) or is not a valid string.
   */
  private key(p: number): number {
    const bytes = this.bytes;
    let key0 = 0;
    let key1 = 0;
    let key2 = 0;
    const first = p + 1;
    let q = first;
    for (;;) {
      const c = bytes[q]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < SPACE) return -1;
      const n = q - first;
      if (n < 6) key0 = key0 * 256 + c;
      else if (n < 12) key1 = key1 * 256 + c;
      else if (n < 18) key2 = key2 * 256 + c;
      q++;
    }
    this.keyLength = q - first;
    this.key0 = key0;
    this.key1 = key1;
    this.key2 = key2;
    return q;
  }

  /** Whether the key read last is `key` (exactly: up to 18 bytes, packed in full). */
  private is(key: PackedKey): boolean {
    return (
      this.keyLength === key.length &&
      this.key0 === key.key0 &&
      this.key1 === key.key1 &&
      this.key2 === key.key2
    );
  }

  /** The K_ bit of the top-level key read last, 0 for any other key. */
  private topKey(): number {
    switch (this.keyLength) {
      case 4:
        return this.is(NAME) ? K_NAME : 0;
      case 5:
        return this.is(ERROR) ? K_ERROR : 0;
      case 6:
        return this.is(STATUS) ? K_STATUS : 0;
      case 8:
        return this.is(METADATA) ? K_METADATA : this.is(ENDED_AT) ? K_ENDED_AT : 0;
      case 10:
        return this.is(STARTED_AT) ? K_STARTED_AT : 0;
      case 11:
        return this.is(DURATION_MS) ? K_DURATION : 0;
      default:
        return 0;
    }
  }

  /** The field of the metadata.ci key read last (or CI_PR_NUMBER), -1 for any other key. */
  private ciKey(): number {
    switch (this.keyLength) {
      case 3:
        return this.is(SHA) ? F_SHA : this.is(JOB) ? F_JOB : -1;
      case 6:
        return this.is(BRANCH)
          ? F_BRANCH
          : this.is(RUN_ID)
            ? F_RUN_ID
            : this.is(MATRIX)
              ? F_MATRIX
              : -1;
      case 9:
        return this.is(RUNNER_OS) ? F_RUNNER_OS : this.is(PR_NUMBER) ? CI_PR_NUMBER : -1;
      case 11:
        return this.is(RUNNER_ARCH) ? F_RUNNER_ARCH : -1;
      case 14:
        return this.is(DEFAULT_BRANCH) ? F_DEFAULT_BRANCH : -1;
      default:
        return -1;
    }
  }

  /** A string value at p into `field`; -1 when the value is not a string. */
  private field(p: number, field: number): number {
    if (this.at(p) !== QUOTE) return -1;
    const q = this.string(p);
    if (q < 0) return -1;
    this.starts[field] = p + 1;
    this.ends[field] = q;
    if (this.stringEscaped) this.escaped |= 1 << field;
    return q + 1;
  }

  /**
   * The number at p: where it ends, its value in `number`; -1 when not a JSON number. Up to 15
   * digits without exponent, the value is computed here (one exact division, as correctly rounded
   * as JSON.parse's); otherwise Number() of its text, which reads JSON's number grammar the same.
   */
  private numberValue(p: number): number {
    const bytes = this.bytes;
    const first = p;
    let c = this.at(p);
    const negative = c === MINUS;
    if (negative) c = this.at(++p);
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    if (c === ZERO) {
      c = this.at(++p);
      digits = 1;
    } else if (c > ZERO && c <= NINE) {
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        c = this.at(++p);
      }
    } else {
      return -1;
    }
    if (c === DOT) {
      c = this.at(++p);
      if (!(c >= ZERO && c <= NINE)) return -1;
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        fraction++;
        c = this.at(++p);
      }
    }
    let exact = digits <= MAX_EXACT_DIGITS;
    if (c === LOWER_E || c === UPPER_E) {
      c = this.at(++p);
      if (c === PLUS || c === MINUS) c = this.at(++p);
      if (!(c >= ZERO && c <= NINE)) return -1;
      while (c >= ZERO && c <= NINE) c = this.at(++p);
      exact = false;
    }
    if (exact) {
      const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
      this.number = negative ? -value : value;
    } else {
      this.number = Number(bytes.toString('latin1', first, p));
    }
    return p;
  }

  /** Skips any JSON value at p, checking its syntax; where it ends, or -1. */
  private skip(p: number, depth: number): number {
    const c = this.at(p);
    if (c === QUOTE) {
      const q = this.string(p);
      return q < 0 ? -1 : q + 1;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.numberValue(p);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth >= MAX_DEPTH) return -1;
      const object = c === OPEN_BRACE;
      const close = object ? CLOSE_BRACE : CLOSE_BRACKET;
      p = this.ws(p + 1);
      if (this.at(p) === close) return p + 1;
      for (;;) {
        if (object) {
          if (this.at(p) !== QUOTE) return -1;
          const q = this.string(p);
          if (q < 0) return -1;
          p = this.ws(q + 1);
          if (this.at(p) !== COLON) return -1;
          p = this.ws(p + 1);
        }
        p = this.skip(p, depth + 1);
        if (p < 0) return -1;
        p = this.ws(p);
        const next = this.at(p);
        if (next === close) return p + 1;
        if (next !== COMMA) return -1;
        p = this.ws(p + 1);
      }
    }
    return this.literal(p);
  }

  /** true, false or null at p: where it ends, or -1. */
  private literal(p: number): number {
    const bytes = this.bytes;
    const c = this.at(p);
    const word = c === LOWER_T ? 'true' : c === LOWER_F ? 'false' : c === LOWER_N ? 'null' : '';
    if (word === '' || !same(bytes, p, word)) return -1;
    return p + word.length;
  }

  /** error: null, or a string (only whether it is 'cancelled' matters here). */
  private error(p: number): number {
    if (this.at(p) !== QUOTE) {
      return this.at(p) === LOWER_N ? this.literal(p) : -1; // any other type: invalid record
    }
    const q = this.string(p);
    if (q < 0) return -1;
    const bytes = this.bytes;
    this.cancelled = this.stringEscaped
      ? JSON.parse(bytes.toString('utf8', p, q + 1)) === 'cancelled'
      : q - p === 10 && same(bytes, p + 1, 'cancelled');
    return q + 1;
  }

  /** The metadata object at p: finds ci; values, or a ci that is not an object, are left to parsing. */
  private metadata(p: number): number {
    p = this.ws(p + 1);
    if (this.at(p) === CLOSE_BRACE) return p + 1;
    let seenCi = false;
    for (;;) {
      if (this.at(p) !== QUOTE) return -1;
      const keyEnd = this.key(p);
      if (keyEnd < 0) return -1;
      const isCi = this.is(CI);
      if (this.is(VALUES)) return -1;
      p = this.ws(keyEnd + 1);
      if (this.at(p) !== COLON) return -1;
      p = this.ws(p + 1);
      if (isCi) {
        if (seenCi || this.at(p) !== OPEN_BRACE) return -1;
        seenCi = true;
        p = this.ci(p);
      } else {
        p = this.skip(p, 2);
      }
      if (p < 0) return -1;
      p = this.ws(p);
      const c = this.at(p);
      if (c === CLOSE_BRACE) return p + 1;
      if (c !== COMMA) return -1;
      p = this.ws(p + 1);
    }
  }

  /** The metadata.ci object at p, with parseCi's rules for what each field must be. */
  private ci(p: number): number {
    const bytes = this.bytes;
    this.hasCi = true;
    p = this.ws(p + 1);
    if (this.at(p) === CLOSE_BRACE) return p + 1;
    let seen = 0;
    for (;;) {
      if (this.at(p) !== QUOTE) return -1;
      const keyEnd = this.key(p);
      if (keyEnd < 0) return -1;
      const key = this.ciKey();
      p = this.ws(keyEnd + 1);
      if (this.at(p) !== COLON) return -1;
      p = this.ws(p + 1);
      if (key >= 0) {
        if ((seen & (1 << key)) !== 0) return -1;
        seen |= 1 << key;
      }
      if (key === CI_PR_NUMBER) {
        const c = this.at(p);
        if (c === MINUS || (c >= ZERO && c <= NINE)) {
          p = this.numberValue(p);
          if (Number.isFinite(this.number)) this.prNumber = this.number;
        } else {
          p = this.skip(p, 3);
        }
      } else if (key === F_RUN_ID) {
        const c = this.at(p);
        if (c === QUOTE) {
          p = this.field(p, F_RUN_ID);
        } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
          p = this.numberValue(p);
          if (Number.isFinite(this.number)) this.runIdNumber = this.number;
        } else {
          p = this.skip(p, 3);
        }
      } else if (key === F_MATRIX) {
        const from = p;
        p = this.skip(p, 3);
        if (p >= 0 && !(p - from === 4 && bytes[from] === LOWER_N)) {
          this.starts[F_MATRIX] = from;
          this.ends[F_MATRIX] = p;
        }
      } else if (key >= 0 && this.at(p) === QUOTE) {
        p = this.field(p, key); // an empty text counts as absent: see ColumnarHistory.addScanned
      } else {
        p = this.skip(p, 3); // a field of another type is absent, as parseCi has it
      }
      if (p < 0) return -1;
      p = this.ws(p);
      const c = this.at(p);
      if (c === CLOSE_BRACE) return p + 1;
      if (c !== COMMA) return -1;
      p = this.ws(p + 1);
    }
  }
}

/** A key's length and its first 18 bytes, 6 to a number (exact: 48 bits), as key() packs them. */
interface PackedKey {
  readonly length: number;
  readonly key0: number;
  readonly key1: number;
  readonly key2: number;
}

function packKey(key: string): PackedKey {
  const packed = [0, 0, 0];
  for (let n = 0; n < key.length; n++) {
    packed[Math.floor(n / 6)] = packed[Math.floor(n / 6)]! * 256 + key.charCodeAt(n);
  }
  return { length: key.length, key0: packed[0]!, key1: packed[1]!, key2: packed[2]! };
}

const NAME = packKey('name');
const STARTED_AT = packKey('started_at');
const ENDED_AT = packKey('ended_at');
const DURATION_MS = packKey('duration_ms');
const STATUS = packKey('status');
const METADATA = packKey('metadata');
const ERROR = packKey('error');
const CI = packKey('ci');
const VALUES = packKey('values');
const SHA = packKey('sha');
const BRANCH = packKey('branch');
const DEFAULT_BRANCH = packKey('default_branch');
const JOB = packKey('job');
const RUNNER_OS = packKey('runner_os');
const RUNNER_ARCH = packKey('runner_arch');
const RUN_ID = packKey('run_id');
const MATRIX = packKey('matrix');
const PR_NUMBER = packKey('pr_number');

/** pr_number's bit in ci()'s `seen` (not a located field). */
const CI_PR_NUMBER = FIELDS;

/** The 2-digit decimal number at bytes[at..at+2), or -1 when either byte is not a digit. */
function twoDigits(bytes: Buffer, at: number): number {
  const tens = bytes[at]! - ZERO;
  const ones = bytes[at + 1]! - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * parseTimestamp (record.ts) of the bytes [from, to): the same rules, read where the timestamp
 * stands instead of from a string cut out of it (two per line: cutting was a tenth of a read).
 * A timestamp is ASCII, so a byte >= 0x80 fails it as its decoded character would.
 */
function timestampAt(bytes: Buffer, from: number, to: number): number {
  if (to - from < 19) return NaN;
  const century = twoDigits(bytes, from);
  const yearOfCentury = twoDigits(bytes, from + 2);
  const month = twoDigits(bytes, from + 5);
  const day = twoDigits(bytes, from + 8);
  const hour = twoDigits(bytes, from + 11);
  const minute = twoDigits(bytes, from + 14);
  const second = twoDigits(bytes, from + 17);
  const separator = bytes[from + 10];
  if (
    bytes[from + 4] !== MINUS ||
    bytes[from + 7] !== MINUS ||
    (separator !== UPPER_T && separator !== SPACE) ||
    bytes[from + 13] !== COLON ||
    bytes[from + 16] !== COLON ||
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
  let at = from + 19;
  if (at < to && bytes[at] === DOT) {
    let nanos = 0;
    let count = 0;
    at++;
    while (at < to) {
      const digit = bytes[at]! - ZERO;
      if (digit < 0 || digit > 9) break;
      if (++count > 9) return NaN;
      nanos = nanos * 10 + digit;
      at++;
    }
    if (count === 0) return NaN;
    for (let i = count; i < 9; i++) nanos *= 10;
    ms += nanos / 1e6;
  }
  if (at === to) return ms;
  const sign = bytes[at];
  if (sign === UPPER_Z) return at + 1 === to ? ms : NaN;
  if (sign !== PLUS && sign !== MINUS) return NaN;
  const colon = bytes[at + 3] === COLON ? 1 : 0;
  if (at + 5 + colon !== to) return NaN;
  const offsetHours = twoDigits(bytes, at + 1);
  const offsetMinutes = twoDigits(bytes, at + 3 + colon);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return NaN;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return sign === PLUS ? ms - offsetMs : ms + offsetMs;
}

/** Whether the ASCII `word` stands in `bytes` at `at` (no bound check: see RecordScanner.at). */
function same(bytes: Buffer, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (bytes[at + k]! !== word.charCodeAt(k)) return false;
  }
  return true;
}
