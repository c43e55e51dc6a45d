/**
 * The history as columns: what every reader of `.metrics/` (summary, insight, reports, dashboard,
 * CLI, action) keeps of each run, read once. Names and CI fields are interned (each distinct text
 * stored once, rows hold its index), times and durations live in typed arrays, so a year of a busy
 * repository is tens of bytes a run instead of a record object, and the garbage collector has
 * almost nothing to trace. Rows stay in the order they were added (file order).
 * Pure: history-read.ts fills it from the day files.
 */
import { ciMatrix, ciRunId, ciText } from './ci.js';
import { parseTimestamp, type ExecutionRecord } from './record.js';
import type { RecordScanner } from './record-scan.js';
import {
  F_BRANCH,
  F_DEFAULT_BRANCH,
  F_JOB,
  F_MATRIX,
  F_NAME,
  F_RUN_ID,
  F_RUNNER_ARCH,
  F_RUNNER_OS,
  F_SHA,
} from './scan-fields.js';
import { carriesValues, valuesOf, type Better } from './values.js';

/** No text in this row (an index column's empty cell). */
export const NONE = -1;

/** Bits of the `flags` column. */
export const FAILED = 1;
/** error === 'cancelled': the action writes it for a step the runner cancelled. */
export const CANCELLED = 2;

const INITIAL_ROWS = 1024;
const CACHE_SLOTS = 4096;

type Column = Float64Array | Int32Array | Uint8Array;

function grown<T extends Column>(column: T, size: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(size);
  bigger.set(column);
  return bigger;
}

/** The CI fields a row keeps, each an index into the history's texts (NONE when absent). */
const TEXT_FIELDS = [
  'sha',
  'branch',
  'job',
  'runnerOs',
  'runnerArch',
  'matrix',
  'runId',
  'defaultBranch',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** What a compact history leaves out: the leg (job, runner, matrix) and the run id. */
const LEG_FIELDS = ['job', 'runnerOs', 'runnerArch', 'matrix', 'runId'] as const;
const KEPT_COMPACT = TEXT_FIELDS.filter((f) => !(LEG_FIELDS as readonly string[]).includes(f));

export interface HistoryOptions {
  /**
   * Keep only what per-name statistics read (name, times, status, sha, branch, pull request,
   * default branch): no job, runner, matrix or run id, a third less memory and interning per row.
   * Series (legs) and baselines that exclude run ids need the full history. Default false.
   */
  compact?: boolean;
}

/** A stable text of a matrix (keys sorted), or undefined without one. */
export function matrixText(
  matrix: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (matrix === undefined) return undefined;
  const keys = Object.keys(matrix).sort();
  if (keys.length === 0) return undefined;
  return JSON.stringify(keys.map((k) => [k, matrix[k]]));
}

/**
 * The narrow view the detectors read: rows of one series and the number measured at each, with
 * the direction that is an improvement. Generic over what is measured: a step's durations
 * (durationView) or one of its numeric values (ColumnarHistory.valueView), so both go through the
 * same baseline, candidate, regression and trend code.
 */
export interface MeasureView {
  /** Durations are never negative (a negative one is unusable); values may be 0 or below. */
  readonly kind: 'duration' | 'value';
  /** Rows of the history, ascending (row order). */
  readonly rows: Int32Array;
  /** The number measured at rows[k] (NaN: not measured). */
  readonly numbers: Float64Array;
  /** Which way is an improvement: 'smaller' for durations. */
  readonly better: Better;
  /** Shown beside the numbers; undefined for durations (ms) and unitless values. */
  readonly unit?: string;
}

/**
 * A copy of `text` that shares no memory with the text it was cut from: V8 cuts a substring of 13
 * characters or more as a view of its parent, which would keep a whole chunk of a day file alive
 * for as long as the history holds one text of it.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Whether bytes[start, end) holds exactly `other`'s bytes. */
function sameBytes(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let k = 0; k < other.length; k++) if (bytes[start + k] !== other[k]) return false;
  return true;
}

/** The durations of `rows` (default: all) as a MeasureView. */
export function durationView(history: ColumnarHistory, rows?: ArrayLike<number>): MeasureView {
  const n = rows === undefined ? history.length : rows.length;
  const picked = new Int32Array(n);
  const numbers = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = rows === undefined ? k : rows[k]!;
    picked[k] = row;
    numbers[k] = history.durationMs[row]!;
  }
  return { kind: 'duration', rows: picked, numbers, better: 'smaller' };
}

/**
 * One value name's cells, a sparse side table of the history: most records carry no values, so
 * the table costs nothing for them. unit/better are the newest seen (value_info of the last row).
 */
export interface ValueColumn {
  readonly name: string;
  unit: string | undefined;
  better: Better;
  /** Cells held; rows[0..length) and numbers[0..length) are parallel, rows ascending. */
  length: number;
  rows: Int32Array;
  numbers: Float64Array;
}

export class ColumnarHistory {
  /** Rows held. */
  length = 0;
  /** True when the leg columns and run ids are not kept (see HistoryOptions.compact). */
  readonly compact: boolean;
  /** Every interned text; the index columns point into it. */
  readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();
  /** Operation (step) name of each row. */
  name = new Int32Array(INITIAL_ROWS);
  /** started_at, epoch ms (NaN when unreadable: only rows built from records can have that). */
  startedMs = new Float64Array(INITIAL_ROWS);
  /** duration_ms (NaN when the record's is not a number). */
  durationMs = new Float64Array(INITIAL_ROWS);
  /** FAILED | CANCELLED bits. */
  flags = new Uint8Array(INITIAL_ROWS);
  /** metadata.ci.pr_number, NaN when not a pull-request run. */
  prNumber = new Float64Array(INITIAL_ROWS);
  sha = new Int32Array(INITIAL_ROWS);
  branch = new Int32Array(INITIAL_ROWS);
  job = new Int32Array(INITIAL_ROWS);
  runnerOs = new Int32Array(INITIAL_ROWS);
  runnerArch = new Int32Array(INITIAL_ROWS);
  /** matrixText of metadata.ci.matrix. */
  matrix = new Int32Array(INITIAL_ROWS);
  runId = new Int32Array(INITIAL_ROWS);
  defaultBranch = new Int32Array(INITIAL_ROWS);
  // The last text interned per column: runs come in groups (one job's steps share sha, branch,
  // run id), so most lookups end at one string comparison instead of a hash.
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastId: number[] = [];
  /** The bytes of a column's last text as the scanner found them (see internField). */
  private readonly lastBytes: (Uint8Array | undefined)[] = [];
  /** internField's cache: texts by a hash of their bytes as found in the file. */
  private readonly cacheBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(
    CACHE_SLOTS,
  );
  private readonly cacheBytesId = new Int32Array(CACHE_SLOTS);

  // A direct-mapped cache in front of textIds: texts parsed from each line are fresh strings, whose
  // hash a Map lookup must compute from every character; three characters and the length pick a
  // slot here, and one comparison usually settles it.
  private readonly cacheText: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
  private readonly cacheId = new Int32Array(CACHE_SLOTS);

  /** metadata.values by value name (insertion order: first seen); empty without values. */
  readonly values = new Map<string, ValueColumn>();

  constructor(options: HistoryOptions = {}) {
    this.compact = options.compact === true;
    if (this.compact) for (const field of LEG_FIELDS) this[field] = new Int32Array(0);
  }

  /** Throws when this history is compact: `what` needs the leg columns or run ids. */
  requireLegs(what: string): void {
    if (this.compact) {
      throw new Error(
        `${what} needs the job, runner, matrix and run id columns: not a compact history`,
      );
    }
  }

  /** The interned text's index (NONE for undefined). */
  intern(text: string | undefined): number {
    if (text === undefined) return NONE;
    const n = text.length;
    // The last three characters too: texts that differ only in a number at the end (branches
    // like feature/change-123) would otherwise share a few slots and miss nearly every time.
    const slot =
      n < 3
        ? n === 0
          ? 0
          : text.charCodeAt(0) & (CACHE_SLOTS - 1)
        : (n * 31 +
            text.charCodeAt(0) * 7 +
            text.charCodeAt(n >> 1) * 5 +
            text.charCodeAt(n - 1) +
            text.charCodeAt(n - 2) * 131 +
            text.charCodeAt(n - 3) * 1031) &
          (CACHE_SLOTS - 1);
    if (this.cacheText[slot] === text) return this.cacheId[slot]!;
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      // A text cut from a chunk of the file (the scanner's) would keep the whole chunk alive:
      // the history keeps its own copy.
      const own = ownCopy(text);
      this.texts.push(own);
      this.textIds.set(own, id);
    }
    this.cacheText[slot] = this.texts[id];
    this.cacheId[slot] = id;
    return id;
  }

  /** The text at `id`, undefined for NONE. */
  text(id: number): string | undefined {
    return id === NONE ? undefined : this.texts[id];
  }

  /** The index of `text` if some row holds it, else NONE (for selections by name, sha, ...). */
  idOf(text: string | undefined): number {
    return text === undefined ? NONE : (this.textIds.get(text) ?? NONE);
  }

  /** Interns `text` into `column[row]`; `slot` numbers the column for its last-text cache. */
  private internInto(
    slot: number,
    column: Int32Array,
    row: number,
    text: string | undefined,
  ): void {
    if (text === undefined) {
      column[row] = NONE;
    } else if (this.lastText[slot] === text) {
      column[row] = this.lastId[slot]!;
    } else {
      const id = this.intern(text);
      column[row] = id;
      this.lastText[slot] = this.texts[id];
      this.lastId[slot] = id;
      this.lastBytes[slot] = undefined;
    }
  }

  /**
   * Makes room for `rows` rows in all, at once: a reader that can estimate its row count saves
   * the growth steps, each of which briefly holds the old columns beside the new ones.
   */
  reserveRows(rows: number): void {
    if (rows > this.startedMs.length) this.resize(Math.ceil(rows));
  }

  private reserve(): void {
    if (this.length < this.startedMs.length) return;
    // ×1.5: a million rows end with at most a third of the columns unused.
    this.resize(Math.ceil(this.length * 1.5));
  }

  private resize(size: number): void {
    this.name = grown(this.name, size);
    this.startedMs = grown(this.startedMs, size);
    this.durationMs = grown(this.durationMs, size);
    this.flags = grown(this.flags, size);
    this.prNumber = grown(this.prNumber, size);
    for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS) {
      this[field] = grown(this[field], size);
    }
  }

  /**
   * Adds a record as one row; returns its index. `startedMs` saves a second parse when the reader
   * has it. Takes any record shape the detectors accept (fields of the wrong type count as absent).
   */
  add(record: ExecutionRecord, startedMs?: number): number {
    this.reserve();
    const row = this.length++;
    const name = record.name;
    this.internInto(0, this.name, row, typeof name === 'string' ? name : String(name));
    this.startedMs[row] = startedMs ?? parseTimestamp(String(record.started_at ?? '').trim());
    const duration = record.duration_ms;
    this.durationMs[row] = typeof duration === 'number' ? duration : NaN;
    this.flags[row] =
      (record.status === 'success' ? 0 : FAILED) | (record.error === 'cancelled' ? CANCELLED : 0);
    // The fields one by one, with parseCi's rules (rawCi, ciText, ciNumber) written out here: no
    // CiFields object per row, and each key a constant (a helper taking the key as an argument
    // makes every read a keyed lookup, the slowest kind, at a million rows).
    const metadata = record.metadata as unknown;
    const raw =
      typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>)['ci']
        : undefined;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.prNumber[row] = NaN;
      for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS) this[field][row] = NONE;
      return this.addValuesOf(record, row);
    }
    const ci = raw as Record<string, unknown>;
    const pr = ci['pr_number'];
    this.prNumber[row] = typeof pr === 'number' && Number.isFinite(pr) ? pr : NaN;
    const sha = ci['sha'];
    this.internInto(1, this.sha, row, typeof sha === 'string' && sha !== '' ? sha : undefined);
    const branch = ci['branch'];
    this.internInto(
      2,
      this.branch,
      row,
      typeof branch === 'string' && branch !== '' ? branch : undefined,
    );
    const defaultBranch = ci['default_branch'];
    this.internInto(
      8,
      this.defaultBranch,
      row,
      typeof defaultBranch === 'string' && defaultBranch !== '' ? defaultBranch : undefined,
    );
    if (this.compact) return this.addValuesOf(record, row);
    this.internInto(3, this.job, row, ciText(ci, 'job'));
    this.internInto(4, this.runnerOs, row, ciText(ci, 'runner_os'));
    this.internInto(5, this.runnerArch, row, ciText(ci, 'runner_arch'));
    const matrix = ci['matrix'];
    this.matrix[row] =
      matrix === undefined || matrix === null ? NONE : this.intern(matrixText(ciMatrix(ci)));
    this.internInto(7, this.runId, row, ciRunId(ci));
    return this.addValuesOf(record, row);
  }

  /**
   * add() for the record `scanner` just read in place (RecordScanner.scan took its line): the
   * same row, without the record object. Texts are interned from where they stand in the line;
   * one of the same column as the row before is recognised without cutting it out.
   */
  addScanned(scanner: RecordScanner, startedMs: number): number {
    this.reserve();
    const row = this.length++;
    this.internField(0, this.name, row, scanner, F_NAME, true);
    this.startedMs[row] = startedMs;
    this.durationMs[row] = scanner.durationMs;
    this.flags[row] = (scanner.failed ? FAILED : 0) | (scanner.cancelled ? CANCELLED : 0);
    if (!scanner.hasCi) {
      this.prNumber[row] = NaN;
      for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS) this[field][row] = NONE;
      return row;
    }
    this.prNumber[row] = scanner.prNumber;
    this.internField(1, this.sha, row, scanner, F_SHA, false);
    this.internField(2, this.branch, row, scanner, F_BRANCH, false);
    this.internField(8, this.defaultBranch, row, scanner, F_DEFAULT_BRANCH, false);
    if (this.compact) return row;
    this.internField(3, this.job, row, scanner, F_JOB, false);
    this.internField(4, this.runnerOs, row, scanner, F_RUNNER_OS, false);
    this.internField(5, this.runnerArch, row, scanner, F_RUNNER_ARCH, false);
    const matrix = scanner.starts[F_MATRIX]!;
    this.matrix[row] =
      matrix < 0
        ? NONE
        : this.intern(
            matrixText(
              ciMatrix({
                matrix: JSON.parse(
                  scanner.bytes.toString('utf8', matrix, scanner.ends[F_MATRIX]),
                ) as unknown,
              }),
            ),
          );
    const runId = scanner.runIdNumber;
    if (Number.isNaN(runId)) this.internField(7, this.runId, row, scanner, F_RUN_ID, true);
    else this.internInto(7, this.runId, row, String(runId));
    return row;
  }

  /**
   * internInto for a field the scanner located (NONE when absent, or empty unless `keepEmpty`),
   * by its bytes: the column's last text, then a direct-mapped cache keyed by a hash of the bytes,
   * so a text seen before costs neither a new string nor a Map lookup. Raw bytes (escapes and
   * all) that are equal are the same text.
   */
  private internField(
    slot: number,
    column: Int32Array,
    row: number,
    scanner: RecordScanner,
    field: number,
    keepEmpty: boolean,
  ): void {
    const start = scanner.starts[field]!;
    const end = scanner.ends[field]!;
    if (start < 0 || (start === end && !keepEmpty)) {
      column[row] = NONE;
      return;
    }
    const bytes = scanner.bytes;
    const last = this.lastBytes[slot];
    if (last !== undefined && sameBytes(bytes, start, end, last)) {
      column[row] = this.lastId[slot]!;
      return;
    }
    let hash = end - start;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ bytes[k]!, 0x01000193);
    const cacheSlot = hash & (CACHE_SLOTS - 1);
    let known = this.cacheBytes[cacheSlot];
    let id: number;
    if (known !== undefined && sameBytes(bytes, start, end, known)) {
      id = this.cacheBytesId[cacheSlot]!;
    } else {
      id = this.intern(scanner.fieldText(field));
      // A copy: the read buffer is refilled.
      known = new Uint8Array(bytes.subarray(start, end));
      this.cacheBytes[cacheSlot] = known;
      this.cacheBytesId[cacheSlot] = id;
    }
    column[row] = id;
    this.lastText[slot] = this.texts[id];
    this.lastId[slot] = id;
    this.lastBytes[slot] = known;
  }

  /** The record's values into the side table; returns `row`. */
  private addValuesOf(record: ExecutionRecord, row: number): number {
    if (carriesValues(record.metadata)) this.addValues(row, record.metadata);
    return row;
  }

  private addValues(row: number, metadata: Record<string, unknown>): void {
    for (const value of valuesOf(metadata)) {
      let column = this.values.get(value.name);
      if (column === undefined) {
        column = {
          name: value.name,
          unit: value.unit,
          better: value.better,
          length: 0,
          rows: new Int32Array(16),
          numbers: new Float64Array(16),
        };
        this.values.set(value.name, column);
      }
      if (column.length === column.rows.length) {
        column.rows = grown(column.rows, column.length * 2);
        column.numbers = grown(column.numbers, column.length * 2);
      }
      column.rows[column.length] = row;
      column.numbers[column.length] = value.value;
      column.length++;
      column.unit = value.unit;
      column.better = value.better;
    }
  }

  /**
   * The series of value `name` within `rows` (ascending; default: all rows): the rows among them
   * that carry the value, and its numbers. Undefined when no row carries it. A value series is a
   * step series' rows (see seriesOfHistory) and a value name.
   */
  valueView(name: string, rows?: ArrayLike<number>): MeasureView | undefined {
    const column = this.values.get(name);
    if (column === undefined) return undefined;
    const outRows: number[] = [];
    const numbers: number[] = [];
    if (rows === undefined) {
      for (let k = 0; k < column.length; k++) {
        outRows.push(column.rows[k]!);
        numbers.push(column.numbers[k]!);
      }
    } else {
      // Both ascending: one merge pass.
      let k = 0;
      for (let j = 0; j < rows.length && k < column.length; j++) {
        const row = rows[j]!;
        while (k < column.length && column.rows[k]! < row) k++;
        if (k < column.length && column.rows[k] === row) {
          outRows.push(row);
          numbers.push(column.numbers[k]!);
        }
      }
    }
    const view: MeasureView = {
      kind: 'value',
      rows: Int32Array.from(outRows),
      numbers: Float64Array.from(numbers),
      better: column.better,
      ...(column.unit === undefined ? {} : { unit: column.unit }),
    };
    return view;
  }

  /** A history of `records`, in their order. */
  static of(records: Iterable<ExecutionRecord>, options: HistoryOptions = {}): ColumnarHistory {
    const history = new ColumnarHistory(options);
    for (const record of records) history.add(record);
    return history;
  }

  /** Rows of each name, in row order; names in first-seen order. */
  rowsByName(rows?: ArrayLike<number>): Map<string, Int32Array> {
    // Counts and fill positions in arrays indexed by the name's text id: no map lookup per row.
    const counts = new Int32Array(this.texts.length);
    const order: number[] = [];
    const n = rows === undefined ? this.length : rows.length;
    for (let k = 0; k < n; k++) {
      const id = this.name[rows === undefined ? k : rows[k]!]!;
      if (counts[id]!++ === 0) order.push(id);
    }
    const lists: Int32Array[] = new Array<Int32Array>(this.texts.length);
    for (const id of order) lists[id] = new Int32Array(counts[id]!);
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const row = rows === undefined ? k : rows[k]!;
      const id = this.name[row]!;
      lists[id]![counts[id]!++] = row;
    }
    const out = new Map<string, Int32Array>();
    for (const id of order) out.set(this.texts[id]!, lists[id]!);
    return out;
  }

  /** metadata.ci.default_branch of the newest row that records it (ties: the later row). */
  newestDefaultBranch(rows?: ArrayLike<number>): string | undefined {
    let best = NONE;
    let bestMs = -Infinity;
    const n = rows === undefined ? this.length : rows.length;
    for (let k = 0; k < n; k++) {
      const row = rows === undefined ? k : rows[k]!;
      const id = this.defaultBranch[row]!;
      if (id === NONE) continue;
      const ms = this.startedMs[row]!;
      if (!(ms < bestMs)) {
        bestMs = ms;
        best = id;
      }
    }
    return this.text(best);
  }

  /** Start of the newest row with a readable time, -Infinity when none. */
  newestStart(rows?: ArrayLike<number>): number {
    let newest = -Infinity;
    const n = rows === undefined ? this.length : rows.length;
    for (let k = 0; k < n; k++) {
      const t = this.startedMs[rows === undefined ? k : rows[k]!]!;
      if (t > newest) newest = t;
    }
    return newest;
  }
}
