import { describe, expect, it } from 'vitest';
import { selectBaseline, selectCandidate } from '../../src/insight/baseline.js';
import { regressionVerdicts } from '../../src/insight/verdicts.js';
import { record } from './helpers.js';

const main = (at: number, duration = 1000, extra: Record<string, unknown> = {}) =>
  record({
    at,
    duration,
    ci: { branch: 'main', event: 'push', sha: `m${at}`, run_id: `r${at}`, ...extra },
  });
const pr = (at: number, duration: number, sha = `p${at}`) =>
  record({
    at,
    duration,
    ci: {
      branch: 'feature',
      event: 'pull_request',
      pr_number: 7,
      sha,
      base_branch: 'main',
      run_id: `r${at}`,
    },
  });

describe('selectBaseline', () => {
  it('takes successful runs of the step on the base branch, newest first', () => {
    const records = [
      main(1, 100),
      main(3, 300),
      main(2, 200),
      record({ at: 4, status: 'failed', duration: 5, ci: { branch: 'main' } }), // a crash is fast
      record({ at: 5, name: 'test', ci: { branch: 'main' } }), // another step
      record({ at: 6, duration: 999, ci: { branch: 'other' } }),
      pr(7, 777),
      record({ at: 8, duration: 888, ci: null }), // laptop run
    ];
    const sel = selectBaseline(records, { name: 'build', baseBranch: 'main' });
    expect(sel.source).toBe('base-branch');
    expect(sel.branch).toBe('main');
    expect(sel.durations).toEqual([300, 200, 100]);
  });

  it('leaves out pull-request runs whose head branch has the base name (forks)', () => {
    const fork = record({ at: 9, duration: 50, ci: { branch: 'main', pr_number: 3 } });
    expect(
      selectBaseline([main(1, 100), fork], { name: 'build', baseBranch: 'main' }).durations,
    ).toEqual([100]);
  });

  it('keeps the newest `limit` runs and excludes the current run', () => {
    const records = Array.from({ length: 140 }, (_, i) => main(i, 1000 + i));
    const sel = selectBaseline(records, {
      name: 'build',
      baseBranch: 'main',
      excludeRunIds: ['r139'],
    });
    // The last 100: the noise is learned from the long history, the level from its newest runs.
    expect(sel.durations).toHaveLength(100);
    expect(sel.durations[0]).toBe(1138);
    expect(
      selectBaseline(records, { name: 'build', baseBranch: 'main', limit: 5 }).durations,
    ).toEqual([1139, 1138, 1137, 1136, 1135]);
  });

  it('falls back to the default branch when the base branch has no runs', () => {
    const sel = selectBaseline([main(1, 100)], {
      name: 'build',
      baseBranch: 'release-1',
      defaultBranch: 'main',
    });
    expect(sel.source).toBe('default-branch');
    expect(sel.durations).toEqual([100]);
  });

  it('uses laptop runs only when no run has branch information', () => {
    const laptop = [
      record({ at: 1, duration: 10, ci: null }),
      record({ at: 2, duration: 20, ci: null }),
    ];
    const sel = selectBaseline(laptop, { name: 'build', baseBranch: 'main' });
    expect(sel.source).toBe('no-branch-info');
    expect(sel.durations).toEqual([20, 10]);
    const mixed = selectBaseline([...laptop, main(3, 30)], { name: 'build', baseBranch: 'main' });
    expect(mixed.durations).toEqual([30]);
    expect(
      selectBaseline(laptop.concat(main(3)), { name: 'build', baseBranch: 'dev' }).source,
    ).toBe('none');
  });

  it('reads Python timestamps as UTC whatever the offset style', () => {
    const a = { ...main(0, 1), started_at: '2025-10-01T10:00:00' };
    const b = { ...main(0, 2), started_at: '2025-10-01T09:30:00.123456-01:00' }; // 10:30 UTC
    const c = { ...main(0, 3), started_at: '2025-10-01T10:15:00Z' };
    expect(selectBaseline([a, b, c], { name: 'build', baseBranch: 'main' }).durations).toEqual([
      2, 3, 1,
    ]);
  });
});

describe('selectCandidate', () => {
  it("takes only the newest commit's successful runs: earlier PR commits were other code", () => {
    const records = [
      pr(1, 110, 'old'),
      pr(2, 120, 'old'),
      pr(3, 130, 'head'),
      record({ at: 4, status: 'failed', ci: { pr_number: 7, sha: 'head' } }),
      record({ at: 5, duration: 140, ci: { pr_number: 8, sha: 'x' } }),
      main(6),
    ];
    expect(
      selectCandidate(records, { name: 'build', prNumber: 7, sha: 'head' }).map(
        (r) => r.duration_ms,
      ),
    ).toEqual([130]);
  });

  it("counts the newest commit's re-runs and attempts, newest first, at most `limit`", () => {
    const records = [
      pr(1, 110, 'old'),
      record({ at: 2, duration: 131, ci: { pr_number: 7, sha: 'head', run_id: 'r2' } }),
      record({
        at: 3,
        duration: 132,
        ci: { pr_number: 7, sha: 'head', run_id: 'r2', run_attempt: 2 },
      }),
      record({ at: 4, duration: 133, ci: { pr_number: 7, sha: 'head', run_id: 'r3' } }),
    ];
    const durations = (limit?: number) =>
      selectCandidate(records, { name: 'build', prNumber: 7, sha: 'head', limit }).map(
        (r) => r.duration_ms,
      );
    expect(durations()).toEqual([133, 132, 131]);
    expect(durations(2)).toEqual([133, 132]);
  });

  it('without a sha (other tools), falls back to all runs of the pull request', () => {
    const records = [pr(1, 110, 'old'), pr(2, 120, 'head')];
    expect(
      selectCandidate(records, { name: 'build', prNumber: 7 }).map((r) => r.duration_ms),
    ).toEqual([120, 110]);
  });

  it('on a push takes the branch runs', () => {
    const records = [record({ at: 1, duration: 5, ci: { branch: 'dev' } }), main(2, 9)];
    expect(
      selectCandidate(records, { name: 'build', branch: 'dev' }).map((r) => r.duration_ms),
    ).toEqual([5]);
  });
});

describe('regressionVerdicts', () => {
  const history = Array.from({ length: 12 }, (_, i) =>
    main(i, [100, 97, 103, 99, 101, 98, 102, 100, 96, 104, 100, 99][i]),
  );

  it('judges a PR against its base branch', () => {
    const records = [...history, pr(20, 150, 'a'), pr(21, 148, 'b'), pr(22, 152, 'b')];
    const [v] = regressionVerdicts(records, ['build'], {
      prNumber: 7,
      sha: 'b',
      branch: 'feature',
      baseBranch: 'main',
    });
    expect(v!.verdict).toBe('slower');
    expect(v!.candidateCount).toBe(2); // commit b only; a was earlier code
    expect(v!.baselineCount).toBe(12);
  });

  it('judges a push to the default branch on its own commit, not against itself', () => {
    const records = [...history, main(30, 160)];
    const [v] = regressionVerdicts(records, ['build'], {
      branch: 'main',
      sha: 'm30',
      defaultBranch: 'main',
      runIds: ['r30'],
    });
    expect(v!.candidateCount).toBe(1);
    expect(v!.baselineCount).toBe(12);
    expect(v!.verdict).toBe('slower');
  });

  it('says where the missing baseline should come from', () => {
    const [v] = regressionVerdicts([main(1), pr(2, 100)], ['build'], {
      prNumber: 7,
      baseBranch: 'main',
    });
    expect(v!.reason).toBe('needs 5 baseline runs on main, has 1');
  });
});
