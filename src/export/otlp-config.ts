/**
 * Where and how to send OTLP, from the standard OpenTelemetry variables plus the caller's own
 * settings (the action's `otlp-endpoint` / `otlp-headers` inputs, the CLI's flags). Pure: the
 * environment is passed in, nothing is loaded or sent here.
 *
 * Precedence, per signal, as the OpenTelemetry SDKs apply it:
 *   OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT (the full URL, used as is)
 *   > the caller's endpoint (a base URL; /v1/traces or /v1/metrics is appended)
 *   > OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, same).
 * Headers merge generic < signal-specific < the caller's; protocol and timeout are signal-specific
 * first, then generic, then the default (http/protobuf; the caller's timeout).
 */

import {
  OtlpConfigError,
  checkUrl,
  hasOtlpEndpoint,
  parseHeaders,
  parseKeyValues,
  quote,
} from './otlp-settings.js';

export { OtlpConfigError, checkUrl, hasOtlpEndpoint, parseHeaders } from './otlp-settings.js';

export type OtlpSignal = 'traces' | 'metrics';
export type OtlpProtocol = 'http/protobuf' | 'http/json';
export const OTLP_PROTOCOLS: readonly OtlpProtocol[] = ['http/protobuf', 'http/json'];

export interface OtlpTarget {
  /** Full URL the signal is POSTed to. */
  url: string;
  protocol: OtlpProtocol;
  /** Secret: header values are credentials; never log them. */
  headers: Record<string, string>;
  /** Bound of one export call, retries included. */
  timeoutMs: number;
}

export interface OtlpConfig {
  /** null when only the other signal has an endpoint. */
  traces: OtlpTarget | null;
  metrics: OtlpTarget | null;
  serviceName: string;
  /** From OTEL_RESOURCE_ATTRIBUTES (service.name left out: it is serviceName). */
  resourceAttributes: Record<string, string>;
}

export interface OtlpSettings {
  /** Base URL (like OTEL_EXPORTER_OTLP_ENDPOINT); '' or undefined = the variables decide. */
  endpoint?: string;
  /** `key=value,key2=value2` (commas or new lines); these win over the variables' headers. */
  headers?: string;
  /** Used when no OTEL_EXPORTER_OTLP_*TIMEOUT is set. */
  defaultTimeoutMs?: number;
}

export const DEFAULT_SERVICE_NAME = 'dev-metrics';
/** The SDK's own default (OTEL_EXPORTER_OTLP_TIMEOUT). The action passes a shorter one. */
export const SDK_DEFAULT_TIMEOUT_MS = 10_000;

type Env = Record<string, string | undefined>;

const SIGNAL_PATH: Record<OtlpSignal, string> = { traces: 'v1/traces', metrics: 'v1/metrics' };

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The export configuration, or null when no endpoint is set anywhere (or OTEL_SDK_DISABLED=true):
 * then nothing is sent and no exporter is loaded. Throws OtlpConfigError on a bad value.
 */
export function resolveOtlpConfig(env: Env, settings: OtlpSettings = {}): OtlpConfig | null {
  if (nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true') return null;
  if (!hasOtlpEndpoint(env, settings.endpoint)) return null;
  const target = (signal: OtlpSignal): OtlpTarget | null => {
    const upper = signal.toUpperCase();
    const url = signalUrl(env, signal, settings.endpoint);
    if (url === null) return null;
    return {
      url,
      protocol: parseProtocol(env, upper),
      headers: {
        ...parseHeaders(env.OTEL_EXPORTER_OTLP_HEADERS ?? '', 'OTEL_EXPORTER_OTLP_HEADERS'),
        ...parseHeaders(
          env[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`] ?? '',
          `OTEL_EXPORTER_OTLP_${upper}_HEADERS`,
        ),
        ...parseHeaders(settings.headers ?? '', 'otlp-headers'),
      },
      timeoutMs: parseTimeout(env, upper, settings.defaultTimeoutMs ?? SDK_DEFAULT_TIMEOUT_MS),
    };
  };
  const traces = target('traces');
  const metrics = target('metrics');
  if (traces === null && metrics === null) return null;
  const resourceAttributes = parseKeyValues(
    env.OTEL_RESOURCE_ATTRIBUTES ?? '',
    'OTEL_RESOURCE_ATTRIBUTES',
    'service.name=ci,deployment.environment.name=prod',
  );
  const serviceName =
    nonEmpty(env.OTEL_SERVICE_NAME) ??
    nonEmpty(resourceAttributes['service.name']) ??
    DEFAULT_SERVICE_NAME;
  delete resourceAttributes['service.name'];
  return { traces, metrics, serviceName, resourceAttributes };
}

function signalUrl(env: Env, signal: OtlpSignal, endpoint: string | undefined): string | null {
  const variable = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`;
  const specific = nonEmpty(env[variable]);
  if (specific !== undefined) return checkUrl(specific, variable);
  const given = nonEmpty(endpoint);
  const [base, source] =
    given !== undefined
      ? [given, 'otlp-endpoint']
      : [nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT), 'OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (base === undefined) return null;
  checkUrl(base, source);
  return `${base.replace(/\/+$/, '')}/${SIGNAL_PATH[signal]}`;
}

function parseProtocol(env: Env, upper: string): OtlpProtocol {
  const specificName = `OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`;
  const specific = nonEmpty(env[specificName]);
  const [value, source] =
    specific !== undefined
      ? [specific, specificName]
      : [nonEmpty(env.OTEL_EXPORTER_OTLP_PROTOCOL), 'OTEL_EXPORTER_OTLP_PROTOCOL'];
  if (value === undefined) return 'http/protobuf';
  if ((OTLP_PROTOCOLS as readonly string[]).includes(value)) return value as OtlpProtocol;
  if (value === 'grpc') {
    throw new OtlpConfigError(
      `${source}=grpc is not supported by dev-metrics; use http/protobuf (the Collector's port 4318) or http/json`,
    );
  }
  throw new OtlpConfigError(`${source} must be http/protobuf or http/json; got ${quote(value)}`);
}

function parseTimeout(env: Env, upper: string, fallback: number): number {
  for (const name of [`OTEL_EXPORTER_OTLP_${upper}_TIMEOUT`, 'OTEL_EXPORTER_OTLP_TIMEOUT']) {
    const value = nonEmpty(env[name]);
    if (value === undefined) continue;
    const ms = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(ms) || ms < 1) {
      throw new OtlpConfigError(
        `${name} must be a whole number of milliseconds ≥ 1, e.g. 5000; got ${quote(value)}`,
      );
    }
    return ms;
  }
  return fallback;
}
