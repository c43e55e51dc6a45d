/**
 * The `.metrics/` store: one JSONL file per UTC day, `YYYY-MM-DD.jsonl`. Appends are safe from many
 * processes at once; reads stream in bounded memory, skip bad lines and never throw on a bad file.
 * Files whose names are not `YYYY-MM-DD.jsonl` are never read, written or deleted, and neither is
 * anything so named that is not a regular file: a directory, a FIFO, or a symbolic link (never
 * followed, so a link planted in the folder cannot read or write a file elsewhere).
 */

import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DevMetricsError, requireNonNegativeInteger } from './errors.js';
import { BLANK_LINE, parseJsonLine } from './json-line.js';
import { writeAllSync } from './sync-io.js';
import {
  dayFileName,
  hasNonFiniteDuration,
  normalizeRecord,
  parseTimestamp,
  serializeRecord,
  validRecordStartMs,
  type ExecutionRecord,
} from './record.js';
import { DAY_MS } from './record.js';

export { DAY_MS } from './record.js';

/** The only file names the store touches. */
export const DAY_FILE_RE = /^(\d{4})-(\d{2})-(\d{2})\.jsonl$/;

// Through `fs.promises`, loaded on first use: node:fs/promises and node:timers/promises are two
// modules more for Node to load (~2.5 ms), and a wrapped step reads its runs without either.
const fsp = (): typeof fs.promises => fs.promises;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read size. Each piece read becomes one string: under V8's large-object size (128 KiB) it lives
 * and dies in the young generation. 1 MiB pieces went to the large-object space, freed late: a
 * 100,000-record read kept main's peak RSS ~20 MiB higher, for no measurable speed.
 */
const CHUNK_BYTES = 1 << 16;

export interface DayFile {
  /** `2025-10-20.jsonl` */
  name: string;
  path: string;
  /** Epoch ms of the day's UTC midnight. */
  dayMs: number;
}

export type WarningHandler = (message: string) => void;

/** Default warning sink: one line on stderr. */
export const consoleWarning: WarningHandler = (message) => console.warn(message);

export interface ReadOptions {
  /** Keep records with started_at >= since (epoch ms). */
  since?: number;
  /** Keep records with started_at < until (epoch ms). */
  until?: number;
  /**
   * Keep only this operation. Lines that cannot hold it (its name's JSON text is not in them) are
   * not parsed, so a malformed line of another operation is neither read nor counted.
   */
  name?: string;
  /** Read day files newest first (records within a file stay in file order). */
  newestFirst?: boolean;
  /** Called at most once per read when lines or files were skipped; default console.warn. */
  onWarning?: WarningHandler | null;
}

export interface ReadReport {
  filesRead: number;
  records: number;
  skippedLines: number;
  /**
   * Records whose duration_ms is NaN or ±Infinity (the Python tool can write them): readable, but
   * with no duration to measure, so left out of every statistic and listing, and counted here.
   */
  unmeasuredRecords: number;
  unreadableFiles: number;
  /** `2025-10-20.jsonl:17` for the first skipped line, or the first unreadable file and why. */
  firstProblem: string | null;
}

/** Epoch ms of the UTC midnight a day file stands for, or NaN when the name is not a day file. */
export function dayFileDate(fileName: string): number {
  const m = DAY_FILE_RE.exec(fileName);
  if (m === null) return NaN;
  const ms = parseTimestamp(`${m[1]}-${m[2]}-${m[3]}T00:00:00`);
  return ms;
}

function errorCode(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? e?.message ?? String(error);
}

/** Why a directory entry named like a day file is not one the store touches. */
function notRegularReason(entry: fs.Dirent | fs.Stats): string {
  if (entry.isSymbolicLink()) return 'a symbolic link, not followed';
  if (entry.isDirectory()) return 'a directory, not a regular file';
  return 'not a regular file';
}

/** Receives each entry named like a day file that is skipped because it is not a regular file. */
export type SkippedEntryHandler = (name: string, reason: string) => void;

/**
 * The day files of `dir`, oldest first; [] when the directory does not exist. Only regular files:
 * the entry's own type (lstat), so a symlink is skipped, never followed. `onSkipped` hears of the
 * others named like day files.
 */
export async function listDayFiles(
  dir: string,
  onSkipped?: SkippedEntryHandler,
): Promise<DayFile[]> {
  let entries: fs.Dirent[];
  try {
    entries = await new Promise<fs.Dirent[]>((resolve, reject) =>
      fs.readdir(dir, { withFileTypes: true }, (error, found) =>
        error ? reject(error) : resolve(found),
      ),
    );
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw new DevMetricsError(
      `Cannot list metrics directory ${dir} (${errorCode(error)}); check it is a readable directory`,
      { cause: error },
    );
  }
  const files: DayFile[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const dayMs = dayFileDate(name);
    if (Number.isNaN(dayMs)) continue;
    // readdir reports the entry's own type (lstat when the file system does not say).
    if (entry.isFile()) files.push({ name, path: path.join(dir, name), dayMs });
    else onSkipped?.(name, notRegularReason(entry));
  }
  return files.sort((a, b) => a.dayMs - b.dayMs);
}

/** Raised for a path that is not a regular file; its message is the reason. */
class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
}

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** ELOOP from O_NOFOLLOW, or a non-regular file: said as a reason a person understands. */
async function notRegular(file: string, error: unknown): Promise<never> {
  if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EISDIR') {
    const stats = await fsp()
      .lstat(file)
      .catch(() => null);
    if (stats !== null && !stats.isFile()) throw new NotRegularFileError(notRegularReason(stats));
  }
  throw error;
}

/**
 * Opens a day file without following a symlink, and only if it is a regular file (a FIFO would
 * block a read forever; O_NONBLOCK lets the open return so fstat can refuse it).
 */
async function openRegular(file: string, flags: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await fsp().open(file, flags | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    return notRegular(file, error);
  }
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!stats.isFile()) {
    await handle.close();
    throw new NotRegularFileError(notRegularReason(stats));
  }
  return handle;
}

/** openRegular for synchronous callers. */
export function openRegularSync(file: string, flags: number): number {
  let fd: number;
  try {
    fd = fs.openSync(file, flags | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EISDIR') {
      let stats: fs.Stats | null = null;
      try {
        stats = fs.lstatSync(file);
      } catch {
        // gone meanwhile: report the open's error
      }
      if (stats !== null && !stats.isFile()) throw new NotRegularFileError(notRegularReason(stats));
    }
    throw error;
  }
  const stats = fs.fstatSync(fd);
  if (!stats.isFile()) {
    fs.closeSync(fd);
    throw new NotRegularFileError(notRegularReason(stats));
  }
  return fd;
}

/**
 * The buffer of a chunked line reader, apart from its I/O (the text reader is asynchronous, the
 * byte reader synchronous): read into `buffer` from `room()`, then `take(n)` returns the whole
 * lines buffered so far, valid until the next `room()`; what follows the last line break stays for
 * the next read. The buffer grows only for a line longer than it.
 */
class LinePieces {
  /** Offset in the file of the piece `take()` or `rest()` returned last. */
  offset = 0;
  private filled = 0;
  /** Bytes of the piece returned last, dropped by the next room(). */
  private taken = 0;

  constructor(public buffer: Buffer) {}

  /** Drops the piece returned last; where the next read goes (to the buffer's end). */
  room(): number {
    if (this.taken > 0) {
      this.buffer.copy(this.buffer, 0, this.taken, this.filled);
      this.filled -= this.taken;
      this.offset += this.taken;
      this.taken = 0;
    }
    if (this.filled === this.buffer.length) {
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.filled);
      this.buffer = bigger;
    }
    return this.filled;
  }

  /** Counts `bytesRead` new bytes; the whole lines buffered, or undefined while none has ended. */
  take(bytesRead: number): Buffer | undefined {
    this.filled += bytesRead;
    const lastBreak = this.buffer.lastIndexOf(10, this.filled - 1);
    if (lastBreak === -1) return undefined;
    this.taken = lastBreak + 1;
    return this.buffer.subarray(0, this.taken);
  }

  /** At the end of the file: the last line when it does not end with '\n'. */
  rest(): Buffer | undefined {
    this.room();
    return this.filled > 0 ? this.buffer.subarray(0, this.filled) : undefined;
  }
}

/**
 * Yields the file's text in pieces that each end at a line break (the last piece may not, when the
 * file does not end with one). Memory: one read buffer, grown only for a line longer than it.
 * Splitting bytes at the last '\n' keeps multi-byte UTF-8 characters whole. Refuses (throws for)
 * a symlink or anything but a regular file.
 */
export async function* readTextChunks(file: string): AsyncGenerator<string> {
  const handle = await openRegular(file, fs.constants.O_RDONLY);
  // The buffer of the previous file when no other read holds it: a read of a month of day files
  // then touches one MiB, not one per file (garbage the GC frees late, so resident memory).
  const lines = new LinePieces(spareBuffer ?? Buffer.allocUnsafe(CHUNK_BYTES));
  spareBuffer = undefined;
  try {
    for (;;) {
      const at = lines.room();
      const { buffer } = lines;
      const { bytesRead } = await handle.read(buffer, at, buffer.length - at, null);
      const piece = bytesRead === 0 ? lines.rest() : lines.take(bytesRead);
      if (piece !== undefined) yield piece.toString('utf8');
      if (bytesRead === 0) return;
    }
  } finally {
    if (lines.buffer.length === CHUNK_BYTES) spareBuffer = lines.buffer;
    await handle.close();
  }
}

let spareBuffer: Buffer | undefined;

/**
 * Read size of a read by name: its pieces are searched as bytes and never decoded whole (only
 * the lines that name the operation become strings), so a piece can be larger than CHUNK_BYTES.
 */
const BYTE_CHUNK_BYTES = 1 << 20;

/** A piece of a day file: whole lines (the last piece may end without '\n'), and where it starts. */
export interface BytePiece {
  bytes: Buffer;
  /** Offset of `bytes[0]` in the file. */
  offset: number;
}

/**
 * readTextChunks for a read by name: the file's bytes in pieces that each end at a line break, in
 * one reused buffer (valid until the next piece). The reads are synchronous: a day file is local,
 * a piece takes well under a millisecond, and each asynchronous call would cost a thread-pool
 * round trip (five per file, most of a small read).
 */
function* readByteChunks(file: string): Generator<BytePiece> {
  const fd = openRegularSync(file, fs.constants.O_RDONLY);
  try {
    yield* byteChunksOf(fd, 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** readByteChunks of an open day file, from `from` (a line's start) on. */
export function* byteChunksOf(fd: number, from: number): Generator<BytePiece> {
  const lines = new LinePieces(spareByteBuffer ?? Buffer.allocUnsafe(BYTE_CHUNK_BYTES));
  spareByteBuffer = undefined;
  lines.offset = from;
  try {
    for (;;) {
      const at = lines.room();
      const { buffer } = lines;
      // The piece's bytes start at lines.offset in the file: read on from there.
      const bytesRead = fs.readSync(fd, buffer, at, buffer.length - at, lines.offset + at);
      const piece = bytesRead === 0 ? lines.rest() : lines.take(bytesRead);
      if (piece !== undefined) yield { bytes: piece, offset: lines.offset };
      if (bytesRead === 0) return;
    }
  } finally {
    if (lines.buffer.length === BYTE_CHUNK_BYTES) spareByteBuffer = lines.buffer;
  }
}

let spareByteBuffer: Buffer | undefined;

/** How many '\n' bytes `bytes` holds before `end`. */
function countLineBreaks(bytes: Buffer, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1 && at < end; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * The 1-based number of the line starting at `lineStart` in a piece of `file` (for the warning's
 * "first:"): a read by name never counts lines, so the lines of the file before the piece are
 * counted here, once per read, when there is something to report.
 */
function lineNumberAt(file: string, piece: BytePiece, lineStart: number): number {
  let before = 0;
  if (piece.offset > 0) {
    try {
      const fd = openRegularSync(file, fs.constants.O_RDONLY);
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        for (let position = 0; position < piece.offset;) {
          const n = fs.readSync(
            fd,
            buffer,
            0,
            Math.min(buffer.length, piece.offset - position),
            position,
          );
          if (n === 0) break;
          before += countLineBreaks(buffer, n);
          position += n;
        }
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // Gone meanwhile: the number counts from the piece's start.
    }
  }
  return before + countLineBreaks(piece.bytes, lineStart) + 1;
}

/**
 * Calls onLine for every line of a file (without its '\n'), with 1-based line numbers. The floor
 * of the benchmark uses it, so the store's reading technique is measured on its own.
 * Throws on I/O errors: callers decide what a bad file means.
 */
export async function forEachLine(
  file: string,
  onLine: (line: string, lineNumber: number) => void,
): Promise<void> {
  let lineNumber = 0;
  for await (const text of readTextChunks(file)) {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      onLine(text.slice(start, end), ++lineNumber);
      start = end + 1;
    }
  }
}

/** Receives each valid record in the window; return false to stop reading. */
export type RecordVisitor = (
  record: ExecutionRecord,
  startedMs: number,
  file: DayFile,
) => boolean | void;

/** The day files a read of `options`' window touches, in the order it reads them. */
export function selectFiles(files: DayFile[], options: ReadOptions): DayFile[] {
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;
  // A record lives in the file of its started_at's UTC date; a day of margin on each side keeps
  // records from writers that named files by local date.
  const selected = files.filter((f) => f.dayMs + 2 * DAY_MS > since && f.dayMs - DAY_MS < until);
  return options.newestFirst === true ? selected.reverse() : selected;
}

/**
 * The pieces of the selected day files, file by file (`read` reads one: text or bytes); unreadable
 * ones are counted in `report`.
 */
async function* dayFilePieces<T>(
  dir: string,
  options: ReadOptions,
  report: ReadReport,
  read: (path: string, file: DayFile) => AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<{ file: DayFile; piece: T }> {
  let files: DayFile[];
  const skipped: SkippedEntryHandler = (name, reason) => {
    if (selectFiles([{ name, path: '', dayMs: dayFileDate(name) }], options).length === 0) return;
    report.unreadableFiles++;
    report.firstProblem ??= `${name} (${reason})`;
  };
  try {
    files = selectFiles(await listDayFiles(dir, skipped), options);
  } catch (error) {
    report.unreadableFiles++;
    report.firstProblem ??= `${dir} (${errorCode((error as Error).cause ?? error)})`;
    return;
  }
  for (const file of files) {
    report.filesRead++;
    try {
      for await (const piece of read(file.path, file)) yield { file, piece };
    } catch (error) {
      skipped(file.name, error instanceof NotRegularFileError ? error.message : errorCode(error));
    }
  }
}

/** How many record starts recordAfterTornLine tries in one line: bounds the cost of garbage. */
const MAX_RECOVERY_TRIES = 8;
const RECORD_START = '{"name"';

/**
 * The record a writer that did not mend a torn line (the Python tool, older versions) appended
 * onto it: `{"name": ...` parsed from where it starts inside the unreadable line, or undefined.
 * Only a whole valid record counts, so a fragment is never mistaken for one.
 */
function recordAfterTornLine(line: string): unknown {
  let at = line.indexOf(RECORD_START, 1);
  for (let tries = 0; at !== -1 && tries < MAX_RECOVERY_TRIES; tries++) {
    const value = parseJsonLine(line.slice(at));
    if (!Number.isNaN(validRecordStartMs(value)) || hasNonFiniteDuration(value)) return value;
    at = line.indexOf(RECORD_START, at + 1);
  }
  return undefined;
}

/**
 * Names whose JSON text is the same from every writer: JSON.stringify, Python's json.dumps
 * (non-ASCII as \u escapes) and encoders that escape '/', '<', '>' or '&' all leave these
 * characters as they are.
 */
const PLAIN_NAME = /^[\w .:,;()[\]#@!?+=*%$~^|'-]+$/;

/** What RecordLines.line says of one line (bits). */
const LINE_STOP = 1;
const LINE_PROBLEM = 2;

/**
 * Turns chunks of lines into valid, filtered records, counting bad lines in `report`. Each record
 * goes to the visitor as soon as it is parsed, so it dies young (cheap for the GC) unless kept.
 */
class RecordLines {
  private file: DayFile | undefined;
  private lineNumber = 0;
  private readonly since: number;
  private readonly until: number;
  private readonly wanted: string | undefined;
  /** `"<name>"` when every writer spells the name that way, else undefined (parse every line). */
  private readonly needle: string | undefined;
  /**
   * The needle's bytes without its opening quote (ASCII: found in the bytes exactly where it is in
   * the text): a match is one preceded by '"'. Searching from the name's first letter, not from
   * '"' (every few bytes of JSON), is what makes the search fast.
   */
  readonly needleBytes: Buffer | undefined;

  constructor(
    options: ReadOptions,
    private readonly report: ReadReport,
  ) {
    this.since = options.since ?? -Infinity;
    this.until = options.until ?? Infinity;
    this.wanted = options.name;
    this.needle =
      this.wanted !== undefined && PLAIN_NAME.test(this.wanted)
        ? JSON.stringify(this.wanted)
        : undefined;
    this.needleBytes =
      this.needle === undefined ? undefined : Buffer.from(this.needle.slice(1), 'latin1');
  }

  /** Processes every line of `text`; false when the visitor asked to stop. */
  process(file: DayFile, text: string, visit: RecordVisitor): boolean {
    if (file !== this.file) {
      this.file = file;
      this.lineNumber = 0;
    }
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      this.lineNumber++;
      // Parsing is most of a read's cost: a step reading its own runs skips the other steps' lines.
      if (this.needle !== undefined && !line.includes(this.needle)) continue;
      const outcome = this.line(file, line, visit);
      if (outcome & LINE_PROBLEM) this.report.firstProblem ??= `${file.name}:${this.lineNumber}`;
      if (outcome & LINE_STOP) return false;
    }
    return true;
  }

  /**
   * process() for a read of every name in byte pieces: each line goes to `fast` first, and only
   * the lines it declines are decoded and parsed (with the same checks and counts).
   */
  processScanned(file: DayFile, piece: BytePiece, visit: RecordVisitor, fast: FastLines): boolean {
    if (file !== this.file) {
      this.file = file;
      this.lineNumber = 0;
    }
    const { bytes } = piece;
    const length = bytes.length;
    // The scanner needs each line to end with '\n': a last line without one is parsed.
    const scannable = bytes[length - 1] === 10 ? length : bytes.lastIndexOf(10) + 1;
    const { scanner } = fast;
    let start = 0;
    while (start < length) {
      this.lineNumber++;
      const started = start < scannable ? scanner.scan(bytes, start) : NaN;
      if (!Number.isNaN(started)) {
        const lineStart = start;
        start = scanner.lineEnd + 1;
        if (started < this.since || started >= this.until) continue;
        this.report.records++;
        if (fast.take(file, lineStart, started) === false) return false;
        continue;
      }
      let end = bytes.indexOf(10, start);
      if (end === -1) end = length;
      const outcome = this.line(file, bytes.toString('utf8', start, end), visit);
      start = end + 1;
      if (outcome & LINE_PROBLEM) this.report.firstProblem ??= `${file.name}:${this.lineNumber}`;
      if (outcome & LINE_STOP) return false;
    }
    return true;
  }

  /**
   * A read by name: the lines of a piece that hold the needle, found in the bytes, so the other
   * steps' lines are never decoded, split or counted (the same lines `process` would parse).
   */
  processBytes(file: DayFile, piece: BytePiece, visit: RecordVisitor): boolean {
    const needle = this.needleBytes!;
    const { bytes } = piece;
    for (let at = bytes.indexOf(needle); at !== -1;) {
      if (at === 0 || bytes[at - 1] !== 0x22) {
        at = bytes.indexOf(needle, at + 1);
        continue;
      }
      const start = bytes.lastIndexOf(10, at) + 1;
      let end = bytes.indexOf(10, at + needle.length);
      if (end === -1) end = bytes.length;
      const outcome = this.line(file, bytes.toString('utf8', start, end), visit);
      if (outcome & LINE_PROBLEM && this.report.firstProblem === null) {
        this.report.firstProblem = `${file.name}:${lineNumberAt(file.path, piece, start)}`;
      }
      if (outcome & LINE_STOP) return false;
      at = end + 1 < bytes.length ? bytes.indexOf(needle, end + 1) : -1;
    }
    return true;
  }

  /**
   * A read by name, one line an index picked out (its text and 1-based number in `file`): parsed
   * when it holds the needle, as processBytes would; false when the visitor asked to stop.
   */
  processLine(file: DayFile, text: string, lineNumber: number, visit: RecordVisitor): boolean {
    if (!text.includes(this.needle!)) return true;
    const outcome = this.line(file, text, visit);
    if (outcome & LINE_PROBLEM) this.report.firstProblem ??= `${file.name}:${lineNumber}`;
    return (outcome & LINE_STOP) === 0;
  }

  /** One line: its record to the visitor, or counted as skipped (LINE_PROBLEM). */
  private line(file: DayFile, line: string, visit: RecordVisitor): number {
    const report = this.report;
    let value = parseJsonLine(line);
    if (value === BLANK_LINE) return 0; // holds no record (see appendRecord)
    let started = validRecordStartMs(value);
    let outcome = 0;
    if (Number.isNaN(started)) {
      // Garbage, truncated, or a record without a measured duration: counted, not used.
      outcome = LINE_PROBLEM;
      if (!hasNonFiniteDuration(value)) {
        report.skippedLines++;
        value = value === undefined ? recordAfterTornLine(line) : undefined;
        started = validRecordStartMs(value);
      }
      if (Number.isNaN(started)) {
        if (hasNonFiniteDuration(value)) report.unmeasuredRecords++;
        return outcome;
      }
    }
    const record = value as ExecutionRecord;
    if (this.wanted !== undefined && record.name !== this.wanted) return outcome;
    if (started < this.since || started >= this.until) return outcome;
    report.records++;
    return visit(record, started, file) === false ? outcome | LINE_STOP : outcome;
  }
}

function newReport(): ReadReport {
  return {
    filesRead: 0,
    records: 0,
    skippedLines: 0,
    unmeasuredRecords: 0,
    unreadableFiles: 0,
    firstProblem: null,
  };
}

/** The one-line warning for a read that skipped something, or null when nothing was skipped. */
export function describeSkipped(dir: string, report: ReadReport): string | null {
  const parts: string[] = [];
  if (report.skippedLines > 0) parts.push(`${report.skippedLines} malformed line(s)`);
  if (report.unmeasuredRecords > 0) {
    parts.push(`${report.unmeasuredRecords} record(s) whose duration_ms is NaN or infinite`);
  }
  if (report.unreadableFiles > 0) parts.push(`${report.unreadableFiles} unreadable file(s)`);
  if (parts.length === 0) return null;
  return `dev-metrics: skipped ${parts.join(' and ')} in ${dir} (first: ${report.firstProblem})`;
}

function warnOnce(dir: string, report: ReadReport, options: ReadOptions): void {
  const message = describeSkipped(dir, report);
  const onWarning = options.onWarning === undefined ? consoleWarning : options.onWarning;
  if (message !== null && onWarning !== null) onWarning(message);
}

/**
 * Calls visit for every valid record in the window, oldest file first (or newest first). Return
 * false from visit to stop early. Never throws on bad files or lines; warns once at the end.
 * Records are passed as parsed (valid, but a newer writer's extra keys are still there), which
 * saves an object per line: use normalizeRecord on any that escape.
 */
export async function scanRecords(
  dir: string,
  options: ReadOptions,
  visit: RecordVisitor,
): Promise<ReadReport> {
  return scan(dir, options, visit);
}

/**
 * A reader that takes valid record lines without parsing them (the columnar history's): its
 * scanner gets each line of a piece of bytes that ends with '\n' and returns the started_at of the
 * valid record on it (its lineEnd then at the line's '\n'), or NaN to have the line parsed and
 * visited as a record; take() then gets each scanned line in the read's window.
 */
export interface FastLines {
  readonly scanner: { scan(bytes: Buffer, start: number): number; readonly lineEnd: number };
  take(file: DayFile, start: number, startedMs: number): boolean | void;
}

/**
 * scanRecords for a read of every name (options.name is refused) whose lines `fast` may take
 * whole: the lines it declines are parsed and go to `visit`, with the same checks and counts.
 */
export async function scanRecordLines(
  dir: string,
  options: ReadOptions,
  fast: FastLines,
  visit: RecordVisitor,
): Promise<ReadReport> {
  if (options.name !== undefined) throw new Error('scanRecordLines reads every name');
  return scan(dir, options, visit, fast);
}

async function scan(
  dir: string,
  options: ReadOptions,
  visit: RecordVisitor,
  fast?: FastLines,
  pick?: LinePicker,
): Promise<ReadReport> {
  const report = newReport();
  const lines = new RecordLines(options, report);
  try {
    if (lines.needleBytes !== undefined) {
      const read = pick === undefined ? readByteChunks : pickedPieces(pick, lines, visit);
      for await (const { file, piece } of dayFilePieces(dir, options, report, read)) {
        if (!lines.processBytes(file, piece, visit)) break;
      }
    } else if (fast !== undefined) {
      for await (const { file, piece } of dayFilePieces(dir, options, report, readByteChunks)) {
        if (!lines.processScanned(file, piece, visit, fast)) break;
      }
    } else {
      for await (const { file, piece } of dayFilePieces(dir, options, report, readTextChunks)) {
        if (!lines.process(file, piece, visit)) break;
      }
    }
  } finally {
    warnOnce(dir, report, options);
  }
  return report;
}

/**
 * What an index of a metrics folder (name-index.ts) knows of one day file, for a read by name: the
 * lines it picked out as possibly the name's, up to `indexedSize`; the file's bytes from there on
 * (appended since) are searched as usual.
 */
export interface PickedLines {
  /** Where the indexed part of the file ends (after a '\n'). */
  indexedSize: number;
  /** The picked lines of the open file, in file order, with their 1-based line numbers. */
  lines: (fd: number) => Iterable<{ text: string; lineNumber: number }>;
}

/**
 * The index's lines of a day file; null when the file is as indexed and holds none of them (it is
 * not opened); undefined to read the whole file.
 */
export type LinePicker = (file: DayFile) => PickedLines | null | undefined;

/**
 * scanRecords by name (options.name is required and must be a plain name, see PLAIN_NAME: null
 * otherwise), taking from `pick` the lines an index picked out of each day file, so that most
 * bytes of the folder are never read. The same records, counts and warning as scanRecords, but
 * for one thing: a malformed line of another step that mentions this step's name is counted by
 * that step's read only (the index knows whose line it is).
 */
export async function scanPickedRecords(
  dir: string,
  options: ReadOptions,
  pick: LinePicker,
  visit: RecordVisitor,
): Promise<ReadReport | null> {
  if (options.name === undefined || !PLAIN_NAME.test(options.name)) return null;
  return scan(dir, options, visit, undefined, pick);
}

/**
 * A reader of day files for a read by name through an index: each file's picked lines go straight
 * to the visitor; its bytes past the index (all of them, for a file the index does not know as it
 * is) are the pieces searched as usual. Once the visitor asks to stop, it reads nothing more.
 */
function pickedPieces(
  pick: LinePicker,
  lines: RecordLines,
  visit: RecordVisitor,
): (path: string, file: DayFile) => Generator<BytePiece> {
  let stopped = false;
  return function* (path, file) {
    if (stopped) return;
    const picked = pick(file);
    if (picked === null) return;
    const fd = openRegularSync(path, fs.constants.O_RDONLY);
    try {
      for (const { text, lineNumber } of picked?.lines(fd) ?? []) {
        if (!lines.processLine(file, text, lineNumber, visit)) {
          stopped = true;
          return;
        }
      }
      yield* byteChunksOf(fd, picked?.indexedSize ?? 0);
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** Valid records in the window as an async iterable; warns once when done (or abandoned). */
export async function* readRecords(
  dir: string,
  options: ReadOptions = {},
): AsyncGenerator<ExecutionRecord, ReadReport> {
  const report = newReport();
  const lines = new RecordLines(options, report);
  const keep = (batch: ExecutionRecord[]) => (record: ExecutionRecord) =>
    void batch.push(normalizeRecord(record));
  try {
    if (lines.needleBytes !== undefined) {
      for await (const { file, piece } of dayFilePieces(dir, options, report, readByteChunks)) {
        const batch: ExecutionRecord[] = [];
        lines.processBytes(file, piece, keep(batch));
        yield* batch;
      }
    } else {
      for await (const { file, piece } of dayFilePieces(dir, options, report, readTextChunks)) {
        const batch: ExecutionRecord[] = [];
        lines.process(file, piece, keep(batch));
        yield* batch;
      }
    }
  } finally {
    warnOnce(dir, report, options);
  }
  return report;
}

/*
 * Appending. The whole line (record + '\n') goes out in ONE write(2) on a descriptor opened with
 * O_APPEND. On Linux, write(2) to a regular file holds the inode's lock for the whole call
 * and O_APPEND moves to the end of file inside it, so concurrent appenders (pytest-xdist workers,
 * parallel scripts) each land a complete line after the others': no torn, interleaved or lost
 * lines. The loop only matters for a short write, which regular files give only on a full disk or
 * a signal; it then finishes the line rather than leave it half written.
 *
 * A writer killed mid-line (SIGKILL, a full disk) leaves a last line without its '\n'; the next
 * line appended would join it and both would be unreadable. So each append reads the file's last
 * byte first (the descriptor is O_RDWR) and, when it is not '\n', starts its own write with one:
 * still one write, so still atomic. Two appenders mending the same torn line at once, or one
 * mistaking a slow write for a torn line, can leave a blank line, which the reader ignores; a
 * record is never swallowed.
 */

const NEWLINE = 0x0a;
const APPEND_FLAGS = fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT;
const LINE_BREAK = Buffer.from('\n');

function encodeLine(record: ExecutionRecord): Buffer {
  return Buffer.from(`${serializeRecord(record)}\n`, 'utf8');
}

/**
 * How long a last byte that is not '\n' gets to become one before the line counts as torn: another
 * appender's write in progress makes the file's size visible before its last page is copied (a
 * reader takes no lock), and mending that would leave a blank line. A torn line stays torn.
 */
const SETTLE_CHECKS = 7;
/** Waits 1, 2, 4 … 64 ms (127 ms at most, paid once per truly torn file: the mend ends it). */
const settleMs = (check: number): number => 2 ** check;

/** The line, preceded by '\n' when the file does not end with one (see SETTLE_CHECKS). */
async function mendTornLine(handle: FileHandle, line: Buffer): Promise<Buffer> {
  const last = Buffer.alloc(1);
  for (let check = 0; ; check++) {
    const { size } = await handle.stat();
    if (size === 0) return line;
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return line;
    if (check === SETTLE_CHECKS) return Buffer.concat([LINE_BREAK, line]);
    await sleep(settleMs(check));
  }
}

/** mendTornLine for synchronous callers. */
function mendTornLineSync(fd: number, line: Buffer): Buffer {
  const last = Buffer.alloc(1);
  for (let check = 0; ; check++) {
    const { size } = fs.fstatSync(fd);
    if (size === 0) return line;
    fs.readSync(fd, last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return line;
    if (check === SETTLE_CHECKS) return Buffer.concat([LINE_BREAK, line]);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settleMs(check));
  }
}

function writeError(dir: string, file: string, error: unknown): DevMetricsError {
  if (error instanceof NotRegularFileError) {
    return new DevMetricsError(
      `Cannot write metrics to ${file} (${error.message}); replace it with a regular file ` +
        'or set DEV_METRICS_DIR',
      { cause: error },
    );
  }
  return new DevMetricsError(
    `Cannot write metrics to ${dir} (${errorCode(error)}); check the directory is writable ` +
      'or set DEV_METRICS_DIR',
    { cause: error },
  );
}

/** Appends one record to its day file (creating the directory); returns the file's path. */
export async function appendRecord(dir: string, record: ExecutionRecord): Promise<string> {
  const encoded = encodeLine(record);
  const file = path.join(dir, dayFileName(record.started_at));
  try {
    let handle;
    try {
      handle = await openRegular(file, APPEND_FLAGS);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      await fsp().mkdir(dir, { recursive: true });
      handle = await openRegular(file, APPEND_FLAGS);
    }
    try {
      const line = await mendTornLine(handle, encoded);
      let offset = 0;
      while (offset < line.length) {
        const { bytesWritten } = await handle.write(line, offset, line.length - offset);
        offset += bytesWritten;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw writeError(dir, file, error);
  }
  return file;
}

/** appendRecord for synchronous callers (trackExecution around a sync function). */
export function appendRecordSync(dir: string, record: ExecutionRecord): string {
  const encoded = encodeLine(record);
  const file = path.join(dir, dayFileName(record.started_at));
  try {
    let fd: number;
    try {
      fd = openRegularSync(file, APPEND_FLAGS);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      fs.mkdirSync(dir, { recursive: true });
      fd = openRegularSync(file, APPEND_FLAGS);
    }
    try {
      writeAllSync(fd, mendTornLineSync(fd, encoded));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw writeError(dir, file, error);
  }
  return file;
}

/**
 * Deletes day files dated before (today UTC − daysToKeep): with 30, today's file and the 30 before
 * it stay. Returns how many files were deleted. Other files, and anything named like a
 * day file that is not a regular file (a directory, a symlink: never followed), are left alone.
 */
export async function pruneDayFiles(
  dir: string,
  daysToKeep: number,
  nowMs: number = Date.now(),
): Promise<number> {
  requireNonNegativeInteger(daysToKeep, 'daysToKeep');
  const cutoff = Math.floor(nowMs / DAY_MS) * DAY_MS - daysToKeep * DAY_MS;
  let deleted = 0;
  for (const file of await listDayFiles(dir)) {
    if (file.dayMs >= cutoff) continue;
    try {
      await fsp().unlink(file.path);
      deleted++;
    } catch (error) {
      // Another process pruned it first, or replaced it with a directory: not ours to delete.
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR') continue;
      throw new DevMetricsError(
        `Cannot delete ${file.path} (${errorCode(error)}); check the directory is writable`,
        { cause: error },
      );
    }
  }
  return deleted;
}
