/**
 * A series is a step in its context: the same step name in another job, matrix leg or runner
 * OS/arch is another series (Linux and Windows timings, `node 20` and `node 24`, are not one
 * population). Baselines, verdicts, flakiness and reports keep series apart; a step's series are
 * told apart by a label naming what differs (`unit_tests · windows-latest`), and a step with one
 * series keeps its bare name.
 */
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
