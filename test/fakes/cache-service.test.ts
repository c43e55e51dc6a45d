// The real @actions/cache client against the loopback cache-service fake: what it sends, what it
// gets back, and how it reports each fault. Env is set per test and put back afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as cache from '@actions/cache';
import { BlockBlobClient } from '@azure/storage-blob';
import {
  CACHE_SERVICE,
  captureStdout,
  listActionsCaches,
  start,
  useClientEnv,
  type FakeCacheService,
} from './cache-service.js';

let fake: FakeCacheService;
let root: string;
let workspace: string;
let dataDir: string;
let restoreEnv: () => void;
let output: ReturnType<typeof captureStdout>;

beforeEach(async () => {
  fake = await start();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-fake-'));
  workspace = path.join(root, 'ws');
  dataDir = path.join(workspace, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  restoreEnv = useClientEnv(fake, { workspace, temp: path.join(root, 'tmp') });
  output = captureStdout();
});

afterEach(async () => {
  output.restore();
  restoreEnv();
  await fake.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const warnings = (): string[] => output.lines().filter((l) => l.startsWith('::warning::'));

async function saveText(key: string, text: string, paths = [dataDir]): Promise<number> {
  fs.writeFileSync(path.join(dataDir, 'file.txt'), text);
  return cache.saveCache(paths, key);
}

function readText(): string | undefined {
  const file = path.join(dataDir, 'file.txt');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

describe('cache service fake driven by @actions/cache', () => {
  it('round-trips a save and an exact restore through Twirp and the blob URLs', async () => {
    const id = await saveText('round-trip-1', 'hello cache');
    expect(id).toBeGreaterThan(0);
    const [entry] = fake.entries;
    expect(entry).toMatchObject({ key: 'round-trip-1', finalized: true, ref: 'refs/heads/main' });
    expect(entry?.size_in_bytes).toBe(fake.blobs.blobs.get(entry!.blobPath)?.data.length);

    fs.rmSync(dataDir, { recursive: true });
    expect(await cache.restoreCache([dataDir], 'round-trip-1')).toBe('round-trip-1');
    expect(readText()).toBe('hello cache');

    const seen = fake.requests.map((r) => `${r.endpoint} ${r.method} ${r.status}`);
    expect(seen).toEqual([
      'CreateCacheEntry POST 200',
      'BlobUpload PUT 201', // Put Blob: one shot under 128 MiB
      'FinalizeCacheEntryUpload POST 200',
      'GetCacheEntryDownloadURL POST 200',
      'BlobDownload GET 200', // plain http GET: the host is not *.blob.core.windows.net
    ]);
    expect(warnings()).toEqual([]);
  });

  it('restores the newest entry for a restore-key prefix, but an exact key first', async () => {
    await saveText('prefix-a-1', 'older');
    await saveText('prefix-a-2', 'newer');
    await saveText('prefix-b-1', 'other prefix');
    expect(await cache.restoreCache([dataDir], 'no-such-key', ['prefix-a-'])).toBe('prefix-a-2');
    expect(readText()).toBe('newer');
    expect(await cache.restoreCache([dataDir], 'prefix-a-1', ['prefix-a-'])).toBe('prefix-a-1');
    expect(readText()).toBe('older');
    // Restore keys are tried in order: the first with any match wins even if another is newer.
    expect(await cache.restoreCache([dataDir], 'x', ['prefix-a-', 'prefix-b-'])).toBe('prefix-a-2');
  });

  it('answers a miss, and a version (paths) mismatch, with undefined', async () => {
    expect(await cache.restoreCache([dataDir], 'nothing-yet', ['nothing-'])).toBeUndefined();
    await saveText('versioned', 'v');
    const otherPaths = [dataDir, path.join(workspace, 'more')];
    expect(await cache.restoreCache(otherPaths, 'versioned')).toBeUndefined();
    expect(warnings()).toEqual([]);
  });

  it('refuses a second entry with the same key and version (409 already_exists)', async () => {
    expect(await saveText('dup', 'first')).toBeGreaterThan(0);
    expect(await saveText('dup', 'second')).toBe(-1);
    expect(fake.requests.at(-1)).toMatchObject({ endpoint: 'CreateCacheEntry', status: 409 });
    expect(output.lines().join('\n')).toContain(
      'Failed to save: Unable to reserve cache with key dup, another job may be creating this cache.',
    );
    expect(fake.entries).toHaveLength(1);
  });

  it('retries a 500 on CreateCacheEntry and then saves', async () => {
    fake.faults.set('CreateCacheEntry', { status: 500, times: 1 });
    expect(await saveText('after-500', 'x')).toBeGreaterThan(0);
    const creates = fake.requests.filter((r) => r.endpoint === 'CreateCacheEntry');
    expect(creates.map((r) => r.status)).toEqual([500, 200]);
    expect(output.lines().join('\n')).toMatch(
      /Attempt 1 of 5 failed with error: Failed request: \(500\)/,
    );
  });

  it('gives up on a 429 at once: the save returns -1 and nothing is stored', async () => {
    fake.faults.set('CreateCacheEntry', { status: 429 });
    expect(await saveText('limited', 'x')).toBe(-1);
    expect(warnings().join('\n')).toContain("You've hit a rate limit");
    expect(fake.entries).toEqual([]);
  });

  it('a read-only token: CreateCacheEntry says "cache write denied:" and the client warns', async () => {
    fake.faults.readOnly = true;
    expect(await saveText('denied', 'x')).toBe(-1);
    expect(warnings().join('\n')).toMatch(/Failed to save: .*cache write denied:/);
    expect(fake.entries).toEqual([]);
  });

  it('a read denial: restore warns and reports a miss', async () => {
    await saveText('readable', 'x');
    fake.faults.readDenied = true;
    expect(await cache.restoreCache([dataDir], 'readable')).toBeUndefined();
    expect(warnings().join('\n')).toMatch(/Failed to restore: .*cache read denied:/);
  });

  it('a wrong runtime token: 401 unauthenticated, not retried, restore warns', async () => {
    process.env['ACTIONS_RUNTIME_TOKEN'] = 'not-the-token';
    expect(await cache.restoreCache([dataDir], 'k')).toBeUndefined();
    expect(warnings().join('\n')).toContain('(401) Unauthorized: invalid or missing token');
    expect(fake.requests).toHaveLength(1);
  });

  it('a corrupt archive: restore warns "Failed to restore" and returns undefined', async () => {
    await saveText('corrupt-me', 'precious');
    expect(fake.corruptArchive('corrupt-me')).toBe(true);
    fs.rmSync(dataDir, { recursive: true });
    expect(await cache.restoreCache([dataDir], 'corrupt-me')).toBeUndefined();
    // tar/zstd (or gzip) exits non-zero; the client turns that into a warning, not a throw.
    expect(warnings().join('\n')).toMatch(/Failed to restore: .*(tar|zstd|gzip)/i);
  });

  it('a blob download failure (500, not retried by the client) is a warned miss', async () => {
    await saveText('blob-500', 'x');
    fake.faults.set('BlobDownload', { status: 500 });
    expect(await cache.restoreCache([dataDir], 'blob-500')).toBeUndefined();
    expect(warnings().join('\n')).toContain('Failed to restore: downloadCache failed');
  });

  it('a rejected upload leaves no finalized entry', async () => {
    fake.faults.set('BlobUpload', { status: 403 });
    expect(await saveText('upload-403', 'x')).toBe(-1);
    expect(fake.entries.filter((e) => e.finalized)).toEqual([]);
    expect(warnings().join('\n')).toContain('uploadCacheArchiveSDK');
  });

  it('lists finalized entries the way the REST API does (prefix, newest first)', async () => {
    await saveText('list-a-1', '1');
    await saveText('list-a-2', '2');
    await saveText('list-b-1', '3');
    const listed = listActionsCaches(fake.entries, {
      key: 'list-a-',
      sort: 'created_at',
      direction: 'desc',
    });
    expect(listed.total_count).toBe(2);
    expect(listed.actions_caches.map((c) => c.key)).toEqual(['list-a-2', 'list-a-1']);
    expect(Object.keys(listed.actions_caches[0]!).sort()).toEqual(
      ['created_at', 'id', 'key', 'last_accessed_at', 'ref', 'size_in_bytes', 'version'].sort(),
    );
  });
});

describe('Twirp front door', () => {
  const call = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}twirp/${CACHE_SERVICE}/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${fake.token}`,
        ...headers,
      },
      body,
    });

  it('answers bad requests with Twirp error JSON', async () => {
    const missing = await call('CreateCacheEntry', JSON.stringify({ key: 'k' }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ code: 'invalid_argument', msg: 'version is required' });

    const malformed = await call('CreateCacheEntry', '{nope');
    expect(await malformed.json()).toMatchObject({ code: 'malformed' });

    const unknown = await call('DeleteCacheEntry', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'bad_route' });

    const noAuth = await call('CreateCacheEntry', '{}', { Authorization: '' });
    expect(noAuth.status).toBe(401);

    const finalizeUnknown = await call(
      'FinalizeCacheEntryUpload',
      JSON.stringify({ key: 'k', version: 'v', size_bytes: '1' }),
    );
    expect(await finalizeUnknown.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('blob endpoints through the Azure SDK', () => {
  it('takes a block upload (Put Block + Put Block List) and serves ranged reads', async () => {
    const create = await fetch(`${fake.url}twirp/${CACHE_SERVICE}/CreateCacheEntry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fake.token}` },
      body: JSON.stringify({ key: 'sdk', version: 'v1' }),
    });
    const { signed_upload_url: uploadUrl } = (await create.json()) as { signed_upload_url: string };
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
    await new BlockBlobClient(uploadUrl).uploadData(data, {
      blockSize: 4096,
      maxSingleShotSize: 1024,
      concurrency: 2,
    });
    const comps = fake.requests.filter((r) => r.endpoint === 'BlobUpload').map((r) => r.status);
    expect(comps).toEqual([201, 201, 201, 201]); // 3 blocks + the block list

    const [entry] = fake.entries;
    const readUrl = fake.blobs.signedUrl(fake.url.replace(/\/$/, ''), entry!.blobPath, ['read']);
    const reader = new BlockBlobClient(readUrl);
    expect((await reader.getProperties()).contentLength).toBe(10_000);
    const part = await reader.downloadToBuffer(100, 5000, { blockSize: 1000, concurrency: 3 });
    expect(part.equals(data.subarray(100, 5100))).toBe(true);
    const ranged = fake.requests.filter((r) => r.endpoint === 'BlobDownload' && r.status === 206);
    expect(ranged).toHaveLength(5);

    // The upload URL cannot read and the read URL cannot write, like a SAS.
    await expect(new BlockBlobClient(uploadUrl).getProperties()).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(reader.upload('x', 1)).rejects.toMatchObject({ statusCode: 403 });
  });
});
