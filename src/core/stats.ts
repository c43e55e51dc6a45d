/**
 * Statistics over execution records: pure functions, no I/O.
 * CONTRACT (shared with report/insight/CLI): the OperationSummary shape below.
 * Rounding: avg, percentiles and stddev to 2 decimals, success_rate (a fraction) to 4 (Python
 * round); min/max raw.
 */

import { FAILED, type ColumnarHistory } from './history.js';
import type { RowSource } from './history-read.js';
import { parseTimestamp, type ExecutionRecord, type ExecutionStatus } from './record.js';
import { carriesValues, valuesOf, type Better } from './values.js';

export interface OperationSummary {
  name: string;
  total_executions: number;
  successes: number;
  failures: number;
  /** successes / total_executions: a fraction 0–1, four decimals (the Python tool's convention). */
  success_rate: number;
  avg_duration_ms: number;
  min_duration_ms: number;
  max_duration_ms: number;
  p50_duration_ms: number;
  p90_duration_ms: number;
  p95_duration_ms: number;
  p99_duration_ms: number;
  stddev_duration_ms: number;
  last_status: 'success' | 'failed';
  /** `started_at` of the newest record, as written in the file. */
  last_run_at: string;
  /**
   * Statistics of each numeric value the operation's runs carry (`metadata.values`, issue 13),
   * by value name. Absent when no run has values, so summaries of plain histories are unchanged.
   */
  values?: Record<string, ValueSummary>;
}

/**
 * Statistics of one value of an operation, over the runs that carry it (all statuses, like the
 * duration statistics). Not rounded to 2 decimals as durations are: a cost of 0.0012 USD would
 * read 0; 12 significant digits are kept, which only hides float noise.
 */
export interface ValueSummary {
  count: number;
  avg: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  /** The unit the newest run declares; absent when unitless. */
  unit?: string;
  /** Which direction is an improvement, as the newest run declares it. */
  better: Better;
}

/**
 * Keyed by operation name, as the Python tool's `get_metrics_summary` returns a dict. A
 * null-prototype object: an operation named `__proto__` or `toString` is an own key like any
 * other, and a name that is not an operation looks up as undefined.
 */
export type MetricsSummary = Record<string, OperationSummary>;

/**
 * Rounds to 2 decimals the way Python's `round(x, 2)` does (the Python tool's summaries use it):
 * on the exact binary value, with exact ties (only possible for multiples of 1/8) going to even.
 * `Number(x.toFixed(2))` alone would send 0.125 to 0.13 where Python gives 0.12.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const eighths = x * 8; // exact: multiplying by a power of two
  if (Number.isInteger(eighths) && eighths % 2 !== 0) {
    const floor = Math.floor(x * 100); // x * 100 is exact here (n + 0.5)
    return (floor % 2 === 0 ? floor : floor + 1) / 100;
  }
  return Number(x.toFixed(2));
}

/**
 * Rounds to 4 decimals as Python's `round(x, 4)`: exact binary ties (x·10⁴ exactly n + ½, which
 * a ratio like 1/32 gives) go to even; everything else is toFixed's nearest.
 */
export function round4(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = x * 10_000;
  if (!Number.isInteger(scaled) && Number.isInteger(scaled * 2) && scaled / 10_000 === x) {
    const floor = Math.floor(scaled);
    return (floor % 2 === 0 ? floor : floor + 1) / 10_000;
  }
  return Number(x.toFixed(4));
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/**
 * SAMPLE standard deviation (divides by n − 1, like Python's `statistics.stdev` and
 * numpy's `std(ddof=1)`): the records are a sample of the operation's possible runs.
 * 0 for a single value, NaN for none. Two passes, for accuracy with large durations.
 */
export function stddev(values: ArrayLike<number>, knownMean?: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (n === 1) return 0;
  const m = knownMean ?? mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}

/**
 * The p-th percentile (p in 0–100) of values SORTED ASCENDING, by linear interpolation between
 * the closest ranks: numpy's default `percentile(..., method="linear")`, i.e. rank h = (n−1)·p/100
 * and result = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋+1] − s[⌊h⌋]). NaN for no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile: p must be between 0 and 100, got ${p}`);
  }
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  if (lo + 1 >= n) return low;
  return low + (h - lo) * (sorted[lo + 1]! - low);
}

/** Median (the 50th percentile, averaging the two middle values for an even count); NaN for none. */
export function median(values: ArrayLike<number>): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

interface OperationState {
  name: string;
  count: number;
  successes: number;
  sum: number;
  min: number;
  max: number;
  /** Growable buffer: 8 bytes per record, the only per-record memory kept. */
  durations: Float64Array;
  lastMs: number;
  lastStatus: ExecutionStatus;
  lastRunAt: string;
  /** Created on the first record with values: operations without values pay nothing. */
  values?: Map<string, ValueState>;
}

interface ValueState {
  count: number;
  sum: number;
  min: number;
  max: number;
  samples: Float64Array;
  unit: string | undefined;
  better: Better;
  /** started_at (ms) of the run the unit and direction were taken from. */
  infoMs: number;
}

/**
 * Streaming summary: feed records one at a time with add(), read the result with summary().
 * Keeps counters plus one float per record (durations, needed for percentiles), never the records.
 * Operations appear in the result in first-seen order, like the Python tool's dict.
 */
export class SummaryAccumulator {
  private readonly operations = new Map<string, OperationState>();
  /** Operations by name text id of the history addRow reads (see addRow). */
  private readonly byNameId: (OperationState | undefined)[] = [];

  /** Number of operations seen so far. */
  get size(): number {
    return this.operations.size;
  }

  /**
   * Adds a VALID record (as read by the store or checked by parseRecord). `startedMs` saves a
   * second parse when the caller already has it. Ties on started_at: the later-added record wins,
   * as it was written later.
   */
  add(record: ExecutionRecord, startedMs: number = parseTimestamp(record.started_at)): void {
    const op = this.operationOf(record.name);
    if (this.addRun(op, record.duration_ms, record.status === 'success', startedMs)) {
      op.lastRunAt = record.started_at;
    }
    if (carriesValues(record.metadata)) addValues(op, record, startedMs);
  }

  /**
   * add() for row `row` of `history` (readHistoryRows' visitor): the numbers come from the
   * columns and the operation is found by the row's name id, an array index, so no record object
   * is needed but for values. Same result as add(record, startedMs).
   */
  addRow(history: ColumnarHistory, row: number, source: RowSource, startedMs: number): void {
    const id = history.name[row]!;
    let op = this.byNameId[id];
    if (op === undefined) {
      op = this.operationOf(history.texts[id]!);
      while (this.byNameId.length < id) this.byNameId.push(undefined);
      this.byNameId[id] = op;
    }
    const success = (history.flags[row]! & FAILED) === 0;
    // started_at's text only for a run that is the newest so far.
    if (this.addRun(op, history.durationMs[row]!, success, startedMs)) {
      op.lastRunAt = source.startedAt();
    }
    if (source.hasValues) addValues(op, source.record(), startedMs);
  }

  private operationOf(name: string): OperationState {
    let op = this.operations.get(name);
    if (op === undefined) {
      op = {
        name,
        count: 0,
        successes: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        durations: new Float64Array(16),
        lastMs: -Infinity,
        // Both set by the first run added (lastMs -Infinity is never newer).
        lastStatus: 'success',
        lastRunAt: '',
      };
      this.operations.set(name, op);
    }
    return op;
  }

  /** Counts one run; true when it is the newest so far (lastMs and lastStatus are then its). */
  private addRun(
    op: OperationState,
    duration: number,
    success: boolean,
    startedMs: number,
  ): boolean {
    if (op.count === op.durations.length) {
      const grown = new Float64Array(op.durations.length * 2);
      grown.set(op.durations);
      op.durations = grown;
    }
    op.durations[op.count++] = duration;
    if (success) op.successes++;
    op.sum += duration;
    if (duration < op.min) op.min = duration;
    if (duration > op.max) op.max = duration;
    if (startedMs < op.lastMs) return false;
    op.lastMs = startedMs;
    op.lastStatus = success ? 'success' : 'failed';
    return true;
  }

  /** The summary so far; the accumulator stays usable. */
  summary(): MetricsSummary {
    const result: MetricsSummary = Object.create(null) as MetricsSummary;
    for (const op of this.operations.values()) result[op.name] = summarizeOperation(op);
    return result;
  }
}

function addValues(op: OperationState, record: ExecutionRecord, startedMs: number): void {
  for (const v of valuesOf(record.metadata)) {
    op.values ??= new Map();
    let state = op.values.get(v.name);
    if (state === undefined) {
      state = {
        count: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        samples: new Float64Array(8),
        unit: v.unit,
        better: v.better,
        infoMs: -Infinity,
      };
      op.values.set(v.name, state);
    }
    if (state.count === state.samples.length) {
      const grown = new Float64Array(state.samples.length * 2);
      grown.set(state.samples);
      state.samples = grown;
    }
    state.samples[state.count++] = v.value;
    state.sum += v.value;
    if (v.value < state.min) state.min = v.value;
    if (v.value > state.max) state.max = v.value;
    // The newest run's declaration wins (ties: the later added), as last_status does.
    if (!(startedMs < state.infoMs)) {
      state.infoMs = startedMs;
      state.unit = v.unit;
      state.better = v.better;
    }
  }
}

/** 12 significant digits: drops float noise (0.30000000000000004) and keeps tiny values. */
function roundValue(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

function summarizeValues(states: Map<string, ValueState>): Record<string, ValueSummary> {
  // Null prototype: a value named "__proto__" is a key like any other.
  const out = Object.create(null) as Record<string, ValueSummary>;
  for (const [name, state] of states) {
    const [p50, p95] = percentilesInPlace(state.samples.subarray(0, state.count), [50, 95]);
    const summary: ValueSummary = {
      count: state.count,
      avg: roundValue(state.sum / state.count),
      min: state.min,
      max: state.max,
      p50: roundValue(p50!),
      p95: roundValue(p95!),
      better: state.better,
    };
    if (state.unit !== undefined) summary.unit = state.unit;
    out[name] = summary;
  }
  return out;
}

/** Moves the k-th smallest of values[lo..hi] to index k, smaller ones before it (Hoare select). */
function selectInPlace(values: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * percentile() for several ascending p at once, without sorting: quickselect of the two ranks
 * each p needs, each search starting where the previous one ended. Reorders `values`. About 3×
 * faster than a full sort, which matters when summarising a million records.
 */
export function percentilesInPlace(values: Float64Array, ascendingPs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ascendingPs.map(() => NaN);
  let lo = 0;
  return ascendingPs.map((p) => {
    const h = ((n - 1) * p) / 100;
    const k = Math.floor(h);
    selectInPlace(values, k, lo, n - 1);
    lo = k;
    const low = values[k]!;
    if (k + 1 >= n) return low;
    let next = Infinity; // the (k+1)-th smallest: the least of what lies above k
    for (let i = k + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
    return low + (h - k) * (next - low);
  });
}

const REPORTED_PERCENTILES = [50, 90, 95, 99] as const;

function summarizeOperation(op: OperationState): OperationSummary {
  const durations = op.durations.subarray(0, op.count);
  const [p50, p90, p95, p99] = percentilesInPlace(durations, REPORTED_PERCENTILES);
  const avg = op.sum / op.count;
  const summary: OperationSummary = {
    name: op.name,
    total_executions: op.count,
    successes: op.successes,
    failures: op.count - op.successes,
    success_rate: round4(op.successes / op.count),
    avg_duration_ms: round2(avg),
    min_duration_ms: op.min,
    max_duration_ms: op.max,
    p50_duration_ms: round2(p50!),
    p90_duration_ms: round2(p90!),
    p95_duration_ms: round2(p95!),
    p99_duration_ms: round2(p99!),
    stddev_duration_ms: round2(stddev(durations, avg)),
    last_status: op.lastStatus,
    last_run_at: op.lastRunAt,
  };
  if (op.values !== undefined) summary.values = summarizeValues(op.values);
  return summary;
}

/** Summary of valid records, per operation: see SummaryAccumulator and OperationSummary. */
export function summarize(records: Iterable<ExecutionRecord>): MetricsSummary {
  const accumulator = new SummaryAccumulator();
  for (const record of records) accumulator.add(record);
  return accumulator.summary();
}
