/**
 * pytest-benchmark's JSON (`--benchmark-json=FILE`): each benchmark's `stats.ops` (rounds per
 * second, bigger is better) under its `fullname`, as github-action-benchmark records it.
 */
import type { RunValue } from '../values.js';
import { BenchmarkFormatError, benchmarkValue, isObject, parseJsonFile } from './common.js';

const SHAPE = 'pytest-benchmark JSON: {"benchmarks": [{"fullname", "stats": {"ops"}}]}';

export function parsePytestBenchmark(text: string): RunValue[] {
  const data = parseJsonFile(text, SHAPE);
  const benchmarks = isObject(data) ? data['benchmarks'] : undefined;
  if (!Array.isArray(benchmarks)) {
    throw new BenchmarkFormatError(`no "benchmarks" array; expected ${SHAPE}`);
  }
  return benchmarks.map((entry: unknown, index) => {
    const name = isObject(entry) ? (entry['fullname'] ?? entry['name']) : undefined;
    if (typeof name !== 'string') {
      throw new BenchmarkFormatError(`benchmark ${index} has no "fullname"; expected ${SHAPE}`);
    }
    const stats = (entry as Record<string, unknown>)['stats'];
    const ops = isObject(stats) ? stats['ops'] : undefined;
    if (typeof ops !== 'number') {
      throw new BenchmarkFormatError(`benchmark "${name}" has no numeric "stats.ops"`);
    }
    return benchmarkValue(name, ops, 'iter/sec', 'bigger');
  });
}
