/**
 * Unit tests of the action's orchestration (main.ts, post.ts) in process, with the typed fixture
 * of the runner's interface (test/fixtures/core.ts) standing in for `@actions/core`, and the
 * cache layer (history.ts, its own tests elsewhere) replaced by spies: what is under test is who
 * restores, who saves, what each step records, reports and fails with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_INPUT_DEFAULTS } from '../../src/action/inputs.js';
import { newStep, runner } from '../fixtures/core.js';
import { readHistory } from '../e2e/helpers.js';

vi.mock('@actions/core', () => import('../fixtures/core.js'));
// The steps' own runner interface (runner-io.ts) stands in for @actions/core where no HTTP is needed.
vi.mock('../../src/action/runner-io.js', () => import('../fixtures/core.js'));

const history = vi.hoisted(() => ({
  restoreHistory: vi.fn(),
  saveHistory: vi.fn(),
}));
vi.mock('../../src/action/history.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/action/history.js')>();
  return { ...real, ...history };
});

const { runMain } = await import('../../src/action/main.js');
const { runPost } = await import('../../src/action/post.js');

let root: string;
let workspace: string;
let temp: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'main-unit-'));
  workspace = path.join(root, 'ws');
  temp = path.join(root, 'temp');
  fs.mkdirSync(workspace);
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
  history.restoreHistory.mockReset().mockResolvedValue({
    mode: 'merged',
    restoredKeys: [],
    addedLines: 0,
    plan: { kind: 'snapshot', coverage: 5 },
    superseded: [],
  });
  history.saveHistory.mockReset().mockResolvedValue({ saved: true, key: 'k' });
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  fs.rmSync(root, { recursive: true, force: true });
});

const inputs = (given: Record<string, string>) => ({
  ...ACTION_INPUT_DEFAULTS,
  'github-token': '',
  ...given,
});

/** One wrapped step's main; returns what the runner saw, and the state its post gets. */
async function main(given: Record<string, string>) {
  newStep(inputs(given));
  await runMain();
  return structuredClone({ ...runner, exitCode: process.exitCode });
}

async function post(given: Record<string, string>, state: Record<string, string>) {
  newStep(inputs(given), state);
  await runPost();
  return structuredClone(runner);
}

const metrics = () => path.join(workspace, '.metrics');

describe('a job of three wrapped steps', () => {
  it('the first main restores, every main records, the first step’s post (run last) saves once', async () => {
    const steps = ['a', 'b', 'c'].map((name) => ({ name, run: `echo ${name}` }));
    const mains = [];
    for (const s of steps) mains.push(await main(s));
    expect(history.restoreHistory).toHaveBeenCalledTimes(1);
    expect(history.saveHistory).not.toHaveBeenCalled();
    expect(mains.map((m) => m.saved.owner)).toEqual(['true', undefined, undefined]);
    expect(mains.map((m) => m.outputs.status)).toEqual(['success', 'success', 'success']);
    // Every step writes its own summary section.
    mains.forEach((m, i) => expect(m.summary.join('')).toContain(steps[i]!.name));
    // One dashboard for the job, named after its first step.
    expect(new Set(mains.map((m) => m.outputs['dashboard-path'])).size).toBe(1);

    for (let i = steps.length - 1; i >= 0; i--) await post(steps[i]!, mains[i]!.saved);
    expect(history.saveHistory).toHaveBeenCalledTimes(1);
    const saved = history.saveHistory.mock.calls[0]![0] as Record<string, unknown>;
    expect(saved.plan).toEqual({ kind: 'snapshot', coverage: 5 });
    expect(readHistory(metrics()).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(fs.existsSync(mains[0]!.outputs['dashboard-path']!)).toBe(true);
    expect(fs.existsSync(mains[0]!.saved.jobFile!)).toBe(false); // the job is closed
  });

  it('a delta starts where the restore left the day files', async () => {
    history.restoreHistory.mockImplementation(async (o: { metricsDir: string }) => {
      fs.mkdirSync(o.metricsDir, { recursive: true });
      fs.writeFileSync(path.join(o.metricsDir, '2025-01-01.jsonl'), 'restored\n');
      return { mode: 'merged', restoredKeys: ['x'], addedLines: 1, plan: { kind: 'delta' } };
    });
    const first = await main({ name: 'a', run: 'true' });
    await post({ name: 'a', run: 'true' }, first.saved);
    const saved = history.saveHistory.mock.calls[0]![0] as Record<string, unknown>;
    expect(saved.plan).toEqual({ kind: 'delta' });
    expect(saved.deltaFrom).toEqual({ '2025-01-01.jsonl': 9 });
  });

  it('records a workspace already had force the whole history into the delta', async () => {
    fs.mkdirSync(metrics());
    fs.writeFileSync(path.join(metrics(), '2025-01-01.jsonl'), 'local\n');
    history.restoreHistory.mockResolvedValue({
      mode: 'merged',
      restoredKeys: [],
      addedLines: 0,
      plan: { kind: 'delta' },
    });
    const first = await main({ name: 'a', run: 'true' });
    await post({ name: 'a', run: 'true' }, first.saved);
    const saved = history.saveHistory.mock.calls[0]![0] as Record<string, unknown>;
    expect(saved.deltaFrom).toEqual({});
  });

  it('a post whose main was killed records the step as cancelled; the owner then saves it', async () => {
    const first = await main({ name: 'a', run: 'true' });
    // Step b's main was killed after starting its command: the runner hands its post that state.
    const bState = {
      isPost: 'true',
      setup: '{}',
      jobFile: first.saved.jobFile!,
      startedAt: new Date(Date.now() - 2000).toISOString(),
    };
    const b = await post({ name: 'b', run: 'sleep 60' }, bState);
    expect(b.log.map((l) => l.message).join('\n')).toContain('recorded b as cancelled');
    expect(history.saveHistory).not.toHaveBeenCalled();
    await post({ name: 'a', run: 'true' }, first.saved);
    expect(history.saveHistory).toHaveBeenCalledTimes(1);
    expect(readHistory(metrics()).find((r) => r.name === 'b')).toMatchObject({
      status: 'failed',
      error: 'cancelled',
    });
  });

  it('a failing step fails with its exit code; the next step still appends, the owner saves', async () => {
    const a = await main({ name: 'a', run: 'exit 3' });
    expect(a.failed).toEqual(['a failed: exit code 3.']);
    expect(a.exitCode).toBe(3);
    process.exitCode = undefined;
    const b = await main({ name: 'b', run: 'true' });
    expect(b.failed).toEqual([]);
    await post({ name: 'b', run: 'true' }, b.saved);
    await post({ name: 'a', run: 'exit 3' }, a.saved);
    expect(history.saveHistory).toHaveBeenCalledTimes(1);
  });

  it('bad input: one line naming it, no job claimed, and the post does nothing', async () => {
    const bad = await main({ name: 'x', run: 'true', shell: 'fish' });
    expect(bad.failed).toHaveLength(1);
    expect(bad.failed[0]).toContain("'shell'");
    expect(bad.saved.owner).toBeUndefined();
    const good = await main({ name: 'y', run: 'true' });
    expect(good.saved.owner).toBe('true'); // the first valid step owns the job
    await post({ name: 'x', run: 'true', shell: 'fish' }, bad.saved);
    expect(history.saveHistory).not.toHaveBeenCalled();
  });

  it('history: none keeps its own unit and never loads the cache layer', async () => {
    const a = await main({ name: 'a', run: 'true', history: 'none' });
    const b = await main({ name: 'b', run: 'true' }); // the cache-backed unit has its own owner
    expect(a.saved.owner).toBe('true');
    expect(b.saved.owner).toBe('true');
    expect(history.restoreHistory).toHaveBeenCalledTimes(1);
    await post({ name: 'a', run: 'true', history: 'none' }, a.saved);
    expect(history.saveHistory).not.toHaveBeenCalled();
  });
});

describe('fail-on-regression, per step', () => {
  it('fails only the step that regressed, after recording it', async () => {
    fs.mkdirSync(metrics());
    const now = Date.now();
    const lines = Array.from({ length: 12 }, (_, i) => {
      const start = new Date(now - (12 - i) * 1000);
      return JSON.stringify({
        name: 'suite',
        started_at: start.toISOString().replace('Z', ''),
        ended_at: new Date(start.getTime() + 100).toISOString().replace('Z', ''),
        duration_ms: 100 + (i % 3),
        status: 'success',
        metadata: { ci: { provider: 'github-actions', branch: 'main', run_id: `${i}` } },
        error: null,
      });
    });
    for (const line of lines) {
      const day = (JSON.parse(line) as { started_at: string }).started_at.slice(0, 10);
      fs.appendFileSync(path.join(metrics(), `${day}.jsonl`), `${line}\n`);
    }
    vi.stubEnv('GITHUB_EVENT_NAME', 'pull_request');
    vi.stubEnv('GITHUB_REF', 'refs/pull/3/merge');
    vi.stubEnv('GITHUB_HEAD_REF', 'feature');
    vi.stubEnv('GITHUB_BASE_REF', 'main');
    const fast = await main({ name: 'other', run: 'true', history: 'none' });
    const slow = await main({
      name: 'suite',
      run: 'sleep 0.5',
      history: 'none',
      'fail-on-regression': 'true',
    });
    expect(fast.failed).toEqual([]);
    expect(slow.outputs.verdict).toBe('slower');
    expect(slow.failed).toHaveLength(1);
    expect(slow.failed[0]).toMatch(/^suite regressed: .*fail-on-regression is true/);
    expect(readHistory(metrics()).filter((r) => r.name === 'suite')).toHaveLength(13);
  });
});

describe('the post entry’s idle check', () => {
  it('reads the state names state.ts defines', async () => {
    const { State } = await import('../../src/action/state.js');
    const entry = fs.readFileSync(
      path.join(import.meta.dirname, '../../src/action/post-entry.cjs'),
      'utf8',
    );
    for (const name of [State.IsPost, State.Owner, State.Recorded, State.StartedAt]) {
      expect(entry).toContain(`env['STATE_${name}']`);
    }
  });
});
