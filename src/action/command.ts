/**
 * Runs the user's command the way a `run:` step does (actions/runner ScriptHandler): the script is
 * written to a uniquely named file in RUNNER_TEMP with the shell's extension and run through the
 * shell's argument template, with the step's env and working directory. Output streams live to
 * our stdout/stderr; only a bounded tail window is kept, for the record's `error` (record.ts
 * redacts the whole window, then keeps its last 4 KB).
 *
 * Never throws for a failure of the command itself: a missing shell, a missing working directory,
 * a non-zero exit or a cancellation all come back as a CommandResult.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { writeNewFile } from '../core/new-file.js';
import { removeQuietly } from '../core/sync-io.js';
import {
  VALUES_ENV,
  createValueFile,
  takeValueFile,
  type ValueFileResult,
} from '../core/value-file.js';
import { BUILTIN_SHELL_NAMES, builtinShell } from './shells.js';

export interface ShellInvocation {
  /** Executable, looked up on the step env's PATH. */
  command: string;
  /** Argument template; '{0}' is replaced by the script path. */
  argsTemplate: string;
  /** Script file extension ('' for commands the runner does not know, e.g. 'python3 {0}'). */
  extension: string;
  /** Shell-specific lines the runner adds around the script. */
  fixUp: (script: string) => string;
}

/**
 * Resolves the `shell` input like the runner: split at the first space into command and argument
 * template; a bare built-in name gets its documented template.
 */
export function resolveShell(shell: string): ShellInvocation {
  const trimmed = shell.trim();
  const space = trimmed.indexOf(' ');
  const command = space < 0 ? trimmed : trimmed.slice(0, space);
  const given = space < 0 ? '' : trimmed.slice(space + 1).trim();
  const name = path
    .basename(command)
    .toLowerCase()
    .replace(/\.exe$/, '');
  const builtin = builtinShell(name);
  const argsTemplate = given || builtin?.args || '';
  if (!argsTemplate.includes('{0}')) {
    throw new Error(
      `shell '${shell}' must be one of ${BUILTIN_SHELL_NAMES.join(', ')} or a command template containing {0}`,
    );
  }
  return {
    command: name === 'cmd' && given === '' ? 'cmd.exe' : command,
    argsTemplate,
    extension: builtin?.extension ?? '',
    fixUp: fixUpFor(name),
  };
}

function fixUpFor(name: string): (script: string) => string {
  const eol = process.platform === 'win32' ? '\r\n' : '\n';
  if (name === 'cmd') return (s) => `@echo off${eol}${s}`;
  if (name === 'pwsh' || name === 'powershell') {
    // Same wrapping as the runner: stop on errors, and pass a native command's exit code on.
    return (s) =>
      `$ErrorActionPreference = 'stop'${eol}${s}${eol}` +
      'if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }';
  }
  return (s) => s;
}

/**
 * Splits an argument template into arguments with the Windows/.NET command-line rules the runner
 * relies on (double quotes group, `\"` is a literal quote, single quotes are ordinary characters),
 * so `-command ". '{0}'"` gives ['-command', ". '{0}'"]. {0} is substituted per argument afterwards,
 * so a script path containing spaces stays one argument.
 */
export function splitArgs(template: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quoted = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c === '\\') {
      let slashes = 0;
      while (template[i] === '\\') {
        slashes++;
        i++;
      }
      if (template[i] === '"') {
        current += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(slashes);
        i--;
      }
      inArg = true;
    } else if (c === '"') {
      quoted = !quoted;
      inArg = true;
    } else if (/\s/.test(c) && !quoted) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}

/**
 * The environment a `run:` step would get: the job's, without what the runner gives only to the
 * action itself — its inputs (the token among them), its saved state and the Actions runtime
 * credentials (cache and artifact tokens). Anything the command runs cannot read or reuse them.
 */
export function commandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(INPUT|STATE)_/.test(name) || ACTION_ONLY_VARIABLES.has(name)) continue;
    out[name] = value;
  }
  return out;
}

const ACTION_ONLY_VARIABLES = new Set([
  'GITHUB_STATE',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
]);

export interface RunCommandOptions {
  /** The script body (the `run` input). */
  script: string;
  /** Built-in shell name or template containing {0}. */
  shell: string;
  /** The `working-directory` input: '' = workspace; relative paths are resolved against it. */
  workingDirectory?: string;
  /** Default: env.GITHUB_WORKSPACE, else process.cwd(). */
  workspace?: string;
  /** The step's environment (PATH here is used to find the shell). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where the script file goes (RUNNER_TEMP). */
  tempDir: string;
  /** Called with each chunk as it arrives, before it is written on. */
  onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
  /** Bytes of combined output kept for outputTail. Default 16 KiB. */
  tailBytes?: number;
  /** Lines of outputTail kept. Default: all the window holds. */
  tailLines?: number;
  /** Aborting forwards a signal (abort reason 'SIGINT'/'SIGTERM', else SIGTERM) to the child. */
  signal?: AbortSignal;
  /** After a forwarded signal, SIGKILL the process group this much later. Default 5000. */
  killGraceMs?: number;
  /** Called once the command's process is running (work that can overlap it starts here). */
  onStarted?: () => void;
  /** Destinations of the child's output. Default process.stdout / process.stderr. */
  stdout?: Writable;
  stderr?: Writable;
}

export interface CommandResult {
  /** The shell's exit code; null when it was ended by a signal. */
  exitCode: number | null;
  /** The signal that ended the shell, if any. */
  signal: NodeJS.Signals | null;
  /** Monotonic (process.hrtime) time from spawn to exit. */
  durationMs: number;
  startedAt: Date;
  endedAt: Date;
  /**
   * The end of combined stdout+stderr (the tail window), ANSI colours stripped, not redacted;
   * '' when there was none.
   */
  outputTail: string;
  /** True when the run was ended by the signal option (the caller records status failed). */
  cancelled: boolean;
  /** One-line reason the command could not be started (missing shell, bad working-directory). */
  startError: string | null;
  /** The shell's pid (also its process group id on POSIX); null when it never started. */
  pid: number | null;
  /**
   * What the command appended to the file named by DEV_METRICS_VALUES (read and removed after
   * it exited), with a warning per line that does not parse. Absent when there was no file.
   */
  values?: ValueFileResult;
}

/**
 * How a command ended, decided once from its CommandResult: the record's status and error, the
 * step's `exit-code` output, its failure message and the process exit code all come from here.
 * `exitCode` is what the step reports: the shell's code, else 130 for a cancellation and 1 for a
 * kill by signal; 127/126 when the shell could not be found or started, 1 for a bad directory.
 */
export type CommandOutcome =
  | { kind: 'succeeded'; exitCode: 0; reason: null }
  | { kind: 'failed' | 'cancelled' | 'not started'; exitCode: number; reason: string };

export function commandOutcome(result: CommandResult): CommandOutcome {
  const exitCode = result.exitCode ?? (result.cancelled ? 130 : 1);
  if (result.cancelled) return { kind: 'cancelled', exitCode, reason: 'cancelled' };
  if (result.startError !== null) {
    return { kind: 'not started', exitCode, reason: result.startError };
  }
  if (result.signal) return { kind: 'failed', exitCode, reason: `killed by ${result.signal}` };
  if (exitCode === 0) return { kind: 'succeeded', exitCode, reason: null };
  return { kind: 'failed', exitCode, reason: `exit code ${exitCode}` };
}

/** The result of a command that never ran (nothing spawned, no output, no time). */
function notStarted(
  startedAt: Date,
  exitCode: number,
  startError: string,
  cancelled = false,
): CommandResult {
  return {
    exitCode,
    signal: null,
    durationMs: 0,
    startedAt,
    endedAt: startedAt,
    outputTail: '',
    cancelled,
    startError,
    pid: null,
  };
}

/**
 * Four times the record's 4 KB: the window is redacted before it is cut to 4 KB, so a secret's
 * label (`password=`, `curl -u`, a webhook's host) that falls before the cut is still there when
 * its value is recognised; anything cut by the window's own edge is 12 KB before what is kept.
 */
const DEFAULT_TAIL_BYTES = 16 * 1024;
// The runner sends SIGINT, SIGTERM 7.5 s later, SIGKILL at 10 s: leave the command most of that,
// and us the last seconds to write the record and save the history.
const DEFAULT_KILL_GRACE_MS = 7000;
/** After the shell exits, how long to wait for stray background processes to close its pipes. */
const STREAM_CLOSE_GRACE_MS = 2000;

export async function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const startedAt = new Date();

  const workspace = options.workspace ?? env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = path.resolve(workspace, options.workingDirectory ?? '');
  const cwdProblem = directoryProblem(cwd);
  if (cwdProblem) {
    const given = options.workingDirectory ?? '';
    return notStarted(
      startedAt,
      1,
      `Input 'working-directory' must be an existing directory; '${given}' (${cwd}) ${cwdProblem}`,
    );
  }
  if (options.signal?.aborted) return notStarted(startedAt, 1, 'cancelled before start', true);

  const shell = resolveShell(options.shell);
  let contents = shell.fixUp(options.script);
  if (process.platform === 'win32') contents = contents.replace(/\r?\n/g, '\r\n');
  // The files on the way to and from the command are small and local: written and read with
  // synchronous calls, each of which saves a thread-pool round trip (~0.3 ms here) of the step.
  const scriptPath = writeNewFile(options.tempDir, '', shell.extension, contents);
  // Like GITHUB_OUTPUT: the command appends `name=number [unit]` lines; values are extras, so a
  // file that cannot be created only means none are read.
  const valuesFile = newValueFile(options.tempDir);
  const stepEnv = valuesFile === undefined ? env : { ...env, [VALUES_ENV]: valuesFile };

  try {
    const result = await spawnShell(shell, scriptPath, cwd, stepEnv, options);
    // takeValueFile reads and removes it.
    return valuesFile === undefined ? result : { ...result, values: takeValueFile(valuesFile) };
  } catch (error) {
    if (valuesFile !== undefined) removeQuietly(valuesFile);
    throw error;
  } finally {
    removeQuietly(scriptPath);
  }
}

function newValueFile(dir: string): string | undefined {
  try {
    return createValueFile(dir);
  } catch {
    return undefined;
  }
}

function directoryProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'is not a directory';
  } catch {
    return 'does not exist';
  }
}

function spawnShell(
  shell: ShellInvocation,
  scriptPath: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: RunCommandOptions,
): Promise<CommandResult> {
  const windows = process.platform === 'win32';
  // cmd's template is not argv-shaped ("CALL "{0}""): hand it to cmd verbatim, like the runner.
  const verbatim = windows && /^cmd(\.exe)?$/i.test(path.basename(shell.command));
  const args = verbatim
    ? [shell.argsTemplate.replaceAll('{0}', scriptPath)]
    : splitArgs(shell.argsTemplate).map((arg) => arg.replaceAll('{0}', scriptPath));
  const tail = new TailBuffer(options.tailBytes ?? DEFAULT_TAIL_BYTES);
  const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

  return new Promise((resolve) => {
    const startedAt = new Date();
    const t0 = monotonicMs();
    let child: ChildProcess;
    try {
      // detached: the shell leads its own process group, so a cancel reaches its children too.
      child = spawn(shell.command, args, {
        cwd,
        env,
        stdio: ['inherit', 'pipe', 'pipe'],
        detached: !windows,
        windowsVerbatimArguments: verbatim,
        windowsHide: true,
      });
    } catch (error) {
      resolve(failedToStart(error));
      return;
    }

    let cancelled = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let closeTimer: NodeJS.Timeout | undefined;
    let exit:
      { code: number | null; signal: NodeJS.Signals | null; at: number; endedAt: Date } | undefined;

    const killGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        if (!windows) process.kill(-child.pid, sig);
        // No process groups on Windows: end the shell's whole tree, as the runner does.
        else
          spawn('taskkill', ['/PID', String(child.pid), '/T', '/F'], {
            stdio: 'ignore',
            windowsHide: true,
          });
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const onAbort = (): void => {
      if (cancelled || exit) return;
      cancelled = true;
      const reason: unknown = options.signal?.reason;
      killGroup(reason === 'SIGINT' || reason === 'SIGTERM' ? reason : 'SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    };
    const cleanup = (): void => {
      clearTimeout(killTimer);
      clearTimeout(closeTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const finish = (): void => {
      if (settled || !exit) return;
      settled = true;
      cleanup();
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({
        exitCode: exit.code,
        signal: exit.signal,
        durationMs: exit.at - t0,
        startedAt,
        endedAt: exit.endedAt,
        outputTail: tailText(tail, options.tailLines),
        cancelled,
        startError: null,
        pid: child.pid ?? null,
      });
    };
    function failedToStart(error: unknown): CommandResult {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const why =
        code === 'ENOENT'
          ? `shell '${shell.command}' was not found on this runner; install it in an earlier step or choose another 'shell'`
          : code === 'EACCES'
            ? `shell '${shell.command}' could not be started: permission denied`
            : `shell '${shell.command}' could not be started: ${error instanceof Error ? error.message : String(error)}`;
      return notStarted(startedAt, code === 'ENOENT' ? 127 : 126, why);
    }

    child.on('error', (error) => {
      // Only a failed spawn is fatal here; kill() errors after start are not.
      if (child.pid !== undefined || settled) return;
      settled = true;
      cleanup();
      resolve(failedToStart(error));
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal, at: monotonicMs(), endedAt: new Date() };
      // A cancel ends the whole group: sweep anything that ignored the forwarded signal.
      if (cancelled) killGroup('SIGKILL');
      // Background processes may hold our pipes open; do not wait on them for ever.
      closeTimer = setTimeout(finish, STREAM_CLOSE_GRACE_MS);
    });
    child.on('close', finish);

    pump(child.stdout, options.stdout ?? process.stdout, 'stdout', tail, options.onOutput);
    pump(child.stderr, options.stderr ?? process.stderr, 'stderr', tail, options.onOutput);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) {
      onAbort(); // aborted while the script file was being written
    } else if (child.pid !== undefined) {
      options.onStarted?.();
    }
  });
}

/** A monotonic clock in ms; process.hrtime needs no module (node:perf_hooks is one to load). */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Forwards chunks as they arrive (no line buffering), honouring the destination's backpressure. */
function pump(
  source: Readable | null,
  dest: Writable,
  name: 'stdout' | 'stderr',
  tail: TailBuffer,
  onOutput: RunCommandOptions['onOutput'],
): void {
  source?.on('data', (chunk: Buffer) => {
    tail.push(chunk);
    onOutput?.(chunk, name);
    if (!dest.write(chunk)) {
      source.pause();
      dest.once('drain', () => source.resume());
    }
  });
}

/** Keeps the last `capacity` bytes written to it, in a fixed buffer. */
export class TailBuffer {
  private readonly buffer: Buffer;
  private end = 0; // next write position
  private size = 0;
  /** Total bytes ever pushed. */
  total = 0;

  constructor(readonly capacity: number) {
    this.buffer = Buffer.alloc(Math.max(0, capacity));
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    const cap = this.capacity;
    if (cap === 0) return;
    const data = chunk.length > cap ? chunk.subarray(chunk.length - cap) : chunk;
    const first = Math.min(data.length, cap - this.end);
    data.copy(this.buffer, this.end, 0, first);
    data.copy(this.buffer, 0, first);
    this.end = (this.end + data.length) % cap;
    this.size = Math.min(cap, this.size + data.length);
  }

  get truncated(): boolean {
    return this.total > this.size;
  }

  /** The kept bytes, oldest first. */
  bytes(): Buffer {
    if (this.size < this.capacity) return Buffer.from(this.buffer.subarray(0, this.size));
    return Buffer.concat([this.buffer.subarray(this.end), this.buffer.subarray(0, this.end)]);
  }
}

// CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Readable tail: UTF-8, no cut characters or escape codes, progress-bar rewrites collapsed. */
export function tailText(tail: TailBuffer, maxLines = Infinity): string {
  let bytes = tail.bytes();
  if (tail.truncated) {
    // The cut may fall inside a multi-byte character: skip its continuation bytes.
    let skip = 0;
    while (skip < 3 && skip < bytes.length && ((bytes[skip] as number) & 0xc0) === 0x80) skip++;
    bytes = bytes.subarray(skip);
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (tail.truncated) {
    // ... and inside a line (or an escape sequence): drop that partial first line when we can.
    const newline = text.indexOf('\n');
    if (newline >= 0 && newline < text.length - 1) text = text.slice(newline + 1);
  }
  const lines = text
    .replace(ANSI, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1)); // keep what a terminal would show
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return (maxLines < lines.length ? lines.slice(lines.length - maxLines) : lines).join('\n');
}

export interface Cancellation {
  /** Aborted with the signal's name as reason on the first SIGINT/SIGTERM. */
  signal: AbortSignal;
  /** Removes the signal handlers (restoring Node's default of exiting on them). */
  dispose(): void;
}

/**
 * Catches SIGINT/SIGTERM (the runner sends SIGINT on cancel, then SIGTERM ~7.5 s later, then
 * SIGKILL), so the caller can pass `signal` to runCommand, get a result with cancelled: true,
 * write the record and save history before exiting. While installed, these signals no longer
 * terminate the process: the caller must exit itself.
 */
export function installCancellation(onSignal?: (signal: NodeJS.Signals) => void): Cancellation {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals): void => {
    onSignal?.(sig);
    if (!controller.signal.aborted) controller.abort(sig);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const sig of signals) process.on(sig, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const sig of signals) process.off(sig, handler);
    },
  };
}
