/**
 * Value series in the dashboard model (issue 13): a step's metadata.values become series on its
 * card with their unit, direction, exact statistics and downsampled points, inside the bounds.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../src/core/record.js';
import { withValues } from '../../src/core/values.js';
import { buildDashboardModel, renderDashboard } from '../../src/report/dashboard/index.js';
import { MAX_CHARTED_OPERATIONS } from '../../src/report/dashboard/model.js';
import {
  POINT,
  VALUE_STAT,
  type DashboardModel,
  type DashboardValueSeries,
} from '../../src/report/dashboard/layout.js';
import { DURATION, niceValueStep, valueMeasure } from '../../src/report/dashboard/client/format.js';
import { record } from '../helpers/dashboard-history.js';

const NOW = Date.UTC(2025, 9, 20, 12, 0, 0);
const generatedAt = new Date(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function modelOf(html: string): DashboardModel {
  const m = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(html);
  if (m === null) throw new Error('no data script');
  return JSON.parse(m[1] ?? '') as DashboardModel;
}

function statOf(series: DashboardValueSeries, branch: number, range: number) {
  for (let i = 0; i < series.stats.length; i += VALUE_STAT.stride) {
    const s = VALUE_STAT.read(series.stats, i);
    if (s.branch === branch && s.range === range) return s;
  }
  return undefined;
}

function pointValues(series: DashboardValueSeries): number[] {
  const out: number[] = [];
  for (let i = 0; i < series.points.length; i += POINT.stride) {
    out.push(POINT.read(series.points, i).ms);
  }
  return out;
}

const ci = (branch: string) => ({ ci: { branch, repository: 'o/r' } });

describe('dashboard model: value series', () => {
  it('gives a step its values as series with unit, direction, exact stats and points in time order', () => {
    const recs: ExecutionRecord[] = [];
    // Written newest first: the model orders each value's points by time, like durations.
    for (let i = 9; i >= 0; i--) {
      const meta = withValues(ci(i % 2 === 0 ? 'main' : 'feat/x'), [
        { name: 'bundle', value: 500 + i * 10, unit: 'kB', better: 'smaller' },
        { name: 'throughput', value: 1000 - i * 50, unit: 'ops/s', better: 'bigger' },
      ]);
      recs.push(record('build', NOW - (10 - i) * DAY, 30_000 + i, true, meta));
    }
    recs.push(record('lint', NOW - DAY, 9000, true, ci('main'))); // no values
    const model = buildDashboardModel(recs, { generatedAt, days: 30 });
    const build = model.ops.indexOf('build');
    const lint = model.ops.indexOf('lint');
    expect(model.values).toHaveLength(model.charted);
    expect(model.values[lint]).toEqual([]);
    const [bundle, throughput] = model.values[build] ?? [];
    expect(bundle).toMatchObject({ name: 'bundle', unit: 'kB', better: 'smaller' });
    expect(throughput).toMatchObject({ name: 'throughput', unit: 'ops/s', better: 'bigger' });
    expect(pointValues(bundle!)).toEqual([500, 510, 520, 530, 540, 550, 560, 570, 580, 590]);
    expect(pointValues(throughput!)).toEqual([1000, 950, 900, 850, 800, 750, 700, 650, 600, 550]);
    // Whole window (range 1 = All 30 days), all branches: exact stats in the value's unit.
    const all = statOf(bundle!, -1, 1);
    expect(all).toMatchObject({ runs: 10, min: 500, max: 590, avg: 545 });
    expect(all?.p50).toBeCloseTo(545, 6);
    expect(all?.p95).toBeGreaterThan(580);
    // Last 7 days: i = 3..9 (10 - i <= 7)
    expect(statOf(throughput!, -1, 0)).toMatchObject({ runs: 7, min: 550, max: 850 });
    // Per filter branch: main holds the even i.
    const main = model.branches.indexOf('main');
    expect(statOf(bundle!, main, 1)).toMatchObject({ runs: 5, min: 500, max: 580 });
  });

  it('keeps negative and zero values and a step whose runs carry a value only sometimes', () => {
    const recs = [0, 1, 2, 3].map((i) =>
      record(
        'bench',
        NOW - (4 - i) * HOUR,
        100,
        i !== 2,
        i === 1 ? {} : withValues({}, [{ name: 'delta', value: i - 2, better: 'bigger' }]),
      ),
    );
    const model = buildDashboardModel(recs, { generatedAt, days: 30 });
    const [delta] = model.values[0] ?? [];
    expect(delta).toMatchObject({ name: 'delta', unit: null, better: 'bigger' });
    expect(pointValues(delta!)).toEqual([-2, 0, 1]);
    // The failed run's value is kept, marked failed (ok = 0).
    expect(POINT.read(delta!.points, POINT.stride).ok).toBe(0);
    expect(statOf(delta!, -1, 1)).toMatchObject({ runs: 3, min: -2, max: 1 });
  });

  it('charts values only for the charted operations: the 50-operation bound holds', () => {
    const recs: ExecutionRecord[] = [];
    for (let op = 0; op < 120; op++) {
      const meta = withValues({}, [{ name: 'size', value: op, unit: 'B', better: 'smaller' }]);
      recs.push(record(`op-${op}`, NOW - HOUR - op * 1000, 10, true, meta));
    }
    const model = buildDashboardModel(recs, { generatedAt, days: 30 });
    expect(model.charted).toBe(MAX_CHARTED_OPERATIONS);
    expect(model.values).toHaveLength(MAX_CHARTED_OPERATIONS);
    for (const list of model.values) expect(list.map((v) => v.name)).toEqual(['size']);
  });

  it('30 values per run on 1,000 runs: value points share one budget and the page stays small', () => {
    const recs: ExecutionRecord[] = [];
    const names = Array.from({ length: 30 }, (_, k) => `metric_${k}`);
    for (let i = 0; i < 1000; i++) {
      const meta = withValues(
        ci(i % 3 === 0 ? 'feat/y' : 'main'),
        names.map((name, k) => ({
          name,
          value: 1000 + ((i * 7919 + k * 104_729) % 997) / 7,
          unit: 'ms',
          better: 'smaller' as const,
        })),
      );
      recs.push(record('bench', NOW - 29 * DAY + i * 2_500_000, 20_000, true, meta));
    }
    const plain = Buffer.byteLength(
      renderDashboard(
        recs.map((r) => ({
          ...r,
          metadata: ci((r.metadata as { ci: { branch: string } }).ci.branch),
        })),
        { generatedAt, days: 30 },
      ),
    );
    const html = renderDashboard(recs, { generatedAt, days: 30 });
    const bytes = Buffer.byteLength(html);
    const model = modelOf(html);
    const values = model.values[0] ?? [];
    expect(values).toHaveLength(30);
    for (const v of values) {
      for (let r = 0; r < model.ranges.length; r++) {
        let inRange = 0;
        for (let i = 0; i < v.points.length; i += POINT.stride) {
          if (POINT.read(v.points, i).ranges & (1 << r)) inRange++;
        }
        expect(inRange).toBeLessThanOrEqual(100); // 3,000 per range shared by 30 series
      }
      expect(statOf(v, -1, model.ranges.length - 1)?.runs).toBe(1000); // stats stay exact
    }
    console.log(
      `dashboard: 1,000 runs x 30 values -> ${Math.round(bytes / 1024)} KiB ` +
        `(without values ${Math.round(plain / 1024)} KiB)`,
    );
    expect(bytes - plain).toBeLessThan(400_000);
  });
});

describe('dashboard client: what a chosen value is drawn with', () => {
  it('labels a value with its unit, formats in it, and keeps its direction', () => {
    const coverage = valueMeasure({
      name: 'coverage',
      unit: '%',
      better: 'bigger',
      points: [],
      stats: [],
    });
    expect(coverage).toMatchObject({ label: 'coverage (%)', duration: false, better: 'bigger' });
    expect(coverage.fmt(87.64)).toBe('87.64%');
    const count = valueMeasure({
      name: 'tests',
      unit: null,
      better: 'smaller',
      points: [],
      stats: [],
    });
    expect(count.label).toBe('tests');
    expect(count.fmt(1284)).toBe('1,284');
    expect(DURATION).toMatchObject({ label: 'Duration', duration: true, better: 'smaller' });
  });

  it('picks round 1-2-5 axis steps for any span, and for an empty span', () => {
    expect(niceValueStep(35, 4)).toBe(10);
    expect(niceValueStep(0.03, 4)).toBe(0.01);
    expect(niceValueStep(4000, 4)).toBe(1000);
    expect(niceValueStep(6, 4)).toBe(2);
    expect(niceValueStep(0, 4)).toBe(1); // a flat series: the chart pads it first
  });
});
