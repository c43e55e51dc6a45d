// The OTEL_* variables and the caller's settings, resolved as the OpenTelemetry SDKs do.
import { describe, expect, it } from 'vitest';
import {
  OtlpConfigError,
  hasOtlpEndpoint,
  resolveOtlpConfig,
} from '../../src/export/otlp-config.js';

describe('resolveOtlpConfig', () => {
  it('no endpoint anywhere, or OTEL_SDK_DISABLED=true: null (nothing sent, nothing loaded)', () => {
    expect(resolveOtlpConfig({})).toBeNull();
    expect(resolveOtlpConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'a=b' }, { headers: 'c=d' })).toBeNull();
    expect(
      resolveOtlpConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_SDK_DISABLED: 'true',
      }),
    ).toBeNull();
  });

  it('a base endpoint gets /v1/traces and /v1/metrics; defaults: protobuf, service dev-metrics', () => {
    const config = resolveOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/' });
    expect(config).toEqual({
      traces: {
        url: 'http://c:4318/v1/traces',
        protocol: 'http/protobuf',
        headers: {},
        timeoutMs: 10_000,
      },
      metrics: {
        url: 'http://c:4318/v1/metrics',
        protocol: 'http/protobuf',
        headers: {},
        timeoutMs: 10_000,
      },
      serviceName: 'dev-metrics',
      resourceAttributes: {},
    });
  });

  it('signal-specific variables win and are used as is; a signal without an endpoint is off', () => {
    const config = resolveOtlpConfig(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example/otlp/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
        OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '2000',
      },
      { endpoint: 'http://input:4318', defaultTimeoutMs: 5000 },
    )!;
    expect(config.traces).toMatchObject({
      url: 'https://tempo.example/otlp/v1/traces',
      protocol: 'http/json',
      timeoutMs: 2000,
    });
    // The caller's endpoint (the action input) replaces OTEL_EXPORTER_OTLP_ENDPOINT.
    expect(config.metrics).toMatchObject({
      url: 'http://input:4318/v1/metrics',
      protocol: 'http/protobuf',
      timeoutMs: 3000,
    });
    const tracesOnly = resolveOtlpConfig({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t/v1/traces',
    })!;
    expect(tracesOnly.metrics).toBeNull();
    expect(tracesOnly.traces?.url).toBe('http://t/v1/traces');
  });

  it('headers merge generic < signal < caller, percent-decoded; the default timeout is the caller’s', () => {
    const config = resolveOtlpConfig(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=generic, c = x%20y ',
        OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'b=metrics',
      },
      { headers: 'authorization=Bearer%20t0k\nb=input', defaultTimeoutMs: 5000 },
    )!;
    expect(config.traces?.headers).toEqual({
      a: '1',
      b: 'input',
      c: 'x y',
      authorization: 'Bearer t0k',
    });
    expect(config.metrics?.headers).toEqual({
      a: '1',
      b: 'input',
      c: 'x y',
      authorization: 'Bearer t0k',
    });
    expect(config.traces?.timeoutMs).toBe(5000);
  });

  it('service name: OTEL_SERVICE_NAME, else service.name in OTEL_RESOURCE_ATTRIBUTES', () => {
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' };
    const fromAttributes = resolveOtlpConfig({
      ...base,
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=ci,team=a%2Cb',
    })!;
    expect(fromAttributes.serviceName).toBe('ci');
    expect(fromAttributes.resourceAttributes).toEqual({ team: 'a,b' });
    expect(
      resolveOtlpConfig({
        ...base,
        OTEL_SERVICE_NAME: 'pipelines',
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=ci',
      })!.serviceName,
    ).toBe('pipelines');
  });

  it.each([
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
      /^OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    ],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      /^OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported by dev-metrics; use http\/protobuf/,
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' },
      /^OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be http\/protobuf or http\/json; got 'thrift'$/,
    ],
    [
      { OTEL_EXPORTER_OTLP_TIMEOUT: '5s' },
      /^OTEL_EXPORTER_OTLP_TIMEOUT must be a whole number of milliseconds/,
    ],
    [
      { OTEL_EXPORTER_OTLP_HEADERS: 'justatoken123' },
      /^OTEL_EXPORTER_OTLP_HEADERS must be comma-separated key=value pairs/,
    ],
    [
      { OTEL_RESOURCE_ATTRIBUTES: '=x' },
      /^OTEL_RESOURCE_ATTRIBUTES must be comma-separated key=value pairs/,
    ],
  ])('%o is one line naming the variable', (bad, message) => {
    const error = (() => {
      try {
        resolveOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', ...bad });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(OtlpConfigError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain('\n');
    expect(error!.message).not.toContain('justatoken123');
  });
});

describe('hasOtlpEndpoint (a step without an endpoint loads no export code)', () => {
  // Bad values of every other setting: with no endpoint they are never read (no warning either).
  const bad = {
    OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    OTEL_EXPORTER_OTLP_TIMEOUT: 'soon',
    OTEL_EXPORTER_OTLP_HEADERS: 'no-key',
    OTEL_RESOURCE_ATTRIBUTES: '=x',
  };
  const endpoints = [
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
  ];

  it('none set, or only blank ones: false, and resolveOtlpConfig is null whatever else is set', () => {
    for (const env of [
      {},
      bad,
      { ...bad, ...Object.fromEntries(endpoints.map((n) => [n, ' \n'])) },
      { OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://c:4318' },
    ]) {
      for (const endpoint of [undefined, '', '  ']) {
        expect(hasOtlpEndpoint(env, endpoint)).toBe(false);
        expect(resolveOtlpConfig(env, { endpoint, headers: 'also-no-key' })).toBeNull();
      }
    }
  });

  it('each place an endpoint is read from makes it true', () => {
    for (const name of endpoints) {
      expect(hasOtlpEndpoint({ [name]: 'http://c:4318' }, undefined), name).toBe(true);
      expect(resolveOtlpConfig({ [name]: 'http://c:4318' })).not.toBeNull();
    }
    expect(hasOtlpEndpoint({}, 'http://c:4318')).toBe(true);
    expect(resolveOtlpConfig({}, { endpoint: 'http://c:4318' })).not.toBeNull();
    // Set but bad: resolveOtlpConfig says so (the step's one warning), so it must be called.
    expect(hasOtlpEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c' }, undefined)).toBe(true);
    expect(() => resolveOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c' })).toThrow(
      OtlpConfigError,
    );
  });
});
