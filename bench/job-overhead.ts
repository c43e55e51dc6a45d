/**
 * Job-overhead benchmark: what wrapped steps cost when the job is the unit. Whole processes (the
 * bundle's main, then post, as the runner runs them, test/helpers/runner.ts `runJob`) against the
 * loopback fakes behind a proxy that adds a delay to every call (0 and 100 ms): the results
 * service (cache and artifact Twirp), the REST API, and the cache's blob transfers. A 10,000-record
 * history sits in the cache (a snapshot plus a few deltas, the steady state).
 *
 * Targets (issue 10): the calls of a job do not grow with its number of wrapped steps; a non-first
 * wrapped step (main + post) adds ≤ 3× `node -e 0`; the first step adds ≤ 1.0 s + 6 round trips;
 * main stays under 150 MB RSS at 100,000 records.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTION_INPUT_DEFAULTS } from '../src/action/inputs.js';
import { pushEvent } from '../test/e2e/helpers.js';
import { listen } from '../test/fakes/http.js';
import { startFakeGitHub, type FakeGitHub } from '../test/fakes/results-service.js';
import { makeWorkspace, NODE24, runJob, type StepRun } from '../test/helpers/runner.js';
import { writeHistory } from './action-overhead.js';

const SAMPLES = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeProcess(bin: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t0));
  });
}

/** Forwards to `target` after `delay.ms`, counting each call. */
async function delayProxy(target: string, delay: { ms: number }, count: { n: number }) {
  return listen((req, res) => {
    count.n++;
    setTimeout(() => {
      const url = new URL(req.url ?? '/', target);
      const upstream = http.request(
        url,
        { method: req.method, headers: { ...req.headers, host: url.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(upstream);
    }, delay.ms);
  });
}

interface JobSample {
  first: number;
  firstParts: [number, number];
  nonFirst: number[];
  nonFirstParts: Array<[number, number]>;
  calls: number;
  restored: boolean;
}

class BenchFailure extends Error {}

export async function runJobBench(): Promise<boolean> {
  const node = existsSync(NODE24) ? NODE24 : process.execPath;
  console.log('');
  console.log(
    `Job overhead (${path.basename(path.dirname(path.dirname(node)))} ${node === NODE24 ? 'node 24' : process.version}): ` +
      `whole processes, 10,000 records in the cache, median of ${SAMPLES}`,
  );
  const gh: FakeGitHub = await startFakeGitHub();
  const delay = { ms: 0 };
  const count = { n: 0 };
  const results = await delayProxy(gh.resultsUrl, delay, count);
  const api = await delayProxy(gh.api.url, delay, count);
  const blobCalls = () =>
    gh.cache.requests.filter((r) => r.endpoint === 'BlobDownload' || r.endpoint === 'BlobUpload')
      .length;
  const env = {
    ...gh.env(),
    ACTIONS_RESULTS_URL: `${results.origin}/`,
    GITHUB_API_URL: api.origin,
  };
  let runId = 90_000;
  const job = async (
    branch: string,
    steps: number,
    o: {
      ws?: ReturnType<typeof makeWorkspace>;
      extraEnv?: Record<string, string>;
      artifact?: boolean;
    } = {},
  ) => {
    const ws = o.ws ?? makeWorkspace();
    const ev = pushEvent(branch);
    gh.cache.ref = ev.env.GITHUB_REF!;
    gh.artifacts.state.artifacts.length = 0;
    const calls0 = count.n + blobCalls();
    try {
      const run = await runJob({
        ws,
        node,
        githubToken: 'ghs_fakeToken123',
        event: ev.event,
        env: { ...env, ...ev.env, GITHUB_RUN_ID: String(runId++), ...o.extraEnv },
        steps: Array.from({ length: steps }, (_, i) => ({
          inputs: {
            ...ACTION_INPUT_DEFAULTS,
            name: `step_${i + 1}`,
            run: 'true',
            'github-token': 'ghs_fakeToken123',
            // One history per branch: the fake does not scope restores to refs as GitHub does.
            'cache-key': `bench-${branch}`,
            ...(o.artifact === false ? { 'dashboard-artifact': '' } : {}),
          },
        })),
        timeoutMs: 120_000,
      });
      const all: StepRun[] = [...run.mains, ...run.posts];
      const bad = all.find((s) => s.exitCode !== 0 || /^::(warning|error)/m.test(s.stdout));
      if (bad) {
        throw new BenchFailure(
          `job on ${branch}: exit ${bad.exitCode}: ` +
            `${bad.stdout.split('\n').find((l) => /^::(warning|error)/.test(l)) ?? bad.stderr}`,
        );
      }
      return {
        run,
        calls: count.n + blobCalls() - calls0,
        restored: /restored [1-9]\d* history cache entr/.test(run.mains[0]!.stdout),
      };
    } finally {
      rmSync(ws.root, { recursive: true, force: true });
    }
  };

  try {
    const floor = median(
      await Promise.all(
        [0, 1, 2, 3, 4].map(() =>
          timeProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', 'true']),
        ),
      ),
    );
    // `node -e 0` is timed beside every sample too (the yardstick drifts with the machine as the
    // steps do); its median over all of them is the one the target uses.
    const nodeE: number[] = [];
    const timeNode = async (n: number) => {
      for (let i = 0; i < n; i++) nodeE.push(await timeProcess(node, ['-e', '0']));
    };
    await timeNode(5);
    const rows: string[][] = [
      [
        'delay',
        'first step ms',
        'target',
        'main+post',
        'non-first step ms',
        'target',
        'main+post',
        'calls: 1-step job',
        '5-step job',
      ],
    ];
    let ok = true;
    for (const ms of [0, 100]) {
      delay.ms = 0;
      gh.cache.faults.clear();
      // Two branches in the same state (a snapshot and three deltas): 1-step and 5-step jobs.
      const branch = `job-bench-${ms}`;
      for (const b of [branch, `${branch}-5`]) {
        const seed = makeWorkspace();
        writeHistory(path.join(seed.workspace, '.metrics'), Date.now());
        await job(b, 1, { ws: seed, artifact: false });
        for (let i = 0; i < 3; i++) await job(b, 1);
      }
      delay.ms = ms;
      if (ms > 0) {
        gh.cache.faults.set('BlobDownload', { delayMs: ms }).set('BlobUpload', { delayMs: ms });
      }
      const samples: JobSample[] = [];
      const calls5: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const one = await job(branch, 1);
        await timeNode(3);
        const five = await job(`${branch}-5`, 5);
        await timeNode(3);
        if (!one.restored || !five.restored) {
          throw new BenchFailure(`the job on ${branch} restored no history entry`);
        }
        samples.push({
          first: one.run.mains[0]!.wallMs + one.run.posts[0]!.wallMs - floor,
          firstParts: [one.run.mains[0]!.wallMs, one.run.posts[0]!.wallMs],
          nonFirstParts: [1, 2, 3, 4].map((k) => [
            five.run.mains[k]!.wallMs,
            five.run.posts[k]!.wallMs,
          ]),
          nonFirst: [1, 2, 3, 4].map(
            (k) => five.run.mains[k]!.wallMs + five.run.posts[k]!.wallMs - floor,
          ),
          calls: one.calls,
          restored: one.restored,
        });
        calls5.push(five.calls);
      }
      const first = median(samples.map((s) => s.first));
      const nonFirst = median(samples.flatMap((s) => s.nonFirst));
      const firstTarget = 1000 + 6 * ms;
      const nodeFloor = median(nodeE);
      const nonFirstTarget = 3 * nodeFloor;
      rows.push([
        `${ms} ms`,
        first.toFixed(0),
        `≤ ${firstTarget}${first <= firstTarget ? '' : ' MISSED'}`,
        `${median(samples.map((s) => s.firstParts[0])).toFixed(0)}+${median(samples.map((s) => s.firstParts[1])).toFixed(0)}`,
        `${nonFirst.toFixed(0)} (${(nonFirst / nodeFloor).toFixed(1)}×)`,
        `≤ ${nonFirstTarget.toFixed(0)}${nonFirst <= nonFirstTarget ? '' : ' MISSED'}`,
        `${median(samples.flatMap((s) => s.nonFirstParts.map((p) => p[0]))).toFixed(0)}+${median(samples.flatMap((s) => s.nonFirstParts.map((p) => p[1]))).toFixed(0)}`,
        String(median(samples.map((s) => s.calls))),
        String(median(calls5)),
      ]);
      if (median(calls5) > median(samples.map((s) => s.calls))) ok = false;
    }
    delay.ms = 0;
    gh.cache.faults.clear();

    // Peak RSS of main at 100,000 records: each process appends "maxRSS restoreRSS" (KiB) at
    // exit, restoreRSS being the peak sampled until the "restored" line (the merge's share; the
    // rest of main is the command and the step's report).
    const rssFile = path.join(makeWorkspace().root, 'rss');
    const probe = `${rssFile}.cjs`;
    writeFileSync(
      probe,
      [
        "const fs = require('node:fs');",
        'let peak = 0, restored = 0;',
        'const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));',
        'setInterval(sample, 5).unref();',
        'const write = process.stdout.write.bind(process.stdout);',
        'process.stdout.write = (chunk, ...rest) => {',
        "  if (!restored && String(chunk).includes('dev-metrics: restored')) restored = sample();",
        '  return write(chunk, ...rest);',
        '};',
        `process.on('exit', () => fs.appendFileSync(${JSON.stringify(rssFile)}, ` +
          '`${process.resourceUsage().maxRSS} ${Math.round(restored / 1024)}\\n`));',
      ].join('\n'),
    );
    const big = makeWorkspace();
    writeHistory(path.join(big.workspace, '.metrics'), Date.now(), 100_000);
    await job('job-bench-100k', 1, { ws: big, artifact: false });
    writeFileSync(rssFile, '');
    const t0 = performance.now();
    const large = await job('job-bench-100k', 1, {
      artifact: false,
      extraEnv: { NODE_OPTIONS: `--require ${probe}` },
    });
    const largeMs = performance.now() - t0;
    const [main = [], post = []] = readFileSync(rssFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    const [mainKb = 0, restoreKb = 0] = main;
    const [postKb = 0] = post;
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    console.log(rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
    console.log(
      `floor (bash true) ${floor.toFixed(0)} ms; node -e 0 ${median(nodeE).toFixed(0)} ms (median of ${nodeE.length}, timed between the jobs). first step = ` +
        'main + post of a 1-step job (restore, record, save, dashboard artifact) − floor; ' +
        'non-first = main + post of steps 2–5 of a 5-step job − floor. Calls: every request ' +
        'through the delay proxy (cache and artifact RPCs, REST) plus cache blob transfers.',
    );
    console.log(
      `100,000 records: peak RSS main ${(mainKb / 1024).toFixed(0)} MiB (target < 150; ` +
        `${(restoreKb / 1024).toFixed(0)} MiB until the restore's merge ended), post ` +
        `${(postKb / 1024).toFixed(0)} MiB; the 1-step job took ${largeMs.toFixed(0)} ms` +
        `${large.restored ? '' : ' (RESTORED NOTHING)'}.`,
    );
    if (!large.restored) ok = false;
    rmSync(path.dirname(rssFile), { recursive: true, force: true });
    return ok;
  } catch (error) {
    if (!(error instanceof BenchFailure)) throw error;
    console.error(`job overhead: ${error.message}`);
    return false;
  } finally {
    await results.close();
    await api.close();
    await gh.stop();
  }
}
