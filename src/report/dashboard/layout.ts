/**
 * The dashboard model's wire format: what the model writes into the page's JSON and the in-page
 * script reads back. Shared by both sides (the model in Node, the client bundled into the page),
 * so it stays free of imports that need Node. The model keeps its bulk data in flat number arrays
 * (a chart point is six numbers, not an object: a page holds tens of thousands); the order of the
 * numbers is defined once here, by `flatRow`, and both sides read and write through it.
 */
import type { AttentionItem } from '../../insight/types.js';

/** A flat row layout: field names in order, their offsets, and typed read/write. */
export interface FlatRow<K extends string> {
  readonly fields: readonly K[];
  /** Numbers per row. */
  readonly stride: number;
  /** Offset of each field within a row. */
  readonly at: Readonly<Record<K, number>>;
  /** Appends one row to `out` in layout order. */
  push(out: number[], row: Readonly<Record<K, number>>): void;
  /** The row that starts at `base` (a multiple of `stride`); missing numbers read as 0. */
  read(flat: readonly number[], base: number): Record<K, number>;
}

export function flatRow<const K extends string>(...fields: K[]): FlatRow<K> {
  const at = {} as Record<K, number>;
  fields.forEach((f, i) => (at[f] = i));
  return {
    fields,
    stride: fields.length,
    at,
    push(out, row) {
      for (const f of fields) out.push(row[f]);
    },
    read(flat, base) {
      const row = {} as Record<K, number>;
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
export const POINT = flatRow('t', 'ms', 'ok', 'branch', 'commit', 'ranges');
export type Point = Record<(typeof POINT.fields)[number], number>;

/**
 * Exact statistics of a charted operation (`stats[op]`) for one (branch, range) with runs:
 * branch -1 = all branches; computed before downsampling.
 */
export const STAT = flatRow(
  'branch',
  'range',
  'runs',
  'failures',
  'avg',
  'p50',
  'p95',
  'lastT',
  'lastOk',
);
export type Stat = Record<(typeof STAT.fields)[number], number>;

/** One row of the compact table (`table`): an operation without a chart, whole window, all branches. */
export const TABLE_ROW = flatRow('runs', 'failures', 'p50', 'p95', 'lastT', 'lastOk');
export type TableRow = Record<(typeof TABLE_ROW.fields)[number], number>;

/**
 * Exact statistics of a value series (`values[op][k].stats`) for one (branch, range) with values:
 * branch -1 = all branches; in the value's unit; computed before downsampling.
 */
export const VALUE_STAT = flatRow(
  'branch',
  'range',
  'runs',
  'avg',
  'p50',
  'p95',
  'min',
  'max',
  'lastT',
);
export type ValueStat = Record<(typeof VALUE_STAT.fields)[number], number>;

/**
 * One numeric value recorded by a charted operation's runs (metadata.values): its own series,
 * drawn on the operation's card when chosen in its selector.
 */
export interface DashboardValueSeries {
  name: string;
  /** null: unitless. */
  unit: string | null;
  /** Which way is an improvement: for 'bigger', a drop is the regression. */
  better: 'smaller' | 'bigger';
  /** Chart points (`POINT` rows, the value in `ms`), oldest first. */
  points: number[];
  /** One `VALUE_STAT` row per (branch, range) with values. */
  stats: number[];
}

export interface DashboardRun {
  /** Seconds after `t0`. */
  t: number;
  op: number;
  ms: number;
  ok: 0 | 1;
  branch: number;
  commit: number;
  commitUrl: string | null;
  branchUrl: string | null;
  runUrl: string | null;
  pr: number | null;
  prUrl: string | null;
  error: string | null;
  details: string | null;
}

export interface DashboardModel {
  version: 1;
  title: string;
  generatedAt: string;
  /** Epoch seconds; every time in the model is seconds after it. */
  t0: number;
  now: number;
  days: number;
  /** Time-range filter choices; the last covers the whole window. */
  ranges: Array<{ days: number; label: string }>;
  /**
   * Every operation, most relevant first (see rank.ts). The first `charted` have
   * series, stats, sparkline and chart; the others have one row each in `table`.
   */
  ops: string[];
  charted: number;
  /** The operations after the charted ones, one `TABLE_ROW` each, in `ops` order. */
  table: number[];
  /** Dictionary of branch names; the first `filterBranches` are offered in the branch filter. */
  branches: string[];
  filterBranches: number;
  /** Dictionary of commit shas. */
  commits: string[];
  /** Per charted operation, its chart points (`POINT` rows), oldest first. */
  series: number[][];
  /** Per charted operation, one `STAT` row per (branch, range) with runs. */
  stats: number[][];
  /** Per charted operation, its value series (empty when its runs record none); by name. */
  values: DashboardValueSeries[][];
  /** Newest first. */
  runs: DashboardRun[];
  /** The most urgent items, at most `limits.chartedOperations`; `totals.attention` counts all. */
  attention: AttentionItem[];
  totals: {
    records: number;
    skipped: number;
    operations: number;
    points: number;
    attention: number;
  };
  limits: {
    pointsPerRange: number;
    runRows: number;
    runRowsPerOperation: number;
    chartedOperations: number;
  };
}
