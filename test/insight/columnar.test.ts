/**
 * The detectors on the core's columns: series of a columnar history, verdicts and attention over
 * a MeasureView (durations or a value series), the values side table.
 */
import { describe, expect, it } from 'vitest';
import { ColumnarHistory, durationView } from '../../src/core/history.js';
import type { ExecutionRecord } from '../../src/core/record.js';
import { withValues, type RunValue } from '../../src/core/values.js';
import { attentionOfSeries, needsAttention } from '../../src/insight/attention.js';
import { baselineOfView, candidateOfView } from '../../src/insight/baseline.js';
import { labelSeries, seriesOfHistory, seriesOfRecord } from '../../src/insight/series.js';
import { trendOfRows, trendOfView } from '../../src/insight/trend.js';
import { regressionVerdicts, verdictOfView } from '../../src/insight/verdicts.js';
import { record } from './helpers.js';

const leg = (os: string, ci: Record<string, unknown> = {}) => ({
  job: 'test',
  runner_os: os,
  branch: 'main',
  ...ci,
});

function withValue(r: ExecutionRecord, ...values: RunValue[]): ExecutionRecord {
  return { ...r, metadata: withValues(r.metadata as Record<string, unknown>, values) };
}

describe('series of a columnar history', () => {
  it('names and groups rows as labelSeries does, legs with less context joined', () => {
    const records = [
      record({ at: 0, ci: { job: 'test', branch: 'main' } }), // older writer: no runner
      record({ at: 1, ci: leg('Linux') }),
      record({ at: 2, ci: leg('Windows') }),
      record({ at: 3, name: 'lint', ci: leg('Linux') }),
      record({ at: 4, ci: leg('Linux') }),
    ];
    const history = ColumnarHistory.of(records);
    const series = seriesOfHistory(history);
    const labelled = labelSeries(records);
    expect(series.map((s) => s.name).sort()).toEqual(
      [...new Set(labelled.map((r) => r.name))].sort(),
    );
    for (const s of series) {
      expect([...s.rows]).toEqual(labelled.flatMap((r, row) => (r.name === s.name ? [row] : [])));
    }
    expect(seriesOfRecord(history, records[4]!)).toMatchObject({
      name: 'build · Linux',
      step: 'build',
    });
    expect([...seriesOfRecord(history, records[2]!).rows]).toEqual([2]);
  });
});

describe('verdicts on a MeasureView', () => {
  // Main: 12 runs near 1000 ms; a PR commit whose run takes 1500 ms.
  const main = Array.from({ length: 12 }, (_, i) =>
    record({ at: i, duration: 1000 + (i % 3) * 5, ci: { branch: 'main', sha: `m${i}` } }),
  );
  const head = record({
    at: 50,
    duration: 1500,
    ci: { branch: 'feature', pr_number: 7, sha: 'head' },
  });
  const run = { branch: 'feature', prNumber: 7, sha: 'head', baseBranch: 'main' };

  it('gives regressionVerdicts’ verdict for durations', () => {
    const records = [...main, head];
    const history = ColumnarHistory.of(records);
    const view = durationView(history);
    expect(verdictOfView(history, view, 'build', run)).toEqual(
      regressionVerdicts(records, ['build'], run)[0],
    );
    const baseline = baselineOfView(history, view, { baseBranch: 'main', limit: 3 });
    expect(baseline).toMatchObject({ rows: [11, 10, 9], source: 'base-branch', branch: 'main' });
    expect(candidateOfView(history, view, { sha: 'head' })).toEqual({
      rows: [12],
      numbers: [1500],
    });
  });

  it('carries a value series through the same detectors, bigger-is-better turned around', () => {
    // Throughput (bigger is better) drops by a third on the PR: worse, said as 'slower'.
    const ops = (r: ExecutionRecord, value: number) =>
      withValue(r, { name: 'ops', value, unit: 'ops/s', better: 'bigger' });
    const records = [
      ...main.map((r, i) => ops(r, 3000 + (i % 3) * 10)),
      record({ at: 20, name: 'lint', ci: { branch: 'main' } }), // no values: no cell
      ops(head, 2000),
    ];
    const history = ColumnarHistory.of(records);
    expect([...history.values.keys()]).toEqual(['ops']);
    const view = history.valueView('ops', seriesOfRecord(history, head).rows)!;
    expect(view).toMatchObject({ kind: 'value', better: 'bigger', unit: 'ops/s' });
    expect(view.rows.length).toBe(13);
    expect(view.numbers[12]).toBe(2000);
    const verdict = verdictOfView(history, view, 'build › ops', run);
    expect(verdict.verdict).toBe('slower'); // worse: the number fell
    expect(verdict.changePercent!).toBeLessThan(-25);
    // The same drop of a smaller-is-better value is an improvement.
    const smaller = { ...view, better: 'smaller' as const };
    expect(verdictOfView(history, smaller, 'x', run).verdict).toBe('faster');
  });

  it('keeps values that are 0 or negative (durations below 0 are unusable)', () => {
    const records = [
      withValue(record({ at: 1, ci: { branch: 'main' } }), {
        name: 'delta',
        value: -3,
        better: 'smaller',
      }),
      withValue(record({ at: 2, ci: { branch: 'main' } }), {
        name: 'delta',
        value: 0,
        better: 'smaller',
      }),
    ];
    const history = ColumnarHistory.of(records);
    const view = history.valueView('delta')!;
    expect(baselineOfView(history, view, { baseBranch: 'main' }).numbers).toEqual([0, -3]);
    expect(history.valueView('missing')).toBeUndefined();
  });
});

describe('trend on a MeasureView', () => {
  it('judges a value series’ drift the same way, bigger-is-better turned around', () => {
    // 40 pushes: the last 10 halve a bigger-is-better throughput and double the durations.
    const records = Array.from({ length: 40 }, (_, i) =>
      withValue(
        record({
          at: i,
          duration: (i >= 30 ? 2000 : 1000) + (i % 3),
          ci: { branch: 'main', sha: `s${i}` },
        }),
        { name: 'ops', value: (i >= 30 ? 500 : 1000) + (i % 3), better: 'bigger' },
      ),
    );
    const history = ColumnarHistory.of(records);
    const all = Int32Array.from(records.keys());
    const durations = trendOfRows(history, all, 'build', { defaultBranch: 'main' });
    expect(durations.verdict).toBe('slower');
    expect(
      trendOfView(history, durationView(history, all), 'build', { defaultBranch: 'main' }),
    ).toEqual(durations);
    const ops = trendOfView(history, history.valueView('ops')!, 'build › ops', {
      defaultBranch: 'main',
    });
    expect(ops.verdict).toBe('slower'); // worse: the number fell
    expect(ops.changePercent!).toBeLessThan(-40);
  });
});

describe('values side table', () => {
  it('holds cells only for rows with values, the newest unit and direction per name', () => {
    const history = new ColumnarHistory();
    for (let i = 0; i < 40; i++) {
      const r = record({ at: i });
      history.add(
        i % 10 === 0
          ? withValue(r, { name: 'kb', value: i, unit: i < 30 ? 'KB' : 'KiB', better: 'smaller' })
          : r,
      );
    }
    history.add({ ...record({ at: 50 }), metadata: { values: { kb: 'big', bad: Infinity } } });
    const column = history.values.get('kb')!;
    expect(column.length).toBe(4);
    expect([...column.rows.subarray(0, 4)]).toEqual([0, 10, 20, 30]);
    expect(column.unit).toBe('KiB');
    expect(history.values.has('bad')).toBe(false);
    expect(history.valueView('kb', [5, 10, 11, 30])).toMatchObject({
      rows: Int32Array.from([10, 30]),
      numbers: Float64Array.from([10, 30]),
    });
  });
});

describe('attention on columns', () => {
  it('equals needsAttention over the records, by series', () => {
    const records: ExecutionRecord[] = [];
    const day = 24 * 60;
    for (let d = 0; d < 30; d++) {
      records.push(
        record({
          at: d * day,
          duration: d >= 25 ? 2000 : 1000 + (d % 3),
          ci: leg('Linux', { sha: `s${d}` }),
        }),
      );
      records.push(
        record({ at: d * day + 1, duration: 1000 + (d % 3), ci: leg('Windows', { sha: `s${d}` }) }),
      );
      records.push(
        record({
          at: d * day + 2,
          name: 'lint',
          status: d % 4 === 0 ? 'failed' : 'success',
          ci: leg('Linux', { sha: `s${d}` }),
        }),
      );
    }
    records.push(record({ at: 30 * day, name: 'lint', ci: leg('Linux', { sha: 's28' }) }));
    const history = ColumnarHistory.of(records);
    const items = attentionOfSeries(history, seriesOfHistory(history), { defaultBranch: 'main' });
    expect(items).toEqual(needsAttention(labelSeries(records), { defaultBranch: 'main' }));
    expect(items.map((i) => [i.name, i.kind])).toEqual(
      expect.arrayContaining([
        ['build · Linux', 'slower'],
        ['lint', 'flaky'],
      ]),
    );
  });
});
