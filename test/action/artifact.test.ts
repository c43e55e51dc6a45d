// uploadDashboard (the client's wire, without the client) against the artifact service fake.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  artifactNameWithSuffix,
  dashboardOutputFile,
  uploadDashboard,
} from '../../src/action/artifact.js';
import { readZip, start, type FakeArtifactService } from '../fakes/artifact-service.js';

let svc: FakeArtifactService;
let dir: string;
let dashboard: string;
const HTML = '<!doctype html><html><body><h1>dev-metrics</h1></body></html>\n';
const ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL'];
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  svc = await start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dashboard-'));
  dashboard = path.join(dir, 'dev-metrics-dashboard.html');
  await writeFile(dashboard, HTML);
});
afterAll(async () => {
  await svc.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, svc.env, { GITHUB_SERVER_URL: 'https://github.com' });
});
afterEach(() => {
  vi.useRealTimers();
  svc.clearFaults();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

describe('uploadDashboard', () => {
  it('uploads the dashboard file into the artifact zip', async () => {
    const { lines, log } = logger();
    const result = await uploadDashboard({
      name: 'dev-metrics-dashboard',
      filePath: dashboard,
      retentionDays: 7,
      log,
    });
    expect(result).toMatchObject({ ok: true, name: 'dev-metrics-dashboard' });
    const zip = svc.zipOf('dev-metrics-dashboard');
    expect(result.ok && result.size).toBe(zip?.length);
    expect(result.ok && result.id).toBe(
      svc.state.artifacts.find((a) => a.name === 'dev-metrics-dashboard')?.id,
    );
    const files = readZip(zip!);
    expect([...files.keys()]).toEqual(['dev-metrics-dashboard.html']);
    expect(files.get('dev-metrics-dashboard.html')?.toString()).toBe(HTML);
    expect(lines).toEqual([]);
  });

  it('on a name already taken in the run, retries once with the caller’s suffix', async () => {
    const { lines, log } = logger();
    const result = await uploadDashboard({
      name: 'dev-metrics-dashboard',
      filePath: dashboard,
      uniqueSuffix: 'test (ubuntu, 20) / unit',
      log,
    });
    expect(result).toMatchObject({
      ok: true,
      name: 'dev-metrics-dashboard-test-(ubuntu,-20)-unit',
    });
    expect(readZip(svc.zipOf('dev-metrics-dashboard-test-(ubuntu,-20)-unit')!).size).toBe(1);
    expect(lines).toEqual([]);
  });

  it('without a suffix, a taken name is one warning and { ok: false }', async () => {
    const { lines, log } = logger();
    const result = await uploadDashboard({
      name: 'dev-metrics-dashboard',
      filePath: dashboard,
      log,
    });
    expect(result.ok).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/already exists in this run/);
  });

  it('outside Actions (no runtime token) warns once and does not throw', async () => {
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    const { lines, log } = logger();
    const result = await uploadDashboard({ name: 'x', filePath: dashboard, log });
    expect(result.ok).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/Actions runtime is not available/)]);
  });

  it('a missing dashboard file is one warning', async () => {
    const { lines, log } = logger();
    const result = await uploadDashboard({ name: 'x', filePath: path.join(dir, 'nope.html'), log });
    expect(result).toEqual({ ok: false, reason: `${path.join(dir, 'nope.html')} does not exist` });
    expect(lines).toHaveLength(1);
  });

  it('a 500 from CreateArtifact (after two retries) is one warning, no throw', async () => {
    svc.fault('CreateArtifact', 500);
    const before = svc.requests.length;
    // 1 s, then 2 s between its 3 attempts; fake only setTimeout so sockets run.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { lines, log } = logger();
    let settled = false;
    const pending = uploadDashboard({
      name: 'retry-me',
      filePath: dashboard,
      uniqueSuffix: 'job',
      log,
    }).finally(() => (settled = true));
    while (!settled) {
      await vi.advanceTimersByTimeAsync(5_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Failed to CreateArtifact \(HTTP 500\)/);
    expect(svc.requests.slice(before).map((r) => r.status)).toEqual([500, 500, 500]);
    expect(svc.state.artifacts.some((a) => a.name === 'retry-me')).toBe(false);
  });

  it('makes suffixes safe for artifact names', () => {
    expect(artifactNameWithSuffix('dash', 'a/b:c*?"d')).toBe('dash-a-b-c-d');
    expect(artifactNameWithSuffix('dash', ' / ')).toBe('dash');
  });
});

describe('dashboardOutputFile: a step name never leaves its own folder', () => {
  const root = path.join(os.tmpdir(), 'runner-temp');
  const hostile = [
    '..',
    '.',
    '/',
    '../..',
    'a/../../b',
    '/etc/passwd',
    '..\\..\\windows',
    'nul\u0000byte',
    'ctrl\u0001\u001b[31m\r\n',
    '.hidden',
    '~',
    'x'.repeat(300),
    '…'.repeat(300),
    '',
  ];

  it.each(hostile.map((name) => [JSON.stringify(name).slice(0, 40), name]))(
    '%s → one plain folder under <temp>/dev-metrics',
    (_label, name) => {
      const file = dashboardOutputFile(root, name);
      const folder = path.dirname(file);
      expect(path.basename(file)).toBe('dashboard.html');
      expect(path.dirname(folder)).toBe(path.join(root, 'dev-metrics'));
      expect(path.basename(folder)).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
      expect(path.relative(root, file).split(path.sep)).toHaveLength(3);
    },
  );

  it('gives different names different folders (no two steps overwrite each other)', () => {
    const names = [
      'a b',
      'a-b',
      'a/b',
      'a.b',
      'x'.repeat(300),
      `${'x'.repeat(299)}y`,
      'Build',
      'build',
    ];
    const folders = new Set(names.map((n) => path.dirname(dashboardOutputFile(root, n))));
    expect(folders.size).toBe(names.length);
  });

  it('keeps a readable name in the folder', () => {
    expect(path.basename(path.dirname(dashboardOutputFile(root, 'unit tests')))).toMatch(
      /^unit-tests-[0-9a-f]{8}$/,
    );
  });
});
