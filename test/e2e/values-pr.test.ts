/**
 * End-to-end of value verdicts on a pull request (issue 13 point 4): the bundle (dist/index.js) run
 * as the runner runs it, against the loopback REST fake. A base-branch history of a step whose
 * command writes a bigger-is-better value (throughput, ops/s), a smaller-is-better one (bundle_kb)
 * and a customBiggerIsBetter benchmark file (github-action-benchmark's own fixture); then a PR
 * commit where throughput and the benchmark's throughput drop 20% and bundle_kb grows 20%: the job
 * summary and the sticky comment say "worse" for those values and nothing changes for the
 * duration; a second commit that restores them says no change (or better).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fakes/results-service.js';
import { ROOT, makeWorkspace, nodeBinaries, runStep, type Workspace } from '../helpers/runner.js';
import { commands, pullRequestEvent, pushEvent, readHistory } from './helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/benchmarks/gab-customBiggerIsBetter_output.json');
/** The fixture's first benchmark: 70 req/s, bigger is better. */
const BENCH = 'My Custom Bigger Is Better Benchmark - Throughput';

interface Levels {
  throughput: number;
  bundleKb: number;
  /** Factor applied to the fixture's throughput benchmark (its other one stays as it is). */
  bench: number;
}

const BASE: Levels = { throughput: 1000, bundleKb: 500, bench: 1 };

describe.each(nodeBinaries())('value verdicts on a pull request on $label', ({ bin }) => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await startFakeGitHub();
  });
  afterAll(async () => {
    await gh.stop();
  });

  /** The step: values through $DEV_METRICS_VALUES and a benchmark file, ~1 s of work. */
  function step(ws: Workspace, levels: Levels, ev: ReturnType<typeof pushEvent>, runId: string) {
    const bench = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { value: number }[]).map((b, i) =>
      i === 0 ? { ...b, value: b.value * levels.bench } : b,
    );
    writeFileSync(path.join(ws.workspace, 'bench-in.json'), JSON.stringify(bench));
    gh.cache.ref = ev.env.GITHUB_REF ?? 'refs/heads/master';
    return runStep({
      ws,
      node: bin,
      githubToken: 'ghs_fakeToken123',
      inputs: {
        name: 'bench',
        run: [
          `echo "throughput=${levels.throughput} ops/s" >> "$DEV_METRICS_VALUES"`,
          `echo "bundle_kb=${levels.bundleKb} KB" >> "$DEV_METRICS_VALUES"`,
          'cp bench-in.json bench.json',
          'sleep 1', // long enough for a busy machine's jitter to stay under the 10% threshold
        ].join('\n'),
        history: 'none',
        'dashboard-artifact': '',
        'benchmark-file': 'bench.json',
        'benchmark-tool': 'customBiggerIsBetter',
      },
      event: ev.event,
      env: { ...gh.env(), ...ev.env, GITHUB_RUN_ID: runId },
    });
  }

  /** A PR event whose head is commit `sha`. */
  function commit(sha: string) {
    const pr = pullRequestEvent();
    (pr.event.payload as { pull_request: { head: { sha: string } } }).pull_request.head.sha = sha;
    return pr;
  }

  it('a 20% drop of a bigger-is-better value (and +20% of a smaller-is-better one) is worse; restored, it is not', async () => {
    const ws = makeWorkspace();
    const dir = path.join(ws.workspace, '.metrics');
    // One real base-branch run through the bundle sets the record's shape ...
    const base = await step(ws, BASE, pushEvent('master'), '7100');
    expect(base.exitCode, base.stdout).toBe(0);
    const [real] = readHistory(dir);
    const values = real!.metadata.values as Record<string, number>;
    expect(values).toMatchObject({ throughput: 1000, bundle_kb: 500, [BENCH]: 70 });
    // ... and eleven earlier ones around it (±2%) make twelve base-branch runs.
    const jitter = [0.02, -0.01, 0.01, -0.02, 0, 0.015, -0.015, 0.005, -0.005, 0.01, -0.01];
    const startMs = Date.parse(`${real!.started_at}Z`);
    const earlier = jitter.map((j, i) => {
      const start = new Date(startMs - (jitter.length - i) * 3_600_000);
      const duration = real!.duration_ms * (1 - j / 2);
      return JSON.stringify({
        ...real,
        started_at: start.toISOString().replace('Z', ''),
        ended_at: new Date(start.getTime() + duration).toISOString().replace('Z', ''),
        duration_ms: duration,
        metadata: {
          ...real!.metadata,
          ci: {
            ...(real!.metadata.ci as object),
            sha: `${i}`.padStart(40, 'b'),
            run_id: String(7000 + i),
          },
          values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, Number((v * (1 + j)).toPrecision(6))]),
          ),
        },
      });
    });
    const file = path.join(
      dir,
      `${new Date(startMs - 3_600_000).toISOString().slice(0, 10)}.jsonl`,
    );
    writeFileSync(file, `${earlier.join('\n')}\n`, { flag: 'a' });

    gh.api.state.comments = [];
    const comments = () => gh.api.commentsOn('Codertocat', 'Hello-World', 2);

    // The PR's first commit: throughput and the benchmark's throughput −20%, bundle +20%.
    const worse = await step(
      ws,
      { throughput: 800, bundleKb: 600, bench: 0.8 },
      commit('a'.repeat(40)),
      '7101',
    );
    expect(worse.exitCode, worse.stdout).toBe(0); // fail-on-regression is off
    expect(JSON.parse(worse.outputs['values-verdicts']!), worse.summary).toEqual({
      throughput: 'worse',
      bundle_kb: 'worse',
      [BENCH]: 'worse',
      'My Custom Bigger Is Better Benchmark - Free Memory': 'no change',
    });
    // The duration is judged apart, on its own numbers: the values change nothing there.
    expect(['no change', 'faster', 'not enough data']).toContain(worse.outputs.verdict);
    expect(worse.stdout).not.toMatch(/bench regressed::/);
    const warnings = commands(worse.stdout, 'warning');
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bench › throughput is worse than on master: −(19|20)\.\d%25 worse/),
        expect.stringMatching(/^bench › bundle_kb is worse than on master: \+(19|20)\.\d%25 worse/),
      ]),
    );
    expect(worse.stdout).toMatch(/::warning title=dev-metrics%3A bench › throughput regressed::/);
    // The job summary: a Values table with this run's value, the base median and the verdict.
    expect(worse.summary).toMatch(
      /\| throughput \| 800 ops.*\| -(19|20)\.\d% \| 👎 worse \| bigger \|/,
    );
    expect(worse.summary).toMatch(
      /\| bundle\\_kb \| 600 KB .*\| \+(19|20)\.\d% \| 👎 worse \| smaller \|/,
    );
    // The sticky comment: the duration's row and a row per value, the dropped ones worse.
    expect(comments()).toHaveLength(1);
    const body = comments()[0]!.body;
    const rowOf = (name: string) => body.split('\n').find((l) => l.startsWith(`| ✅ ${name} |`));
    expect(rowOf('bench'), body).toBeDefined();
    expect(rowOf('bench')).not.toMatch(/slower|worse/);
    expect(rowOf('bench › throughput'), body).toMatch(/800 ops.*-(19|20)\.\d% \| 👎 worse/);
    expect(rowOf('bench › bundle\\_kb'), body).toMatch(/600 KB.*\+(19|20)\.\d% \| 👎 worse/);
    expect(rowOf(`bench › ${BENCH.replace('-', '\\-')}`), body).toMatch(/56 req.*👎 worse/);

    // A second commit restores the values: the comment is updated in place, nothing is worse.
    const restored = await step(ws, BASE, commit('c'.repeat(40)), '7102');
    expect(restored.exitCode, restored.stdout).toBe(0);
    const after = JSON.parse(restored.outputs['values-verdicts']!) as Record<string, string>;
    expect(Object.keys(after).sort()).toEqual(Object.keys(values).sort());
    for (const [name, verdict] of Object.entries(after)) {
      expect(['no change', 'better'], `${name}: ${restored.summary}`).toContain(verdict);
    }
    expect(restored.stdout).not.toMatch(/is worse than/);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).not.toMatch(/👎 worse/);
    expect(restored.summary).not.toMatch(/👎 worse/);
  });

  it('fail-on-regression: a worse value fails the step, its record kept', async () => {
    const ws = makeWorkspace();
    const dir = path.join(ws.workspace, '.metrics');
    const base = await step(ws, BASE, pushEvent('master'), '7200');
    expect(base.exitCode, base.stdout).toBe(0);
    const [real] = readHistory(dir);
    const startMs = Date.parse(`${real!.started_at}Z`);
    const earlier = [0.02, -0.01, 0.01, -0.02, 0, 0.015, -0.015, 0.005, -0.005].map((j, i) => {
      const start = new Date(startMs - (9 - i) * 3_600_000);
      const values = real!.metadata.values as Record<string, number>;
      return JSON.stringify({
        ...real,
        started_at: start.toISOString().replace('Z', ''),
        ended_at: new Date(start.getTime() + real!.duration_ms).toISOString().replace('Z', ''),
        metadata: {
          ...real!.metadata,
          ci: { ...(real!.metadata.ci as object), sha: `${i}`.padStart(40, 'b') },
          values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v * (1 + j)])),
        },
      });
    });
    const file = path.join(
      dir,
      `${new Date(startMs - 3_600_000).toISOString().slice(0, 10)}.jsonl`,
    );
    writeFileSync(file, `${earlier.join('\n')}\n`, { flag: 'a' });
    const ev = commit('d'.repeat(40));
    gh.cache.ref = ev.env.GITHUB_REF!;
    const run = await runStep({
      ws,
      node: bin,
      githubToken: 'ghs_fakeToken123',
      inputs: {
        name: 'bench',
        run: 'echo "bundle_kb=600 KB" >> "$DEV_METRICS_VALUES"; sleep 0.3',
        history: 'none',
        comment: 'false',
        'dashboard-artifact': '',
        'fail-on-regression': 'true',
      },
      event: ev.event,
      env: { ...gh.env(), ...ev.env, GITHUB_RUN_ID: '7201' },
    });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(commands(run.stdout, 'error').join('\n')).toMatch(
      /bench › bundle_kb is worse: .*\(fail-on-regression is true\)/,
    );
    expect(readHistory(dir).filter((r) => r.name === 'bench')).toHaveLength(11);
  });
});
