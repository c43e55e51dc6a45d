/**
 * A loopback fake of GitHub's Actions cache service v2, driven by the real `@actions/cache` client:
 * - Twirp JSON at `/twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,
 *   FinalizeCacheEntryUpload, GetCacheEntryDownloadURL}` with the runtime-token bearer check and
 *   Twirp errors (`{code,msg}`) for bad requests;
 * - the signed blob URLs those calls hand out, served by the Azure-blob emulation in blob-store.ts
 *   (the client uploads with the Azure SDK; it downloads with a plain GET because the host is not
 *   `*.blob.core.windows.net`, and the SDK's HEAD + ranged GETs work too);
 * - fault injection per endpoint (status N times, delay), a read-only token, a read denial, and
 *   archive corruption.
 * `entries` is public so the REST fake can list caches: see `listActionsCaches`.
 */
import type http from 'node:http';
import { BlobStore, sendError as sendBlobError } from './blob-store.js';
import { TWIRP_CODES, listen, readBody, sendJson, sleep } from './http.js';

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

export type CacheEndpoint =
  | 'CreateCacheEntry'
  | 'FinalizeCacheEntryUpload'
  | 'GetCacheEntryDownloadURL'
  | 'BlobUpload'
  | 'BlobDownload';

/** One cache entry, in the shape GitHub's REST API lists it, plus the fake's own bookkeeping. */
export interface FakeCacheEntry {
  id: number;
  key: string;
  version: string;
  ref: string;
  created_at: string;
  last_accessed_at: string;
  size_in_bytes: number;
  /** False between CreateCacheEntry and FinalizeCacheEntryUpload: not restorable, not listed. */
  finalized: boolean;
  blobPath: string;
  /** Creation order; breaks ties between entries created in the same millisecond. */
  seq: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  endpoint: CacheEndpoint | 'other';
  status: number;
}

export interface FaultSpec {
  /** HTTP status to answer with (500, 503, 429, 403...). Omit for a delay-only fault. */
  status?: number;
  /** How many matching requests fail before the endpoint recovers. Default: every one. */
  times?: number;
  /** Wait this long before answering (or failing): drives client timeouts. */
  delayMs?: number;
  /** Twirp `msg` / Azure message for the failure. */
  message?: string;
}

/** Per-endpoint fault plan, mutable while the fake runs. */
export class CacheFaults {
  /** CreateCacheEntry answers `ok:false` with a `cache write denied:` message, as for a read-only token. */
  readOnly = false;
  /** GetCacheEntryDownloadURL answers 403 `cache read denied:`, as for a token with no read scope. */
  readDenied = false;
  private readonly plans = new Map<CacheEndpoint, FaultSpec & { left: number }>();

  set(endpoint: CacheEndpoint, spec: FaultSpec): this {
    this.plans.set(endpoint, { ...spec, left: spec.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  clear(): void {
    this.plans.clear();
    this.readOnly = false;
    this.readDenied = false;
  }

  /** The fault for this request, if any; counts it against `times`. */
  take(endpoint: CacheEndpoint): FaultSpec | undefined {
    const plan = this.plans.get(endpoint);
    if (!plan || plan.left <= 0) return undefined;
    plan.left -= 1;
    return plan;
  }
}

export interface FakeCacheService {
  /** The value for ACTIONS_RESULTS_URL (ends with `/`, as the runner sets it). */
  url: string;
  token: string;
  /** Every entry, finalized or not, in creation order. Public for the REST fake and tests. */
  entries: FakeCacheEntry[];
  requests: RecordedRequest[];
  faults: CacheFaults;
  blobs: BlobStore;
  /** The ref new entries are scoped to (the real service takes it from the run's token). */
  ref: string;
  /** Env the real client needs to reach this fake (v2 switch, URL, runtime token). */
  env(): Record<string, string>;
  /** Corrupts the stored archive of the newest finalized entry with `key`. */
  corruptArchive(key: string): boolean;
  /**
   * Adds a finalized entry whose archive is exactly `data` (any bytes: a crafted tar, a bomb), as
   * if a workflow had saved it from `ref` (default: the current `ref`).
   */
  putArchive(key: string, version: string, data: Buffer, ref?: string): FakeCacheEntry;
  stop(): Promise<void>;
}

export interface StartOptions {
  token?: string;
  ref?: string;
}

interface TwirpError {
  status: number;
  code: string;
  msg: string;
}

export async function start(options: StartOptions = {}): Promise<FakeCacheService> {
  const token = options.token ?? 'fake-runtime-token';
  const entries: FakeCacheEntry[] = [];
  const requests: RecordedRequest[] = [];
  const faults = new CacheFaults();
  const blobs = new BlobStore();
  const stopping = new AbortController();
  let seq = 0;
  let origin = '';
  const state = { ref: options.ref ?? 'refs/heads/main' };

  const newest = (candidates: FakeCacheEntry[]): FakeCacheEntry | undefined =>
    candidates.reduce<FakeCacheEntry | undefined>(
      (best, e) => (best === undefined || newerThan(e, best) ? e : best),
      undefined,
    );

  /** Exact key first, then the newest entry whose key starts with it; per key, in order. */
  const match = (keys: string[], version: string): FakeCacheEntry | undefined => {
    const usable = entries.filter((e) => e.finalized && e.version === version);
    for (const key of keys) {
      const found =
        newest(usable.filter((e) => e.key === key)) ??
        newest(usable.filter((e) => e.key.startsWith(key)));
      if (found) return found;
    }
    return undefined;
  };

  const twirp = {
    CreateCacheEntry(body: Record<string, unknown>): unknown {
      const { key, version } = requireKeyAndVersion(body);
      if (faults.readOnly) {
        return {
          ok: false,
          message: `cache write denied: the token for this run is read-only (key ${key})`,
        };
      }
      if (entries.some((e) => e.key === key && e.version === version)) {
        throw twirpError(409, `cache entry with the same key, version, and scope already exists`);
      }
      const id = ++seq;
      const now = new Date().toISOString();
      const blobPath = `actions-cache/${id.toString(16).padStart(8, '0')}-${version.slice(0, 12)}`;
      entries.push({
        id,
        key,
        version,
        ref: state.ref,
        created_at: now,
        last_accessed_at: now,
        size_in_bytes: 0,
        finalized: false,
        blobPath,
        seq: id,
      });
      return { ok: true, signed_upload_url: blobs.signedUrl(origin, blobPath, ['write']) };
    },

    FinalizeCacheEntryUpload(body: Record<string, unknown>): unknown {
      const { key, version } = requireKeyAndVersion(body);
      const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized);
      if (!entry) throw twirpError(404, `no cache entry reserved for key ${key}`);
      const blob = blobs.blobs.get(entry.blobPath);
      if (!blob) throw twirpError(400, `no archive was uploaded for key ${key}`);
      const size = Number(body['size_bytes'] ?? Number.NaN);
      if (!Number.isSafeInteger(size) || size !== blob.data.length) {
        throw twirpError(
          400,
          `size_bytes ${String(body['size_bytes'])} does not match the uploaded ${blob.data.length} bytes`,
        );
      }
      entry.finalized = true;
      entry.size_in_bytes = size;
      return { ok: true, entry_id: String(entry.id) };
    },

    GetCacheEntryDownloadURL(body: Record<string, unknown>): unknown {
      const { key, version } = requireKeyAndVersion(body);
      const restoreKeys = body['restore_keys'] ?? [];
      if (!Array.isArray(restoreKeys) || restoreKeys.some((k) => typeof k !== 'string')) {
        throw twirpError(400, 'restore_keys must be a list of strings');
      }
      if (faults.readDenied) {
        throw twirpError(
          403,
          'cache read denied: the token for this run has no readable cache scope',
        );
      }
      const found = match([key, ...(restoreKeys as string[])], version);
      if (!found) return { ok: false, signed_download_url: '', matched_key: '' };
      found.last_accessed_at = new Date().toISOString();
      return {
        ok: true,
        signed_download_url: blobs.signedUrl(origin, found.blobPath, ['read']),
        matched_key: found.key,
      };
    },
  };

  const handleTwirp = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    record: (endpoint: CacheEndpoint | 'other') => void,
  ): Promise<void> => {
    const prefix = `/twirp/${CACHE_SERVICE}/`;
    const method = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    if (!Object.hasOwn(twirp, method)) {
      record('other');
      await readBody(req);
      return sendTwirp(res, {
        status: 404,
        code: 'bad_route',
        msg: `no handler for path ${url.pathname}`,
      });
    }
    const endpoint = method as keyof typeof twirp;
    record(endpoint);
    const body = await readBody(req);
    const fault = faults.take(endpoint);
    if (fault?.delayMs) await sleep(fault.delayMs, stopping.signal);
    if (fault?.status) {
      const headers: Record<string, string> = fault.status === 429 ? { 'Retry-After': '60' } : {};
      return sendTwirp(
        res,
        {
          status: fault.status,
          code: TWIRP_CODES[fault.status] ?? 'unknown',
          msg: fault.message ?? `injected fault on ${endpoint}`,
        },
        headers,
      );
    }
    if (req.method !== 'POST') {
      return sendTwirp(res, {
        status: 404,
        code: 'bad_route',
        msg: `unsupported method ${req.method ?? ''} (only POST is allowed)`,
      });
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendTwirp(res, {
        status: 404,
        code: 'bad_route',
        msg: `unexpected Content-Type: ${String(req.headers['content-type'])}`,
      });
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendTwirp(res, {
        status: 401,
        code: 'unauthenticated',
        msg: 'invalid or missing token',
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return sendTwirp(res, { status: 400, code: 'malformed', msg: 'request body is not JSON' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return sendTwirp(res, {
        status: 400,
        code: 'malformed',
        msg: 'request body is not an object',
      });
    }
    try {
      sendJson(res, 200, twirp[endpoint](parsed as Record<string, unknown>));
    } catch (error) {
      if (isTwirpError(error)) return sendTwirp(res, error);
      throw error;
    }
  };

  const handleBlob = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    record: (endpoint: CacheEndpoint | 'other') => void,
  ): Promise<void> => {
    const endpoint: CacheEndpoint =
      req.method === 'GET' || req.method === 'HEAD' ? 'BlobDownload' : 'BlobUpload';
    record(endpoint);
    const fault = faults.take(endpoint);
    if (fault?.delayMs) await sleep(fault.delayMs, stopping.signal);
    if (fault?.status) {
      await readBody(req);
      const code =
        fault.status === 503
          ? 'ServerBusy'
          : fault.status === 403
            ? 'AuthorizationFailure'
            : 'InternalError';
      return sendBlobError(
        req,
        res,
        fault.status,
        code,
        fault.message ?? `injected fault on ${endpoint}`,
      );
    }
    return blobs.handle(req, res, url);
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      endpoint: 'other',
      status: 0,
    };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const record = (endpoint: CacheEndpoint | 'other'): void => {
      entry.endpoint = endpoint;
    };
    if (url.pathname.startsWith('/twirp/')) return handleTwirp(req, res, url, record);
    if (blobs.handles(url)) return handleBlob(req, res, url, record);
    await readBody(req);
    sendJson(res, 404, { message: 'Not Found' });
  });
  origin = server.origin;

  return {
    url: `${origin}/`,
    token,
    entries,
    requests,
    faults,
    blobs,
    get ref() {
      return state.ref;
    },
    set ref(value: string) {
      state.ref = value;
    },
    env: () => ({
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${origin}/`,
      ACTIONS_RUNTIME_TOKEN: token,
    }),
    putArchive(key: string, version: string, data: Buffer, ref?: string): FakeCacheEntry {
      const id = ++seq;
      const now = new Date().toISOString();
      const blobPath = `actions-cache/${id.toString(16).padStart(8, '0')}-${version.slice(0, 12)}`;
      blobs.put(blobPath, data);
      const entry: FakeCacheEntry = {
        id,
        key,
        version,
        ref: ref ?? state.ref,
        created_at: now,
        last_accessed_at: now,
        size_in_bytes: data.length,
        finalized: true,
        blobPath,
        seq: id,
      };
      entries.push(entry);
      return entry;
    },
    corruptArchive(key: string): boolean {
      const entry = newest(entries.filter((e) => e.finalized && e.key === key));
      return entry ? blobs.corrupt(entry.blobPath) : false;
    },
    async stop(): Promise<void> {
      stopping.abort();
      await server.close();
    },
  };
}

export interface ListCachesQuery {
  key?: string;
  ref?: string;
  sort?: 'created_at' | 'last_accessed_at' | 'size_in_bytes';
  direction?: 'asc' | 'desc';
}

/**
 * What `GET /repos/{owner}/{repo}/actions/caches` answers for these entries: finalized entries
 * whose key starts with `key` (and whose ref equals `ref`), sorted (default newest first).
 * The REST fake calls this with `fake.entries` and slices the result by `per_page`/`page`.
 */
export function listActionsCaches(
  entries: readonly FakeCacheEntry[],
  query: ListCachesQuery = {},
): {
  total_count: number;
  actions_caches: Array<Omit<FakeCacheEntry, 'finalized' | 'blobPath' | 'seq'>>;
} {
  const sort = query.sort ?? 'last_accessed_at';
  const sign = query.direction === 'asc' ? 1 : -1;
  const selected = entries
    .filter((e) => e.finalized)
    .filter((e) => query.key === undefined || e.key.startsWith(query.key))
    .filter((e) => query.ref === undefined || e.ref === query.ref)
    .sort((a, b) => {
      const diff =
        sort === 'size_in_bytes'
          ? a.size_in_bytes - b.size_in_bytes
          : Date.parse(a[sort]) - Date.parse(b[sort]);
      return sign * (diff !== 0 ? diff : a.seq - b.seq);
    });
  return {
    total_count: selected.length,
    actions_caches: selected.map((e) => ({
      id: e.id,
      ref: e.ref,
      key: e.key,
      version: e.version,
      last_accessed_at: e.last_accessed_at,
      created_at: e.created_at,
      size_in_bytes: e.size_in_bytes,
    })),
  };
}

function newerThan(a: FakeCacheEntry, b: FakeCacheEntry): boolean {
  const diff = Date.parse(a.created_at) - Date.parse(b.created_at);
  return diff !== 0 ? diff > 0 : a.seq > b.seq;
}

function requireKeyAndVersion(body: Record<string, unknown>): { key: string; version: string } {
  const { key, version } = body;
  if (typeof key !== 'string' || key === '') throw twirpError(400, 'key is required');
  if (typeof version !== 'string' || version === '') throw twirpError(400, 'version is required');
  if (key.length > 512 || key.includes(',')) {
    throw twirpError(400, 'key must be at most 512 characters and contain no commas');
  }
  return { key, version };
}

function twirpError(status: number, msg: string): TwirpError {
  return { status, code: TWIRP_CODES[status] ?? 'unknown', msg };
}

function isTwirpError(value: unknown): value is TwirpError {
  return typeof value === 'object' && value !== null && 'code' in value && 'msg' in value;
}

function sendTwirp(
  res: http.ServerResponse,
  error: TwirpError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, error.status, { code: error.code, msg: error.msg }, headers);
}

/**
 * Points the real `@actions/cache` client (which reads process.env at call time) at this fake and
 * at scratch directories. Returns a function that puts every touched variable back.
 */
export function useClientEnv(
  fake: FakeCacheService,
  dirs: { workspace: string; temp: string },
  extra: Record<string, string | undefined> = {},
): () => void {
  const vars: Record<string, string | undefined> = {
    ...fake.env(),
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_TEMP: dirs.temp,
    GITHUB_SERVER_URL: 'https://github.com', // anything else is GHES, where v2 is off
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_CACHE_MODE: undefined,
    SEGMENT_DOWNLOAD_TIMEOUT_MINS: undefined,
    ...extra,
  };
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/**
 * Collects what `@actions/core` prints (info lines, `::warning::`, `::error::`) instead of letting
 * it reach the test output. Call `restore()` when done.
 */
export function captureStdout(): { lines: () => string[]; restore: () => void } {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  return {
    lines: () =>
      chunks
        .join('')
        .split(/\r?\n/)
        .filter((line) => line !== ''),
    restore: () => {
      process.stdout.write = original;
    },
  };
}
