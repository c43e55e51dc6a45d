/**
 * The dashboard's data model: a compact JSON the in-page script draws from. Built in one pass
 * over the records (a streaming builder: a million-record history never sits in memory as
 * objects), then reduced to exact statistics plus a bounded, downsampled set of chart points.
 * Pure: no I/O, time comes in as `generatedAt`.
 */
import type { ExecutionRecord } from '../../core/record.js';
import { parseCi, type CiContext } from '../../core/ci.js';
import { ColumnarHistory, FAILED, NONE } from '../../core/history.js';
import { sourceOf, type RowSource } from '../../core/history-read.js';
import { dashboardAttention, type AttentionItem, type OperationColumns } from './attention.js';
import { downsampleIndices, pointBudget, valuePointBudget } from './downsample.js';
import { MAX_CHARTED_OPERATIONS, rankOperations } from './rank.js';
import { stringifyJson } from '../../core/json-text.js';
import { DAY_MS, parseTimestamp } from '../../core/record.js';
import { percentilesInPlace } from '../../core/stats.js';
import { redactSecrets, sanitizeErrorText } from '../../core/redact.js';
import { truncateText } from '../sanitize.js';
import { branchUrl, commitUrl, isSha, pullUrl, repositoryUrl, runUrl } from './links.js';
import { labelsOfStep, legKey, legOfRow } from '../../insight/series.js';
import {
  POINT,
  STAT,
  TABLE_ROW,
  VALUE_STAT,
  type DashboardModel,
  type DashboardRun,
  type DashboardValueSeries,
  type Stat,
  type ValueStat,
} from './layout.js';

export type { DashboardModel, DashboardRun } from './layout.js';

/** Rows of the recent-runs table: the newest overall, plus the newest few of every operation. */
export const MAX_RUN_ROWS = 200;
export const RUN_ROWS_PER_OPERATION = 5;
/** Branches offered in the branch filter (the most-run ones). */
export const MAX_FILTER_BRANCHES = 30;
/** Error text and metadata are cut to these lengths before they are published. */
export const MAX_ERROR_CHARS = 500;
export const MAX_DETAILS_CHARS = 300;
/** Operation names longer than this are cut for display. */
export const MAX_NAME_CHARS = 300;
export { MAX_CHARTED_OPERATIONS } from './rank.js';

export interface DashboardModelOptions {
  title?: string;
  generatedAt?: Date;
  /** Window in days, counted back from generatedAt; older records are left out. */
  days?: number;
  /** Items for the "needs attention" panel; default: src/insight's needsAttention over the window. */
  attention?: AttentionItem[];
  /** The branch needsAttention judges "slower"/"failing" on; default: the records' ci.default_branch. */
  defaultBranch?: string;
}

interface RunCandidate {
  tMs: number;
  ms: number;
  failed: boolean;
  /** Text ids of the history (-1: unknown). */
  branch: number;
  commit: number;
  record: ExecutionRecord;
}

/**
 * Rows of one step and leg (by the history's text ids): legs of a step are separate series, named
 * at build time. Holds only the newest runs' records, for the runs table.
 */
interface LegGroup {
  name: number;
  job: number;
  matrix: number;
  runnerOs: number;
  runnerArch: number;
  /** Its index in the builder's groups, and the first row seen (its leg is read from it). */
  index: number;
  firstRow: number;
  recent: RunCandidate[];
  /** Start of the oldest of `recent` after its last trim: older runs cannot be shown. */
  recentFloor: number;
}

/** A series of the model: its label, its groups and (at build) its columns. */
interface ModelSeries {
  name: string;
  groups: LegGroup[];
  /** Indices into the builder's kept rows, ascending by time. */
  kept: Int32Array;
}

function asCi(metadata: unknown): Partial<CiContext> {
  return parseCi(metadata) ?? {};
}

function branchOf(record: ExecutionRecord, ci: Partial<CiContext>): string | null {
  if (typeof ci.branch === 'string' && ci.branch !== '') return ci.branch;
  if (typeof ci.ref === 'string' && ci.ref.startsWith('refs/heads/')) return ci.ref.slice(11);
  const b = (record.metadata as Record<string, unknown> | null)?.branch;
  return typeof b === 'string' && b !== '' ? b : null;
}

function shaOf(record: ExecutionRecord): string | null {
  const m = record.metadata as Record<string, unknown> | null;
  const s = m?.sha ?? m?.commit;
  return isSha(s) ? s.toLowerCase() : null;
}

function roundMs(ms: number): number {
  return ms < 100 ? Math.round(ms * 100) / 100 : Math.round(ms);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function publicText(text: string, max: number): string {
  // Redact before cutting, so a secret is never cut into an unrecognisable but leaking prefix.
  return truncateText(redactSecrets(text), max);
}

function detailsOf(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null) return null;
  const rest = Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== 'ci'));
  if (Object.keys(rest).length === 0) return null;
  let json: string;
  try {
    json = stringifyJson(rest); // any depth: metadata comes from files
  } catch {
    return null;
  }
  return publicText(json, MAX_DETAILS_CHARS);
}

function lowerBound(t: Float64Array, value: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `counts` with counts[id] incremented, grown when id is beyond it. */
function count(counts: Float64Array, id: number): Float64Array {
  const out = id < counts.length ? counts : grownCopy(counts, id + 1);
  out[id]! += 1;
  return out;
}

/** A bigger copy of a typed array (×1.5), for columns that grow row by row. */
function grownCopy<T extends Int32Array | Float64Array>(column: T, atLeast: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(
    Math.max(atLeast, Math.ceil(column.length * 1.5), 1024),
  );
  bigger.set(column);
  return bigger;
}

/**
 * The exact statistics of the given indices (ascending by time), or of [lo, hi) when `indices`
 * is null. Percentiles by selection, not a sort: two linear passes instead of n log n.
 */
function statsOf(
  col: OperationColumns,
  indices: ArrayLike<number> | null,
  lo: number,
  hi: number,
  toT: (ms: number) => number,
): Omit<Stat, 'branch' | 'range'> {
  const n = indices === null ? hi - lo : indices.length;
  const durations = new Float64Array(n);
  let failures = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = indices === null ? lo + k : indices[k]!;
    const d = col.ms[i]!;
    durations[k] = d;
    sum += d;
    failures += col.failed[i]!;
  }
  const [p50 = NaN, p95 = NaN] = percentilesInPlace(durations, [50, 95]);
  const last = indices === null ? hi - 1 : indices[n - 1]!;
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

/** One value of a series' runs: the runs (indices into its OperationColumns) that carry it. */
interface ValueCells {
  name: string;
  unit: string | undefined;
  better: 'smaller' | 'bigger';
  /** Indices into the series' columns, ascending by time, and the value at each. */
  at: Int32Array;
  v: Float64Array;
}

/** A value as the page keeps it: six significant digits (a chart does not need more). */
function roundValue(v: number): number {
  return Number(v.toPrecision(6));
}

/** Exact statistics of `v[indices]` (indices ascending by time, not empty). */
function valueStatsOf(
  v: Float64Array,
  t: Float64Array,
  indices: ArrayLike<number>,
  toT: (ms: number) => number,
): Omit<ValueStat, 'branch' | 'range'> {
  const n = indices.length;
  const numbers = new Float64Array(n);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const x = v[indices[k]!]!;
    numbers[k] = x;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const [p50 = NaN, p95 = NaN] = percentilesInPlace(numbers, [50, 95]);
  return {
    runs: n,
    avg: roundValue(sum / n),
    p50: roundValue(p50),
    p95: roundValue(p95),
    min: roundValue(min),
    max: roundValue(max),
    lastT: toT(t[indices[n - 1]!] ?? 0),
  };
}

const COLUMN_KEYS = ['t', 'ms', 'failed', 'branch', 'commit', 'pr'] as const;

/** Columns for n runs, zeroed. */
function emptyColumns(name: string, n: number): OperationColumns {
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
function sameLeg(
  g: LegGroup,
  name: number,
  job: number,
  matrix: number,
  runnerOs: number,
  runnerArch: number,
): boolean {
  return (
    g.name === name &&
    g.job === job &&
    g.matrix === matrix &&
    g.runnerOs === runnerOs &&
    g.runnerArch === runnerArch
  );
}

export class DashboardModelBuilder {
  /** Leg groups by step name id; `groups` in first-seen order. */
  private readonly groupsByName = new Map<number, LegGroup[]>();
  private readonly groups: LegGroup[] = [];
  private lastGroup: LegGroup | undefined;
  private lastGroupIndex = -1;
  // The rows the model keeps (valid, in the window), as indices into the history's columns, with
  // what the columns do not say directly: the leg group, and branch and commit as the page shows
  // them (text ids of the history; fallbacks from ref / metadata.sha interned into it).
  private kept = 0;
  private keptGroup = new Int32Array(0);
  /** Row of each kept index; null while they are the same (readHistory's window: every row). */
  private keptRow: Int32Array | null = null;
  /** Branch and commit where they do not come from the row's ci.branch / ci.sha (rare). */
  private readonly branchFallback = new Map<number, number>();
  private readonly commitFallback = new Map<number, number>();
  /** Runs per branch text id, and per default-branch text id. */
  private branchCounts: Float64Array = new Float64Array(0);
  private defaultBranchCounts: Float64Array = new Float64Array(0);
  private readonly nowMs: number;
  private readonly startMs: number;
  private readonly days: number;
  private records = 0;
  private skipped = 0;
  /** The columns rows come from: the caller's (addRow) or the builder's own (add). */
  private source: ColumnarHistory | undefined;
  /** Commit text id of each history sha id (-2: not looked at yet; -1: not a commit sha). */
  private commitOfSha = new Int32Array(0);

  constructor(private readonly options: DashboardModelOptions = {}) {
    const days = options.days ?? 30;
    if (!Number.isFinite(days) || days <= 0) {
      throw new Error(`dashboard: days must be a positive number of days, got ${String(days)}`);
    }
    this.days = days;
    this.nowMs = (options.generatedAt ?? new Date()).getTime();
    this.startMs = this.nowMs - days * DAY_MS;
  }

  /** Epoch ms of the oldest record the window keeps. */
  get windowStartMs(): number {
    return this.startMs;
  }

  /** Counts records the caller could not read (e.g. bad lines), for the page's footer. */
  skip(count = 1): void {
    this.skipped += count;
  }

  add(record: ExecutionRecord): void {
    const tMs = parseTimestamp(record?.started_at);
    const ms = Number(record?.duration_ms);
    if (
      typeof record?.name !== 'string' ||
      !Number.isFinite(tMs) ||
      !Number.isFinite(ms) ||
      ms < 0
    ) {
      this.skipped += 1;
      return;
    }
    if (tMs < this.startMs) return;
    this.source ??= new ColumnarHistory();
    this.addRow(
      this.source,
      this.source.add({ ...record, duration_ms: ms }, tMs),
      sourceOf(record),
    );
  }

  /**
   * Adds row `row` of `history` (the core's columns, as readHistoryRows fills them); the row's
   * record is asked of `source` only for what the columns do not keep (links, error, details).
   * Every row of one builder comes from the same history. The model reads the history's columns
   * at build time: per row it keeps three ids, and a record only while it is among its leg's
   * newest.
   */
  addRow(history: ColumnarHistory, row: number, source: RowSource): void {
    if (this.source !== undefined && this.source !== history) {
      throw new Error('dashboard: every row of one model must come from the same history');
    }
    this.source = history;
    const tMs = history.startedMs[row]!;
    const ms = history.durationMs[row]!;
    if (!Number.isFinite(tMs) || !Number.isFinite(ms) || ms < 0) {
      this.skipped += 1;
      return;
    }
    if (tMs < this.startMs) return;
    this.records += 1;
    const group = this.groupOf(history, row);
    const k = this.kept++;
    let branch = history.branch[row]!;
    if (branch === NONE) {
      const record = source.record();
      const fallback = branchOf(record, asCi(record.metadata));
      branch = fallback === null ? NONE : history.intern(fallback);
      if (branch !== NONE) this.branchFallback.set(k, branch);
    }
    const commit = this.commitOfRow(history, row, source);
    if (commit !== NONE && !this.commitFromSha(history, row)) this.commitFallback.set(k, commit);
    if (k === this.keptGroup.length) {
      this.keptGroup = grownCopy(this.keptGroup, 0);
      if (this.keptRow !== null) this.keptRow = grownCopy(this.keptRow, this.keptGroup.length);
    }
    if (this.keptRow === null && row !== k) {
      // The first row left out (or out of order): from here on, rows are listed.
      this.keptRow = new Int32Array(this.keptGroup.length);
      for (let j = 0; j < k; j++) this.keptRow[j] = j;
    }
    if (this.keptRow !== null) this.keptRow[k] = row;
    this.keptGroup[k] = this.lastGroupIndex;
    if (branch !== NONE) this.branchCounts = count(this.branchCounts, branch);
    const defaultBranch = history.defaultBranch[row]!;
    if (defaultBranch !== NONE)
      this.defaultBranchCounts = count(this.defaultBranchCounts, defaultBranch);
    // Keep only the newest candidates for the runs table; trimmed in batches to stay O(n). A run
    // older than the newest MAX_RUN_ROWS already kept can never be shown: not kept (read newest
    // first, almost every record is then garbage at once).
    if (group.recent.length >= MAX_RUN_ROWS && tMs < group.recentFloor) return;
    const failed = (history.flags[row]! & FAILED) !== 0;
    group.recent.push({ tMs, ms, failed, branch, commit, record: source.record() });
    if (group.recent.length === MAX_RUN_ROWS && group.recentFloor === -Infinity) {
      // The first MAX_RUN_ROWS kept: a run older than all of them can never be shown. Set now, not
      // at the first trim, or the next MAX_RUN_ROWS older runs are parsed for nothing (at 10,000
      // records of 20 steps, 4,000 of the 8,000 records the dashboard parsed).
      let floor = Infinity;
      for (const r of group.recent) if (r.tMs < floor) floor = r.tMs;
      group.recentFloor = floor;
    }
    if (group.recent.length >= 2 * MAX_RUN_ROWS) {
      group.recent.sort((a, b) => b.tMs - a.tMs);
      group.recent.length = MAX_RUN_ROWS;
      group.recentFloor = group.recent[MAX_RUN_ROWS - 1]!.tMs;
    }
  }

  /** The row's leg group (step name and leg, by text ids); sets lastGroupIndex. */
  private groupOf(history: ColumnarHistory, row: number): LegGroup {
    const name = history.name[row]!;
    const job = history.job[row]!;
    const matrix = history.matrix[row]!;
    const runnerOs = history.runnerOs[row]!;
    const runnerArch = history.runnerArch[row]!;
    // A loop, not a find() with a closure: this runs per row, and a closure per row is garbage.
    const last = this.lastGroup;
    if (last !== undefined && sameLeg(last, name, job, matrix, runnerOs, runnerArch)) {
      this.lastGroupIndex = last.index;
      return last;
    }
    let list = this.groupsByName.get(name);
    if (list === undefined) this.groupsByName.set(name, (list = []));
    let group: LegGroup | undefined;
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
  private commitOfRow(history: ColumnarHistory, row: number, source: RowSource): number {
    const sha = history.sha[row]!;
    if (sha !== NONE) {
      if (this.commitOfSha.length <= sha) {
        const bigger = new Int32Array(Math.max(1024, (sha + 1) * 2)).fill(-2);
        bigger.set(this.commitOfSha);
        this.commitOfSha = bigger;
      }
      let id = this.commitOfSha[sha]!;
      if (id === -2) {
        const text = history.texts[sha];
        id = isSha(text) ? history.intern(text.toLowerCase()) : -1;
        this.commitOfSha[sha] = id;
      }
      if (id !== -1) return id;
    }
    const fallback = shaOf(source.record());
    return fallback === null ? NONE : history.intern(fallback);
  }

  /** Whether the row's commit is its ci.sha (looked at by commitOfRow already). */
  private commitFromSha(history: ColumnarHistory, row: number): boolean {
    const sha = history.sha[row]!;
    return sha !== NONE && this.commitOfSha[sha]! >= 0;
  }

  /** The history row of kept index k. */
  private rowOf(k: number): number {
    return this.keptRow === null ? k : this.keptRow[k]!;
  }

  /** The option, else the ci.default_branch most records name, else null. */
  private defaultBranch(history: ColumnarHistory): string | null {
    if (this.options.defaultBranch !== undefined) return this.options.defaultBranch;
    let best = NONE;
    let most = 0;
    this.defaultBranchCounts.forEach((n, id) => {
      if (n > most) [best, most] = [id, n];
    });
    return history.text(best) ?? null;
  }

  /**
   * The model's series: leg groups named by labelsOfStep (legs recorded with less context that
   * resolve to the same series are merged), each with its kept rows in read order.
   */
  private series(history: ColumnarHistory): ModelSeries[] {
    const byLabel = new Map<string, LegGroup[]>();
    for (const [name, list] of this.groupsByName) {
      const step = history.texts[name]!;
      const legs = list.map((g) => legOfRow(history, g.firstRow));
      const labels = labelsOfStep(step, legs);
      list.forEach((g, i) => {
        const label = labels.get(legKey(legs[i]!)) ?? step;
        const into = byLabel.get(label);
        if (into === undefined) byLabel.set(label, [g]);
        else into.push(g);
      });
    }
    // Kept rows per group, then per series, in read order (columnsInReadOrder sorts them by
    // time where the read did not).
    const counts = new Int32Array(this.groups.length);
    for (let k = 0; k < this.kept; k++) counts[this.keptGroup[k]!]!++;
    const lists = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(this.groups.length);
    for (let k = 0; k < this.kept; k++) {
      const g = this.keptGroup[k]!;
      lists[g]![filled[g]!++] = k;
    }
    const out: ModelSeries[] = [];
    for (const [name, groups] of byLabel) {
      const parts = groups.map((g) => lists[g.index]!);
      let kept: Int32Array;
      if (parts.length === 1) kept = parts[0]!;
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
  private columnsInReadOrder(
    history: ColumnarHistory,
    series: ModelSeries[],
  ): (OperationColumns | undefined)[] {
    const seriesOfGroup = new Int32Array(this.groups.length);
    series.forEach((s, j) => s.groups.forEach((g) => (seriesOfGroup[g.index] = j)));
    const cols: (OperationColumns | undefined)[] = series.map((s) =>
      emptyColumns(s.name, s.kept.length),
    );
    const filled = new Int32Array(series.length);
    const previous = new Float64Array(series.length).fill(-Infinity);
    // Where each series' ascending stretches start (positions in its columns), after the first.
    const breaks: number[][] = series.map(() => []);
    const { startedMs, durationMs, flags, branch, sha, prNumber } = history;
    for (let k = 0; k < this.kept; k++) {
      const j = seriesOfGroup[this.keptGroup[k]!]!;
      const col = cols[j]!;
      const i = filled[j]!++;
      const row = this.rowOf(k);
      const t = startedMs[row]!;
      if (t < previous[j]!) breaks[j]!.push(i);
      previous[j] = t;
      col.t[i] = t;
      col.ms[i] = durationMs[row]!;
      col.failed[i] = (flags[row]! & FAILED) !== 0 ? 1 : 0;
      const b = branch[row]!;
      col.branch[i] = b !== NONE ? b : (this.branchFallback.get(k) ?? NONE);
      col.commit[i] = this.commitFromSha(history, row)
        ? this.commitOfSha[sha[row]!]!
        : (this.commitFallback.get(k) ?? NONE);
      col.pr[i] = Number.isNaN(prNumber[row]) ? 0 : 1;
    }
    let scratch: OperationColumns | undefined;
    let scratchKept = new Int32Array(0);
    breaks.forEach((starts, j) => {
      if (starts.length === 0) return;
      const s = series[j]!;
      const col = cols[j]!;
      const blocks = [0, ...starts].map((from, r) => ({
        from,
        to: r < starts.length ? starts[r]! : s.kept.length,
      }));
      blocks.sort((a, b) => col.t[a.from]! - col.t[b.from]!);
      // Each block ascending; in time order, each must end before the next begins.
      const apart = blocks.every(
        (x, r) => r === 0 || col.t[blocks[r - 1]!.to - 1]! < col.t[x.from]!,
      );
      if (apart) {
        // Blocks copied in time order into scratch columns, then back (no second set of columns).
        const n = s.kept.length;
        if (scratch === undefined || scratch.t.length < n) scratch = emptyColumns('', n);
        if (scratchKept.length < n) scratchKept = new Int32Array(n);
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
      order.sort((a, b) => startedMs[this.rowOf(a)]! - startedMs[this.rowOf(b)]! || a - b);
      s.kept = Int32Array.from(order);
      cols[j] = this.columnsOf(history, s);
    });
    return cols;
  }

  /** One series' typed columns, read from the history (ids: history text ids, -1 unknown). */
  private columnsOf(history: ColumnarHistory, s: ModelSeries): OperationColumns {
    const n = s.kept.length;
    const col = emptyColumns(s.name, n);
    for (let i = 0; i < n; i++) {
      const k = s.kept[i]!;
      const row = this.rowOf(k);
      col.t[i] = history.startedMs[row]!;
      col.ms[i] = history.durationMs[row]!;
      col.failed[i] = (history.flags[row]! & FAILED) !== 0 ? 1 : 0;
      const branch = history.branch[row]!;
      col.branch[i] = branch !== NONE ? branch : (this.branchFallback.get(k) ?? NONE);
      col.commit[i] = this.commitFromSha(history, row)
        ? this.commitOfSha[history.sha[row]!]!
        : (this.commitFallback.get(k) ?? NONE);
      col.pr[i] = Number.isNaN(history.prNumber[row]) ? 0 : 1;
    }
    return col;
  }

  /**
   * The values the series' runs carry (history.valueView per value name), by name; the cells
   * point at indices of the series' columns (time order, as columnsOf makes them).
   */
  private valueCellsOf(history: ColumnarHistory, s: ModelSeries): ValueCells[] {
    if (history.values.size === 0) return [];
    const n = s.kept.length;
    // valueView reads rows ascending: the series' rows in row order, with their time position.
    const order = Array.from({ length: n }, (_, i) => i);
    const rowAt = (i: number): number => this.rowOf(s.kept[i]!);
    order.sort((a, b) => rowAt(a) - rowAt(b));
    const rows = Int32Array.from(order, rowAt);
    const out: ValueCells[] = [];
    const names = [...history.values.keys()].sort();
    for (const name of names) {
      const view = history.valueView(name, rows);
      if (view === undefined || view.rows.length === 0) continue;
      const byPosition = new Float64Array(n).fill(NaN);
      let j = 0;
      view.rows.forEach((row, k) => {
        while (rows[j]! < row) j++;
        byPosition[order[j]!] = view.numbers[k]!;
      });
      const at = new Int32Array(view.rows.length);
      const v = new Float64Array(view.rows.length);
      let m = 0;
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(byPosition[i])) continue;
        at[m] = i;
        v[m++] = byPosition[i]!;
      }
      out.push({ name, unit: view.unit, better: view.better, at, v });
    }
    return out;
  }

  /** A value's series for the page: exact stats per (branch, range), downsampled points. */
  private valueSeriesOf(
    cells: ValueCells,
    col: OperationColumns,
    ranges: ReadonlyArray<{ days: number }>,
    budget: number,
    filterSlot: Int32Array,
    filterBranches: number,
    toT: (ms: number) => number,
    mapBranch: (id: number) => number,
    mapCommit: (id: number) => number,
  ): DashboardValueSeries {
    const n = cells.at.length;
    const t = Float64Array.from(cells.at, (i) => col.t[i]!);
    const failed = Uint8Array.from(cells.at, (i) => col.failed[i]!);
    const slot = Int32Array.from(cells.at, (i) => filterSlot[col.branch[i]!] ?? -1);
    const mask = new Uint8Array(n);
    const stats: number[] = [];
    ranges.forEach((range, r) => {
      const lo = lowerBound(t, this.nowMs - range.days * DAY_MS);
      if (lo >= n) return;
      for (const i of downsampleIndices(t, cells.v, failed, lo, n, budget)) mask[i]! |= 1 << r;
      const all = Int32Array.from({ length: n - lo }, (_, k) => lo + k);
      VALUE_STAT.push(stats, { branch: -1, range: r, ...valueStatsOf(cells.v, t, all, toT) });
      const lists: number[][] = Array.from({ length: filterBranches }, () => []);
      for (let i = lo; i < n; i++) if (slot[i]! >= 0) lists[slot[i]!]!.push(i);
      lists.forEach((list, b) => {
        if (list.length > 0) {
          VALUE_STAT.push(stats, { branch: b, range: r, ...valueStatsOf(cells.v, t, list, toT) });
        }
      });
    });
    const points: number[] = [];
    for (let k = 0; k < n; k++) {
      if (mask[k] === 0) continue;
      const i = cells.at[k]!;
      POINT.push(points, {
        t: toT(t[k]!),
        ms: roundValue(cells.v[k]!),
        ok: failed[k] === 1 ? 0 : 1,
        branch: mapBranch(col.branch[i] ?? -1),
        commit: mapCommit(col.commit[i] ?? -1),
        ranges: mask[k]!,
      });
    }
    return { name: cells.name, unit: cells.unit ?? null, better: cells.better, points, stats };
  }

  build(): DashboardModel {
    const history = this.source ?? new ColumnarHistory();
    const modelSeries = this.series(history);
    // All series' columns in one pass over the rows (about 26 bytes a run); each is let go once
    // drawn. This also puts every series' kept rows in time order.
    const columns = this.columnsInReadOrder(history, modelSeries);
    const columnsAt = (c: number): OperationColumns => {
      const col = columns[c]!;
      columns[c] = undefined;
      return col;
    };
    // Ranking needs only counts and last times, read from the history.
    const t = history.startedMs;
    const lastStart = (s: ModelSeries) =>
      s.kept.length > 0 ? t[this.rowOf(s.kept[s.kept.length - 1]!)]! : -Infinity;
    const ranked = modelSeries.map((s) => ({
      name: s.name,
      runs: s.kept.length,
      last: lastStart(s),
    }));
    const defaultBranch = this.defaultBranch(history);
    const knownDefault =
      defaultBranch !== null && (this.branchCounts[history.idOf(defaultBranch)] ?? 0) > 0;
    const attention =
      this.options.attention ??
      dashboardAttention(
        history,
        modelSeries.map((s) => ({ name: s.name, rows: s.kept.map((k) => this.rowOf(k)) })),
        this.nowMs,
        knownDefault ? defaultBranch : null,
      );
    // Charts for the most relevant few; every other operation is one row of `table`.
    const order = rankOperations(ranked, attention);
    const charted = Math.min(MAX_CHARTED_OPERATIONS, order.length);
    const position = new Int32Array(modelSeries.length);
    order.forEach((c, k) => (position[c] = k));
    const budget = pointBudget(charted);

    let minMs = this.nowMs;
    for (const series of modelSeries) {
      if (series.kept.length > 0) minMs = Math.min(minMs, t[this.rowOf(series.kept[0]!)]!);
    }
    const t0 = Math.floor(minMs / 1000);
    const toT = (ms: number): number => Math.round(ms / 1000 - t0);

    const ranges = [7, 30, 90]
      .filter((d) => d < this.days)
      .map((d) => ({ days: d, label: `${d} days` }));
    ranges.push({ days: this.days, label: `All (${this.days} days)` });

    // Branch dictionary: the most-run branches first (those are the filter's choices).
    const byCount: number[] = [];
    this.branchCounts.forEach((n, id) => {
      if (n > 0) byCount.push(id);
    });
    // Most runs first; ties in first-seen order (text ids are first-seen).
    byCount.sort((a, b) => this.branchCounts[b]! - this.branchCounts[a]! || a - b);
    const filterBranches = Math.min(MAX_FILTER_BRANCHES, byCount.length);
    const branchOut: string[] = [];
    const branchMap = new Map<number, number>();
    const mapBranch = (id: number): number => {
      if (id < 0) return -1;
      let out = branchMap.get(id);
      if (out === undefined) {
        out = branchOut.length;
        branchMap.set(id, out);
        branchOut.push(history.texts[id] ?? '');
      }
      return out;
    };
    for (let k = 0; k < filterBranches; k++) mapBranch(byCount[k] ?? -1);
    // The filter slot of each history text id (-1: not a filter branch), for per-branch stats.
    const filterSlot = new Int32Array(history.texts.length).fill(-1);
    for (let k = 0; k < filterBranches; k++) filterSlot[byCount[k]!] = k;
    const commitOut: string[] = [];
    const commitMap = new Map<number, number>();
    const mapCommit = (id: number): number => {
      if (id < 0) return -1;
      let out = commitMap.get(id);
      if (out === undefined) {
        out = commitOut.length;
        commitMap.set(id, out);
        commitOut.push(history.texts[id] ?? '');
      }
      return out;
    };

    const series: number[][] = [];
    const stats: number[][] = [];
    // Value series of the charted operations only (the bound on charts holds for them too); their
    // points share one budget, so 30 values per run cost about what one more chart would.
    const cellsOf = order.slice(0, charted).map((c) => this.valueCellsOf(history, modelSeries[c]!));
    const valueBudget = valuePointBudget(
      budget,
      cellsOf.reduce((sum, cells) => sum + cells.length, 0),
    );
    const values: DashboardValueSeries[][] = [];
    let points = 0;
    for (const [k, c] of order.slice(0, charted).entries()) {
      const col = columnsAt(c);
      values.push(
        cellsOf[k]!.map((cells) =>
          this.valueSeriesOf(
            cells,
            col,
            ranges,
            valueBudget,
            filterSlot,
            filterBranches,
            toT,
            mapBranch,
            mapCommit,
          ),
        ),
      );
      const n = col.t.length;
      const mask = new Uint8Array(n);
      const opStats: number[] = [];
      ranges.forEach((range, r) => {
        const lo = lowerBound(col.t, this.nowMs - range.days * DAY_MS);
        if (lo >= n) return;
        for (const i of downsampleIndices(col.t, col.ms, col.failed, lo, n, budget)) {
          mask[i] = (mask[i] ?? 0) | (1 << r);
        }
        STAT.push(opStats, { branch: -1, range: r, ...statsOf(col, null, lo, n, toT) });
        // Per filter branch (their model ids are 0..filterBranches-1), in id order.
        const counts = new Int32Array(filterBranches);
        for (let i = lo; i < n; i++) {
          const b = filterSlot[col.branch[i]!] ?? -1;
          if (b >= 0) counts[b]!++;
        }
        const lists = Array.from(counts, (count) => new Int32Array(count));
        const filled = new Int32Array(filterBranches);
        for (let i = lo; i < n; i++) {
          const b = filterSlot[col.branch[i]!] ?? -1;
          if (b >= 0) lists[b]![filled[b]!++] = i;
        }
        lists.forEach((list, b) => {
          if (list.length > 0) {
            STAT.push(opStats, { branch: b, range: r, ...statsOf(col, list, 0, 0, toT) });
          }
        });
      });
      const flat: number[] = [];
      for (let i = 0; i < n; i++) {
        if (mask[i] === 0) continue;
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

    const table: number[] = [];
    for (const c of order.slice(charted)) {
      const col = columnsAt(c);
      TABLE_ROW.push(table, statsOf(col, null, 0, col.t.length, toT));
    }

    const runs = this.recentRuns(
      history,
      modelSeries,
      position,
      charted,
      toT,
      mapBranch,
      mapCommit,
    );

    return {
      version: 1,
      title: this.options.title ?? 'dev-metrics dashboard',
      generatedAt: new Date(this.nowMs).toISOString(),
      t0,
      now: toT(this.nowMs),
      days: this.days,
      ranges,
      ops: order.map((c) => truncateText(modelSeries[c]?.name ?? '', MAX_NAME_CHARS)),
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
        .map((a) => ({ ...a, name: truncateText(a.name, MAX_NAME_CHARS) })),
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

  private recentRuns(
    history: ColumnarHistory,
    modelSeries: readonly ModelSeries[],
    position: Int32Array,
    charted: number,
    toT: (ms: number) => number,
    mapBranch: (id: number) => number,
    mapCommit: (id: number) => number,
  ): DashboardRun[] {
    // The newest rows overall, plus the newest few of every charted operation (rare ones stay
    // visible); `op` is the operation's position in the model's `ops`.
    const rows = new Map<RunCandidate, number>();
    const newest: Array<[RunCandidate, number]> = [];
    modelSeries.forEach((series, index) => {
      const op = position[index] ?? 0;
      const recent = series.groups
        .flatMap((g) => g.recent)
        .sort((a, b) => b.tMs - a.tMs)
        .slice(0, MAX_RUN_ROWS);
      recent.forEach((c, k) => {
        newest.push([c, op]);
        if (k < RUN_ROWS_PER_OPERATION && op < charted) rows.set(c, op);
      });
    });
    newest.sort((a, b) => b[0].tMs - a[0].tMs);
    for (const [c, op] of newest.slice(0, MAX_RUN_ROWS)) rows.set(c, op);
    return [...rows]
      .sort((a, b) => b[0].tMs - a[0].tMs)
      .map(([c, op]) => {
        const ci = asCi(c.record.metadata);
        const repo = repositoryUrl(ci.server_url, ci.repository);
        const branchName = history.text(c.branch);
        const error =
          typeof c.record.error === 'string' && c.record.error !== '' ? c.record.error : null;
        const pr =
          typeof ci.pr_number === 'number' && Number.isInteger(ci.pr_number) ? ci.pr_number : null;
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
          error: error === null ? null : sanitizeErrorText(error, MAX_ERROR_CHARS),
          details: detailsOf(c.record.metadata),
        };
      });
  }
}

/** The model of a whole history in one call (pure). */
export function buildDashboardModel(
  records: Iterable<ExecutionRecord>,
  options: DashboardModelOptions = {},
): DashboardModel {
  const builder = new DashboardModelBuilder(options);
  for (const record of records) builder.add(record);
  return builder.build();
}
