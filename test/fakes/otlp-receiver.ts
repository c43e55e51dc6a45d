/**
 * A loopback OTLP/HTTP receiver, as an OpenTelemetry Collector's `otlp` receiver answers on port
 * 4318: POST /v1/traces and /v1/metrics, `application/x-protobuf` or `application/json`.
 *
 * Protobuf bodies are decoded with the official OpenTelemetry proto definitions: the protobufjs
 * root generated from opentelemetry-proto that @opentelemetry/otlp-transformer shipped up to
 * 0.216 (installed as the dev dependency `otlp-proto-root`). JSON bodies are OTLP/JSON as the
 * spec defines it (hex ids, int64 as strings). Both are normalised to the same plain shape.
 *
 * Faults: `fault({ status, body })` answers every request so (a 4xx with a body), `hang` never
 * answers (a black-holed endpoint).
 */
import { createRequire } from 'node:module';
import type http from 'node:http';
import { listen, readBody, type RunningServer } from './http.js';

const require = createRequire(import.meta.url);

interface ProtoType {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): Record<string, unknown>;
}
interface ProtoRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: { ExportTraceServiceRequest: ProtoType } };
        metrics: { v1: { ExportMetricsServiceRequest: ProtoType } };
      };
    };
  };
}
const root = require('otlp-proto-root/build/src/generated/root.js') as ProtoRoot;
const TraceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const MetricsRequest = root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

export type AttrValue = string | number | boolean | AttrValue[] | null;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  /** Unix nanoseconds, as a decimal string (int64). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, AttrValue>;
  status: { code: number; message: string };
  resource: Record<string, AttrValue>;
  scope: string;
}

export interface ReceivedPoint {
  metric: string;
  unit: string;
  /** 'histogram' or 'sum'. */
  type: string;
  /** 1 delta, 2 cumulative. */
  temporality: number;
  isMonotonic?: boolean;
  startTimeUnixNano: string;
  timeUnixNano: string;
  attributes: Record<string, AttrValue>;
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
  bucketCounts?: number[];
  explicitBounds?: number[];
  value?: number;
  resource: Record<string, AttrValue>;
}

export interface ReceivedRequest {
  path: string;
  contentType: string;
  headers: http.IncomingHttpHeaders;
  bytes: number;
}

export interface Fault {
  status?: number;
  body?: string;
  contentType?: string;
  /** Never answer. */
  hang?: boolean;
}

export interface OtlpReceiver extends RunningServer {
  spans: ReceivedSpan[];
  points: ReceivedPoint[];
  requests: ReceivedRequest[];
  fault(fault: Fault | null): void;
}

function hexOf(value: unknown): string {
  if (typeof value === 'string') {
    // OTLP/JSON carries hex; protobufjs's toObject with bytes: String gives base64.
    return /^[0-9a-f]*$/i.test(value)
      ? value.toLowerCase()
      : Buffer.from(value, 'base64').toString('hex');
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return '';
}

function anyValue(value: Record<string, unknown> | undefined): AttrValue {
  if (!value) return null;
  if ('stringValue' in value) return value.stringValue as string;
  if ('boolValue' in value) return value.boolValue as boolean;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('arrayValue' in value) {
    const values = (value.arrayValue as { values?: Record<string, unknown>[] }).values ?? [];
    return values.map((v) => anyValue(v));
  }
  return null;
}

function attributesOf(list: unknown): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const kv of (list as { key: string; value?: Record<string, unknown> }[] | undefined) ?? []) {
    out[kv.key] = anyValue(kv.value);
  }
  return out;
}

type Obj = Record<string, unknown>;
const arr = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const str = (value: unknown): string =>
  value === undefined || value === null ? '0' : String(value);

function spansOf(request: Obj): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const rs of arr(request.resourceSpans)) {
    const resource = attributesOf((rs.resource as Obj | undefined)?.attributes);
    for (const ss of arr(rs.scopeSpans)) {
      const scope = String((ss.scope as Obj | undefined)?.name ?? '');
      for (const span of arr(ss.spans)) {
        const status = (span.status as Obj | undefined) ?? {};
        out.push({
          traceId: hexOf(span.traceId),
          spanId: hexOf(span.spanId),
          parentSpanId: hexOf(span.parentSpanId),
          name: String(span.name),
          kind: Number(span.kind ?? 0),
          startTimeUnixNano: str(span.startTimeUnixNano),
          endTimeUnixNano: str(span.endTimeUnixNano),
          attributes: attributesOf(span.attributes),
          status: { code: Number(status.code ?? 0), message: String(status.message ?? '') },
          resource,
          scope,
        });
      }
    }
  }
  return out;
}

function pointsOf(request: Obj): ReceivedPoint[] {
  const out: ReceivedPoint[] = [];
  for (const rm of arr(request.resourceMetrics)) {
    const resource = attributesOf((rm.resource as Obj | undefined)?.attributes);
    for (const sm of arr(rm.scopeMetrics)) {
      for (const metric of arr(sm.metrics)) {
        const base = { metric: String(metric.name), unit: String(metric.unit ?? ''), resource };
        const histogram = metric.histogram as Obj | undefined;
        const sum = metric.sum as Obj | undefined;
        if (histogram) {
          for (const p of arr(histogram.dataPoints)) {
            out.push({
              ...base,
              type: 'histogram',
              temporality: Number(histogram.aggregationTemporality),
              startTimeUnixNano: str(p.startTimeUnixNano),
              timeUnixNano: str(p.timeUnixNano),
              attributes: attributesOf(p.attributes),
              count: Number(p.count),
              sum: Number(p.sum),
              min: Number(p.min),
              max: Number(p.max),
              bucketCounts: arr(p.bucketCounts).map(Number),
              explicitBounds: arr(p.explicitBounds).map(Number),
            });
          }
        } else if (sum) {
          for (const p of arr(sum.dataPoints)) {
            out.push({
              ...base,
              type: 'sum',
              temporality: Number(sum.aggregationTemporality),
              isMonotonic: Boolean(sum.isMonotonic),
              startTimeUnixNano: str(p.startTimeUnixNano),
              timeUnixNano: str(p.timeUnixNano),
              attributes: attributesOf(p.attributes),
              value: Number(p.asInt ?? p.asDouble),
            });
          }
        }
      }
    }
  }
  return out;
}

const TO_OBJECT = { longs: String, defaults: false, arrays: true };

/** Decodes one export request body the way a Collector would, by its content type. */
export function decodeExport(path: string, contentType: string, body: Buffer): Obj {
  const traces = path === '/v1/traces';
  if (contentType.startsWith('application/x-protobuf')) {
    const type = traces ? TraceRequest : MetricsRequest;
    return type.toObject(type.decode(body), TO_OBJECT);
  }
  if (contentType.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Obj;
  throw new Error(`unsupported content type ${contentType}`);
}

/** decode: false only counts requests and bytes (a bench's view of the sender alone). */
export async function startOtlpReceiver(options: { decode?: boolean } = {}): Promise<OtlpReceiver> {
  let current: Fault | null = null;
  const spans: ReceivedSpan[] = [];
  const points: ReceivedPoint[] = [];
  const requests: ReceivedRequest[] = [];
  const running = await listen(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    const contentType = String(req.headers['content-type'] ?? '');
    requests.push({ path, contentType, headers: req.headers, bytes: body.length });
    if (current?.hang) return; // the socket stays open until the client gives up
    if (current?.status) {
      res.writeHead(current.status, { 'Content-Type': current.contentType ?? 'text/plain' });
      res.end(current.body ?? '');
      return;
    }
    if (req.method !== 'POST' || (path !== '/v1/traces' && path !== '/v1/metrics')) {
      res.writeHead(404).end();
      return;
    }
    let decoded: Obj = {};
    try {
      if (options.decode === false) throw new Error('not decoding');
      decoded = decodeExport(path, contentType, body);
    } catch (error) {
      if (options.decode !== false) {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(error));
        return;
      }
    }
    if (path === '/v1/traces') spans.push(...spansOf(decoded));
    else points.push(...pointsOf(decoded));
    // An empty Export*ServiceResponse: zero bytes in protobuf, {} in JSON.
    if (contentType.startsWith('application/json')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    } else {
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    }
  });
  return {
    ...running,
    spans,
    points,
    requests,
    fault(fault) {
      current = fault;
    },
  };
}
