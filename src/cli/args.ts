/**
 * A small, strict argument parser for the CLI: long options only (plus -h), `--opt value` and
 * `--opt=value`, and `--` that hands the rest of argv over untouched (the wrapped command of `run`).
 * Every mistake becomes a UsageError naming the command, so main.ts can print that command's usage.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in usage, e.g. 'N', 'DIR'. */
  value?: string;
  description: string;
  /** May be given more than once; every value, in order, is in ParsedArgs.lists. */
  repeatable?: boolean;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list in `dev-metrics --help`. */
  summary: string;
  /** The part of the synopsis after `dev-metrics NAME`, e.g. '[--days N]'. */
  synopsis: string;
  /** A few sentences shown by `dev-metrics help NAME`. */
  details?: string;
  options: Record<string, OptionSpec>;
  positionals: PositionalSpec[];
  /** Takes `-- CMD ARGS...`; the part after `--` is required and never parsed. */
  passthrough?: boolean;
  examples?: string[];
}

export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positionals: string[];
  /** Everything after `--` for passthrough commands, otherwise empty. */
  rest: string[];
  /** Every value of each repeatable option given, in order (options holds the last one). */
  lists: Record<string, string[]>;
}

/** Bad command line: main prints `dev-metrics: message`, then the usage of `command`, exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  'metrics-dir': {
    type: 'string',
    value: 'DIR',
    description: 'where the history lives (default: $DEV_METRICS_DIR, else .metrics)',
  },
  json: { type: 'boolean', description: 'machine-readable JSON on stdout' },
  help: { type: 'boolean', description: 'show this help' },
};

/**
 * Parses the arguments that follow the command name. `preset` carries global options already
 * given before the command name (`dev-metrics --json summary`).
 */
export function parseCommandArgs(
  spec: CommandSpec,
  argv: readonly string[],
  preset: Record<string, string | boolean> = {},
): ParsedArgs {
  const known: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS, ...spec.options };
  const options: Record<string, string | boolean> = { ...preset };
  const positionals: string[] = [];
  const lists: Record<string, string[]> = {};
  let rest: string[] | null = null;
  const seen = new Set(Object.keys(preset));
  const fail = (message: string): never => {
    throw new UsageError(message, spec.name);
  };

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      if (spec.passthrough) {
        rest = argv.slice(i + 1);
      } else {
        positionals.push(...argv.slice(i + 1));
      }
      break;
    }
    if (token === '-h') {
      options.help = true;
      continue;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      const option = known[name];
      if (!option) {
        fail(
          `unknown option '--${name}' for '${spec.name}'${suggest(name, Object.keys(known), '--')}`,
        );
      }
      if (seen.has(name) && name !== 'help' && !option!.repeatable)
        fail(`--${name} is given more than once`);
      seen.add(name);
      if (option!.type === 'boolean') {
        if (eq !== -1) fail(`--${name} takes no value`);
        options[name] = true;
        continue;
      }
      let value: string | undefined;
      if (eq !== -1) {
        value = token.slice(eq + 1);
      } else {
        value = argv[i + 1];
        // A following option is almost surely a forgotten value, not a value starting with '--'.
        if (value === undefined || value.startsWith('--')) {
          fail(`--${name} needs a value (${option!.value ?? 'VALUE'})`);
        }
        i++;
      }
      options[name] = value as string;
      if (option!.repeatable) (lists[name] ??= []).push(value as string);
      continue;
    }
    // '-1' is a (bad) number for a positional like DAYS, not an option: let validation name it.
    if (token.startsWith('-') && token !== '-' && !/^-\d/.test(token)) {
      fail(`unknown option '${token}' for '${spec.name}' (options are long, like --help)`);
    }
    if (spec.passthrough && positionals.length >= spec.positionals.length) {
      fail(`unexpected argument '${token}': put the command to run after '--'`);
    }
    positionals.push(token);
  }

  if (options.help) return { options, positionals, rest: rest ?? [], lists };

  const required = spec.positionals.filter((p) => p.required);
  if (positionals.length < required.length) {
    const missing = required[positionals.length] as PositionalSpec;
    fail(`'${spec.name}' needs ${missing.name}`);
  }
  if (positionals.length > spec.positionals.length) {
    fail(`unexpected argument '${positionals[spec.positionals.length]}' for '${spec.name}'`);
  }
  if (spec.passthrough) {
    if (rest === null) {
      fail(`'${spec.name}' needs the command to run after '--'`);
    }
    if (rest!.length === 0) fail(`nothing to run after '--'`);
  }
  return { options, positionals, rest: rest ?? [], lists };
}

/** `--days`-style whole numbers; `label` names the input in the message, e.g. '--days' or 'DAYS'. */
export function parseWholeNumber(
  label: string,
  raw: string,
  min: number,
  command?: string,
): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${label} must be a whole number ≥ ${min}, got '${raw}'`, command);
  }
  return value;
}

/** `(did you mean --days?)` when a known name is within two edits of what was typed. */
export function suggest(typed: string, candidates: readonly string[], prefix = ''): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(typed, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean ${prefix}${best}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The `Usage:` block for one command, printed on `help NAME` and after usage errors. */
export function formatCommandUsage(spec: CommandSpec): string {
  const lines = [`Usage: dev-metrics ${spec.name}${spec.synopsis ? ' ' + spec.synopsis : ''}`];
  lines.push('', spec.details ?? spec.summary);
  const rows: [string, string][] = [];
  for (const p of spec.positionals) rows.push([p.name, p.description]);
  for (const [name, o] of Object.entries({ ...spec.options, ...GLOBAL_OPTIONS })) {
    rows.push([`--${name}${o.type === 'string' ? ' ' + (o.value ?? 'VALUE') : ''}`, o.description]);
  }
  const width = Math.max(...rows.map(([left]) => left.length));
  lines.push('', 'Arguments and options:');
  for (const [left, right] of rows) lines.push(`  ${left.padEnd(width)}  ${right}`);
  if (spec.examples?.length) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  return lines.join('\n') + '\n';
}
