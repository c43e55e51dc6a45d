/**
 * The OpenTelemetry SDK wiring: SpanData / MetricPoint (spans.ts) mapped onto the SDK's export
 * data model and sent by the official OTLP exporters (http/protobuf or http/json). Every SDK
 * module is loaded here with a dynamic import(), only when an endpoint is set: the bundle keeps
 * them in separate chunks, and a step without an endpoint never loads them.
 */
import type { HrTime } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { OtlpConfig, OtlpTarget } from './otlp-config.js';
import { HISTOGRAM_BOUNDARIES_S, COUNT_METRIC, DURATION_METRIC } from './spans.js';
import type { MetricPoint, SpanData } from './spans.js';

/** A failed export, in one line: what was tried and why it failed. Never carries a header. */
export class OtlpExportError extends Error {
  override name = 'OtlpExportError';
}

export interface OtlpSender {
  /** Sends one batch of spans; throws OtlpExportError. */
  sendSpans(spans: readonly SpanData[]): Promise<void>;
  /** Sends one batch of delta points of both metrics; throws OtlpExportError. */
  sendMetrics(points: readonly MetricPoint[]): Promise<void>;
  readonly tracesUrl: string | null;
  readonly metricsUrl: string | null;
  shutdown(): Promise<void>;
}

interface SpanExporterLike {
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
}

export interface Scope {
  name: string;
  version?: string;
}

function hrTime(ms: number): HrTime {
  let seconds = Math.floor(ms / 1000);
  // Records carry microseconds; rounding there drops the binary noise of the ms fraction.
  let nanos = Math.round((ms - seconds * 1000) * 1000) * 1000;
  if (nanos >= 1e9) {
    seconds += 1;
    nanos -= 1e9;
  }
  return [seconds, nanos];
}

/** A response body or error detail as one short line (a protobuf Status body is binary). */
function oneLine(text: string, max = 300): string {
  // Binary and control bytes become spaces.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const controls = /[\u0000-\u001f\u007f-\u009f\ufffd]+/g;
  const flat = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Why an export failed: `HTTP 400 Bad Request: <body>`, or the network error. */
export function describeExportError(error: unknown): string {
  if (error === undefined || error === null) return 'export failed';
  const e = error as { code?: unknown; data?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.code === 'number') {
    const body = typeof e.data === 'string' ? oneLine(e.data) : '';
    return `HTTP ${e.code}${message ? ` ${oneLine(message, 80)}` : ''}${body ? `: ${body}` : ''}`;
  }
  return oneLine(message) || 'export failed';
}

function exportWith<T>(
  exporter: { export(items: T, done: (result: ExportResult) => void): void },
  items: T,
  url: string,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(items, (result) => {
      // ExportResultCode.SUCCESS is 0 in every SDK version.
      if (result.code === 0) resolve();
      else
        reject(
          new OtlpExportError(`${what} to ${url} failed: ${describeExportError(result.error)}`),
        );
    });
  });
}

/** Loads the SDK and the exporters the configuration needs (and only those). */
export async function openOtlpSender(config: OtlpConfig, scope: Scope): Promise<OtlpSender> {
  const [api, resources, sdkMetrics] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-metrics'),
  ]);
  const resource: Resource = resources.defaultResource().merge(
    resources.resourceFromAttributes({
      ...config.resourceAttributes,
      'service.name': config.serviceName,
    }),
  );
  const instrumentationScope = { name: scope.name, version: scope.version };

  const traces = config.traces;
  const spanExporter = traces ? await loadTraceExporter(traces) : null;
  const metrics = config.metrics;
  const metricExporter = metrics ? await loadMetricExporter(metrics) : null;

  const toReadable = (span: SpanData): ReadableSpan => {
    const start = hrTime(span.startMs);
    const end = hrTime(span.endMs);
    const context = {
      traceId: span.traceId,
      spanId: span.spanId,
      traceFlags: api.TraceFlags.SAMPLED,
    };
    return {
      name: span.name,
      kind: api.SpanKind.INTERNAL,
      spanContext: () => context,
      parentSpanContext:
        span.parentSpanId !== undefined
          ? {
              traceId: span.traceId,
              spanId: span.parentSpanId,
              traceFlags: api.TraceFlags.SAMPLED,
              isRemote: true,
            }
          : undefined,
      startTime: start,
      endTime: end,
      duration: hrTime(span.endMs - span.startMs),
      status:
        span.error !== undefined
          ? { code: api.SpanStatusCode.ERROR, message: span.error }
          : { code: api.SpanStatusCode.UNSET },
      attributes: span.attributes,
      links: [],
      events: [],
      ended: true,
      resource,
      instrumentationScope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
  };

  const toResourceMetrics = (points: readonly MetricPoint[]): ResourceMetrics => ({
    resource,
    scopeMetrics: [
      {
        scope: instrumentationScope,
        metrics: [
          {
            descriptor: {
              name: DURATION_METRIC,
              description: 'Duration of each execution dev-metrics recorded',
              unit: 's',
              valueType: api.ValueType.DOUBLE,
            },
            aggregationTemporality: sdkMetrics.AggregationTemporality.DELTA,
            dataPointType: sdkMetrics.DataPointType.HISTOGRAM,
            dataPoints: points.map((p) => ({
              startTime: hrTime(p.startMs),
              endTime: hrTime(p.endMs),
              attributes: p.attributes,
              value: {
                buckets: { boundaries: HISTOGRAM_BOUNDARIES_S, counts: p.bucketCounts },
                count: p.count,
                sum: p.sum,
                min: p.min,
                max: p.max,
              },
            })),
          },
          {
            descriptor: {
              name: COUNT_METRIC,
              description: 'Executions dev-metrics recorded, by result',
              unit: '{execution}',
              valueType: api.ValueType.INT,
            },
            aggregationTemporality: sdkMetrics.AggregationTemporality.DELTA,
            dataPointType: sdkMetrics.DataPointType.SUM,
            isMonotonic: true,
            dataPoints: points.map((p) => ({
              startTime: hrTime(p.startMs),
              endTime: hrTime(p.endMs),
              attributes: p.attributes,
              value: p.count,
            })),
          },
        ],
      },
    ],
  });

  return {
    tracesUrl: traces?.url ?? null,
    metricsUrl: metrics?.url ?? null,
    async sendSpans(spans) {
      if (!spanExporter || !traces || spans.length === 0) return;
      await exportWith(spanExporter, spans.map(toReadable), traces.url, 'trace export');
    },
    async sendMetrics(points) {
      if (!metricExporter || !metrics || points.length === 0) return;
      await exportWith(metricExporter, toResourceMetrics(points), metrics.url, 'metric export');
    },
    async shutdown() {
      await Promise.allSettled([spanExporter?.shutdown(), metricExporter?.shutdown()]);
    },
  };
}

async function loadTraceExporter(target: OtlpTarget): Promise<SpanExporterLike> {
  const options = { url: target.url, headers: target.headers, timeoutMillis: target.timeoutMs };
  if (target.protocol === 'http/json') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter(options);
  }
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter(options);
}

async function loadMetricExporter(target: OtlpTarget): Promise<PushMetricExporter> {
  const options = { url: target.url, headers: target.headers, timeoutMillis: target.timeoutMs };
  if (target.protocol === 'http/json') {
    const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-http');
    return new OTLPMetricExporter(options);
  }
  const { OTLPMetricExporter } = await import('@opentelemetry/exporter-metrics-otlp-proto');
  return new OTLPMetricExporter(options);
}

/** `work` bounded by `ms`: rejects with OtlpExportError naming the bound when it takes longer. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new OtlpExportError(`${what}: no answer within ${ms / 1000} s`)),
      ms,
    );
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
