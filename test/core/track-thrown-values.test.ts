// trackExecution must rethrow whatever fn threw, unchanged, even values String() cannot convert,
// and still write the failed record; its declared return type must match what it returns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { DevMetricsCollector, trackExecution, type ExecutionRecord } from '../../src/index.js';

let dir: string;
let collector: DevMetricsCollector;
let warnings: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-thrown-'));
  warnings = [];
  collector = new DevMetricsCollector({ metricsDir: dir, onWarning: (m) => warnings.push(m) });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function onDisk(): ExecutionRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as ExecutionRecord);
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const unprintable = (): object[] => [
  Object.create(null) as object,
  { toString: () => ({}), valueOf: () => ({}) },
  {
    toString() {
      throw new Error('toString exploded');
    },
  },
];

describe('trackExecution with values String() cannot convert', () => {
  it.each(unprintable().map((v, i) => [i, v]))(
    'sync throw #%i: rethrows the same value and records "failed"',
    (_i, value) => {
      const thrown = caught(() =>
        trackExecution(
          'odd',
          () => {
            throw value;
          },
          { collector },
        ),
      );
      expect(thrown).toBe(value);
      const records = onDisk();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ name: 'odd', status: 'failed' });
      expect(records[0]!.error).toBe('[object Object]');
      expect(warnings).toEqual([]);
    },
  );

  it('async rejection with Object.create(null): same value, failed record', async () => {
    const value = Object.create(null) as object;
    let thrown: unknown;
    await trackExecution('odd-async', () => Promise.reject(value), { collector }).catch(
      (e: unknown) => (thrown = e),
    );
    expect(thrown).toBe(value);
    expect(onDisk()).toMatchObject([
      { name: 'odd-async', status: 'failed', error: '[object Object]' },
    ]);
  });

  it('an Error whose message getter throws still gives a record', () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('getter exploded');
      },
    });
    expect(
      caught(() =>
        trackExecution(
          'getter',
          () => {
            throw error;
          },
          { collector },
        ),
      ),
    ).toBe(error);
    expect(onDisk()).toMatchObject([{ name: 'getter', status: 'failed', error: '[object Error]' }]);
  });
});

describe('trackExecution return type', () => {
  it('a custom thenable comes back as a new native Promise, typed Promise<Awaited<T>>', async () => {
    const thenable: PromiseLike<number> = {
      then(onFulfilled, onRejected) {
        return Promise.resolve(7).then(onFulfilled, onRejected);
      },
    };
    const result = trackExecution('thenable', () => thenable, { collector });
    expectTypeOf(result).toEqualTypeOf<Promise<number>>();
    expect(result).toBeInstanceOf(Promise);
    expect(result).not.toBe(thenable);
    expect(await result).toBe(7);
    expect(onDisk()).toMatchObject([{ name: 'thenable', status: 'success' }]);

    const wrapped = trackExecution('wrapped', { collector })((n: number) => ({
      then: (resolve: (v: string) => void) => resolve(String(n)),
    }));
    const wrappedResult = wrapped(3);
    expectTypeOf(wrappedResult).toEqualTypeOf<Promise<string>>();
    expect(await wrappedResult).toBe('3');

    const plain = trackExecution('plain', () => 5, { collector });
    expectTypeOf(plain).toEqualTypeOf<number>();
    const nested = trackExecution('nested', async () => Promise.resolve('s'), { collector });
    expectTypeOf(nested).toEqualTypeOf<Promise<string>>();
    expect(await nested).toBe('s');
  });
});
