/**
 * A step's `benchmark-file`, read and parsed (run-values.ts loads this module only when the input
 * is set). Never throws: what cannot be read or parsed is a one-line warning naming the input, the
 * file and the fix.
 */
import { open } from 'node:fs/promises';
import { BenchmarkFormatError, parseBenchmarks } from '../core/benchmarks/index.js';
import type { BenchmarkTool } from '../core/benchmarks/tools.js';
import type { RunValue } from '../core/values.js';

/** Larger benchmark files are not read: no tool writes that much for one run. */
export const MAX_BENCHMARK_FILE_BYTES = 20 * 1024 * 1024;

/** The benchmarks of one result file, or a warning naming the input and the fix. */
export async function readBenchmarkFile(
  file: string,
  given: string,
  tool: BenchmarkTool,
): Promise<{ values: RunValue[]; warning: string | null }> {
  const none = (why: string): { values: RunValue[]; warning: string } => ({
    values: [],
    warning: `dev-metrics: Input 'benchmark-file': ${why}; no benchmark values recorded (the step's outcome is unchanged).`,
  });
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_BENCHMARK_FILE_BYTES) {
        return none(
          `'${given}' (${file}) is ${size} bytes, over the ${MAX_BENCHMARK_FILE_BYTES}-byte limit; write only the ${tool} results to it`,
        );
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return none(
        `'${given}' (${file}) does not exist after the command ran; make the command write its ${tool} results there, or fix the path (it is relative to working-directory)`,
      );
    }
    if (code === 'EISDIR') return none(`'${given}' (${file}) is a directory; name the result file`);
    return none(`'${given}' (${file}) could not be read (${code ?? (error as Error).message})`);
  }
  try {
    return { values: parseBenchmarks(tool, text), warning: null };
  } catch (error) {
    // Any failure to parse, expected or not, must not cost the run its record.
    if (!(error instanceof BenchmarkFormatError)) {
      return none(`'${given}' could not be parsed as ${tool} output (${String(error)})`);
    }
    return none(
      `'${given}' is not ${tool} output: ${error.message}; check 'benchmark-tool' and that the command writes the tool's results there`,
    );
  }
}
