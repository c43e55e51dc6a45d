import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installCancellation,
  commandOutcome,
  resolveShell,
  runCommand,
  splitArgs,
  TailBuffer,
  tailText,
  type RunCommandOptions,
} from '../../src/action/command.js';
import { fromEnv, readInputs } from '../../src/action/inputs.js';
import { BUILTIN_SHELL_NAMES } from '../../src/action/shells.js';

/** A destination that keeps what it is given (and never applies backpressure). */
class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

let tempDir: string; // has a space in it: script paths must stay one argument
let workspace: string;

beforeAll(async () => {
  tempDir = await realpath(await mkdtemp(path.join(tmpdir(), 'dm command ')));
  workspace = path.join(tempDir, 'workspace');
  await mkdir(path.join(workspace, 'sub'), { recursive: true });
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

async function run(script: string, extra: Partial<RunCommandOptions> = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const result = await runCommand({
    script,
    shell: 'bash',
    tempDir,
    workspace,
    stdout,
    stderr,
    ...extra,
  });
  return { ...result, stdout: stdout.text, stderr: stderr.text };
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Living members of a process group. Not process.kill(-pgid, 0): in this sandbox PID 1 does not
 * reap orphans, so killed grandchildren linger as zombies that kill(2) still finds.
 */
function livingGroupMembers(pgid: number): number[] {
  const living: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') living.push(Number(entry));
  }
  return living;
}

/** The shell was reaped and its group has no living members (within 1 s: kills land async). */
async function expectGone(pid: number | null): Promise<void> {
  expect(pid).toBeTypeOf('number');
  expect(() => process.kill(pid as number, 0)).toThrow(/ESRCH/);
  const deadline = performance.now() + 1000;
  while (livingGroupMembers(pid as number).length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(livingGroupMembers(pid as number)).toEqual([]);
}

describe('shells, as a run: step runs them', () => {
  it.each([0, 1, 42])('passes exit code %i through', async (code) => {
    const result = await run(`echo hi\nexit ${code}`);
    expect(result.exitCode).toBe(code);
    expect(result.signal).toBeNull();
    expect(result.startError).toBeNull();
    expect(result.cancelled).toBe(false);
    expect(result.stdout).toBe('hi\n');
  });

  it('bash stops at the first failing command (-e)', async () => {
    const result = await run('false; echo after');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('after');
  });

  it('bash fails a pipeline whose first command fails (pipefail)', async () => {
    expect((await run('false | true')).exitCode).toBe(1);
    // sh has no pipefail: the same pipeline succeeds there, as on GitHub.
    expect((await run('false | true', { shell: 'sh' })).exitCode).toBe(0);
  });

  it('bash skips profile and rc files (--noprofile --norc)', async () => {
    const result = await run('echo "$-"; shopt -q login_shell && echo login || echo nologin');
    expect(result.stdout).toMatch(/^[a-zA-Z]*e[a-zA-Z]*\nnologin\n$/); // -e is set
  });

  it('sh runs with -e', async () => {
    const result = await run('false; echo after', { shell: 'sh' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('writes the script with the shell extension into tempDir and removes it', async () => {
    const result = await run('echo "$0"');
    const scriptPath = result.stdout.trim();
    expect(path.dirname(scriptPath)).toBe(tempDir);
    expect(path.basename(scriptPath)).toMatch(/^[0-9a-z-]+\.sh$/); // unique (core/new-file.ts)
    expect(existsSync(scriptPath)).toBe(false);
    expect(readdirSync(tempDir).filter((f) => f !== 'workspace')).toEqual([]);
  });

  it.skipIf(!hasCommand('python3'))('runs a custom template: python3 {0}', async () => {
    const result = await run('import sys\nprint("from python", sys.argv[1:] == [])\nsys.exit(3)', {
      shell: 'python3 {0}',
    });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('from python True\n');
  });

  it('custom templates get the script path as one argument even with spaces', async () => {
    const result = await run('echo "args=$#"; echo "$0"', { shell: 'bash --noprofile -e {0}' });
    expect(result.stdout).toMatch(/^args=0\n.* command .*\.sh\n$/);
  });

  it('honours the step env and working directory', async () => {
    const env = { ...process.env, DM_GREETING: 'hello from env' };
    const relative = await run('echo "$DM_GREETING"; pwd', { env, workingDirectory: 'sub' });
    expect(relative.stdout).toBe(`hello from env\n${path.join(workspace, 'sub')}\n`);
    const absolute = await run('pwd', { workingDirectory: tempDir });
    expect(absolute.stdout).toBe(`${tempDir}\n`);
    const defaulted = await run('pwd');
    expect(defaulted.stdout).toBe(`${workspace}\n`);
  });

  it('a missing working directory is a clear error naming the input', async () => {
    const result = await run('echo never', { workingDirectory: 'nope' });
    expect(result.exitCode).toBe(1);
    expect(result.startError).toBe(
      `Input 'working-directory' must be an existing directory; 'nope' (${path.join(workspace, 'nope')}) does not exist`,
    );
    expect(result.stdout).toBe('');
    expect(result.pid).toBeNull();
  });

  it('a working directory that is a file is refused', async () => {
    await writeFile(path.join(workspace, 'file.txt'), 'x');
    const result = await run('echo never', { workingDirectory: 'file.txt' });
    expect(result.startError).toMatch(/^Input 'working-directory' .* is not a directory$/);
  });

  it('a shell missing from PATH gives exit code 127 and a clear message, not a crash', async () => {
    const emptyBin = await mkdtemp(path.join(tmpdir(), 'dm-empty-bin-'));
    const result = await run('Write-Host hi', { shell: 'pwsh', env: { PATH: emptyBin } });
    expect(result.exitCode).toBe(127);
    expect(result.startError).toMatch(/^shell 'pwsh' was not found on this runner/);
    expect(result.startError).not.toContain('\n');
    expect(readdirSync(tempDir).filter((f) => f !== 'workspace')).toEqual([]); // script removed
    await rm(emptyBin, { recursive: true });
  });
});

describe('onStarted', () => {
  it('is called once, while the command runs (work can overlap it)', async () => {
    const gate = path.join(tempDir, 'started-gate');
    let calls = 0;
    // The command waits for a file only onStarted writes: it can end only if onStarted ran first.
    const result = await run(
      `for i in $(seq 100); do [ -e '${gate}' ] && exit 0; sleep 0.05; done; exit 3`,
      {
        onStarted: () => {
          calls++;
          writeFileSync(gate, '');
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(calls).toBe(1);
  });

  it('is not called when the shell cannot start', async () => {
    const emptyBin = await mkdtemp(path.join(tmpdir(), 'dm-empty-bin-'));
    let calls = 0;
    const result = await run('true', {
      shell: 'pwsh',
      env: { PATH: emptyBin },
      onStarted: () => void calls++,
    });
    expect(result.exitCode).toBe(127);
    expect(calls).toBe(0);
    await rm(emptyBin, { recursive: true });
  });
});

describe('output', () => {
  it('streams chunks as they arrive, before the command ends, not line-buffered', async () => {
    const arrivals: { text: string; at: number }[] = [];
    const result = await run("printf 'partial'; sleep 1; echo ' rest'", {
      onOutput: (chunk) => arrivals.push({ text: chunk.toString(), at: performance.now() }),
    });
    const done = performance.now();
    expect(arrivals[0]?.text).toBe('partial'); // no newline yet, still delivered
    expect(done - (arrivals[0]?.at ?? done)).toBeGreaterThan(700);
    expect(result.stdout).toBe('partial rest\n');
    expect(result.durationMs).toBeGreaterThan(900);
  });

  it('keeps stdout and stderr apart on the way out, together in the tail', async () => {
    const result = await run('echo out; echo err >&2; echo out2');
    expect(result.stdout).toBe('out\nout2\n');
    expect(result.stderr).toBe('err\n');
    expect(result.outputTail.split('\n').sort()).toEqual(['err', 'out', 'out2']);
  });

  it('bounds the tail window to 16 KB of whole lines when 1 MB is printed', async () => {
    // Not `yes | head`: under pipefail yes's SIGPIPE fails the step, as it would on GitHub.
    const result = await run(
      `awk 'BEGIN { for (i = 0; i < 45591; i++) print "a line of build output" }'; echo 'LAST LINE'`,
    );
    expect(result.stdout.length).toBe(45591 * 23 + 'LAST LINE\n'.length); // 1 MB, all passed on
    // The record redacts this window, then keeps 40 lines and 4 KB of it (record.test.ts).
    expect(Buffer.byteLength(result.outputTail)).toBeLessThanOrEqual(16 * 1024);
    expect(Buffer.byteLength(result.outputTail)).toBeGreaterThan(16 * 1024 - 23 - 10);
    const lines = result.outputTail.split('\n');
    expect(lines.at(-1)).toBe('LAST LINE');
    expect(lines.slice(0, -1).every((l) => l === 'a line of build output')).toBe(true);
  });

  it('keeps only tailLines lines when asked', async () => {
    const result = await run('seq 1 100', { tailLines: 3 });
    expect(result.outputTail).toBe('98\n99\n100');
  });

  it('strips ANSI colour codes and collapses progress rewrites', async () => {
    const result = await run(
      String.raw`printf '\033[1;31mred\033[0m plain\n'; printf '10%%\r50%%\r100%%\n'`,
    );
    expect(result.stdout).toContain('\x1b[1;31m'); // passed through untouched
    expect(result.outputTail).toBe('red plain\n100%');
  });

  it('measures timing: startedAt <= endedAt, duration close to the wall clock', async () => {
    const result = await run('sleep 0.2');
    expect(result.endedAt.getTime()).toBeGreaterThanOrEqual(result.startedAt.getTime());
    expect(result.durationMs).toBeGreaterThan(150);
    expect(
      Math.abs(result.endedAt.getTime() - result.startedAt.getTime() - result.durationMs),
    ).toBeLessThan(50);
  });
});

describe('cancellation', () => {
  /** Starts `script`, aborts with `reason` once it printed 'ready'. */
  async function runAndCancel(
    script: string,
    reason: string,
    extra: Partial<RunCommandOptions> = {},
  ) {
    const controller = new AbortController();
    const started = performance.now();
    const result = await run(script, {
      signal: controller.signal,
      onOutput: (chunk) => {
        if (chunk.toString().includes('ready')) controller.abort(reason);
      },
      ...extra,
    });
    return { ...result, tookMs: performance.now() - started };
  }

  it('SIGTERM reaches the whole process group; result says cancelled', async () => {
    const result = await runAndCancel('sleep 30 & echo ready; sleep 30', 'SIGTERM');
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGTERM');
    expect(result.exitCode).toBeNull();
    expect(result.tookMs).toBeLessThan(3000);
    await expectGone(result.pid);
  });

  it('a script that traps TERM gets to run its trap', async () => {
    // bash defers traps until the foreground command ends: only a signal to the whole group
    // (which ends `sleep` too) lets the trap run now rather than after 30 s.
    const result = await runAndCancel(
      // 'ready' comes from a helper once `sleep` is surely running: a TERM that lands before
      // bash forks `sleep` would be deferred until sleep ends, as bash does everywhere.
      `trap 'echo "cleaning up"; exit 7' TERM\n(sleep 0.2; echo ready) &\nsleep 30`,
      'SIGTERM',
    );
    expect(result.cancelled).toBe(true);
    expect(result.exitCode).toBe(7);
    expect(result.tookMs).toBeLessThan(3000);
    expect(result.stdout).toContain('cleaning up');
    // bash may also report the killed `sleep` ("Terminated") on stderr, before or after.
    expect(result.outputTail.split('\n')).toEqual(expect.arrayContaining(['ready', 'cleaning up']));
    await expectGone(result.pid);
  });

  it('forwards SIGINT and sweeps background jobs that ignore it', async () => {
    // Non-interactive bash starts background jobs with SIGINT ignored.
    const result = await runAndCancel('sleep 30 & echo ready; wait', 'SIGINT');
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGINT');
    await expectGone(result.pid);
  });

  it('escalates to SIGKILL after the grace period when the signal is ignored', async () => {
    const result = await runAndCancel("trap '' TERM; echo ready; sleep 30", 'SIGTERM', {
      killGraceMs: 300,
    });
    expect(result.cancelled).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(result.tookMs).toBeGreaterThan(300);
    expect(result.tookMs).toBeLessThan(3000);
    await expectGone(result.pid);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');
    const result = await run('echo never', { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, pid: null, stdout: '' });
  });

  it('installCancellation turns a real SIGINT into an abort, and dispose restores', async () => {
    const before = process.listenerCount('SIGINT');
    const seen: string[] = [];
    const cancellation = installCancellation((sig) => seen.push(sig));
    try {
      const aborted = new Promise((resolve) =>
        cancellation.signal.addEventListener('abort', resolve, { once: true }),
      );
      process.kill(process.pid, 'SIGINT');
      await aborted;
      expect(cancellation.signal.reason).toBe('SIGINT');
      expect(seen).toEqual(['SIGINT']);
    } finally {
      cancellation.dispose();
    }
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('end to end: a SIGTERM to us cancels the running command', async () => {
    const cancellation = installCancellation();
    try {
      const result = await run('echo ready; sleep 30', {
        signal: cancellation.signal,
        onOutput: () => process.kill(process.pid, 'SIGTERM'),
      });
      expect(result.cancelled).toBe(true);
      expect(result.signal).toBe('SIGTERM');
      await expectGone(result.pid);
    } finally {
      cancellation.dispose();
    }
  });
});

describe('pure helpers', () => {
  it('resolveShell maps built-ins to the documented templates and extensions', () => {
    expect(resolveShell('bash')).toMatchObject({
      command: 'bash',
      argsTemplate: '--noprofile --norc -eo pipefail {0}',
      extension: '.sh',
    });
    expect(resolveShell('sh')).toMatchObject({ argsTemplate: '-e {0}', extension: '.sh' });
    expect(resolveShell('pwsh')).toMatchObject({
      argsTemplate: `-command ". '{0}'"`,
      extension: '.ps1',
    });
    expect(resolveShell('python')).toMatchObject({ command: 'python', extension: '.py' });
    expect(resolveShell('cmd')).toMatchObject({ extension: '.cmd' });
    expect(resolveShell('perl {0}')).toMatchObject({
      command: 'perl',
      argsTemplate: '{0}',
      extension: '',
    });
    expect(() => resolveShell('fish')).toThrow(/containing \{0\}/);
  });

  it('commandOutcome decides status, reason and reported exit code once', () => {
    const base = {
      exitCode: 0,
      signal: null,
      durationMs: 5,
      startedAt: new Date(0),
      endedAt: new Date(5),
      outputTail: '',
      cancelled: false,
      startError: null,
      pid: 42,
    };
    expect(commandOutcome(base)).toEqual({ kind: 'succeeded', exitCode: 0, reason: null });
    expect(commandOutcome({ ...base, exitCode: 3 })).toEqual({
      kind: 'failed',
      exitCode: 3,
      reason: 'exit code 3',
    });
    expect(commandOutcome({ ...base, exitCode: null, signal: 'SIGKILL' })).toEqual({
      kind: 'failed',
      exitCode: 1,
      reason: 'killed by SIGKILL',
    });
    const cancelled = { ...base, exitCode: null, signal: 'SIGTERM' as const, cancelled: true };
    expect(commandOutcome(cancelled)).toEqual({
      kind: 'cancelled',
      exitCode: 130,
      reason: 'cancelled',
    });
    expect(
      commandOutcome({
        ...base,
        exitCode: 127,
        startError: "shell 'pwsh' was not found",
        pid: null,
      }),
    ).toEqual({ kind: 'not started', exitCode: 127, reason: "shell 'pwsh' was not found" });
  });

  it('resolveShell knows the same built-ins the shell input accepts, and only those', () => {
    for (const name of BUILTIN_SHELL_NAMES) {
      expect(resolveShell(name).argsTemplate).toContain('{0}');
      const env = { INPUT_NAME: 'n', INPUT_RUN: 'true', INPUT_SHELL: name };
      expect(readInputs(fromEnv(env)).shell).toBe(name);
    }
    // Names of Object.prototype members are not shells (they were looked up in a plain object).
    expect(resolveShell('constructor {0}').extension).toBe('');
    expect(() => resolveShell('constructor')).toThrow(/must be one of bash, sh, pwsh/);
  });

  it('resolveShell adds the runner wrapping for pwsh and cmd', () => {
    expect(resolveShell('pwsh').fixUp('Write-Host hi')).toMatch(
      /^\$ErrorActionPreference = 'stop'\r?\nWrite-Host hi\r?\nif \(\(Test-Path -LiteralPath variable:\\LASTEXITCODE\)\) \{ exit \$LASTEXITCODE \}$/,
    );
    expect(resolveShell('cmd').fixUp('dir')).toMatch(/^@echo off\r?\ndir$/);
    expect(resolveShell('bash').fixUp('echo')).toBe('echo');
  });

  it('splitArgs follows the .NET command-line rules the runner uses', () => {
    expect(splitArgs('--noprofile --norc -eo pipefail {0}')).toEqual([
      '--noprofile',
      '--norc',
      '-eo',
      'pipefail',
      '{0}',
    ]);
    expect(splitArgs(`-command ". '{0}'"`)).toEqual(['-command', ". '{0}'"]);
    expect(splitArgs(String.raw`a\"b "c d"  e\\"f g"`)).toEqual(['a"b', 'c d', 'e\\f g']);
    expect(splitArgs(String.raw`C:\dir\file {0}`)).toEqual([String.raw`C:\dir\file`, '{0}']);
    expect(splitArgs('""')).toEqual(['']);
  });

  it('TailBuffer keeps exactly the last bytes across wrap-arounds', () => {
    const tail = new TailBuffer(8);
    const all: Buffer[] = [];
    for (const piece of ['abc', 'defgh', 'ij', 'klmnopqrstuvwxyz', '12', '3']) {
      tail.push(Buffer.from(piece));
      all.push(Buffer.from(piece));
      expect(tail.bytes().toString()).toBe(Buffer.concat(all).toString().slice(-8));
    }
    expect(tail.total).toBe(29);
    expect(tail.truncated).toBe(true);
  });

  it('tailText drops a multi-byte character cut in half', () => {
    const tail = new TailBuffer(10);
    tail.push(Buffer.from('€€€€€€€€')); // 24 bytes: the cut lands inside a €
    expect(tailText(tail)).toBe('€€€');
    const whole = new TailBuffer(100);
    whole.push(Buffer.from('first\n€\n'));
    expect(tailText(whole)).toBe('first\n€'); // not truncated: first line kept
  });
});
