export const id = 767;
export const ids = [767];
export const modules = {

/***/ 19767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generateDashboard: () => (/* binding */ generateDashboard)
});

// UNUSED EXPORTS: DashboardModelBuilder, MAX_POINTS_PER_RANGE, buildDashboardModel, contentSecurityPolicy, embedJson, pointBudget, renderDashboard

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(28863);
// EXTERNAL MODULE: ./src/core/json-line.ts
var json_line = __webpack_require__(92436);
// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/core/scan-fields.ts
var scan_fields = __webpack_require__(78518);
;// CONCATENATED MODULE: ./src/core/record-scan.ts
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
function isHex(c) {
    return (c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/**
 * Scans record lines; one instance is reused for every line of a read, and what it found in the
 * line scanned last is in its fields until the next scan().
 */
class RecordScanner {
    /** The bytes the last line was scanned in (a piece of a day file: offsets index into it). */
    bytes = EMPTY;
    /** Where each field's text starts in `bytes` (-1: absent) and ends (exclusive). */
    starts = new Int32Array(scan_fields/* FIELDS */.cJ);
    ends = new Int32Array(scan_fields/* FIELDS */.cJ);
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
    stringEscaped = false;
    /** What number() read. */
    number = 0;
    /** What key() read: its length and its bytes packed (see packKey). */
    keyLength = 0;
    key0 = 0;
    key1 = 0;
    key2 = 0;
    /**
     * The started_at (epoch ms) of the valid record on the line at `start`, its fields in this
     * scanner and the line's end (its '\n') in lineEnd; NaN when the line is not taken here (parse
     * it: it may still be valid). The line must end with '\n': see at().
     */
    scan(bytes, start) {
        this.bytes = bytes;
        const starts = this.starts;
        for (let f = 0; f < scan_fields/* FIELDS */.cJ; f++)
            starts[f] = -1;
        this.escaped = 0;
        this.cancelled = false;
        this.hasCi = false;
        this.prNumber = NaN;
        this.runIdNumber = NaN;
        let p = this.ws(start);
        if (this.at(p) !== OPEN_BRACE)
            return NaN;
        p = this.ws(p + 1);
        let seen = 0;
        for (;;) {
            if (this.at(p) !== QUOTE)
                return NaN; // also `{}`: not a record
            const keyEnd = this.key(p);
            if (keyEnd < 0)
                return NaN;
            const key = this.topKey();
            p = this.ws(keyEnd + 1);
            if (this.at(p) !== COLON)
                return NaN;
            p = this.ws(p + 1);
            if ((seen & key) !== 0)
                return NaN; // JSON.parse keeps the last: leave it to it
            seen |= key;
            switch (key) {
                case K_NAME:
                    p = this.field(p, scan_fields/* F_NAME */.t0);
                    break;
                case K_STARTED_AT:
                    p = this.field(p, scan_fields/* F_STARTED_AT */.hw);
                    if ((this.escaped & (1 << scan_fields/* F_STARTED_AT */.hw)) !== 0)
                        return NaN;
                    break;
                case K_ENDED_AT: {
                    if (this.at(p) !== QUOTE)
                        return NaN;
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
                    if (this.at(p) !== QUOTE)
                        return NaN;
                    const q = this.string(p);
                    if (q < 0 || this.stringEscaped)
                        return NaN;
                    if (q - p === 8 && same(bytes, p + 1, 'success'))
                        this.failed = false;
                    else if (q - p === 7 && same(bytes, p + 1, 'failed'))
                        this.failed = true;
                    else
                        return NaN;
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
            if (p < 0)
                return NaN;
            p = this.ws(p);
            const c = this.at(p);
            if (c === COMMA) {
                p = this.ws(p + 1);
            }
            else if (c === CLOSE_BRACE) {
                p = this.ws(p + 1);
                break;
            }
            else {
                return NaN;
            }
        }
        const duration = this.durationMs;
        this.lineEnd = p;
        if (bytes[p] !== LF ||
            (seen & REQUIRED) !== REQUIRED ||
            this.ends[scan_fields/* F_NAME */.t0] === this.starts[scan_fields/* F_NAME */.t0] ||
            !(duration >= 0 && duration < Infinity)) {
            return NaN;
        }
        return timestampAt(bytes, this.starts[scan_fields/* F_STARTED_AT */.hw], this.ends[scan_fields/* F_STARTED_AT */.hw]);
    }
    /** A located field's text (decoded), undefined when absent. */
    fieldText(field) {
        const start = this.starts[field];
        if (start < 0)
            return undefined;
        const end = this.ends[field];
        if ((this.escaped & (1 << field)) === 0)
            return this.bytes.toString('utf8', start, end);
        return JSON.parse(this.bytes.toString('utf8', start - 1, end + 1));
    }
    /**
     * The byte at p. No bound check: a line scanned ends with '\n', and LF (which ws() does not
     * skip and a string may not hold) is a byte no step accepts, so no scan goes past the line.
     * Bytes are UTF-8: every byte of a non-ASCII character is ≥ 0x80, so the ASCII bytes JSON's
     * syntax is made of stand where the decoded characters would.
     */
    at(p) {
        return this.bytes[p];
    }
    /** p moved past JSON whitespace but LF (see at()). */
    ws(p) {
        const bytes = this.bytes;
        for (;;) {
            const c = bytes[p];
            if (c !== SPACE && c !== TAB && c !== CR)
                return p;
            p++;
        }
    }
    /**
     * The string opening at p (a quote): the index of its closing quote, or -1 when it is not a
     * valid JSON string (unescaped control character, bad escape, no end). Sets stringEscaped.
     */
    string(p) {
        const bytes = this.bytes;
        let escaped = false;
        let q = p + 1;
        for (;;) {
            const c = bytes[q];
            if (c === QUOTE) {
                this.stringEscaped = escaped;
                return q;
            }
            if (c === BACKSLASH) {
                escaped = true;
                const e = bytes[q + 1];
                if (e === QUOTE ||
                    e === BACKSLASH ||
                    e === SLASH ||
                    e === LOWER_B ||
                    e === LOWER_F ||
                    e === LOWER_N ||
                    e === LOWER_R ||
                    e === LOWER_T) {
                    q += 2;
                }
                else if (e === LOWER_U &&
                    isHex(bytes[q + 2]) &&
                    isHex(bytes[q + 3]) &&
                    isHex(bytes[q + 4]) &&
                    isHex(bytes[q + 5])) {
                    q += 6;
                }
                else {
                    return -1;
                }
            }
            else if (c < SPACE) {
                return -1; // a control character, LF included (so never past the line)
            }
            else {
                q++;
            }
        }
    }
    /**
     * The key opening at p (a quote): the index of its closing quote, its bytes packed on the way
     * (keyLength, key0..2); -1 when it holds an escape (a key is matched by its bytes: leave those to
     * JSON.parse) or is not a valid string.
     */
    key(p) {
        const bytes = this.bytes;
        let key0 = 0;
        let key1 = 0;
        let key2 = 0;
        const first = p + 1;
        let q = first;
        for (;;) {
            const c = bytes[q];
            if (c === QUOTE)
                break;
            if (c === BACKSLASH || c < SPACE)
                return -1;
            const n = q - first;
            if (n < 6)
                key0 = key0 * 256 + c;
            else if (n < 12)
                key1 = key1 * 256 + c;
            else if (n < 18)
                key2 = key2 * 256 + c;
            q++;
        }
        this.keyLength = q - first;
        this.key0 = key0;
        this.key1 = key1;
        this.key2 = key2;
        return q;
    }
    /** Whether the key read last is `key` (exactly: up to 18 bytes, packed in full). */
    is(key) {
        return (this.keyLength === key.length &&
            this.key0 === key.key0 &&
            this.key1 === key.key1 &&
            this.key2 === key.key2);
    }
    /** The K_ bit of the top-level key read last, 0 for any other key. */
    topKey() {
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
    ciKey() {
        switch (this.keyLength) {
            case 3:
                return this.is(SHA) ? scan_fields/* F_SHA */.es : this.is(JOB) ? scan_fields/* F_JOB */.Xn : -1;
            case 6:
                return this.is(BRANCH)
                    ? scan_fields/* F_BRANCH */.EW
                    : this.is(RUN_ID)
                        ? scan_fields/* F_RUN_ID */.tm
                        : this.is(MATRIX)
                            ? scan_fields/* F_MATRIX */.ll
                            : -1;
            case 9:
                return this.is(RUNNER_OS) ? scan_fields/* F_RUNNER_OS */.T6 : this.is(PR_NUMBER) ? CI_PR_NUMBER : -1;
            case 11:
                return this.is(RUNNER_ARCH) ? scan_fields/* F_RUNNER_ARCH */.LJ : -1;
            case 14:
                return this.is(DEFAULT_BRANCH) ? scan_fields/* F_DEFAULT_BRANCH */.ek : -1;
            default:
                return -1;
        }
    }
    /** A string value at p into `field`; -1 when the value is not a string. */
    field(p, field) {
        if (this.at(p) !== QUOTE)
            return -1;
        const q = this.string(p);
        if (q < 0)
            return -1;
        this.starts[field] = p + 1;
        this.ends[field] = q;
        if (this.stringEscaped)
            this.escaped |= 1 << field;
        return q + 1;
    }
    /**
     * The number at p: where it ends, its value in `number`; -1 when not a JSON number. Up to 15
     * digits without exponent, the value is computed here (one exact division, as correctly rounded
     * as JSON.parse's); otherwise Number() of its text, which reads JSON's number grammar the same.
     */
    numberValue(p) {
        const bytes = this.bytes;
        const first = p;
        let c = this.at(p);
        const negative = c === MINUS;
        if (negative)
            c = this.at(++p);
        let mantissa = 0;
        let digits = 0;
        let fraction = 0;
        if (c === ZERO) {
            c = this.at(++p);
            digits = 1;
        }
        else if (c > ZERO && c <= NINE) {
            while (c >= ZERO && c <= NINE) {
                mantissa = mantissa * 10 + (c - ZERO);
                digits++;
                c = this.at(++p);
            }
        }
        else {
            return -1;
        }
        if (c === DOT) {
            c = this.at(++p);
            if (!(c >= ZERO && c <= NINE))
                return -1;
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
            if (c === PLUS || c === MINUS)
                c = this.at(++p);
            if (!(c >= ZERO && c <= NINE))
                return -1;
            while (c >= ZERO && c <= NINE)
                c = this.at(++p);
            exact = false;
        }
        if (exact) {
            const value = fraction === 0 ? mantissa : mantissa / POW10[fraction];
            this.number = negative ? -value : value;
        }
        else {
            this.number = Number(bytes.toString('latin1', first, p));
        }
        return p;
    }
    /** Skips any JSON value at p, checking its syntax; where it ends, or -1. */
    skip(p, depth) {
        const c = this.at(p);
        if (c === QUOTE) {
            const q = this.string(p);
            return q < 0 ? -1 : q + 1;
        }
        if (c === MINUS || (c >= ZERO && c <= NINE))
            return this.numberValue(p);
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            if (depth >= MAX_DEPTH)
                return -1;
            const object = c === OPEN_BRACE;
            const close = object ? CLOSE_BRACE : CLOSE_BRACKET;
            p = this.ws(p + 1);
            if (this.at(p) === close)
                return p + 1;
            for (;;) {
                if (object) {
                    if (this.at(p) !== QUOTE)
                        return -1;
                    const q = this.string(p);
                    if (q < 0)
                        return -1;
                    p = this.ws(q + 1);
                    if (this.at(p) !== COLON)
                        return -1;
                    p = this.ws(p + 1);
                }
                p = this.skip(p, depth + 1);
                if (p < 0)
                    return -1;
                p = this.ws(p);
                const next = this.at(p);
                if (next === close)
                    return p + 1;
                if (next !== COMMA)
                    return -1;
                p = this.ws(p + 1);
            }
        }
        return this.literal(p);
    }
    /** true, false or null at p: where it ends, or -1. */
    literal(p) {
        const bytes = this.bytes;
        const c = this.at(p);
        const word = c === LOWER_T ? 'true' : c === LOWER_F ? 'false' : c === LOWER_N ? 'null' : '';
        if (word === '' || !same(bytes, p, word))
            return -1;
        return p + word.length;
    }
    /** error: null, or a string (only whether it is 'cancelled' matters here). */
    error(p) {
        if (this.at(p) !== QUOTE) {
            return this.at(p) === LOWER_N ? this.literal(p) : -1; // any other type: invalid record
        }
        const q = this.string(p);
        if (q < 0)
            return -1;
        const bytes = this.bytes;
        this.cancelled = this.stringEscaped
            ? JSON.parse(bytes.toString('utf8', p, q + 1)) === 'cancelled'
            : q - p === 10 && same(bytes, p + 1, 'cancelled');
        return q + 1;
    }
    /** The metadata object at p: finds ci; values, or a ci that is not an object, are left to parsing. */
    metadata(p) {
        p = this.ws(p + 1);
        if (this.at(p) === CLOSE_BRACE)
            return p + 1;
        let seenCi = false;
        for (;;) {
            if (this.at(p) !== QUOTE)
                return -1;
            const keyEnd = this.key(p);
            if (keyEnd < 0)
                return -1;
            const isCi = this.is(CI);
            if (this.is(VALUES))
                return -1;
            p = this.ws(keyEnd + 1);
            if (this.at(p) !== COLON)
                return -1;
            p = this.ws(p + 1);
            if (isCi) {
                if (seenCi || this.at(p) !== OPEN_BRACE)
                    return -1;
                seenCi = true;
                p = this.ci(p);
            }
            else {
                p = this.skip(p, 2);
            }
            if (p < 0)
                return -1;
            p = this.ws(p);
            const c = this.at(p);
            if (c === CLOSE_BRACE)
                return p + 1;
            if (c !== COMMA)
                return -1;
            p = this.ws(p + 1);
        }
    }
    /** The metadata.ci object at p, with parseCi's rules for what each field must be. */
    ci(p) {
        const bytes = this.bytes;
        this.hasCi = true;
        p = this.ws(p + 1);
        if (this.at(p) === CLOSE_BRACE)
            return p + 1;
        let seen = 0;
        for (;;) {
            if (this.at(p) !== QUOTE)
                return -1;
            const keyEnd = this.key(p);
            if (keyEnd < 0)
                return -1;
            const key = this.ciKey();
            p = this.ws(keyEnd + 1);
            if (this.at(p) !== COLON)
                return -1;
            p = this.ws(p + 1);
            if (key >= 0) {
                if ((seen & (1 << key)) !== 0)
                    return -1;
                seen |= 1 << key;
            }
            if (key === CI_PR_NUMBER) {
                const c = this.at(p);
                if (c === MINUS || (c >= ZERO && c <= NINE)) {
                    p = this.numberValue(p);
                    if (Number.isFinite(this.number))
                        this.prNumber = this.number;
                }
                else {
                    p = this.skip(p, 3);
                }
            }
            else if (key === scan_fields/* F_RUN_ID */.tm) {
                const c = this.at(p);
                if (c === QUOTE) {
                    p = this.field(p, scan_fields/* F_RUN_ID */.tm);
                }
                else if (c === MINUS || (c >= ZERO && c <= NINE)) {
                    p = this.numberValue(p);
                    if (Number.isFinite(this.number))
                        this.runIdNumber = this.number;
                }
                else {
                    p = this.skip(p, 3);
                }
            }
            else if (key === scan_fields/* F_MATRIX */.ll) {
                const from = p;
                p = this.skip(p, 3);
                if (p >= 0 && !(p - from === 4 && bytes[from] === LOWER_N)) {
                    this.starts[scan_fields/* F_MATRIX */.ll] = from;
                    this.ends[scan_fields/* F_MATRIX */.ll] = p;
                }
            }
            else if (key >= 0 && this.at(p) === QUOTE) {
                p = this.field(p, key); // an empty text counts as absent: see ColumnarHistory.addScanned
            }
            else {
                p = this.skip(p, 3); // a field of another type is absent, as parseCi has it
            }
            if (p < 0)
                return -1;
            p = this.ws(p);
            const c = this.at(p);
            if (c === CLOSE_BRACE)
                return p + 1;
            if (c !== COMMA)
                return -1;
            p = this.ws(p + 1);
        }
    }
}
function packKey(key) {
    const packed = [0, 0, 0];
    for (let n = 0; n < key.length; n++) {
        packed[Math.floor(n / 6)] = packed[Math.floor(n / 6)] * 256 + key.charCodeAt(n);
    }
    return { length: key.length, key0: packed[0], key1: packed[1], key2: packed[2] };
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
const CI_PR_NUMBER = scan_fields/* FIELDS */.cJ;
/** The 2-digit decimal number at bytes[at..at+2), or -1 when either byte is not a digit. */
function twoDigits(bytes, at) {
    const tens = bytes[at] - ZERO;
    const ones = bytes[at + 1] - ZERO;
    return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
/**
 * parseTimestamp (record.ts) of the bytes [from, to): the same rules, read where the timestamp
 * stands instead of from a string cut out of it (two per line: cutting was a tenth of a read).
 * A timestamp is ASCII, so a byte >= 0x80 fails it as its decoded character would.
 */
function timestampAt(bytes, from, to) {
    if (to - from < 19)
        return NaN;
    const century = twoDigits(bytes, from);
    const yearOfCentury = twoDigits(bytes, from + 2);
    const month = twoDigits(bytes, from + 5);
    const day = twoDigits(bytes, from + 8);
    const hour = twoDigits(bytes, from + 11);
    const minute = twoDigits(bytes, from + 14);
    const second = twoDigits(bytes, from + 17);
    const separator = bytes[from + 10];
    if (bytes[from + 4] !== MINUS ||
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
        second > 59) {
        return NaN;
    }
    const dayMs = (0,core_record/* civilDayMs */.aT)(century * 100 + yearOfCentury, month, day);
    if (Number.isNaN(dayMs))
        return NaN;
    let ms = dayMs + ((hour * 60 + minute) * 60 + second) * 1000;
    let at = from + 19;
    if (at < to && bytes[at] === DOT) {
        let nanos = 0;
        let count = 0;
        at++;
        while (at < to) {
            const digit = bytes[at] - ZERO;
            if (digit < 0 || digit > 9)
                break;
            if (++count > 9)
                return NaN;
            nanos = nanos * 10 + digit;
            at++;
        }
        if (count === 0)
            return NaN;
        for (let i = count; i < 9; i++)
            nanos *= 10;
        ms += nanos / 1e6;
    }
    if (at === to)
        return ms;
    const sign = bytes[at];
    if (sign === UPPER_Z)
        return at + 1 === to ? ms : NaN;
    if (sign !== PLUS && sign !== MINUS)
        return NaN;
    const colon = bytes[at + 3] === COLON ? 1 : 0;
    if (at + 5 + colon !== to)
        return NaN;
    const offsetHours = twoDigits(bytes, at + 1);
    const offsetMinutes = twoDigits(bytes, at + 3 + colon);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
        return NaN;
    const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
    return sign === PLUS ? ms - offsetMs : ms + offsetMs;
}
/** Whether the ASCII `word` stands in `bytes` at `at` (no bound check: see RecordScanner.at). */
function same(bytes, at, word) {
    for (let k = 0; k < word.length; k++) {
        if (bytes[at + k] !== word.charCodeAt(k))
            return false;
    }
    return true;
}

// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(14101);
;// CONCATENATED MODULE: ./src/core/history-read.ts
/**
 * Reading the day files into a ColumnarHistory, streaming: a read of every name scans each line
 * in place (RecordScanner) and parses only the lines the scanner leaves; a read by name parses
 * the lines naming it. Apart from history.ts so the modules that only use the columns (a wrapped
 * step's own verdict) do not load the scanner.
 */







/** A RowSource of a record at hand. */
function sourceOf(record) {
    return {
        record: () => record,
        startedAt: () => record.started_at,
        hasValues: (0,values/* carriesValues */.we)(record.metadata),
    };
}
/** The row being visited: one object for a whole read, pointed at each row in turn. */
class RowCursor {
    row = 0;
    startedMs = 0;
    hasValues = false;
    parsed;
    scanner;
    start = 0;
    /** At a row added from `record`. */
    atRecord(row, startedMs, record) {
        this.row = row;
        this.startedMs = startedMs;
        this.parsed = record;
        this.scanner = undefined;
        this.hasValues = (0,values/* carriesValues */.we)(record.metadata);
        return this;
    }
    /** At a row `scanner` read from the line at `start` (its bytes stay in the scanner). */
    atScanned(row, startedMs, scanner, start) {
        this.row = row;
        this.startedMs = startedMs;
        this.parsed = undefined;
        this.scanner = scanner;
        this.start = start;
        this.hasValues = false;
        return this;
    }
    record() {
        const scanner = this.scanner;
        this.parsed ??= (0,json_line/* parseJsonLine */.w)(scanner.bytes.toString('utf8', this.start, scanner.lineEnd));
        return this.parsed;
    }
    startedAt() {
        return this.parsed?.started_at ?? this.scanner.fieldText(scan_fields/* F_STARTED_AT */.hw);
    }
}
/**
 * Reads the store's records in the window into columns, streaming: a row is added per record, and
 * a record object is garbage at once unless `visit` keeps it. Never throws on bad files or lines
 * (the store's reader counts and warns about them: see scanRecords). Rows are added to `history`
 * when given (so `visit` can read its columns), else to a new one.
 */
async function readHistory(dir, options = {}, visit, history = new ColumnarHistory()) {
    return readHistoryRows(dir, options, visit === undefined
        ? undefined
        : (row, source, startedMs, file) => visit(source.record(), row, startedMs, file), history);
}
/**
 * readHistory with the rows' sources instead of their records: what most readers use, since a
 * record object is only built for the rows whose visitor asks for it. A large read of every name
 * scans its lines in place (RecordScanner: see SCAN_FROM_BYTES); a read by name parses the lines
 * naming it, a small read every line.
 */
async function readHistoryRows(dir, options = {}, visit, history = new core_history/* ColumnarHistory */.OO(), scanFromBytes = SCAN_FROM_BYTES) {
    const sizes = await dayFileSizes(dir, options);
    // Once SAMPLE_BYTES of files are read, rows per byte so far × the bytes of all files sizes the
    // columns in one step (a little over; growth by halves takes over if it was short).
    let file;
    let bytesRead = 0;
    const rowsBefore = history.length;
    let sized = sizes === null;
    const atFile = (at) => {
        if (file !== undefined && !sized) {
            bytesRead += sizes.bytes.get(file.path) ?? 0;
            if (bytesRead >= SAMPLE_BYTES) {
                sized = true;
                const rows = history.length - rowsBefore;
                history.reserveRows(rowsBefore + (rows / bytesRead) * sizes.total * 1.02 + 1024);
            }
        }
        file = at;
    };
    const cursor = new RowCursor();
    const onRecord = (record, startedMs, at) => {
        if (at !== file)
            atFile(at);
        const row = history.add(record, startedMs);
        visit?.(row, cursor.atRecord(row, startedMs, record), startedMs, at);
    };
    if (options.name !== undefined || sizes === null || sizes.total < scanFromBytes) {
        const report = await (0,store/* scanRecords */.u3)(dir, options, onRecord);
        return { history, report };
    }
    const scanner = new RecordScanner();
    const fast = {
        scanner,
        take: (at, start, startedMs) => {
            if (at !== file)
                atFile(at);
            const row = history.addScanned(scanner, startedMs);
            visit?.(row, cursor.atScanned(row, startedMs, scanner, start), startedMs, at);
        },
    };
    const report = await (0,store/* scanRecordLines */.WA)(dir, options, fast, onRecord);
    return { history, report };
}
/**
 * Day files of at least this many bytes in all are scanned (RecordScanner), smaller ones parsed.
 * The scanner is JavaScript that V8 compiles while it runs, JSON.parse is native: a cold process
 * reading 10,000 records (5 MB) took 1.1-1.2x as long through the scanner, 100,000 (60 MB) about
 * the same, 1,000,000 (580 MB) 0.7x (farm-bench A/B, Node 24).
 */
const SCAN_FROM_BYTES = 64 * 1024 * 1024;
/** Whether a read of every name over `dir` and `options` is large enough to be scanned. */
async function scanPays(dir, options, scanFromBytes = SCAN_FROM_BYTES) {
    const sizes = await dayFileSizes(dir, options);
    return sizes !== null && sizes.total >= scanFromBytes;
}
/** Bytes of day files read before the row count of all is estimated from them. */
const SAMPLE_BYTES = 1 << 20;
/**
 * The size of each day file the read may touch (the window, with a day of margin each side), and
 * their total; null when they cannot be listed (the read then reports why).
 */
async function dayFileSizes(dir, options) {
    try {
        const files = (0,store/* selectFiles */.AL)(await (0,store/* listDayFiles */.qI)(dir), options);
        const bytes = new Map();
        let total = 0;
        const sizes = await Promise.all(files.map((f) => (0,promises_.stat)(f.path).then((s) => s.size, () => 0)));
        files.forEach((f, i) => {
            bytes.set(f.path, sizes[i]);
            total += sizes[i];
        });
        return { bytes, total };
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/report/dashboard/client.generated.ts
// GENERATED by scripts/build-dashboard-client.mjs from src/report/dashboard/client/*.ts:
// do not edit; change the TypeScript and run `npm run build:client`.
/**
 * The dashboard's in-page script (its sha256 goes into the page's Content-Security-Policy).
 * Safety rule: data reaches the DOM only through textContent, setAttribute of fixed attribute
 * names, and href values that passed an http(s) check. Never innerHTML.
 */
const DASHBOARD_CLIENT_JS = `(function() {
	"use strict";
	// src/report/dashboard/layout.ts
	function flatRow(...fields) {
		const at = {};
		fields.forEach((f, i) => at[f] = i);
		return {
			fields,
			stride: fields.length,
			at,
			push(out, row) {
				for (const f of fields) out.push(row[f]);
			},
			read(flat, base) {
				const row = {};
				fields.forEach((f, i) => {
					var _flat;
					return row[f] = (_flat = flat[base + i]) !== null && _flat !== void 0 ? _flat : 0;
				});
				return row;
			}
		};
	}
	const POINT = flatRow("t", "ms", "ok", "branch", "commit", "ranges");
	const STAT = flatRow("branch", "range", "runs", "failures", "avg", "p50", "p95", "lastT", "lastOk");
	const TABLE_ROW = flatRow("runs", "failures", "p50", "p95", "lastT", "lastOk");
	const VALUE_STAT = flatRow("branch", "range", "runs", "avg", "p50", "p95", "min", "max", "lastT");
	function formatDuration(ms, { secondsDecimals = 1 } = {}) {
		if (ms === null || ms === void 0 || !Number.isFinite(ms) || ms < 0) return "—";
		if (ms > 0 && ms < 1) return \`\${ms.toFixed(2)} ms\`;
		if (Math.round(ms) < 1e3) return \`\${Math.round(ms)} ms\`;
		const scale = 10 ** secondsDecimals;
		const rounded = Math.round(ms / 1e3 * scale);
		if (rounded < 60 * scale) return \`\${(rounded / scale).toFixed(secondsDecimals)} s\`;
		const seconds = Math.round(ms / 1e3);
		if (seconds < 3600) return \`\${Math.floor(seconds / 60)} min \${pad2(seconds % 60)} s\`;
		const minutes = Math.round(ms / 6e4);
		return \`\${Math.floor(minutes / 60)} h \${pad2(minutes % 60)} min\`;
	}
	const HUGE_VALUE = 1e9;
	const TINY_VALUE = 1e-4;
	function formatValue(value, unit) {
		if (value === null || value === void 0 || !Number.isFinite(value)) return "—";
		const number = formatNumber(value);
		if (unit === void 0 || unit === null || unit === "") return number;
		return unit === "%" ? \`\${number}%\` : \`\${number} \${unit}\`;
	}
	function formatNumber(value) {
		if (value === 0) return "0";
		const sign = value < 0 ? "-" : "";
		const abs = Math.abs(value);
		if (abs >= HUGE_VALUE || abs < TINY_VALUE) return sign + eNotation(abs);
		if (abs < 1) return sign + trimZeros(abs.toPrecision(3));
		const rounded = Number(abs.toPrecision(4));
		if (rounded < 1e3) return sign + trimZeros(rounded.toFixed(Math.max(0, 3 - digitsBefore(rounded))));
		return sign + groupThousands(Math.round(abs));
	}
	function digitsBefore(x) {
		return x < 10 ? 0 : x < 100 ? 1 : 2;
	}
	function eNotation(abs) {
		const [mantissa = "", exponent = "0"] = abs.toExponential(2).split("e");
		return \`\${trimZeros(mantissa)}e\${Number(exponent)}\`;
	}
	function trimZeros(text) {
		return text.includes(".") ? text.replace(/\\.?0+$/, "") : text;
	}
	function groupThousands(n) {
		return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
	}
	function pad2(n) {
		return String(n).padStart(2, "0");
	}
	// src/report/dashboard/client/format.ts
	const DAY_S = 86400;
	function fmtMs(ms) {
		return formatDuration(ms, { secondsDecimals: ms < 9995 ? 2 : 1 });
	}
	function fmtAxis(ms) {
		if (ms === 0) return "0";
		if (ms < 1e3) return \`\${Math.round(ms)} ms\`;
		if (ms < 6e4) return \`\${+(ms / 1e3).toFixed(1)} s\`;
		if (ms < 36e5) return \`\${+(ms / 6e4).toFixed(1)} min\`;
		return \`\${+(ms / 36e5).toFixed(1)} h\`;
	}
	const DURATION = {
		label: "Duration",
		duration: true,
		better: "smaller",
		fmt: fmtMs,
		axis: fmtAxis
	};
	function valueMeasure(series) {
		const unit = series.unit;
		return {
			label: unit ? \`\${series.name} (\${unit})\` : series.name,
			duration: false,
			better: series.better === "bigger" ? "bigger" : "smaller",
			fmt: (v) => formatValue(v, unit),
			axis: (v) => formatValue(v, null)
		};
	}
	function niceValueStep(span, ticks) {
		const raw = span > 0 ? span / ticks : 1;
		const power = Math.pow(10, Math.floor(Math.log10(raw)));
		for (const m of [
			1,
			2,
			5,
			10
		]) if (m * power >= raw) return m * power;
		return 10 * power;
	}
	function fmtCount(n) {
		return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
	}
	function fmtRate(runs, failures) {
		const rate = runs ? (runs - failures) / runs * 100 : 0;
		return {
			text: rate === 100 ? "100 %" : \`\${rate.toFixed(1)} %\`,
			cls: rate >= 99.95 ? "good" : rate >= 90 ? "meh" : "bad"
		};
	}
	function pad(n) {
		return (n < 10 ? "0" : "") + n;
	}
	const MONTHS = [
		"Jan",
		"Feb",
		"Mar",
		"Apr",
		"May",
		"Jun",
		"Jul",
		"Aug",
		"Sep",
		"Oct",
		"Nov",
		"Dec"
	];
	function timeFormat(t0, now) {
		const date = (t) => new Date((t0 + t) * 1e3);
		return {
			time(t) {
				const d = date(t);
				return \`\${d.getUTCFullYear()}-\${pad(d.getUTCMonth() + 1)}-\${pad(d.getUTCDate())} \${pad(d.getUTCHours())}:\${pad(d.getUTCMinutes())} UTC\`;
			},
			day(t) {
				const d = date(t);
				return \`\${MONTHS[d.getUTCMonth()]} \${d.getUTCDate()}\`;
			},
			hour(t) {
				const d = date(t);
				return \`\${pad(d.getUTCHours())}:\${pad(d.getUTCMinutes())}\`;
			},
			ago(t) {
				const s = now - t;
				if (s < 90) return "just now";
				if (s < 5400) return \`\${Math.round(s / 60)} min ago\`;
				if (s < 129600) return \`\${Math.round(s / 3600)} h ago\`;
				return \`\${Math.round(s / DAY_S)} days ago\`;
			}
		};
	}
	// src/report/dashboard/client/data.ts
	function readPage(model) {
		const charted = typeof model.charted === "number" ? model.charted : model.ops.length;
		const table = model.table || [];
		const state = {
			op: -1,
			branch: -1,
			range: model.ranges.length - 1
		};
		const stats = model.stats.map((flat) => {
			const byKey = new Map();
			for (let i = 0; i < flat.length; i += STAT.stride) {
				const s = STAT.read(flat, i);
				byKey.set(\`\${s.branch}:\${s.range}\`, s);
			}
			return byKey;
		});
		const values = model.values || [];
		const valueStats = values.map((list) => list.map((series) => {
			const byKey = new Map();
			for (let i = 0; i < series.stats.length; i += VALUE_STAT.stride) {
				const s = VALUE_STAT.read(series.stats, i);
				byKey.set(\`\${s.branch}:\${s.range}\`, s);
			}
			return byKey;
		}));
		const chosen = new Map();
		return {
			model,
			charted,
			state,
			fmt: timeFormat(model.t0, model.now),
			statOf: (op) => {
				var _stats$op$get, _stats$op;
				return (_stats$op$get = (_stats$op = stats[op]) === null || _stats$op === void 0 ? void 0 : _stats$op.get(\`\${state.branch}:\${state.range}\`)) !== null && _stats$op$get !== void 0 ? _stats$op$get : null;
			},
			valuesOf: (op) => {
				var _values$op;
				return (_values$op = values[op]) !== null && _values$op !== void 0 ? _values$op : [];
			},
			chosen: (op) => {
				var _chosen$get;
				return (_chosen$get = chosen.get(op)) !== null && _chosen$get !== void 0 ? _chosen$get : -1;
			},
			choose(op, value) {
				var _values$op$length, _values$op2;
				if (value >= 0 && value < ((_values$op$length = (_values$op2 = values[op]) === null || _values$op2 === void 0 ? void 0 : _values$op2.length) !== null && _values$op$length !== void 0 ? _values$op$length : 0)) chosen.set(op, value);
				else chosen.delete(op);
			},
			measureOf(op, value) {
				var _values$op3;
				const series = value >= 0 ? (_values$op3 = values[op]) === null || _values$op3 === void 0 ? void 0 : _values$op3[value] : void 0;
				return series ? valueMeasure(series) : DURATION;
			},
			valueStatOf: (op, value) => {
				var _valueStats$op$value$, _valueStats$op;
				return (_valueStats$op$value$ = (_valueStats$op = valueStats[op]) === null || _valueStats$op === void 0 || (_valueStats$op = _valueStats$op[value]) === null || _valueStats$op === void 0 ? void 0 : _valueStats$op.get(\`\${state.branch}:\${state.range}\`)) !== null && _valueStats$op$value$ !== void 0 ? _valueStats$op$value$ : null;
			},
			pointsOf(op, value = -1) {
				var _ref, _values$op4;
				const flat = (_ref = value >= 0 ? (_values$op4 = values[op]) === null || _values$op4 === void 0 || (_values$op4 = _values$op4[value]) === null || _values$op4 === void 0 ? void 0 : _values$op4.points : model.series[op]) !== null && _ref !== void 0 ? _ref : [];
				const bit = 1 << state.range;
				const out = [];
				for (let i = 0; i < flat.length; i += POINT.stride) {
					const p = POINT.read(flat, i);
					if (!(p.ranges & bit)) continue;
					if (state.branch >= 0 && p.branch !== state.branch) continue;
					out.push({
						t: p.t,
						ms: p.ms,
						ok: p.ok === 1,
						branch: p.branch,
						commit: p.commit
					});
				}
				return out;
			},
			rangeStart: () => {
				var _model$ranges$state$r, _model$ranges$state$r2;
				return model.now - ((_model$ranges$state$r = (_model$ranges$state$r2 = model.ranges[state.range]) === null || _model$ranges$state$r2 === void 0 ? void 0 : _model$ranges$state$r2.days) !== null && _model$ranges$state$r !== void 0 ? _model$ranges$state$r : model.days) * DAY_S;
			},
			tableRow: (op) => TABLE_ROW.read(table, (op - charted) * TABLE_ROW.stride),
			shortSha(i) {
				const s = i >= 0 ? model.commits[i] : void 0;
				return s ? s.slice(0, 7) : null;
			},
			branchName: (i) => {
				var _model$branches$i;
				return i >= 0 ? (_model$branches$i = model.branches[i]) !== null && _model$branches$i !== void 0 ? _model$branches$i : null : null;
			}
		};
	}
	// src/report/dashboard/client/dom.ts
	const SVGNS = "http://www.w3.org/2000/svg";
	function byId(id) {
		const found = document.getElementById(id);
		if (found === null) throw new Error(\`dashboard: the page has no #\${id}\`);
		return found;
	}
	function el(tag, cls, text) {
		const e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text !== void 0 && text !== null) e.textContent = String(text);
		return e;
	}
	function sv(tag, attrs) {
		const e = document.createElementNS(SVGNS, tag);
		if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
		return e;
	}
	function clear(node) {
		while (node.firstChild) node.removeChild(node.firstChild);
		return node;
	}
	function safeUrl(u) {
		return typeof u === "string" && /^https?:\\/\\/[^\\s]+$/i.test(u) ? u : null;
	}
	function link(text, url, cls) {
		const u = safeUrl(url);
		if (!u) return el("span", cls, text);
		const a = el("a", cls, text);
		a.setAttribute("href", u);
		a.setAttribute("target", "_blank");
		a.setAttribute("rel", "noopener noreferrer");
		return a;
	}
	function option(select, value, label) {
		const o = el("option", null, label);
		o.setAttribute("value", String(value));
		select.appendChild(o);
	}
	// src/report/dashboard/client/others.ts
	const PAGE = 100;
	function isSortKey(key) {
		return key === "rank" || key === "name" || key === "rate" || TABLE_ROW.fields.some((f) => f === key);
	}
	function initOthers(page) {
		const { model, charted } = page;
		const ops = model.ops;
		const section = byId("others");
		if (ops.length <= charted) {
			section.hidden = true;
			return;
		}
		const view = {
			key: "rank",
			desc: false,
			filter: "",
			limit: PAGE
		};
		let lower = null;
		const value = (k, key) => {
			const r = page.tableRow(k);
			if (key === "rate") return r.runs ? (r.runs - r.failures) / r.runs : 0;
			return r[key];
		};
		const rows = () => {
			const out = [];
			const f = view.filter;
			if (f && !lower) lower = ops.map((name) => String(name).toLowerCase());
			for (let k = charted; k < ops.length; k++) {
				var _lower$k;
				if (!f || ((_lower$k = lower === null || lower === void 0 ? void 0 : lower[k]) !== null && _lower$k !== void 0 ? _lower$k : "").indexOf(f) >= 0) out.push(k);
			}
			const key = view.key;
			const sign = view.desc ? -1 : 1;
			if (key === "name") {
				const name = (k) => {
					var _ops$k;
					return (_ops$k = ops[k]) !== null && _ops$k !== void 0 ? _ops$k : "";
				};
				out.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a - b) * sign);
			} else if (key !== "rank") out.sort((a, b) => (value(a, key) - value(b, key)) * sign || a - b);
			else if (view.desc) out.reverse();
			return out;
		};
		const render = () => {
			const body = clear(byId("others-rows"));
			const all = rows();
			const shown = all.slice(0, view.limit);
			for (const k of shown) {
				const r = page.tableRow(k);
				const tr = el("tr");
				const name = el("td", "name");
				name.appendChild(el("span", null, ops[k]));
				tr.appendChild(name);
				tr.appendChild(el("td", "num", fmtCount(r.runs)));
				const rate = fmtRate(r.runs, r.failures);
				tr.appendChild(el("td", \`num rate \${rate.cls}\`, rate.text));
				tr.appendChild(el("td", "num", fmtMs(r.p50)));
				tr.appendChild(el("td", "num", fmtMs(r.p95)));
				const last = el("td", "nowrap");
				last.appendChild(el("span", \`dot \${r.lastOk ? "ok" : "fail"}\`));
				const when = el("span", null, page.fmt.ago(r.lastT));
				when.setAttribute("title", page.fmt.time(r.lastT));
				last.appendChild(when);
				tr.appendChild(last);
				body.appendChild(tr);
			}
			byId("others-empty").hidden = shown.length > 0;
			const more = byId("others-more");
			more.hidden = all.length <= shown.length;
			more.textContent = \`Show \${fmtCount(Math.min(200, all.length - shown.length))} more\`;
			byId("others-count").textContent = \`showing \${fmtCount(shown.length)} of \${fmtCount(all.length)}\` + (view.filter ? " matching" : "");
			for (const th of document.querySelectorAll("#others th[data-sort]")) if (th.getAttribute("data-sort") === view.key) th.setAttribute("aria-sort", view.desc ? "descending" : "ascending");
			else th.removeAttribute("aria-sort");
		};
		section.hidden = false;
		const rest = ops.length - charted;
		const bound = byId("bound");
		bound.hidden = false;
		bound.textContent = \`Showing charts for the \${fmtCount(charted)} most relevant of \${fmtCount(ops.length)} operations (those that need attention first, then the most runs); the other \${fmtCount(rest)} are in the table below.\`;
		byId("others-hint").textContent = \`\${fmtCount(rest)} operations without charts \\u00b7 whole window, all branches\`;
		const input = byId("others-filter");
		input.addEventListener("input", () => {
			view.filter = String(input.value).toLowerCase();
			view.limit = PAGE;
			render();
		});
		for (const th of document.querySelectorAll("#others th[data-sort]")) {
			var _th$querySelector;
			(_th$querySelector = th.querySelector("button")) === null || _th$querySelector === void 0 || _th$querySelector.addEventListener("click", () => {
				const key = th.getAttribute("data-sort");
				if (!isSortKey(key)) return;
				if (view.key === key) view.desc = !view.desc;
				else {
					view.key = key;
					view.desc = key !== "name" && key !== "rank";
				}
				view.limit = PAGE;
				render();
			});
		}
		byId("others-more").addEventListener("click", () => {
			view.limit += 200;
			render();
		});
		render();
	}
	// src/report/dashboard/client/runs.ts
	function runCells(page, r) {
		const tr = el("tr");
		tr.setAttribute("data-op", String(r.op));
		tr.appendChild(el("td", "nowrap", page.fmt.time(r.t)));
		const name = el("td", "name");
		name.appendChild(el("span", null, page.model.ops[r.op]));
		tr.appendChild(name);
		tr.appendChild(el("td", "num", fmtMs(r.ms)));
		const st = el("td");
		st.appendChild(el("span", \`badge \${r.ok ? "success" : "failed"}\`, r.ok ? "success" : "failed"));
		tr.appendChild(st);
		const br = el("td", "name");
		const b = page.branchName(r.branch);
		if (b) br.appendChild(link(b, r.branchUrl));
		else br.appendChild(el("span", "muted", "–"));
		if (r.pr) {
			br.appendChild(document.createTextNode(" "));
			br.appendChild(link(\`#\${r.pr}\`, r.prUrl, "muted"));
		}
		tr.appendChild(br);
		const cm = el("td", "mono nowrap");
		const c = page.shortSha(r.commit);
		if (c) cm.appendChild(link(c, r.commitUrl));
		else cm.appendChild(el("span", "muted", "–"));
		if (r.runUrl) {
			cm.appendChild(document.createTextNode(" "));
			cm.appendChild(link("run", r.runUrl, "muted"));
		}
		tr.appendChild(cm);
		const err = el("td", "err");
		if (r.error) err.appendChild(el("code", null, r.error));
		if (r.details) err.appendChild(el("span", "details mono", r.details));
		tr.appendChild(err);
		return tr;
	}
	function renderRuns(page, limit) {
		const { model, state } = page;
		const body = clear(byId("runs-rows"));
		const start = page.rangeStart();
		const rows = model.runs.filter((r) => (state.op < 0 || r.op === state.op) && (state.branch < 0 || r.branch === state.branch) && r.t >= start);
		const shown = rows.slice(0, limit);
		for (const r of shown) body.appendChild(runCells(page, r));
		byId("runs-empty").hidden = shown.length > 0;
		const more = byId("runs-more");
		more.hidden = rows.length <= shown.length;
		more.textContent = \`Show \${Math.min(50, rows.length - shown.length)} more\`;
		byId("runs-hint").textContent = \`showing \${shown.length} of \${rows.length} matching \\u00b7 this file keeps the newest \${model.limits.runRows} runs and the newest \${model.limits.runRowsPerOperation} of each operation\`;
	}
	// src/report/dashboard/client/chart.ts
	const STEPS = [
		1,
		2,
		5,
		10,
		20,
		50,
		100,
		200,
		250,
		500,
		1e3,
		2e3,
		5e3,
		1e4,
		15e3,
		2e4,
		3e4,
		6e4,
		12e4,
		3e5,
		6e5,
		9e5,
		18e5,
		36e5,
		72e5,
		108e5,
		216e5,
		432e5
	];
	function niceStep(max, ticks) {
		const raw = max / ticks;
		for (const step of STEPS) {
			if (max > 6e4 && (step === 15e3 || step === 2e4)) continue;
			if (step >= raw) return step;
		}
		return Math.ceil(raw / (DAY_S * 1e3)) * DAY_S * 1e3;
	}
	const TICK_STEPS = [
		3600,
		10800,
		21600,
		43200,
		DAY_S,
		2 * DAY_S,
		7 * DAY_S,
		14 * DAY_S,
		30 * DAY_S
	];
	function timeTicks(t0, x0, x1, count, fmt) {
		var _TICK_STEPS$find;
		const span = x1 - x0;
		const step = (_TICK_STEPS$find = TICK_STEPS.find((s) => span / s <= count)) !== null && _TICK_STEPS$find !== void 0 ? _TICK_STEPS$find : TICK_STEPS[TICK_STEPS.length - 1];
		const first = Math.ceil((t0 + x0) / step) * step - t0;
		const out = [];
		for (let t = first; t <= x1; t += step) {
			const hour = fmt.hour(t);
			out.push({
				t,
				label: step < 86400 ? hour === "00:00" ? fmt.day(t) : hour : fmt.day(t)
			});
		}
		return out;
	}
	function nearest(xs, x) {
		let lo = 0;
		let hi = xs.length - 1;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			if (xs[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) lo -= 1;
		return lo;
	}
	function row(name, value) {
		const r = el("div", "row");
		r.appendChild(el("span", null, name));
		r.appendChild(el("span", null, value));
		return r;
	}
	function drawChart(page, card, op, pts, stat, measure = DURATION) {
		const { model, fmt } = page;
		const W = 600;
		const H = 210;
		const L = 46;
		const T = 12;
		const svg = sv("svg", {
			class: "chart",
			viewBox: \`0 0 \${W} \${H}\`,
			role: "img"
		});
		svg.setAttribute("aria-label", \`\${measure.label} over time of \${model.ops[op]}\`);
		const first = pts[0];
		const lastPt = pts[pts.length - 1];
		let x0 = Math.max(page.rangeStart(), first ? first.t : page.rangeStart());
		const x1 = Math.max(model.now, lastPt ? lastPt.t : model.now);
		if (x1 - x0 < 3600) x0 = x1 - 3600;
		let maxMs = measure.duration ? 0 : -Infinity;
		let minMs = measure.duration ? 0 : Infinity;
		for (const p of pts) {
			if (p.ms > maxMs) maxMs = p.ms;
			if (p.ms < minMs) minMs = p.ms;
		}
		if (stat && stat.p95 > maxMs) maxMs = stat.p95;
		if (stat && !measure.duration && stat.p50 < minMs) minMs = stat.p50;
		let step;
		let yMin;
		let yMax;
		if (measure.duration) {
			if (maxMs <= 0) maxMs = 1;
			step = niceStep(maxMs * 1.05, 4);
			yMin = 0;
			yMax = Math.ceil(maxMs * 1.05 / step) * step;
		} else {
			if (!Number.isFinite(minMs)) [minMs, maxMs] = [0, 1];
			const pad = maxMs > minMs ? (maxMs - minMs) * .05 : Math.abs(maxMs) * .05 || 1;
			step = niceValueStep(maxMs - minMs + 2 * pad, 4);
			yMin = Math.floor((minMs - pad) / step) * step;
			if (minMs >= 0 && yMin < 0) yMin = 0;
			yMax = Math.ceil((maxMs + pad) / step) * step;
		}
		const X = (t) => L + (t - x0) / (x1 - x0) * 544;
		const Y = (ms) => T + (1 - (ms - yMin) / (yMax - yMin)) * 174;
		for (let k = 0; yMin + k * step <= yMax + step / 2; k++) {
			const v = yMin + k * step;
			svg.appendChild(sv("line", {
				class: k === 0 ? "axis" : "grid",
				x1: L,
				x2: 590,
				y1: Y(v),
				y2: Y(v)
			}));
			const label = sv("text", {
				x: 40,
				y: Y(v) + 3.5,
				"text-anchor": "end"
			});
			label.textContent = v === 0 ? "0" : measure.axis(v);
			svg.appendChild(label);
		}
		for (const tick of timeTicks(model.t0, x0, x1, 6, fmt)) {
			const tx = X(tick.t);
			svg.appendChild(sv("line", {
				class: "grid",
				x1: tx,
				x2: tx,
				y1: T,
				y2: 186
			}));
			const tl = sv("text", {
				x: tx,
				y: 201,
				"text-anchor": "middle"
			});
			tl.textContent = tick.label;
			svg.appendChild(tl);
		}
		if (first && lastPt) {
			let d = "";
			pts.forEach((p, j) => d += \`\${j ? "L" : "M"}\${X(p.t).toFixed(1)} \${Y(p.ms).toFixed(1)}\`);
			const base = Y(yMin);
			const area = \`\${d}L\${X(lastPt.t).toFixed(1)} \${base}L\${X(first.t).toFixed(1)} \${base}Z\`;
			svg.appendChild(sv("path", {
				class: "area",
				d: area
			}));
			svg.appendChild(sv("path", {
				class: "line",
				d: pts.length === 1 ? \`\${d}l0.01 0\` : d
			}));
			if (pts.length <= 90) {
				for (const p of pts) if (p.ok) svg.appendChild(sv("circle", {
					class: "pt",
					cx: X(p.t),
					cy: Y(p.ms),
					r: 2
				}));
			}
			for (const p of pts) if (!p.ok) svg.appendChild(sv("circle", {
				class: "fail",
				cx: X(p.t),
				cy: Y(p.ms),
				r: 3.6
			}));
		}
		if (stat) {
			const my = Y(stat.p50);
			svg.appendChild(sv("line", {
				class: "median",
				x1: L,
				x2: 590,
				y1: my,
				y2: my
			}));
			const ml = sv("text", {
				class: "median-label",
				x: 588,
				y: my - 4,
				"text-anchor": "end"
			});
			ml.textContent = \`median \${measure.fmt(stat.p50)}\`;
			svg.appendChild(ml);
		}
		if (!measure.duration) {
			const hint = sv("text", {
				class: "direction",
				x: 50,
				y: 22
			});
			hint.textContent = measure.better === "bigger" ? "↑ higher is better" : "↓ lower is better";
			svg.appendChild(hint);
		}
		const guide = sv("line", {
			class: "guide",
			y1: T,
			y2: 186,
			visibility: "hidden"
		});
		const ring = sv("circle", {
			class: "hover",
			r: 4.5,
			visibility: "hidden"
		});
		const overlay = sv("rect", {
			class: "overlay",
			x: L,
			y: T,
			width: 544,
			height: 174
		});
		svg.appendChild(guide);
		svg.appendChild(ring);
		svg.appendChild(overlay);
		const tip = el("div", "tooltip");
		tip.hidden = true;
		tip.setAttribute("role", "tooltip");
		const xs = pts.map((p) => X(p.t));
		const show = (evt) => {
			if (!pts.length) return;
			const box = svg.getBoundingClientRect();
			const scale = box.width / W;
			const p = pts[nearest(xs, (evt.clientX - box.left) / scale)];
			const cx = String(X(p.t));
			const cy = Y(p.ms);
			guide.setAttribute("x1", cx);
			guide.setAttribute("x2", cx);
			guide.setAttribute("visibility", "visible");
			ring.setAttribute("cx", cx);
			ring.setAttribute("cy", String(cy));
			ring.setAttribute("visibility", "visible");
			ring.setAttribute("class", p.ok ? "hover" : "hover failed");
			clear(tip);
			tip.appendChild(el("div", "dur", measure.fmt(p.ms)));
			tip.appendChild(el("div", "muted", fmt.time(p.t)));
			tip.appendChild(row("Status", p.ok ? "success" : "failed"));
			const b = page.branchName(p.branch);
			const c = page.shortSha(p.commit);
			if (b) tip.appendChild(row("Branch", b));
			if (c) tip.appendChild(row("Commit", c));
			tip.hidden = false;
			const cardBox = card.getBoundingClientRect();
			let left = box.left - cardBox.left + X(p.t) * scale + 12;
			const top = box.top - cardBox.top + cy * scale - 10;
			if (left + tip.offsetWidth > card.clientWidth - 4) left = left - tip.offsetWidth - 24;
			tip.style.left = \`\${Math.max(4, left)}px\`;
			tip.style.top = \`\${Math.max(4, top)}px\`;
		};
		const hide = () => {
			tip.hidden = true;
			guide.setAttribute("visibility", "hidden");
			ring.setAttribute("visibility", "hidden");
		};
		overlay.addEventListener("mousemove", show);
		overlay.addEventListener("mouseleave", hide);
		card.appendChild(svg);
		card.appendChild(tip);
	}
	function sparkline(pts) {
		const W = 150;
		const H = 28;
		const P = 3;
		const svg = sv("svg", {
			class: "spark",
			width: W,
			height: H,
			viewBox: \`0 0 \${W} \${H}\`,
			"aria-hidden": "true"
		});
		const first = pts[0];
		const last = pts[pts.length - 1];
		if (!first || !last) return svg;
		const x0 = first.t;
		const x1 = last.t;
		let lo = Infinity;
		let hi = 0;
		for (const p of pts) {
			if (p.ms < lo) lo = p.ms;
			if (p.ms > hi) hi = p.ms;
		}
		if (hi - lo < 1e-9) {
			hi = lo + 1;
			lo = Math.max(0, lo - 1);
		}
		const X = (t) => x1 > x0 ? P + (t - x0) / (x1 - x0) * 144 : W / 2;
		const Y = (ms) => 25 - (ms - lo) / (hi - lo) * 22;
		let d = "";
		pts.forEach((p, j) => d += \`\${j ? "L" : "M"}\${X(p.t).toFixed(1)} \${Y(p.ms).toFixed(1)}\`);
		svg.appendChild(sv("path", {
			class: "line",
			d: pts.length === 1 ? \`\${d}l0.01 0\` : d
		}));
		for (const p of pts) if (!p.ok) svg.appendChild(sv("circle", {
			class: "fail",
			cx: X(p.t),
			cy: Y(p.ms),
			r: 1.8
		}));
		svg.appendChild(sv("circle", {
			class: last.ok ? "last" : "fail",
			cx: X(last.t),
			cy: Y(last.ms),
			r: 2.4
		}));
		return svg;
	}
	// src/report/dashboard/client/sections.ts
	function opButtons(page, selectOp) {
		return (i) => {
			const b = el("button", "op-link", page.model.ops[i]);
			b.setAttribute("type", "button");
			b.setAttribute("title", "Show only this operation");
			b.addEventListener("click", () => selectOp(i));
			return b;
		};
	}
	const KIND_LABELS = {
		slower: "Slower",
		flaky: "Flaky",
		failing: "Failing"
	};
	function renderAttention(page, opButton) {
		const { model } = page;
		const box = clear(byId("attention-body"));
		if (!model.attention.length) {
			box.appendChild(el("p", "all-good", "✓ Nothing needs attention: no operation got slower, is flaky or is failing."));
			return;
		}
		const ul = el("ul", "attention-list");
		for (const item of model.attention) {
			const li = el("li");
			const kind = String(item.kind);
			const label = KIND_LABELS[kind];
			li.setAttribute("data-kind", kind);
			li.appendChild(el("span", \`badge \${label ? kind : "failing"}\`, label !== null && label !== void 0 ? label : kind));
			const what = el("div", "what");
			const idx = model.ops.indexOf(item.name);
			what.appendChild(idx >= 0 && idx < page.charted ? opButton(idx) : el("strong", null, item.name));
			what.appendChild(el("div", "detail", item.detail));
			li.appendChild(what);
			ul.appendChild(li);
		}
		box.appendChild(ul);
		const more = model.totals.attention - model.attention.length;
		if (more > 0) box.appendChild(el("p", "note", \`and \${fmtCount(more)}\${more === 1 ? " more operation needs" : " more operations need"} attention: they lead the table of other operations below.\`));
	}
	function renderOverview(page, ops, opButton) {
		const body = clear(byId("overview-rows"));
		byId("overview-empty").hidden = ops.length > 0;
		for (const i of ops) {
			const s = page.statOf(i);
			if (!s) continue;
			const tr = el("tr");
			tr.setAttribute("data-op", String(i));
			const name = el("td", "name");
			name.appendChild(opButton(i));
			tr.appendChild(name);
			const value = page.chosen(i);
			const vs = value >= 0 ? page.valueStatOf(i, value) : null;
			if (value >= 0) {
				var _vs$runs;
				const measure = page.measureOf(i, value);
				tr.setAttribute("data-value", measure.label);
				name.appendChild(el("div", "measure", measure.label));
				tr.appendChild(el("td", "num", fmtCount((_vs$runs = vs === null || vs === void 0 ? void 0 : vs.runs) !== null && _vs$runs !== void 0 ? _vs$runs : 0)));
				tr.appendChild(el("td", "num rate", "—"));
				for (const x of [
					vs === null || vs === void 0 ? void 0 : vs.avg,
					vs === null || vs === void 0 ? void 0 : vs.p50,
					vs === null || vs === void 0 ? void 0 : vs.p95
				]) tr.appendChild(el("td", "num", x === void 0 ? "—" : measure.fmt(x)));
			} else {
				tr.appendChild(el("td", "num", fmtCount(s.runs)));
				const rate = fmtRate(s.runs, s.failures);
				tr.appendChild(el("td", \`num rate \${rate.cls}\`, rate.text));
				tr.appendChild(el("td", "num", fmtMs(s.avg)));
				tr.appendChild(el("td", "num", fmtMs(s.p50)));
				tr.appendChild(el("td", "num", fmtMs(s.p95)));
			}
			const spark = el("td");
			spark.appendChild(sparkline(page.pointsOf(i, value)));
			tr.appendChild(spark);
			const last = el("td", "nowrap");
			last.appendChild(el("span", \`dot \${s.lastOk ? "ok" : "fail"}\`));
			const when = el("span", null, page.fmt.ago(s.lastT));
			when.setAttribute("title", page.fmt.time(s.lastT) + (s.lastOk ? " · success" : " · failed"));
			last.appendChild(when);
			tr.appendChild(last);
			body.appendChild(tr);
		}
	}
	function chooser(page, op, onChoose) {
		var _page$model$ops$op;
		const values = page.valuesOf(op);
		if (!values.length) return null;
		const select = el("select", "measure-select");
		select.setAttribute("aria-label", \`Series of \${(_page$model$ops$op = page.model.ops[op]) !== null && _page$model$ops$op !== void 0 ? _page$model$ops$op : ""}\`);
		for (let k = -1; k < values.length; k++) {
			const o = el("option", null, page.measureOf(op, k).label);
			o.value = String(k);
			select.appendChild(o);
		}
		select.value = String(page.chosen(op));
		select.addEventListener("change", () => {
			page.choose(op, Number(select.value));
			onChoose();
		});
		return select;
	}
	function valueMeta(page, op, value) {
		const measure = page.measureOf(op, value);
		const v = page.valueStatOf(op, value);
		const better = measure.better === "bigger" ? "higher is better" : "lower is better";
		if (!v) return \`No values in this selection \\u00b7 \${better}\`;
		return \`\${fmtCount(v.runs)} values \\u00b7 median \${measure.fmt(v.p50)} \\u00b7 p95 \${measure.fmt(v.p95)} \\u00b7 min \${measure.fmt(v.min)} \\u00b7 max \${measure.fmt(v.max)} \\u00b7 \${better}\`;
	}
	function renderCharts(page, ops, onChoose) {
		const box = clear(byId("charts-body"));
		if (!ops.length) {
			box.appendChild(el("p", "empty", "No runs in this selection."));
			return;
		}
		for (const i of ops) {
			const s = page.statOf(i);
			if (!s) continue;
			const value = page.chosen(i);
			const pts = page.pointsOf(i, value);
			const card = el("div", "chart-card");
			card.setAttribute("id", \`op-\${i}\`);
			card.setAttribute("data-op", String(i));
			const head = el("div", "card-head");
			head.appendChild(el("h3", null, page.model.ops[i]));
			const select = chooser(page, i, onChoose);
			if (select) head.appendChild(select);
			card.appendChild(head);
			if (value >= 0) {
				const v = page.valueStatOf(i, value);
				card.appendChild(el("div", "meta", valueMeta(page, i, value)));
				if (v && pts.length < v.runs) card.appendChild(el("div", "note", \`Showing \${fmtCount(pts.length)} of \${fmtCount(v.runs)} values: the lowest, highest and latest failed run of each time slice.\`));
				drawChart(page, card, i, pts, v, page.measureOf(i, value));
				box.appendChild(card);
				continue;
			}
			card.appendChild(el("div", "meta", \`\${fmtCount(s.runs)} runs \\u00b7 \${fmtCount(s.failures)} failed \\u00b7 p50 \${fmtMs(s.p50)} \\u00b7 p95 \${fmtMs(s.p95)}\`));
			if (pts.length < s.runs) card.appendChild(el("div", "note", \`Showing \${fmtCount(pts.length)} of \${fmtCount(s.runs)} runs: the fastest, slowest and latest failed run of each time slice.\`));
			drawChart(page, card, i, pts, s);
			box.appendChild(card);
		}
	}
	// src/report/dashboard/client/main.ts
	var _byId$textContent;
	const model = JSON.parse((_byId$textContent = byId("data").textContent) !== null && _byId$textContent !== void 0 ? _byId$textContent : "null");
	const page = readPage(model);
	const { state, charted } = page;
	let runLimit = 25;
	function visibleOps() {
		const ops = [];
		for (let i = 0; i < charted; i++) {
			if (state.op >= 0 && state.op !== i) continue;
			if (page.statOf(i)) ops.push(i);
		}
		return ops;
	}
	function update() {
		runLimit = 25;
		const ops = visibleOps();
		let runs = 0;
		let failures = 0;
		for (const i of ops) {
			var _s$runs, _s$failures;
			const s = page.statOf(i);
			runs += (_s$runs = s === null || s === void 0 ? void 0 : s.runs) !== null && _s$runs !== void 0 ? _s$runs : 0;
			failures += (_s$failures = s === null || s === void 0 ? void 0 : s.failures) !== null && _s$failures !== void 0 ? _s$failures : 0;
		}
		byId("f-count").textContent = \`\${fmtCount(runs)} runs \\u00b7 \${fmtCount(failures)} failed \\u00b7 \` + ops.length + (ops.length === 1 ? " operation" : " operations") + (model.ops.length > charted ? " charted" : "");
		renderOverview(page, ops, opButton);
		renderCharts(page, ops, update);
		renderRuns(page, runLimit);
	}
	const opButton = opButtons(page, (i) => {
		state.op = i;
		byId("f-op").value = String(i);
		update();
	});
	function init() {
		var _model$branches$b;
		const fmt = page.fmt;
		byId("title").textContent = model.title;
		byId("subtitle").textContent = \`\${fmtCount(model.totals.records)} runs of \${model.totals.operations}\` + (model.totals.operations === 1 ? " operation" : " operations") + \` over the last \${model.days} days \\u00b7 generated \${fmt.time(model.now)}\`;
		const fop = byId("f-op");
		const fbr = byId("f-branch");
		const frg = byId("f-range");
		option(fop, -1, "All operations");
		const choices = model.ops.slice(0, charted).map((name, i) => [String(name), i]);
		choices.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
		for (const [name, i] of choices) option(fop, i, name);
		option(fbr, -1, "All branches");
		for (let b = 0; b < model.filterBranches; b++) option(fbr, b, (_model$branches$b = model.branches[b]) !== null && _model$branches$b !== void 0 ? _model$branches$b : "");
		model.ranges.forEach((r, i) => option(frg, i, r.label));
		frg.value = String(state.range);
		fop.addEventListener("change", () => {
			state.op = Number(fop.value);
			update();
		});
		fbr.addEventListener("change", () => {
			state.branch = Number(fbr.value);
			update();
		});
		frg.addEventListener("change", () => {
			state.range = Number(frg.value);
			update();
		});
		byId("runs-more").addEventListener("click", () => {
			runLimit += 50;
			renderRuns(page, runLimit);
		});
		let foot = \`Charts draw at most \${model.limits.pointsPerRange} runs per operation and time range (longer histories keep the fastest, slowest and latest failed run of each time slice); counts and percentiles are exact. Error text is truncated and secrets are redacted.\`;
		if (model.totals.skipped) foot += \` \${fmtCount(model.totals.skipped)} unreadable records were skipped.\`;
		byId("foot").textContent = foot;
		renderAttention(page, opButton);
		initOthers(page);
		update();
		document.documentElement.setAttribute("data-ready", "1");
	}
	init();
})();
`;

;// CONCATENATED MODULE: ./src/report/dashboard/css.ts
/** The dashboard's stylesheet (inline; light and dark follow the system setting). */
const DASHBOARD_CSS = String.raw `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --card: #ffffff; --fg: #1c2128; --muted: #5c6670; --border: #e1e4e8;
  --grid: #eef0f3; --accent: #2563eb; --accent-soft: rgba(37, 99, 235, 0.10);
  --ok: #1a7f37; --fail: #d1242f; --warn: #9a6700; --slower: #bc4c00;
  --fail-soft: rgba(209, 36, 47, 0.09); --warn-soft: rgba(154, 103, 0, 0.10);
  --slower-soft: rgba(188, 76, 0, 0.10); --shadow: 0 1px 2px rgba(27, 31, 36, 0.06);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #151b23; --fg: #e6edf3; --muted: #9198a1; --border: #2f3742;
    --grid: #212830; --accent: #4493f8; --accent-soft: rgba(68, 147, 248, 0.16);
    --ok: #3fb950; --fail: #f85149; --warn: #d29922; --slower: #f0883e;
    --fail-soft: rgba(248, 81, 73, 0.14); --warn-soft: rgba(210, 153, 34, 0.14);
    --slower-soft: rgba(240, 136, 62, 0.14); --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 20px 20px 48px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
header.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; margin-bottom: 14px; }
header.top h1 { font-size: 22px; margin: 0; letter-spacing: -0.01em; }
header.top .sub { color: var(--muted); }
.filters {
  display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; padding: 10px 14px;
  background: var(--card); border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow);
  position: sticky; top: 0; z-index: 5; margin-bottom: 16px;
}
.filters label { display: inline-flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; }
.filters select {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 8px; max-width: 260px;
}
.filters .count { margin-left: auto; color: var(--muted); font-size: 13px; }
section.card {
  background: var(--card); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: var(--shadow); padding: 14px 16px; margin-bottom: 16px;
}
section.card > h2 { font-size: 15px; margin: 0 0 10px; display: flex; gap: 8px; align-items: baseline; }
section.card > h2 .hint { font-weight: normal; color: var(--muted); font-size: 12.5px; }
.attention-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px;
  grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); }
.attention-list li {
  display: flex; gap: 10px; align-items: flex-start; padding: 9px 11px; border-radius: 8px;
  border: 1px solid var(--border); background: var(--bg); min-width: 0;
}
.attention-list .what { min-width: 0; }
.attention-list .detail { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.badge {
  display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase;
  padding: 2px 7px; border-radius: 999px; white-space: nowrap;
}
.badge.slower { color: var(--slower); background: var(--slower-soft); }
.badge.flaky { color: var(--warn); background: var(--warn-soft); }
.badge.failing, .badge.failed { color: var(--fail); background: var(--fail-soft); }
.badge.success { color: var(--ok); background: rgba(26, 127, 55, 0.10); }
.all-good { color: var(--ok); margin: 0; }
button.op-link {
  font: inherit; font-weight: 600; color: var(--fg); background: none; border: 0; padding: 0;
  cursor: pointer; text-align: left; overflow-wrap: anywhere;
}
button.op-link:hover { color: var(--accent); text-decoration: underline; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: middle; }
th { font-size: 12px; font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover td { background: var(--accent-soft); }
td.name { max-width: 320px; overflow-wrap: anywhere; }
.rate.good { color: var(--ok); } .rate.meh { color: var(--warn); } .rate.bad { color: var(--fail); }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; }
.dot.ok { background: var(--ok); } .dot.fail { background: var(--fail); }
.muted { color: var(--muted); }
.spark { display: block; }
.charts { display: grid; gap: 14px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 540px), 1fr)); }
.chart-card { border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px 6px; background: var(--bg);
  position: relative; min-width: 0; }
.chart-card h3 { font-size: 13.5px; margin: 0; overflow-wrap: anywhere; }
.card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.measure-select { font: inherit; font-size: 12px; padding: 1px 4px; max-width: 60%; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; }
#overview-rows .measure { color: var(--muted); font-size: 11.5px; }
svg.chart text.direction { fill: var(--muted); font-size: 10px; }
.chart-card .meta { color: var(--muted); font-size: 12px; margin: 2px 0 4px; }
.chart-card .note { color: var(--muted); font-size: 11.5px; margin: 0 0 4px; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
svg.chart .axis { stroke: var(--border); stroke-width: 1; }
svg.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .area { fill: var(--accent-soft); stroke: none; }
svg.chart .pt { fill: var(--accent); }
svg.chart .fail { fill: var(--fail); stroke: var(--bg); stroke-width: 1.2; }
svg.chart .median { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 4; }
svg.chart text.median-label {
  fill: var(--muted); font-size: 10.5px; paint-order: stroke; stroke: var(--bg); stroke-width: 3px;
}
svg.chart .guide { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 3; }
svg.chart .hover { fill: var(--card); stroke: var(--accent); stroke-width: 2; }
svg.chart .hover.failed { stroke: var(--fail); }
svg.chart .overlay { fill: transparent; cursor: crosshair; }
svg.spark .line { fill: none; stroke: var(--accent); stroke-width: 1.4; stroke-linejoin: round; }
svg.spark .fail { fill: var(--fail); }
svg.spark .last { fill: var(--accent); }
.tooltip {
  position: absolute; pointer-events: none; z-index: 4; min-width: 150px; max-width: 280px;
  background: var(--card); color: var(--fg); border: 1px solid var(--border); border-radius: 8px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.14); padding: 7px 9px; font-size: 12px; line-height: 1.4;
}
.tooltip[hidden] { display: none; }
.tooltip .dur { font-size: 14px; font-weight: 650; }
.tooltip .row { display: flex; justify-content: space-between; gap: 12px; }
.tooltip .row span:first-child { color: var(--muted); }
.tooltip .row span:last-child { overflow-wrap: anywhere; text-align: right; }
td.err { max-width: 420px; }
td.err code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--fail); max-height: 7.5em; overflow: auto; }
td.err .details { display: block; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--muted); margin-top: 2px; }
.empty { color: var(--muted); padding: 8px 0; margin: 0; }
.nowrap { white-space: nowrap; }
button.more {
  font: inherit; font-size: 13px; color: var(--accent); background: var(--bg); cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; padding: 5px 12px; margin-top: 10px;
}
button.more:hover { border-color: var(--accent); }
button.more[hidden] { display: none; }
p.bound { margin: -6px 2px 14px; color: var(--muted); font-size: 13px; }
p.bound[hidden], section.card[hidden] { display: none; }
.attention-body .note, #attention-body .note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
.tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 6px; }
.tools label { display: inline-flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; }
.tools input {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 8px; width: min(320px, 60vw);
}
.tools .count { color: var(--muted); font-size: 13px; }
button.sort {
  font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer;
}
button.sort:hover { color: var(--accent); }
th[aria-sort="ascending"] button.sort::after { content: " \25B2"; font-size: 9px; }
th[aria-sort="descending"] button.sort::after { content: " \25BC"; font-size: 9px; }
footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
footer p { margin: 4px 0; }
@media (max-width: 640px) {
  main { padding: 12px 10px 32px; }
  .filters { position: static; }
  .filters .count { margin-left: 0; }
  th, td { padding: 6px 6px; }
}
`;

// EXTERNAL MODULE: ./src/core/ci.ts
var ci = __webpack_require__(42131);
// EXTERNAL MODULE: ./src/insight/flakiness.ts
var flakiness = __webpack_require__(44746);
// EXTERNAL MODULE: ./src/insight/names.ts
var names = __webpack_require__(68896);
// EXTERNAL MODULE: ./src/insight/regression.ts + 2 modules
var regression = __webpack_require__(1773);
;// CONCATENATED MODULE: ./src/insight/attention.ts
/**
 * The dashboard's "needs attention" panel: steps that got slower lately, flaky steps and failing
 * steps, ranked by one score so the most urgent comes first. attentionOfSeries works on the core's
 * columns (a series is a label and its rows); needsAttention is the record-shaped entry point.
 */





const KIND_ORDER = { failing: 0, slower: 1, flaky: 2 };
function shortSha(sha) {
    return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
/** Ranked items, most urgent first. A step may appear under several kinds. */
function needsAttention(records, options = {}) {
    const history = ColumnarHistory.of(records);
    const series = [...history.rowsByName()].map(([name, rows]) => ({ name, rows }));
    return attentionOfSeries(history, series, options);
}
/**
 * needsAttention over series of a columnar history. "The step" is its runs on the default branch
 * (pushes, not pull requests) when any row of any series knows its branch, else all its runs.
 */
function attentionOfSeries(history, series, options = {}) {
    const recentDays = options.recentDays ?? 7;
    const historyDays = options.historyDays ?? 28;
    const failingWindow = options.failingWindow ?? 10;
    const t = history.startedMs;
    let now = options.now;
    let knowsBranch = false;
    if (now === undefined) {
        let newest = -Infinity;
        for (const s of series) {
            for (let k = 0; k < s.rows.length; k++)
                if (t[s.rows[k]] > newest)
                    newest = t[s.rows[k]];
        }
        now = newest === -Infinity ? 0 : newest;
    }
    if (options.defaultBranch !== undefined) {
        outer: for (const s of series) {
            for (let k = 0; k < s.rows.length; k++) {
                if (history.branch[s.rows[k]] !== core_history/* NONE */.x3) {
                    knowsBranch = true;
                    break outer;
                }
            }
        }
    }
    const mainLine = knowsBranch ? history.idOf(options.defaultBranch) : core_history/* NONE */.x3;
    const recentFrom = now - recentDays * core_record/* DAY_MS */.sO;
    const historyFrom = recentFrom - historyDays * core_record/* DAY_MS */.sO;
    const failed = (row) => (history.flags[row] & core_history/* FAILED */.Wk) !== 0;
    const items = [];
    for (const { name, rows } of series) {
        // The step's runs up to now, newest first (ties in row order).
        const ordered = [];
        const counted = (row) => !(knowsBranch &&
            (mainLine === core_history/* NONE */.x3 ||
                history.branch[row] !== mainLine ||
                !Number.isNaN(history.prNumber[row])));
        if (options.sortedByTime === true) {
            // Newest first from the end, until the comparison period and the failing window are
            // covered; every row as old as the last one taken is taken too, so sorting what was taken
            // gives the start of the full order exactly.
            for (let k = rows.length - 1; k >= 0; k--) {
                const row = rows[k];
                const time = t[row];
                if (!(time > historyFrom) &&
                    ordered.length >= failingWindow &&
                    time < t[ordered[ordered.length - 1]]) {
                    break;
                }
                if (counted(row) && time <= now)
                    ordered.push(row);
            }
            if (ordered.length === 0)
                continue;
            ordered.sort((a, b) => t[b] - t[a] || a - b);
        }
        else {
            // Rows usually come ascending in time: then newest first is the reverse, with no sort (a
            // strict rise leaves no ties whose order the sort would decide).
            let rising = true;
            let previous = -Infinity;
            for (let k = 0; k < rows.length; k++) {
                const row = rows[k];
                if (!counted(row))
                    continue;
                const time = t[row];
                if (!(time <= now))
                    continue; // NaN never compares
                if (!(previous < time))
                    rising = false;
                previous = time;
                ordered.push(row);
            }
            if (ordered.length === 0)
                continue;
            if (rising)
                ordered.reverse();
            else
                ordered.sort((a, b) => t[b] - t[a] || a - b);
        }
        // Slower: this week's successful runs against the previous weeks', with the regression test.
        const recent = [];
        const older = [];
        for (const row of ordered) {
            // Newest first: nothing older than the comparison period, or past full lists, is used.
            if (!(t[row] > historyFrom) || (recent.length === 10 && older.length === 30))
                break;
            const d = history.durationMs[row];
            if (failed(row) || !(d >= 0 && d < Infinity))
                continue;
            if (t[row] > recentFrom) {
                if (recent.length < 10)
                    recent.push(d);
            }
            else if (t[row] > historyFrom && older.length < 30) {
                older.push(d);
            }
        }
        const verdict = (0,regression/* detectRegression */.l)(older, recent, {
            name,
            thresholdPercent: options.thresholdPercent,
            followDrift: false,
        });
        if (verdict.verdict === 'slower' && verdict.changePercent !== null) {
            items.push({
                name,
                kind: 'slower',
                detail: `slower in the last ${recentDays} days than the ${historyDays} before: ${verdict.reason}`,
                score: Math.min(100, verdict.changePercent),
            });
        }
        // Failing: the newest run failed, among recent runs that did not all fail by chance.
        const last = Math.min(failingWindow, ordered.length);
        let failures = 0;
        for (let k = 0; k < last; k++)
            if (failed(ordered[k]))
                failures++;
        if (failed(ordered[0])) {
            items.push({
                name,
                kind: 'failing',
                detail: `last run failed; ${failures} of the last ${last} runs failed`,
                score: 50 + (50 * failures) / last,
            });
        }
    }
    // Flaky: on all runs of the series (PR re-runs are where flakes show).
    for (const report of (0,flakiness/* flakinessOfSeries */.r9)(history, series, {
        days: options.flakinessDays ?? 30,
        now,
        sortedByTime: options.sortedByTime,
    })) {
        if (report.flakeRate <= 0)
            continue;
        const name = report.name;
        const listed = report.flakyCommits.slice(0, 3).map(shortSha).join(', ');
        const more = report.flakyCommits.length > 3 ? ', …' : '';
        items.push({
            name,
            kind: 'flaky',
            detail: `flaky on ${report.flakyCommits.length} of ${report.commitsSeen} commits (${Math.round(report.flakeRate * 100)}%): ${listed}${more}`,
            score: 100 * report.flakeRate,
        });
    }
    return items.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (0,names/* compareNames */.M)(a.name, b.name));
}

;// CONCATENATED MODULE: ./src/report/dashboard/attention.ts

/**
 * Ranked attention items (most urgent first) for the dashboard's series: the step's runs on
 * `defaultBranch` when given (pushes only), else all its runs; `nowMs` ends the windows.
 */
function dashboardAttention(history, series, nowMs, defaultBranch) {
    return attentionOfSeries(history, series, {
        now: nowMs,
        // The model's series rows are ascending by time (see DashboardBuilder.series).
        sortedByTime: true,
        ...(defaultBranch !== null ? { defaultBranch } : {}),
    });
}

;// CONCATENATED MODULE: ./src/report/dashboard/downsample.ts
/**
 * Downsampling for the dashboard charts, so a long history draws fast and the file stays small.
 * A range whose runs fit the budget keeps every run. Otherwise the range is cut into
 * floor(budget / 3) equal time buckets and each bucket keeps its fastest run, its slowest run and
 * its latest failure: spikes, dips and the red marks survive, and at most `budget` points remain.
 */
/** Points per operation per time range at most (fewer when there are many operations). */
const MAX_POINTS_PER_RANGE = 300;
/** Points per time range across all operations; splits the budget when operations are many. */
const TOTAL_POINTS_PER_RANGE = 12_000;
/** Floor of the per-operation budget, whatever the number of operations. */
const MIN_POINTS_PER_RANGE = 60;
/** The per-operation, per-range point budget for a history with `operations` operations. */
function pointBudget(operations) {
    const share = Math.floor(TOTAL_POINTS_PER_RANGE / Math.max(1, operations));
    return Math.max(MIN_POINTS_PER_RANGE, Math.min(MAX_POINTS_PER_RANGE, share));
}
/**
 * Indices in [lo, hi) to keep, ascending. `t` must be ascending on [lo, hi); `failed[i]` is 1
 * for a failed run.
 */
function downsampleIndices(t, ms, failed, lo, hi, budget) {
    const kept = [];
    if (hi - lo <= budget) {
        for (let i = lo; i < hi; i++)
            kept.push(i);
        return kept;
    }
    const buckets = Math.max(1, Math.floor(budget / 3));
    const start = t[lo] ?? 0;
    const span = (t[hi - 1] ?? start) - start;
    const width = span > 0 ? span / buckets : 1;
    let bucket = -1;
    let minI = -1;
    let maxI = -1;
    let failI = -1;
    const flush = () => {
        if (bucket < 0)
            return;
        const picks = [minI, maxI, failI].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
        picks.sort((a, b) => a - b);
        kept.push(...picks);
    };
    for (let i = lo; i < hi; i++) {
        const b = Math.min(buckets - 1, Math.floor(((t[i] ?? start) - start) / width));
        if (b !== bucket) {
            flush();
            bucket = b;
            minI = i;
            maxI = i;
            failI = -1;
        }
        const d = ms[i] ?? 0;
        if (d < (ms[minI] ?? 0))
            minI = i;
        if (d > (ms[maxI] ?? 0))
            maxI = i;
        if (failed[i] === 1)
            failI = i;
    }
    flush();
    return kept;
}
/** Points per time range across all value series of the charted operations. */
const TOTAL_VALUE_POINTS_PER_RANGE = 3_000;
/** Floor of a value series' budget (10 buckets of 3). */
const MIN_VALUE_POINTS_PER_RANGE = 30;
/**
 * The per-value-series, per-range point budget when the charted operations hold `valueSeries`
 * value series: at most a chart's budget, shared so many values per run keep the page small.
 */
function valuePointBudget(chartBudget, valueSeries) {
    const share = Math.floor(TOTAL_VALUE_POINTS_PER_RANGE / Math.max(1, valueSeries));
    return Math.max(MIN_VALUE_POINTS_PER_RANGE, Math.min(chartBudget, share));
}

;// CONCATENATED MODULE: ./src/report/dashboard/rank.ts
/** Operations drawn with full statistics, sparkline and chart; the others are table rows. */
const MAX_CHARTED_OPERATIONS = 50;
/**
 * Indices into `columns` (sorted by name), most relevant first. `attention` is ranked, most
 * urgent first; an operation with several items counts at its first.
 */
function rankOperations(columns, attention) {
    const urgency = new Map();
    attention.forEach((item, k) => {
        if (!urgency.has(item.name))
            urgency.set(item.name, k);
    });
    const none = attention.length;
    const n = columns.length;
    const rank = new Float64Array(n);
    const runs = new Float64Array(n);
    const last = new Float64Array(n);
    columns.forEach((col, i) => {
        rank[i] = urgency.get(col.name) ?? none;
        runs[i] = col.runs;
        last[i] = col.last;
    });
    const order = Array.from({ length: n }, (_, i) => i);
    // Columns come sorted by name, so the index is the name's tie-break.
    order.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) ||
        (runs[b] ?? 0) - (runs[a] ?? 0) ||
        (last[b] ?? 0) - (last[a] ?? 0) ||
        a - b);
    return order;
}

// EXTERNAL MODULE: ./src/core/json-text.ts
var json_text = __webpack_require__(5737);
// EXTERNAL MODULE: ./src/core/stats.ts
var stats = __webpack_require__(38796);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/report/sanitize.ts + 1 modules
var sanitize = __webpack_require__(96532);
;// CONCATENATED MODULE: ./src/report/dashboard/links.ts
/**
 * Commit, branch and run links for the dashboard, built only from validated parts: an http(s)
 * server without credentials, an owner/name repository, a hex sha, a numeric run id. Anything
 * else (a `javascript:` server_url, a repository with a slash too many) gives no link at all.
 */
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const links_SHA = /^[0-9a-f]{7,64}$/i;
const links_RUN_ID = /^\d{1,20}$/;
/** `https://github.com/owner/name`, or null when either part is not safe to link to. */
function repositoryUrl(serverUrl, repository) {
    if (typeof repository !== 'string' || !REPOSITORY.test(repository))
        return null;
    if (repository.split('/').some((part) => part === '.' || part === '..'))
        return null;
    const server = typeof serverUrl === 'string' && serverUrl !== '' ? serverUrl : 'https://github.com';
    let url;
    try {
        url = new URL(server);
    }
    catch {
        return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return null;
    if (url.username !== '' || url.password !== '')
        return null;
    const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    return `${base}/${repository}`;
}
function isSha(value) {
    return typeof value === 'string' && links_SHA.test(value);
}
function commitUrl(repoUrl, sha) {
    return repoUrl !== null && isSha(sha) ? `${repoUrl}/commit/${sha.toLowerCase()}` : null;
}
/** The branch's tree page; null for a name with a "." or ".." segment (it would leave the repo). */
function branchUrl(repoUrl, branch) {
    if (repoUrl === null || typeof branch !== 'string' || branch === '')
        return null;
    const segments = branch.split('/');
    if (segments.some((segment) => segment === '.' || segment === '..'))
        return null;
    return `${repoUrl}/tree/${segments.map(encodeURIComponent).join('/')}`;
}
function runUrl(repoUrl, runId) {
    const id = typeof runId === 'number' && Number.isInteger(runId) ? String(runId) : runId;
    return repoUrl !== null && typeof id === 'string' && links_RUN_ID.test(id)
        ? `${repoUrl}/actions/runs/${id}`
        : null;
}
function pullUrl(repoUrl, prNumber) {
    return repoUrl !== null &&
        typeof prNumber === 'number' &&
        Number.isInteger(prNumber) &&
        prNumber > 0
        ? `${repoUrl}/pull/${prNumber}`
        : null;
}

// EXTERNAL MODULE: ./src/insight/series.ts + 1 modules
var series = __webpack_require__(18744);
;// CONCATENATED MODULE: ./src/report/dashboard/layout.ts
function flatRow(...fields) {
    const at = {};
    fields.forEach((f, i) => (at[f] = i));
    return {
        fields,
        stride: fields.length,
        at,
        push(out, row) {
            for (const f of fields)
                out.push(row[f]);
        },
        read(flat, base) {
            const row = {};
            fields.forEach((f, i) => (row[f] = flat[base + i] ?? 0));
            return row;
        },
    };
}
/**
 * A chart point of a charted operation (`series[op]`): time (seconds after `t0`), duration, 1 when
 * it succeeded, branch and commit (dictionary indices, -1 = unknown), and a bit mask of the time
 * ranges (`ranges` indices) whose downsampled chart keeps it.
 */
const POINT = flatRow('t', 'ms', 'ok', 'branch', 'commit', 'ranges');
/**
 * Exact statistics of a charted operation (`stats[op]`) for one (branch, range) with runs:
 * branch -1 = all branches; computed before downsampling.
 */
const STAT = flatRow('branch', 'range', 'runs', 'failures', 'avg', 'p50', 'p95', 'lastT', 'lastOk');
/** One row of the compact table (`table`): an operation without a chart, whole window, all branches. */
const TABLE_ROW = flatRow('runs', 'failures', 'p50', 'p95', 'lastT', 'lastOk');
/**
 * Exact statistics of a value series (`values[op][k].stats`) for one (branch, range) with values:
 * branch -1 = all branches; in the value's unit; computed before downsampling.
 */
const VALUE_STAT = flatRow('branch', 'range', 'runs', 'avg', 'p50', 'p95', 'min', 'max', 'lastT');

;// CONCATENATED MODULE: ./src/report/dashboard/model.ts














/** Rows of the recent-runs table: the newest overall, plus the newest few of every operation. */
const MAX_RUN_ROWS = 200;
const RUN_ROWS_PER_OPERATION = 5;
/** Branches offered in the branch filter (the most-run ones). */
const MAX_FILTER_BRANCHES = 30;
/** Error text and metadata are cut to these lengths before they are published. */
const MAX_ERROR_CHARS = 500;
const MAX_DETAILS_CHARS = 300;
/** Operation names longer than this are cut for display. */
const MAX_NAME_CHARS = 300;

function asCi(metadata) {
    return (0,ci/* parseCi */.k3)(metadata) ?? {};
}
function branchOf(record, ci) {
    if (typeof ci.branch === 'string' && ci.branch !== '')
        return ci.branch;
    if (typeof ci.ref === 'string' && ci.ref.startsWith('refs/heads/'))
        return ci.ref.slice(11);
    const b = record.metadata?.branch;
    return typeof b === 'string' && b !== '' ? b : null;
}
function shaOf(record) {
    const m = record.metadata;
    const s = m?.sha ?? m?.commit;
    return isSha(s) ? s.toLowerCase() : null;
}
function roundMs(ms) {
    return ms < 100 ? Math.round(ms * 100) / 100 : Math.round(ms);
}
function round1(x) {
    return Math.round(x * 10) / 10;
}
function publicText(text, max) {
    // Redact before cutting, so a secret is never cut into an unrecognisable but leaking prefix.
    return (0,sanitize/* truncateText */.EJ)((0,redact/* redactSecrets */.fp)(text), max);
}
function detailsOf(metadata) {
    if (typeof metadata !== 'object' || metadata === null)
        return null;
    const rest = Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== 'ci'));
    if (Object.keys(rest).length === 0)
        return null;
    let json;
    try {
        json = (0,json_text/* stringifyJson */.s)(rest); // any depth: metadata comes from files
    }
    catch {
        return null;
    }
    return publicText(json, MAX_DETAILS_CHARS);
}
function lowerBound(t, value) {
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((t[mid] ?? 0) < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** `counts` with counts[id] incremented, grown when id is beyond it. */
function count(counts, id) {
    const out = id < counts.length ? counts : grownCopy(counts, id + 1);
    out[id] += 1;
    return out;
}
/** A bigger copy of a typed array (×1.5), for columns that grow row by row. */
function grownCopy(column, atLeast) {
    const bigger = new column.constructor(Math.max(atLeast, Math.ceil(column.length * 1.5), 1024));
    bigger.set(column);
    return bigger;
}
/**
 * The exact statistics of the given indices (ascending by time), or of [lo, hi) when `indices`
 * is null. Percentiles by selection, not a sort: two linear passes instead of n log n.
 */
function statsOf(col, indices, lo, hi, toT) {
    const n = indices === null ? hi - lo : indices.length;
    const durations = new Float64Array(n);
    let failures = 0;
    let sum = 0;
    for (let k = 0; k < n; k++) {
        const i = indices === null ? lo + k : indices[k];
        const d = col.ms[i];
        durations[k] = d;
        sum += d;
        failures += col.failed[i];
    }
    const [p50 = NaN, p95 = NaN] = (0,stats/* percentilesInPlace */.nm)(durations, [50, 95]);
    const last = indices === null ? hi - 1 : indices[n - 1];
    return {
        runs: n,
        failures,
        avg: round1(sum / n),
        p50: round1(p50),
        p95: round1(p95),
        lastT: toT(col.t[last] ?? 0),
        lastOk: col.failed[last] === 1 ? 0 : 1,
    };
}
/** A value as the page keeps it: six significant digits (a chart does not need more). */
function roundValue(v) {
    return Number(v.toPrecision(6));
}
/** Exact statistics of `v[indices]` (indices ascending by time, not empty). */
function valueStatsOf(v, t, indices, toT) {
    const n = indices.length;
    const numbers = new Float64Array(n);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
        const x = v[indices[k]];
        numbers[k] = x;
        sum += x;
        if (x < min)
            min = x;
        if (x > max)
            max = x;
    }
    const [p50 = NaN, p95 = NaN] = (0,stats/* percentilesInPlace */.nm)(numbers, [50, 95]);
    return {
        runs: n,
        avg: roundValue(sum / n),
        p50: roundValue(p50),
        p95: roundValue(p95),
        min: roundValue(min),
        max: roundValue(max),
        lastT: toT(t[indices[n - 1]] ?? 0),
    };
}
const COLUMN_KEYS = ['t', 'ms', 'failed', 'branch', 'commit', 'pr'];
/** Columns for n runs, zeroed. */
function emptyColumns(name, n) {
    return {
        name,
        t: new Float64Array(n),
        ms: new Float64Array(n),
        failed: new Uint8Array(n),
        branch: new Int32Array(n),
        commit: new Int32Array(n),
        pr: new Uint8Array(n),
    };
}
/** Whether `g` is the leg group of these ids. */
function sameLeg(g, name, job, matrix, runnerOs, runnerArch) {
    return (g.name === name &&
        g.job === job &&
        g.matrix === matrix &&
        g.runnerOs === runnerOs &&
        g.runnerArch === runnerArch);
}
class DashboardModelBuilder {
    options;
    /** Leg groups by step name id; `groups` in first-seen order. */
    groupsByName = new Map();
    groups = [];
    lastGroup;
    lastGroupIndex = -1;
    // The rows the model keeps (valid, in the window), as indices into the history's columns, with
    // what the columns do not say directly: the leg group, and branch and commit as the page shows
    // them (text ids of the history; fallbacks from ref / metadata.sha interned into it).
    kept = 0;
    keptGroup = new Int32Array(0);
    /** Row of each kept index; null while they are the same (readHistory's window: every row). */
    keptRow = null;
    /** Branch and commit where they do not come from the row's ci.branch / ci.sha (rare). */
    branchFallback = new Map();
    commitFallback = new Map();
    /** Runs per branch text id, and per default-branch text id. */
    branchCounts = new Float64Array(0);
    defaultBranchCounts = new Float64Array(0);
    nowMs;
    startMs;
    days;
    records = 0;
    skipped = 0;
    /** The columns rows come from: the caller's (addRow) or the builder's own (add). */
    source;
    /** Commit text id of each history sha id (-2: not looked at yet; -1: not a commit sha). */
    commitOfSha = new Int32Array(0);
    constructor(options = {}) {
        this.options = options;
        const days = options.days ?? 30;
        if (!Number.isFinite(days) || days <= 0) {
            throw new Error(`dashboard: days must be a positive number of days, got ${String(days)}`);
        }
        this.days = days;
        this.nowMs = (options.generatedAt ?? new Date()).getTime();
        this.startMs = this.nowMs - days * core_record/* DAY_MS */.sO;
    }
    /** Epoch ms of the oldest record the window keeps. */
    get windowStartMs() {
        return this.startMs;
    }
    /** Counts records the caller could not read (e.g. bad lines), for the page's footer. */
    skip(count = 1) {
        this.skipped += count;
    }
    add(record) {
        const tMs = (0,core_record/* parseTimestamp */.EH)(record?.started_at);
        const ms = Number(record?.duration_ms);
        if (typeof record?.name !== 'string' ||
            !Number.isFinite(tMs) ||
            !Number.isFinite(ms) ||
            ms < 0) {
            this.skipped += 1;
            return;
        }
        if (tMs < this.startMs)
            return;
        this.source ??= new core_history/* ColumnarHistory */.OO();
        this.addRow(this.source, this.source.add({ ...record, duration_ms: ms }, tMs), sourceOf(record));
    }
    /**
     * Adds row `row` of `history` (the core's columns, as readHistoryRows fills them); the row's
     * record is asked of `source` only for what the columns do not keep (links, error, details).
     * Every row of one builder comes from the same history. The model reads the history's columns
     * at build time: per row it keeps three ids, and a record only while it is among its leg's
     * newest.
     */
    addRow(history, row, source) {
        if (this.source !== undefined && this.source !== history) {
            throw new Error('dashboard: every row of one model must come from the same history');
        }
        this.source = history;
        const tMs = history.startedMs[row];
        const ms = history.durationMs[row];
        if (!Number.isFinite(tMs) || !Number.isFinite(ms) || ms < 0) {
            this.skipped += 1;
            return;
        }
        if (tMs < this.startMs)
            return;
        this.records += 1;
        const group = this.groupOf(history, row);
        const k = this.kept++;
        let branch = history.branch[row];
        if (branch === core_history/* NONE */.x3) {
            const record = source.record();
            const fallback = branchOf(record, asCi(record.metadata));
            branch = fallback === null ? core_history/* NONE */.x3 : history.intern(fallback);
            if (branch !== core_history/* NONE */.x3)
                this.branchFallback.set(k, branch);
        }
        const commit = this.commitOfRow(history, row, source);
        if (commit !== core_history/* NONE */.x3 && !this.commitFromSha(history, row))
            this.commitFallback.set(k, commit);
        if (k === this.keptGroup.length) {
            this.keptGroup = grownCopy(this.keptGroup, 0);
            if (this.keptRow !== null)
                this.keptRow = grownCopy(this.keptRow, this.keptGroup.length);
        }
        if (this.keptRow === null && row !== k) {
            // The first row left out (or out of order): from here on, rows are listed.
            this.keptRow = new Int32Array(this.keptGroup.length);
            for (let j = 0; j < k; j++)
                this.keptRow[j] = j;
        }
        if (this.keptRow !== null)
            this.keptRow[k] = row;
        this.keptGroup[k] = this.lastGroupIndex;
        if (branch !== core_history/* NONE */.x3)
            this.branchCounts = count(this.branchCounts, branch);
        const defaultBranch = history.defaultBranch[row];
        if (defaultBranch !== core_history/* NONE */.x3)
            this.defaultBranchCounts = count(this.defaultBranchCounts, defaultBranch);
        // Keep only the newest candidates for the runs table; trimmed in batches to stay O(n). A run
        // older than the newest MAX_RUN_ROWS already kept can never be shown: not kept (read newest
        // first, almost every record is then garbage at once).
        if (group.recent.length >= MAX_RUN_ROWS && tMs < group.recentFloor)
            return;
        const failed = (history.flags[row] & core_history/* FAILED */.Wk) !== 0;
        group.recent.push({ tMs, ms, failed, branch, commit, record: source.record() });
        if (group.recent.length === MAX_RUN_ROWS && group.recentFloor === -Infinity) {
            // The first MAX_RUN_ROWS kept: a run older than all of them can never be shown. Set now, not
            // at the first trim, or the next MAX_RUN_ROWS older runs are parsed for nothing (at 10,000
            // records of 20 steps, 4,000 of the 8,000 records the dashboard parsed).
            let floor = Infinity;
            for (const r of group.recent)
                if (r.tMs < floor)
                    floor = r.tMs;
            group.recentFloor = floor;
        }
        if (group.recent.length >= 2 * MAX_RUN_ROWS) {
            group.recent.sort((a, b) => b.tMs - a.tMs);
            group.recent.length = MAX_RUN_ROWS;
            group.recentFloor = group.recent[MAX_RUN_ROWS - 1].tMs;
        }
    }
    /** The row's leg group (step name and leg, by text ids); sets lastGroupIndex. */
    groupOf(history, row) {
        const name = history.name[row];
        const job = history.job[row];
        const matrix = history.matrix[row];
        const runnerOs = history.runnerOs[row];
        const runnerArch = history.runnerArch[row];
        // A loop, not a find() with a closure: this runs per row, and a closure per row is garbage.
        const last = this.lastGroup;
        if (last !== undefined && sameLeg(last, name, job, matrix, runnerOs, runnerArch)) {
            this.lastGroupIndex = last.index;
            return last;
        }
        let list = this.groupsByName.get(name);
        if (list === undefined)
            this.groupsByName.set(name, (list = []));
        let group;
        for (const g of list) {
            if (sameLeg(g, name, job, matrix, runnerOs, runnerArch)) {
                group = g;
                break;
            }
        }
        if (group === undefined) {
            group = {
                name,
                job,
                matrix,
                runnerOs,
                runnerArch,
                index: this.groups.length,
                firstRow: row,
                recent: [],
                recentFloor: -Infinity,
            };
            list.push(group);
            this.groups.push(group);
        }
        this.lastGroup = group;
        this.lastGroupIndex = group.index;
        return group;
    }
    /** The commit text id of a row: its ci.sha when it is one (lowercase), else metadata.sha / commit. */
    commitOfRow(history, row, source) {
        const sha = history.sha[row];
        if (sha !== core_history/* NONE */.x3) {
            if (this.commitOfSha.length <= sha) {
                const bigger = new Int32Array(Math.max(1024, (sha + 1) * 2)).fill(-2);
                bigger.set(this.commitOfSha);
                this.commitOfSha = bigger;
            }
            let id = this.commitOfSha[sha];
            if (id === -2) {
                const text = history.texts[sha];
                id = isSha(text) ? history.intern(text.toLowerCase()) : -1;
                this.commitOfSha[sha] = id;
            }
            if (id !== -1)
                return id;
        }
        const fallback = shaOf(source.record());
        return fallback === null ? core_history/* NONE */.x3 : history.intern(fallback);
    }
    /** Whether the row's commit is its ci.sha (looked at by commitOfRow already). */
    commitFromSha(history, row) {
        const sha = history.sha[row];
        return sha !== core_history/* NONE */.x3 && this.commitOfSha[sha] >= 0;
    }
    /** The history row of kept index k. */
    rowOf(k) {
        return this.keptRow === null ? k : this.keptRow[k];
    }
    /** The option, else the ci.default_branch most records name, else null. */
    defaultBranch(history) {
        if (this.options.defaultBranch !== undefined)
            return this.options.defaultBranch;
        let best = core_history/* NONE */.x3;
        let most = 0;
        this.defaultBranchCounts.forEach((n, id) => {
            if (n > most)
                [best, most] = [id, n];
        });
        return history.text(best) ?? null;
    }
    /**
     * The model's series: leg groups named by labelsOfStep (legs recorded with less context that
     * resolve to the same series are merged), each with its kept rows in read order.
     */
    series(history) {
        const byLabel = new Map();
        for (const [name, list] of this.groupsByName) {
            const step = history.texts[name];
            const legs = list.map((g) => (0,series/* legOfRow */.eL)(history, g.firstRow));
            const labels = (0,series/* labelsOfStep */.jZ)(step, legs);
            list.forEach((g, i) => {
                const label = labels.get((0,series/* legKey */.Sv)(legs[i])) ?? step;
                const into = byLabel.get(label);
                if (into === undefined)
                    byLabel.set(label, [g]);
                else
                    into.push(g);
            });
        }
        // Kept rows per group, then per series, in read order (columnsInReadOrder sorts them by
        // time where the read did not).
        const counts = new Int32Array(this.groups.length);
        for (let k = 0; k < this.kept; k++)
            counts[this.keptGroup[k]]++;
        const lists = Array.from(counts, (n) => new Int32Array(n));
        const filled = new Int32Array(this.groups.length);
        for (let k = 0; k < this.kept; k++) {
            const g = this.keptGroup[k];
            lists[g][filled[g]++] = k;
        }
        const out = [];
        for (const [name, groups] of byLabel) {
            const parts = groups.map((g) => lists[g.index]);
            let kept;
            if (parts.length === 1)
                kept = parts[0];
            else {
                kept = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
                let at = 0;
                for (const part of parts) {
                    kept.set(part, at);
                    at += part.length;
                }
                kept.sort(); // read order
            }
            out.push({ name, groups, kept });
        }
        return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    /**
     * Every series' typed columns (as columnsOf makes them) in one pass over the kept rows in read
     * order, which reads the history's columns front to back: one series at a time touches a
     * scattered row per run, a cache miss each. Also puts each series' kept rows in time order
     * (stable: ties keep read order). The read gives a series as ascending stretches (one per day
     * file; newest file first when read that way): when the stretches do not overlap in time, the
     * time order is the stretches reordered, moved as blocks with no comparison per run. Otherwise
     * (clocks, hand-edited files: rare) the series is sorted and read again one row at a time.
     */
    columnsInReadOrder(history, series) {
        const seriesOfGroup = new Int32Array(this.groups.length);
        series.forEach((s, j) => s.groups.forEach((g) => (seriesOfGroup[g.index] = j)));
        const cols = series.map((s) => emptyColumns(s.name, s.kept.length));
        const filled = new Int32Array(series.length);
        const previous = new Float64Array(series.length).fill(-Infinity);
        // Where each series' ascending stretches start (positions in its columns), after the first.
        const breaks = series.map(() => []);
        const { startedMs, durationMs, flags, branch, sha, prNumber } = history;
        for (let k = 0; k < this.kept; k++) {
            const j = seriesOfGroup[this.keptGroup[k]];
            const col = cols[j];
            const i = filled[j]++;
            const row = this.rowOf(k);
            const t = startedMs[row];
            if (t < previous[j])
                breaks[j].push(i);
            previous[j] = t;
            col.t[i] = t;
            col.ms[i] = durationMs[row];
            col.failed[i] = (flags[row] & core_history/* FAILED */.Wk) !== 0 ? 1 : 0;
            const b = branch[row];
            col.branch[i] = b !== core_history/* NONE */.x3 ? b : (this.branchFallback.get(k) ?? core_history/* NONE */.x3);
            col.commit[i] = this.commitFromSha(history, row)
                ? this.commitOfSha[sha[row]]
                : (this.commitFallback.get(k) ?? core_history/* NONE */.x3);
            col.pr[i] = Number.isNaN(prNumber[row]) ? 0 : 1;
        }
        let scratch;
        let scratchKept = new Int32Array(0);
        breaks.forEach((starts, j) => {
            if (starts.length === 0)
                return;
            const s = series[j];
            const col = cols[j];
            const blocks = [0, ...starts].map((from, r) => ({
                from,
                to: r < starts.length ? starts[r] : s.kept.length,
            }));
            blocks.sort((a, b) => col.t[a.from] - col.t[b.from]);
            // Each block ascending; in time order, each must end before the next begins.
            const apart = blocks.every((x, r) => r === 0 || col.t[blocks[r - 1].to - 1] < col.t[x.from]);
            if (apart) {
                // Blocks copied in time order into scratch columns, then back (no second set of columns).
                const n = s.kept.length;
                if (scratch === undefined || scratch.t.length < n)
                    scratch = emptyColumns('', n);
                if (scratchKept.length < n)
                    scratchKept = new Int32Array(n);
                for (const key of COLUMN_KEYS) {
                    const from = col[key];
                    const into = scratch[key];
                    let at = 0;
                    for (const block of blocks) {
                        into.set(from.subarray(block.from, block.to), at);
                        at += block.to - block.from;
                    }
                    from.set(into.subarray(0, n));
                }
                let at = 0;
                for (const block of blocks) {
                    scratchKept.set(s.kept.subarray(block.from, block.to), at);
                    at += block.to - block.from;
                }
                s.kept.set(scratchKept.subarray(0, n));
                return;
            }
            const order = Array.from(s.kept);
            order.sort((a, b) => startedMs[this.rowOf(a)] - startedMs[this.rowOf(b)] || a - b);
            s.kept = Int32Array.from(order);
            cols[j] = this.columnsOf(history, s);
        });
        return cols;
    }
    /** One series' typed columns, read from the history (ids: history text ids, -1 unknown). */
    columnsOf(history, s) {
        const n = s.kept.length;
        const col = emptyColumns(s.name, n);
        for (let i = 0; i < n; i++) {
            const k = s.kept[i];
            const row = this.rowOf(k);
            col.t[i] = history.startedMs[row];
            col.ms[i] = history.durationMs[row];
            col.failed[i] = (history.flags[row] & core_history/* FAILED */.Wk) !== 0 ? 1 : 0;
            const branch = history.branch[row];
            col.branch[i] = branch !== core_history/* NONE */.x3 ? branch : (this.branchFallback.get(k) ?? core_history/* NONE */.x3);
            col.commit[i] = this.commitFromSha(history, row)
                ? this.commitOfSha[history.sha[row]]
                : (this.commitFallback.get(k) ?? core_history/* NONE */.x3);
            col.pr[i] = Number.isNaN(history.prNumber[row]) ? 0 : 1;
        }
        return col;
    }
    /**
     * The values the series' runs carry (history.valueView per value name), by name; the cells
     * point at indices of the series' columns (time order, as columnsOf makes them).
     */
    valueCellsOf(history, s) {
        if (history.values.size === 0)
            return [];
        const n = s.kept.length;
        // valueView reads rows ascending: the series' rows in row order, with their time position.
        const order = Array.from({ length: n }, (_, i) => i);
        const rowAt = (i) => this.rowOf(s.kept[i]);
        order.sort((a, b) => rowAt(a) - rowAt(b));
        const rows = Int32Array.from(order, rowAt);
        const out = [];
        const names = [...history.values.keys()].sort();
        for (const name of names) {
            const view = history.valueView(name, rows);
            if (view === undefined || view.rows.length === 0)
                continue;
            const byPosition = new Float64Array(n).fill(NaN);
            let j = 0;
            view.rows.forEach((row, k) => {
                while (rows[j] < row)
                    j++;
                byPosition[order[j]] = view.numbers[k];
            });
            const at = new Int32Array(view.rows.length);
            const v = new Float64Array(view.rows.length);
            let m = 0;
            for (let i = 0; i < n; i++) {
                if (Number.isNaN(byPosition[i]))
                    continue;
                at[m] = i;
                v[m++] = byPosition[i];
            }
            out.push({ name, unit: view.unit, better: view.better, at, v });
        }
        return out;
    }
    /** A value's series for the page: exact stats per (branch, range), downsampled points. */
    valueSeriesOf(cells, col, ranges, budget, filterSlot, filterBranches, toT, mapBranch, mapCommit) {
        const n = cells.at.length;
        const t = Float64Array.from(cells.at, (i) => col.t[i]);
        const failed = Uint8Array.from(cells.at, (i) => col.failed[i]);
        const slot = Int32Array.from(cells.at, (i) => filterSlot[col.branch[i]] ?? -1);
        const mask = new Uint8Array(n);
        const stats = [];
        ranges.forEach((range, r) => {
            const lo = lowerBound(t, this.nowMs - range.days * core_record/* DAY_MS */.sO);
            if (lo >= n)
                return;
            for (const i of downsampleIndices(t, cells.v, failed, lo, n, budget))
                mask[i] |= 1 << r;
            const all = Int32Array.from({ length: n - lo }, (_, k) => lo + k);
            VALUE_STAT.push(stats, { branch: -1, range: r, ...valueStatsOf(cells.v, t, all, toT) });
            const lists = Array.from({ length: filterBranches }, () => []);
            for (let i = lo; i < n; i++)
                if (slot[i] >= 0)
                    lists[slot[i]].push(i);
            lists.forEach((list, b) => {
                if (list.length > 0) {
                    VALUE_STAT.push(stats, { branch: b, range: r, ...valueStatsOf(cells.v, t, list, toT) });
                }
            });
        });
        const points = [];
        for (let k = 0; k < n; k++) {
            if (mask[k] === 0)
                continue;
            const i = cells.at[k];
            POINT.push(points, {
                t: toT(t[k]),
                ms: roundValue(cells.v[k]),
                ok: failed[k] === 1 ? 0 : 1,
                branch: mapBranch(col.branch[i] ?? -1),
                commit: mapCommit(col.commit[i] ?? -1),
                ranges: mask[k],
            });
        }
        return { name: cells.name, unit: cells.unit ?? null, better: cells.better, points, stats };
    }
    build() {
        const history = this.source ?? new core_history/* ColumnarHistory */.OO();
        const modelSeries = this.series(history);
        // All series' columns in one pass over the rows (about 26 bytes a run); each is let go once
        // drawn. This also puts every series' kept rows in time order.
        const columns = this.columnsInReadOrder(history, modelSeries);
        const columnsAt = (c) => {
            const col = columns[c];
            columns[c] = undefined;
            return col;
        };
        // Ranking needs only counts and last times, read from the history.
        const t = history.startedMs;
        const lastStart = (s) => s.kept.length > 0 ? t[this.rowOf(s.kept[s.kept.length - 1])] : -Infinity;
        const ranked = modelSeries.map((s) => ({
            name: s.name,
            runs: s.kept.length,
            last: lastStart(s),
        }));
        const defaultBranch = this.defaultBranch(history);
        const knownDefault = defaultBranch !== null && (this.branchCounts[history.idOf(defaultBranch)] ?? 0) > 0;
        const attention = this.options.attention ??
            dashboardAttention(history, modelSeries.map((s) => ({ name: s.name, rows: s.kept.map((k) => this.rowOf(k)) })), this.nowMs, knownDefault ? defaultBranch : null);
        // Charts for the most relevant few; every other operation is one row of `table`.
        const order = rankOperations(ranked, attention);
        const charted = Math.min(MAX_CHARTED_OPERATIONS, order.length);
        const position = new Int32Array(modelSeries.length);
        order.forEach((c, k) => (position[c] = k));
        const budget = pointBudget(charted);
        let minMs = this.nowMs;
        for (const series of modelSeries) {
            if (series.kept.length > 0)
                minMs = Math.min(minMs, t[this.rowOf(series.kept[0])]);
        }
        const t0 = Math.floor(minMs / 1000);
        const toT = (ms) => Math.round(ms / 1000 - t0);
        const ranges = [7, 30, 90]
            .filter((d) => d < this.days)
            .map((d) => ({ days: d, label: `${d} days` }));
        ranges.push({ days: this.days, label: `All (${this.days} days)` });
        // Branch dictionary: the most-run branches first (those are the filter's choices).
        const byCount = [];
        this.branchCounts.forEach((n, id) => {
            if (n > 0)
                byCount.push(id);
        });
        // Most runs first; ties in first-seen order (text ids are first-seen).
        byCount.sort((a, b) => this.branchCounts[b] - this.branchCounts[a] || a - b);
        const filterBranches = Math.min(MAX_FILTER_BRANCHES, byCount.length);
        const branchOut = [];
        const branchMap = new Map();
        const mapBranch = (id) => {
            if (id < 0)
                return -1;
            let out = branchMap.get(id);
            if (out === undefined) {
                out = branchOut.length;
                branchMap.set(id, out);
                branchOut.push(history.texts[id] ?? '');
            }
            return out;
        };
        for (let k = 0; k < filterBranches; k++)
            mapBranch(byCount[k] ?? -1);
        // The filter slot of each history text id (-1: not a filter branch), for per-branch stats.
        const filterSlot = new Int32Array(history.texts.length).fill(-1);
        for (let k = 0; k < filterBranches; k++)
            filterSlot[byCount[k]] = k;
        const commitOut = [];
        const commitMap = new Map();
        const mapCommit = (id) => {
            if (id < 0)
                return -1;
            let out = commitMap.get(id);
            if (out === undefined) {
                out = commitOut.length;
                commitMap.set(id, out);
                commitOut.push(history.texts[id] ?? '');
            }
            return out;
        };
        const series = [];
        const stats = [];
        // Value series of the charted operations only (the bound on charts holds for them too); their
        // points share one budget, so 30 values per run cost about what one more chart would.
        const cellsOf = order.slice(0, charted).map((c) => this.valueCellsOf(history, modelSeries[c]));
        const valueBudget = valuePointBudget(budget, cellsOf.reduce((sum, cells) => sum + cells.length, 0));
        const values = [];
        let points = 0;
        for (const [k, c] of order.slice(0, charted).entries()) {
            const col = columnsAt(c);
            values.push(cellsOf[k].map((cells) => this.valueSeriesOf(cells, col, ranges, valueBudget, filterSlot, filterBranches, toT, mapBranch, mapCommit)));
            const n = col.t.length;
            const mask = new Uint8Array(n);
            const opStats = [];
            ranges.forEach((range, r) => {
                const lo = lowerBound(col.t, this.nowMs - range.days * core_record/* DAY_MS */.sO);
                if (lo >= n)
                    return;
                for (const i of downsampleIndices(col.t, col.ms, col.failed, lo, n, budget)) {
                    mask[i] = (mask[i] ?? 0) | (1 << r);
                }
                STAT.push(opStats, { branch: -1, range: r, ...statsOf(col, null, lo, n, toT) });
                // Per filter branch (their model ids are 0..filterBranches-1), in id order.
                const counts = new Int32Array(filterBranches);
                for (let i = lo; i < n; i++) {
                    const b = filterSlot[col.branch[i]] ?? -1;
                    if (b >= 0)
                        counts[b]++;
                }
                const lists = Array.from(counts, (count) => new Int32Array(count));
                const filled = new Int32Array(filterBranches);
                for (let i = lo; i < n; i++) {
                    const b = filterSlot[col.branch[i]] ?? -1;
                    if (b >= 0)
                        lists[b][filled[b]++] = i;
                }
                lists.forEach((list, b) => {
                    if (list.length > 0) {
                        STAT.push(opStats, { branch: b, range: r, ...statsOf(col, list, 0, 0, toT) });
                    }
                });
            });
            const flat = [];
            for (let i = 0; i < n; i++) {
                if (mask[i] === 0)
                    continue;
                POINT.push(flat, {
                    t: toT(col.t[i] ?? 0),
                    ms: roundMs(col.ms[i] ?? 0),
                    ok: col.failed[i] === 1 ? 0 : 1,
                    branch: mapBranch(col.branch[i] ?? -1),
                    commit: mapCommit(col.commit[i] ?? -1),
                    ranges: mask[i] ?? 0,
                });
                points += 1;
            }
            series.push(flat);
            stats.push(opStats);
        }
        const table = [];
        for (const c of order.slice(charted)) {
            const col = columnsAt(c);
            TABLE_ROW.push(table, statsOf(col, null, 0, col.t.length, toT));
        }
        const runs = this.recentRuns(history, modelSeries, position, charted, toT, mapBranch, mapCommit);
        return {
            version: 1,
            title: this.options.title ?? 'dev-metrics dashboard',
            generatedAt: new Date(this.nowMs).toISOString(),
            t0,
            now: toT(this.nowMs),
            days: this.days,
            ranges,
            ops: order.map((c) => (0,sanitize/* truncateText */.EJ)(modelSeries[c]?.name ?? '', MAX_NAME_CHARS)),
            charted,
            table,
            branches: branchOut,
            filterBranches,
            commits: commitOut,
            series,
            stats,
            values,
            runs,
            attention: attention
                .slice(0, MAX_CHARTED_OPERATIONS)
                .map((a) => ({ ...a, name: (0,sanitize/* truncateText */.EJ)(a.name, MAX_NAME_CHARS) })),
            totals: {
                records: this.records,
                skipped: this.skipped,
                operations: modelSeries.length,
                points,
                attention: attention.length,
            },
            limits: {
                pointsPerRange: budget,
                runRows: MAX_RUN_ROWS,
                runRowsPerOperation: RUN_ROWS_PER_OPERATION,
                chartedOperations: MAX_CHARTED_OPERATIONS,
            },
        };
    }
    recentRuns(history, modelSeries, position, charted, toT, mapBranch, mapCommit) {
        // The newest rows overall, plus the newest few of every charted operation (rare ones stay
        // visible); `op` is the operation's position in the model's `ops`.
        const rows = new Map();
        const newest = [];
        modelSeries.forEach((series, index) => {
            const op = position[index] ?? 0;
            const recent = series.groups
                .flatMap((g) => g.recent)
                .sort((a, b) => b.tMs - a.tMs)
                .slice(0, MAX_RUN_ROWS);
            recent.forEach((c, k) => {
                newest.push([c, op]);
                if (k < RUN_ROWS_PER_OPERATION && op < charted)
                    rows.set(c, op);
            });
        });
        newest.sort((a, b) => b[0].tMs - a[0].tMs);
        for (const [c, op] of newest.slice(0, MAX_RUN_ROWS))
            rows.set(c, op);
        return [...rows]
            .sort((a, b) => b[0].tMs - a[0].tMs)
            .map(([c, op]) => {
            const ci = asCi(c.record.metadata);
            const repo = repositoryUrl(ci.server_url, ci.repository);
            const branchName = history.text(c.branch);
            const error = typeof c.record.error === 'string' && c.record.error !== '' ? c.record.error : null;
            const pr = typeof ci.pr_number === 'number' && Number.isInteger(ci.pr_number) ? ci.pr_number : null;
            return {
                t: toT(c.tMs),
                op,
                ms: roundMs(c.ms),
                ok: c.failed ? 0 : 1,
                branch: mapBranch(c.branch),
                commit: mapCommit(c.commit),
                commitUrl: commitUrl(repo, history.text(c.commit) ?? null),
                branchUrl: branchUrl(repo, branchName),
                runUrl: runUrl(repo, ci.run_id),
                pr,
                prUrl: pullUrl(repo, pr),
                error: error === null ? null : (0,redact/* sanitizeErrorText */.l9)(error, MAX_ERROR_CHARS),
                details: detailsOf(c.record.metadata),
            };
        });
    }
}
/** The model of a whole history in one call (pure). */
function model_buildDashboardModel(records, options = {}) {
    const builder = new DashboardModelBuilder(options);
    for (const record of records)
        builder.add(record);
    return builder.build();
}

;// CONCATENATED MODULE: ./src/report/dashboard/index.ts
/**
 * The self-contained HTML dashboard: one file, no network (CSS, script and chart drawing inline),
 * opened offline or uploaded as an artifact. Data goes in as inert JSON and reaches the page only
 * through textContent/setAttribute; a hash-based Content-Security-Policy lets exactly our one
 * script run, so nothing in a history (names, metadata, error text) can execute.
 */












function sha256Base64(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64');
}
/**
 * JSON that is inert inside <script type="application/json">: `<`, `>` and `&` become \u003c etc.
 * so no `</script>` or `<!--` can appear; U+2028/9 are escaped for old parsers.
 */
function embedJson(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => {
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
/** The page's Content-Security-Policy: only our inline script and stylesheet, by hash. */
function contentSecurityPolicy(script, css) {
    return [
        "default-src 'none'",
        `script-src 'sha256-${sha256Base64(script)}'`,
        `style-src 'sha256-${sha256Base64(css)}'`,
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}
function isModel(input) {
    return (typeof input === 'object' &&
        input !== null &&
        input.version === 1 &&
        Array.isArray(input.series));
}
/** The complete HTML page for a history (records) or a ready model. Pure. */
function renderDashboard(input, options = {}) {
    const model = isModel(input) ? input : buildDashboardModel(input, options);
    return renderModel(model);
}
function renderModel(model) {
    const title = (0,sanitize/* escapeHtml */.ZD)(model.title);
    const csp = contentSecurityPolicy(DASHBOARD_CLIENT_JS, DASHBOARD_CSS);
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="dev-metrics">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<main>
<header class="top"><h1 id="title">${title}</h1><span class="sub" id="subtitle"></span></header>
<noscript><p>This dashboard draws its tables and charts with JavaScript; allow scripts for this file to see them.</p></noscript>
<nav class="filters" aria-label="Filters">
<label>Operation <select id="f-op"></select></label>
<label>Branch <select id="f-branch"></select></label>
<label>Time range <select id="f-range"></select></label>
<span class="count" id="f-count"></span>
</nav>
<p class="bound" id="bound" hidden></p>
<section class="card" id="attention"><h2>Needs attention <span class="hint">operations that got slower, are flaky or are failing, most urgent first</span></h2><div id="attention-body"></div></section>
<section class="card" id="overview"><h2>Operations</h2>
<div class="table-wrap"><table>
<thead><tr><th>Operation</th><th class="num">Runs</th><th class="num">Success</th><th class="num">Avg</th><th class="num">p50</th><th class="num">p95</th><th>Trend</th><th>Last run</th></tr></thead>
<tbody id="overview-rows"></tbody>
</table></div>
<p class="empty" id="overview-empty" hidden>No runs in this selection.</p>
</section>
<section class="card" id="charts"><h2>Over time <span class="hint">failed runs in red · dashed line: median · hover a chart for details · a step's selector shows its recorded values</span></h2><div class="charts" id="charts-body"></div></section>
<section class="card" id="others" hidden><h2>Other operations <span class="hint" id="others-hint"></span></h2>
<div class="tools"><label>Filter <input type="search" id="others-filter" placeholder="operation name" autocomplete="off" spellcheck="false"></label><span class="count" id="others-count"></span></div>
<div class="table-wrap"><table>
<thead><tr><th data-sort="name"><button type="button" class="sort">Operation</button></th><th class="num" data-sort="runs"><button type="button" class="sort">Runs</button></th><th class="num" data-sort="rate"><button type="button" class="sort">Success</button></th><th class="num" data-sort="p50"><button type="button" class="sort">Median</button></th><th class="num" data-sort="p95"><button type="button" class="sort">p95</button></th><th data-sort="lastT"><button type="button" class="sort">Last run</button></th></tr></thead>
<tbody id="others-rows"></tbody>
</table></div>
<p class="empty" id="others-empty" hidden>No operation matches.</p>
<button type="button" class="more" id="others-more" hidden>Show more</button>
</section>
<section class="card" id="runs"><h2>Recent runs <span class="hint" id="runs-hint"></span></h2>
<div class="table-wrap"><table>
<thead><tr><th>When</th><th>Operation</th><th class="num">Duration</th><th>Status</th><th>Branch</th><th>Commit</th><th>Error / details</th></tr></thead>
<tbody id="runs-rows"></tbody>
</table></div>
<p class="empty" id="runs-empty" hidden>No runs in this selection.</p>
<button type="button" class="more" id="runs-more" hidden>Show more</button>
</section>
<footer><p id="foot"></p></footer>
</main>
<script type="application/json" id="data">${embedJson(model)}</script>
<script>${DASHBOARD_CLIENT_JS}</script>
</body>
</html>
`;
}
/**
 * Writes `text` to `outputFile` whole or not at all: into a temp file beside it (same directory,
 * so the rename cannot cross file systems), then renamed over it. The temp file never outlives a
 * failure; the failure becomes a one-line DevMetricsError naming outputFile and the fix.
 * `fromMetricsDir` says the path was derived from metricsDir, which is then what to fix.
 */
async function writeWhole(outputFile, text, fromMetricsDir) {
    const target = external_node_path_default().resolve(outputFile);
    const dir = external_node_path_default().dirname(target);
    const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(target)}.${process.pid}.tmp`);
    const cannot = `generateDashboard: cannot write outputFile '${outputFile}'`;
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    catch (error) {
        const file = await nearestNonDirectory(dir);
        if (file === null)
            throw writeError(cannot, error);
        const fix = fromMetricsDir
            ? 'pass a metricsDir that is a directory'
            : 'pass an outputFile inside a directory';
        throw new errors/* DevMetricsError */.xm(`${cannot}: '${file}' is a file, not a directory; ${fix}`, {
            cause: error,
        });
    }
    try {
        await (0,promises_.writeFile)(temp, text, 'utf8');
        await (0,promises_.rename)(temp, target);
    }
    catch (error) {
        // Best effort: a directory squatting on the temp name is not ours to delete.
        await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        const isDirectory = await (0,promises_.stat)(target).then((s) => s.isDirectory(), () => false);
        if (isDirectory) {
            throw new errors/* DevMetricsError */.xm(`${cannot}: it is a directory; pass a file path like ${external_node_path_default().join(outputFile, 'dashboard.html')}`, { cause: error });
        }
        throw writeError(cannot, error);
    }
}
function writeError(cannot, error) {
    const code = error.code ?? String(error).split('\n')[0];
    return new errors/* DevMetricsError */.xm(`${cannot}: ${code}; check the path and its permissions`, {
        cause: error,
    });
}
/** The first existing ancestor of `dir` (itself included) when it is not a directory. */
async function nearestNonDirectory(dir) {
    for (let current = dir;; current = external_node_path_default().dirname(current)) {
        const found = await (0,promises_.stat)(current).catch(() => null);
        if (found !== null)
            return found.isDirectory() ? null : current;
        if (external_node_path_default().dirname(current) === current)
            return null;
    }
}
/**
 * Reads the last `days` days of `metricsDir` (streaming), writes the dashboard to `outputFile`
 * (creating its directory; written whole or not at all) and says what it wrote.
 */
async function generateDashboard(options = {}) {
    const metricsDir = options.metricsDir ?? '.metrics';
    const outputFile = options.outputFile ?? external_node_path_default().join(metricsDir, 'dashboard.html');
    const days = options.days ?? 30;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
        throw new errors/* DevMetricsError */.xm(`generateDashboard: days must be a positive number, got ${String(days)}; e.g. days: 30`);
    }
    const modelOptions = { ...options, days };
    const builder = new DashboardModelBuilder(modelOptions);
    if (options.records !== undefined) {
        for (const record of options.records)
            builder.add(record);
        return writeModel(builder.build(), outputFile, options.outputFile === undefined);
    }
    const history = new core_history/* ColumnarHistory */.OO();
    const { report } = await readHistoryRows(metricsDir, {
        since: builder.windowStartMs,
        // Newest first: the runs table keeps only the newest runs of each series, so the older
        // records die young instead of being held until a trim.
        newestFirst: true,
        ...(options.onWarning !== undefined ? { onWarning: options.onWarning } : {}),
    }, (row, source) => builder.addRow(history, row, source), history);
    builder.skip(report.skippedLines + report.unmeasuredRecords);
    return writeModel(builder.build(), outputFile, options.outputFile === undefined);
}
async function writeModel(model, outputFile, defaultFile) {
    const html = renderModel(model);
    await writeWhole(outputFile, html, defaultFile);
    return {
        outputFile,
        operations: model.totals.operations,
        records: model.totals.records,
        bytes: Buffer.byteLength(html, 'utf8'),
    };
}


/***/ })

};
