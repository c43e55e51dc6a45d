import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DevMetricsCollector,
  DevMetricsError,
  addValue,
  trackExecution,
  type ExecutionRecord,
} from '../../src/index.js';

let dir: string;
let collector: DevMetricsCollector;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-values-'));
  collector = new DevMetricsCollector({ metricsDir: dir, onWarning: null });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every record on disk, read straight from the files. */
function onDisk(): ExecutionRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ExecutionRecord),
    );
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('trackExecution values', () => {
  it('stores the given values with their unit and direction in metadata', () => {
    trackExecution('build', () => 1, {
      collector,
      metadata: { target: 'prod' },
      values: { size_kb: { value: 512, unit: 'KB' }, files: 3, ops: { value: 9, unit: 'ops/s' } },
    });
    const [record] = onDisk();
    expect(record?.metadata).toEqual({
      target: 'prod',
      values: { size_kb: 512, files: 3, ops: 9 },
      value_info: {
        size_kb: { unit: 'KB', better: 'smaller' },
        files: { better: 'smaller' },
        ops: { unit: 'ops/s', better: 'bigger' },
      },
    });
  });

  it('refuses a non-finite value with a one-line error naming it, before running the function', () => {
    let ran = false;
    const error = thrown(() =>
      trackExecution(
        'build',
        () => {
          ran = true;
        },
        { collector, values: { size_kb: Number.NaN } },
      ),
    );
    expect(error).toBeInstanceOf(DevMetricsError);
    expect(error.message).toBe(
      'trackExecution values: value "size_kb" must be a finite number, got NaN',
    );
    expect(ran).toBe(false);
    expect(onDisk()).toEqual([]);
  });

  it('the wrapper form refuses bad values when it is made, not at its first call', () => {
    const error = thrown(() => trackExecution('wrapped', { collector, values: { n: Infinity } }));
    expect(error).toBeInstanceOf(DevMetricsError);
    expect(error.message).toBe(
      'trackExecution values: value "n" must be a finite number, got Infinity',
    );
  });

  it('adds values from inside a synchronous function', () => {
    trackExecution(
      'count',
      () => {
        addValue('rows', 10);
        addValue('rows', 12); // a later value replaces an earlier one
        addValue('throughput', 5.5, { unit: 'MB/s' });
      },
      { collector },
    );
    const [record] = onDisk();
    expect(record?.metadata['values']).toEqual({ rows: 12, throughput: 5.5 });
    expect(record?.metadata['value_info']).toEqual({
      rows: { better: 'smaller' },
      throughput: { unit: 'MB/s', better: 'bigger' },
    });
  });

  it('adds values after awaits in an async function, and when it rejects', async () => {
    await trackExecution(
      'fetch',
      async () => {
        await sleep(5);
        addValue('bytes', 2048, { unit: 'B' });
      },
      { collector },
    );
    await expect(
      trackExecution(
        'fails',
        async () => {
          await sleep(1);
          addValue('retries', 3);
          throw new Error('boom');
        },
        { collector },
      ),
    ).rejects.toThrow('boom');
    const [ok, failed] = onDisk();
    expect(ok?.metadata['values']).toEqual({ bytes: 2048 });
    expect(failed?.status).toBe('failed');
    expect(failed?.metadata['values']).toEqual({ retries: 3 });
  });

  it('reaches the innermost run, also for concurrent runs and the wrapper form', async () => {
    const timed = trackExecution('wrapped', { collector, values: { base: 1 } })(async (
      n: number,
    ) => {
      await sleep(n);
      addValue('n', n);
    });
    await Promise.all([
      timed(6),
      timed(2),
      trackExecution(
        'outer',
        async () => {
          addValue('outer_value', 1);
          await trackExecution('inner', () => addValue('inner_value', 2), { collector });
          await sleep(1);
          addValue('outer_after', 3);
        },
        { collector },
      ),
    ]);
    const byName = (name: string): ExecutionRecord[] => onDisk().filter((r) => r.name === name);
    expect(
      byName('wrapped')
        .map((r) => r.metadata['values'])
        .sort((a, b) => (a as { n: number }).n - (b as { n: number }).n),
    ).toEqual([
      { base: 1, n: 2 },
      { base: 1, n: 6 },
    ]);
    expect(byName('inner')[0]?.metadata['values']).toEqual({ inner_value: 2 });
    expect(byName('outer')[0]?.metadata['values']).toEqual({ outer_value: 1, outer_after: 3 });
  });

  it('throws a clear error outside a tracked run and after the run ended', async () => {
    const outside = thrown(() => addValue('x', 1));
    expect(outside).toBeInstanceOf(DevMetricsError);
    expect(outside.message).toMatch(/^addValue\("x"\) was called outside a tracked run; call it/);

    // The late call waits for a gate opened once the run has ended (not a timer: on a busy
    // machine the run could outlast it, and its rejection would then come before anything
    // handles it).
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let late: Promise<void> | undefined;
    await trackExecution(
      'short',
      async () => {
        late = gate.then(() => addValue('late', 1));
      },
      { collector },
    );
    open();
    await expect(late).rejects.toThrow(/came after the run "short" ended/);
    expect(onDisk()[0]?.metadata).toEqual({});
  });

  it('refuses a non-finite addValue with a DevMetricsError; the run records the throw as failed', () => {
    const error = thrown(() =>
      trackExecution('inf', () => addValue('ratio', Infinity), { collector }),
    );
    expect(error).toBeInstanceOf(DevMetricsError);
    expect(error.message).toBe('addValue: value "ratio" must be a finite number, got Infinity');
    expect(onDisk()[0]?.status).toBe('failed');
  });
});

describe('endExecution values', () => {
  it('stores values given as an object or a list', async () => {
    const a = collector.startExecution('a');
    await collector.endExecution(a, { values: { tokens: { value: 120, unit: 'tokens' } } });
    const b = collector.startExecution('b', { k: 'v' });
    collector.endExecutionSync(b, {
      values: [{ name: 'hits', value: 0.9, unit: 'ratio', better: 'bigger' }],
    });
    const [ra, rb] = onDisk();
    expect(ra?.metadata).toEqual({
      values: { tokens: 120 },
      value_info: { tokens: { unit: 'tokens', better: 'smaller' } },
    });
    expect(rb?.metadata).toEqual({
      k: 'v',
      values: { hits: 0.9 },
      value_info: { hits: { unit: 'ratio', better: 'bigger' } },
    });
  });

  it('refuses bad values without ending the execution, so the caller can fix and retry', async () => {
    const id = collector.startExecution('a');
    await expect(collector.endExecution(id, { values: { x: -Infinity } })).rejects.toThrow(
      'endExecution values: value "x" must be a finite number, got -Infinity',
    );
    await expect(
      collector.endExecution(id, { values: { x: { value: 1, better: 'up' as never } } }),
    ).rejects.toThrow(/"better" of value "x" must be "smaller" or "bigger"/);
    await collector.endExecution(id, { values: { x: 1 } });
    expect(onDisk()).toHaveLength(1);
  });
});
