import { describe, expect, it } from 'vitest';
import { detectFlakiness } from '../../src/insight/flakiness.js';
import { labelSeries, seriesKey, seriesLabel } from '../../src/insight/series.js';
import { regressionVerdicts } from '../../src/insight/verdicts.js';
import { record } from './helpers.js';

const leg = (os: string, extra: Record<string, unknown> = {}) => ({
  branch: 'main',
  job: 'test',
  runner_os: os === 'windows-latest' ? 'Windows' : 'Linux',
  runner_arch: 'X64',
  matrix: { os, node: 24 },
  ...extra,
});

describe('series: a step in its job, matrix leg and runner', () => {
  it('labels each leg by what differs when the step has several legs', () => {
    const records = [
      record({ at: 1, ci: leg('ubuntu-latest') }),
      record({ at: 2, ci: leg('windows-latest') }),
    ];
    expect(labelSeries(records).map((r) => r.name)).toEqual([
      'build · ubuntu-latest',
      'build · windows-latest',
    ]);
    expect(seriesLabel(records[1]!, records)).toBe('build · windows-latest');
    expect(seriesKey(records[0]!)).not.toBe(seriesKey(records[1]!));
  });

  it('keeps the bare name when the history has one leg', () => {
    const records = [
      record({ at: 1, ci: leg('ubuntu-latest') }),
      record({ at: 2, ci: leg('ubuntu-latest') }),
    ];
    const labelled = labelSeries(records);
    expect(labelled.map((r) => r.name)).toEqual(['build', 'build']);
    expect(labelled[0]).toBe(records[0]); // untouched
    expect(seriesLabel(records[0]!, records)).toBe('build');
  });

  it('without a matrix input, tells legs apart by runner OS and arch, or by job', () => {
    const byOs = [
      record({ at: 1, ci: { job: 'test', runner_os: 'Linux', runner_arch: 'X64' } }),
      record({ at: 2, ci: { job: 'test', runner_os: 'macOS', runner_arch: 'ARM64' } }),
    ];
    expect(labelSeries(byOs).map((r) => r.name)).toEqual([
      'build · Linux · X64',
      'build · macOS · ARM64',
    ]);
    const byJob = [record({ at: 1, ci: { job: 'unit' } }), record({ at: 2, ci: { job: 'e2e' } })];
    expect(labelSeries(byJob).map((r) => r.name)).toEqual(['build · unit', 'build · e2e']);
  });

  it('runs recorded with less context join the one leg they agree with, else stay apart', () => {
    const old = record({ at: 0, ci: { branch: 'main' } }); // a hand-written or older record
    const oldLinux = record({ at: 0, ci: { job: 'test', runner_os: 'Linux', runner_arch: 'X64' } });
    const one = [old, record({ at: 1, ci: leg('ubuntu-latest') })];
    expect(labelSeries(one).map((r) => r.name)).toEqual(['build', 'build']);
    const two = [
      oldLinux,
      record({ at: 1, ci: leg('ubuntu-latest') }),
      record({ at: 2, ci: leg('windows-latest') }),
    ];
    expect(labelSeries(two).map((r) => r.name)).toEqual([
      'build · ubuntu-latest',
      'build · ubuntu-latest',
      'build · windows-latest',
    ]);
    // Agrees with both legs: its own series (no label of its own to give).
    expect(labelSeries([old, ...two.slice(1)])[0]!.name).toBe('build');
  });

  it('judges a matrix leg against the same leg only', () => {
    // Windows is twice as slow as Linux; a PR leaves both unchanged.
    const history = Array.from({ length: 12 }, (_, i) => [
      record({ at: i * 2, duration: 1000 + (i % 3), ci: leg('ubuntu-latest', { sha: `m${i}` }) }),
      record({
        at: i * 2 + 1,
        duration: 2000 + (i % 3),
        ci: leg('windows-latest', { sha: `m${i}` }),
      }),
    ]).flat();
    const prRun = record({
      at: 100,
      duration: 2001,
      ci: leg('windows-latest', { branch: 'feature', pr_number: 7, sha: 'head' }),
    });
    const labelled = labelSeries([...history, prRun]);
    const name = seriesLabel(prRun, [...history, prRun]);
    const [v] = regressionVerdicts(labelled, [name], {
      prNumber: 7,
      sha: 'head',
      branch: 'feature',
      baseBranch: 'main',
    });
    expect(v!.name).toBe('build · windows-latest');
    expect(v!.baselineCount).toBe(12);
    expect(v!.baselineMedianMs).toBeGreaterThan(1999);
    expect(v!.verdict).not.toBe('slower');
    // Pooled with Linux, the same run would have looked much slower.
    const [pooled] = regressionVerdicts([...history, prRun], ['build'], {
      prNumber: 7,
      sha: 'head',
      branch: 'feature',
      baseBranch: 'main',
    });
    expect(pooled!.changePercent!).toBeGreaterThan(25);
  });

  it('keeps flakiness per leg: a Windows failure and a Linux pass are not a flake', () => {
    const records = labelSeries([
      record({ at: 1, ci: leg('ubuntu-latest', { sha: 'a' }) }),
      record({ at: 2, status: 'failed', ci: leg('windows-latest', { sha: 'a' }) }),
    ]);
    expect(detectFlakiness(records).every((f) => f.flakyCommits.length === 0)).toBe(true);
    expect(detectFlakiness(records.map((r) => ({ ...r, name: 'build' })))[0]!.flakyCommits).toEqual(
      ['a'],
    );
  });
});
