/**
 * Runs a wrapped command the way a shell would, minus the shell: argv passed exactly, stdio
 * inherited, signals sent to us forwarded to it. Returns what happened; recording it is the
 * caller's job, so this module knows nothing about metrics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

export type CommandOutcome =
  | { kind: 'exited'; code: number; interruptedBy: NodeJS.Signals | null }
  | { kind: 'killed'; signal: NodeJS.Signals; interruptedBy: NodeJS.Signals | null }
  | { kind: 'not-started'; reason: 'not-found' | 'not-executable' | 'other'; message: string };

/** Signals we pass on to the child instead of dying, so its run is still recorded. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function superviseCommand(
  argv: readonly string[],
  options: { stdio?: 'inherit' | 'ignore'; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandOutcome> {
  const [command, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    let interruptedBy: NodeJS.Signals | null = null;
    let child: ChildProcess | null = null;
    const forward = (signal: NodeJS.Signals): void => {
      interruptedBy ??= signal;
      // Ctrl-C reaches the whole process group, so the child may get SIGINT twice; common tools
      // treat that like one. A `kill PID` aimed at us alone would otherwise never reach it.
      if (child !== null && child.exitCode === null && child.signalCode === null)
        child.kill(signal);
    };
    const stopForwarding = (): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    // Listen before spawning: under load the child can be running before spawn() returns, and a
    // signal in that window would otherwise kill us and orphan it, unrecorded.
    for (const signal of FORWARDED) process.on(signal, forward);
    child = spawn(command, args, { stdio: options.stdio ?? 'inherit', env: options.env });

    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      const reason =
        error.code === 'ENOENT'
          ? 'not-found'
          : error.code === 'EACCES'
            ? 'not-executable'
            : 'other';
      resolve({ kind: 'not-started', reason, message: error.message });
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      if (signal !== null) resolve({ kind: 'killed', signal, interruptedBy });
      else resolve({ kind: 'exited', code: code ?? 1, interruptedBy });
    });
  });
}

export interface RunVerdict {
  status: 'success' | 'failed';
  error: string | null;
  /** What dev-metrics exits with: the command's code, or the shell's convention. */
  exitCode: number;
}

/** The record's status/error and our exit code for an outcome; shell conventions for the codes. */
export function judgeOutcome(command: string, outcome: CommandOutcome): RunVerdict {
  switch (outcome.kind) {
    case 'not-started':
      if (outcome.reason === 'not-found') {
        return { status: 'failed', error: `command not found: ${command}`, exitCode: 127 };
      }
      if (outcome.reason === 'not-executable') {
        return { status: 'failed', error: `command not executable: ${command}`, exitCode: 126 };
      }
      return {
        status: 'failed',
        error: `could not start ${command}: ${outcome.message}`,
        exitCode: 1,
      };
    case 'killed':
      return {
        status: 'failed',
        error: `killed by ${outcome.signal}`,
        exitCode: 128 + signalNumber(outcome.interruptedBy ?? outcome.signal),
      };
    case 'exited':
      if (outcome.interruptedBy !== null) {
        // The child handled the signal and exited on its own; the run was still cut short.
        return {
          status: 'failed',
          error: `interrupted by ${outcome.interruptedBy} (exit code ${outcome.code})`,
          exitCode: 128 + signalNumber(outcome.interruptedBy),
        };
      }
      return outcome.code === 0
        ? { status: 'success', error: null, exitCode: 0 }
        : { status: 'failed', error: `exit code ${outcome.code}`, exitCode: outcome.code };
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal] ?? 0;
}
