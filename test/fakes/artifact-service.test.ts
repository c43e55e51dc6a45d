// The artifact service fake, driven by the real @actions/artifact client: upload (Twirp + Azure
// blob SDK), list and download round trip, and the service's refusals.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readZip, runtimeToken, start, type FakeArtifactService } from './artifact-service.js';

let svc: FakeArtifactService;
let dir: string;
const saved: Record<string, string | undefined> = {};
const ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
];

function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  svc = await start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'artifact-fake-'));
  await mkdir(path.join(dir, 'out', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'out', 'index.html'), '<!doctype html><title>dash</title>');
  await writeFile(path.join(dir, 'out', 'assets', 'data.json'), JSON.stringify({ n: [1, 2, 3] }));
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
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  svc.clearFaults();
});

describe('fake artifact service', () => {
  it('receives the zip the real client builds and uploads through the Azure blob SDK', async () => {
    const client = new DefaultArtifactClient();
    const files = [
      path.join(dir, 'out', 'index.html'),
      path.join(dir, 'out', 'assets', 'data.json'),
    ];
    const res = await client.uploadArtifact('site', files, path.join(dir, 'out'), {
      retentionDays: 3,
    });
    expect(res.id).toBeGreaterThan(0);

    const zip = svc.zipOf('site');
    expect(zip).toBeDefined();
    expect(res.size).toBe(zip!.length);
    const entries = readZip(zip!);
    expect([...entries.keys()].sort()).toEqual(['assets/data.json', 'index.html']);
    expect(entries.get('index.html')?.toString()).toBe('<!doctype html><title>dash</title>');
    if (hasUnzip()) {
      const zipPath = path.join(dir, 'site.zip');
      await writeFile(zipPath, zip!);
      expect(execFileSync('unzip', ['-l', zipPath]).toString()).toContain('assets/data.json');
    }

    const create = svc.requests.find((r) => r.method === 'CreateArtifact');
    expect(create?.body).toMatchObject({
      workflow_run_backend_id: svc.runBackendId,
      workflow_job_run_backend_id: svc.jobBackendId,
      name: 'site',
      version: 7,
      mime_type: 'application/zip',
    });
    expect(create?.body).toHaveProperty('expires_at');
    const artifact = svc.state.artifacts.find((a) => a.name === 'site');
    expect(artifact).toMatchObject({ finalized: true, digest: `sha256:${res.digest}` });
  });

  it('lists and downloads the artifact back through the real client', async () => {
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts();
    const site = artifacts.find((a) => a.name === 'site');
    expect(site).toMatchObject({ name: 'site', size: svc.zipOf('site')!.length });
    const into = path.join(dir, 'download');
    await client.downloadArtifact(site!.id, { path: into });
    expect(await readFile(path.join(into, 'assets', 'data.json'), 'utf8')).toBe('{"n":[1,2,3]}');
  });

  it('refuses a second artifact with the same name in the run (409 already_exists)', async () => {
    const client = new DefaultArtifactClient();
    await expect(
      client.uploadArtifact('site', [path.join(dir, 'out', 'index.html')], path.join(dir, 'out')),
    ).rejects.toThrow(/\(409\) Conflict: an artifact with this name already exists/);
  });

  it('rejects a token for another run (403) and a forged token (401) without retrying', async () => {
    const client = new DefaultArtifactClient();
    const file = [path.join(dir, 'out', 'index.html')];
    const other = runtimeToken({ runBackendId: 'other-run', jobBackendId: svc.jobBackendId });
    process.env.ACTIONS_RUNTIME_TOKEN = other.replace(/\.[^.]+$/, '.Zm9yZ2Vk');
    await expect(client.uploadArtifact('a', file, path.join(dir, 'out'))).rejects.toThrow(
      /\(401\)/,
    );
    // A validly signed token for another run may not touch this run's artifacts.
    const res = await fetch(
      `${svc.url}/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` },
        body: JSON.stringify({
          workflow_run_backend_id: svc.runBackendId,
          workflow_job_run_backend_id: 'j',
          name: 'b',
        }),
      },
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: 'permission_denied',
      msg: 'the token does not grant access to this workflow run',
    });
  });

  it('answers Twirp bad_route for unknown methods and demands a signature on blob URLs', async () => {
    const bad = await fetch(`${svc.url}/twirp/github.actions.results.api.v1.ArtifactService/Nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toMatchObject({ code: 'bad_route' });
    const path0 = svc.state.artifacts[0]!.blobPath;
    const unsigned = await fetch(`${svc.url}/${svc.state.blobs.account}/${path0}`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
  });

  it('injects a non-retryable fault once, then serves normally', async () => {
    const client = new DefaultArtifactClient();
    svc.fault('FinalizeArtifact', 404, 1);
    const file = [path.join(dir, 'out', 'index.html')];
    await expect(client.uploadArtifact('once', file, path.join(dir, 'out'))).rejects.toThrow(
      /FinalizeArtifact.*\(404\)/,
    );
    const res = await client.uploadArtifact('twice', file, path.join(dir, 'out'));
    expect(readZip(svc.zipOf('twice')!).has('index.html')).toBe(true);
    expect(res.id).toBeGreaterThan(0);
  });
});
