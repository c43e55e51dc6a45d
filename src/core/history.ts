/**
 * The history as columns: what every reader of `.metrics/` (summary, insight, reports, dashboard,
 * CLI, action) keeps of each run, read once. Names and CI fields are interned (each distinct text
 * stored once, rows hold its index), times and durations live in typed arrays, so a year of a busy
 * repository is tens of bytes a run instead of a record object, and the garbage collector has
 * almost nothing to trace. Rows stay in the order they were added (file order).
 * Pure but for readHistory, which streams day files through the store's reader.
 */
import { ciMatrix, ciNumber, ciRunId, ciText, rawCi } from './ci.js';
import { parseTimestamp, type ExecutionRecord } from './record.js';
import { scanRecords, type DayFile, type ReadOptions, type ReadReport } from './store.js';

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

/** A stable text of a matrix (keys sorted), or undefined without one. */
export function matrixText(
  matrix: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (matrix === undefined) return undefined;
  const keys = Object.keys(matrix).sort();
  if (keys.length === 0) return undefined;
  return JSON.stringify(keys.map((k) => [k, matrix[k]]));
}

export class ColumnarHistory {
  /** Rows held. */
  length = 0;
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

  // A direct-mapped cache in front of textIds: texts parsed from each line are fresh strings, whose
  // hash a Map lookup must compute from every character; three characters and the length pick a
  // slot here, and one comparison usually settles it.
  private readonly cacheText: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
  private readonly cacheId = new Int32Array(CACHE_SLOTS);

  /** The interned text's index (NONE for undefined). */
  intern(text: string | undefined): number {
    if (text === undefined) return NONE;
    const n = text.length;
    const slot =
      n === 0
        ? 0
        : (n * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(n >> 1) * 5 + text.charCodeAt(n - 1)) &
          (CACHE_SLOTS - 1);
    if (this.cacheText[slot] === text) return this.cacheId[slot]!;
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.textIds.set(text, id);
    }
    this.cacheText[slot] = text;
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
      this.lastText[slot] = text;
      this.lastId[slot] = id;
    }
  }

  private reserve(): void {
    if (this.length < this.startedMs.length) return;
    // ×1.5: a million rows end with at most a third of the columns unused.
    const size = Math.ceil(this.length * 1.5);
    this.name = grown(this.name, size);
    this.startedMs = grown(this.startedMs, size);
    this.durationMs = grown(this.durationMs, size);
    this.flags = grown(this.flags, size);
    this.prNumber = grown(this.prNumber, size);
    for (const field of TEXT_FIELDS) this[field] = grown(this[field], size);
  }

  /**
   * Adds a record as one row; returns its index. `startedMs` saves a second parse when the reader
   * has it. Takes any record shape the detectors accept (fields of the wrong type count as absent).
   */
  add(record: ExecutionRecord, startedMs?: number): number {
    this.reserve();
    const row = this.length++;
    this.internInto(0, this.name, row, String(record.name));
    this.startedMs[row] = startedMs ?? parseTimestamp(String(record.started_at ?? '').trim());
    const duration = record.duration_ms;
    this.durationMs[row] = typeof duration === 'number' ? duration : NaN;
    this.flags[row] =
      (record.status === 'success' ? 0 : FAILED) | (record.error === 'cancelled' ? CANCELLED : 0);
    // The fields one by one, with parseCi's rules: no CiFields object per row.
    const ci = rawCi(record.metadata);
    if (ci === undefined) {
      this.prNumber[row] = NaN;
      for (const field of TEXT_FIELDS) this[field][row] = NONE;
    } else {
      this.prNumber[row] = ciNumber(ci, 'pr_number') ?? NaN;
      this.internInto(1, this.sha, row, ciText(ci, 'sha'));
      this.internInto(2, this.branch, row, ciText(ci, 'branch'));
      this.internInto(3, this.job, row, ciText(ci, 'job'));
      this.internInto(4, this.runnerOs, row, ciText(ci, 'runner_os'));
      this.internInto(5, this.runnerArch, row, ciText(ci, 'runner_arch'));
      const matrix = ci['matrix'];
      this.matrix[row] =
        matrix === undefined || matrix === null ? NONE : this.intern(matrixText(ciMatrix(ci)));
      this.internInto(7, this.runId, row, ciRunId(ci));
      this.internInto(8, this.defaultBranch, row, ciText(ci, 'default_branch'));
    }
    return row;
  }

  /** A history of `records`, in their order. */
  static of(records: Iterable<ExecutionRecord>): ColumnarHistory {
    const history = new ColumnarHistory();
    for (const record of records) history.add(record);
    return history;
  }

  /** Rows of each name, in row order; names in first-seen order. */
  rowsByName(rows?: ArrayLike<number>): Map<string, Int32Array> {
    const counts = new Map<number, number>();
    const n = rows === undefined ? this.length : rows.length;
    const at = (k: number) => (rows === undefined ? k : rows[k]!);
    for (let k = 0; k < n; k++) {
      const id = this.name[at(k)]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const lists = new Map<number, { rows: Int32Array; filled: number }>();
    for (const [id, count] of counts) lists.set(id, { rows: new Int32Array(count), filled: 0 });
    for (let k = 0; k < n; k++) {
      const row = at(k);
      const list = lists.get(this.name[row]!)!;
      list.rows[list.filled++] = row;
    }
    const out = new Map<string, Int32Array>();
    for (const [id, list] of lists) out.set(this.texts[id]!, list.rows);
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

/** Receives each record read, beside its row, for what the columns do not keep. */
export type HistoryVisitor = (
  record: ExecutionRecord,
  row: number,
  startedMs: number,
  file: DayFile,
) => void;

/**
 * Reads the store's records in the window into columns, streaming: a record is parsed, its row
 * added, and it is garbage at once unless `visit` keeps it. Never throws on bad files or lines
 * (the store's reader counts and warns about them: see scanRecords). Rows are added to `history`
 * when given (so `visit` can read its columns), else to a new one.
 */
export async function readHistory(
  dir: string,
  options: ReadOptions = {},
  visit?: HistoryVisitor,
  history: ColumnarHistory = new ColumnarHistory(),
): Promise<{ history: ColumnarHistory; report: ReadReport }> {
  const report = await scanRecords(dir, options, (record, startedMs, file) => {
    const row = history.add(record, startedMs);
    visit?.(record, row, startedMs, file);
  });
  return { history, report };
}
