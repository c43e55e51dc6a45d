/**
 * The values of a wrapped step, read after its command exits: the lines it appended to the
 * DEV_METRICS_VALUES file (command.ts creates and reads it), then the benchmarks of
 * `benchmark-file`. Never
 * throws and never fails the step: whatever cannot be read is a one-line warning naming the input
 * or file and the fix, and the record is written with the values that could be read.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { BenchmarkFormatError, parseBenchmarks } from '../core/benchmarks/index.js';
import type { BenchmarkTool } from '../core/benchmarks/index.js';
import type { RunValue } from '../core/values.js';
import type { CommandResult } from './command.js';

/** Larger benchmark files are not read: no tool writes that much for one run. */
export const MAX_BENCHMARK_FILE_BYTES = 20 * 1024 * 1024;

export interface RunValuesInput {
  result: CommandResult;
  benchmark: { file: string; tool: BenchmarkTool } | null;
  /** Where the command ran (workspace + working-directory): benchmark-file is relative to it. */
  commandDir: string;
}

export interface RunValues {
  values: RunValue[];
  warnings: string[];
}

export async function collectRunValues(input: RunValuesInput): Promise<RunValues> {
  const values: RunValue[] = [];
  const warnings: string[] = [];
  if (input.result.values !== undefined) {
    values.push(...input.result.values.values);
    warnings.push(...input.result.values.warnings.map((w) => `dev-metrics: ${w}`));
  }
  if (input.benchmark !== null) {
    const read = await readBenchmarkFile(
      path.resolve(input.commandDir, input.benchmark.file),
      input.benchmark.file,
      input.benchmark.tool,
    );
    values.push(...read.values);
    if (read.warning !== null) warnings.push(read.warning);
  }
  return { values, warnings };
}

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
