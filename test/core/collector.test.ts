import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DevMetricsCollector,
  DevMetricsError,
  getCollector,
  parseTimestamp,
  trackExecution,
  type ExecutionRecord,
} from '../../src/index.js';

let dir: string;
let warnings: string[];
let collector: DevMetricsCollector;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-collector-'));
  warnings = [];
  collector = new DevMetricsCollector({ metricsDir: dir, onWarning: (m) => warnings.push(m) });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every record on disk, straight from the files (not through the code under test). */
function onDisk(metricsDir = dir): ExecutionRecord[] {
  if (!fs.existsSync(metricsDir)) return [];
  return fs
    .readdirSync(metricsDir)
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(metricsDir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ExecutionRecord),
    );
}

function expectDevMetricsError(fn: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DevMetricsError);
  expect((thrown as Error).message).toMatch(message);
  expect((thrown as Error).message).not.toContain('\n');
}

describe('DevMetricsCollector', () => {
  it('start/end writes one record with consistent timestamps and duration', async () => {
    const id = collector.startExecution('unit-tests', { branch: 'main' });
    expect(typeof id).toBe('string');
    const record = await collector.endExecution(id);
    expect(record.status).toBe('success');
    expect(record.error).toBeNull();
    expect(record.metadata).toEqual({ branch: 'main' });
    expect(record.duration_ms).toBeGreaterThanOrEqual(0);
    const span = parseTimestamp(record.ended_at) - parseTimestamp(record.started_at);
    expect(Math.abs(span - record.duration_ms)).toBeLessThan(0.002);
    expect(record.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
    expect(onDisk()).toEqual([record]);
  });

  it('records failures with their message', async () => {
    const a = collector.startExecution('deploy');
    const b = collector.startExecution('deploy');
    expect((await collector.endExecution(a, { status: 'failed', error: 'timeout' })).error).toBe(
      'timeout',
    );
    expect(
      (await collector.endExecution(b, { status: 'failed', error: new Error('boom') })).error,
    ).toBe('boom');
    expect(onDisk().map((r) => [r.status, r.error])).toEqual([
      ['failed', 'timeout'],
      ['failed', 'boom'],
    ]);
  });

  it('throws a clear DevMetricsError for caller mistakes', async () => {
    await expect(collector.endExecution('nope')).rejects.toThrow(
      /Unknown execution id "nope"; pass the id startExecution\(\) returned/,
    );
    const id = collector.startExecution('x');
    await expect(
      collector.endExecution(id, { status: 'ok' as unknown as 'success' }),
    ).rejects.toThrow(/status must be "success" or "failed", got "ok"/);
    // A rejected end leaves the execution pending: it can still be ended properly, once.
    await collector.endExecution(id, { status: 'success' });
    await expect(collector.endExecution(id)).rejects.toBeInstanceOf(DevMetricsError);

    expectDevMetricsError(() => collector.startExecution(''), /name must be a non-empty string/);
    expectDevMetricsError(
      () => collector.startExecution(42 as unknown as string),
      /name must be a non-empty string, got 42/,
    );
    expectDevMetricsError(
      () => collector.startExecution('x', [] as unknown as Record<string, unknown>),
      /metadata must be a plain object/,
    );
    await expect(collector.getMetricsSummary({ days: -1 })).rejects.toThrow(
      /days must be a whole number >= 0, got -1/,
    );
    await expect(collector.getMetricsSummary({ days: 1.5 })).rejects.toThrow(DevMetricsError);
    await expect(collector.getRecentMetrics({ limit: -3 })).rejects.toThrow(/limit must be/);
    await expect(collector.getRecentMetrics({ name: '' })).rejects.toThrow(/name must be/);
    await expect(collector.clearOldMetrics(-1)).rejects.toThrow(/daysToKeep must be/);
    await expect(
      collector.recordExecution({ name: 'x' } as unknown as ExecutionRecord),
    ).rejects.toThrow(/Invalid execution record: started_at is not an ISO 8601 timestamp/);
    expect(() => new DevMetricsCollector({ metricsDir: '' })).toThrow(DevMetricsError);
    expect(onDisk()).toHaveLength(1);
  });

  it('reports an unwritable directory as a DevMetricsError and keeps the execution', async () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, '');
    const blocked = new DevMetricsCollector({ metricsDir: file });
    const id = blocked.startExecution('x');
    await expect(blocked.endExecution(id)).rejects.toThrow(/Cannot write metrics to .*not-a-dir/);
    expect(() => blocked.endExecutionSync(id)).toThrow(/Cannot write metrics/); // still pending
  });

  it('recordExecution appends a ready record as given', async () => {
    const record: ExecutionRecord = {
      name: 'action-step',
      started_at: '2025-10-20T10:30:05.123000',
      ended_at: '2025-10-20T10:30:06',
      duration_ms: 877,
      status: 'success',
      metadata: { ci: { provider: 'github-actions', sha: 'abc' } },
      error: null,
    };
    expect(await collector.recordExecution(record)).toEqual(record);
    expect(fs.readdirSync(dir)).toEqual(['2025-10-20.jsonl']);
    expect(onDisk()).toEqual([record]);
  });

  it('summarises the window, returns recent records newest first, prunes old files', async () => {
    const now = Date.UTC(2025, 9, 20, 12);
    const clocked = new DevMetricsCollector({ metricsDir: dir, now: () => now, onWarning: null });
    const at = (daysAgo: number, hour: number): string =>
      new Date(now - daysAgo * 86_400_000 + hour * 3_600_000).toISOString().replace('Z', '');
    for (let d = 0; d < 40; d++) {
      await clocked.recordExecution({
        name: d % 2 === 0 ? 'even' : 'odd',
        started_at: at(d, -1),
        ended_at: at(d, -1),
        duration_ms: d,
        status: 'success',
        metadata: { d },
        error: null,
      });
    }
    const week = await clocked.getMetricsSummary();
    expect(week.even?.total_executions).toBe(4); // days 0, 2, 4, 6 (7 days ago is 11:00, too old)
    expect(week.odd?.total_executions).toBe(3);
    expect(Object.keys(await clocked.getMetricsSummary({ days: 0 }))).toEqual([]);
    expect((await clocked.getMetricsSummary({ days: 2, name: 'odd' })).odd?.total_executions).toBe(
      1,
    );

    const recent = await clocked.getRecentMetrics();
    expect(recent.map((r) => r.metadata.d)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const odd = await clocked.getRecentMetrics({ name: 'odd', limit: 3 });
    expect(odd.map((r) => r.metadata.d)).toEqual([1, 3, 5]);
    expect(await clocked.getRecentMetrics({ limit: 0 })).toEqual([]);
    expect((await clocked.getRecentMetrics({ limit: 1000 })).length).toBe(40);

    const records: ExecutionRecord[] = [];
    for await (const r of clocked.readRecords({ days: 3 })) records.push(r);
    expect(records.map((r) => r.metadata.d)).toEqual([2, 1, 0]);

    expect(await clocked.clearOldMetrics()).toBe(9); // days 31..39
    expect(fs.readdirSync(dir)).toHaveLength(31);
    expect(await clocked.clearOldMetrics(30)).toBe(0);
  });

  it('getRecentMetrics orders ties on started_at by file order, later first', async () => {
    for (const name of ['first', 'second', 'third']) {
      await collector.recordExecution({
        name,
        started_at: '2025-10-20T10:00:00',
        ended_at: '2025-10-20T10:00:00',
        duration_ms: 1,
        status: 'success',
        metadata: {},
        error: null,
      });
    }
    expect((await collector.getRecentMetrics({ limit: 2 })).map((r) => r.name)).toEqual([
      'third',
      'second',
    ]);
  });
});

describe('trackExecution', () => {
  it('times a sync function: returns its value, record on disk when it returns', () => {
    const value = trackExecution('sync-op', () => 41 + 1, {
      collector,
      metadata: { kind: 'sync' },
    });
    expect(value).toBe(42);
    const [record] = onDisk();
    expect(record).toMatchObject({
      name: 'sync-op',
      status: 'success',
      metadata: { kind: 'sync' },
    });
  });

  it('times an async function: resolves to its value after the record is written', async () => {
    const promise = trackExecution(
      'async-op',
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        return 'done';
      },
      { collector },
    );
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toBe('done');
    expect(onDisk()).toMatchObject([{ name: 'async-op', status: 'success', error: null }]);
  });

  it('records a sync throw as failed with its message and rethrows the same error', () => {
    const error = new TypeError('bad input');
    expect(() =>
      trackExecution(
        'throws',
        () => {
          throw error;
        },
        { collector },
      ),
    ).toThrow(error);
    expect(onDisk()).toMatchObject([{ name: 'throws', status: 'failed', error: 'bad input' }]);
  });

  it('records an async rejection as failed and rejects with the same error', async () => {
    const error = new Error('network down');
    await expect(
      trackExecution('rejects', () => Promise.reject(error), { collector }),
    ).rejects.toBe(error);
    await expect(
      trackExecution(
        'rejects-string',
        async () => {
          throw 'plain string';
        },
        { collector },
      ),
    ).rejects.toBe('plain string');
    expect(onDisk().map((r) => [r.name, r.status, r.error])).toEqual([
      ['rejects', 'failed', 'network down'],
      ['rejects-string', 'failed', 'plain string'],
    ]);
  });

  it('trackExecution(name, { metadata }) returns a wrapper that times each call', async () => {
    const add = trackExecution('add', { metadata: { v: 1 }, collector })(
      (a: number, b: number) => a + b,
    );
    expect(add(1, 2)).toBe(3);
    expect(add(3, 4)).toBe(7);
    const obj = {
      factor: 10,
      scale: trackExecution('scale', { collector })(async function (
        this: { factor: number },
        x: number,
      ) {
        return x * this.factor;
      }),
    };
    expect(await obj.scale(2)).toBe(20);
    expect(onDisk().map((r) => [r.name, r.metadata])).toEqual([
      ['add', { v: 1 }],
      ['add', { v: 1 }],
      ['scale', {}],
    ]);
    expect(() => trackExecution('', () => 1, { collector })).toThrow(DevMetricsError);
    expect(() =>
      (trackExecution('x', { collector }) as unknown as (v: unknown) => unknown)(5),
    ).toThrow(/call it with a function/);
  });

  it('a failed metrics write warns and does not change the function outcome', () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, '');
    const blocked = new DevMetricsCollector({
      metricsDir: file,
      onWarning: (m) => warnings.push(m),
    });
    expect(trackExecution('x', () => 'still returned', { collector: blocked })).toBe(
      'still returned',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^dev-metrics: could not record "x": Cannot write metrics to/);
  });
});

describe('getCollector', () => {
  const saved = process.env.DEV_METRICS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.DEV_METRICS_DIR;
    else process.env.DEV_METRICS_DIR = saved;
  });

  it('honours DEV_METRICS_DIR, else uses .metrics', () => {
    process.env.DEV_METRICS_DIR = dir;
    const c = getCollector();
    expect(c.metricsDir).toBe(dir);
    expect(getCollector()).toBe(c); // created once
    expect(trackExecution('default-collector', () => 'ok')).toBe('ok');
    expect(onDisk().map((r) => r.name)).toEqual(['default-collector']);

    const other = path.join(dir, 'other');
    process.env.DEV_METRICS_DIR = other;
    expect(getCollector().metricsDir).toBe(other);
    trackExecution('moved', () => undefined);
    expect(onDisk(other).map((r) => r.name)).toEqual(['moved']);

    delete process.env.DEV_METRICS_DIR;
    expect(getCollector().metricsDir).toBe('.metrics');
  });
});
