/**
 * The action's inputs, read and validated in one place so that a bad value fails the step before
 * anything runs, with one line that names the input and says how to fix it.
 *
 * Defaults: the empty string means "use the default" for every input except `dashboard-artifact`,
 * where '' means "no dashboard". The runner substitutes action.yml defaults for inputs the workflow
 * leaves out, so action.yml must declare `default: dev-metrics-dashboard` for that one input
 * (ACTION_INPUT_DEFAULTS below is the list action.yml should mirror).
 *
 * `working-directory` is only checked for shape here; whether it exists is checked by
 * command.ts at run time (see runCommand), so this module stays free of file-system I/O.
 */
import * as core from './runner-io.js';
import { BENCHMARK_TOOLS, isBenchmarkTool, type BenchmarkTool } from '../core/benchmarks/tools.js';
import { OtlpConfigError, checkUrl, isHttpUrl, parseHeaders } from '../export/otlp-settings.js';
import { BUILTIN_SHELL_NAMES } from './shells.js';

/** Options core.getInput understands; we only use trimWhitespace. */
export interface GetInputOptions {
  trimWhitespace?: boolean;
}

/** core.getInput's shape: returns '' for an input that was not given. */
export type GetInput = (name: string, options?: GetInputOptions) => string;

/** Thrown for any bad input; `message` is one line naming the input and the fix. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ActionInputs {
  /** Operation name written to every record. */
  name: string;
  /** The command (script body) to run and time; never empty, kept verbatim (not trimmed). */
  run: string;
  /** A built-in shell name or a command template containing {0} (e.g. 'python3 {0}'). */
  shell: string;
  /** As given; '' = the workspace. Resolved and checked for existence by runCommand. */
  workingDirectory: string;
  /** Extra metadata merged into each record. */
  metadata: Record<string, unknown>;
  metricsDir: string;
  daysToKeep: number;
  history: 'cache' | 'none';
  cacheKey: string;
  /** Secret: never log it. '' = no token (no PR comment). */
  githubToken: string;
  /** 'auto' = comment on pull requests when a token is available. */
  comment: 'auto' | boolean;
  charts: 'quickchart' | 'none';
  /** http(s) base URL without trailing slash. */
  quickchartUrl: string;
  /** Artifact name for the HTML dashboard; null = disabled (input set to ''). */
  dashboardArtifact: string | null;
  /** Percent slower than baseline that counts as a regression (> 0). */
  regressionThreshold: number;
  failOnRegression: boolean;
  /** OTLP/HTTP base URL; '' = the OTEL_EXPORTER_OTLP_* variables decide (none: nothing sent). */
  otlpEndpoint: string;
  /** Secret: `key=value,...` headers for the OTLP endpoint; never log them. */
  otlpHeaders: string;
  /**
   * The job's matrix values (`matrix: ${{ toJSON(matrix) }}`), each as text; {} outside a matrix.
   * The runner does not tell an action its matrix leg, and legs are separate series.
   */
  matrix: Record<string, string>;
  /**
   * A benchmark result file the command writes, read after it exits (each benchmark a value);
   * null when not given. `file` is as given, resolved against the working directory.
   */
  benchmark: { file: string; tool: BenchmarkTool } | null;
}

/** The defaults action.yml must declare (as strings, as the runner passes them). */
export const ACTION_INPUT_DEFAULTS = {
  shell: 'bash',
  'working-directory': '',
  metadata: '{}',
  'metrics-dir': '.metrics',
  'days-to-keep': '30',
  history: 'cache',
  'cache-key': 'dev-metrics',
  'github-token': '',
  comment: 'auto',
  charts: 'quickchart',
  'quickchart-url': 'https://quickchart.io',
  'dashboard-artifact': 'dev-metrics-dashboard',
  'regression-threshold': '10',
  matrix: '',
  'fail-on-regression': 'false',
  'otlp-endpoint': '',
  'otlp-headers': '',
  'benchmark-file': '',
  'benchmark-tool': '',
} as const;

const MAX_CACHE_KEY_LENGTH = 512; // @actions/cache rejects longer keys

/**
 * Reads and validates every input. Throws InputError on the first bad one.
 * @param getInput core.getInput by default; pass fromEnv(env) in tests.
 */
export function readInputs(getInput: GetInput = core.getInput): ActionInputs {
  const get = (name: string): string => getInput(name).trim();

  const name = parseName(get('name'));

  // The script is kept verbatim, like a run: step (heredocs can care about whitespace).
  const run = getInput('run', { trimWhitespace: false });
  if (run.trim() === '') {
    throw new InputError(
      'run',
      "Input 'run' is required: give the command to run and time, e.g. 'run: npm test'",
    );
  }

  return {
    name,
    run,
    shell: parseShell(get('shell')),
    workingDirectory: get('working-directory'),
    metadata: parseMetadata(get('metadata')),
    metricsDir: get('metrics-dir') || ACTION_INPUT_DEFAULTS['metrics-dir'],
    daysToKeep: parseDaysToKeep(get('days-to-keep')),
    history: parseChoice('history', get('history'), ['cache', 'none'], 'cache'),
    cacheKey: parseCacheKey(get('cache-key')),
    githubToken: get('github-token'),
    comment: parseComment(get('comment')),
    charts: parseChoice('charts', get('charts'), ['quickchart', 'none'], 'quickchart'),
    quickchartUrl: parseHttpUrl('quickchart-url', get('quickchart-url')),
    dashboardArtifact: parseArtifactName(get('dashboard-artifact')),
    regressionThreshold: parseThreshold(get('regression-threshold')),
    failOnRegression: parseBoolean('fail-on-regression', get('fail-on-regression'), false),
    otlpEndpoint: parseOtlp('otlp-endpoint', get('otlp-endpoint'), (v) =>
      checkUrl(v, "Input 'otlp-endpoint'"),
    ),
    otlpHeaders: parseOtlp('otlp-headers', get('otlp-headers'), (v) => {
      parseHeaders(v, "Input 'otlp-headers'");
      return v;
    }),
    matrix: parseMatrix(get('matrix')),
    benchmark: parseBenchmark(get('benchmark-file'), get('benchmark-tool')),
  };
}

/** Both or neither: a file needs its format, a format needs a file. */
function parseBenchmark(file: string, tool: string): { file: string; tool: BenchmarkTool } | null {
  const tools = BENCHMARK_TOOLS.join(', ');
  if (tool !== '' && !isBenchmarkTool(tool)) {
    throw new InputError(
      'benchmark-tool',
      `Input 'benchmark-tool' must be one of ${tools} (github-action-benchmark's names); got ${quote(tool)}`,
    );
  }
  if (file === '' && tool === '') return null;
  if (file === '') {
    throw new InputError(
      'benchmark-file',
      `Input 'benchmark-file' is required with 'benchmark-tool': give the path the command writes its ${tool} results to, e.g. 'benchmark-file: output.txt'`,
    );
  }
  if (tool === '') {
    throw new InputError(
      'benchmark-tool',
      `Input 'benchmark-tool' is required with 'benchmark-file': say which tool wrote it, one of ${tools}`,
    );
  }
  return { file, tool: tool as BenchmarkTool };
}

/** The OTLP inputs are checked with the same rules as the OTEL_* variables they stand beside. */
function parseOtlp(input: string, value: string, check: (value: string) => string): string {
  if (value === '') return '';
  try {
    return check(value);
  } catch (error) {
    if (error instanceof OtlpConfigError) throw new InputError(input, error.message);
    throw error;
  }
}

/**
 * A getInput that reads INPUT_* variables from `env` exactly as @actions/core does:
 * `INPUT_${name.replace(/ /g, '_').toUpperCase()}` (hyphens are kept), trimmed unless
 * trimWhitespace is false, '' when unset.
 */
export function fromEnv(env: NodeJS.ProcessEnv): GetInput {
  return (name, options) => {
    const value = env[inputEnvName(name)] ?? '';
    return options?.trimWhitespace === false ? value : value.trim();
  };
}

/** The environment variable the runner sets for input `name`. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Longest operation name, in characters: it labels a row in every table and chart title. */
export const MAX_NAME_CHARS = 100;
// C0/C1 controls (NUL, newline, ESC…) and the bidi controls that can reorder what a table shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The name policy: any printable text, as a `name:` of a workflow step may be, including `/`,
 * `..` and non-Latin scripts (names are data: escaped in every report, never part of a path),
 * but one line, no control or bidi characters, and short enough to read in a table.
 */
function parseName(value: string): string {
  if (value === '') {
    throw new InputError(
      'name',
      "Input 'name' is required: give the operation a name, e.g. 'unit-tests'",
    );
  }
  if (NAME_FORBIDDEN.test(value)) {
    throw new InputError(
      'name',
      `Input 'name' must be one line of printable text (no control or bidi characters), e.g. 'unit-tests'; got ${quote(value)}`,
    );
  }
  const length = Array.from(value).length;
  if (length > MAX_NAME_CHARS) {
    throw new InputError(
      'name',
      `Input 'name' must be at most ${MAX_NAME_CHARS} characters (it labels a row in every report); got ${length}, shorten it`,
    );
  }
  return value;
}

/** What @actions/artifact's validateArtifactName refuses (NTFS limits), plus control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/\u0000-\u001f\u007f]/;

function parseArtifactName(value: string): string | null {
  if (value === '') return null;
  if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
    throw new InputError(
      'dashboard-artifact',
      `Input 'dashboard-artifact' must not contain " : < > | * ? \\ / or control characters (the artifact service rejects them), e.g. 'dev-metrics-dashboard'; got ${quote(value)}`,
    );
  }
  return value;
}

function parseShell(value: string): string {
  if (value === '') return ACTION_INPUT_DEFAULTS.shell;
  if ((BUILTIN_SHELL_NAMES as readonly string[]).includes(value) || value.includes('{0}'))
    return value;
  throw new InputError(
    'shell',
    `Input 'shell' must be one of ${BUILTIN_SHELL_NAMES.join(', ')} or a command template containing {0}; got ${quote(value)}`,
  );
}

const METADATA_EXAMPLE = `'{"suite": "unit"}'`;

function parseMetadata(value: string): Record<string, unknown> {
  if (value === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new InputError(
      'metadata',
      `Input 'metadata' must be a JSON object, e.g. ${METADATA_EXAMPLE}: ${reason}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const kind =
      parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new InputError(
      'metadata',
      `Input 'metadata' must be a JSON object, e.g. ${METADATA_EXAMPLE}; got ${kind}`,
    );
  }
  return parsed as Record<string, unknown>;
}

const MATRIX_EXAMPLE = "'${{ toJSON(matrix) }}'";

/** `toJSON(matrix)` gives 'null' outside a matrix job; values that are objects are kept as JSON. */
function parseMatrix(value: string): Record<string, string> {
  if (value === '' || value === 'null') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new InputError(
      'matrix',
      `Input 'matrix' must be the job's matrix as JSON, e.g. matrix: ${MATRIX_EXAMPLE}: ${reason}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(
      'matrix',
      `Input 'matrix' must be a JSON object, e.g. matrix: ${MATRIX_EXAMPLE}; got ${quote(value)}`,
    );
  }
  const values: Record<string, string> = {};
  for (const [key, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    values[key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return values;
}

function parseDaysToKeep(value: string): number {
  if (value === '') return Number(ACTION_INPUT_DEFAULTS['days-to-keep']);
  const days = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new InputError(
      'days-to-keep',
      `Input 'days-to-keep' must be a whole number of days ≥ 1; got ${quote(value)}`,
    );
  }
  return days;
}

function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const list = choices.map((c) => `'${c}'`).join(' or ');
  throw new InputError(input, `Input '${input}' must be ${list}; got ${quote(value)}`);
}

function parseCacheKey(value: string): string {
  if (value === '') return ACTION_INPUT_DEFAULTS['cache-key'];
  if (value.includes(',')) {
    throw new InputError(
      'cache-key',
      `Input 'cache-key' must not contain commas (the cache service rejects them); got ${quote(value)}`,
    );
  }
  if (value.length > MAX_CACHE_KEY_LENGTH) {
    throw new InputError(
      'cache-key',
      `Input 'cache-key' must be at most ${MAX_CACHE_KEY_LENGTH} characters; got ${value.length}`,
    );
  }
  return value;
}

// YAML 1.2 core-schema booleans, the set core.getBooleanInput accepts.
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw new InputError(
    input,
    `Input '${input}' must be true or false (True, TRUE, False, FALSE also work); got ${quote(value)}`,
  );
}

function parseComment(value: string): 'auto' | boolean {
  if (value === '' || value === 'auto') return 'auto';
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw new InputError(
    'comment',
    `Input 'comment' must be 'auto', 'true' or 'false'; got ${quote(value)}`,
  );
}

function parseHttpUrl(input: string, value: string): string {
  if (value === '') return ACTION_INPUT_DEFAULTS['quickchart-url'];
  if (!isHttpUrl(value)) {
    throw new InputError(
      input,
      `Input '${input}' must be an http(s) URL such as https://quickchart.io; got ${quote(value)}`,
    );
  }
  return value.replace(/\/+$/, '');
}

function parseThreshold(value: string): number {
  if (value === '') return Number(ACTION_INPUT_DEFAULTS['regression-threshold']);
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value);
  const percent = match ? Number(match[1]) : NaN;
  if (!Number.isFinite(percent) || percent <= 0) {
    throw new InputError(
      'regression-threshold',
      `Input 'regression-threshold' must be a percentage > 0 such as 10 or 10%; got ${quote(value)}`,
    );
  }
  return percent;
}

/** Quotes a user value for a one-line message: control and bidi characters escaped, long values cut. */
function quote(value: string): string {
  const escaped = value.replace(new RegExp(NAME_FORBIDDEN.source, 'gu'), (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const cut = escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
  return `'${cut}'`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
