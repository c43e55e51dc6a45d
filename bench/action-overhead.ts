/**
 * Action-overhead benchmark: how long the action adds around a trivial command (`run: true`) when
 * the cached history holds 10,000 records.
 *
 * The committed bundle (dist/index.js) runs as the runner runs it (test/helpers/runner.ts: main,
 * then post) against the loopback fakes of the results service (cache v2, artifacts) and the REST
 * API. The cache is seeded by one real step over a pre-filled `.metrics/`, then warmed until a
 * branch restore merges DEFAULT_MAX_ENTRIES entries (the steady state of a busy branch: every run
 * saves a new key). Variants are interleaved round-robin so that load from other processes on this
 * machine spreads evenly over them. Compiled by tsconfig.bench.json and run by bench/run.js.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTION_INPUT_DEFAULTS } from '../src/action/inputs.js';
import { pushEvent } from '../test/e2e/helpers.js';
import { startFakeGitHub, type FakeGitHub } from '../test/fakes/results-service.js';
import { DIST, makeWorkspace, NODE24, runStep, type Workspace } from '../test/helpers/runner.js';
import { prng } from '../test/helpers/prng.js';

export const RECORDS = 10_000;
export const DAYS = 30;
export const OPERATIONS = 20;
const RUNS = 7;
const WARMUPS = 4; // seed + 4 = 5 entries on the branch, what every later restore merges
const BRANCH = 'master';
const STEP_NAME = 'unit_tests';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- synthetic history

/** Python isoformat of an epoch in ms, microsecond precision, fraction omitted when zero. */
function pythonIso(ms: number): string {
  const base = new Date(ms).toISOString().slice(0, 19);
  const micros = Math.round((ms % 1000) * 1000);
  return micros === 0 ? base : `${base}.${String(micros).padStart(6, '0')}`;
}

function operationNames(): string[] {
  const names = [STEP_NAME, 'integration_tests', 'lint', 'typecheck', 'e2e_tests'];
  for (const target of ['api', 'web', 'worker', 'cli', 'docs'])
    names.push(`build_${target}`, `package_${target}`);
  for (const extra of ['deploy_staging', 'migrate_db', 'audit', 'bundle_size', 'smoke_tests'])
    names.push(extra);
  return names.slice(0, OPERATIONS);
}

/**
 * RECORDS records over the last DAYS UTC days (one file per day), OPERATIONS operations, each with
 * the `metadata.ci` the action writes: 70% pushes to master, 30% pull requests from feature branches.
 */
export function writeHistory(
  metricsDir: string,
  now: number,
  records = RECORDS,
): { records: number; bytes: number } {
  const random = prng(42);
  const ops = operationNames().map((name, i) => ({ name, baseMs: 2_000 + i * 4_000 }));
  const firstDay = Math.floor(now / DAY_MS) * DAY_MS - (DAYS - 1) * DAY_MS;
  const byDay = new Map<string, { start: number; line: string }[]>();
  const perRun = OPERATIONS / 2; // a run records half the operations
  for (let i = 0; i < records; i++) {
    const run = Math.floor(i / perRun);
    const day = Math.floor((i / records) * DAYS);
    // Spread over the day, but never into the future (today's file ends an hour before now).
    const dayEnd = Math.min(firstDay + (day + 1) * DAY_MS, now - 3_600_000);
    const start = firstDay + day * DAY_MS + random() * (dayEnd - firstDay - day * DAY_MS) * 0.999;
    const op = ops[(run * 7 + (i % perRun) * 3) % OPERATIONS]!;
    const duration = Math.round(op.baseMs * (0.85 + random() * 0.3) * 1000) / 1000;
    const failed = random() < 0.04;
    const pr = run % 10 >= 7;
    const branch = pr ? `feature-${run % 23}` : BRANCH;
    const ci = {
      provider: 'github-actions',
      repository: 'Codertocat/Hello-World',
      server_url: 'https://github.com',
      sha: (run * 2654435761).toString(16).padStart(40, '0').slice(-40),
      ref: pr ? `refs/pull/${run % 97}/merge` : `refs/heads/${BRANCH}`,
      branch,
      event: pr ? 'pull_request' : 'push',
      ...(pr ? { pr_number: run % 97, base_branch: BRANCH } : {}),
      default_branch: BRANCH,
      workflow: 'CI',
      job: 'test',
      run_id: String(100_000 + run),
      run_attempt: 1,
      runner_os: 'Linux',
      runner_arch: 'X64',
      exit_code: failed ? 1 : 0,
    };
    const line = JSON.stringify({
      name: op.name,
      started_at: pythonIso(start),
      ended_at: pythonIso(start + duration),
      duration_ms: duration,
      status: failed ? 'failed' : 'success',
      metadata: { ci },
      error: failed ? `${op.name} failed: exit code 1` : null,
    });
    const file = `${new Date(start).toISOString().slice(0, 10)}.jsonl`;
    byDay.set(file, [...(byDay.get(file) ?? []), { start, line }]);
  }
  mkdirSync(metricsDir, { recursive: true });
  let bytes = 0;
  for (const [file, rows] of byDay) {
    const text = `${rows
      .sort((a, b) => a.start - b.start)
      .map((r) => r.line)
      .join('\n')}\n`;
    writeFileSync(path.join(metricsDir, file), text);
    bytes += Buffer.byteLength(text);
  }
  return { records, bytes };
}

// ---------------------------------------------------------------- measurement

interface Sample {
  totalMs: number;
  /** Start → the "restored" line; restored → "saved"; saved → main exit; main exit → post exit. */
  phases: [number, number, number, number] | null;
  restoredEntries: number | null;
}

interface Variant {
  label: string;
  samples: Sample[];
  measure: () => Promise<Sample>;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of one process from spawn to exit (stdout/stderr discarded). */
function timeProcess(bin: string, args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${bin} ${args.join(' ')} exited ${code}`));
      else resolve({ totalMs: performance.now() - t0, phases: null, restoredEntries: null });
    });
  });
}

class StepFailure extends Error {}

interface StepOptions {
  gh: FakeGitHub;
  node: string;
  runId: number;
  artifact: boolean;
  ws?: Workspace;
}

/** One complete step (main + post) of `run: true` on a fresh runner; the workspace is removed. */
async function timeStep(o: StepOptions): Promise<Sample> {
  const ws = o.ws ?? makeWorkspace();
  const ev = pushEvent(BRANCH);
  // The cache service scopes each new entry to the run's ref: it must be the ref the bench runs
  // on, or the listing's scope filter drops every entry and nothing is restored.
  o.gh.cache.ref = ev.env.GITHUB_REF!;
  const marks: { restored?: number; saved?: number; mainExit?: number } = {};
  let restoredEntries: number | null = null;
  // Each run is a new workflow run: artifact names are unique per run, not across runs.
  o.gh.artifacts.state.artifacts.length = 0;
  try {
    const t0 = performance.now();
    const run = await runStep({
      ws,
      node: o.node,
      // The runner passes every input, action.yml's defaults for those the workflow leaves out.
      inputs: {
        ...ACTION_INPUT_DEFAULTS,
        name: STEP_NAME,
        run: 'true',
        'github-token': 'ghs_fakeToken123',
        ...(o.artifact ? {} : { 'dashboard-artifact': '' }),
      },
      event: ev.event,
      env: { ...o.gh.env(), ...ev.env, GITHUB_RUN_ID: String(o.runId) },
      onSpawn: (child) => {
        // The runner reads main's output as it comes; each line's arrival marks a phase's end.
        child.stdout?.on('data', (d: Buffer) => {
          const text = d.toString();
          const restored = /dev-metrics: restored (\d+) history cache entr/.exec(text);
          if (restored) {
            marks.restored = performance.now();
            restoredEntries = Number(restored[1]);
          }
          if (text.includes('dev-metrics: saved the history')) marks.saved = performance.now();
        });
        child.on('close', () => (marks.mainExit = performance.now()));
      },
    });
    const t1 = performance.now();
    const warnings = run.stdout.split('\n').filter((l) => /^::(warning|error)/.test(l));
    if (run.exitCode !== 0 || run.post?.exitCode !== 0 || warnings.length > 0) {
      throw new StepFailure(
        `step on ${o.node} (run ${o.runId}) exited ${run.exitCode}/${run.post?.exitCode}: ` +
          `${warnings[0] ?? run.stderr.trim().split('\n')[0] ?? ''}`,
      );
    }
    if (o.artifact && !o.gh.artifacts.state.artifacts.some((a) => a.finalized)) {
      throw new StepFailure(`step on ${o.node} (run ${o.runId}) uploaded no dashboard artifact`);
    }
    const { restored, saved, mainExit } = marks;
    const phases: Sample['phases'] =
      restored !== undefined && saved !== undefined && mainExit !== undefined
        ? [restored - t0, saved - restored, mainExit - saved, t1 - mainExit]
        : null;
    return { totalMs: t1 - t0, phases, restoredEntries };
  } finally {
    rmSync(ws.root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

const ms = (v: number) => v.toFixed(0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r, i) =>
      r
        .map((cell, c) =>
          c === 0 || i === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function report(variants: Variant[], floorMs: number): string {
  const rows = [
    [
      'variant',
      'median ms',
      'min ms',
      'overhead ms',
      'start+restore',
      'run+save',
      'reports+exit',
      'post',
      'entries',
    ],
  ];
  for (const v of variants) {
    const totals = v.samples.map((s) => s.totalMs);
    const phased = v.samples.flatMap((s) => (s.phases ? [s.phases] : []));
    const phase = (i: number) => (phased.length ? ms(median(phased.map((p) => p[i]!))) : '');
    const entries = v.samples.flatMap((s) =>
      s.restoredEntries === null ? [] : [s.restoredEntries],
    );
    const isFloor = v === variants[0];
    rows.push([
      v.label,
      ms(median(totals)),
      ms(Math.min(...totals)),
      isFloor ? '—' : ms(median(totals) - floorMs),
      phase(0),
      phase(1),
      phase(2),
      phase(3),
      entries.length ? String(median(entries)) : '',
    ]);
  }
  return table(rows);
}

// ---------------------------------------------------------------- entry

/** Runs the benchmark and prints the figures; false when a step failed or the bundle is missing. */
export async function run(): Promise<boolean> {
  console.log(
    `Action overhead: complete step (main + post) of \`run: true\`, ${RECORDS.toLocaleString('en')} ` +
      `records of history in the cache, median/min of ${RUNS}`,
  );
  if (!existsSync(DIST)) {
    console.error(`action overhead: ${DIST} is missing; run \`npm run package\` first.`);
    return false;
  }
  const nodes = [{ label: `node ${process.versions.node}`, bin: process.execPath }];
  if (existsSync(NODE24)) nodes.push({ label: 'node 24', bin: NODE24 });
  else console.log(`(no Node 24 binary at ${NODE24}: run scripts/install-node24.sh to include it)`);

  const started = performance.now();
  const gh = await startFakeGitHub();
  try {
    // Seed: one real step over a pre-filled .metrics/ restores (nothing), appends and saves.
    const seedWs = makeWorkspace();
    const history = writeHistory(path.join(seedWs.workspace, '.metrics'), Date.now());
    const dayFiles = readdirSync(path.join(seedWs.workspace, '.metrics')).length;
    let runId = 5_000;
    await timeStep({ gh, node: process.execPath, runId: runId++, artifact: false, ws: seedWs });
    const seedEntry = gh.cache.entries.find((e) => e.finalized);
    for (let i = 0; i < WARMUPS; i++) {
      await timeStep({ gh, node: nodes[i % nodes.length]!.bin, runId: runId++, artifact: false });
    }

    // A bench must exercise what it claims: the steady state restores the seeded history.
    const probe = await timeStep({ gh, node: process.execPath, runId: runId++, artifact: false });
    if (!probe.restoredEntries) {
      throw new StepFailure(
        'the warmed-up cache restored no entry: the bench would measure an empty history',
      );
    }

    const floor: Variant = {
      label: 'floor: bash --noprofile --norc -eo pipefail -c true',
      samples: [],
      measure: () =>
        timeProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', 'true']),
    };
    const variants: Variant[] = [floor];
    for (const n of nodes) {
      variants.push({
        label: `${n.label}: node -e 0`,
        samples: [],
        measure: () => timeProcess(n.bin, ['-e', '0']),
      });
    }
    for (const n of nodes) {
      for (const artifact of [false, true]) {
        variants.push({
          label: `${n.label}: step, ${artifact ? 'dashboard artifact uploaded' : "dashboard-artifact ''"}`,
          samples: [],
          measure: () => timeStep({ gh, node: n.bin, runId: runId++, artifact }),
        });
      }
    }
    for (let i = 0; i < RUNS; i++) {
      for (const v of variants) v.samples.push(await v.measure());
    }

    const floorMs = median(floor.samples.map((s) => s.totalMs));
    const newest = gh.cache.entries.filter((e) => e.finalized).at(-1);
    console.log(
      `history: ${history.records.toLocaleString('en')} records in ${dayFiles} day files, ` +
        `${OPERATIONS} operations, ${kb(history.bytes)} of JSONL; cache archive ` +
        `${kb(seedEntry?.size_in_bytes ?? 0)} (seed entry), ${kb(newest?.size_in_bytes ?? 0)} ` +
        `(newest); ${gh.cache.entries.length} entries on the branch at the end`,
    );
    console.log(report(variants, floorMs));
    console.log(
      'overhead = median − floor median. Phases (medians, ms): start+restore = start → the ' +
        '"restored" line (node start, bundle load, list + restore + merge of `entries` cache ' +
        'entries); run+save = → "saved" (command, record, prune, archive + upload); ' +
        'reports+exit = → main exits (verdict, summary, dashboard, artifact); post = the post step.',
    );
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const { runJobBench } = await import('./job-overhead.js');
    const { runFootprintBench } = await import('./cache-footprint.js');
    const jobOk = await runJobBench();
    return runFootprintBench() && jobOk;
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    console.error(`action overhead: ${error.message}`);
    return false;
  } finally {
    await gh.stop();
  }
}
