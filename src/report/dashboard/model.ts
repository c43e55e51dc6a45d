/**
 * The dashboard's data model: a compact JSON the in-page script draws from. Built in one pass
 * over the records (a streaming builder: a million-record history never sits in memory as
 * objects), then reduced to exact statistics plus a bounded, downsampled set of chart points.
 * Pure: no I/O, time comes in as `generatedAt`.
 */
import type { ExecutionRecord } from '../../core/record.js';
import { parseCi, type CiContext } from '../../core/ci.js';
import { ColumnarHistory, NONE } from '../../core/history.js';
import { dashboardAttention, type AttentionItem, type OperationColumns } from './attention.js';
import { downsampleIndices, pointBudget } from './downsample.js';
import { MAX_CHARTED_OPERATIONS, rankOperations } from './rank.js';
import { stringifyJson } from '../../core/json-text.js';
import { DAY_MS, parseTimestamp } from '../../core/record.js';
import { percentile } from '../../core/stats.js';
import { redactSecrets, sanitizeErrorText } from '../../core/redact.js';
import { truncateText } from '../sanitize.js';
import { branchUrl, commitUrl, isSha, pullUrl, repositoryUrl, runUrl } from './links.js';
import { labelsOfStep, legKey, type Leg } from '../../insight/series.js';
import {
  POINT,
  STAT,
  TABLE_ROW,
  type DashboardModel,
  type DashboardRun,
  type Stat,
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
  branch: number;
  commit: number;
  record: ExecutionRecord;
}

interface OpBuffer {
  name: string;
  /** The series' leg (job, matrix values, runner): legs of a step are separate series. */
  leg?: Leg;
  t: number[];
  ms: number[];
  failed: number[];
  branch: number[];
  commit: number[];
  pr: number[];
  recent: RunCandidate[];
  /** Start of the oldest of `recent` after its last trim: older runs cannot be shown. */
  recentFloor: number;
}

function asCi(metadata: unknown): Partial<CiContext> {
  return parseCi(metadata) ?? {};
}

/** The leg of a row of a columnar history (see legOf). */
function legOfRow(history: ColumnarHistory, row: number): Leg {
  const matrix = history.text(history.matrix[row]!);
  return {
    job: history.text(history.job[row]!) ?? '',
    matrix:
      matrix === undefined
        ? {}
        : (Object.fromEntries(JSON.parse(matrix) as [string, string][]) as Record<string, string>),
    runnerOs: history.text(history.runnerOs[row]!) ?? '',
    runnerArch: history.text(history.runnerArch[row]!) ?? '',
  };
}

function branchOf(record: ExecutionRecord, ci: Partial<CiContext>): string | null {
  if (typeof ci.branch === 'string' && ci.branch !== '') return ci.branch;
  if (typeof ci.ref === 'string' && ci.ref.startsWith('refs/heads/')) return ci.ref.slice(11);
  const b = (record.metadata as Record<string, unknown> | null)?.branch;
  return typeof b === 'string' && b !== '' ? b : null;
}

function shaOf(record: ExecutionRecord, ci: Partial<CiContext>): string | null {
  if (isSha(ci.sha)) return ci.sha.toLowerCase();
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

/**
 * One buffer per series, named by its label (`unit_tests · windows-latest` when the step has several
 * legs); legs recorded with less context that resolve to the same series are merged into it.
 */
function labelledSeries(buffers: readonly OpBuffer[]): OpBuffer[] {
  const byName = new Map<string, OpBuffer[]>();
  for (const buf of buffers) byName.set(buf.name, [...(byName.get(buf.name) ?? []), buf]);
  const out = new Map<string, OpBuffer>();
  for (const [name, list] of byName) {
    const labels = labelsOfStep(
      name,
      list.map((b) => b.leg ?? { job: '', matrix: {}, runnerOs: '', runnerArch: '' }),
    );
    for (const buf of list) {
      const label = (buf.leg && labels.get(legKey(buf.leg))) ?? name;
      const into = out.get(label);
      if (into === undefined) {
        out.set(label, { ...buf, name: label });
        continue;
      }
      into.t = into.t.concat(buf.t);
      into.ms = into.ms.concat(buf.ms);
      into.failed = into.failed.concat(buf.failed);
      into.branch = into.branch.concat(buf.branch);
      into.commit = into.commit.concat(buf.commit);
      into.pr = into.pr.concat(buf.pr);
      into.recent = into.recent.concat(buf.recent);
    }
  }
  return [...out.values()];
}

/** Sorted, typed columns of one operation. */
function sortColumns(buf: OpBuffer): OperationColumns {
  const n = buf.t.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = (buf.t[i - 1] ?? 0) <= (buf.t[i] ?? 0);
  if (!sorted) order.sort((a, b) => (buf.t[a] ?? 0) - (buf.t[b] ?? 0));
  const pick = <A extends Float64Array | Int32Array | Uint8Array>(src: number[], out: A): A => {
    for (let i = 0; i < n; i++) out[i] = src[order[i] ?? 0] ?? 0;
    return out;
  };
  return {
    name: buf.name,
    t: pick(buf.t, new Float64Array(n)),
    ms: pick(buf.ms, new Float64Array(n)),
    failed: pick(buf.failed, new Uint8Array(n)),
    branch: pick(buf.branch, new Int32Array(n)),
    commit: pick(buf.commit, new Int32Array(n)),
    pr: pick(buf.pr, new Uint8Array(n)),
  };
}

/** The exact statistics of the given indices (ascending by time). */
function statsOf(
  col: OperationColumns,
  indices: ArrayLike<number>,
  toT: (ms: number) => number,
): Omit<Stat, 'branch' | 'range'> {
  const n = indices.length;
  const durations = new Float64Array(n);
  let failures = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k] ?? 0;
    const d = col.ms[i] ?? 0;
    durations[k] = d;
    sum += d;
    failures += col.failed[i] ?? 0;
  }
  durations.sort();
  const last = indices[n - 1] ?? 0;
  return {
    runs: n,
    failures,
    avg: round1(sum / n),
    p50: round1(percentile(durations, 50)),
    p95: round1(percentile(durations, 95)),
    lastT: toT(col.t[last] ?? 0),
    lastOk: col.failed[last] === 1 ? 0 : 1,
  };
}

export class DashboardModelBuilder {
  private readonly ops = new Map<string, OpBuffer>();
  private readonly branchIds = new Map<string, number>();
  private readonly branchNames: string[] = [];
  private readonly branchCounts: number[] = [];
  private readonly commitIds = new Map<string, number>();
  private readonly commitNames: string[] = [];
  private readonly defaultBranches = new Map<string, number>();
  private readonly nowMs: number;
  private readonly startMs: number;
  private readonly days: number;
  private records = 0;
  private skipped = 0;
  /** The columns rows come from: the caller's (addRow) or the builder's own (add). */
  private source: ColumnarHistory | undefined;
  /** Builder commit id of each history sha id (-2: not looked at yet; -1: not a commit sha). */
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
    this.addRow(this.source, this.source.add({ ...record, duration_ms: ms }, tMs), record);
  }

  /**
   * Adds row `row` of `history` (the core's columns, as readHistory fills them), `record` being
   * that row's record, read for what the columns do not keep (links, error, details). Every row
   * of one builder comes from the same history.
   */
  addRow(history: ColumnarHistory, row: number, record: ExecutionRecord): void {
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
    // The series: name and leg, by text ids (no key built from the texts themselves).
    const key = `${history.name[row]} ${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
    let op = this.ops.get(key);
    if (op === undefined) {
      op = {
        name: history.text(history.name[row]!)!,
        leg: legOfRow(history, row),
        t: [],
        ms: [],
        failed: [],
        branch: [],
        commit: [],
        pr: [],
        recent: [],
        recentFloor: -Infinity,
      };
      this.ops.set(key, op);
    }
    const branchText = history.text(history.branch[row]!);
    const branch = this.intern(
      branchText ?? branchOf(record, asCi(record.metadata)),
      this.branchIds,
      this.branchNames,
    );
    if (branch >= 0) this.branchCounts[branch] = (this.branchCounts[branch] ?? 0) + 1;
    const commit = this.commitOfRow(history, row, record);
    const failed = record.status === 'failed';
    op.t.push(tMs);
    op.ms.push(ms);
    op.failed.push(failed ? 1 : 0);
    op.branch.push(branch);
    op.commit.push(commit);
    op.pr.push(Number.isNaN(history.prNumber[row]) ? 0 : 1);
    const defaultBranch = history.text(history.defaultBranch[row]!);
    if (defaultBranch !== undefined) {
      this.defaultBranches.set(defaultBranch, (this.defaultBranches.get(defaultBranch) ?? 0) + 1);
    }
    // Keep only the newest candidates for the runs table; trimmed in batches to stay O(n). A run
    // older than the newest MAX_RUN_ROWS already kept can never be shown: not kept (read newest
    // first, almost every record is then garbage at once).
    if (op.recent.length >= MAX_RUN_ROWS && tMs < op.recentFloor) return;
    op.recent.push({ tMs, ms, failed, branch, commit, record });
    if (op.recent.length >= 2 * MAX_RUN_ROWS) {
      op.recent.sort((a, b) => b.tMs - a.tMs);
      op.recent.length = MAX_RUN_ROWS;
      op.recentFloor = op.recent[MAX_RUN_ROWS - 1]!.tMs;
    }
  }

  /** The builder's commit id of a row: its ci.sha when it is one, else metadata.sha / commit. */
  private commitOfRow(history: ColumnarHistory, row: number, record: ExecutionRecord): number {
    const sha = history.sha[row]!;
    if (sha !== NONE) {
      if (this.commitOfSha.length < history.texts.length) {
        const bigger = new Int32Array(Math.max(1024, history.texts.length * 2)).fill(-2);
        bigger.set(this.commitOfSha);
        this.commitOfSha = bigger;
      }
      let id = this.commitOfSha[sha]!;
      if (id === -2) {
        const text = history.texts[sha];
        id = isSha(text) ? this.intern(text.toLowerCase(), this.commitIds, this.commitNames) : -1;
        this.commitOfSha[sha] = id;
      }
      if (id !== -1) return id;
    }
    return this.intern(shaOf(record, {}), this.commitIds, this.commitNames);
  }

  /** The option, else the ci.default_branch most records name, else null. */
  private defaultBranch(): string | null {
    if (this.options.defaultBranch !== undefined) return this.options.defaultBranch;
    let best: string | null = null;
    let count = 0;
    for (const [name, n] of this.defaultBranches) if (n > count) [best, count] = [name, n];
    return best;
  }

  private intern(value: string | null, ids: Map<string, number>, names: string[]): number {
    if (value === null) return -1;
    let id = ids.get(value);
    if (id === undefined) {
      id = names.length;
      ids.set(value, id);
      names.push(value);
    }
    return id;
  }

  build(): DashboardModel {
    const opBuffers = labelledSeries([...this.ops.values()]).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    const columns = opBuffers.map(sortColumns);
    const attention =
      this.options.attention ??
      dashboardAttention(
        columns,
        this.branchNames,
        this.commitNames,
        this.nowMs,
        this.defaultBranch(),
      );
    // Charts for the most relevant few; every other operation is one row of `table`.
    const order = rankOperations(columns, attention);
    const charted = Math.min(MAX_CHARTED_OPERATIONS, order.length);
    const position = new Int32Array(columns.length);
    order.forEach((c, k) => (position[c] = k));
    const budget = pointBudget(charted);

    let minMs = this.nowMs;
    for (const col of columns) if (col.t.length > 0) minMs = Math.min(minMs, col.t[0] ?? minMs);
    const t0 = Math.floor(minMs / 1000);
    const toT = (ms: number): number => Math.round(ms / 1000 - t0);

    const ranges = [7, 30, 90]
      .filter((d) => d < this.days)
      .map((d) => ({ days: d, label: `${d} days` }));
    ranges.push({ days: this.days, label: `All (${this.days} days)` });

    // Branch dictionary: the most-run branches first (those are the filter's choices).
    const byCount = this.branchNames
      .map((_, id) => id)
      .sort((a, b) => (this.branchCounts[b] ?? 0) - (this.branchCounts[a] ?? 0));
    const filterBranches = Math.min(MAX_FILTER_BRANCHES, byCount.length);
    const branchOut: string[] = [];
    const branchMap = new Map<number, number>();
    const mapBranch = (id: number): number => {
      if (id < 0) return -1;
      let out = branchMap.get(id);
      if (out === undefined) {
        out = branchOut.length;
        branchMap.set(id, out);
        branchOut.push(this.branchNames[id] ?? '');
      }
      return out;
    };
    for (let k = 0; k < filterBranches; k++) mapBranch(byCount[k] ?? -1);
    const commitOut: string[] = [];
    const commitMap = new Map<number, number>();
    const mapCommit = (id: number): number => {
      if (id < 0) return -1;
      let out = commitMap.get(id);
      if (out === undefined) {
        out = commitOut.length;
        commitMap.set(id, out);
        commitOut.push(this.commitNames[id] ?? '');
      }
      return out;
    };

    const series: number[][] = [];
    const stats: number[][] = [];
    let points = 0;
    for (const c of order.slice(0, charted)) {
      const col = columns[c]!;
      const n = col.t.length;
      const mask = new Uint8Array(n);
      const opStats: number[] = [];
      ranges.forEach((range, r) => {
        const lo = lowerBound(col.t, this.nowMs - range.days * DAY_MS);
        if (lo >= n) return;
        for (const i of downsampleIndices(col.t, col.ms, col.failed, lo, n, budget)) {
          mask[i] = (mask[i] ?? 0) | (1 << r);
        }
        const all = Uint32Array.from({ length: n - lo }, (_, k) => lo + k);
        STAT.push(opStats, { branch: -1, range: r, ...statsOf(col, all, toT) });
        const perBranch = new Map<number, number[]>();
        for (let i = lo; i < n; i++) {
          const b = mapBranch(col.branch[i] ?? -1);
          if (b < 0 || b >= filterBranches) continue;
          let list = perBranch.get(b);
          if (list === undefined) perBranch.set(b, (list = []));
          list.push(i);
        }
        for (const [b, list] of [...perBranch].sort((x, y) => x[0] - y[0])) {
          STAT.push(opStats, { branch: b, range: r, ...statsOf(col, list, toT) });
        }
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
      const col = columns[c]!;
      const all = Uint32Array.from({ length: col.t.length }, (_, k) => k);
      TABLE_ROW.push(table, statsOf(col, all, toT));
    }

    const runs = this.recentRuns(opBuffers, position, charted, toT, mapBranch, mapCommit);

    return {
      version: 1,
      title: this.options.title ?? 'dev-metrics dashboard',
      generatedAt: new Date(this.nowMs).toISOString(),
      t0,
      now: toT(this.nowMs),
      days: this.days,
      ranges,
      ops: order.map((c) => truncateText(columns[c]?.name ?? '', MAX_NAME_CHARS)),
      charted,
      table,
      branches: branchOut,
      filterBranches,
      commits: commitOut,
      series,
      stats,
      runs,
      attention: attention
        .slice(0, MAX_CHARTED_OPERATIONS)
        .map((a) => ({ ...a, name: truncateText(a.name, MAX_NAME_CHARS) })),
      totals: {
        records: this.records,
        skipped: this.skipped,
        operations: columns.length,
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
    opBuffers: OpBuffer[],
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
    opBuffers.forEach((buf, index) => {
      const op = position[index] ?? 0;
      const recent = [...buf.recent].sort((a, b) => b.tMs - a.tMs).slice(0, MAX_RUN_ROWS);
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
        const branchName = c.branch >= 0 ? this.branchNames[c.branch] : undefined;
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
          commitUrl: commitUrl(repo, c.commit >= 0 ? this.commitNames[c.commit] : null),
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
