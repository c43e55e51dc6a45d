/**
 * Benchmark result files, in the formats github-action-benchmark reads, under the same names as
 * its `tool` input. Each benchmark becomes one value (its own series). Pure: text in, values out.
 */
import type { RunValue } from '../values.js';
import { parseCargoBench } from './cargo.js';
import { BenchmarkFormatError } from './common.js';
import { parseCustom } from './custom.js';
import { parseGoBench } from './go.js';
import { parseGoogleBenchmark } from './googlecpp.js';
import { parsePytestBenchmark } from './pytest.js';
import type { BenchmarkTool } from './tools.js';

export { BenchmarkFormatError } from './common.js';
export { BENCHMARK_TOOLS, isBenchmarkTool, type BenchmarkTool } from './tools.js';

const PARSERS: Record<BenchmarkTool, (text: string) => RunValue[]> = {
  customSmallerIsBetter: (text) => parseCustom(text, 'smaller'),
  customBiggerIsBetter: (text) => parseCustom(text, 'bigger'),
  googlecpp: parseGoogleBenchmark,
  pytest: parsePytestBenchmark,
  go: parseGoBench,
  cargo: parseCargoBench,
};

/**
 * The benchmarks of one result file. Throws BenchmarkFormatError (one line) when the text is not
 * the tool's format or holds no benchmark; a name given twice keeps its last value.
 */
export function parseBenchmarks(tool: BenchmarkTool, text: string): RunValue[] {
  const values = PARSERS[tool](text);
  if (values.length === 0) {
    throw new BenchmarkFormatError(`no ${tool} benchmark results found in it`);
  }
  return values;
}
