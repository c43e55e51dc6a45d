/** The model as the page reads it: the flat arrays through the shared layout, and the filters. */
import {
  POINT,
  STAT,
  TABLE_ROW,
  VALUE_STAT,
  type DashboardModel,
  type DashboardValueSeries,
  type Stat,
  type TableRow,
  type ValueStat,
} from '../layout.js';
import {
  DAY_S,
  DURATION,
  timeFormat,
  valueMeasure,
  type Measure,
  type TimeFormat,
} from './format.js';

export interface ChartPoint {
  t: number;
  ms: number;
  ok: boolean;
  branch: number;
  commit: number;
}

/** The filters: operation and branch (-1 = all), and the index of the time range. */
export interface Selection {
  op: number;
  branch: number;
  range: number;
}

export interface Page {
  readonly model: DashboardModel;
  /** Operations [0, charted) have charts; the others are rows of the compact table. */
  readonly charted: number;
  readonly state: Selection;
  readonly fmt: TimeFormat;
  statOf(op: number): Stat | null;
  /** The chart points of the duration (value -1) or of value series `value` of the operation. */
  pointsOf(op: number, value?: number): ChartPoint[];
  /** The operation's value series (empty when its runs record none). */
  valuesOf(op: number): DashboardValueSeries[];
  /** The series chosen in the operation's selector: -1 = duration, else a valuesOf index. */
  chosen(op: number): number;
  choose(op: number, value: number): void;
  measureOf(op: number, value: number): Measure;
  valueStatOf(op: number, value: number): ValueStat | null;
  /** Start of the selected time range. */
  rangeStart(): number;
  /** The compact-table row of an operation without a chart (op >= charted). */
  tableRow(op: number): TableRow;
  shortSha(commit: number): string | null;
  branchName(branch: number): string | null;
}

export function readPage(model: DashboardModel): Page {
  const charted = typeof model.charted === 'number' ? model.charted : model.ops.length;
  const table = model.table || [];
  const state: Selection = { op: -1, branch: -1, range: model.ranges.length - 1 };
  const stats = model.stats.map((flat) => {
    const byKey = new Map<string, Stat>();
    for (let i = 0; i < flat.length; i += STAT.stride) {
      const s = STAT.read(flat, i);
      byKey.set(`${s.branch}:${s.range}`, s);
    }
    return byKey;
  });
  const values = model.values || [];
  const valueStats = values.map((list) =>
    list.map((series) => {
      const byKey = new Map<string, ValueStat>();
      for (let i = 0; i < series.stats.length; i += VALUE_STAT.stride) {
        const s = VALUE_STAT.read(series.stats, i);
        byKey.set(`${s.branch}:${s.range}`, s);
      }
      return byKey;
    }),
  );
  const chosen = new Map<number, number>();
  return {
    model,
    charted,
    state,
    fmt: timeFormat(model.t0, model.now),
    statOf: (op) => stats[op]?.get(`${state.branch}:${state.range}`) ?? null,
    valuesOf: (op) => values[op] ?? [],
    chosen: (op) => chosen.get(op) ?? -1,
    choose(op, value) {
      if (value >= 0 && value < (values[op]?.length ?? 0)) chosen.set(op, value);
      else chosen.delete(op);
    },
    measureOf(op, value) {
      const series = value >= 0 ? values[op]?.[value] : undefined;
      return series ? valueMeasure(series) : DURATION;
    },
    valueStatOf: (op, value) =>
      valueStats[op]?.[value]?.get(`${state.branch}:${state.range}`) ?? null,
    pointsOf(op, value = -1) {
      const flat = (value >= 0 ? values[op]?.[value]?.points : model.series[op]) ?? [];
      const bit = 1 << state.range;
      const out: ChartPoint[] = [];
      for (let i = 0; i < flat.length; i += POINT.stride) {
        const p = POINT.read(flat, i);
        if (!(p.ranges & bit)) continue;
        if (state.branch >= 0 && p.branch !== state.branch) continue;
        out.push({ t: p.t, ms: p.ms, ok: p.ok === 1, branch: p.branch, commit: p.commit });
      }
      return out;
    },
    rangeStart: () => model.now - (model.ranges[state.range]?.days ?? model.days) * DAY_S,
    tableRow: (op) => TABLE_ROW.read(table, (op - charted) * TABLE_ROW.stride),
    shortSha(i) {
      const s = i >= 0 ? model.commits[i] : undefined;
      return s ? s.slice(0, 7) : null;
    },
    branchName: (i) => (i >= 0 ? (model.branches[i] ?? null) : null),
  };
}
