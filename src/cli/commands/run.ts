/**
 * `run NAME [--metadata JSON] [--value NAME=NUMBER ...] -- CMD ARGS...`: runs CMD, records it,
 * exits with its exit code. The record's metadata is the --metadata object plus the run's values
 * (--value flags, then the lines CMD wrote to the file named by $DEV_METRICS_VALUES): the command
 * line is not stored, since argv often carries tokens and the history travels through caches and
 * dashboards.
 */
import { constants as fsConstants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { UsageError } from '../args.js';
import { DevMetricsError } from '../../core/errors.js';
import { stringifyJson } from '../../core/json-text.js';
import type { Command } from '../context.js';
import { formatTimestamp } from '../../core/record.js';
import type { ExecutionRecord } from '../../core/record.js';
import { openCollector } from '../history.js';
import { VALUES_ENV, createValueFile, takeValueFile } from '../../core/value-file.js';
import { parseValueLine, withValues, type RunValue } from '../../core/values.js';
import { judgeOutcome, superviseCommand } from '../run.js';
import type { CommandOutcome, RunVerdict } from '../run.js';

export const runCommand: Command = {
  spec: {
    name: 'run',
    summary: 'run a command and record how long it took and whether it passed',
    // --value is in the options list; the synopsis stays the short form.
    synopsis: 'NAME [--metadata JSON] -- CMD [ARGS...]',
    details:
      'Runs CMD with ARGS exactly as given (no shell), with its input and output going to this\n' +
      "terminal, records it under NAME, and exits with CMD's exit code. A signal that stops it\n" +
      '(Ctrl-C, SIGTERM) is passed on to CMD and recorded as a failure; exit is then 128 + signal.\n' +
      'A command that does not exist is recorded as failed and exits 127. With --json, the record\n' +
      "written is printed as one JSON line after the command's own output.\n" +
      'Values (sizes, counts, scores) are stored beside the duration: give them with --value, or\n' +
      'let CMD append lines like `size_kb=512 KB` to the file named by $DEV_METRICS_VALUES\n' +
      '(`name=number [unit] [bigger-is-better]`). A line that does not parse is skipped with a\n' +
      'warning; values never change the exit code.',
    options: {
      metadata: {
        type: 'string',
        value: 'JSON',
        description: 'a JSON object stored with the record, e.g. \'{"branch":"main"}\'',
      },
      value: {
        type: 'string',
        value: 'NAME=NUMBER [UNIT]',
        description: "a value stored with the record, e.g. 'size_kb=512 KB' (repeatable)",
        repeatable: true,
      },
    },
    positionals: [{ name: 'NAME', required: true, description: 'operation name, e.g. unit_tests' }],
    passthrough: true,
    examples: [
      'dev-metrics run unit_tests -- npm test',
      'dev-metrics run build --metadata \'{"target":"prod"}\' -- npm run build',
      "dev-metrics run build --value 'size_kb=512 KB' -- npm run build",
      'dev-metrics run bench -- sh -c \'echo "ops=1200 ops/s" >> "$DEV_METRICS_VALUES"\'',
    ],
  },

  async execute(args, context) {
    const name = args.positionals[0] as string;
    if (name.trim() === '') throw new UsageError('NAME must not be empty', 'run');
    const metadata = parseMetadata(args.options.metadata);
    const flagValues = (args.lists['value'] ?? []).map(parseValueFlag);
    const collector = openCollector(context.metricsDir);
    // Find out now, not after a long build, that the run could not be recorded.
    await ensureWritableDir(context.metricsDir);

    let valueFile: string | null = null;
    try {
      valueFile = createValueFile(tmpdir());
    } catch (error) {
      // Values are extras: the command still runs and is recorded without the file.
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      context.stderr.write(
        `dev-metrics: warning: could not create the ${VALUES_ENV} file in ${tmpdir()} (${why}); values written by the command are not recorded\n`,
      );
    }
    const env = valueFile === null ? undefined : { ...process.env, [VALUES_ENV]: valueFile };
    const timed = await timeCommand(name, args.rest, metadata, 'inherit', env);
    const { verdict, outcome } = timed;
    let { record } = timed;
    const values: RunValue[] = [...flagValues];
    if (valueFile !== null) {
      const fromFile = takeValueFile(valueFile);
      for (const warning of fromFile.warnings) {
        context.stderr.write(`dev-metrics: warning: ${warning}\n`);
      }
      values.push(...fromFile.values);
    }
    if (values.length > 0) record = { ...record, metadata: withValues(record.metadata, values) };
    if (outcome.kind === 'not-started') context.stderr.write(`dev-metrics: ${verdict.error}\n`);
    try {
      await collector.recordExecution(record);
    } catch (error) {
      context.stderr.write(`dev-metrics: run not recorded: ${(error as Error).message}\n`);
      // The command's own failure is what CI should see; a lost record only fails a passing run.
      return verdict.exitCode === 0 ? 1 : verdict.exitCode;
    }
    if (context.json) context.stdout.write(stringifyJson(record) + '\n');
    return verdict.exitCode;
  },
};

/** Runs argv and builds its record (not yet written): the part `run` and `demo` share. */
export async function timeCommand(
  name: string,
  argv: readonly string[],
  metadata: Record<string, unknown>,
  stdio: 'inherit' | 'ignore' = 'inherit',
  env?: NodeJS.ProcessEnv,
): Promise<{ record: ExecutionRecord; verdict: RunVerdict; outcome: CommandOutcome }> {
  // Wall clock for the timestamps, monotonic clock for the duration (immune to clock steps).
  const startedMs = Date.now();
  const startedClock = performance.now();
  const outcome = await superviseCommand(argv, { stdio, env });
  const durationMs = performance.now() - startedClock;
  const verdict = judgeOutcome(argv[0] as string, outcome);
  const record: ExecutionRecord = {
    name,
    started_at: formatTimestamp(startedMs),
    ended_at: formatTimestamp(startedMs + durationMs),
    // Microsecond precision, like the Python tool's timedelta arithmetic.
    duration_ms: Math.round(durationMs * 1000) / 1000,
    status: verdict.status,
    metadata,
    error: verdict.error,
  };
  return { record, verdict, outcome };
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, fsConstants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it is not a directory' : code;
    throw new DevMetricsError(
      `cannot write to metrics directory ${dir} (${why}); pass a writable --metrics-dir`,
    );
  }
}

function parseMetadata(raw: string | boolean | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch (error) {
    throw new UsageError(
      `--metadata is not valid JSON (${(error as Error).message}); pass an object like '{"key":"value"}'`,
      'run',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new UsageError(
      `--metadata must be a JSON object, got ${kind}; pass an object like '{"key":"value"}'`,
      'run',
    );
  }
  return value as Record<string, unknown>;
}

/** `--value 'size_kb=512 KB'`: the grammar of a value-file line; a mistake stops before CMD runs. */
function parseValueFlag(raw: string): RunValue {
  const parsed = parseValueLine(raw);
  if (parsed === null || 'problem' in parsed) {
    const why = parsed === null ? 'it is empty' : parsed.problem;
    throw new UsageError(
      `--value ${JSON.stringify(raw)}: ${why}; pass NAME=NUMBER [UNIT], e.g. --value 'size_kb=512 KB'`,
      'run',
    );
  }
  return parsed;
}
