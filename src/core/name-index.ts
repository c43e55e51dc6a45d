/**
 * An index of a metrics folder's lines by step name: written once per job by its first wrapped
 * step, so that each later step reads its own lines instead of searching every day file (a later
 * step's largest read: 5.5 MB at 10,000 records, 55 MB at 100,000).
 *
 * The index is a folder (in RUNNER_TEMP, never in the metrics folder):
 * - `index.json`: `{v, files: [[name, indexedSize, size, mtimeMs, ino, prints]]}`: each day file
 *   as indexed, up to its last '\n' (indexedSize), with 16 bytes (hex) at its start, its end and
 *   eight places between, to tell that the file now is the one indexed plus appended lines;
 * - per name, `<fnv1a64(name)>.json`: `{v, name, lines: [fileIndex, lineNumber, start, length, …]}`,
 *   where its lines are in the day files (read from there: the index holds no record);
 * - the same, `other.json`, for the lines whose name is not plainly readable (torn or malformed
 *   lines, names with escapes), which every reader takes too.
 * A line belongs to a name when it starts `{"name":"<name>"` (our writer; the Python tool writes
 * `{"name": "…"`), with no backslash in the name and no second record start (a torn line). A line
 * with a second top-level "name" key is taken as its first name's (JSON.parse would take the last;
 * no writer makes such a line, and reading every line holding `"name"` twice would put all records
 * with values, whose entries have names, out of the index).
 * A day file the index does not know, or that changed other than by appending, is read whole: one
 * now shorter, or as long but written since, or another file (inode), or with other bytes at one
 * of the sampled places. Nothing in a job rewrites a day file in place (steps append; the restore
 * runs before the index), so the samples are a guard against the unexpected, not a checksum.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fnv1a64 } from './fnv.js';
import { readUpToSync } from './sync-io.js';
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
/** Lines of a name this close are read in one call (the bytes between are read and skipped). */
const NEAR_BYTES = 512;
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
  /** fileIndex, lineNumber, start, length: one quadruple per line, in file order. */
  lines: number[];
}

function fileName(name: string): string {
  return name === OTHER ? 'other' : fnv1a64(name);
}

/** PRINT_BYTES at the start, the end and PRINT_PLACES places between of a file's first `size` bytes, hex. */
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

/** The step name the line at `start` of `bytes` states plainly, or undefined (see the module's doc). */
function plainName(
  bytes: Buffer,
  start: number,
  end: number,
  nextStart: number,
): string | undefined {
  const open = RECORD_START.length;
  if (end - start < open + 2) return undefined;
  for (let i = 0; i < open; i++) if (bytes[start + i] !== RECORD_START[i]) return undefined;
  // A second record start in the line: a torn line with a record appended to it.
  if (nextStart !== -1 && nextStart < end) return undefined;
  let at = start + open;
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

/**
 * Indexes every day file of `metricsDir` into `indexDir` (made afresh): one pass of synchronous
 * reads; memory: four numbers per line. Throws on I/O errors (the job then has no index, and its
 * steps search the folder as before).
 */
export async function writeNameIndex(metricsDir: string, indexDir: string): Promise<void> {
  fs.rmSync(indexDir, { recursive: true, force: true });
  fs.mkdirSync(indexDir, { recursive: true, mode: 0o700 });
  const files: IndexedFile[] = [];
  const names = new Map<string, number[]>();
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
      const size = indexFile(fd, files.length, names);
      files.push([day.name, size, stats.size, stats.mtimeMs, stats.ino, prints(fd, size)]);
    } finally {
      fs.closeSync(fd);
    }
  }
  for (const [name, lines] of names) {
    const header: NameFile = { v: VERSION, name, lines };
    fs.writeFileSync(path.join(indexDir, `${fileName(name)}.json`), JSON.stringify(header));
  }
  // Last: a reader takes the index only once this file is there.
  const index: IndexFile = { v: VERSION, files };
  fs.writeFileSync(path.join(indexDir, 'index.json'), JSON.stringify(index));
}

/** Every whole line of one open day file to its name's list; where the indexed part ends. */
function indexFile(fd: number, fileIndex: number, names: Map<string, number[]>): number {
  let lineNumber = 0;
  let size = 0;
  // Lines of one name often follow each other: its list is looked up once for them.
  let lastName: string | undefined;
  let lastList: number[] = [];
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
        const name = plainName(bytes, start, end, nextStart) ?? OTHER;
        if (name !== lastName) {
          lastName = name;
          lastList = names.get(name) ?? [];
          if (lastList.length === 0) names.set(name, lastList);
        }
        lastList.push(fileIndex, lineNumber, offset + start, end - start);
      }
      start = newline + 1;
      size = offset + start;
    }
  }
  return size;
}

/** Where a name's lines are in one day file: lineNumber, start, length per line, in file order. */
type PlacesByFile = Map<number, number[]>;

function readGroup(indexDir: string, name: string): PlacesByFile | null {
  let header: NameFile;
  try {
    const text = fs.readFileSync(path.join(indexDir, `${fileName(name)}.json`), 'utf8');
    header = JSON.parse(text) as NameFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map(); // no such lines
    throw error;
  }
  if (header.v !== VERSION || header.name !== name || !Array.isArray(header.lines)) return null;
  const byFile: PlacesByFile = new Map();
  const { lines } = header;
  for (let i = 0; i + 3 < lines.length; i += 4) {
    let list = byFile.get(lines[i]!);
    if (list === undefined) byFile.set(lines[i]!, (list = []));
    list.push(lines[i + 1]!, lines[i + 2]!, lines[i + 3]!);
  }
  return byFile;
}

/** Two place lists (lineNumber, start, length) in file order, merged. */
function merged(a: number[] = [], b: number[] = []): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i]! < b[j]!);
    const list = fromA ? a : b;
    const k = fromA ? i : j;
    out.push(list[k]!, list[k + 1]!, list[k + 2]!);
    if (fromA) i += 3;
    else j += 3;
  }
  return out;
}

/** The lines at `places` of an open file: lines close together are read in one call. */
function* linesAt(fd: number, places: number[]): Generator<{ text: string; lineNumber: number }> {
  for (let first = 0; first < places.length;) {
    // The run of lines from `first` that lie within NEAR_BYTES of each other.
    let last = first;
    while (
      last + 3 < places.length &&
      places[last + 4]! - (places[last + 1]! + places[last + 2]!) <= NEAR_BYTES
    ) {
      last += 3;
    }
    const from = places[first + 1]!;
    const to = places[last + 1]! + places[last + 2]!;
    const bytes = Buffer.allocUnsafe(to - from);
    if (readUpToSync(fd, bytes, bytes.length, from) < bytes.length) {
      throw new Error('the day file ended before its indexed size');
    }
    for (let k = first; k <= last; k += 3) {
      const at = places[k + 1]! - from;
      yield { text: bytes.toString('utf8', at, at + places[k + 2]!), lineNumber: places[k]! };
    }
    first = last + 3;
  }
}

/**
 * The picker of `name`'s lines from the index in `indexDir`, for scanPickedRecords; undefined when
 * there is no usable index (missing, unreadable, another version, another name's).
 */
export function readNameIndex(indexDir: string, name: string): LinePicker | undefined {
  let index: IndexFile;
  let own: PlacesByFile | null;
  let other: PlacesByFile | null;
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
  return (file: DayFile): PickedLines | null | undefined => {
    const fileIndex = byName.get(file.name);
    if (fileIndex === undefined) return undefined;
    const [, indexedSize, size, mtimeMs, ino, sampled] = index.files[fileIndex]!;
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(file.path);
    } catch {
      return undefined; // the read reports it
    }
    // Not the file indexed (plus appended lines): read whole.
    if (!stats.isFile() || stats.size < indexedSize || stats.ino !== ino) return undefined;
    // As long and as old as indexed: unchanged (as make and Node's compile cache judge files).
    const unchanged = stats.size === size && stats.mtimeMs === mtimeMs;
    if (!unchanged && (stats.size === size || !sameBytes(file.path, indexedSize, sampled))) {
      return undefined;
    }
    const places = merged(own.get(fileIndex), other.get(fileIndex));
    if (places.length === 0 && stats.size === indexedSize) return null;
    return { indexedSize, lines: (fd) => linesAt(fd, places) };
  };
}

/** Whether the file's first `size` bytes sample as `sampled` (see prints). */
function sameBytes(file: string, size: number, sampled: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch {
    return false;
  }
  try {
    return prints(fd, size) === sampled;
  } finally {
    fs.closeSync(fd);
  }
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
