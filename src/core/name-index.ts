/**
 * An index of a metrics folder's lines by step name: written once per job by its first wrapped
 * step, so that each later step reads its own lines instead of searching every day file (a later
 * step's largest read: 5.5 MB at 10,000 records, 55 MB at 100,000).
 *
 * The index is a folder (in RUNNER_TEMP, never in the metrics folder):
 * - `index.json`: `{v, files: [[name, indexedSize, size, mtimeMs, ino, prints]]}`: each day file
 *   as indexed, up to its last '\n' (indexedSize), with 16 bytes (hex) at its start, its end and
 *   eight places between, to tell that the file now is the one indexed plus appended lines;
 * - per name, `<fnv1a64(name)>.json` `{v, name, lines: [fileIndex, lineNumber, length, …]}` and
 *   `<hash>.lines`, the bytes of those lines, in the same order;
 * - the same for the lines whose name is not plainly readable (`other`: torn or malformed lines,
 *   names with escapes), which every reader takes too.
 * A line belongs to a name when it starts `{"name":"<name>"` (our writer and the Python tool's
 * `{"name": "…"`), holds no backslash in the name and no second record start (a torn line).
 * A day file the index does not know, or that changed other than by appending, is read whole: one
 * now shorter, or as long but written since, or another file (inode), or with other bytes at one
 * of the sampled places. Nothing in a job rewrites a day file in place (steps append; the restore
 * runs before the index), so the samples are a guard against the unexpected, not a checksum.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fnv1a64 } from './fnv.js';
import {
  byteChunksOf,
  listDayFiles,
  scanPickedRecords,
  type DayFile,
  type LinePicker,
  type PickedLines,
  type ReadOptions,
  type ReadReport,
  type RecordVisitor,
} from './store.js';

const VERSION = 1;
/** The group of lines whose name is not plainly readable. */
const OTHER = '\u0000other';
const RECORD_START = Buffer.from('{"name"', 'latin1');
/** Bytes compared at each sampled place of a file's indexed part, and the places between its ends. */
const PRINT_BYTES = 16;
const PRINT_PLACES = 8;
/** Pending line bytes of all names together before they are written out (bounds memory). */
const FLUSH_BYTES = 4 << 20;
const READ_FLAGS =
  fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

type IndexedFile = [
  name: string,
  indexedSize: number,
  size: number,
  mtimeMs: number,
  ino: number,
  prints: string,
];

interface IndexFile {
  v: number;
  files: IndexedFile[];
}

interface NameFile {
  v: number;
  name: string;
  /** fileIndex, lineNumber, length: one triple per line of `<hash>.lines`. */
  lines: number[];
}

/** One name's lines as they are gathered: their places, and their bytes not yet written out. */
class NameLines {
  readonly places: number[] = [];
  private pending = Buffer.allocUnsafe(0);
  private used = 0;

  constructor(readonly file: string) {}

  add(fileIndex: number, lineNumber: number, bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    this.places.push(fileIndex, lineNumber, length);
    if (this.used + length > this.pending.length) {
      const bigger = Buffer.allocUnsafe(
        Math.max(2 * this.pending.length, this.used + length, 4096),
      );
      this.pending.copy(bigger, 0, 0, this.used);
      this.pending = bigger;
    }
    bytes.copy(this.pending, this.used, start, end);
    this.used += length;
    return length;
  }

  flush(): void {
    fs.appendFileSync(this.file, this.pending.subarray(0, this.used));
    this.used = 0;
  }
}

function fileName(name: string): string {
  return name === OTHER ? 'other' : fnv1a64(name);
}

/** PRINT_BYTES at the start, the end and PRINT_PLACES places between of the file's first `size` bytes, hex. */
function prints(fd: number, size: number): string {
  const length = Math.min(PRINT_BYTES, size);
  const buffer = Buffer.alloc(length);
  const last = size - length;
  const parts: string[] = [];
  for (let place = 0; place <= PRINT_PLACES + 1; place++) {
    const n = fs.readSync(fd, buffer, 0, length, Math.floor((last * place) / (PRINT_PLACES + 1)));
    parts.push(buffer.toString('hex', 0, n));
  }
  return parts.join('.');
}

/** The step name a line states plainly, or undefined (see the module's doc). */
function plainName(
  bytes: Buffer,
  start: number,
  end: number,
  nextStart: number,
): string | undefined {
  if (end - start < RECORD_START.length + 2) return undefined;
  if (bytes.compare(RECORD_START, 0, RECORD_START.length, start, start + RECORD_START.length) !== 0)
    return undefined;
  // A second record start in the line: a torn line with a record appended to it.
  if (nextStart !== -1 && nextStart < end) return undefined;
  let at = start + RECORD_START.length;
  while (at < end && bytes[at] === 0x20) at++;
  if (bytes[at] !== 0x3a) return undefined; // ':'
  at++;
  while (at < end && bytes[at] === 0x20) at++;
  if (bytes[at] !== 0x22) return undefined; // '"'
  const from = at + 1;
  for (at = from; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === 0x22) return bytes.toString('utf8', from, at);
    if (byte === 0x5c || byte < 0x20) return undefined; // an escape or a control character
  }
  return undefined;
}

/** Where a file's indexed part ends, and its sampled bytes. */
interface Indexed {
  size: number;
  prints: string;
}

/**
 * Indexes every day file of `metricsDir` into `indexDir` (made afresh). Synchronous reads, one
 * pass; memory: the lines' places and at most FLUSH_BYTES of their bytes. Throws on I/O errors
 * (the caller then has no index, and its steps read the folder as before).
 */
export async function writeNameIndex(metricsDir: string, indexDir: string): Promise<void> {
  fs.rmSync(indexDir, { recursive: true, force: true });
  fs.mkdirSync(indexDir, { recursive: true, mode: 0o700 });
  const files: IndexedFile[] = [];
  const names = new Map<string, NameLines>();
  const sink = {
    pending: 0,
    add(
      name: string,
      fileIndex: number,
      lineNumber: number,
      bytes: Buffer,
      start: number,
      end: number,
    ) {
      let lines = names.get(name);
      if (lines === undefined) {
        lines = new NameLines(path.join(indexDir, `${fileName(name)}.lines`));
        names.set(name, lines);
      }
      this.pending += lines.add(fileIndex, lineNumber, bytes, start, end);
    },
    flushIfFull() {
      if (this.pending < FLUSH_BYTES) return;
      for (const lines of names.values()) lines.flush();
      this.pending = 0;
    },
  };
  for (const day of await listDayFiles(metricsDir)) {
    let fd: number;
    try {
      fd = fs.openSync(day.path, READ_FLAGS);
    } catch {
      continue; // unreadable: not indexed, so read (and reported) as before
    }
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile()) continue;
      const indexed = indexFile(fd, files.length, sink);
      files.push([day.name, indexed.size, stats.size, stats.mtimeMs, stats.ino, indexed.prints]);
    } finally {
      fs.closeSync(fd);
    }
  }
  for (const [name, lines] of names) {
    lines.flush();
    const header: NameFile = { v: VERSION, name, lines: lines.places };
    fs.writeFileSync(path.join(indexDir, `${fileName(name)}.json`), JSON.stringify(header));
  }
  // Last: a reader takes the index only once this file is there.
  const index: IndexFile = { v: VERSION, files };
  fs.writeFileSync(path.join(indexDir, 'index.json'), JSON.stringify(index));
}

interface LineSink {
  add(
    name: string,
    fileIndex: number,
    lineNumber: number,
    bytes: Buffer,
    start: number,
    end: number,
  ): void;
  flushIfFull(): void;
}

/** Every whole line of one open day file to its name's group; where the indexed part ends. */
function indexFile(fd: number, fileIndex: number, sink: LineSink): Indexed {
  let lineNumber = 0;
  let size = 0;
  for (const { bytes, offset } of byteChunksOf(fd, 0)) {
    let nextStart = bytes.indexOf(RECORD_START, 1);
    for (let start = 0; start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      if (newline === -1) break; // the file's last line, unfinished: read as appended
      lineNumber++;
      if (nextStart !== -1 && nextStart <= start) {
        nextStart = bytes.indexOf(RECORD_START, start + 1);
      }
      const end = newline > start && bytes[newline - 1] === 0x0d ? newline - 1 : newline;
      if (end > start) {
        sink.add(
          plainName(bytes, start, end, nextStart) ?? OTHER,
          fileIndex,
          lineNumber,
          bytes,
          start,
          end,
        );
      }
      start = newline + 1;
      size = offset + start;
    }
    sink.flushIfFull();
  }
  return { size, prints: prints(fd, size) };
}

/** A name's lines from the index, by file index, in file order. */
type LinesByFile = Map<number, Array<{ text: string; lineNumber: number }>>;

function readGroup(indexDir: string, name: string): LinesByFile | null {
  const base = path.join(indexDir, fileName(name));
  let header: NameFile;
  try {
    header = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as NameFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map(); // no such lines
    throw error;
  }
  if (header.v !== VERSION || header.name !== name) return null; // another version; a collision
  const bytes = fs.readFileSync(`${base}.lines`);
  const byFile: LinesByFile = new Map();
  const { lines } = header;
  let at = 0;
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const fileIndex = lines[i]!;
    const length = lines[i + 2]!;
    let list = byFile.get(fileIndex);
    if (list === undefined) byFile.set(fileIndex, (list = []));
    list.push({ text: bytes.toString('utf8', at, at + length), lineNumber: lines[i + 1]! });
    at += length;
  }
  if (at !== bytes.length) return null; // not what was written
  return byFile;
}

/** Two line lists in file order, merged. */
function merged<T extends { lineNumber: number }>(a: T[] = [], b: T[] = []): T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.lineNumber < b[j]!.lineNumber)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * The picker of `name`'s lines from the index in `indexDir`, for scanPickedRecords; undefined when
 * there is no usable index (missing, unreadable, another version).
 */
export function readNameIndex(indexDir: string, name: string): LinePicker | undefined {
  let index: IndexFile;
  let own: LinesByFile | null;
  let other: LinesByFile | null;
  try {
    index = JSON.parse(fs.readFileSync(path.join(indexDir, 'index.json'), 'utf8')) as IndexFile;
    if (index.v !== VERSION || !Array.isArray(index.files)) return undefined;
    own = readGroup(indexDir, name);
    other = readGroup(indexDir, OTHER);
  } catch {
    return undefined;
  }
  if (own === null || other === null) return undefined;
  const byName = new Map(index.files.map((entry, i) => [entry[0], i]));
  return (file: DayFile, fd: number): PickedLines | undefined => {
    const fileIndex = byName.get(file.name);
    if (fileIndex === undefined) return undefined;
    const [, indexedSize, size, mtimeMs, ino, sampled] = index.files[fileIndex]!;
    const stats = fs.fstatSync(fd);
    // Not the file indexed (plus appended lines): read whole.
    if (stats.size < indexedSize || stats.ino !== ino) return undefined;
    if (stats.size === size && stats.mtimeMs !== mtimeMs) return undefined;
    if (prints(fd, indexedSize) !== sampled) return undefined;
    return { indexedSize, lines: merged(own.get(fileIndex), other.get(fileIndex)) };
  };
}

/**
 * A step's own records (options.name), read through the index in `indexDir` when there is a usable
 * one and the name is plain; null otherwise (read the folder with scanRecords).
 */
export async function scanIndexedRecords(
  indexDir: string,
  metricsDir: string,
  options: ReadOptions & { name: string },
  visit: RecordVisitor,
): Promise<ReadReport | null> {
  const pick = readNameIndex(indexDir, options.name);
  if (pick === undefined) return null;
  return scanPickedRecords(metricsDir, options, pick, visit);
}
