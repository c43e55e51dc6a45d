// The action's own cache save (cache/save.ts, no @actions/cache loaded) against the loopback cache
// service fake: the official client restores what it saves (same key, version and archive), and
// what it sends is what the official client sends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cache from '@actions/cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReserveError, saveCacheEntry } from '../../src/action/cache/save.js';
import { saveHistory } from '../../src/action/history.js';
import {
  captureStdout,
  start,
  useClientEnv,
  type FakeCacheService,
} from '../fakes/cache-service.js';

let fake: FakeCacheService;
let root: string;
let workspace: string;
let restoreEnv: () => void;
let output: ReturnType<typeof captureStdout>;
const DAY = '2025-10-20.jsonl';
const LINES = '{"name":"a","started_at":"2025-10-20T10:00:00"}\n{"name":"b"}\n';

beforeEach(async () => {
  fake = await start();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-save-'));
  workspace = path.join(root, 'ws');
  fs.mkdirSync(workspace, { recursive: true });
  restoreEnv = useClientEnv(fake, { workspace, temp: path.join(root, 'tmp') });
  output = captureStdout();
});

afterEach(async () => {
  output.restore();
  restoreEnv();
  await fake.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('saveCacheEntry', () => {
  it.each([
    ['an absolute path', () => path.join(workspace, '.dev-metrics-cache')],
    ['a workspace-relative path', () => '.dev-metrics-cache'],
  ])('the official restoreCache restores what it saves (%s)', async (_label, cachePath) => {
    const cwd = process.cwd();
    process.chdir(workspace); // relative paths resolve against the workspace, as on a runner
    try {
      const stage = path.join(workspace, '.dev-metrics-cache');
      fs.mkdirSync(stage);
      fs.writeFileSync(path.join(stage, DAY), LINES);
      const id = await saveCacheEntry(cachePath(), 'dev-metrics-v1-Linux-main-1-1-job-abc');
      expect(id).toBeGreaterThan(0);
      expect(fake.entries).toMatchObject([
        { key: 'dev-metrics-v1-Linux-main-1-1-job-abc', finalized: true },
      ]);
      fs.rmSync(stage, { recursive: true });
      const hit = await cache.restoreCache([cachePath()], 'dev-metrics-v1-Linux-main-1-1-job-');
      expect(hit).toBe('dev-metrics-v1-Linux-main-1-1-job-abc');
      expect(fs.readdirSync(stage)).toEqual([DAY]);
      expect(fs.readFileSync(path.join(stage, DAY), 'utf8')).toBe(LINES);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a read-only token: a ReserveError naming the key and the service message', async () => {
    fake.faults.readOnly = true;
    const stage = path.join(workspace, '.dev-metrics-cache');
    fs.mkdirSync(stage);
    fs.writeFileSync(path.join(stage, DAY), LINES);
    const saving = saveCacheEntry(stage, 'k-1');
    await expect(saving).rejects.toBeInstanceOf(ReserveError);
    await expect(saving).rejects.toThrow(/did not reserve k-1: .*denied/i);
    expect(fake.entries.filter((e) => e.finalized)).toEqual([]);
  });

  it('a failed upload is an error naming the blob store status; nothing is finalized', async () => {
    fake.faults.set('BlobUpload', { status: 403 });
    const stage = path.join(workspace, '.dev-metrics-cache');
    fs.mkdirSync(stage);
    fs.writeFileSync(path.join(stage, DAY), LINES);
    await expect(saveCacheEntry(stage, 'k-2')).rejects.toThrow(/blob store answered HTTP 403/);
    expect(fake.entries.filter((e) => e.finalized)).toEqual([]);
  });
});

describe('saveHistory on the v1 cache service (GHES)', () => {
  it('saves with the official client, never the v2 Twirp calls of cache/save.ts', async () => {
    const metricsDir = path.join(workspace, '.metrics');
    fs.mkdirSync(metricsDir);
    fs.writeFileSync(path.join(metricsDir, DAY), LINES);
    // v1: no ACTIONS_CACHE_SERVICE_V2; the client then talks to ACTIONS_CACHE_URL (here a URL of
    // the fake that has no v1 API, so the client fails and says so: that is not the point).
    const v2 = process.env['ACTIONS_CACHE_SERVICE_V2'];
    delete process.env['ACTIONS_CACHE_SERVICE_V2'];
    process.env['ACTIONS_CACHE_URL'] = `${process.env['ACTIONS_RESULTS_URL']}/`;
    const warnings: string[] = [];
    try {
      await saveHistory({
        metricsDir,
        keyPrefix: 'dev-metrics-v1-Linux',
        branch: 'main',
        runId: '1',
        runAttempt: 1,
        jobKey: 'job',
        cachePath: path.join(workspace, '.dev-metrics-cache'),
        timeoutMs: 20_000,
        log: { info: () => undefined, debug: () => undefined, warning: (m) => warnings.push(m) },
      });
    } finally {
      if (v2 !== undefined) process.env['ACTIONS_CACHE_SERVICE_V2'] = v2;
      delete process.env['ACTIONS_CACHE_URL'];
    }
    expect(fake.requests.filter((r) => r.endpoint === 'CreateCacheEntry')).toEqual([]);
    expect(fake.entries).toEqual([]);
  });
});
