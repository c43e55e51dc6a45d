// Runs the compiled CLI (lib/cli/main.js, built by test/setup/build-lib.ts) as a real child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionRecord } from '../../src/core/record.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// DEV_METRICS_TEST_CLI points the tests at another build (e.g. a deliberately broken copy).
export const CLI = process.env.DEV_METRICS_TEST_CLI ?? path.join(ROOT, 'lib/cli/main.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Resolves when `text` has appeared on the CLI's stdout. */
  stdoutIncludes(text: string): Promise<void>;
  done: Promise<CliResult>;
}

export function startCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Running {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.DEV_METRICS_DIR;
  if (options.env && 'DEV_METRICS_DIR' in options.env)
    env.DEV_METRICS_DIR = options.env.DEV_METRICS_DIR;
  // Its own process group, so a failed test can kill the CLI and whatever it wrapped.
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiters.filter((w) => stdout.includes(w.text))) w.resolve();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stdoutIncludes: (text) =>
      stdout.includes(text)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ text, resolve })),
  };
}

const running = new Set<ChildProcess>();

/** Kills the process group of every CLI still running (call in afterAll). */
export function killLeftovers(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return startCli(args, options).done;
}

export function tempDir(prefix = 'dev-metrics-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every record in every day file of `dir`, in file order. */
export function readAllRecords(dir: string): ExecutionRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d{4}-\d\d-\d\d\.jsonl$/.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((n) => readFileSync(path.join(dir, n), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as ExecutionRecord);
}

/**
 * Splits an aligned table into cells using the dashed rule under the header, and fails if any
 * line has text in the gaps between columns: so a misaligned table cannot parse.
 */
export function parseTable(text: string): { header: string[]; rows: string[][]; lines: string[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const rule = lines[1] ?? '';
  if (!/^-[- ]*$/.test(rule)) throw new Error(`no rule line under the header:\n${text}`);
  const spans: [number, number][] = [];
  for (const m of rule.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const cut = (line: string): string[] => {
    spans.forEach(([start], i) => {
      const gap = line.slice(i === 0 ? 0 : spans[i - 1]![1], start);
      if (gap.trim() !== '') throw new Error(`text between columns in: ${JSON.stringify(line)}`);
    });
    return spans.map(([start, end], i) =>
      i === spans.length - 1 ? line.slice(start) : line.slice(start, end),
    );
  };
  return {
    header: cut(lines[0]!).map((c) => c.trim()),
    rows: lines.slice(2).map(cut),
    lines,
  };
}
