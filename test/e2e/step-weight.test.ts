/**
 * End-to-end: what a later wrapped step of a job loads. Its main runs the command, writes the
 * record and publishes its own section; the owner restored the history. It must not pay for what
 * it does not use: node:crypto (ids, hashes and delimiters need none), node:perf_hooks,
 * node:fs/promises, node:os, and the OTLP exporter code when no endpoint is configured. Each is a measurable share of a step's
 * start-up (issue 10's budget: a later step adds at most 3× `node -e 0`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fakes/results-service.js';
import { DIST, makeWorkspace, NODE24, nodeBinaries, runJob } from '../helpers/runner.js';
import { pushEvent } from './helpers.js';

const node = nodeBinaries().at(-1)!.bin;

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub();
});
afterAll(async () => {
  await gh.stop();
});

/**
 * A preload that writes, at exit, the built-in modules the process loaded, the ES modules it
 * loaded (file URLs; Node 22.15+, module.registerHooks) and which step it was.
 */
function loadRecorder(dir: string): string {
  const code = `
    // Not import: a built-in's namespace reads all its exports (fs.promises loads a module more).
    const { writeFileSync } = process.getBuiltinModule('node:fs');
    const m = process.getBuiltinModule('node:module');
    const files = [];
    m.registerHooks?.({ load: (url, context, next) => (files.push(url), next(url, context)) });
    process.on('exit', () => writeFileSync(${JSON.stringify(dir)} + '/' + process.pid + '.json',
      JSON.stringify({
        step: process.env.INPUT_NAME,
        post: process.env.STATE_isPost === 'true',
        builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
        files: m.registerHooks ? files : null,
      })));`;
  return `--import=data:text/javascript,${encodeURIComponent(code)}`;
}

/** The bundle's chunk main runs from: the one holding runMain. */
function mainChunk(): string {
  const dist = path.dirname(DIST);
  const chunk = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .find((f) => readFileSync(path.join(dist, f), 'utf8').includes('async function runMain('));
  expect(chunk).toBeDefined();
  return chunk!;
}

describe('a later wrapped step loads only what it uses', () => {
  it('its main loads neither node:crypto, node:perf_hooks, node:fs/promises nor the OTLP exporter', async () => {
    const ws = makeWorkspace();
    const loads = path.join(ws.root, 'loads');
    mkdirSync(loads);
    const ev = pushEvent('master');
    gh.cache.ref = ev.env.GITHUB_REF ?? 'refs/heads/master';
    const run = await runJob({
      ws,
      node,
      githubToken: 'ghs_fakeToken123',
      event: ev.event,
      env: { ...gh.env(), ...ev.env, GITHUB_RUN_ID: '7001', NODE_OPTIONS: loadRecorder(loads) },
      steps: [1, 2].map((i) => ({ inputs: { name: `step_${i}`, run: `echo step ${i}` } })),
    });
    expect(run.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    expect(run.mains[1]!.summary).toContain('step\\_2');
    expect(run.mains[1]!.outputs['dashboard-path']).toBe(run.mains[0]!.outputs['dashboard-path']);
    const processes = readdirSync(loads).map(
      (f) =>
        JSON.parse(readFileSync(path.join(loads, f), 'utf8')) as {
          step: string;
          post: boolean;
          builtins: string[];
          files: string[] | null;
        },
    );
    const main2 = processes.find((p) => p.step === 'step_2' && !p.post);
    expect(main2).toBeDefined();
    expect(main2!.builtins).toContain('child_process'); // it did run the command
    // Each builtin is a module more to load (node:fs/promises ~2 ms, node:os ~0.6 ms).
    const unusedBuiltins = ['crypto', 'perf_hooks', 'internal/crypto/hash', 'http', 'https'];
    unusedBuiltins.push('fs/promises', 'internal/fs/promises', 'timers/promises', 'os');
    for (const unused of unusedBuiltins) {
      expect(main2!.builtins, unused).not.toContain(unused);
    }
    // Of the bundle, the entry and one chunk: each further chunk is one more file to resolve,
    // read and load from the compile cache.
    if (main2!.files !== null) {
      const dist = path.dirname(DIST);
      const loaded = main2!.files
        .filter((u) => u.startsWith('file:'))
        .map((u) => fileURLToPath(u))
        .filter((f) => path.dirname(f) === dist)
        .map((f) => path.basename(f));
      expect(loaded).toEqual(['index.js', mainChunk()]);
    }
  });

  it('the chunk main runs from leaves out what a later step does not run in the usual case', () => {
    // Its whole chunk is loaded (compiled, from the cache) by every later step: the benchmark
    // parsers (only with benchmark-file), the OTLP send (only with an endpoint) and the owner
    // post's comment layout and job publication belong in chunks of their own.
    const text = readFileSync(path.join(path.dirname(DIST), mainChunk()), 'utf8');
    const holds = (fns: string[]): string[] => fns.filter((fn) => text.includes(`function ${fn}(`));
    const unused = [
      'parseBenchmarks',
      'parseGoBench',
      'parseGoogleBenchmark',
      'readBenchmarkFile',
      'sameJob',
      'resolveOtlpConfig',
      'publishJob',
      'layoutComment',
      'readStoredRow',
    ];
    expect(holds(unused)).toEqual([]);
    // What a later step does run stays in it (no further chunk to load).
    const used = ['runMain', 'publishStep', 'buildCommentRow', 'toStoredRow', 'collectRunValues'];
    expect(holds(used)).toEqual(used);
  });

  it('the entry and the chunk main runs from are minified ASCII', () => {
    // A later step loads them compiled from the cache, yet still reads, decodes and hashes their
    // source: comments are dead weight there, and one non-ASCII character makes V8 keep the whole
    // source two bytes per character (scripts/minify-dist.mjs).
    const dist = path.dirname(DIST);
    const chunk = mainChunk();
    for (const file of ['index.js', chunk]) {
      const text = readFileSync(path.join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/[\u0080-\uffff]/);
      expect(text, file).not.toContain('\n/**');
    }
  });

  it('the first step caches the bundle compiled whole: a later step compiles none of it again', async () => {
    // Node's compile cache (22.1+): the runner's node24, when installed.
    if (!existsSync(NODE24)) return;
    const ws = makeWorkspace();
    const logs = path.join(ws.root, 'v8-logs');
    mkdirSync(logs);
    // V8's function events (which functions each process compiled, and how), one log per process.
    const node = path.join(ws.root, 'node-logging');
    writeFileSync(
      node,
      `#!/bin/sh\nexec '${NODE24}' --log-function-events --no-logfile-per-isolate --logfile='${logs}/%p.log' "$@"\n`,
      { mode: 0o755 },
    );
    const ev = pushEvent('master');
    gh.cache.ref = ev.env.GITHUB_REF ?? 'refs/heads/master';
    const run = await runJob({
      ws,
      node,
      githubToken: 'ghs_fakeToken123',
      event: ev.event,
      env: { ...gh.env(), ...ev.env, GITHUB_RUN_ID: '7002' },
      steps: [1, 2].map((i) => ({ inputs: { name: `step_${i}`, run: `echo step ${i}` } })),
    });
    expect(run.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    // The chunk main runs from: the one holding runMain.
    const dist = path.dirname(DIST);
    const chunk = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .find((f) => readFileSync(path.join(dist, f), 'utf8').includes('async function runMain('))!;
    // Per process that loaded it: how many of its functions V8 compiled lazily (from source).
    const lazy = readdirSync(logs).flatMap((f) => {
      const lines = readFileSync(path.join(logs, f), 'utf8').split('\n');
      const ids = new Set(
        lines
          .filter((l) => l.startsWith('script-details,') && l.includes(`/${chunk},`))
          .map((l) => l.split(',')[1]),
      );
      if (ids.size === 0) return [];
      return [
        lines.filter((l) => /^function,parse-function,(\d+),/.exec(l) && ids.has(l.split(',')[2]!))
          .length,
      ];
    });
    // main 1 (compiles and caches the chunk), main 2 and the owner's post (load it compiled).
    expect(lazy.length).toBeGreaterThanOrEqual(3);
    // Compiled lazily, every process compiled the few hundred functions it ran, again.
    expect(lazy.filter((n) => n < 20).length).toBeGreaterThanOrEqual(2);
  });
});
