/**
 * Reading the day files into a ColumnarHistory, streaming: a read of every name scans each line
 * in place (RecordScanner) and parses only the lines the scanner leaves; a read by name parses
 * the lines naming it. Apart from history.ts so the modules that only use the columns (a wrapped
 * step's own verdict) do not load the scanner.
 */
import { stat } from 'node:fs/promises';
import { ColumnarHistory } from './history.js';
import { parseJsonLine } from './json-line.js';
import type { ExecutionRecord } from './record.js';
import { RecordScanner } from './record-scan.js';
import { F_STARTED_AT } from './scan-fields.js';
import {
  listDayFiles,
  scanRecordLines,
  scanRecords,
  selectFiles,
  type DayFile,
  type FastLines,
  type ReadOptions,
  type ReadReport,
  type RecordVisitor,
} from './store.js';
import { carriesValues } from './values.js';

/** Receives each record read, beside its row, for what the columns do not keep. */
export type HistoryVisitor = (
  record: ExecutionRecord,
  row: number,
  startedMs: number,
  file: DayFile,
) => void;

/**
 * What a row's visitor (readHistoryRows) may ask of the row beyond its columns. Most rows are
 * read without a record object (RecordScanner): record() parses the row's line when asked.
 * Valid only during the visit: keep the record, not this.
 */
export interface RowSource {
  /** The row's record, as parsed (valid; a newer writer's extra keys still there). */
  record(): ExecutionRecord;
  /** started_at as stored. */
  startedAt(): string;
  /** Whether the record carries metadata.values (the scanner leaves such lines to parsing). */
  readonly hasValues: boolean;
}

/** A RowSource of a record at hand. */
export function sourceOf(record: ExecutionRecord): RowSource {
  return {
    record: () => record,
    startedAt: () => record.started_at,
    hasValues: carriesValues(record.metadata),
  };
}

/** The row being visited: one object for a whole read, pointed at each row in turn. */
class RowCursor implements RowSource {
  row = 0;
  startedMs = 0;
  hasValues = false;
  private parsed: ExecutionRecord | undefined;
  private scanner: RecordScanner | undefined;
  private start = 0;

  /** At a row added from `record`. */
  atRecord(row: number, startedMs: number, record: ExecutionRecord): this {
    this.row = row;
    this.startedMs = startedMs;
    this.parsed = record;
    this.scanner = undefined;
    this.hasValues = carriesValues(record.metadata);
    return this;
  }

  /** At a row `scanner` read from the line at `start` (its bytes stay in the scanner). */
  atScanned(row: number, startedMs: number, scanner: RecordScanner, start: number): this {
    this.row = row;
    this.startedMs = startedMs;
    this.parsed = undefined;
    this.scanner = scanner;
    this.start = start;
    this.hasValues = false;
    return this;
  }

  record(): ExecutionRecord {
    const scanner = this.scanner!;
    this.parsed ??= parseJsonLine(
      scanner.bytes.toString('utf8', this.start, scanner.lineEnd),
    ) as ExecutionRecord;
    return this.parsed;
  }

  startedAt(): string {
    return this.parsed?.started_at ?? this.scanner!.fieldText(F_STARTED_AT)!;
  }
}

/** Receives each row read (readHistoryRows): its index, its source, its start and its file. */
export type RowVisitor = (row: number, source: RowSource, startedMs: number, file: DayFile) => void;

/**
 * Reads the store's records in the window into columns, streaming: a row is added per record, and
 * a record object is garbage at once unless `visit` keeps it. Never throws on bad files or lines
 * (the store's reader counts and warns about them: see scanRecords). Rows are added to `history`
 * when given (so `visit` can read its columns), else to a new one.
 */
export async function readHistory(
  dir: string,
  options: ReadOptions = {},
  visit?: HistoryVisitor,
  history: ColumnarHistory = new ColumnarHistory(),
): Promise<{ history: ColumnarHistory; report: ReadReport }> {
  return readHistoryRows(
    dir,
    options,
    visit === undefined
      ? undefined
      : (row, source, startedMs, file) => visit(source.record(), row, startedMs, file),
    history,
  );
}

/**
 * readHistory with the rows' sources instead of their records: what most readers use, since a
 * record object is only built for the rows whose visitor asks for it. A large read of every name
 * scans its lines in place (RecordScanner: see SCAN_FROM_BYTES); a read by name parses the lines
 * naming it, a small read every line.
 */
export async function readHistoryRows(
  dir: string,
  options: ReadOptions = {},
  visit?: RowVisitor,
  history: ColumnarHistory = new ColumnarHistory(),
  scanFromBytes = SCAN_FROM_BYTES,
): Promise<{ history: ColumnarHistory; report: ReadReport }> {
  const sizes = await dayFileSizes(dir, options);
  // Once SAMPLE_BYTES of files are read, rows per byte so far × the bytes of all files sizes the
  // columns in one step (a little over; growth by halves takes over if it was short).
  let file: DayFile | undefined;
  let bytesRead = 0;
  const rowsBefore = history.length;
  let sized = sizes === null;
  const atFile = (at: DayFile): void => {
    if (file !== undefined && !sized) {
      bytesRead += sizes!.bytes.get(file.path) ?? 0;
      if (bytesRead >= SAMPLE_BYTES) {
        sized = true;
        const rows = history.length - rowsBefore;
        history.reserveRows(rowsBefore + (rows / bytesRead) * sizes!.total * 1.02 + 1024);
      }
    }
    file = at;
  };
  const cursor = new RowCursor();
  const onRecord: RecordVisitor = (record, startedMs, at) => {
    if (at !== file) atFile(at);
    const row = history.add(record, startedMs);
    visit?.(row, cursor.atRecord(row, startedMs, record), startedMs, at);
  };
  if (options.name !== undefined || sizes === null || sizes.total < scanFromBytes) {
    const report = await scanRecords(dir, options, onRecord);
    return { history, report };
  }
  const scanner = new RecordScanner();
  const fast: FastLines = {
    scanner,
    take: (at, start, startedMs) => {
      if (at !== file) atFile(at);
      const row = history.addScanned(scanner, startedMs);
      visit?.(row, cursor.atScanned(row, startedMs, scanner, start), startedMs, at);
    },
  };
  const report = await scanRecordLines(dir, options, fast, onRecord);
  return { history, report };
}

/**
 * Day files of at least this many bytes in all are scanned (RecordScanner), smaller ones parsed.
 * The scanner is JavaScript that V8 compiles while it runs, JSON.parse is native: a cold process
 * reading 10,000 records (5 MB) took 1.1-1.2x as long through the scanner, 100,000 (60 MB) about
 * the same, 1,000,000 (580 MB) 0.7x (farm-bench A/B, Node 24).
 */
export const SCAN_FROM_BYTES = 64 * 1024 * 1024;

/** Whether a read of every name over `dir` and `options` is large enough to be scanned. */
export async function scanPays(
  dir: string,
  options: ReadOptions,
  scanFromBytes = SCAN_FROM_BYTES,
): Promise<boolean> {
  const sizes = await dayFileSizes(dir, options);
  return sizes !== null && sizes.total >= scanFromBytes;
}

/** Bytes of day files read before the row count of all is estimated from them. */
const SAMPLE_BYTES = 1 << 20;

/**
 * The size of each day file the read may touch (the window, with a day of margin each side), and
 * their total; null when they cannot be listed (the read then reports why).
 */
async function dayFileSizes(
  dir: string,
  options: ReadOptions,
): Promise<{ bytes: Map<string, number>; total: number } | null> {
  try {
    const files = selectFiles(await listDayFiles(dir), options);
    const bytes = new Map<string, number>();
    let total = 0;
    const sizes = await Promise.all(
      files.map((f) =>
        stat(f.path).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    files.forEach((f, i) => {
      bytes.set(f.path, sizes[i]!);
      total += sizes[i]!;
    });
    return { bytes, total };
  } catch {
    return null;
  }
}
