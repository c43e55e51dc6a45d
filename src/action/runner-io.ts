/**
 * The runner's interface a step needs without any HTTP: inputs (INPUT_*), state (STATE_*), the
 * file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY) and the workflow commands on
 * stdout (::warning::, ::add-mask::, ...), written exactly as `@actions/core` writes them.
 *
 * Why not `@actions/core` itself: it loads its HTTP client (for OIDC tokens) with undici, about a
 * megabyte of code that every wrapped step would parse and that a step never uses; loading it was
 * a measurable share of a step's time. The cache, artifact and REST clients keep `@actions/core`:
 * they load it anyway, and only where they are needed.
 */
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';

/** os.EOL, without loading node:os (~0.6 ms of a wrapped step). */
const EOL = process.platform === 'win32' ? '\r\n' : '\n';

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

const escapeData = (s: unknown): string =>
  toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (s: unknown): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::command key=value,...::message` on stdout. */
export function issueCommand(
  command: string,
  properties: Record<string, unknown>,
  message: unknown,
): void {
  const props = Object.entries(properties)
    .filter(([, v]) => Boolean(v))
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/**
 * The heredoc delimiter of a file command: `ghadelimiter_dev-metrics`, numbered up until neither
 * the name nor the value contains it. The runner reads the value up to the first line equal to the
 * delimiter, so one the text cannot contain is as safe as @actions/core's random one, and needs
 * no `node:crypto` (a tenth of a wrapped step's start-up).
 */
export function fileCommandDelimiter(key: string, value: string): string {
  let delimiter = 'ghadelimiter_dev-metrics';
  for (let n = 1; key.includes(delimiter) || value.includes(delimiter); n++) {
    delimiter = `ghadelimiter_dev-metrics_${n}`;
  }
  return delimiter;
}

function issueFileCommand(command: 'OUTPUT' | 'STATE', key: string, value: unknown): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  const converted = toCommandValue(value);
  const delimiter = fileCommandDelimiter(key, converted);
  appendFileSync(filePath, `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8',
  });
}

export function getInput(name: string, options?: InputOptions): string {
  const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? val : val.trim();
}

export function getBooleanInput(name: string, options?: InputOptions): boolean {
  const val = getInput(name, options);
  if (['true', 'True', 'TRUE'].includes(val)) return true;
  if (['false', 'False', 'FALSE'].includes(val)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
      'Support boolean input list: `true | True | TRUE | false | False | FALSE`',
  );
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', name, value);
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE']) return issueFileCommand('STATE', name, value);
  issueCommand('save-state', { name }, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

function annotation(
  kind: 'error' | 'warning' | 'notice',
  message: string | Error,
  p: AnnotationProperties = {},
): void {
  const properties = {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
  issueCommand(kind, properties, message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error, properties?: AnnotationProperties): void {
  annotation('error', message, properties);
}

export function warning(message: string | Error, properties?: AnnotationProperties): void {
  annotation('warning', message, properties);
}

export function notice(message: string | Error, properties?: AnnotationProperties): void {
  annotation('notice', message, properties);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** The job summary: Markdown appended to GITHUB_STEP_SUMMARY (core.summary's addRaw + write). */
class Summary {
  private buffer = '';

  addRaw(text: string, addEOL = false): this {
    this.buffer += addEOL ? `${text}${EOL}` : text;
    return this;
  }

  /** Synchronous inside (one small append), asynchronous outside, like @actions/core's. */
  async write(): Promise<this> {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    }
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
      );
    }
    appendFileSync(file, this.buffer, { encoding: 'utf8' });
    this.buffer = '';
    return this;
  }
}

export const summary = new Summary();
