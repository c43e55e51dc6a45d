// The history cache against the loopback cache-service fake (real @actions/cache client) and the
// REST fake (real @actions/github octokit through makeCacheLister).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dayFileSizes,
  historyKeys,
  cacheServiceConfigured,
  makeCacheLister,
  type CacheLister,
  mergeHistories,
  restoreHistory,
  saveHistory,
  type HistoryLog,
  type HistoryOptions,
} from '../../src/action/history.js';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { appendRecord } from '../../src/core/store.js';
import {
  captureStdout,
  listActionsCaches,
  start as startCache,
  useClientEnv,
  type FakeCacheService,
} from '../fakes/cache-service.js';
import { start as startApi, type FakeGitHubApi } from '../fakes/github-api.js';

let cacheFake: FakeCacheService;
let api: FakeGitHubApi;
let root: string;
let workspace: string;
let restoreEnv: () => void;
let output: ReturnType<typeof captureStdout>;

beforeEach(async () => {
  cacheFake = await startCache();
  api = await startApi({
    cacheEntries: () => listActionsCaches(cacheFake.entries).actions_caches,
  });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'history-'));
  workspace = path.join(root, 'ws');
  fs.mkdirSync(workspace, { recursive: true });
  restoreEnv = useClientEnv(cacheFake, { workspace, temp: path.join(root, 'tmp') });
  output = captureStdout();
});

afterEach(async () => {
  output.restore();
  restoreEnv();
  await cacheFake.stop();
  await api.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Job {
  options: HistoryOptions;
  warnings: string[];
  metricsDir: string;
}

const DAY = Date.UTC(2025, 9, 20, 10, 0, 0);

/** One job's view: its own workspace `.metrics/`, the shared staging path, its own log. */
function job(runId: number, jobKey: string, extra: Partial<HistoryOptions> = {}): Job {
  const metricsDir = path.join(root, `run${runId}-${jobKey}`, '.metrics');
  const warnings: string[] = [];
  const log: HistoryLog = {
    info: () => undefined,
    debug: () => undefined,
    warning: (m) => warnings.push(m),
  };
  return {
    metricsDir,
    warnings,
    options: {
      metricsDir,
      keyPrefix: 'dev-metrics-v1-Linux',
      branch: 'main',
      defaultBranch: 'main',
      runId: String(runId),
      runAttempt: 1,
      jobKey,
      lister: makeCacheLister('ghs_fake', 'octo/repo', api.url),
      log,
      cachePath: path.join(workspace, '.dev-metrics-cache'),
      timeoutMs: 5_000,
      ...extra,
    },
  };
}

function record(name: string, minute: number, runId: number, jobKey: string): ExecutionRecord {
  return {
    name,
    started_at: formatTimestamp(DAY + minute * 60_000),
    ended_at: formatTimestamp(DAY + minute * 60_000 + 1500),
    duration_ms: 1500,
    status: 'success',
    metadata: { ci: { provider: 'github-actions', run_id: String(runId), job: jobKey } },
    error: null,
  };
}

/** Every non-empty line of every day file, sorted (order across files is irrelevant here). */
function lines(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l !== '')
    .sort();
}

function names(dir: string): string[] {
  return lines(dir)
    .map((l) => (JSON.parse(l) as ExecutionRecord).name)
    .sort();
}

/** Parallel jobs of one run: all restore before any saves (entries saved in list order). */
async function runParallel(jobs: Array<[Job, string, number]>): Promise<void> {
  for (const [j] of jobs) await restoreHistory(j.options);
  for (const [j, name, minute] of jobs) {
    await appendRecord(
      j.metricsDir,
      record(name, minute, Number(j.options.runId), j.options.jobKey),
    );
  }
  for (const [j] of jobs) await saveHistory(j.options);
}

/** A whole job: restore, record one step, save. */
async function runJob(j: Job, recordName: string, minute: number): Promise<void> {
  await restoreHistory(j.options);
  await appendRecord(
    j.metricsDir,
    record(recordName, minute, Number(j.options.runId), j.options.jobKey),
  );
  await saveHistory(j.options);
}

describe('restoreHistory / saveHistory', () => {
  it('first run: empty cache, nothing restored, one entry saved under a unique key', async () => {
    const first = job(100, 'build');
    const restored = await restoreHistory(first.options);
    expect(restored).toMatchObject({ mode: 'merged', restoredKeys: [], addedLines: 0 });
    expect(restored.plan).toEqual({ kind: 'snapshot', coverage: expect.any(Number) });
    await appendRecord(first.metricsDir, record('build', 1, 100, 'build'));
    const saved = await saveHistory(first.options);
    expect(saved.saved).toBe(true);
    expect(saved.key).toMatch(/^dev-metrics-v1-Linux-main-100-1-build-[0-9a-f]{8}$/);
    expect(cacheFake.entries.map((e) => e.key)).toEqual([saved.key]);
    expect(first.warnings).toEqual([]);
    expect(fs.existsSync(first.options.cachePath!)).toBe(false); // staging cleaned up
  });

  it('second run restores the first run, appends, and a third run sees both', async () => {
    await runJob(job(1, 'build'), 'one', 1);
    const second = job(2, 'build');
    await runJob(second, 'two', 2);
    expect(names(second.metricsDir)).toEqual(['one', 'two']);
    const third = job(3, 'build');
    const result = await restoreHistory(third.options);
    expect(result.mode).toBe('merged');
    expect(names(third.metricsDir)).toEqual(['one', 'two']);
    expect(third.warnings).toEqual([]);
  });

  it('K=4 parallel jobs each save their record; a 5th run merges all of them, no duplicates', async () => {
    await runJob(job(1, 'seed'), 'seed', 0);
    const jobs = [0, 1, 2, 3].map((k) => job(2, `test-${k}`));
    // Every job restores before any saves: the race that loses records with a single restore.
    for (const j of jobs) await restoreHistory(j.options);
    for (const [k, j] of jobs.entries()) {
      await appendRecord(j.metricsDir, record(`leg-${k}`, 10 + k, 2, j.options.jobKey));
    }
    for (const j of jobs) await saveHistory(j.options);
    for (const j of jobs) expect(names(j.metricsDir)).toHaveLength(2); // seed + own

    const fifth = job(3, 'report');
    const result = await restoreHistory(fifth.options);
    expect(result.restoredKeys).toHaveLength(5);
    expect(names(fifth.metricsDir)).toEqual(['leg-0', 'leg-1', 'leg-2', 'leg-3', 'seed']);
    expect(result.addedLines).toBe(5); // the seed came in 5 entries, merged once
    expect(fifth.warnings).toEqual([]);
  });

  it('a matrix wider than maxEntries: every leg of the newest run is merged', async () => {
    const legs = Array.from({ length: 8 }, (_, k) => job(7, `leg-${k}`));
    await runParallel(legs.map((j, k): [Job, string, number] => [j, `leg-${k}`, k]));
    expect(cacheFake.entries.filter((e) => e.finalized)).toHaveLength(8);
    const next = job(8, 'report');
    const result = await restoreHistory(next.options);
    expect(result.restoredKeys).toHaveLength(8); // 5 newest + 3 siblings from run 7
    expect(names(next.metricsDir)).toEqual(legs.map((_, k) => `leg-${k}`));
    expect(next.warnings).toEqual([]);
  });

  it('cache scoping: a PR run skips listed entries of refs it may not read', async () => {
    cacheFake.ref = 'refs/heads/main';
    await runJob(job(1, 'build'), 'on-main', 1);
    // Pushes to the PR's head branch: listed by the API, but a PR run (refs/pull/2/merge) may not
    // restore them. The real service answers a miss; the fake restores anything, so the filter is
    // what this test sees.
    cacheFake.ref = 'refs/heads/feature';
    await runJob(
      job(2, 'build', { branch: 'feature', ref: 'refs/heads/feature' }),
      'on-feature',
      2,
    );
    cacheFake.ref = 'refs/pull/2/merge';
    const pr = job(3, 'build', {
      branch: 'feature',
      baseBranch: 'main',
      ref: 'refs/pull/2/merge',
    });
    const result = await restoreHistory(pr.options);
    expect(result.mode).toBe('merged');
    expect(names(pr.metricsDir)).toEqual(['on-main']);
    expect(pr.warnings).toEqual([]);
  });

  it('listing forbidden (403): falls back to the newest entry, warns once, keeps workspace records', async () => {
    await runParallel([
      [job(1, 'a'), 'from-a', 1],
      [job(1, 'b'), 'from-b', 2], // saved after a: the newest entry
    ]);
    api.fault('listCaches', 403);
    const next = job(2, 'c');
    await appendRecord(next.metricsDir, record('users-own', 3, 0, 'local'));
    const before = lines(next.metricsDir);
    const result = await restoreHistory(next.options);
    expect(result.mode).toBe('fallback');
    expect(names(next.metricsDir)).toEqual(['from-b', 'users-own']); // a's entry is not seen
    expect(lines(next.metricsDir)).toEqual(expect.arrayContaining(before));
    expect(next.warnings).toHaveLength(1);
    expect(next.warnings[0]).toMatch(/HTTP 403.*actions: read/);
  });

  it('no lister at all (no token) also falls back, with the same single warning', async () => {
    await runJob(job(1, 'a'), 'from-a', 1);
    const next = job(2, 'b', { lister: null });
    expect((await restoreHistory(next.options)).restoredKeys).toHaveLength(1);
    expect(names(next.metricsDir)).toEqual(['from-a']);
    expect(next.warnings).toHaveLength(1);
  });

  it('lists the scopes (own branch, PR base, default branch) at once, not one after another', async () => {
    await runJob(job(1, 'build'), 'on-main', 1);
    const real = makeCacheLister('ghs_fake', 'octo/repo', api.url);
    let inFlight = 0;
    let most = 0;
    const lister: CacheLister = {
      async listCaches(prefix) {
        most = Math.max(most, ++inFlight);
        try {
          await new Promise((r) => setTimeout(r, 50)); // a round trip
          return await real.listCaches(prefix);
        } finally {
          inFlight--;
        }
      },
    };
    const pr = job(2, 'build', { branch: 'feat', baseBranch: 'release', lister });
    const result = await restoreHistory(pr.options);
    expect(most).toBe(3);
    expect(result.mode).toBe('merged');
    expect(names(pr.metricsDir)).toEqual(['on-main']);
  });

  it('restores the default branch history on a new feature branch, not a sibling branch', async () => {
    await runJob(job(1, 'build'), 'on-main', 1);
    await runJob(job(2, 'build', { branch: 'feat-x' }), 'on-feat-x', 2);
    const feature = job(3, 'build', { branch: 'feat' });
    await restoreHistory(feature.options);
    expect(names(feature.metricsDir)).toEqual(['on-main']);
  });

  it('prunes day files older than days-to-keep before saving', async () => {
    const j = job(1, 'build');
    await appendRecord(j.metricsDir, record('old', -60 * 24 * 40, 1, 'build'));
    await appendRecord(j.metricsDir, record('new', 1, 1, 'build'));
    await saveHistory({ ...j.options, daysToKeep: 30, now: DAY });
    const next = job(2, 'build');
    await restoreHistory(next.options);
    expect(names(next.metricsDir)).toEqual(['new']);
  });
});

describe('faults: one warning, no throw, workspace records intact', () => {
  async function seededRun(): Promise<{ j: Job; snapshot: string[] }> {
    await runJob(job(1, 'seed'), 'cached', 1);
    const j = job(2, 'victim', { timeoutMs: 800 });
    await appendRecord(j.metricsDir, record('mine', 5, 2, 'victim'));
    return { j, snapshot: lines(j.metricsDir) };
  }

  const cases: Array<[string, (j: Job) => void]> = [
    ['no ACTIONS_RUNTIME_TOKEN', () => delete process.env['ACTIONS_RUNTIME_TOKEN']],
    ['ACTIONS_CACHE_MODE=none', () => (process.env['ACTIONS_CACHE_MODE'] = 'none')],
    [
      '503 on GetCacheEntryDownloadURL (client retries; bounded by our timeout)',
      () => cacheFake.faults.set('GetCacheEntryDownloadURL', { status: 503 }),
    ],
    [
      'a service that never answers (timeout)',
      () => cacheFake.faults.set('GetCacheEntryDownloadURL', { delayMs: 30_000 }),
    ],
    [
      'a corrupt archive',
      () => expect(cacheFake.corruptArchive(cacheFake.entries[0]!.key)).toBe(true),
    ],
    ['500 on the blob download', () => cacheFake.faults.set('BlobDownload', { status: 500 })],
  ];

  it.each(cases)('restore with %s', async (_name, inject) => {
    const { j, snapshot } = await seededRun();
    inject(j);
    const result = await restoreHistory(j.options);
    expect(result.restoredKeys).toEqual([]);
    expect(lines(j.metricsDir)).toEqual(snapshot);
    expect(j.warnings).toHaveLength(1);
    expect(output.lines().filter((l) => /^::(warning|error)/.test(l))).toEqual([]);
  });

  const saveCases: Array<[string, () => void, RegExp]> = [
    [
      'no ACTIONS_RUNTIME_TOKEN',
      () => delete process.env['ACTIONS_RUNTIME_TOKEN'],
      /ACTIONS_RUNTIME_TOKEN/,
    ],
    [
      'ACTIONS_CACHE_MODE=read',
      () => (process.env['ACTIONS_CACHE_MODE'] = 'read'),
      /cache mode 'read'/,
    ],
    ['a read-only token', () => (cacheFake.faults.readOnly = true), /not saved/],
    [
      '429 on CreateCacheEntry',
      () => cacheFake.faults.set('CreateCacheEntry', { status: 429 }),
      /not saved/,
    ],
    ['a failed upload', () => cacheFake.faults.set('BlobUpload', { status: 403 }), /not saved/],
    [
      'a hung CreateCacheEntry',
      () => cacheFake.faults.set('CreateCacheEntry', { delayMs: 30_000 }),
      /timed out/,
    ],
  ];

  it.each(saveCases)('save with %s', async (_name, inject, expected) => {
    const { j, snapshot } = await seededRun();
    inject();
    const before = cacheFake.entries.filter((e) => e.finalized).length;
    const result = await saveHistory(j.options);
    expect(result.saved).toBe(false);
    expect(cacheFake.entries.filter((e) => e.finalized)).toHaveLength(before);
    expect(lines(j.metricsDir)).toEqual(snapshot);
    expect(j.warnings).toHaveLength(1);
    expect(j.warnings[0]).toMatch(expected);
    // One warning per fault: the cache client's own annotations are plain log lines.
    expect(output.lines().filter((l) => /^::(warning|error)/.test(l))).toEqual([]);
  });

  it('one bad entry among several: the others are merged, one warning names it', async () => {
    await runParallel([
      [job(1, 'a'), 'from-a', 1],
      [job(1, 'b'), 'from-b', 2],
    ]);
    const bad = cacheFake.entries.find((e) => e.key.includes('-a-'))!;
    cacheFake.corruptArchive(bad.key);
    const next = job(2, 'c');
    const result = await restoreHistory(next.options);
    expect(result.restoredKeys).toHaveLength(1);
    expect(names(next.metricsDir)).toEqual(['from-b']);
    expect(next.warnings).toHaveLength(1);
    expect(next.warnings[0]).toContain(bad.key);
  });
});

describe('cacheServiceConfigured', () => {
  it('answers as @actions/cache isFeatureAvailable does, without loading the client', async () => {
    const cache = await import('@actions/cache');
    const saved = { ...process.env };
    const keys = [
      'GITHUB_SERVER_URL',
      'ACTIONS_CACHE_SERVICE_V2',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
    ];
    try {
      for (const server of [
        undefined,
        'https://github.com',
        'https://x.ghe.com',
        'https://ghes.corp',
      ]) {
        for (const v2 of [undefined, 'true']) {
          for (const results of [undefined, 'http://r/']) {
            for (const cacheUrl of [undefined, 'http://c/']) {
              for (const k of keys) delete process.env[k];
              const env: Record<string, string | undefined> = {
                GITHUB_SERVER_URL: server,
                ACTIONS_CACHE_SERVICE_V2: v2,
                ACTIONS_RESULTS_URL: results,
                ACTIONS_CACHE_URL: cacheUrl,
              };
              for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
              expect(cacheServiceConfigured(), JSON.stringify(env)).toBe(
                cache.isFeatureAvailable(),
              );
            }
          }
        }
      }
    } finally {
      for (const k of keys) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});

describe('keys and merge', () => {
  it('builds keys without commas and in scope order', () => {
    const keys = historyKeys({
      ...job(7, 'test (ubuntu, 20)').options,
      branch: 'fix,comma',
      baseBranch: 'release',
    });
    expect(keys.scopePrefixes).toEqual([
      'dev-metrics-v1-Linux-fix_comma-',
      'dev-metrics-v1-Linux-release-',
      'dev-metrics-v1-Linux-main-',
    ]);
    expect(keys.restoreKeys.at(-1)).toBe('dev-metrics-v1-Linux-');
    expect(keys.saveKey('abcd1234')).toBe(
      'dev-metrics-v1-Linux-fix_comma-7-1-test_(ubuntu__20)-abcd1234',
    );
  });

  it('merges by exact line, keeping existing bytes first', async () => {
    const a = path.join(root, 'a');
    const target = path.join(root, 'target');
    fs.mkdirSync(a, { recursive: true });
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(a, '2025-10-20.jsonl'), 'L1\nL2\n');
    fs.writeFileSync(path.join(a, 'notes.txt'), 'ignored');
    fs.writeFileSync(path.join(target, '2025-10-20.jsonl'), 'L2\nL0'); // no final newline
    expect(await mergeHistories([a, a], target)).toBe(1);
    expect(fs.readFileSync(path.join(target, '2025-10-20.jsonl'), 'utf8')).toBe('L2\nL0\nL1\n');
    expect(fs.existsSync(path.join(target, 'notes.txt'))).toBe(false);
  });

  it('copies a day one source holds into a target without it, as bytes; never through a link', async () => {
    const a = path.join(root, 'one');
    const target = path.join(root, 'fresh');
    fs.mkdirSync(a, { recursive: true });
    // A blank line kept, a final newline added (the next append would wait for one otherwise).
    fs.writeFileSync(path.join(a, '2025-10-21.jsonl'), 'L1\n\nL2 \u00e9');
    fs.writeFileSync(path.join(a, '2025-10-22.jsonl'), 'L3\n');
    fs.mkdirSync(target);
    const outside = path.join(root, 'outside.jsonl');
    fs.writeFileSync(outside, 'mine\n');
    fs.symlinkSync(outside, path.join(target, '2025-10-22.jsonl'));
    const warnings: string[] = [];
    expect(await mergeHistories([a], target, { warning: (m) => warnings.push(m) })).toBe(2);
    expect(fs.readFileSync(path.join(target, '2025-10-21.jsonl'), 'utf8')).toBe(
      'L1\n\nL2 \u00e9\n',
    );
    expect(fs.readFileSync(outside, 'utf8')).toBe('mine\n');
    expect(warnings.join('\n')).toContain('2025-10-22.jsonl');
    // Larger than the copy's buffer: lines across its pieces are counted once, bytes kept.
    const big = Array.from({ length: 4000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(i % 97)}"}`);
    big.splice(1234, 0, '  ', '');
    const text = big.join('\n');
    fs.writeFileSync(path.join(a, '2025-10-23.jsonl'), text);
    expect(await mergeHistories([a], path.join(root, 'fresh2'))).toBe(2 + 1 + 4000);
    expect(fs.readFileSync(path.join(root, 'fresh2', '2025-10-23.jsonl'), 'utf8')).toBe(
      `${text}\n`,
    );
  });
});

/**
 * Transpiles history.ts and the project files it imports into a folder under node_modules/.cache
 * (so its package imports resolve), for plain `node` children that cannot load TypeScript.
 */
function transpileForChildren(): string {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  fs.mkdirSync(path.join(repo, 'node_modules/.cache'), { recursive: true });
  const out = fs.mkdtempSync(path.join(repo, 'node_modules/.cache/history-test-'));
  const pending = [path.join(repo, 'src/action/history.ts')];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(path.resolve(path.dirname(file), `${m[1]}.ts`));
    }
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = path.join(out, path.relative(repo, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, js);
  }
  return out;
}

// One job as its own process, as on a runner: cwd = its workspace, the default staging path.
const CHILD = `
const { restoreHistory, saveHistory, makeCacheLister } = await import(process.env.HISTORY_JS);
const { appendRecord } = await import(process.env.STORE_JS);
const o = JSON.parse(process.env.JOB);
const warnings = [];
const log = { info() {}, debug() {}, warning: (m) => warnings.push(m) };
const options = { ...o, lister: makeCacheLister('ghs_fake', 'octo/repo', o.apiUrl), log };
const restored = await restoreHistory(options);
if (o.record) await appendRecord(o.metricsDir, o.record);
const saved = o.record ? await saveHistory(options) : null;
process.stderr.write(JSON.stringify({ restored, saved, warnings }));
`;

describe('as concurrent processes', () => {
  it('K=4 jobs in parallel processes, then a 5th process sees every record', async () => {
    const out = transpileForChildren();
    try {
      const runChild = (runId: number, jobKey: string, rec: ExecutionRecord | null) => {
        const ws = path.join(root, `proc-${runId}-${jobKey}`);
        fs.mkdirSync(ws, { recursive: true });
        const env = {
          ...process.env,
          GITHUB_WORKSPACE: ws,
          RUNNER_TEMP: path.join(ws, '_temp'),
          HISTORY_JS: pathToFileURL(path.join(out, 'src/action/history.js')).href,
          STORE_JS: pathToFileURL(path.join(out, 'src/core/store.js')).href,
          JOB: JSON.stringify({
            metricsDir: path.join(ws, '.metrics'),
            keyPrefix: 'dev-metrics-v1-Linux',
            branch: 'main',
            defaultBranch: 'main',
            runId: String(runId),
            runAttempt: 1,
            jobKey,
            apiUrl: api.url,
            timeoutMs: 20_000,
            record: rec,
          }),
        };
        return new Promise<{ dir: string; report: { warnings: string[] } }>((resolve, reject) => {
          execFile(
            process.execPath,
            ['--input-type=module', '-e', CHILD],
            { cwd: ws, env, timeout: 60_000 },
            (error, _stdout, stderr) => {
              if (error) return reject(new Error(`${String(error)}\n${stderr}`));
              resolve({ dir: path.join(ws, '.metrics'), report: JSON.parse(stderr) });
            },
          );
        });
      };
      const legs = await Promise.all(
        [0, 1, 2, 3].map((k) => runChild(1, `leg-${k}`, record(`leg-${k}`, k, 1, `leg-${k}`))),
      );
      for (const leg of legs) expect(leg.report.warnings).toEqual([]);
      expect(cacheFake.entries.filter((e) => e.finalized)).toHaveLength(4);
      const fifth = await runChild(2, 'report', null);
      expect(names(fifth.dir)).toEqual(['leg-0', 'leg-1', 'leg-2', 'leg-3']);
      expect(fs.existsSync(path.join(root, 'proc-2-report', '.dev-metrics-cache'))).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('deltas and superseded entries', () => {
  it('a delta holds only the lines past the restore, and prints its size', async () => {
    await runJob(job(1, 'seed'), 'seed', 1);
    const j = job(2, 'next');
    const infos: string[] = [];
    j.options.log = { ...j.options.log!, info: (m) => infos.push(m) };
    await restoreHistory(j.options);
    const sizes = await dayFileSizes(j.metricsDir);
    await appendRecord(j.metricsDir, record('mine', 2, 2, 'next'));
    const saved = await saveHistory({ ...j.options, plan: { kind: 'delta' }, deltaFrom: sizes });
    expect(saved.key).toMatch(/-d\.[0-9a-f]{6}$/);
    expect(infos.join('\n')).toMatch(/saved the history delta .*\d+ B before compression/);
    // The delta alone restores just the new record.
    const alone = job(3, 'probe', { lister: null });
    cacheFake.entries.splice(0, 1); // the seed's snapshot gone: only the delta is left
    await restoreHistory(alone.options);
    expect(names(alone.metricsDir)).toEqual(['mine']);
  });

  it('superseded entries are deleted with actions: write; a 403 is one debug line, no warning', async () => {
    await runJob(job(1, 'a'), 'a', 1);
    const doomed = cacheFake.entries[0]!;
    const j = job(2, 'b');
    const debug: string[] = [];
    j.options.log = { ...j.options.log!, debug: (m) => debug.push(m) };
    await appendRecord(j.metricsDir, record('b', 2, 2, 'b'));
    api.fault('deleteCacheById', 403);
    await saveHistory({ ...j.options, superseded: [{ id: doomed.id, key: doomed.key }] });
    expect(j.warnings).toEqual([]);
    expect(debug.join('\n')).toContain('actions: write');
    expect(api.state.deletedCacheIds.has(doomed.id)).toBe(false);
    api.clearFaults();
    await saveHistory({ ...j.options, superseded: [{ id: doomed.id, key: doomed.key }] });
    expect(api.state.deletedCacheIds.has(doomed.id)).toBe(true);
    expect(j.warnings).toEqual([]);
  });
});
