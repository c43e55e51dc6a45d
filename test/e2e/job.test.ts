/**
 * End-to-end: whole jobs of several wrapped steps, run as the runner runs them (mains 1..n in
 * order, then posts n..1, each with the state its own main saved, one workspace and RUNNER_TEMP),
 * against the loopback fakes, counting the service calls each job makes: the job is the unit.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fakes/results-service.js';
import { makeWorkspace, nodeBinaries, runJob, type JobStepSpec } from '../helpers/runner.js';
import { commands, pullRequestEvent, pushEvent, readHistory } from './helpers.js';

// The runner's own Node (node24) when installed: one binary is enough for the job's shape.
const node = nodeBinaries().at(-1)!.bin;

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub();
});
afterAll(async () => {
  await gh.stop();
});

/** Service calls made since `mark()`, by kind. */
function counter() {
  const start = {
    cache: gh.cache.requests.length,
    api: gh.api.requests.length,
    artifacts: gh.artifacts.requests.length,
  };
  return () => {
    const cache = gh.cache.requests.slice(start.cache);
    const api = gh.api.requests.slice(start.api);
    const artifacts = gh.artifacts.requests.slice(start.artifacts);
    const n = <T>(list: T[], f: (x: T) => boolean) => list.filter(f).length;
    return {
      listings: n(api, (r) => r.route === 'listCaches'),
      lookups: n(cache, (r) => r.endpoint === 'GetCacheEntryDownloadURL'),
      saves: n(cache, (r) => r.endpoint === 'CreateCacheEntry'),
      artifacts: n(artifacts, (r) => r.path.endsWith('/CreateArtifact')),
      commentEdits: n(api, (r) => r.route === 'createComment' || r.route === 'updateComment'),
      all: cache.length + api.length + artifacts.length,
    };
  };
}

function job(
  steps: JobStepSpec[],
  o: {
    branch?: string;
    runId: number;
    event?: ReturnType<typeof pushEvent>;
    cancelledAt?: number;
    ws?: ReturnType<typeof makeWorkspace>;
    env?: Record<string, string>;
  },
) {
  const ws = o.ws ?? makeWorkspace();
  const ev = o.event ?? pushEvent(o.branch ?? 'master');
  gh.cache.ref = ev.env.GITHUB_REF ?? 'refs/heads/master';
  gh.artifacts.state.artifacts.length = 0; // artifact names are unique per run only
  return runJob({
    ws,
    node,
    githubToken: 'ghs_fakeToken123',
    event: ev.event,
    env: { ...gh.env(), ...ev.env, GITHUB_RUN_ID: String(o.runId), ...o.env },
    steps,
    cancelledAt: o.cancelledAt,
  }).then((r) => ({ ...r, ws, metricsDir: path.join(ws.workspace, '.metrics') }));
}

const steps = (n: number, extra: Record<string, string> = {}): JobStepSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    inputs: { name: `step_${i + 1}`, run: `echo step ${i + 1}`, ...extra },
  }));

const finalized = () => gh.cache.entries.filter((e) => e.finalized);

/**
 * A workspace whose `.metrics` holds twelve runs of `suite` on master, a minute apart, ending a
 * minute ago (in today's file; a minute after midnight UTC the first may be in yesterday's).
 */
function workspaceWithSuiteRuns(runIdBase: number): ReturnType<typeof makeWorkspace> {
  const ws = makeWorkspace();
  const dir = path.join(ws.workspace, '.metrics');
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    const start = new Date(now - (12 - i) * 60_000);
    const line = JSON.stringify({
      name: 'suite',
      started_at: start.toISOString().replace('Z', ''),
      ended_at: new Date(start.getTime() + 100).toISOString().replace('Z', ''),
      duration_ms: 100 + (i % 3),
      status: 'success',
      metadata: {
        ci: { provider: 'github-actions', branch: 'master', run_id: `${runIdBase + i}` },
      },
      error: null,
    });
    writeFileSync(path.join(dir, `${start.toISOString().slice(0, 10)}.jsonl`), `${line}\n`, {
      flag: 'a',
    });
  }
  return ws;
}

describe('a job of 5 wrapped steps', () => {
  it('restores once, saves once, uploads one dashboard; every step keeps its own section', async () => {
    const branch = 'job-five';
    await job(steps(1), { branch, runId: 6000 }); // the branch's first entry: a snapshot
    const count = counter();
    const before = finalized().length;
    const run = await job(steps(5), { branch, runId: 6001 });
    const calls = count();
    for (const s of [...run.mains, ...run.posts]) expect(s.exitCode, s.stdout + s.stderr).toBe(0);
    // One listing per scope the run may read: its branch and the default branch.
    expect(calls).toMatchObject({ listings: 2, lookups: 1, saves: 1, artifacts: 1 });
    expect(finalized().length).toBe(before + 1);
    // The one save is a delta of this job's five records.
    const entry = finalized().at(-1)!;
    expect(entry.key).toMatch(/^dev-metrics-v1-Linux-job-five-6001-1-test-d\.[0-9a-f]{6}$/);
    // Each step wrote its own summary section; later steps did not restore again.
    run.mains.forEach((m, i) => expect(m.summary).toContain(`step_${i + 1}`));
    for (const m of run.mains.slice(1)) {
      expect(m.stdout).toContain("restored by this job's first step (step_1)");
      expect(m.stdout).not.toContain('restored 1 history cache entr');
    }
    // Non-owner posts do nothing visible; the owner's post (run last) saves and uploads.
    for (const p of run.posts.slice(1)) expect(p.stdout).not.toContain('dev-metrics: saved');
    expect(run.posts[0]!.stdout).toContain('saved the history delta');
    for (const s of [...run.mains, ...run.posts]) {
      expect(commands(s.stdout, 'warning'), s.stdout).toEqual([]);
    }
    // The next job sees the seed and all five records, each once.
    const next = await job(steps(1, { name: 'after' }), { branch, runId: 6002 });
    const names = readHistory(next.metricsDir).map((r) => r.name);
    expect(names.sort()).toEqual(
      ['after', 'step_1', 'step_1', 'step_2', 'step_3', 'step_4', 'step_5'].sort(),
    );
  });

  it('the calls of a job do not grow with its number of wrapped steps', async () => {
    // Two branches in the same state (one entry each): a job of 1 step, a job of 5 steps.
    await job(steps(1), { branch: 'job-growth-1', runId: 6100 });
    await job(steps(1), { branch: 'job-growth-5', runId: 6101 });
    const one = counter();
    await job(steps(1), { branch: 'job-growth-1', runId: 6102 });
    const single = one();
    const five = counter();
    await job(steps(5), { branch: 'job-growth-5', runId: 6103 });
    expect(five()).toEqual(single);
  });

  it('the owner’s post uploads the dashboard while the save is still under way', async () => {
    const branch = 'job-overlap';
    await job(steps(1), { branch, runId: 6150 });
    // The save's last call hangs for a while: a post that saves, then publishes, uploads nothing
    // before it answers.
    gh.cache.faults.set('FinalizeCacheEntryUpload', { delayMs: 2500, times: 1 });
    let uploadedDuringSave = false;
    const watch = setInterval(() => {
      const pending = gh.cache.requests.some(
        (r) => r.endpoint === 'FinalizeCacheEntryUpload' && r.status === 0,
      );
      if (pending && gh.artifacts.state.artifacts.some((a) => a.finalized)) {
        uploadedDuringSave = true;
      }
    }, 20);
    try {
      const run = await job(steps(1), { branch, runId: 6151 });
      expect(run.posts[0]!.exitCode, run.posts[0]!.stdout).toBe(0);
      expect(run.posts[0]!.stdout).toContain('saved the history');
      expect(run.posts[0]!.stdout).toContain('dashboard uploaded as artifact');
    } finally {
      clearInterval(watch);
      gh.cache.faults.clear();
    }
    expect(uploadedDuringSave).toBe(true);
  });

  it('the restore merges a large history one day at a time: main fits a small heap', async () => {
    // Its own cache key: other tests' entries on the default branch stay out of this history.
    const branch = 'job-large';
    // 48 MB of records in 40 day files, 10 to 49 days old: restored and merged by the measured
    // step, but past its days-to-keep, so its own report reads none of them.
    const seed = makeWorkspace();
    const dir = path.join(seed.workspace, '.metrics');
    mkdirSync(dir, { recursive: true });
    const pad = 'x'.repeat(3000);
    for (let d = 10; d < 50; d++) {
      const day = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
      const lines = Array.from({ length: 400 }, (_, i) => {
        const at = `${day}T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
        return JSON.stringify({
          name: 'old_step',
          started_at: at,
          ended_at: at,
          duration_ms: 1000 + i,
          status: 'success',
          metadata: { pad },
          error: null,
        });
      });
      writeFileSync(path.join(dir, `${day}.jsonl`), `${lines.join('\n')}\n`);
    }
    const seeded = await job(
      steps(1, { 'days-to-keep': '90', 'dashboard-artifact': '', 'cache-key': 'large' }),
      {
        branch,
        runId: 6160,
        ws: seed,
      },
    );
    expect(seeded.posts[0]!.stdout).toContain('saved the history snapshot');
    // Holding every restored day file at once needs about 100 MB of heap; one day, a few MB.
    const run = await job(
      steps(1, { 'days-to-keep': '7', 'dashboard-artifact': '', 'cache-key': 'large' }),
      {
        branch,
        runId: 6161,
        env: { NODE_OPTIONS: '--max-old-space-size=40' },
      },
    );
    expect(run.mains[0]!.exitCode, run.mains[0]!.stderr.slice(0, 300)).toBe(0);
    expect(run.mains[0]!.stdout).toMatch(/restored 1 history cache entry, 1600[01] new records/);
    expect(run.posts[0]!.exitCode, run.posts[0]!.stderr.slice(0, 300)).toBe(0);
  }, 60_000);

  it('on a pull request: one comment edit per job, with every step’s row', async () => {
    const pr = pullRequestEvent();
    gh.api.state.comments = [];
    const count = counter();
    const run = await job(steps(3), { event: pr, runId: 6200 });
    for (const s of [...run.mains, ...run.posts]) expect(s.exitCode, s.stdout).toBe(0);
    expect(count().commentEdits).toBe(1);
    const [comment] = gh.api.commentsOn('Codertocat', 'Hello-World', 2);
    for (const name of ['step_1', 'step_2', 'step_3']) expect(comment!.body).toContain(name);
  });

  it('a job cancelled during step 2: steps 3-5 never run, one save holds both records', async () => {
    const branch = 'job-cancel';
    const before = finalized().length;
    const count = counter();
    const specs = steps(5);
    specs[1] = {
      inputs: { name: 'step_2', run: 'echo started; sleep 30' },
      onSpawn: (child) =>
        child.stdout!.on('data', (d: Buffer) => {
          if (d.toString().includes('started')) child.kill('SIGINT');
        }),
    };
    const run = await job(specs, { branch, runId: 6300, cancelledAt: 1 });
    expect(run.mains).toHaveLength(2);
    expect(run.mains[1]!.exitCode).not.toBe(0);
    expect(count().saves).toBe(1);
    expect(finalized().length).toBe(before + 1);
    const next = await job(steps(1, { name: 'after' }), { branch, runId: 6301 });
    const records = readHistory(next.metricsDir).filter(
      (r) => (r.metadata.ci as { run_id?: string }).run_id === '6300',
    );
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.name === 'step_1')?.status).toBe('success');
    expect(records.find((r) => r.name === 'step_2')).toMatchObject({
      status: 'failed',
      error: 'cancelled',
    });
  });

  it('a listing with zero entries (self-hosted cache): one prefix restore, said once, snapshots kept', async () => {
    const branch = 'job-unlisted';
    // A history of its own: the fake does not scope a prefix restore to readable refs as GitHub
    // does, so the bare prefix would find other tests' entries.
    const own = { 'cache-key': 'unlisted' };
    await job(steps(1, own), { branch, runId: 6400 });
    // The REST listing no longer shows any entry, while the cache service still has them.
    for (const e of gh.cache.entries) gh.api.state.deletedCacheIds.add(e.id);
    const count = counter();
    const run = await job(steps(3, own), { branch, runId: 6401 });
    const calls = count();
    expect(calls).toMatchObject({ listings: 2, saves: 1 });
    const warnings = [...run.mains, ...run.posts].flatMap((s) => commands(s.stdout, 'warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/needs a listing/);
    const runIds = readHistory(run.metricsDir)
      .filter((r) => r.name === 'step_1')
      .map((r) => (r.metadata.ci as { run_id?: string }).run_id);
    expect(runIds).toEqual(expect.arrayContaining(['6400', '6401']));
    // Without a listing only the newest entry is ever seen: it must be a whole snapshot.
    expect(finalized().at(-1)!.key).toMatch(/^unlisted-.*-s0\.[0-9a-f]{6}$/);
    for (const e of gh.cache.entries) gh.api.state.deletedCacheIds.delete(e.id);
  });

  it('later steps read their runs through the index the first step wrote; its post removes it', async () => {
    const ws = workspaceWithSuiteRuns(700);
    const index = `"$RUNNER_TEMP"/dev-metrics/job-*.names/index.json`;
    const run = await job(
      [
        { inputs: { name: 'first', run: 'true', history: 'none' } },
        {
          inputs: {
            name: 'suite',
            // The index is there when a later step runs, and the job file says so.
            run: `test -f ${index} && grep -q '"indexed":true' "$RUNNER_TEMP"/dev-metrics/job-*.json`,
            history: 'none',
          },
        },
      ],
      { ws, event: pullRequestEvent(), runId: 6400 },
    );
    expect(run.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    // Its twelve runs on master were read: a verdict, not 'not enough data'.
    expect(run.mains[1]!.outputs.verdict).toMatch(/^(no change|slower|faster)$/);
    // Its twelve runs and this one, each counted once (the last column of the result table).
    expect(run.mains[1]!.summary).toMatch(/\| 13 \|$/m);
    expect(readdirSync(path.join(ws.runnerTemp, 'dev-metrics'))).not.toContainEqual(
      expect.stringMatching(/\.names$|^job-/),
    );
  });

  it('fail-on-regression applies per step: only the regressed step fails', async () => {
    const ws = workspaceWithSuiteRuns(500);
    const run = await job(
      [
        { inputs: { name: 'quick', run: 'true', history: 'none' } },
        {
          inputs: {
            name: 'suite',
            run: 'sleep 0.6',
            history: 'none',
            'fail-on-regression': 'true',
          },
        },
        { inputs: { name: 'after', run: 'true', history: 'none' } },
      ],
      { ws, event: pullRequestEvent(), runId: 6500 },
    );
    expect(run.mains.map((m) => m.exitCode)).toEqual([0, 1, 0]);
    expect(commands(run.mains[1]!.stdout, 'error').join('\n')).toContain('fail-on-regression');
    for (const p of run.posts) expect(p.exitCode).toBe(0);
  });
});
