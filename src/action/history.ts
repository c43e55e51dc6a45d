/**
 * Keeps the `.metrics/` history in the Actions cache so that parallel jobs never lose each other's
 * records.
 *
 * Cache entries are immutable and a prefix restore returns only the newest one, so K parallel jobs
 * that each restore, append and save leave K entries of which a plain restore sees one. Therefore:
 * - every save goes to a new unique key
 *   `${prefix}-${branch}-${runId}-${runAttempt}-${jobKey}-${random}`;
 * - restore lists the newest entries per scope (own branch, then PR base, then default branch —
 *   the branches a run may read) through the REST API (`actions: read`), restores each by exact
 *   key, and merges them: a union of lines per day file, de-duplicated by the exact line (records
 *   are written byte-identically), appended to what the workspace `.metrics/` already holds;
 * - when listing fails (403, 404, network, no token) or shows nothing (a cache server the REST API
 *   does not list) it falls back to one prefix restore of the newest entry and says once what that
 *   costs.
 *
 * Where the archive lives: an entry's version hashes the path *string* it was saved from, and tar
 * stores paths relative to GITHUB_WORKSPACE. We save a copy of the day files (regular files only,
 * links never followed) from the workspace-relative directory `.dev-metrics-cache` as the official
 * `saveCache` saves it (`cache/save.ts` on Linux, the client itself elsewhere), so the version is
 * identical on every runner and OS layout and the official `restoreCache` restores it.
 *
 * Restoring does NOT use `restoreCache`, which runs `tar -P` wherever the archive's paths point: a
 * crafted entry is data, not code. `cache/download.ts` finds and downloads the entry as the client
 * would, `cache/extract.ts` unpacks only regular top-level day files, size-bounded, into a private
 * temp dir, and the merge appends the missing lines. A refused, failed or corrupt entry never
 * touches `.metrics/`. The restore and the save are each bounded by `timeoutMs`; a restore that
 * ran out of time marks the cache unresponsive so that the save does not wait for it again.
 *
 * Nothing here throws: every fault (cache unavailable or disabled by ACTIONS_CACHE_MODE, 5xx/429,
 * timeout, read-only token, corrupt archive) becomes one warning and the run goes on.
 * Superseded entries are not deleted (that needs `actions: write`, and another job may be reading).
 */
import crypto from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  open,
  readdir,
  rm,
  stat,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DAY_FILE_RE, openRegularSync, pruneDayFiles } from '../core/store.js';
import { writeAllSync } from '../core/sync-io.js';
import {
  CacheTimeoutError,
  Deadline,
  cacheVersion,
  compressionMethod,
  downloadArchive,
  lookupEntry,
} from './cache/download.js';
import { MAX_UNPACKED_BYTES, extractDayFiles } from './cache/extract.js';
import { readText, request } from './cache/http.js';
import { SaveFallback, saveCacheEntry } from './cache/save.js';
import { plainAnnotations } from './cache/annotations.js';
import {
  MAX_RESTORE_ENTRIES,
  entryKind,
  kindSuffix,
  planSave,
  selectScope,
  superseded,
  type SavePlan,
  type ScopeSelection,
} from './cache/plan.js';
import * as core from './runner-io.js';

export interface HistoryLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface CacheListEntry {
  key: string;
  created_at: string;
  /** The ref the entry was saved from (`refs/heads/main`, `refs/pull/2/merge`), when known. */
  ref?: string;
  id?: number;
  size_in_bytes?: number;
}

/** Lists cache entries whose key starts with a prefix, newest first (GitHub REST). */
export interface CacheLister {
  listCaches(keyPrefix: string): Promise<CacheListEntry[]>;
  /** Deletes an entry by id (needs `actions: write`); absent = never delete. */
  deleteCache?(id: number): Promise<void>;
}

export interface HistoryOptions {
  /** The workspace history directory (`.metrics`). */
  metricsDir: string;
  /** Key prefix, e.g. `defaultKeyPrefix(inputs.cacheKey, RUNNER_OS)`. */
  keyPrefix: string;
  branch: string;
  defaultBranch?: string;
  /** PR base branch, when the run is for a pull request. */
  baseBranch?: string;
  /**
   * The run's own ref (GITHUB_REF). A run may restore only entries saved from its own ref, its PR's
   * base branch or the default branch; listed entries of other refs are skipped.
   */
  ref?: string;
  runId: string;
  runAttempt: number | string;
  /** Unique per job and matrix leg within a run (job id + matrix values). */
  jobKey: string;
  /** REST listing of cache entries; null/undefined = not available (fallback restore). */
  lister?: CacheLister | null;
  log?: HistoryLog;
  /** Entries one restore downloads at most, over every scope (default: one listing page). */
  maxEntries?: number;
  /** Bound of the restore and of the save, each (the client sets no timeout of its own). */
  timeoutMs?: number;
  /** The staging path whose string versions the cache entries. Keep the default. */
  cachePath?: string;
}

export interface SaveHistoryOptions extends HistoryOptions {
  /** Day files older than this are pruned before saving. */
  daysToKeep?: number;
  now?: number;
  /** The restore already warned that the cache is unavailable: say it again only as info. */
  unavailableAlreadyReported?: boolean;
  /** The restore already waited the whole bound for the cache: do not wait for it again. */
  cacheUnresponsive?: boolean;
  /**
   * What to save (from the restore's `plan`): a snapshot of the whole history, or a delta of the
   * lines past `deltaFrom` (day file → size after the restore; a file not named there is new).
   * Absent: a snapshot under a legacy key.
   */
  plan?: SavePlan;
  deltaFrom?: Record<string, number>;
  /** Entries the saved snapshot supersedes, from the restore: deleted when the token may. */
  superseded?: Array<{ id: number; key: string }>;
}

export interface RestoreResult {
  /** 'merged' = listed and merged, 'fallback' = newest entry by prefix, 'skipped' = no cache. */
  mode: 'merged' | 'fallback' | 'skipped';
  restoredKeys: string[];
  /** Lines added to the workspace history. */
  addedLines: number;
  /** The cache did not answer within the bound: later cache calls of this step are skipped. */
  cacheUnresponsive?: boolean;
  /** What this job's save should be (see cache/plan.ts). */
  plan?: SavePlan;
  /** Superseded entries of the run's own scope, to delete after the save (actions: write). */
  superseded?: Array<{ id: number; key: string }>;
}

export interface SaveResult {
  saved: boolean;
  key: string | null;
  /** Bytes of day files staged (before compression). */
  bytes?: number;
}

export const DEFAULT_CACHE_PATH = '.dev-metrics-cache';
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Downloads at once during a restore. */
export const RESTORE_CONCURRENCY = 8;

/** `${cacheKey}-v1-${os}`: v1 is the archive layout, the OS keeps Windows/zstd entries apart. */
export function defaultKeyPrefix(
  cacheKey = 'dev-metrics',
  runnerOs = process.env['RUNNER_OS'],
): string {
  return `${cleanSegment(cacheKey)}-v1-${cleanSegment(runnerOs ?? process.platform)}`;
}

/** Cache keys may not contain commas; whitespace makes logs ambiguous; keys are ≤ 512 chars. */
function cleanSegment(value: string): string {
  return value.replace(/[,\s]/g, '_').slice(0, 120);
}

export interface HistoryKeys {
  /** Restore prefixes in scope order: own branch, base branch, default branch. */
  scopePrefixes: string[];
  /** `scopePrefixes` plus the bare prefix, for the fallback restore. */
  restoreKeys: string[];
  saveKey(suffix?: string): string;
}

export function historyKeys(o: HistoryOptions): HistoryKeys {
  const prefix = cleanSegment(o.keyPrefix);
  const branches = [o.branch, o.baseBranch, o.defaultBranch].filter(
    (b): b is string => typeof b === 'string' && b !== '',
  );
  const scopePrefixes = [...new Set(branches.map((b) => `${prefix}-${cleanSegment(b)}-`))];
  return {
    scopePrefixes,
    restoreKeys: [...scopePrefixes, `${prefix}-`],
    saveKey: (suffix = crypto.randomBytes(4).toString('hex')) =>
      [
        prefix,
        cleanSegment(o.branch),
        o.runId,
        String(o.runAttempt),
        cleanSegment(o.jobKey),
        suffix,
      ]
        .join('-')
        .slice(0, 512),
  };
}

/**
 * The REST lister behind `actions: read`: `GET /repos/{o}/{r}/actions/caches?key=` and, for
 * superseded entries, `DELETE …/caches/{id}`. Two plain requests (`cache/http.ts`): octokit and
 * the HTTP client it brings cost the first step of a job ~50 ms of cold code for them.
 * A failure is an Error with the HTTP `status`, as octokit's RequestError has it.
 */
export function makeCacheLister(token: string, repository: string, apiUrl?: string): CacheLister {
  const [owner = '', repo = ''] = repository.split('/');
  const base = (apiUrl || process.env['GITHUB_API_URL'] || 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  const caches = `${base}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/caches`;
  const call = async (method: string, url: string): Promise<string> => {
    const res = await request(url, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `token ${token}`,
        'User-Agent': 'dev-metrics',
        'X-GitHub-Api-Version': '2022-11-28',
      },
    });
    const text = await readText(res);
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      let detail = text.slice(0, 200);
      try {
        const m = (JSON.parse(text) as { message?: unknown }).message;
        if (typeof m === 'string') detail = m;
      } catch {
        // not JSON: the start of the body says enough
      }
      throw Object.assign(new Error(`${detail} - ${method} ${url}`), { status });
    }
    return text;
  };
  return {
    async listCaches(keyPrefix) {
      const query = new URLSearchParams({
        key: keyPrefix,
        sort: 'created_at',
        direction: 'desc',
        per_page: '100',
      });
      const data = JSON.parse(await call('GET', `${caches}?${query}`)) as {
        actions_caches?: Array<{
          key?: string;
          created_at?: string;
          ref?: string | null;
          id?: number;
          size_in_bytes?: number;
        }>;
      };
      return (data.actions_caches ?? []).map((c) => ({
        key: c.key ?? '',
        created_at: c.created_at ?? '',
        ref: c.ref ?? undefined,
        id: c.id,
        size_in_bytes: c.size_in_bytes,
      }));
    },
    async deleteCache(id) {
      await call('DELETE', `${caches}/${id}`);
    },
  };
}

/** Restores the cached history and merges it into `metricsDir`. Never throws. */
export async function restoreHistory(o: HistoryOptions): Promise<RestoreResult> {
  const log = o.log ?? core;
  const result: RestoreResult = { mode: 'skipped', restoredKeys: [], addedLines: 0 };
  const unavailable = cacheUnavailable('read');
  if (unavailable) {
    log.warning(`dev-metrics: history not restored: ${unavailable}. Using only ${o.metricsDir}.`);
    return result;
  }
  const cachePath = o.cachePath ?? DEFAULT_CACHE_PATH;
  const keys = historyKeys(o);
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let scratch: string | undefined;
  let deadline: Deadline | undefined;
  let timedOut = false;
  /** Restored entries' dirs by their place in the merge order (downloads finish in any order). */
  const restoredDirs = new Map<number, string>();
  let entryDirs = 0;
  /** Listed keys the service did not find (scoping the listing cannot see). */
  const missed: string[] = [];
  /** Entries found but refused or failed, with why: each is skipped, the others merged. */
  const bad = new Map<string, string>();
  /** Every entry that may hold records was merged: the save may be a snapshot. */
  let complete = false;
  let noListing = false;
  let ownScope: ScopeSelection | null = null;
  let supersededOwn: Array<{ id: number; key: string }> = [];
  try {
    const temp = process.env['RUNNER_TEMP'] || os.tmpdir();
    await mkdir(temp, { recursive: true });
    scratch = await mkdtemp(path.join(temp, 'dev-metrics-'));
    // The zstd probe (a child process) runs while the listing is on the wire.
    const probe = compressionMethod();
    const listing = await listCandidates(o, keys, log);
    const candidates = listing?.keys ?? null;
    ownScope = listing?.own ?? null;
    supersededOwn = listing?.superseded ?? [];
    deadline = new Deadline(timeoutMs, 'the cache service');
    const compression = await probe;
    const version = cacheVersion([cachePath], compression);
    const stagingDir = workspaceRelative(cachePath);
    const restoreInto = async (key: string, restoreKeys: string[], order = 0): Promise<boolean> => {
      const found = await lookupEntry(key, restoreKeys, version, deadline!).catch(
        (error: unknown) => {
          if (error instanceof CacheTimeoutError) throw error;
          bad.set(key, message(error));
          return undefined;
        },
      );
      if (found === undefined) return false;
      if (found === null) {
        if (restoreKeys.length === 0) missed.push(key);
        return false;
      }
      if (bad.has(found.matchedKey) || result.restoredKeys.includes(found.matchedKey)) return false;
      const dir = path.join(scratch!, String(++entryDirs));
      await mkdir(dir);
      try {
        const archive = await downloadArchive(found.url, deadline!, MAX_UNPACKED_BYTES);
        await deadline!.race(extractDayFiles(archive, { compression, stagingDir, dest: dir }));
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        if (error instanceof CacheTimeoutError || deadline!.expired) throw deadline!.error();
        bad.set(found.matchedKey, message(error));
        return false;
      }
      restoredDirs.set(order, dir);
      result.restoredKeys.push(found.matchedKey);
      return true;
    };
    const [primary, ...rest] = keys.restoreKeys;
    if (candidates && candidates.length > 0) {
      result.mode = 'merged';
      // Concurrent downloads: a restore costs a few round trips, not one per entry.
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < candidates.length) {
          const i = next++;
          await restoreInto(candidates[i]!, [], i);
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(RESTORE_CONCURRENCY, candidates.length) }, worker),
      );
      complete = bad.size === 0 && missed.length === 0 && listing?.truncated !== true;
      if (result.restoredKeys.length === 0 && bad.size === 0) {
        // Listed but none restorable (scoping the listing cannot see): the prefix restore may be.
        result.mode = 'fallback';
        complete = false;
        await restoreInto(primary!, rest);
      }
    } else {
      // Cannot list, or the listing shows nothing: a cache the REST API does not list (a
      // self-hosted cache server) still answers a restore by prefix. Never lose a history to that.
      result.mode = candidates ? 'merged' : 'fallback';
      // Only an empty listing means the cache is not listed; entries of refs this run may not
      // read are a different story (the prefix restore then finds what the service allows).
      const restored = await restoreInto(primary!, rest);
      if (restored) result.mode = 'fallback';
      // Without a listing, later restores see only the newest entry: it must hold everything,
      // as every entry did before deltas (unless the prefix restore itself found a delta).
      complete = !restored || entryKind(result.restoredKeys[0]!).kind === 'snapshot';
      // The listing missed what the prefix restore found: it cannot be trusted with coverage.
      if (!candidates || restored) noListing = true;
      // A sibling job of this run that saved between our listing and our restore is a race,
      // not an unlisted cache.
      const sibling = restored && result.restoredKeys[0]!.includes(`-${o.runId}-${o.runAttempt}-`);
      if (restored && listing?.listed === 0 && !sibling) {
        log.warning(
          'dev-metrics: the cache listing shows no history entry, but a restore by key prefix ' +
            `found ${result.restoredKeys[0]}: this cache is not listed by GitHub's REST API (a ` +
            'self-hosted cache server?). Merged only that newest entry; merging the records of ' +
            'parallel jobs needs a listing this cache does not offer.',
        );
      }
    }
  } catch (error) {
    timedOut = error instanceof CacheTimeoutError;
    log.warning(
      `dev-metrics: history not fully restored (${message(error)}` +
        `${timedOut ? ` within ${timeoutMs / 1000}s; DEV_METRICS_CACHE_TIMEOUT_MS sets the bound` : ''}` +
        `); continuing with ${result.restoredKeys.length} restored entries and ${o.metricsDir}.` +
        `${timedOut ? ' The history will not be saved to the cache by this step either.' : ''}`,
    );
  } finally {
    deadline?.dispose();
  }
  try {
    // Merge whatever restored completely, even when a later entry failed or timed out.
    const ordered = [...restoredDirs].sort((a, b) => a[0] - b[0]).map(([, dir]) => dir);
    result.addedLines = await mergeHistories(ordered, o.metricsDir, log);
  } catch (error) {
    complete = false;
    log.warning(`dev-metrics: restored history not merged into ${o.metricsDir}: ${message(error)}`);
  }
  result.plan = noListing
    ? complete
      ? { kind: 'snapshot', coverage: 0 }
      : { kind: 'delta' }
    : planSave(ownScope, complete && !timedOut, Date.now(), jobDraw(o));
  result.superseded = supersededOwn;
  if (scratch) await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  if (timedOut) return { ...result, cacheUnresponsive: true };
  // Listed entries this run may not read fail quietly when the prefix restore then found the
  // history; any other failure is worth one warning.
  const quietMisses = result.mode === 'fallback' && result.restoredKeys.length > 0;
  const failures = [
    ...[...bad].map(([key, why]) => `${key}: ${why}`),
    ...(quietMisses ? [] : missed.map((key) => `${key}: not found`)),
  ];
  if (failures.length > 0) {
    log.warning(
      `dev-metrics: skipped ${failures.length} cached history entr${failures.length === 1 ? 'y' : 'ies'} ` +
        `(${failures.join('; ')}); merged the other ${result.restoredKeys.length}.`,
    );
  }
  log.info(
    `dev-metrics: restored ${result.restoredKeys.length} history cache entr` +
      `${result.restoredKeys.length === 1 ? 'y' : 'ies'}, ${result.addedLines} new records.`,
  );
  return result;
}

/** The cache path as `@actions/cache` stores it in the archive: relative to the workspace. */
function workspaceRelative(cachePath: string): string {
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  return path.relative(workspace, path.resolve(cachePath)).split(path.sep).join('/') || '.';
}

/** Prunes old day files, then saves the history under a new unique key. Never throws. */
export async function saveHistory(o: SaveHistoryOptions): Promise<SaveResult> {
  const log = o.log ?? core;
  if (o.daysToKeep !== undefined) {
    try {
      await pruneDayFiles(o.metricsDir, o.daysToKeep, o.now);
    } catch (error) {
      log.warning(`dev-metrics: old day files not pruned: ${message(error)}`);
    }
  }
  const unavailable = cacheUnavailable('write');
  if (unavailable || o.cacheUnresponsive) {
    const say = o.unavailableAlreadyReported || o.cacheUnresponsive ? log.info : log.warning;
    const why = unavailable ?? 'the cache service did not answer the restore in time';
    say.call(log, `dev-metrics: history not saved to the cache: ${why}.`);
    return { saved: false, key: null };
  }
  const cachePath = o.cachePath ?? DEFAULT_CACHE_PATH;
  const stage = path.resolve(cachePath);
  const plan = o.plan;
  const key = historyKeys(o).saveKey(
    plan ? kindSuffix(plan, crypto.randomBytes(3).toString('hex')) : undefined,
  );
  const kind = plan?.kind ?? 'snapshot';
  try {
    const names = (await readdir(o.metricsDir).catch(() => [] as string[])).filter((f) =>
      DAY_FILE_RE.test(f),
    );
    await rm(stage, { recursive: true, force: true });
    await mkdir(stage, { recursive: true });
    let dayFiles = 0;
    let bytes = 0;
    for (const f of names) {
      const from = kind === 'delta' ? (o.deltaFrom?.[f] ?? 0) : 0;
      const copied = await copyRegularFile(path.join(o.metricsDir, f), path.join(stage, f), from);
      if (copied === null) log.debug(`dev-metrics: ${f} is not a regular file; not saved.`);
      else if (copied > 0) {
        dayFiles++;
        bytes += copied;
      }
    }
    if (dayFiles === 0) {
      log.info(
        kind === 'delta'
          ? 'dev-metrics: no new records in this job; nothing to save.'
          : `dev-metrics: no history in ${o.metricsDir}; nothing to save.`,
      );
      return { saved: false, key: null };
    }
    const id = await withTimeout(
      saveEntry(cachePath, key, log),
      o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      `saving ${key}`,
    );
    if (id === -1) {
      log.warning(
        `dev-metrics: history not saved to the cache under ${key} (see the cache message above); ` +
          'the next run will not see this run’s records.',
      );
      return { saved: false, key };
    }
    log.info(
      `dev-metrics: saved the history ${kind === 'delta' ? 'delta (this job’s records)' : 'snapshot'} ` +
        `(${dayFiles} day files, ${formatBytes(bytes)} before compression) as ${key}.`,
    );
    if (o.superseded?.length) await deleteSuperseded(o, log);
    return { saved: true, key, bytes };
  } catch (error) {
    log.warning(`dev-metrics: history not saved to the cache: ${message(error)}`);
    return { saved: false, key };
  } finally {
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * The entry saved as `@actions/cache` saves it (`cache/save.ts`, no client loaded); where that
 * does not apply (GHES's v1 service, not Linux, an archive over one Put Blob) the official client,
 * loaded then.
 * The entry id, or -1 when the official client declined (it said why).
 */
async function saveEntry(cachePath: string, key: string, log: HistoryLog): Promise<number> {
  try {
    // The v1 service (GHES) speaks another protocol: the client's.
    if (!cacheServiceV2()) throw new SaveFallback('the cache service is v1');
    return await saveCacheEntry(cachePath, key);
  } catch (error) {
    if (!(error instanceof SaveFallback)) throw error;
    log.debug(`dev-metrics: saving with @actions/cache: ${error.message}`);
  }
  const cache = await import('@actions/cache');
  return plainAnnotations(() => cache.saveCache([cachePath], key));
}

/**
 * Copies `from` (past byte `offset`) when it is a regular file, never following a link
 * (O_NOFOLLOW) nor blocking on a FIFO (O_NONBLOCK). Returns the bytes copied (0: nothing past the
 * offset, no file written), or null for anything but a regular file.
 */
async function copyRegularFile(from: string, to: string, offset = 0): Promise<number | null> {
  const handle = await open(from, READ_NOFOLLOW).catch(() => null);
  if (!handle) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    // A file shorter than its offset was rewritten (pruned, replaced): it is all new.
    const start = offset > 0 && offset <= info.size ? offset : 0;
    if (info.size - start <= 0) return 0;
    const data = Buffer.alloc(info.size - start);
    const { bytesRead } = await handle.read(data, 0, data.length, start);
    if (bytesRead === 0) return 0;
    await writeFile(to, data.subarray(0, bytesRead));
    return bytesRead;
  } finally {
    await handle.close();
  }
}

/** A number in [0, 1) fixed per job (see planSave): spreads due snapshots over parallel jobs. */
function jobDraw(o: HistoryOptions): number {
  const hash = crypto
    .createHash('sha256')
    .update(`${o.runId}-${o.runAttempt}-${o.jobKey}`)
    .digest();
  return hash.readUInt32BE(0) / 2 ** 32;
}

/** Day file → size: what a job's delta is measured from. */
export async function dayFileSizes(metricsDir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  const names = await readdir(metricsDir).catch(() => [] as string[]);
  for (const f of names.filter((n) => DAY_FILE_RE.test(n))) {
    const info = await stat(path.join(metricsDir, f)).catch(() => null);
    if (info?.isFile()) sizes[f] = info.size;
  }
  return sizes;
}

function formatBytes(n: number): string {
  return n < 1024
    ? `${n} B`
    : n < 1048576
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1048576).toFixed(1)} MiB`;
}

/**
 * Deletes the entries the new snapshot's base superseded (see cache/plan.ts `superseded`). Without
 * `actions: write` the API answers 403: that is the default, so it is said once at debug level.
 */
async function deleteSuperseded(o: SaveHistoryOptions, log: HistoryLog): Promise<void> {
  const lister = o.lister;
  if (!lister?.deleteCache) return;
  let deleted = 0;
  for (const e of o.superseded ?? []) {
    try {
      await withTimeout(lister.deleteCache(e.id), o.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'deleting');
      deleted++;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 404) continue; // another job deleted it first
      log.debug(
        status === 403
          ? 'dev-metrics: superseded history entries kept: the token lacks `actions: write`.'
          : `dev-metrics: superseded history entries kept: ${message(error)}`,
      );
      break;
    }
  }
  if (deleted > 0) log.info(`dev-metrics: deleted ${deleted} superseded history cache entries.`);
}

const READ_NOFOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const NEW_NOFOLLOW =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const APPEND_NOFOLLOW =
  constants.O_RDWR |
  constants.O_APPEND |
  constants.O_CREAT |
  constants.O_NOFOLLOW |
  constants.O_NONBLOCK;

/**
 * Union of the day files of `sources` (oldest entry first) into `target`, de-duplicated by the
 * exact line. Existing lines are never rewritten: the missing lines are appended in one O_APPEND
 * write per file, so records another process appends meanwhile are kept. A torn last line (no
 * final newline) gets one first. A target or source name that is not a regular file (a directory,
 * a symlink, a FIFO) is skipped. Returns the number of lines added. A day that one source holds
 * and the target lacks is copied whole (copyIntoNewFile).
 *
 * One day at a time: only that day's lines (its target file and its sources) are in memory, never
 * the whole history of every entry (a 100,000-record snapshot is about 40 MB of text).
 */
export async function mergeHistories(
  sources: string[],
  target: string,
  log?: Pick<HistoryLog, 'warning'>,
): Promise<number> {
  /** Day file → its copies in the sources, in merge order. */
  const copies = new Map<string, string[]>();
  for (const dir of sources) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => DAY_FILE_RE.test(n)).sort()) {
      copies.set(name, [...(copies.get(name) ?? []), path.join(dir, name)]);
    }
  }
  let added = 0;
  let targetMade = false;
  const skipped: string[] = [];
  let copyBuffer: Buffer | undefined;
  for (const [name, files] of copies) {
    if (files.length === 1) {
      if (!targetMade) {
        await mkdir(target, { recursive: true });
        targetMade = true;
      }
      copyBuffer ??= Buffer.allocUnsafe(COPY_CHUNK);
      const copied = copyIntoNewFile(files[0]!, path.join(target, name), copyBuffer);
      if (copied !== null) {
        added += copied;
        continue;
      }
    }
    const lines: string[] = [];
    let readable = false;
    for (const file of files) {
      const read = await readLines(file, (line) => {
        if (line.trim() !== '') lines.push(line);
      });
      readable ||= read;
    }
    if (!readable) continue;
    if (!targetMade) {
      await mkdir(target, { recursive: true });
      targetMade = true;
    }
    const result = await appendMissing(path.join(target, name), lines);
    if (result === null) skipped.push(name);
    else added += result;
  }
  if (skipped.length > 0) {
    log?.warning(
      `dev-metrics: ${skipped.join(', ')} in ${target} ${skipped.length === 1 ? 'is' : 'are'} not ` +
        'a regular file; restored records of that day were not merged. Remove or rename it.',
    );
  }
  return added;
}

/**
 * A day only one source holds, which the target lacks (the usual restore into a fresh checkout):
 * its file is the union already, so it is copied as bytes (a final newline added when it lacks
 * one), not decoded, split and de-duplicated. Synchronous (small local files, one day after the
 * other, nothing else to do meanwhile: a thread-pool round trip per call was most of the merge),
 * through one reused buffer (a new buffer per day file held tens of MB until a collection).
 * Returns the lines copied; null when `to` exists (then merged) or `from` is no regular file.
 */
function copyIntoNewFile(from: string, to: string, buffer: Buffer): number | null {
  let source: number;
  try {
    source = openRegularSync(from, constants.O_RDONLY);
  } catch {
    return null;
  }
  try {
    let made: number;
    try {
      // Exclusive: a file made meanwhile (or a link planted there) is merged, never overwritten.
      made = openSync(to, NEW_NOFOLLOW, 0o644);
    } catch {
      return null;
    }
    try {
      const lines = new LineCounter();
      let last = NEWLINE_BYTE;
      for (let n; (n = readSync(source, buffer, 0, buffer.length, null)) > 0;) {
        lines.add(buffer, n);
        writeAllSync(made, buffer, n);
        last = buffer[n - 1]!;
      }
      if (last !== NEWLINE_BYTE) writeAllSync(made, NEWLINE);
      return lines.end();
    } finally {
      closeSync(made);
    }
  } finally {
    closeSync(source);
  }
}

const NEWLINE_BYTE = 0x0a;
const NEWLINE = Buffer.from('\n');
/** The reused buffer of copyIntoNewFile. */
const COPY_CHUNK = 256 * 1024;

/** Counts the lines that are not blank (as the merge counts them) in bytes given piece by piece. */
class LineCounter {
  private count = 0;
  /** Whether the line in progress has a byte other than blank space. */
  private content = false;

  add(bytes: Buffer, length: number): void {
    const piece = bytes.subarray(0, length);
    for (let start = 0; start < length;) {
      const newline = piece.indexOf(NEWLINE_BYTE, start);
      const end = newline === -1 ? length : newline;
      // A record's line starts with '{': the loop ends at its first byte.
      for (let i = start; i < end && !this.content; i++) {
        const byte = piece[i]!;
        this.content = byte !== 0x20 && byte !== 0x09 && byte !== 0x0d;
      }
      if (newline === -1) break;
      if (this.content) this.count++;
      this.content = false;
      start = newline + 1;
    }
  }

  /** The count, the last line included when it has no final newline. */
  end(): number {
    return this.count + (this.content ? 1 : 0);
  }
}

/** Appends the `lines` that `file` lacks; the count, or null when it is not a regular file. */
async function appendMissing(file: string, lines: string[]): Promise<number | null> {
  let handle;
  try {
    handle = await open(file, APPEND_NOFOLLOW, 0o644);
  } catch {
    return null; // a symlink (ELOOP), a directory (EISDIR), no permission
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return null;
    const existing = stat.size > 0 ? await handle.readFile({ encoding: 'utf8' }) : '';
    const seen = new Set(existing.split('\n'));
    const fresh: string[] = [];
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      fresh.push(line);
    }
    if (fresh.length === 0) return 0;
    // Read again at the end: another process may have appended since readFile.
    const last = Buffer.alloc(1);
    const end = (await handle.stat()).size;
    const torn =
      end > 0 && (await handle.read(last, 0, 1, end - 1)).bytesRead === 1 && last[0] !== 10;
    await writeAll(handle, Buffer.from(`${torn ? '\n' : ''}${fresh.join('\n')}\n`));
    return fresh.length;
  } finally {
    await handle.close();
  }
}

/** One O_APPEND write; a short write (full disk) continues where it stopped. */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten === 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}

/**
 * Calls `onLine` with each line of `file` (split on \n) when it is a regular file; false when it
 * is not one. Read in small chunks: no string as large as the file is ever made.
 */
async function readLines(file: string, onLine: (line: string) => void): Promise<boolean> {
  const handle = await open(file, READ_NOFOLLOW).catch(() => null);
  if (!handle) return false;
  try {
    if (!(await handle.stat()).isFile()) return false;
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(64 * 1024);
    let rest = '';
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      const text =
        rest + (bytesRead > 0 ? decoder.write(chunk.subarray(0, bytesRead)) : decoder.end());
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) onLine(line);
      if (bytesRead === 0) break;
    }
    if (rest !== '') onLine(rest);
    return true;
  } finally {
    await handle.close();
  }
}

/**
 * Keys to restore in merge order (per scope: its newest snapshot and the entries newer than what
 * that snapshot covers, see cache/plan.ts), how many entries the listing showed before any
 * filtering, the own branch's scope (what the save plan is made from) and the own scope's
 * superseded entries; null when listing is not possible (fallback).
 */
async function listCandidates(
  o: HistoryOptions,
  keys: HistoryKeys,
  log: HistoryLog,
): Promise<{
  keys: string[];
  listed: number;
  own: ScopeSelection | null;
  truncated: boolean;
  superseded: Array<{ id: number; key: string }>;
} | null> {
  const fallback = (why: string): null => {
    log.warning(
      `dev-metrics: cannot list the history cache entries (${why}); restoring only the newest ` +
        'one. Records that parallel jobs or matrix legs saved in other entries may be missing. ' +
        'Grant the workflow `permissions: actions: read` so every recent entry is merged.',
    );
    return null;
  };
  if (!o.lister) return fallback('no GitHub token to call the REST API');
  const chosen: string[] = [];
  let count = 0;
  let own: ScopeSelection | null = null;
  let truncated = false;
  let gone: Array<{ id: number; key: string }> = [];
  // Cache scoping: what this run is allowed to restore (unknown refs are kept and simply tried).
  const readable = new Set(
    o.ref
      ? [o.ref, ...[o.baseBranch, o.defaultBranch].filter(Boolean).map((b) => `refs/heads/${b}`)]
      : [],
  );
  try {
    // Every scope's listing at once: a restore costs one round trip of listing, not one per scope.
    const lister = o.lister;
    const listings = await Promise.all(
      keys.scopePrefixes.map((scope) =>
        withTimeout(
          lister.listCaches(scope),
          o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          'listing cache entries',
        ),
      ),
    );
    for (const [i, scope] of keys.scopePrefixes.entries()) {
      const listed = listings[i]!;
      count += listed.length;
      // `feat-` also prefixes branch `feat-x`'s keys; ours continue with `<runId>-<attempt>-`.
      const ours = listed.filter(
        (e) => e.key.startsWith(scope) && /^\d+-\d+-/.test(e.key.slice(scope.length)),
      );
      const usable = ours.filter(
        (e) => e.ref === undefined || readable.size === 0 || readable.has(e.ref),
      );
      const room = (o.maxEntries ?? MAX_RESTORE_ENTRIES) - chosen.length;
      const selection = selectScope(usable, Math.max(1, room));
      if (i === 0) {
        own = selection;
        gone = superseded(usable, Date.now()).map((e) => ({ id: e.id!, key: e.key }));
      }
      truncated ||= selection.truncated;
      for (const e of selection.chosen) if (!chosen.includes(e.key)) chosen.push(e.key);
    }
  } catch (error) {
    return fallback(describeListingError(error));
  }
  log.debug(`dev-metrics: history entries to merge: ${chosen.join(', ') || 'none'}`);
  return { keys: chosen, listed: count, own, truncated, superseded: gone };
}

function describeListingError(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 403) return 'HTTP 403: the token lacks `actions: read`';
  if (status === 404) return 'HTTP 404: repository or endpoint not found';
  return typeof status === 'number' ? `HTTP ${status}: ${message(error)}` : message(error);
}

/** The cache service is v2 (Twirp on ACTIONS_RESULTS_URL), as `@actions/cache` decides it. */
export function cacheServiceV2(env: NodeJS.ProcessEnv = process.env): boolean {
  const host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname
    .trimEnd()
    .toUpperCase();
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
  return !ghes && Boolean(env['ACTIONS_CACHE_SERVICE_V2']);
}

/**
 * `@actions/cache`'s isFeatureAvailable without loading the client (and its storage SDK, megabytes
 * of code a restore never uses): the v2 service (ACTIONS_CACHE_SERVICE_V2, not on GHES) needs
 * ACTIONS_RESULTS_URL, v1 needs ACTIONS_CACHE_URL.
 */
export function cacheServiceConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(cacheServiceV2(env) ? env['ACTIONS_RESULTS_URL'] : env['ACTIONS_CACHE_URL']);
}

/** Why the cache cannot be used for `op`, or undefined. Mirrors @actions/cache's own checks. */
function cacheUnavailable(op: 'read' | 'write'): string | undefined {
  if (!cacheServiceConfigured()) {
    return 'the Actions cache service is not available (no ACTIONS_RESULTS_URL/ACTIONS_CACHE_URL)';
  }
  if (!process.env['ACTIONS_RUNTIME_TOKEN']) return 'ACTIONS_RUNTIME_TOKEN is not set';
  const mode = (process.env['ACTIONS_CACHE_MODE'] ?? '').trim().toLowerCase();
  const allowed: Record<string, string[]> = {
    none: [],
    read: ['read'],
    write: ['read', 'write'],
    'write-only': ['write'],
  };
  const ops = allowed[mode];
  if (ops && !ops.includes(op)) return `the runner's cache mode '${mode}' does not permit ${op}s`;
  return undefined;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
  });
  promise.catch(() => undefined); // an abandoned call that fails later must not crash the process
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
