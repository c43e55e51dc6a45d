/**
 * Sending records over OTLP: a history (the CLI's `export --days N`, the library's exportToOtlp)
 * in batches with original timestamps, or one execution (the action's step) within a bound.
 * The SDK is loaded only once an endpoint is known (otlp.ts, dynamic imports).
 */
import { DevMetricsError } from '../core/errors.js';
import type { ExecutionRecord } from '../core/record.js';
import { DAY_MS, readRecords, type WarningHandler } from '../core/store.js';
import { OtlpExportError, openOtlpSender } from './otlp.js';
import { OtlpConfigError, resolveOtlpConfig, type OtlpConfig } from './otlp-config.js';
import { JobSpans, MetricPoints, executionSpan, type SpanData } from './spans.js';

type Env = Record<string, string | undefined>;

export const SCOPE = { name: 'dev-metrics' };
/** Spans or metric points per OTLP request: ~1–2 MB of protobuf, well under receivers' limits. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface ExportOptions {
  /** Base URL of the OTLP/HTTP receiver; default OTEL_EXPORTER_OTLP_ENDPOINT (and friends). */
  endpoint?: string;
  /** `key=value,...` headers added to the variables' ones (credentials: never logged). */
  headers?: string;
  /** Where the OTEL_* variables are read; default process.env. */
  env?: Env;
  /** Records (spans) and metric points per request; default 1000. */
  batchSize?: number;
  /** Called after each batch of execution spans with the number sent so far. */
  onProgress?: (executionsSent: number) => void;
  /** Values to redact from error text besides the common secret shapes. */
  extraSecrets?: readonly string[];
}

export interface ExportHistoryOptions extends ExportOptions {
  /** Default DEV_METRICS_DIR, else .metrics. */
  metricsDir?: string;
  /** Records started in the last N days; default all. */
  days?: number;
  onWarning?: WarningHandler | null;
}

export interface ExportSummary {
  executions: number;
  jobSpans: number;
  metricPoints: number;
  /** OTLP requests made. */
  requests: number;
  tracesUrl: string | null;
  metricsUrl: string | null;
}

/** The configuration, or a DevMetricsError saying what to set. */
export function requireOtlpConfig(options: ExportOptions): OtlpConfig {
  let config: OtlpConfig | null;
  try {
    config = resolveOtlpConfig(options.env ?? process.env, {
      endpoint: options.endpoint,
      headers: options.headers,
    });
  } catch (error) {
    if (error instanceof OtlpConfigError) throw new DevMetricsError(error.message);
    throw error;
  }
  if (config === null) {
    throw new DevMetricsError(
      'No OTLP endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://otel-collector:4318) or pass an endpoint',
    );
  }
  return config;
}

/**
 * Sends records as spans (one per execution, plus one per CI job) and hourly delta metric points,
 * batched; stops at the first failed request (a DevMetricsError saying how far it got).
 */
export async function exportRecords(
  records: Iterable<ExecutionRecord> | AsyncIterable<ExecutionRecord>,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const config = requireOtlpConfig(options);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const sender = await openOtlpSender(config, SCOPE);
  const summary: ExportSummary = {
    executions: 0,
    jobSpans: 0,
    metricPoints: 0,
    requests: 0,
    tracesUrl: sender.tracesUrl,
    metricsUrl: sender.metricsUrl,
  };
  const send = async (what: () => Promise<void>): Promise<void> => {
    try {
      await what();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DevMetricsError(
        `${message} (${summary.executions} execution(s) sent before it); fix the endpoint and run again: ids are derived from the records, so a receiver sees the same spans`,
        { cause: error },
      );
    }
    summary.requests++;
  };
  const jobs = new JobSpans();
  const metrics = new MetricPoints('hour');
  let batch: SpanData[] = [];
  try {
    for await (const record of records) {
      batch.push(executionSpan(record, options.extraSecrets));
      jobs.add(record);
      metrics.add(record);
      if (batch.length >= batchSize) {
        const spans = batch;
        batch = [];
        await send(() => sender.sendSpans(spans));
        summary.executions += spans.length;
        options.onProgress?.(summary.executions);
      }
    }
    if (batch.length > 0) {
      const spans = batch;
      await send(() => sender.sendSpans(spans));
      summary.executions += spans.length;
      options.onProgress?.(summary.executions);
    }
    if (config.traces) {
      const parents = jobs.spans();
      for (let i = 0; i < parents.length; i += batchSize) {
        await send(() => sender.sendSpans(parents.slice(i, i + batchSize)));
      }
      summary.jobSpans = parents.length;
    }
    if (config.metrics) {
      const points = metrics.values();
      for (let i = 0; i < points.length; i += batchSize) {
        await send(() => sender.sendMetrics(points.slice(i, i + batchSize)));
      }
      summary.metricPoints = points.length;
    }
  } finally {
    await sender.shutdown();
  }
  return summary;
}

/** exportRecords over the records of a `.metrics/` history (all of it, or the last `days`). */
export async function exportToOtlp(options: ExportHistoryOptions = {}): Promise<ExportSummary> {
  const env = options.env ?? process.env;
  const metricsDir = options.metricsDir ?? (env.DEV_METRICS_DIR || '.metrics');
  requireOtlpConfig(options); // before reading anything: a missing endpoint is said at once
  const since = options.days === undefined ? undefined : Date.now() - options.days * DAY_MS;
  return exportRecords(readRecords(metricsDir, { since, onWarning: options.onWarning }), options);
}

/**
 * What a live step sends: its execution span and metric point, and (post step) its job's span.
 * Traces and metrics go out at the same time; `config`'s timeout bounds each request, retries
 * included, and the caller bounds the whole.
 */
export async function sendExecution(
  config: OtlpConfig,
  input: {
    record?: ExecutionRecord;
    jobRecords?: readonly ExecutionRecord[];
    secrets?: readonly string[];
  },
): Promise<void> {
  const sender = await openOtlpSender(config, SCOPE);
  try {
    const spans: SpanData[] = [];
    const metrics = new MetricPoints('execution');
    if (input.record) {
      spans.push(executionSpan(input.record, input.secrets));
      metrics.add(input.record);
    }
    if (input.jobRecords && input.jobRecords.length > 0) {
      const jobs = new JobSpans();
      for (const r of input.jobRecords) jobs.add(r);
      spans.push(...jobs.spans());
    }
    const results = await Promise.allSettled([
      sender.sendSpans(spans),
      sender.sendMetrics(metrics.values()),
    ]);
    // Both signals failing is one warning with both reasons (often the same endpoint, twice).
    const reasons = results.flatMap((r) =>
      r.status === 'rejected'
        ? [r.reason instanceof Error ? r.reason.message : String(r.reason)]
        : [],
    );
    if (reasons.length > 0) throw new OtlpExportError(reasons.join('; '));
  } finally {
    void sender.shutdown();
  }
}
