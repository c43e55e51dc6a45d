/**
 * What the benchmark parsers share: the error they throw for a file that is not the tool's
 * format, and the clean-up that makes a benchmark's name a value name.
 */
import { DevMetricsError } from '../errors.js';
import { MAX_VALUE_NAME, checkValue, type Better, type RunValue } from '../values.js';

/** The file is not what the tool writes; the message says what was expected, in one line. */
export class BenchmarkFormatError extends DevMetricsError {}

/**
 * A value name for a benchmark as the tool names it: `=` (which a value line cannot hold) becomes
 * `:`, control characters a space, surrounding spaces go, and overlong names are cut.
 */
export function benchmarkName(raw: string): string {
  const name = raw
    .replace(/=/g, ':')
    // eslint-disable-next-line no-control-regex -- replacing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim();
  return name.length > MAX_VALUE_NAME ? name.slice(0, MAX_VALUE_NAME).trimEnd() : name;
}

/** One benchmark's value; a bad name or number is a BenchmarkFormatError naming the benchmark. */
export function benchmarkValue(
  rawName: string,
  value: number,
  unit: string | undefined,
  better: Better,
): RunValue {
  const name = benchmarkName(rawName);
  if (name === '') throw new BenchmarkFormatError(`a benchmark has an empty name`);
  try {
    return checkValue(name, value, { unit, better }, 'benchmark');
  } catch (error) {
    throw new BenchmarkFormatError((error as Error).message);
  }
}

/** `1,234.5` → 1234.5 (libtest groups thousands with commas). */
export function parseGroupedNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with a one-line error for the tool. */
export function parseJsonFile(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BenchmarkFormatError(
      `not valid JSON (${(error as Error).message}); expected ${what}`,
    );
  }
}
