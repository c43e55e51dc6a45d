/**
 * Google Benchmark's JSON (`--benchmark_format=json` / `--benchmark_out`): each entry of
 * `benchmarks` gives `real_time` in `time_unit`, smaller is better. With repetitions, the tool
 * also writes aggregates (`fib_10_mean`, `_median`, `_stddev`, `_cv`): then the per-repetition
 * entries of that run are left out (they share one name) and so are the spread aggregates.
 */
import type { RunValue } from '../values.js';
import { BenchmarkFormatError, benchmarkValue, isObject, parseJsonFile } from './common.js';

const SHAPE = 'Google Benchmark JSON: {"benchmarks": [{"name", "real_time", "time_unit"}]}';
const SPREAD = new Set(['stddev', 'cv']);

export function parseGoogleBenchmark(text: string): RunValue[] {
  const data = parseJsonFile(text, SHAPE);
  const benchmarks = isObject(data) ? data['benchmarks'] : undefined;
  if (!Array.isArray(benchmarks)) {
    throw new BenchmarkFormatError(`no "benchmarks" array; expected ${SHAPE}`);
  }
  const entries = benchmarks.map((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry['name'] !== 'string') {
      throw new BenchmarkFormatError(`benchmark ${index} has no "name"; expected ${SHAPE}`);
    }
    return entry;
  });
  const aggregated = new Set(
    entries.filter((e) => e['run_type'] === 'aggregate').map((e) => String(e['run_name'])),
  );
  const out: RunValue[] = [];
  for (const entry of entries) {
    const name = entry['name'] as string;
    if (entry['error_occurred'] === true) continue; // the tool reports no time for it
    if (entry['run_type'] === 'aggregate') {
      if (SPREAD.has(String(entry['aggregate_name']))) continue;
    } else if (aggregated.has(String(entry['run_name']))) {
      continue;
    }
    const time = entry['real_time'];
    if (typeof time !== 'number') {
      throw new BenchmarkFormatError(`benchmark "${name}" has no numeric "real_time"`);
    }
    const unit = typeof entry['time_unit'] === 'string' ? entry['time_unit'] : 'ns';
    out.push(benchmarkValue(name, time, unit, 'smaller'));
  }
  return out;
}
