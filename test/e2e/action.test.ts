/**
 * End-to-end: the committed bundle (dist/index.js) run as the runner runs it, on this machine's Node
 * and on the real Node 24 binary, against loopback fakes of the results service (cache v2 and
 * artifacts) and the REST API, driven by the official @actions/* clients inside the bundle.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../fakes/artifact-service.js';
import { DEPENDABOT, OCTOCAT } from '../fakes/github-api.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/results-service.js';
import { makeWorkspace, nodeBinaries, runStep, type RunStepOptions } from '../helpers/runner.js';
import { commands, pullRequestEvent, pushEvent, readHistory } from './helpers.js';

const finalized = (gh: FakeGitHub) => gh.cache.entries.filter((e) => e.finalized);

describe.each(nodeBinaries())('action on $label', ({ bin }) => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await startFakeGitHub();
  });
  afterAll(async () => {
    await gh.stop();
  });

  /** One step of a job on a fresh runner (new workspace), with the services' variables set. */
  function step(
    inputs: Record<string, string>,
    o: Partial<Omit<RunStepOptions, 'event'>> & {
      event?: ReturnType<typeof pushEvent>;
      /** Upload the dashboard as action.yml's default says (off elsewhere: one upload per run). */
      dashboard?: boolean;
    } = {},
  ) {
    const ws = o.ws ?? makeWorkspace();
    const ev = o.event ?? pushEvent();
    const { event: _event, dashboard, ...rest } = o;
    // The real service scopes each new entry to the run's ref (from its token); the fake is told.
    gh.cache.ref = { ...ev.env, ...o.env }.GITHUB_REF ?? 'refs/heads/main';
    return runStep({
      ...rest,
      ws,
      node: bin,
      githubToken: 'ghs_fakeToken123',
      inputs: { ...(dashboard ? {} : { 'dashboard-artifact': '' }), ...inputs },
      event: ev.event,
      env: { ...gh.env(), ...ev.env, ...o.env },
    }).then((run) => ({ ...run, ws, metricsDir: path.join(ws.workspace, '.metrics') }));
  }

  it('first run on an empty cache: runs, records, saves the history, sets outputs', async () => {
    gh.cache.entries.length = 0;
    const run = await step({ name: 'build', run: 'echo hello from the step' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('hello from the step');
    // Nothing on stderr: no deprecation noise from bundled dependencies in users' logs.
    expect(run.stderr).toBe('');
    const records = readHistory(run.metricsDir);
    expect(records).toHaveLength(1);
    const [r] = records;
    expect(Object.keys(r!)).toEqual([
      'name',
      'started_at',
      'ended_at',
      'duration_ms',
      'status',
      'metadata',
      'error',
    ]);
    expect(r).toMatchObject({ name: 'build', status: 'success', error: null });
    expect(r!.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/);
    expect(r!.metadata.ci).toMatchObject({
      provider: 'github-actions',
      branch: 'master',
      event: 'push',
      repository: 'Codertocat/Hello-World',
      run_id: '1000',
      run_attempt: 1,
      runner_os: 'Linux',
      exit_code: 0,
    });
    expect(run.outputs).toMatchObject({
      status: 'success',
      'exit-code': '0',
      'metrics-dir': run.metricsDir,
    });
    expect(Number(run.outputs['duration-ms'])).toBeGreaterThanOrEqual(0);
    expect(run.outputs.verdict).toBe('not enough data');
    expect(finalized(gh)).toHaveLength(1);
    // The first entry of a branch is a snapshot; its key carries what it covers.
    expect(finalized(gh)[0]!.key).toMatch(
      /^dev-metrics-v1-Linux-master-1000-1-test-s[0-9a-z]+\.[0-9a-f]{6}$/,
    );
    expect(run.summary).toContain('build');
    expect(run.post?.exitCode).toBe(0);
  });

  it('a second run restores the history and appends to it', async () => {
    const run = await step(
      { name: 'build', run: 'true', metadata: '{"suite": "unit"}' },
      { env: { GITHUB_RUN_ID: '1001' } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const records = readHistory(run.metricsDir);
    expect(
      records.map((r) => r.metadata.ci && (r.metadata.ci as { run_id: string }).run_id),
    ).toEqual(['1000', '1001']);
    expect(records[1]!.metadata.suite).toBe('unit');
    expect(finalized(gh)).toHaveLength(2);
  });

  it('steps named "..", "." and "/" write their dashboards in their own folders, nowhere else', async () => {
    const ws = makeWorkspace();
    const outputs: string[] = [];
    for (const name of ['..', '.', '/']) {
      const run = await step({ name, run: 'true', history: 'none' }, { ws });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      const file = run.outputs['dashboard-path'] ?? '';
      expect(path.dirname(path.dirname(file))).toBe(path.join(ws.runnerTemp, 'dev-metrics'));
      expect(existsSync(file)).toBe(true);
      outputs.push(file);
    }
    expect(new Set(outputs).size).toBe(3);
    expect(readdirSync(ws.runnerTemp)).toEqual(['dev-metrics']);
    const dashboards = readdirSync(ws.root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('dashboard.html'))
      .map((f) => path.join(ws.root, f));
    expect(dashboards.sort()).toEqual([...outputs].sort());
    expect(readHistory(path.join(ws.workspace, '.metrics')).map((r) => r.name)).toEqual([
      '..',
      '.',
      '/',
    ]);
  });

  it('a failing command fails the step with its exit code, after recording it', async () => {
    const before = finalized(gh).length;
    const run = await step({
      name: 'tests',
      run: 'echo "collected 12 items"\necho "FAILED test_api.py::test_login" >&2\nexit 3',
    });
    expect(run.exitCode).toBe(3);
    const errors = commands(run.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('exit code 3');
    const record = readHistory(run.metricsDir).find((r) => r.name === 'tests')!;
    expect(record.status).toBe('failed');
    expect(record.error).toContain('FAILED test_api.py::test_login');
    expect(record.error!.length).toBeLessThanOrEqual(4200);
    expect(run.outputs).toMatchObject({ status: 'failed', 'exit-code': '3' });
    expect(finalized(gh).length).toBe(before + 1);
  });

  it('the command gets a run step’s environment: no action inputs, state or runtime tokens', async () => {
    const run = await step({
      name: 'env_check',
      run: 'env | cut -d= -f1 | grep -E "^(INPUT_|STATE_|ACTIONS_RUNTIME|ACTIONS_RESULTS|GITHUB_STATE)" || echo "none-leaked"\necho "job: $GITHUB_JOB"',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('none-leaked');
    expect(run.stdout).toContain('job: test');
  });

  it('secrets the command prints stay out of the record and the summary', async () => {
    const run = await step(
      { name: 'deploy', run: 'echo "using $DEPLOY_KEY and $GITHUB_TOKEN_COPY"; exit 4' },
      { env: { DEPLOY_KEY: 'plain-deploy-key-value', GITHUB_TOKEN_COPY: 'ghs_fakeToken123' } },
    );
    expect(run.exitCode).toBe(4);
    const record = readHistory(run.metricsDir).find((r) => r.name === 'deploy')!;
    expect(record.error).toContain('using *** and ***');
    expect(JSON.stringify(record)).not.toContain('plain-deploy-key-value');
    expect(run.summary).not.toContain('plain-deploy-key-value');
    expect(run.summary).not.toContain('ghs_fakeToken123');
  });

  it('pasted secret shapes and a label at the 4 KB cut stay out of the record and the summary', async () => {
    const hook = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/xYz123xYz123xYz123';
    const shapes = await step(
      {
        name: 'notify',
        run: `echo "+ curl -u bot:Cu8lPassWd ${hook}"\necho "connecting with $DB_PASS"\nexit 5`,
      },
      { env: { DB_PASS: 'db-pass-value-0123' } },
    );
    // One long last line: the last 4 KB of output start inside the value after "password=".
    const secret = 'Hunter2-correct-horse-battery';
    const value = `${secret} ${'.'.repeat(4098 - secret.length)}`;
    const cut = await step({
      name: 'migrate',
      run: `printf '%s password=%s\\n' "$(printf 'x%.0s' $(seq 1 9000))" '${value}'\nexit 5`,
    });
    for (const [run, name] of [
      [shapes, 'notify'],
      [cut, 'migrate'],
    ] as const) {
      expect(run.exitCode).toBe(5);
      const record = readHistory(run.metricsDir).find((r) => r.name === name)!;
      expect(record.error).toMatch(/^exit code 5\n/);
      expect(Buffer.byteLength(record.error!)).toBeLessThanOrEqual(4096);
      for (const leak of ['Cu8lPassWd', 'xYz123', 'db-pass-value-0123', 'correct-horse']) {
        expect(JSON.stringify(record)).not.toContain(leak);
        expect(run.summary).not.toContain(leak);
      }
    }
    const notify = readHistory(shapes.metricsDir).find((r) => r.name === 'notify')!;
    expect(notify.error).toBe(
      'exit code 5\n+ curl -u bot:*** https://hooks.slack.com/services/***\nconnecting with ***',
    );
  });

  it('a metrics-dir that cannot be written: a warning, and the command’s result stands', async () => {
    const ws = makeWorkspace();
    writeFileSync(path.join(ws.workspace, 'not-a-dir'), 'x');
    const run = await step(
      { name: 'unwritable', run: 'exit 7', 'metrics-dir': 'not-a-dir', history: 'none' },
      { ws },
    );
    expect(run.exitCode).toBe(7);
    expect(commands(run.stdout, 'warning').join('\n')).toContain("'metrics-dir'");
    expect(commands(run.stdout, 'error')).toEqual([expect.stringContaining('exit code 7')]);
    expect(run.post?.stdout).not.toContain('::error::');
  });

  it('K parallel jobs keep each other’s records: the next run sees all of them', async () => {
    const K = 4;
    const branch = `feature-par-${path.basename(bin).length}-${Date.now()}`;
    const runs = await Promise.all(
      Array.from({ length: K }, (_, i) =>
        step(
          { name: `leg_${i}`, run: 'sleep 0.2' },
          { event: pushEvent(branch), env: { GITHUB_RUN_ID: '2000', GITHUB_JOB: `leg${i}` } },
        ),
      ),
    );
    for (const run of runs) expect(run.exitCode, run.stdout).toBe(0);
    const next = await step(
      { name: 'after', run: 'true' },
      { event: pushEvent(branch), env: { GITHUB_RUN_ID: '2001' } },
    );
    const names = readHistory(next.metricsDir).map((r) => r.name);
    for (let i = 0; i < K; i++) expect(names).toContain(`leg_${i}`);
    expect(new Set(names).size).toBe(names.length - (names.length - new Set(names).size));
    // No record appears twice after the merge.
    const lines = readHistory(next.metricsDir).map((r) => JSON.stringify(r));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('cancellation: the command is stopped, recorded as cancelled, the history saved', async () => {
    const before = finalized(gh).length;
    const run = await step(
      { name: 'slow', run: 'echo started; sleep 30' },
      {
        onSpawn: (child) => {
          child.stdout!.on('data', (d: Buffer) => {
            if (d.toString().includes('started')) child.kill('SIGINT');
          });
        },
      },
    );
    expect(run.exitCode).not.toBe(0);
    const record = readHistory(run.metricsDir).find((r) => r.name === 'slow')!;
    expect(record).toMatchObject({ status: 'failed', error: 'cancelled' });
    expect(record.duration_ms).toBeLessThan(20_000);
    expect(finalized(gh).length).toBe(before + 1);
  });

  describe('cache faults never change the outcome: one warning, the record is kept', () => {
    const faults: [string, () => void, Record<string, string | undefined>][] = [
      ['no ACTIONS_RUNTIME_TOKEN', () => {}, { ACTIONS_RUNTIME_TOKEN: undefined }],
      [
        'cache service 429',
        () =>
          gh.cache.faults
            .set('GetCacheEntryDownloadURL', { status: 429 })
            .set('CreateCacheEntry', { status: 429 }),
        {},
      ],
      [
        'blob storage 500 on download',
        () => gh.cache.faults.set('BlobDownload', { status: 500 }),
        {},
      ],
      [
        'cache service timeout',
        () => gh.cache.faults.set('GetCacheEntryDownloadURL', { delayMs: 4000 }),
        { DEV_METRICS_CACHE_TIMEOUT_MS: '1000' },
      ],
      ['read-only cache', () => (gh.cache.faults.readOnly = true), {}],
      ['ACTIONS_CACHE_MODE=none', () => {}, { ACTIONS_CACHE_MODE: 'none' }],
      ['ACTIONS_CACHE_MODE=read', () => {}, { ACTIONS_CACHE_MODE: 'read' }],
    ];
    it.each(faults)('%s', async (label, arrange, env) => {
      gh.cache.faults.clear();
      // A branch of its own with one entry in the cache, so that restore has something to fetch.
      const branch = `fault-${label.replace(/\W+/g, '-')}`;
      const seed = await step({ name: 'seed', run: 'true' }, { event: pushEvent(branch) });
      expect(seed.exitCode, seed.stdout).toBe(0);
      arrange();
      try {
        const run = await step(
          { name: 'faulty', run: 'echo ok' },
          { event: pushEvent(branch), env: { GITHUB_RUN_ID: '1003', ...env } },
        );
        expect(run.exitCode, run.stdout).toBe(0);
        // The restore warns in main, the save (once per job) in the post step.
        const out = run.stdout + (run.post?.stdout ?? '');
        expect(
          commands(out, 'warning').filter((w) => w.includes('dev-metrics')).length,
          out,
        ).toBeGreaterThanOrEqual(1);
        expect(commands(run.stdout, 'error')).toEqual([]);
        expect(readHistory(run.metricsDir).some((r) => r.name === 'faulty')).toBe(true);
        expect(run.outputs.status).toBe('success');
      } finally {
        gh.cache.faults.clear();
      }
    });

    it('a corrupt archive', async () => {
      const branch = `corrupt-${Date.now()}`;
      const first = await step({ name: 'c', run: 'true' }, { event: pushEvent(branch) });
      expect(first.exitCode).toBe(0);
      const key = finalized(gh).at(-1)!.key;
      expect(gh.cache.corruptArchive(key)).toBe(true);
      const run = await step(
        { name: 'c', run: 'true' },
        { event: pushEvent(branch), env: { GITHUB_RUN_ID: '1002' } },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(
        readHistory(run.metricsDir).filter((r) => r.name === 'c').length,
      ).toBeGreaterThanOrEqual(1);
    });
  });

  describe('a cache that never answers: main and post end within the bound plus a few seconds', () => {
    const HANG = 120_000; // far beyond the test: only the bound can end the step
    const hangs: [string, () => void][] = [
      [
        'the cache service',
        () =>
          gh.cache.faults
            .set('GetCacheEntryDownloadURL', { delayMs: HANG })
            .set('CreateCacheEntry', { delayMs: HANG }),
      ],
      [
        'the blob store',
        () =>
          gh.cache.faults
            .set('BlobDownload', { delayMs: HANG })
            .set('BlobUpload', { delayMs: HANG }),
      ],
      [
        'the save only (CreateCacheEntry)',
        () => gh.cache.faults.set('CreateCacheEntry', { delayMs: HANG }),
      ],
    ];
    it.each(hangs)('%s', async (label, arrange) => {
      gh.cache.faults.clear();
      const branch = `hang-${label.replace(/\W+/g, '-')}`;
      const seed = await step({ name: 'seed', run: 'true' }, { event: pushEvent(branch) });
      expect(seed.exitCode, seed.stdout).toBe(0);
      arrange();
      try {
        const started = Date.now();
        const run = await step(
          { name: 'hung', run: 'echo ran; exit 3' },
          {
            event: pushEvent(branch),
            env: { GITHUB_RUN_ID: '1004', DEV_METRICS_CACHE_TIMEOUT_MS: '3000' },
            timeoutMs: 30_000,
          },
        );
        const elapsed = Date.now() - started;
        expect(run.exitCode, run.stdout).toBe(3);
        expect(run.post?.exitCode).toBe(0);
        // The bound plus two Node starts, the restore, tar and the command: ~5 s here, up to 8 s
        // on a loaded machine; the fault itself would hold the step for minutes.
        expect(elapsed, run.stdout).toBeLessThan(3000 + 7000);
        const warnings = [
          ...commands(run.stdout, 'warning'),
          ...commands(run.post?.stdout ?? '', 'warning'),
        ];
        expect(warnings, run.stdout).toHaveLength(1);
        expect(warnings[0]).toMatch(/3s|timed out/);
        expect(commands(run.stdout, 'error')).toEqual([expect.stringContaining('exit code 3')]);
        expect(readHistory(run.metricsDir).find((r) => r.name === 'hung')?.status).toBe('failed');
      } finally {
        gh.cache.faults.clear();
      }
    });
  });

  describe('bad inputs fail the step at once with one line naming the input', () => {
    it.each([
      ['shell', { shell: 'fish' }],
      ['metadata', { metadata: '[1, 2]' }],
      ['days-to-keep', { 'days-to-keep': '-3' }],
      ['name', { name: '  ' }],
    ])('%s', async (input, bad) => {
      const run = await step({ name: 'x', run: 'echo should-not-run', ...bad });
      expect(run.exitCode).toBe(1);
      const errors = commands(run.stdout, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`'${input}'`);
      expect(run.stdout).not.toContain('should-not-run');
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
      expect(readHistory(run.metricsDir)).toEqual([]);
      // The post step knows it is the post step, does nothing and says nothing.
      expect(run.post?.exitCode).toBe(0);
      expect(run.post?.stdout).not.toContain('::error::');
    });
  });

  it('on a pull request: one sticky comment, updated in place; the dashboard is uploaded', async () => {
    const pr = pullRequestEvent();
    const first = await step(
      { name: 'lint', run: 'true' },
      { event: pr, env: { GITHUB_RUN_ID: '3000' }, dashboard: true },
    );
    expect(first.exitCode, first.stdout).toBe(0);
    const comments = () => gh.api.commentsOn('Codertocat', 'Hello-World', 2);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('<!-- dev-metrics:CI -->');
    expect(comments()[0]!.body).toContain('lint');
    const record = readHistory(first.metricsDir).find((r) => r.name === 'lint')!;
    expect(record.metadata.ci).toMatchObject({
      pr_number: 2,
      base_branch: 'master',
      branch: 'changes',
    });
    expect((record.metadata.ci as { sha: string }).sha).not.toBe('f'.repeat(40));

    const zip = gh.artifacts.zipOf('dev-metrics-dashboard');
    expect(zip, first.stdout).toBeDefined();
    const files = readZip(zip!);
    expect([...files.keys()]).toEqual(['dashboard.html']);
    expect(files.get('dashboard.html')!.toString()).toContain('<!doctype html>');
    expect(first.outputs['dashboard-path']).toMatch(/dashboard\.html$/);

    const second = await step(
      { name: 'typecheck', run: 'true' },
      { event: pr, env: { GITHUB_RUN_ID: '3001' } },
    );
    expect(second.exitCode, second.stdout).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('lint');
    expect(comments()[0]!.body).toContain('typecheck');
  });

  it('edits only a comment of the token’s own identity: the job token’s bot, or the PAT’s user', async () => {
    const where = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
    const comments = () => gh.api.commentsOn(where.owner, where.repo, where.issueNumber);
    gh.api.state.comments = [];
    gh.api.addToken('ghp_octocatPat', OCTOCAT);
    const pr = pullRequestEvent();
    const forged = '<!-- dev-metrics:CI -->\n<!-- dev-metrics-data: {"v":2,"rows":[]} -->';
    const other = gh.api.seedComment(where, forged, DEPENDABOT);

    const job = await step({ name: 'lint', run: 'true' }, { event: pr });
    expect(job.exitCode, job.stdout).toBe(0);
    expect(comments().find((c) => c.id === other.id)?.body).toBe(forged);
    const bot = comments().filter((c) => c.user.login === 'github-actions[bot]');
    expect(bot).toHaveLength(1);
    expect(bot[0]!.body).toContain('lint');

    const mine = gh.api.seedComment(where, '<!-- dev-metrics:CI -->\nold', OCTOCAT);
    const pat = await step(
      { name: 'typecheck', run: 'true', 'github-token': 'ghp_octocatPat' },
      { event: pr },
    );
    expect(pat.exitCode, pat.stdout).toBe(0);
    expect(comments()).toHaveLength(3);
    expect(comments().find((c) => c.id === mine.id)?.body).toContain('typecheck');
    expect(comments().find((c) => c.id === bot[0]!.id)?.body).not.toContain('typecheck');
    expect(comments().find((c) => c.id === other.id)?.body).toBe(forged);
  });

  it('a fork PR with a read-only token: a notice, and the step still passes', async () => {
    gh.api.fault('*', 403);
    try {
      const run = await step({ name: 'fork_step', run: 'true' }, { event: pullRequestEvent() });
      expect(run.exitCode, run.stdout).toBe(0);
      // The comment is updated once per job, by the post step.
      expect(commands(run.post?.stdout ?? '', 'notice').join('\n')).toContain(
        'pull-requests: write',
      );
      expect(commands(run.stdout, 'error')).toEqual([]);
    } finally {
      gh.api.clearFaults();
    }
  });

  describe('a regression against the base branch', () => {
    /** A workspace whose history has 12 fast runs of `suite` on master (the base branch). */
    function seeded() {
      const ws = makeWorkspace();
      const dir = path.join(ws.workspace, '.metrics');
      mkdirSync(dir, { recursive: true });
      const now = Date.now();
      const lines: string[] = [];
      for (let i = 0; i < 12; i++) {
        const start = new Date(now - (12 - i) * 3_600_000);
        const duration = 100 * (1 + ((i * 7) % 5) / 100); // 100–104 ms
        lines.push(
          JSON.stringify({
            name: 'suite',
            started_at: start
              .toISOString()
              .replace('Z', '000')
              .replace(/\.(\d{3})000$/, '.$1000'),
            ended_at: new Date(start.getTime() + duration).toISOString().replace('Z', ''),
            duration_ms: duration,
            status: 'success',
            metadata: {
              ci: {
                provider: 'github-actions',
                branch: 'master',
                sha: `${i}`.padStart(40, 'b'),
                run_id: String(500 + i),
              },
            },
            error: null,
          }),
        );
      }
      const day = new Date(now).toISOString().slice(0, 10);
      // Spread over the right day files: each line goes to the file of its own UTC date.
      const byDay = new Map<string, string[]>();
      for (const line of lines) {
        const d = (JSON.parse(line) as { started_at: string }).started_at.slice(0, 10);
        byDay.set(d, [...(byDay.get(d) ?? []), line]);
      }
      for (const [d, ls] of byDay)
        writeFileSync(path.join(dir, `${d}.jsonl`), `${ls.join('\n')}\n`);
      void day;
      return ws;
    }

    it('reports slower, annotates, and passes without fail-on-regression', async () => {
      const run = await step(
        { name: 'suite', run: 'sleep 0.6', history: 'none' },
        { ws: seeded(), event: pullRequestEvent(), env: { GITHUB_RUN_ID: '4000' } },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.verdict).toBe('slower');
      expect(Number(run.outputs['change-percent'])).toBeGreaterThan(100);
      expect(commands(run.stdout, 'warning').some((w) => w.includes('suite'))).toBe(true);
      expect(run.stdout).toMatch(/::warning title=dev-metrics%3A suite regressed::/);
    });

    it('judges the newest commit of a PR: an unchanged first commit, then 50% slower on its first run', async () => {
      const ws = makeWorkspace();
      const dir = path.join(ws.workspace, '.metrics');
      // One real base-branch run of the step, through the bundle, sets the scale ...
      const base = await step(
        { name: 'suite', run: 'sleep 0.4', history: 'none' },
        { ws, event: pushEvent('master'), env: { GITHUB_RUN_ID: '4100' } },
      );
      expect(base.exitCode, base.stdout).toBe(0);
      const [real] = readHistory(dir);
      // ... and nine earlier ones around it (±3%) make ten base-branch runs with a known spread.
      const jitter = [0.02, -0.03, 0.01, -0.01, 0.03, -0.02, 0, 0.01, -0.01];
      const startMs = Date.parse(`${real!.started_at}Z`);
      const earlier = jitter.map((j, i) => {
        const duration = real!.duration_ms * (1 + j);
        const start = new Date(startMs - (9 - i + 1) * 3_600_000);
        return JSON.stringify({
          ...real,
          started_at: start.toISOString().replace('Z', ''),
          ended_at: new Date(start.getTime() + duration).toISOString().replace('Z', ''),
          duration_ms: duration,
          metadata: {
            ci: {
              ...(real!.metadata.ci as object),
              sha: `${i}`.padStart(40, 'b'),
              run_id: String(4000 + i),
            },
          },
        });
      });
      const file = path.join(
        dir,
        `${new Date(startMs - 3_600_000).toISOString().slice(0, 10)}.jsonl`,
      );
      writeFileSync(file, `${earlier.join('\n')}\n`, { flag: 'a' });

      const commit = (sha: string) => {
        const pr = pullRequestEvent();
        (pr.event.payload as { pull_request: { head: { sha: string } } }).pull_request.head.sha =
          sha;
        return pr;
      };
      const first = await step(
        { name: 'suite', run: 'sleep 0.4', history: 'none' },
        { ws, event: commit('a'.repeat(40)), env: { GITHUB_RUN_ID: '4101' } },
      );
      expect(first.exitCode, first.stdout).toBe(0);
      expect(first.outputs.verdict, first.stdout).not.toBe('slower');
      expect(first.stdout).not.toMatch(/suite regressed/);

      const second = await step(
        { name: 'suite', run: 'sleep 0.6', history: 'none' },
        { ws, event: commit('c'.repeat(40)), env: { GITHUB_RUN_ID: '4102' } },
      );
      expect(second.exitCode, second.stdout).toBe(0);
      expect(second.outputs.verdict, second.summary).toBe('slower');
      expect(Number(second.outputs['change-percent'])).toBeGreaterThan(30);
      expect(second.stdout).toMatch(/::warning title=dev-metrics%3A suite regressed::/);
      // The earlier commit's fast run is not pooled in: one run of the newest commit, vs 10 base runs.
      expect(second.summary).toContain('1 run vs 10 baseline on master');
      expect(second.summary).not.toMatch(/\\[+%.]/);
    });

    it('fails the step when fail-on-regression is true', async () => {
      const run = await step(
        { name: 'suite', run: 'sleep 0.6', history: 'none', 'fail-on-regression': 'true' },
        { ws: seeded(), event: pullRequestEvent(), env: { GITHUB_RUN_ID: '4001' } },
      );
      expect(run.exitCode).toBe(1);
      expect(commands(run.stdout, 'error').join('\n')).toContain('fail-on-regression');
      expect(
        readHistory(path.join(run.ws.workspace, '.metrics')).filter((r) => r.name === 'suite'),
      ).toHaveLength(13);
    });
  });
});
