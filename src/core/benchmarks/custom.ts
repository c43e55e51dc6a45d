/**
 * github-action-benchmark's `customSmallerIsBetter` / `customBiggerIsBetter` JSON: an array of
 * { name, unit, value, range?, extra? }. The direction comes from the tool name, as there.
 */
import type { Better, RunValue } from '../values.js';
import { BenchmarkFormatError, benchmarkValue, isObject, parseJsonFile } from './common.js';

const SHAPE = 'an array of {"name", "unit", "value"} objects';

export function parseCustom(text: string, better: Better): RunValue[] {
  const data = parseJsonFile(text, SHAPE);
  if (!Array.isArray(data)) throw new BenchmarkFormatError(`expected ${SHAPE}, got no array`);
  return data.map((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry['name'] !== 'string') {
      throw new BenchmarkFormatError(`entry ${index} has no "name" text; expected ${SHAPE}`);
    }
    const value = entry['value'];
    if (typeof value !== 'number') {
      throw new BenchmarkFormatError(
        `entry ${index} ("${entry['name']}") has no numeric "value"; expected ${SHAPE}`,
      );
    }
    const unit = typeof entry['unit'] === 'string' ? entry['unit'] : undefined;
    return benchmarkValue(entry['name'], value, unit, better);
  });
}
