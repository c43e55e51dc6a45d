/**
 * The two kinds of request the results service's clients make, shared by the cache save
 * (`cache/save.ts`) and the artifact upload (`artifact-upload.ts`): a Twirp JSON call, and one
 * Put Blob of a whole file to the signed URL the service hands out.
 */
import { readText, request } from './cache/http.js';

export interface TwirpCall {
  /** `ACTIONS_RESULTS_URL`; only its origin is used. */
  base: string;
  token: string;
  /** e.g. `github.actions.results.api.v1.CacheService`. */
  service: string;
  method: string;
  body: Record<string, unknown>;
  userAgent: string;
}

/** One Twirp call (proto field names); 5xx and network errors are retried twice (1 s, 2 s). */
export async function twirpCall(call: TwirpCall): Promise<Record<string, unknown>> {
  const url = new URL(`/twirp/${call.service}/${call.method}`, new URL(call.base).origin);
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let detail = '';
    try {
      const res = await request(url, {
        method: 'POST',
        body: JSON.stringify(call.body),
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${call.token}`,
          'User-Agent': call.userAgent,
        },
      });
      status = res.statusCode ?? 0;
      const text = await readText(res);
      if (status >= 200 && status < 300) return JSON.parse(text) as Record<string, unknown>;
      detail = twirpMessage(text);
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    const retryable = status === 0 || [500, 502, 503, 504].includes(status);
    if (!retryable || attempt >= 3) {
      throw new Error(`Failed to ${call.method}${status ? ` (HTTP ${status})` : ''}: ${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt).unref());
  }
}

/** The `msg` of a Twirp error body, or the body's start. */
export function twirpMessage(text: string): string {
  try {
    const data = JSON.parse(text) as { msg?: unknown };
    return typeof data.msg === 'string' ? data.msg : text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/**
 * Put Blob (a block blob in one request) to a signed URL. No `x-ms-version` header: a request
 * authorised by a shared access signature runs at the signature's own `sv` version, and Azure
 * ignores the header on it ("Previous Azure Storage versions", learn.microsoft.com).
 */
export async function putBlob(
  url: string,
  data: Buffer,
  headers: Record<string, string>,
): Promise<void> {
  const res = await request(url, {
    method: 'PUT',
    body: data,
    headers: {
      'x-ms-blob-type': 'BlockBlob',
      'Content-Type': 'application/octet-stream',
      ...headers,
    },
  });
  const text = await readText(res);
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    throw new Error(`the blob store answered HTTP ${status}${code ? ` (${code})` : ''}`);
  }
}
