import { describe, expect, it } from 'vitest';
import { ColumnarHistory } from '../../src/core/history.js';
import {
  detectFlakiness,
  flakinessByName,
  flakinessOfSeries,
} from '../../src/insight/flakiness.js';
import { record, seeded } from './helpers.js';

const run = (name: string, sha: string, status: 'success' | 'failed', at: number, extra = {}) =>
  record({ name, status, at, ci: { sha, ...extra } });

describe('detectFlakiness', () => {
  it('flags a commit where a re-run attempt succeeded after a failure', () => {
    const records = [
      run('test', 'aaa', 'failed', 1, { run_attempt: 1 }),
      run('test', 'aaa', 'success', 2, { run_attempt: 2 }),
      run('test', 'bbb', 'success', 3),
      run('test', 'ccc', 'success', 4),
      run('test', 'ddd', 'success', 5),
    ];
    expect(detectFlakiness(records)).toEqual([
      { name: 'test', flakyCommits: ['aaa'], commitsSeen: 4, flakeRate: 0.25 },
    ]);
  });

  it('flags matrix legs that disagree on one commit', () => {
    const records = [
      run('test', 'x1', 'success', 1, { runner_os: 'Linux' }),
      run('test', 'x1', 'failed', 1, { runner_os: 'Windows' }),
      run('test', 'x2', 'success', 2, { runner_os: 'Linux' }),
      run('test', 'x2', 'failed', 2, { runner_os: 'Windows' }),
    ];
    const [report] = detectFlakiness(records);
    expect(report!.flakeRate).toBe(1);
    expect(report!.flakyCommits).toEqual(['x2', 'x1']); // newest first
  });

  it('does not count a step that always fails on a commit as flaky', () => {
    const records = [
      run('lint', 's1', 'failed', 1),
      run('lint', 's1', 'failed', 2, { run_attempt: 2 }),
      run('lint', 's2', 'success', 3),
    ];
    expect(detectFlakiness(records)).toEqual([
      { name: 'lint', flakyCommits: [], commitsSeen: 2, flakeRate: 0 },
    ]);
  });

  it('ignores records without a commit sha and keeps operations apart', () => {
    const records = [
      record({ name: 'test', status: 'failed', ci: null }),
      record({ name: 'test', status: 'success', ci: {} }),
      run('build', 'k', 'failed', 1),
      run('test', 'k', 'success', 1),
    ];
    const reports = detectFlakiness(records);
    expect(reports.map((r) => [r.name, r.flakeRate, r.commitsSeen])).toEqual([
      ['build', 0, 1],
      ['test', 0, 1],
    ]);
  });

  it('ranks the flakiest first and honours the day window', () => {
    const day = 24 * 60;
    const records = [
      run('a', 'old', 'failed', 0),
      run('a', 'old', 'success', 1),
      run('a', 'new', 'success', 10 * day),
      run('b', 'n1', 'failed', 10 * day),
      run('b', 'n1', 'success', 10 * day + 5),
    ];
    expect(detectFlakiness(records).map((r) => [r.name, r.flakeRate])).toEqual([
      ['b', 1],
      ['a', 0.5],
    ]);
    expect(detectFlakiness(records, { days: 7 }).map((r) => [r.name, r.flakeRate])).toEqual([
      ['b', 1],
      ['a', 0],
    ]);
    expect(() => detectFlakiness(records, { days: 0 })).toThrow(/flakiness window/);
  });
});

describe('flakinessByName (one pass in row order)', () => {
  it('gives flakinessOfSeries’ reports, pair for pair, over interleaved operations and commits', () => {
    const random = seeded(11);
    const names = ['build', 'test', 'lint', 'deploy'];
    const shas = Array.from({ length: 40 }, (_, i) =>
      `${i.toString(16).padStart(2, '0')}`.repeat(20),
    );
    const records = [];
    for (let i = 0; i < 3000; i++) {
      // Commits come in bursts (a run) but come back later too (re-runs), some runs carry none.
      const sha = shas[Math.floor(i / 30 + random() * 3) % shas.length]!;
      const status = random() < 0.2 ? 'failed' : 'success';
      const r = record({
        name: names[Math.floor(random() * names.length)]!,
        status,
        at: i + Math.floor(random() * 50), // times out of row order too
        ci: random() < 0.05 ? {} : { sha },
      });
      if (random() < 0.05) {
        r.status = 'failed';
        r.error = 'cancelled';
      }
      records.push(r);
    }
    const history = ColumnarHistory.of(records, { compact: true });
    const byName = history.rowsByName();
    const series = [...byName].map(([name, rows]) => ({ name, rows }));
    const expected = flakinessOfSeries(history, series);
    expect(expected.some((r) => r.flakyCommits.length > 1)).toBe(true);
    expect(flakinessByName(history, byName)).toEqual(expected);
    // With a window, the same reports as the per-series pass too.
    expect(flakinessByName(history, byName, { days: 1 })).toEqual(
      flakinessOfSeries(history, series, { days: 1 }),
    );
  });
});
