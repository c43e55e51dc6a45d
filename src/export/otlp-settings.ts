/**
 * Single OTLP settings, apart from resolving them all (otlp-config.ts): the checks the action
 * makes of its inputs in every step, and whether any endpoint is set at all, so that a step
 * without one loads none of the export code.
 */

type Env = Record<string, string | undefined>;

/** A bad OTLP setting: `message` is one line naming the variable or input and the fix. */
export class OtlpConfigError extends Error {
  override name = 'OtlpConfigError';
}

/**
 * The variables an endpoint is read from besides the caller's own (resolveOtlpConfig's precedence:
 * the signal-specific ones, then the caller's, then the generic one).
 */
const ENDPOINT_VARIABLES = [
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
] as const;

/**
 * Whether an endpoint is set anywhere (not blank). When none is, resolveOtlpConfig returns null
 * before it reads, or can reject, any other setting.
 */
export function hasOtlpEndpoint(env: Env, endpoint: string | undefined): boolean {
  return [endpoint, ...ENDPOINT_VARIABLES.map((name) => env[name])].some(
    (value) => (value?.trim() ?? '') !== '',
  );
}

/** Whether `value` parses as an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http(s) URL, or OtlpConfigError naming where it came from. */
export function checkUrl(value: string, source: string): string {
  if (!isHttpUrl(value)) {
    throw new OtlpConfigError(
      `${source} must be an http(s) URL such as http://otel-collector:4318; got ${quote(value)}`,
    );
  }
  return value;
}

/**
 * `key=value` pairs separated by commas (and, for inputs, new lines), values percent-decoded as
 * the OpenTelemetry spec says for OTEL_EXPORTER_OTLP_HEADERS.
 */
export function parseHeaders(text: string, source: string): Record<string, string> {
  const headers = parseKeyValues(text, source, 'Authorization=Bearer%20abc,x-tenant=ci');
  for (const name of Object.keys(headers)) {
    // Node's http rejects these with an exception deep inside the exporter; say it here instead.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new OtlpConfigError(`${source}: ${quote(name)} is not a valid HTTP header name`);
    }
    if (/[\r\n\0]/.test(headers[name]!)) {
      throw new OtlpConfigError(`${source}: the value of ${name} contains a line break`);
    }
  }
  return headers;
}

export function parseKeyValues(
  text: string,
  source: string,
  example: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/[,\n]/)) {
    const item = raw.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = eq === -1 ? '' : item.slice(0, eq).trim();
    if (key === '') {
      // The value is not quoted back: it may be a credential.
      throw new OtlpConfigError(
        `${source} must be comma-separated key=value pairs, e.g. ${example}; an entry has no key= part`,
      );
    }
    let value = item.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoded (a bare '%'): keep it as given, as the SDK does.
    }
    out[key] = value;
  }
  return out;
}

export function quote(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `'${cut.replace(/[\r\n]/g, ' ')}'`;
}
