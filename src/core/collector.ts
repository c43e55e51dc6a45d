/**
 * The library API: a collector bound to one metrics directory, the default collector, and
 * trackExecution to time a function. Timing is monotonic (performance.now()); timestamps are the
 * wall clock at start plus that duration, so ended_at − started_at always equals duration_ms.
 */

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DevMetricsError, describeValue, requireNonNegativeInteger } from './errors.js';
import { stringifyJson } from './json-text.js';
import { redactSecrets, secretValuesFromEnv } from './redact.js';
import {
  formatTimestamp,
  parseRecord,
  recordProblem,
  type ExecutionRecord,
  normalizeRecord,
  type ExecutionStatus,
} from './record.js';
import { SummaryAccumulator, type MetricsSummary } from './stats.js';
import { ColumnarHistory } from './history.js';
import { readHistoryRows, scanPays } from './history-read.js';
import {
  DAY_MS,
  appendRecord,
  appendRecordSync,
  consoleWarning,
  pruneDayFiles,
  readRecords,
  scanRecords,
  type WarningHandler,
} from './store.js';
import { openValueScope, runInValueScope } from './value-scope.js';
import {
  valuesFromInput,
  withValues,
  type RunValue,
  type ValueList,
  type ValuesInput,
} from './values.js';

export interface CollectorOptions {
  /** Where the day files live; default `.metrics` (relative to the working directory). */
  metricsDir?: string;
  /** Receives one-line warnings (skipped lines, records trackExecution could not write). */
  onWarning?: WarningHandler | null;
  /** Wall clock in epoch ms; for tests and replays. Default Date.now. */
  now?: () => number;
}

export interface EndOptions {
  status?: ExecutionStatus;
  /** Why it failed; an Error is stored as its message. */
  error?: string | Error | null;
  /**
   * Numeric values of the run, stored in `metadata.values` beside the duration:
   * `{ size_kb: 512, ops: { value: 1.2e6, unit: 'ops/s' } }` or a list of {name, value, unit?,
   * better?}. Non-finite numbers are refused (DevMetricsError naming the value).
   */
  values?: ValuesInput | ValueList;
}

export interface SummaryOptions {
  /** Records started in the last `days` × 24 h; default 7. */
  days?: number;
  /** Only this operation. */
  name?: string;
}

export interface RecentOptions {
  /** Only this operation; default all. */
  name?: string;
  /** At most this many records, newest first; default 10. */
  limit?: number;
}

interface PendingExecution {
  name: string;
  metadata: Record<string, unknown>;
  startedWallMs: number;
  startedPerf: number;
}

function requireName(name: unknown, argument: string): string {
  if (typeof name !== 'string' || name.trim().length === 0) {
    throw new DevMetricsError(
      `${argument} must be a non-empty string, got ${describeValue(name)}; pass the operation's name, e.g. "unit-tests"`,
    );
  }
  return name;
}

function requireMetadata(metadata: unknown, argument: string): Record<string, unknown> {
  if (metadata === undefined) return {};
  const proto: unknown =
    typeof metadata === 'object' && metadata !== null ? Object.getPrototypeOf(metadata) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    throw new DevMetricsError(
      `${argument} must be a plain object, got ${describeValue(metadata)}; pass e.g. { branch: "main" }`,
    );
  }
  try {
    stringifyJson(metadata);
  } catch (error) {
    throw new DevMetricsError(
      `${argument} is not JSON-serializable (${(error as Error).message}); keep it to plain JSON values`,
      { cause: error },
    );
  }
  return { ...(metadata as Record<string, unknown>) };
}

/**
 * Total: whatever was thrown, a message comes back. String() throws for values like
 * Object.create(null) or a throwing toString, and that must not replace the user's error.
 */
function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message || error.name);
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/**
 * What a record's `error` says, redacted as the action redacts its own: an error message often
 * quotes a URL with a token, a `curl -u` line or a webhook, and day files are shared (cache,
 * artifacts, dashboards). The values of secret-named environment variables count as secrets.
 */
function publicError(message: string): string {
  return redactSecrets(message, secretValuesFromEnv(process.env));
}

export class DevMetricsCollector {
  readonly metricsDir: string;
  readonly onWarning: WarningHandler | null;
  private readonly now: () => number;
  private readonly pending = new Map<string, PendingExecution>();

  constructor(options: CollectorOptions = {}) {
    const dir = options.metricsDir ?? '.metrics';
    if (typeof dir !== 'string' || dir.length === 0) {
      throw new DevMetricsError(
        `metricsDir must be a non-empty path, got ${describeValue(dir)}; pass e.g. ".metrics"`,
      );
    }
    this.metricsDir = dir;
    this.onWarning = options.onWarning === undefined ? consoleWarning : options.onWarning;
    this.now = options.now ?? Date.now;
  }

  /** Starts timing an operation; pass the returned id to endExecution. */
  startExecution(name: string, metadata?: Record<string, unknown>): string {
    const pending: PendingExecution = {
      name: requireName(name, 'name'),
      metadata: requireMetadata(metadata, 'metadata'),
      startedWallMs: this.now(),
      startedPerf: performance.now(),
    };
    const id = randomUUID();
    this.pending.set(id, pending);
    return id;
  }

  /** Ends a started execution and appends its record; resolves to the record written. */
  async endExecution(id: string, options: EndOptions = {}): Promise<ExecutionRecord> {
    const { record, pending } = this.finish(id, options);
    try {
      await appendRecord(this.metricsDir, record);
    } catch (error) {
      this.pending.set(id, pending); // not lost: the caller may retry
      throw error;
    }
    return record;
  }

  /** endExecution for synchronous callers: the record is on disk when this returns. */
  endExecutionSync(id: string, options: EndOptions = {}): ExecutionRecord {
    const { record, pending } = this.finish(id, options);
    try {
      appendRecordSync(this.metricsDir, record);
    } catch (error) {
      this.pending.set(id, pending);
      throw error;
    }
    return record;
  }

  private finish(
    id: string,
    options: EndOptions,
  ): { record: ExecutionRecord; pending: PendingExecution } {
    const endedPerf = performance.now();
    const pending = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (pending === undefined) {
      throw new DevMetricsError(
        `Unknown execution id ${describeValue(id)}; pass the id startExecution() returned (each id ends once)`,
      );
    }
    const status = options.status ?? 'success';
    if (status !== 'success' && status !== 'failed') {
      throw new DevMetricsError(
        `status must be "success" or "failed", got ${describeValue(status)}; fix the endExecution() call`,
      );
    }
    const values = valuesFromInput(options.values, 'endExecution values');
    const error = options.error;
    if (
      error !== undefined &&
      error !== null &&
      typeof error !== 'string' &&
      !(error instanceof Error)
    ) {
      throw new DevMetricsError(
        `error must be a string, an Error or null, got ${describeValue(error)}; pass the failure message`,
      );
    }
    // Whole microseconds, as the Python tool's timedelta gives.
    const durationMs = Math.round(Math.max(0, endedPerf - pending.startedPerf) * 1000) / 1000;
    const record: ExecutionRecord = {
      name: pending.name,
      started_at: formatTimestamp(pending.startedWallMs),
      ended_at: formatTimestamp(pending.startedWallMs + durationMs),
      duration_ms: durationMs,
      status,
      metadata: values.length > 0 ? withValues(pending.metadata, values) : pending.metadata,
      error: error === undefined || error === null ? null : publicError(errorMessage(error)),
    };
    this.pending.delete(id);
    return { record, pending };
  }

  /**
   * Appends a ready-made record (the CLI builds its own); returns it as written, its error
   * redacted.
   */
  async recordExecution(record: ExecutionRecord): Promise<ExecutionRecord> {
    const valid = parseRecord(record);
    if (valid === null) {
      throw new DevMetricsError(
        `Invalid execution record: ${recordProblem(record)}; fix the record passed to recordExecution()`,
      );
    }
    const written = valid.error === null ? valid : { ...valid, error: publicError(valid.error) };
    await appendRecord(this.metricsDir, written);
    return written;
  }

  /** Per-operation statistics over records started in the last `days` days (default 7). */
  async getMetricsSummary(options: SummaryOptions = {}): Promise<MetricsSummary> {
    const days = requireNonNegativeInteger(options.days ?? 7, 'days');
    const name = options.name === undefined ? undefined : requireName(options.name, 'name');
    const accumulator = new SummaryAccumulator();
    const read = { since: this.now() - days * DAY_MS, name, onWarning: this.onWarning };
    if (name === undefined && (await scanPays(this.metricsDir, read))) {
      // Through the columns: the lines are then scanned in place, never parsed into records.
      const history = new ColumnarHistory({ compact: true });
      await readHistoryRows(
        this.metricsDir,
        read,
        (row, source, startedMs) => accumulator.addRow(history, row, source, startedMs),
        history,
      );
    } else {
      await scanRecords(this.metricsDir, read, (record, startedMs) =>
        accumulator.add(record, startedMs),
      );
    }
    return accumulator.summary();
  }

  /** The newest records (by started_at), newest first; reads only as many day files as needed. */
  async getRecentMetrics(options: RecentOptions = {}): Promise<ExecutionRecord[]> {
    const limit = requireNonNegativeInteger(options.limit ?? 10, 'limit');
    const name = options.name === undefined ? undefined : requireName(options.name, 'name');
    if (limit === 0) return [];
    type Entry = { record: ExecutionRecord; ms: number; seq: number };
    let kept: Entry[] = [];
    let seq = 0;
    const newestFirst = (a: Entry, b: Entry): number => b.ms - a.ms || b.seq - a.seq;
    const trim = (): void => {
      kept.sort(newestFirst);
      if (kept.length > limit) kept = kept.slice(0, limit);
    };
    let currentDay = NaN;
    await scanRecords(
      this.metricsDir,
      { name, newestFirst: true, onWarning: this.onWarning },
      (record, ms, file) => {
        if (file.dayMs !== currentDay) {
          currentDay = file.dayMs;
          trim();
          // Records of day file D started before D + 2 days (one day of margin); once the
          // oldest kept record is later than that, older files cannot change the answer.
          const oldest = kept[kept.length - 1];
          if (
            kept.length === limit &&
            oldest !== undefined &&
            file.dayMs + 2 * DAY_MS <= oldest.ms
          ) {
            return false;
          }
        }
        kept.push({ record, ms, seq: seq++ });
        if (kept.length >= 2 * limit + 64) trim();
        return true;
      },
    );
    trim();
    return kept.map((entry) => normalizeRecord(entry.record));
  }

  /** Valid records started in the last `days` days (all when omitted), oldest day first. */
  readRecords(options: SummaryOptions = {}): AsyncGenerator<ExecutionRecord, unknown> {
    const days =
      options.days === undefined ? undefined : requireNonNegativeInteger(options.days, 'days');
    const name = options.name === undefined ? undefined : requireName(options.name, 'name');
    return readRecords(this.metricsDir, {
      since: days === undefined ? undefined : this.now() - days * DAY_MS,
      name,
      onWarning: this.onWarning,
    });
  }

  /** Deletes day files older than daysToKeep days (default 30); returns how many. */
  async clearOldMetrics(daysToKeep: number = 30): Promise<number> {
    requireNonNegativeInteger(daysToKeep, 'daysToKeep');
    return pruneDayFiles(this.metricsDir, daysToKeep, this.now());
  }
}

/*
 * The default collector: the library's only global, created on first use. It follows
 * DEV_METRICS_DIR: if the variable (or the working directory it is relative to) changes, the next
 * call returns a collector for the new directory.
 */
let defaultCollector: { key: string; collector: DevMetricsCollector } | undefined;

/** The default collector: directory from DEV_METRICS_DIR, else `.metrics` in the working dir. */
export function getCollector(): DevMetricsCollector {
  const dir = process.env.DEV_METRICS_DIR || '.metrics';
  const key = path.resolve(dir);
  if (defaultCollector?.key !== key) {
    defaultCollector = { key, collector: new DevMetricsCollector({ metricsDir: dir }) };
  }
  return defaultCollector.collector;
}

export interface TrackOptions {
  metadata?: Record<string, unknown>;
  /** Default: getCollector(). */
  collector?: DevMetricsCollector;
  /**
   * Values known before the run, stored with its record (see EndOptions.values); values added
   * with addValue() while the function runs join them, a later one replacing one of the same name.
   */
  values?: ValuesInput | ValueList;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function recordFailureToWrite(collector: DevMetricsCollector, name: string, error: unknown): void {
  // A metrics write must not change the outcome of the user's function: warn instead.
  collector.onWarning?.(`dev-metrics: could not record "${name}": ${errorMessage(error)}`);
}

/**
 * What trackExecution returns for a function returning T: T itself when it is not a thenable;
 * for a thenable (a Promise or any PromiseLike), a new native Promise of its awaited value,
 * settled after the record is written.
 */
// Any `then` method makes a thenable, as at run time (isThenable), not only PromiseLike's exact one.
export type Tracked<T> = T extends { then: (...args: never[]) => unknown }
  ? Promise<Awaited<T>>
  : T;

function runTracked<T>(name: string, fn: () => T, options: TrackOptions): Tracked<T> {
  const collector = options.collector ?? getCollector();
  // Checked before anything runs: a bad value is the caller's mistake, not the function's.
  const given = valuesFromInput(options.values, 'trackExecution values');
  const id = collector.startExecution(name, options.metadata);
  const scope = openValueScope(name);
  const withScopeValues = (end: EndOptions): EndOptions => {
    scope.closed = true;
    const values: RunValue[] = [...given, ...scope.values];
    return values.length > 0 ? { ...end, values } : end;
  };
  const endSync = (end: EndOptions): void => {
    try {
      collector.endExecutionSync(id, withScopeValues(end));
    } catch (error) {
      recordFailureToWrite(collector, name, error);
    }
  };
  const endAsync = async (end: EndOptions): Promise<void> => {
    try {
      await collector.endExecution(id, withScopeValues(end));
    } catch (error) {
      recordFailureToWrite(collector, name, error);
    }
  };
  let result: T;
  try {
    result = runInValueScope(scope, fn);
  } catch (error) {
    endSync({ status: 'failed', error: errorMessage(error) });
    throw error;
  }
  if (isThenable(result)) {
    return Promise.resolve(result).then(
      async (value) => {
        await endAsync({ status: 'success' });
        return value;
      },
      async (error: unknown) => {
        await endAsync({ status: 'failed', error: errorMessage(error) });
        throw error;
      },
    ) as Tracked<T>;
  }
  endSync({ status: 'success' });
  return result as Tracked<T>;
}

/**
 * Times `fn` and records it under `name`. When fn returns a plain value, returns that value, and
 * the record is written synchronously. When fn returns a Promise or any other thenable, returns
 * a NEW native Promise (`Promise<Awaited<T>>`, not the object fn returned) that settles with the
 * same value or reason after the record is written. When fn throws or rejects, records "failed"
 * with the error message and rethrows the original value unchanged.
 *
 * Two forms:
 *   trackExecution('build', () => build(), { metadata })        // runs now, returns its value
 *   const timedBuild = trackExecution('build', { metadata })(build)  // wraps: each call is timed
 */
export function trackExecution<T>(name: string, fn: () => T, options?: TrackOptions): Tracked<T>;
export function trackExecution(
  name: string,
  options?: TrackOptions,
): <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => Tracked<R>;
export function trackExecution(
  name: string,
  fnOrOptions?: (() => unknown) | TrackOptions,
  maybeOptions?: TrackOptions,
): unknown {
  requireName(name, 'trackExecution name');
  if (typeof fnOrOptions === 'function') return runTracked(name, fnOrOptions, maybeOptions ?? {});
  const options = fnOrOptions ?? {};
  if (typeof options !== 'object' || options === null) {
    throw new DevMetricsError(
      `trackExecution's second argument must be a function or { metadata }, got ${describeValue(options)}`,
    );
  }
  // A wrapper is made once and called later: a bad value is reported where it was written.
  valuesFromInput(options.values, 'trackExecution values');
  return <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => Tracked<R>) => {
    if (typeof fn !== 'function') {
      throw new DevMetricsError(
        `trackExecution(name, options) returns a wrapper: call it with a function, got ${describeValue(fn)}`,
      );
    }
    return function tracked(this: unknown, ...args: A): Tracked<R> {
      return runTracked(name, () => fn.apply(this, args), options);
    };
  };
}
