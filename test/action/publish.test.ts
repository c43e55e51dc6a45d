/**
 * Unit tests of publish.ts with the typed fixture of the runner's interface: a step's own reports
 * (verdict, annotation, summary section, comment row), and the job's shared ones (one comment
 * update carrying every row, against the REST fake; one dashboard file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CiContext } from '../../src/action/context.js';
import { readInputs, ACTION_INPUT_DEFAULTS } from '../../src/action/inputs.js';
import type { ExecutionRecord } from '../../src/core/record.js';
import { appendRecord } from '../../src/core/store.js';
import { withValues, type RunValue } from '../../src/core/values.js';
import { start as startApi, type FakeGitHubApi } from '../fakes/github-api.js';
import { newStep, runner } from '../fixtures/core.js';

vi.mock('@actions/core', () => import('../fixtures/core.js'));
// The steps' own runner interface (runner-io.ts) stands in for @actions/core where no HTTP is needed.
vi.mock('../../src/action/runner-io.js', () => import('../fixtures/core.js'));
const { publishStep, readEarlierRuns, regressionFailure } =
  await import('../../src/action/publish.js');
const { publishJob } = await import('../../src/action/publish-job.js');

let root: string;
let api: FakeGitHubApi;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-unit-'));
  api = await startApi();
  vi.stubEnv('GITHUB_API_URL', api.url);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await api.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const PR: CiContext = {
  provider: 'github-actions',
  repository: 'octo/repo',
  branch: 'feature',
  base_branch: 'main',
  pr_number: 5,
  workflow: 'CI',
  run_id: '9',
  job: 'test',
};

function record(name: string, durationMs = 1000): ExecutionRecord {
  const start = new Date();
  return {
    name,
    started_at: start.toISOString().replace('Z', ''),
    ended_at: new Date(start.getTime() + durationMs).toISOString().replace('Z', ''),
    duration_ms: durationMs,
    status: 'success',
    metadata: { ci: PR },
    error: null,
  };
}

function inputsFor(given: Record<string, string>) {
  newStep({ ...ACTION_INPUT_DEFAULTS, 'github-token': 'ghs_x', ...given });
  return readInputs();
}

describe('publishStep', () => {
  it('on a pull request: verdict output, one summary section, a comment row for the job', async () => {
    const inputs = inputsFor({ name: 'unit', run: 'true', charts: 'none' });
    const r = record('unit');
    const result = await publishStep({
      inputs,
      ci: PR,
      record: r,
      secrets: [],
      earlier: await readEarlierRuns(path.join(root, 'none'), 30, 'unit'),
    });
    expect(result.verdict?.verdict).toBe('not enough data');
    expect(runner.outputs.verdict).toBe('not enough data');
    expect(runner.summary).toHaveLength(1);
    expect(runner.summary[0]).toContain('unit');
    expect(result.row).toMatchObject({ step: 'unit', status: 'success' });
    expect(api.requests).toEqual([]); // the comment itself is the job's, in the owner's post
  });

  it('not a pull request, or no token: no row (and a notice when the token is missing)', async () => {
    const push = await publishStep({
      inputs: inputsFor({ name: 'unit', run: 'true' }),
      ci: { ...PR, pr_number: undefined },
      record: record('unit'),
      secrets: [],
      earlier: await readEarlierRuns(root, 30, 'unit'),
    });
    expect(push.row).toBeNull();
    const noToken = await publishStep({
      inputs: inputsFor({ name: 'unit', run: 'true', 'github-token': '' }),
      ci: PR,
      record: record('unit'),
      secrets: [],
      earlier: await readEarlierRuns(root, 30, 'unit'),
    });
    expect(noToken.row).toBeNull();
    expect(runner.log.filter((l) => l.level === 'notice')).toHaveLength(1);
  });
});

describe('publishStep with values', () => {
  /** 12 runs of `unit` on main, an hour apart, with throughput ~1000 ops/s and bundle ~500 KB. */
  async function seedMain(): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      const wiggle = 1 + 0.02 * Math.sin(i * 2.1);
      const start = new Date(now - (13 - i) * 3_600_000);
      await appendRecord(root, {
        ...record('unit', 1000 * wiggle),
        started_at: start.toISOString().replace('Z', ''),
        ended_at: new Date(start.getTime() + 1000 * wiggle).toISOString().replace('Z', ''),
        metadata: withValues(
          {
            ci: {
              ...PR,
              branch: 'main',
              pr_number: undefined,
              base_branch: undefined,
              sha: `${i}`.padStart(40, 'b'),
              run_id: String(100 + i),
            },
          },
          [
            { name: 'throughput', value: 1000 * wiggle, unit: 'ops/s', better: 'bigger' },
            { name: 'bundle_kb', value: 500 * wiggle, unit: 'KB', better: 'smaller' },
          ],
        ),
      });
    }
  }
  function prRecord(values: RunValue[]): ExecutionRecord {
    const r = record('unit', 1000);
    return { ...r, metadata: withValues({ ci: { ...PR, sha: 'c'.repeat(40) } }, values) };
  }

  it('a value that drops 20% (bigger is better) is worse: verdict, output, warning, summary, row', async () => {
    await seedMain();
    const r = prRecord([
      { name: 'throughput', value: 800, unit: 'ops/s', better: 'bigger' },
      { name: 'bundle_kb', value: 500, unit: 'KB', better: 'smaller' },
    ]);
    // As main does: the earlier runs are read before this run's record is written.
    const earlier = await readEarlierRuns(root, 30, 'unit');
    await appendRecord(root, r);
    const result = await publishStep({
      inputs: inputsFor({ name: 'unit', run: 'true' }),
      ci: PR,
      record: r,
      secrets: [],
      earlier,
    });
    expect(result.verdict?.verdict).not.toBe('slower');
    expect(result.valueVerdicts.map((v) => [v.name, v.verdict])).toEqual([
      ['unit › bundle_kb', 'no change'],
      ['unit › throughput', 'slower'],
    ]);
    expect(JSON.parse(runner.outputs['values-verdicts']!)).toEqual({
      bundle_kb: 'no change',
      throughput: 'worse',
    });
    const warnings = runner.log.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^unit › throughput is worse than on main: −(19|20)\.\d% worse/),
    ]);
    expect(runner.summary[0]).toMatch(
      /\| throughput \| 800 ops.* \| -(19|20)\.\d% \| 👎 worse \| bigger \|/,
    );
    expect(result.valueRows.map((row) => [row.step, row.verdict, row.unit, row.better])).toEqual([
      ['unit › bundle_kb', 'no change', 'KB', 'smaller'],
      ['unit › throughput', 'slower', 'ops/s', 'bigger'],
    ]);
    expect(result.valueRows[1]!.key).toBe(`${result.row!.key} "throughput"`);
    expect(result.valueRows[1]!.history).toHaveLength(13);
    expect(result.valueRows[1]!.history!.at(-1)).toBe(800);
    expect(regressionFailure('unit', result.verdict, result.valueVerdicts)).toMatch(
      /^unit › throughput is worse: .* \(fail-on-regression is true\)$/,
    );
  });

  it('no values in the run: no values output, no value rows', async () => {
    await seedMain();
    const result = await publishStep({
      inputs: inputsFor({ name: 'unit', run: 'true' }),
      ci: PR,
      record: record('unit'),
      secrets: [],
      earlier: await readEarlierRuns(root, 30, 'unit'),
    });
    expect(result.valueVerdicts).toEqual([]);
    expect(result.valueRows).toEqual([]);
    expect(runner.outputs['values-verdicts']).toBeUndefined();
    expect(regressionFailure('unit', result.verdict, [])).toBeNull();
  });
});

describe('publishJob', () => {
  it('one comment with every step’s row, and the job’s dashboard file', async () => {
    const rows = [];
    for (const name of ['lint', 'unit', 'e2e']) {
      const inputs = inputsFor({ name, run: 'true', charts: 'none' });
      const { row } = await publishStep({
        inputs,
        ci: PR,
        record: record(name),
        secrets: [],
        earlier: await readEarlierRuns(root, 30, name),
      });
      rows.push(row!);
    }
    const inputs = inputsFor({ name: 'lint', run: 'true', charts: 'none' });
    await publishJob({ inputs, ci: PR, owner: 'lint', rows, metricsDir: root, tempDir: root });
    const comments = api.commentsOn('octo', 'repo', 5);
    expect(comments).toHaveLength(1);
    for (const name of ['lint', 'unit', 'e2e']) expect(comments[0]!.body).toContain(name);
    const writes = api.requests.filter((r) =>
      ['createComment', 'updateComment'].includes(r.route!),
    );
    expect(writes).toHaveLength(1);
    const dashboards = fs
      .readdirSync(path.join(root, 'dev-metrics'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('dashboard.html'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]).toMatch(/^lint-[0-9a-f]{8}/);
    expect(runner.log.filter((l) => l.level === 'warning')).toEqual([]);
  });

  it('no rows (no step asked for a comment): no REST call at all', async () => {
    const inputs = inputsFor({ name: 'lint', run: 'true' });
    await publishJob({ inputs, ci: PR, owner: 'lint', rows: [], metricsDir: root, tempDir: root });
    expect(api.requests).toEqual([]);
  });
});
