/**
 * The action's values (issue 13), in process with the typed runner fixture (test/fixtures/core.ts):
 * a wrapped step appends lines to $DEV_METRICS_VALUES and writes a benchmark result file; both end
 * up in its record. What cannot be read is one warning naming the input or line, and never changes
 * the step's outcome or stops its record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_INPUT_DEFAULTS } from '../../src/action/inputs.js';
import { newStep, runner } from '../fixtures/core.js';
import { readHistory } from '../e2e/helpers.js';

vi.mock('@actions/core', () => import('../fixtures/core.js'));
vi.mock('../../src/action/runner-io.js', () => import('../fixtures/core.js'));
vi.mock('../../src/action/history.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/action/history.js')>();
  return {
    ...real,
    restoreHistory: vi.fn().mockResolvedValue({ mode: 'skipped', restoredKeys: [], addedLines: 0 }),
    saveHistory: vi.fn().mockResolvedValue({ saved: true, key: 'k' }),
  };
});

const { runMain } = await import('../../src/action/main.js');

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/benchmarks',
);

let root: string;
let workspace: string;
let temp: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'main-values-'));
  workspace = path.join(root, 'ws');
  temp = path.join(root, 'temp');
  fs.mkdirSync(path.join(workspace, 'rust'), { recursive: true });
  fs.mkdirSync(temp);
  for (const [k, v] of Object.entries({
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo/repo',
    RUNNER_OS: 'Linux',
    GITHUB_EVENT_PATH: '',
    ACTIONS_RUNTIME_TOKEN: '',
  }))
    vi.stubEnv(k, v);
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  fs.rmSync(root, { recursive: true, force: true });
});

async function main(given: Record<string, string>) {
  newStep({ ...ACTION_INPUT_DEFAULTS, 'github-token': '', history: 'none', ...given });
  await runMain();
  return structuredClone({ ...runner, exitCode: process.exitCode });
}

const records = () => readHistory(path.join(workspace, '.metrics'));
const warnings = (step: { log: { level: string; message: string }[] }) =>
  step.log.filter((l) => l.level === 'warning').map((l) => l.message);

describe('values of a wrapped step', () => {
  it('reads the DEV_METRICS_VALUES lines and the benchmark file into the record', async () => {
    const bench = path.join(FIXTURES, 'cargo-nightly-bench.txt');
    fs.mkdirSync(path.join(workspace, 'rust', 'out'));
    const ok = await main({
      name: 'bench',
      'working-directory': 'rust', // benchmark-file is relative to it, where the command runs
      run: [
        'echo "binary_kb=812.5 KB" >> "$DEV_METRICS_VALUES"',
        'echo "this is not a value" >> "$DEV_METRICS_VALUES"',
        'echo "cache_hit_ratio=0.93 bigger-is-better" >> "$DEV_METRICS_VALUES"',
        `cp '${bench}' out/bench.txt`,
      ].join('\n'),
      'benchmark-file': 'out/bench.txt',
      'benchmark-tool': 'cargo',
    });
    expect(ok.failed).toEqual([]);
    expect(ok.outputs.status).toBe('success');
    expect(warnings(ok)).toEqual([
      'dev-metrics: DEV_METRICS_VALUES line 2: expected name=number [unit], got "this is not a value"; line skipped: "this is not a value"',
    ]);
    const [record] = records();
    expect(record?.status).toBe('success');
    expect(record?.metadata['values']).toEqual({
      binary_kb: 812.5,
      cache_hit_ratio: 0.93,
      'tests::bench_fib_10': 484.15,
      'tests::bench_fib_20': 40203.73,
      'tests::bench_sum_1000': 1.21,
    });
    expect(record?.metadata['value_info']).toMatchObject({
      binary_kb: { unit: 'KB', better: 'smaller' },
      cache_hit_ratio: { better: 'bigger' },
      'tests::bench_fib_10': { unit: 'ns/iter', better: 'smaller' },
    });
    expect(record?.metadata['ci']).toBeDefined();
    // The value file is gone from RUNNER_TEMP.
    expect(fs.readdirSync(temp).filter((f) => f.startsWith('dev-metrics-values-'))).toEqual([]);
  });

  it('a missing benchmark file: one warning naming the input and the fix; success, record written', async () => {
    const step = await main({
      name: 'bench',
      run: 'echo ran',
      'benchmark-file': 'bench.json',
      'benchmark-tool': 'googlecpp',
    });
    expect(step.failed).toEqual([]);
    expect(step.outputs.status).toBe('success');
    expect(warnings(step)).toEqual([
      `dev-metrics: Input 'benchmark-file': 'bench.json' (${path.join(workspace, 'bench.json')}) does not exist after the command ran; make the command write its googlecpp results there, or fix the path (it is relative to working-directory); no benchmark values recorded (the step's outcome is unchanged).`,
    ]);
    expect(records()).toHaveLength(1);
    expect(records()[0]?.metadata['values']).toBeUndefined();
  });

  it('a malformed benchmark file of a failing command: the failure is the command’s, values from the file still kept', async () => {
    fs.writeFileSync(path.join(workspace, 'bench.json'), '{"benchmarks": "soon"}');
    const step = await main({
      name: 'bench',
      run: 'echo "n=3" >> "$DEV_METRICS_VALUES"; exit 4',
      'benchmark-file': 'bench.json',
      'benchmark-tool': 'pytest',
    });
    expect(step.failed).toEqual(['bench failed: exit code 4.']);
    expect(step.exitCode).toBe(4);
    expect(warnings(step)).toEqual([
      `dev-metrics: Input 'benchmark-file': 'bench.json' is not pytest output: no "benchmarks" array; expected pytest-benchmark JSON: {"benchmarks": [{"fullname", "stats": {"ops"}}]}; check 'benchmark-tool' and that the command writes the tool's results there; no benchmark values recorded (the step's outcome is unchanged).`,
    ]);
    const [record] = records();
    expect(record?.status).toBe('failed');
    expect(record?.metadata['values']).toEqual({ n: 3 });
  });
});
