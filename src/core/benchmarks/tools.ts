/**
 * The benchmark formats by name (github-action-benchmark's `tool` names), apart from their
 * parsers (index.ts): the action checks its `benchmark-tool` input in every step, and loads the
 * parsers only in a step that has a benchmark file to read.
 */
export const BENCHMARK_TOOLS = [
  'customSmallerIsBetter',
  'customBiggerIsBetter',
  'googlecpp',
  'pytest',
  'go',
  'cargo',
] as const;

export type BenchmarkTool = (typeof BENCHMARK_TOOLS)[number];

export function isBenchmarkTool(value: string): value is BenchmarkTool {
  return (BENCHMARK_TOOLS as readonly string[]).includes(value);
}
