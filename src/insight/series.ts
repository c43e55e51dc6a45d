/**
 * A series is a step in its context: the same step name in another job, matrix leg or runner
 * OS/arch is another series (Linux and Windows timings, `node 20` and `node 24`, are not one
 * population). Baselines, verdicts, flakiness and reports keep series apart; a step's series are
 * told apart by a label naming what differs (`unit_tests · windows-latest`), and a step with one
 * series keeps its bare name.
 */
import { NONE, type ColumnarHistory } from '../core/history.js';
import type { ExecutionRecord } from '../core/record.js';
import { ciOf } from './ci-metadata.js';

/** Separates the parts of a series label. */
export const LEG_SEPARATOR = ' · ';

/** The context fields that make a series, as strings ('' when the record does not say). */
export interface Leg {
  job: string;
  /** Matrix values by key (from the action's `matrix` input), each as text. */
  matrix: Readonly<Record<string, string>>;
  runnerOs: string;
  runnerArch: string;
}

export function legOf(record: ExecutionRecord): Leg {
  const ci = ciOf(record);
  return {
    job: ci?.job ?? '',
    matrix: ci?.matrix ?? {},
    runnerOs: ci?.runner_os ?? '',
    runnerArch: ci?.runner_arch ?? '',
  };
}

/** A stable text key of a leg (matrix keys sorted). */
export function legKey(leg: Leg): string {
  const matrix = Object.keys(leg.matrix)
    .sort()
    .map((k) => [k, leg.matrix[k]]);
  return JSON.stringify([leg.job, matrix, leg.runnerOs, leg.runnerArch]);
}

/** The key of the record's series: its name and leg (printable: comment rows are stored by it). */
export function seriesKey(record: ExecutionRecord): string {
  return `${record.name} ${legKey(legOf(record))}`;
}

/**
 * Labels for the legs of one step: the bare name when it has one leg; else the name followed by
 * what differs between its legs: the job, then the matrix values that differ (or, without a
 * matrix difference, the runner OS and arch that do).
 */
export function legLabels(name: string, legs: readonly Leg[]): Map<string, string> {
  const unique = new Map(legs.map((leg) => [legKey(leg), leg]));
  const labels = new Map<string, string>();
  const all = [...unique.values()];
  const differs = (value: (leg: Leg) => string) => new Set(all.map(value)).size > 1;
  const matrixKeys = [...new Set(all.flatMap((leg) => Object.keys(leg.matrix)))]
    .sort()
    .filter((k) => differs((leg) => leg.matrix[k] ?? ''));
  const jobDiffers = differs((leg) => leg.job);
  const osDiffers = matrixKeys.length === 0 && differs((leg) => leg.runnerOs);
  const archDiffers = matrixKeys.length === 0 && differs((leg) => leg.runnerArch);
  for (const [key, leg] of unique) {
    if (unique.size < 2) {
      labels.set(key, name);
      continue;
    }
    const parts = [
      jobDiffers ? leg.job : '',
      ...matrixKeys.map((k) => leg.matrix[k] ?? ''),
      osDiffers ? leg.runnerOs : '',
      archDiffers ? leg.runnerArch : '',
    ].filter((p) => p !== '');
    labels.set(key, parts.length > 0 ? [name, ...parts].join(LEG_SEPARATOR) : name);
  }
  return labels;
}

/** Does `full` say everything `partial` says (and agree)? */
function extends_(full: Leg, partial: Leg): boolean {
  const same = (a: string, b: string) => a === '' || a === b;
  return (
    same(partial.job, full.job) &&
    same(partial.runnerOs, full.runnerOs) &&
    same(partial.runnerArch, full.runnerArch) &&
    Object.entries(partial.matrix).every(([k, v]) => full.matrix[k] === v)
  );
}

/**
 * Legs recorded with less context (older versions, the `matrix` input added later, hand-written
 * histories) join the one fuller leg they agree with, so an upgrade does not cut a step's history
 * in two; when they agree with several, they stay a series of their own.
 */
function resolveLegs(legs: readonly Leg[]): Map<string, Leg> {
  const unique = new Map(legs.map((leg) => [legKey(leg), leg]));
  const all = [...unique.values()];
  const fuller = (leg: Leg) => all.filter((o) => o !== leg && extends_(o, leg));
  const resolved = new Map<string, Leg>();
  for (const [key, leg] of unique) {
    const above = fuller(leg).filter((o) => fuller(o).length === 0);
    resolved.set(key, above.length === 1 ? (above[0] as Leg) : leg);
  }
  return resolved;
}

/** Label of each leg key of one step (by legKey), after resolving partial legs. */
export function labelsOfStep(name: string, legs: readonly Leg[]): Map<string, string> {
  const resolved = resolveLegs(legs);
  const labels = legLabels(name, [...resolved.values()]);
  const out = new Map<string, string>();
  for (const [key, leg] of resolved) out.set(key, labels.get(legKey(leg)) ?? name);
  return out;
}

/**
 * The records with each name replaced by its series label, so everything that groups by name
 * (verdicts, flakiness, trends, the dashboard) keeps series apart. Same order; records of a step
 * with one leg are returned as they are.
 */
export function labelSeries(records: readonly ExecutionRecord[]): ExecutionRecord[] {
  const legsByName = new Map<string, Leg[]>();
  const legs = records.map((r) => {
    const leg = legOf(r);
    const list = legsByName.get(r.name);
    if (list) list.push(leg);
    else legsByName.set(r.name, [leg]);
    return leg;
  });
  const labels = new Map<string, Map<string, string>>();
  for (const [name, list] of legsByName) labels.set(name, labelsOfStep(name, list));
  return records.map((r, i) => {
    const label = labels.get(r.name)?.get(legKey(legs[i] as Leg)) ?? r.name;
    return label === r.name ? r : { ...r, name: label };
  });
}

/** The label of `record`'s series within `history` (which should include it). */
export function seriesLabel(record: ExecutionRecord, history: readonly ExecutionRecord[]): string {
  const legs = history.filter((r) => r.name === record.name).map(legOf);
  legs.push(legOf(record));
  return labelsOfStep(record.name, legs).get(legKey(legOf(record))) ?? record.name;
}

/** One series of a columnar history: its label and its rows (ascending). */
export interface HistorySeries {
  /** The series label (the bare step name when the step has one series). */
  name: string;
  /** The step name. */
  step: string;
  rows: Int32Array;
}

/** The leg of a row of a columnar history (see legOf). */
export function legOfRow(history: ColumnarHistory, row: number): Leg {
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

/**
 * The series of `rows` (ascending; default: all rows) of a columnar history, as labelSeries names
 * them, in first-seen order. Rows are grouped by their text ids first (a handful of legs per
 * step), so labels are worked out once per leg, never per row.
 */
export function seriesOfHistory(
  history: ColumnarHistory,
  rows?: ArrayLike<number>,
): HistorySeries[] {
  history.requireLegs('seriesOfHistory');
  const n = rows === undefined ? history.length : rows.length;
  // Group key: name and leg text ids (a leg is job, matrix, runner OS and arch).
  const groups = new Map<string, { name: number; first: number; rows: number[] }>();
  for (let k = 0; k < n; k++) {
    const row = rows === undefined ? k : rows[k]!;
    const key = `${history.name[row]} ${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { name: history.name[row]!, first: row, rows: [row] });
    else group.rows.push(row);
  }
  const legsByName = new Map<number, Leg[]>();
  const legOfGroup = new Map<string, Leg>();
  for (const [key, group] of groups) {
    const leg = legOfRow(history, group.first);
    legOfGroup.set(key, leg);
    const list = legsByName.get(group.name);
    if (list) list.push(leg);
    else legsByName.set(group.name, [leg]);
  }
  const labels = new Map<number, Map<string, string>>();
  for (const [name, legs] of legsByName) labels.set(name, labelsOfStep(history.texts[name]!, legs));
  const out = new Map<string, { step: string; parts: number[][] }>();
  for (const [key, group] of groups) {
    const step = history.texts[group.name]!;
    const label = labels.get(group.name)?.get(legKey(legOfGroup.get(key)!)) ?? step;
    const into = out.get(label);
    if (into === undefined) out.set(label, { step, parts: [group.rows] });
    else into.parts.push(group.rows);
  }
  return [...out].map(([name, { step, parts }]) => {
    const merged = Int32Array.from(parts.length === 1 ? parts[0]! : parts.flat());
    if (parts.length > 1) merged.sort();
    return { name, step, rows: merged };
  });
}

/**
 * The series `record` belongs to within `history` (which should hold it): its label and rows.
 * Only the rows of the record's step are looked at.
 */
export function seriesOfRecord(history: ColumnarHistory, record: ExecutionRecord): HistorySeries {
  history.requireLegs('seriesOfRecord');
  const name = String(record.name);
  const id = history.idOf(name);
  const stepRows: number[] = [];
  if (id !== NONE) {
    for (let row = 0; row < history.length; row++) if (history.name[row] === id) stepRows.push(row);
  }
  const legs = [legOf(record)];
  const firstOfLeg = new Map<string, number>();
  for (const row of stepRows) {
    const key = `${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
    if (!firstOfLeg.has(key)) {
      firstOfLeg.set(key, row);
      legs.push(legOfRow(history, row));
    }
  }
  const labels = labelsOfStep(name, legs);
  const label = labels.get(legKey(legOf(record))) ?? name;
  const labelOfKey = new Map<string, string>();
  for (const [key, row] of firstOfLeg) {
    labelOfKey.set(key, labels.get(legKey(legOfRow(history, row))) ?? name);
  }
  const rows = stepRows.filter((row) => {
    const key = `${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
    return labelOfKey.get(key) === label;
  });
  return { name: label, step: name, rows: Int32Array.from(rows) };
}
