/**
 * Saves a cache entry the way `@actions/cache` v2 `saveCache` does on Linux, without loading it:
 * the client and the Azure storage SDK it uploads with are ~2.5 MB of code that the owner's post
 * compiled cold in the first step of every job (~100 ms) for three requests.
 *
 * What the official client must still restore rests on the same three things as the restore
 * (`download.ts`): the entry version, the compression method, and the archive itself, made by the
 * same command (`cacheUtils`/`tar.ts` of the client): the workspace-relative path in a manifest,
 * `tar --posix -cf cache.tzst --exclude cache.tzst -P -C <workspace> --files-from manifest.txt`
 * with `--use-compress-program zstdmt` (or `-z` and `cache.tgz` for gzip), run in a temp dir.
 * Then the Twirp calls with proto field names (`CreateCacheEntry`, `FinalizeCacheEntryUpload`)
 * and, between them, the archive in one Put Blob to the signed URL (the SDK also sends a file
 * under its 128 MiB single-shot size in one request). A test restores what this saves with the
 * official `restoreCache`.
 *
 * Only on Linux (its tar is GNU tar, what the client expects there), for archives up to that
 * 128 MiB: elsewhere, or bigger, `SaveFallback` asks the caller to use the official client.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cacheVersion, compressionMethod, type CompressionMethod } from './download.js';
import { putBlob, twirpCall } from '../results-api.js';

const SERVICE = 'github.actions.results.api.v1.CacheService';
/** The SDK's single-shot bound as the client sets it: above, it uploads in blocks. */
export const SINGLE_PUT_MAX_BYTES = 128 * 1024 * 1024;

/** This save is for the official client (not Linux, or an archive over one Put Blob). */
export class SaveFallback extends Error {
  override name = 'SaveFallback';
}

/** The service refused to reserve the entry (a read-only token, the key taken). */
export class ReserveError extends Error {
  override name = 'ReserveError';
}

/**
 * Archives `cachePath` (relative to GITHUB_WORKSPACE, as the client resolves it), reserves `key`,
 * uploads and finalizes. Returns the entry id; throws with the step that failed.
 */
export async function saveCacheEntry(cachePath: string, key: string): Promise<number> {
  if (process.platform !== 'linux') throw new SaveFallback(`not on Linux (${process.platform})`);
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const relative =
    path.relative(workspace, path.resolve(cachePath)).split(path.sep).join('/') || '.';
  const compression = await compressionMethod();
  const version = cacheVersion([cachePath], compression);
  const temp = process.env['RUNNER_TEMP'] || os.tmpdir();
  await mkdir(temp, { recursive: true }); // as the client's createTempDirectory
  const folder = await mkdtemp(path.join(temp, 'dev-metrics-save-'));
  try {
    const archive = await createTar(folder, workspace, relative, compression);
    const data = await readFile(archive);
    if (data.length > SINGLE_PUT_MAX_BYTES) {
      throw new SaveFallback(`the archive is ${data.length} bytes, over one Put Blob`);
    }
    const reserved = await cacheCall('CreateCacheEntry', { key, version });
    const url = reserved['signed_upload_url'];
    if (reserved['ok'] !== true || typeof url !== 'string' || url === '') {
      const why = typeof reserved['message'] === 'string' ? reserved['message'] : 'not ok';
      throw new ReserveError(`the cache service did not reserve ${key}: ${why}`);
    }
    await putBlob(url, data, { 'User-Agent': 'dev-metrics (blob)' });
    const done = await cacheCall('FinalizeCacheEntryUpload', {
      key,
      version,
      size_bytes: String(data.length),
    });
    if (done['ok'] !== true) {
      const why = typeof done['message'] === 'string' ? done['message'] : 'not ok';
      throw new Error(`the cache service did not finalize ${key}: ${why}`);
    }
    return Number(done['entry_id'] ?? 0);
  } finally {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** `tar.ts` createTar of the client, Linux/GNU tar: the archive's path. */
async function createTar(
  folder: string,
  workspace: string,
  relative: string,
  compression: CompressionMethod,
): Promise<string> {
  const name = compression === 'gzip' ? 'cache.tgz' : 'cache.tzst';
  await writeFile(path.join(folder, 'manifest.txt'), relative);
  const args = ['--posix', '-cf', name, '--exclude', name, '-P', '-C', workspace];
  args.push('--files-from', 'manifest.txt');
  args.push(...(compression === 'gzip' ? ['-z'] : ['--use-compress-program', 'zstdmt']));
  await new Promise<void>((resolve, reject) => {
    execFile('tar', args, { cwd: folder, maxBuffer: 1024 * 1024 }, (error, _out, stderr) =>
      error
        ? reject(new Error(`tar failed: ${String(stderr).trim() || error.message}`))
        : resolve(),
    );
  });
  return path.join(folder, name);
}

function cacheCall(
  method: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return twirpCall({
    base: process.env['ACTIONS_RESULTS_URL'] ?? '',
    token: process.env['ACTIONS_RUNTIME_TOKEN'] ?? '',
    service: SERVICE,
    method,
    body,
    userAgent: 'dev-metrics (cache)',
  });
}
