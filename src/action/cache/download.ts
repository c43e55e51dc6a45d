/**
 * Finds and downloads a cache entry the way `@actions/cache` v2 does, without extracting it: the
 * official `restoreCache` runs `tar -P` into the workspace, so a crafted entry could write anywhere.
 * Only the lookup and the transfer live here; `extract.ts` decides what of the archive is kept.
 *
 * Compatibility with entries saved by the official `saveCache` rests on three things mirrored from
 * `@actions/cache/lib/internal` (not exported by the package): the entry version (`cacheUtils.
 * getCacheVersion`: paths, compression method, the Windows flag, salt `1.0`), the compression method
 * (`getCompressionMethod`: `zstd-without-long` when `zstd --quiet --version` prints anything, else
 * `gzip`) and the Twirp call (`GetCacheEntryDownloadURL` with proto field names). A test saves with
 * the real client and restores with this code.
 *
 * Every request runs under a `Deadline`: when it passes, its request is aborted (its socket
 * destroyed), so nothing keeps retrying or holds the process open after the bound. The HTTP is
 * `./http.ts` (node:http, proxies as `@actions/http-client` honours them).
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { readText, request } from './http.js';
import { twirpMessage } from '../results-api.js';

export type CompressionMethod = 'gzip' | 'zstd-without-long';

const SERVICE = 'github.actions.results.api.v1.CacheService';
const VERSION_SALT = '1.0';

/** The entry version `@actions/cache` computes for `paths` (cacheUtils.getCacheVersion). */
export function cacheVersion(
  paths: string[],
  compression: CompressionMethod,
  enableCrossOsArchive = false,
): string {
  const components = [...paths, compression];
  if (process.platform === 'win32' && !enableCrossOsArchive) components.push('windows-only');
  components.push(VERSION_SALT);
  return crypto.createHash('sha256').update(components.join('|')).digest('hex');
}

let compressionProbe: Promise<CompressionMethod> | undefined;

/** As `@actions/cache` decides it: zstd when the `zstd` binary answers, else gzip. Asked once. */
export function compressionMethod(): Promise<CompressionMethod> {
  compressionProbe ??= new Promise((resolve) => {
    execFile('zstd', ['--quiet', '--version'], { timeout: 10_000 }, (_error, stdout, stderr) =>
      resolve(`${stdout}${stderr}`.trim() === '' ? 'gzip' : 'zstd-without-long'),
    );
  });
  return compressionProbe;
}

/** A point in time after which no cache request may still run. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  readonly at: number;

  constructor(
    ms: number,
    readonly what = 'the cache service',
  ) {
    this.at = Date.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(this.error()), ms);
    this.timer.unref();
    // Concurrent downloads each listen for the deadline: more than Node's default 10 is expected.
    setMaxListeners(0, this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  remaining(): number {
    return Math.max(0, this.at - Date.now());
  }

  error(): CacheTimeoutError {
    return new CacheTimeoutError(`${this.what} did not answer in time`);
  }

  /** Settles with `promise`, or rejects when the deadline passes first. */
  race<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined); // abandoned: a late failure must not crash the process
    if (this.expired) return Promise.reject(this.error());
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(this.error());
      this.signal.addEventListener('abort', onAbort, { once: true });
      promise
        .then(resolve, reject)
        .finally(() => this.signal.removeEventListener('abort', onAbort));
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export class CacheTimeoutError extends Error {
  override name = 'CacheTimeoutError';
}

export interface EntryLocation {
  matchedKey: string;
  url: string;
}

/**
 * `GetCacheEntryDownloadURL` for `key` then `restoreKeys` (prefixes) at `version`; null on a miss.
 * Retries 5xx and network errors while the deadline allows, like the official client does.
 */
export async function lookupEntry(
  key: string,
  restoreKeys: string[],
  version: string,
  deadline: Deadline,
): Promise<EntryLocation | null> {
  const base = process.env['ACTIONS_RESULTS_URL'] ?? '';
  const token = process.env['ACTIONS_RUNTIME_TOKEN'] ?? '';
  const url = new URL(`/twirp/${SERVICE}/GetCacheEntryDownloadURL`, base).href;
  const body = JSON.stringify({
    key,
    ...(restoreKeys.length > 0 ? { restore_keys: restoreKeys } : {}),
    version,
  });
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let detail = '';
    try {
      const res = await deadline.race(
        request(url, {
          method: 'POST',
          body,
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${token}`,
            'User-Agent': 'dev-metrics (cache)',
          },
          signal: deadline.signal,
          timeoutMs: Math.max(1, deadline.remaining()),
        }),
      );
      status = res.statusCode ?? 0;
      const text = await deadline.race(readText(res));
      if (status >= 200 && status < 300) return parseLocation(text);
      detail = twirpMessage(text);
    } catch (error) {
      if (deadline.expired) throw deadline.error();
      detail = error instanceof Error ? error.message : String(error);
    }
    const retryable = status === 0 || [500, 502, 503, 504].includes(status);
    const wait = 1000 * attempt;
    if (!retryable || attempt >= 3 || deadline.remaining() < wait) {
      throw new Error(
        `GetCacheEntryDownloadURL failed${status ? ` (HTTP ${status})` : ''}: ${detail}`,
      );
    }
    await deadline.race(new Promise((resolve) => setTimeout(resolve, wait).unref()));
  }
}

function parseLocation(text: string): EntryLocation | null {
  const data = JSON.parse(text) as Record<string, unknown>;
  if (data['ok'] !== true) return null;
  const url = data['signed_download_url'] ?? data['signedDownloadUrl'];
  const matchedKey = data['matched_key'] ?? data['matchedKey'];
  if (typeof url !== 'string' || url === '' || typeof matchedKey !== 'string') {
    throw new Error('GetCacheEntryDownloadURL answered ok without a download URL');
  }
  return { url, matchedKey };
}

/**
 * GETs the archive at a signed blob URL (a plain GET is what the official client does for every
 * host but `*.blob.core.windows.net`, and Azure answers it too). Refuses bodies over `maxBytes`.
 * The stream is destroyed when the deadline passes.
 */
export async function downloadArchive(
  url: string,
  deadline: Deadline,
  maxBytes: number,
): Promise<IncomingMessage> {
  let message: IncomingMessage;
  let at = new URL(url);
  // Redirects are followed as @actions/http-client followed them (a cache server may redirect to
  // its storage); a downgrade from https to http is refused, as it refused it.
  for (let hops = 0; ; hops++) {
    message = await deadline.race(
      request(at, {
        headers: { 'User-Agent': 'dev-metrics (blob)' },
        signal: deadline.signal,
        timeoutMs: Math.max(1, deadline.remaining()),
      }),
    );
    const location = message.headers.location;
    if (![301, 302, 303, 307, 308].includes(message.statusCode ?? 0) || !location) break;
    message.resume();
    const next = new URL(location, at);
    if (hops >= 10) throw new Error('the blob store redirected more than 10 times');
    if (at.protocol === 'https:' && next.protocol !== 'https:') {
      throw new Error('the blob store redirected from https to http');
    }
    at = next;
  }
  const onAbort = (): void => void message.destroy(deadline.error());
  deadline.signal.addEventListener('abort', onAbort, { once: true });
  message.once('close', () => deadline.signal.removeEventListener('abort', onAbort));
  const status = message.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    message.resume();
    throw new Error(`the blob store answered HTTP ${status}`);
  }
  const length = Number(message.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes) {
    message.destroy();
    throw new Error(`the archive is ${length} bytes, over the ${maxBytes}-byte bound`);
  }
  return message;
}
