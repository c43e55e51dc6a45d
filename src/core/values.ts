/**
 * Numeric values of a run beside its duration: tokens, cost, sizes, counts, benchmark results.
 * They live inside `metadata`, so the record keeps exactly the Python tool's keys and that tool
 * still reads every file:
 *
 *   "metadata": { "values": { "bundle_kb": 512, "ops": 1.2e6 },
 *                 "value_info": { "bundle_kb": { "unit": "KB", "better": "smaller" },
 *                                 "ops": { "unit": "ops/s", "better": "bigger" } } }
 *
 * `values` maps a name to a finite number; `value_info` says, where the value was produced, its
 * unit and which direction is better. Each value of a step is its own series.
 * Pure: parsing, checking and reading; no I/O.
 */
import { DevMetricsError, describeValue } from './errors.js';

export const VALUES_KEY = 'values';
export const VALUE_INFO_KEY = 'value_info';

/** Which way is an improvement: durations, sizes and costs get better smaller; throughput bigger. */
export type Better = 'smaller' | 'bigger';

export interface ValueInfo {
  /** Free text shown beside the number (`KB`, `tokens`, `ns/iter`); absent when unitless. */
  unit?: string;
  better: Better;
}

/** One value as produced: a name, a finite number, and what it means. */
export interface RunValue extends ValueInfo {
  name: string;
  value: number;
}

export const MAX_VALUE_NAME = 200;
export const MAX_UNIT = 40;

const DIRECTION_WORDS: Record<string, Better> = {
  'bigger-is-better': 'bigger',
  'higher-is-better': 'bigger',
  'smaller-is-better': 'smaller',
  'lower-is-better': 'smaller',
};

// Rates ("ops/s", "req/sec", "it/s", "MB/s", "Hz") are better bigger; everything else (time, size,
// cost, counts of errors) smaller, as with durations. An explicit direction always wins.
// "ops" is a rate, but "/op" is a cost per operation (go's ns/op, B/op, allocs/op).
const RATE_UNIT = /(\/\s*(s|sec|second|min|minute)|\bhz|(?<!\/\s*)\bops?\b|per second)$/i;

/** The direction a unit implies when the producer did not say. */
export function defaultBetter(unit: string | undefined): Better {
  return unit !== undefined && RATE_UNIT.test(unit.trim()) ? 'bigger' : 'smaller';
}

/** Why `name` cannot name a value, or null when it can. */
export function valueNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return `a value name must be text, got ${describeValue(name)}`;
  if (name.trim() === '') return 'a value name must not be empty';
  if (name !== name.trim())
    return `value name ${describeValue(name)} has leading or trailing spaces`;
  if (name.length > MAX_VALUE_NAME)
    return `value name ${describeValue(name)} is longer than ${MAX_VALUE_NAME} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f=]/.test(name))
    return `value name ${describeValue(name)} contains '=' or a control character`;
  return null;
}

/** Why `unit` cannot be a unit, or null when it can (undefined: no unit). */
export function unitProblem(unit: unknown): string | null {
  if (unit === undefined) return null;
  if (typeof unit !== 'string') return `a unit must be text, got ${describeValue(unit)}`;
  if (unit.length > MAX_UNIT)
    return `unit ${describeValue(unit)} is longer than ${MAX_UNIT} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(unit))
    return `unit ${describeValue(unit)} contains a control character`;
  return null;
}

/**
 * Checks one value as given by a caller (library options, CLI flag, value file); throws a
 * one-line DevMetricsError naming `source` and the fix. Non-finite numbers are refused.
 */
export function checkValue(
  name: unknown,
  value: unknown,
  info: { unit?: unknown; better?: unknown } = {},
  source = 'value',
): RunValue {
  const nameProblem = valueNameProblem(name);
  if (nameProblem !== null) throw new DevMetricsError(`${source}: ${nameProblem}`);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DevMetricsError(
      `${source}: value "${String(name)}" must be a finite number, got ${describeValue(value)}`,
    );
  }
  const unit = info.unit === '' ? undefined : info.unit;
  const problem = unitProblem(unit);
  if (problem !== null) throw new DevMetricsError(`${source}: ${problem}`);
  const better = info.better ?? defaultBetter(unit as string | undefined);
  if (better !== 'smaller' && better !== 'bigger') {
    throw new DevMetricsError(
      `${source}: "better" of value "${String(name)}" must be "smaller" or "bigger", got ${describeValue(better)}`,
    );
  }
  const out: RunValue = { name: name as string, value, better };
  if (unit !== undefined) out.unit = unit as string;
  return out;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses one line of a value file (like `GITHUB_OUTPUT`): `name=number [unit] [direction]`, where
 * direction is `bigger-is-better` or `smaller-is-better` (also `higher-`/`lower-is-better`).
 * Returns the value, or a problem text naming what is wrong; blank lines and `#` comments give null.
 */
export function parseValueLine(line: string): RunValue | { problem: string } | null {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return null;
  const eq = text.indexOf('=');
  if (eq < 0) return { problem: `expected name=number [unit], got ${describeValue(text)}` };
  const name = text.slice(0, eq).trim();
  const nameProblem = valueNameProblem(name);
  if (nameProblem !== null) return { problem: nameProblem };
  const words = text
    .slice(eq + 1)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const numberText = words.shift();
  if (numberText === undefined || !NUMBER.test(numberText)) {
    return {
      problem: `value "${name}" must be a decimal number, got ${describeValue(numberText ?? '')}`,
    };
  }
  const value = Number(numberText);
  if (!Number.isFinite(value)) return { problem: `value "${name}" is not finite (${numberText})` };
  let better: Better | undefined;
  const last = words[words.length - 1];
  if (last !== undefined && DIRECTION_WORDS[last.toLowerCase()] !== undefined) {
    better = DIRECTION_WORDS[last.toLowerCase()];
    words.pop();
  }
  const unit = words.length > 0 ? words.join(' ') : undefined;
  const problem = unitProblem(unit);
  if (problem !== null) return { problem };
  const out: RunValue = { name, value, better: better ?? defaultBetter(unit) };
  if (unit !== undefined) out.unit = unit;
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a record's metadata has a values entry at all: one property test, for the readers that
 * pass every record and call valuesOf only for those that have one.
 */
export function carriesValues(metadata: unknown): boolean {
  return (
    typeof metadata === 'object' &&
    metadata !== null &&
    (metadata as Record<string, unknown>)[VALUES_KEY] !== undefined
  );
}

/**
 * The values a record's metadata carries, in stored order. Tolerant, as a reader of files written
 * by others must be: a value that is not a finite number is left out, an unreadable `value_info`
 * entry falls back to the defaults.
 */
export function valuesOf(metadata: unknown): RunValue[] {
  if (!isObject(metadata)) return [];
  const values = metadata[VALUES_KEY];
  if (!isObject(values)) return [];
  const infos = isObject(metadata[VALUE_INFO_KEY]) ? metadata[VALUE_INFO_KEY] : {};
  const out: RunValue[] = [];
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (valueNameProblem(name) !== null) continue;
    const info = Object.hasOwn(infos, name) && isObject(infos[name]) ? infos[name] : {};
    const unit =
      typeof info['unit'] === 'string' && info['unit'] !== '' && unitProblem(info['unit']) === null
        ? info['unit']
        : undefined;
    const better =
      info['better'] === 'bigger' || info['better'] === 'smaller'
        ? info['better']
        : defaultBetter(unit);
    const entry: RunValue = { name, value, better };
    if (unit !== undefined) entry.unit = unit;
    out.push(entry);
  }
  return out;
}

/**
 * `metadata` with `values` added (a later value of the same name replaces an earlier one), as a
 * new object; the caller's object is not changed. Values must already be checked (checkValue).
 */
export function withValues(
  metadata: Readonly<Record<string, unknown>>,
  values: readonly RunValue[],
): Record<string, unknown> {
  if (values.length === 0) return { ...metadata };
  const stored = isObject(metadata[VALUES_KEY]) ? { ...metadata[VALUES_KEY] } : {};
  const infos = isObject(metadata[VALUE_INFO_KEY]) ? { ...metadata[VALUE_INFO_KEY] } : {};
  for (const v of values) {
    // defineProperty: a value named "__proto__" is a value like any other.
    Object.defineProperty(stored, v.name, {
      value: v.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const info: ValueInfo =
      v.unit === undefined ? { better: v.better } : { unit: v.unit, better: v.better };
    Object.defineProperty(infos, v.name, {
      value: info,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...metadata, [VALUES_KEY]: stored, [VALUE_INFO_KEY]: infos };
}

/**
 * The series key of a value: its step's series key and the value's name. Kept printable, as step
 * series keys are (the PR comment stores rows by key).
 */
export function valueSeriesKey(stepSeriesKey: string, valueName: string): string {
  return `${stepSeriesKey} ${JSON.stringify(valueName)}`;
}

/** Separates a step's label from a value's name in a value series' label. */
export const VALUE_SEPARATOR = ' › ';

/** How a value series is named in reports: `bench · linux › BenchmarkFib10`. */
export function valueLabel(stepLabel: string, valueName: string): string {
  return `${stepLabel}${VALUE_SEPARATOR}${valueName}`;
}

/** Values as a caller writes them: `{ size_kb: 512, ops: { value: 1e6, unit: 'ops/s' } }`. */
export type ValuesInput = Readonly<
  Record<string, number | { value: number; unit?: string; better?: Better }>
>;

/** Values as a list, in the order given: `[{ name: 'size_kb', value: 512, unit: 'KB' }]`. */
export type ValueList = readonly { name: string; value: number; unit?: string; better?: Better }[];

/**
 * Checks values a caller passed (an object of name → number or {value, unit?, better?}, or a
 * list of {name, value, unit?, better?}); throws a one-line DevMetricsError naming `source` and
 * the value at fault. undefined gives no values.
 */
export function valuesFromInput(input: unknown, source: string): RunValue[] {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) {
    return input.map((entry: unknown, index) => {
      if (!isObject(entry)) {
        throw new DevMetricsError(
          `${source}[${index}] must be an object like { name: "size_kb", value: 512 }, got ${describeValue(entry)}`,
        );
      }
      return checkValue(entry['name'], entry['value'], entry, source);
    });
  }
  if (!isObject(input)) {
    throw new DevMetricsError(
      `${source} must be an object like { size_kb: 512 }, got ${describeValue(input)}`,
    );
  }
  return Object.keys(input).map((name) => {
    const given = input[name];
    if (isObject(given)) return checkValue(name, given['value'], given, source);
    return checkValue(name, given, {}, source);
  });
}
