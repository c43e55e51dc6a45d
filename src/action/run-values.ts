/**
 * The values of a wrapped step, read after its command exits: the lines it appended to the
 * DEV_METRICS_VALUES file (command.ts creates and reads it), then the benchmarks of
 * `benchmark-file`. Never
 * throws and never fails the step: whatever cannot be read is a one-line warning naming the input
 * or file and the fix, and the record is written with the values that could be read.
 */
import path from 'node:path';
import type { BenchmarkTool } from '../core/benchmarks/tools.js';
import type { RunValue } from '../core/values.js';
import type { CommandResult } from './command.js';

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
    // The parsers only here: every step loads this module, few have a benchmark file.
    const { readBenchmarkFile } = await import('./benchmark-file.js');
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
