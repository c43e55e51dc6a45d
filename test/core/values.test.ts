import { describe, expect, it } from 'vitest';
import { DevMetricsError } from '../../src/core/errors.js';
import {
  checkValue,
  defaultBetter,
  parseValueLine,
  valuesOf,
  withValues,
} from '../../src/core/values.js';

describe('parseValueLine', () => {
  it('reads name=number, an optional unit and an optional direction', () => {
    expect(parseValueLine('size_kb=512')).toEqual({
      name: 'size_kb',
      value: 512,
      better: 'smaller',
    });
    expect(parseValueLine('  bundle = 1.5e3 KB ')).toEqual({
      name: 'bundle',
      value: 1500,
      unit: 'KB',
      better: 'smaller',
    });
    expect(parseValueLine('coverage=87.5 % bigger-is-better')).toEqual({
      name: 'coverage',
      value: 87.5,
      unit: '%',
      better: 'bigger',
    });
    expect(parseValueLine('throughput=1200 req/s')).toMatchObject({ better: 'bigger' });
    expect(parseValueLine('fib 20=-3 ns/iter lower-is-better')).toEqual({
      name: 'fib 20',
      value: -3,
      unit: 'ns/iter',
      better: 'smaller',
    });
  });

  it('skips blank lines and comments, names what is wrong otherwise', () => {
    expect(parseValueLine('')).toBeNull();
    expect(parseValueLine('# a comment')).toBeNull();
    expect(parseValueLine('no equals sign')).toEqual({
      problem: expect.stringContaining('name=number'),
    });
    expect(parseValueLine('=3')).toEqual({ problem: expect.stringContaining('empty') });
    expect(parseValueLine('x=NaN')).toEqual({ problem: expect.stringContaining('decimal number') });
    expect(parseValueLine('x=Infinity')).toEqual({
      problem: expect.stringContaining('decimal number'),
    });
    expect(parseValueLine('x=1e999')).toEqual({ problem: expect.stringContaining('not finite') });
    expect(parseValueLine('x=0x10')).toEqual({
      problem: expect.stringContaining('decimal number'),
    });
    expect(parseValueLine('x=')).toEqual({ problem: expect.stringContaining('decimal number') });
  });
});

describe('checkValue', () => {
  it('refuses non-finite numbers and bad names with a one-line error naming the source', () => {
    expect(() => checkValue('tokens', NaN, {}, 'trackExecution values')).toThrow(DevMetricsError);
    expect(() => checkValue('tokens', Infinity, {}, '--value')).toThrow(
      /--value: value "tokens" must be a finite number/,
    );
    expect(() => checkValue('a=b', 1)).toThrow(/'='/);
    expect(() => checkValue('x', 1, { better: 'up' })).toThrow(/"smaller" or "bigger"/);
    expect(checkValue('x', 2, { unit: 'ops/s' })).toEqual({
      name: 'x',
      value: 2,
      unit: 'ops/s',
      better: 'bigger',
    });
  });
});

describe('valuesOf / withValues', () => {
  it('round-trips through metadata without touching the caller object', () => {
    const original = { suite: 'unit' };
    const metadata = withValues(original, [
      checkValue('tokens', 1200, { unit: 'tokens' }),
      checkValue('__proto__', 3),
      checkValue('ops', 5, { unit: 'ops/s' }),
    ]);
    expect(original).toEqual({ suite: 'unit' });
    const parsed = JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>;
    expect(valuesOf(parsed)).toEqual([
      { name: 'tokens', value: 1200, unit: 'tokens', better: 'smaller' },
      { name: '__proto__', value: 3, better: 'smaller' },
      { name: 'ops', value: 5, unit: 'ops/s', better: 'bigger' },
    ]);
  });

  it('reads files written by others tolerantly', () => {
    expect(valuesOf(undefined)).toEqual([]);
    expect(valuesOf({ values: [1, 2] })).toEqual([]);
    expect(
      valuesOf({ values: { a: 'x', b: null, c: 4 }, value_info: { c: { unit: 7, better: 'up' } } }),
    ).toEqual([{ name: 'c', value: 4, better: 'smaller' }]);
  });

  it('infers bigger-is-better only for rates', () => {
    expect(defaultBetter('ops/sec')).toBe('bigger');
    expect(defaultBetter('MB/s')).toBe('bigger');
    expect(defaultBetter('ms')).toBe('smaller');
    expect(defaultBetter(undefined)).toBe('smaller');
  });

  it('reads a time or size per operation (go: ns/op, B/op, allocs/op) as smaller-is-better', () => {
    expect(defaultBetter('ns/op')).toBe('smaller');
    expect(defaultBetter('B/op')).toBe('smaller');
    expect(defaultBetter('allocs/op')).toBe('smaller');
    expect(defaultBetter('ns/iter')).toBe('smaller');
    expect(defaultBetter('ops')).toBe('bigger');
    expect(defaultBetter('iter/sec')).toBe('bigger');
    expect(defaultBetter('MS/s')).toBe('bigger');
  });
});
