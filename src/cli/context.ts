/** What every command gets: where the history is, how to print, and the process environment. */
import type { CommandSpec, ParsedArgs } from './args.js';
import { stringifyJson } from '../core/json-text.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CommandContext {
  /** Resolved `--metrics-dir`, default `.metrics` in the working directory. */
  metricsDir: string;
  json: boolean;
  /** Colour for human output (a terminal, NO_COLOR unset). */
  color: boolean;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Command {
  spec: CommandSpec;
  /** Resolves to the process exit code. Throws UsageError for bad input, DevMetricsError etc. */
  execute(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** `--json` output: one JSON document, newline-terminated, nothing else on stdout. */
export function printJson(context: CommandContext, value: unknown): void {
  // stringifyJson: metadata read from a day file may nest deeper than JSON.stringify can go.
  context.stdout.write(stringifyJson(value, 2) + '\n');
}
