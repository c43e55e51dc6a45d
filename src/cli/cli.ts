/**
 * The CLI's dispatcher: global flags, `help`/`--version`, picking the command, and turning every
 * failure into one line on stderr with the right exit code (2 usage, 1 runtime).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GLOBAL_OPTIONS,
  UsageError,
  formatCommandUsage,
  parseCommandArgs,
  suggest,
} from './args.js';
import type { Command, CommandContext, Output } from './context.js';
import { COMMANDS } from './commands/index.js';
import { shouldUseColor } from './table.js';

export interface CliEnvironment {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const EXIT_USAGE = 2;
export const EXIT_RUNTIME = 1;

export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CliEnvironment): Promise<number> {
  // Global options may come before the command name: `dev-metrics --metrics-dir m summary`.
  const preset: Record<string, string | boolean> = {};
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--version' || token === '-V') {
      io.stdout.write(`${readVersion()}\n`);
      return 0;
    }
    if (token === '--help' || token === '-h') {
      io.stdout.write(generalUsage());
      return 0;
    }
    if (!token.startsWith('-')) break;
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const option = token.startsWith('--') ? GLOBAL_OPTIONS[name] : undefined;
    if (option === undefined) {
      throw new UsageError(
        `unknown option '${token}'${suggest(name, [...Object.keys(GLOBAL_OPTIONS), 'version'], '--')}`,
      );
    }
    if (option.type === 'boolean') {
      // Same rule as after the command (args.ts): `--json=1` must not pass silently.
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      preset[name] = true;
    } else if (eq !== -1) {
      preset[name] = token.slice(eq + 1);
    } else {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`--${name} needs a value (${option.value ?? 'VALUE'})`);
      }
      preset[name] = value;
    }
  }

  const name = argv[i];
  if (name === undefined) throw new UsageError('no command given');
  if (name === 'help') return help(argv.slice(i + 1), io);
  const command = findCommand(name);
  const args = parseCommandArgs(command.spec, argv.slice(i + 1), preset);
  if (args.options.help === true) {
    io.stdout.write(formatCommandUsage(command.spec));
    return 0;
  }
  // Same precedence as the library's default collector: flag, then DEV_METRICS_DIR, then .metrics.
  const dirOption = args.options['metrics-dir'] as string | undefined;
  if (dirOption === '') throw new UsageError('--metrics-dir must not be empty', command.spec.name);
  const metricsDir = path.resolve(io.cwd, dirOption ?? (io.env.DEV_METRICS_DIR || '.metrics'));
  const context: CommandContext = {
    metricsDir,
    json: args.options.json === true,
    color: shouldUseColor(io.stdout, io.env),
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    cwd: io.cwd,
  };
  return command.execute(args, context);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command === undefined) {
    throw new UsageError(
      `unknown command '${name}'${suggest(
        name,
        COMMANDS.map((c) => c.spec.name),
      )}`,
    );
  }
  return command;
}

function help(rest: readonly string[], io: CliEnvironment): number {
  if (rest.length === 0) {
    io.stdout.write(generalUsage());
    return 0;
  }
  if (rest.length > 1) throw new UsageError(`'help' takes one command name, got ${rest.length}`);
  io.stdout.write(formatCommandUsage(findCommand(rest[0] as string).spec));
  return 0;
}

export function generalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  const lines = [
    'Usage: dev-metrics COMMAND [ARGS...] [--metrics-dir DIR] [--json]',
    '',
    'Record how long your build steps take, and see how that changes.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    'Every command takes --metrics-dir DIR (default: $DEV_METRICS_DIR, else .metrics) and --json.',
    "Run 'dev-metrics help COMMAND' for a command's arguments; --version prints the version.",
  ];
  return lines.join('\n') + '\n';
}

function reportError(error: unknown, io: CliEnvironment): number {
  if (error instanceof UsageError) {
    io.stderr.write(`dev-metrics: ${error.message}\n\n`);
    const command = COMMANDS.find((c) => c.spec.name === error.command);
    io.stderr.write(command ? formatCommandUsage(command.spec) : generalUsage());
    return EXIT_USAGE;
  }
  const debug = io.env.DEV_METRICS_DEBUG === '1';
  if (debug && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    io.stderr.write(`dev-metrics: ${oneLine(error)}\n`);
  }
  return EXIT_RUNTIME;
}

/** The message alone, first line only: users get a sentence, not a trace. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    (message.split('\n')[0] ?? '').trim() ||
    'unexpected error (set DEV_METRICS_DEBUG=1 for details)'
  );
}

function readVersion(): string {
  // lib/cli/cli.js and src/cli/cli.ts both sit two levels below package.json.
  const file = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
