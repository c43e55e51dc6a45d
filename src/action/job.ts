/**
 * The job is the unit: what the wrapped steps of one job share, in one file under RUNNER_TEMP
 * (`$RUNNER_TEMP/dev-metrics/job-<hash>.json`, one per run, attempt, job and history).
 *
 * The first main step of the job creates it with O_EXCL and so becomes the job's owner: it
 * restores and merges the history once. Later mains find the file, skip the restore and only
 * append their records and their comment rows. Post steps run in reverse order, so the owner's
 * post runs last: it makes the one save, the one comment update and the one dashboard upload of
 * the whole job, then removes the file (a later main in the same RUNNER_TEMP starts a new job).
 * Steps of a job run one after another, so a plain read-modify-write (atomic rename) suffices.
 * The calls are synchronous: a small local file, on every wrapped step's way to its command.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fnv1a64 } from '../core/fnv.js';
import type { SavePlan } from './cache/plan.js';

export interface JobState {
  v: 1;
  /** The owner step's name: its dashboard folder holds the job's dashboard. */
  owner: string;
  /** The owner's restore finished (completely or not); a delta needs only `deltaFrom`. */
  restored: boolean;
  /** What the owner's post saves; a delta unless the restore saw the whole history. */
  plan: SavePlan;
  /** Day file → size after the restore: the job's records are what lies past it. */
  deltaFrom: Record<string, number>;
  /** Superseded entries the save may delete (actions: write). */
  superseded: Array<{ id: number; key: string }>;
  /** The restore warned that the cache is unavailable / ran out of time. */
  unavailableReported: boolean;
  cacheUnresponsive: boolean;
  /** The comment rows of the job's steps, in step order (plain JSON, see report/comment-body). */
  rows: Array<Record<string, unknown>>;
  /**
   * The job's dashboard file (in the owner's folder), the `dashboard-path` output of every step:
   * worked out once by the owner, so later steps need no hashing. Absent in older job files.
   */
  dashboardFile?: string;
  /**
   * The owner wrote the index of metrics-dir by step name (nameIndexDir, core/name-index.ts), from
   * which later steps read their own runs. Absent in older job files, or when it failed.
   */
  indexed?: boolean;
}

export interface JobIdentity {
  runId: string;
  runAttempt: number | string;
  job: string;
  metricsDir: string;
  /** `cache:<key prefix>` or `none`: steps keeping different histories are different units. */
  history: string;
}

export function jobStateFile(tempDir: string, id: JobIdentity): string {
  const key = JSON.stringify([id.runId, String(id.runAttempt), id.job, id.metricsDir, id.history]);
  return path.join(tempDir, 'dev-metrics', `job-${fnv1a64(key)}.json`);
}

export function newJobState(owner: string, dashboardFile?: string): JobState {
  return {
    ...(dashboardFile === undefined ? {} : { dashboardFile }),
    v: 1,
    owner,
    restored: false,
    plan: { kind: 'delta' },
    deltaFrom: {},
    superseded: [],
    unavailableReported: false,
    cacheUnresponsive: false,
    rows: [],
  };
}

/**
 * Creates the job file, or reads the one an earlier step created. `initial` is called only when
 * this step creates it (the owner's state may cost more to work out than a later step should pay).
 */
export function claimJob(
  file: string,
  initial: () => JobState,
): { owner: boolean; state: JobState | null } {
  // Steps of a job run one after another: a file that is there was made by an earlier step, so a
  // later step only reads it (no directory to make, no exclusive create failing with EEXIST).
  const existing = readJob(file);
  if (existing) return { owner: false, state: existing };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fd = openSync(file, 'wx', 0o600);
    const state = initial();
    try {
      writeFileSync(fd, JSON.stringify(state));
    } finally {
      closeSync(fd);
    }
    return { owner: true, state };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { owner: false, state: readJob(file) };
  }
}

export function readJob(file: string): JobState | null {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as JobState;
    return state && state.v === 1 ? state : null;
  } catch {
    return null;
  }
}

/** Applies `change` to the job file (no-op when it is gone or unreadable). */
export function updateJob(file: string, change: (state: JobState) => void): JobState | null {
  const state = readJob(file);
  if (!state) return null;
  change(state);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
  renameSync(temp, file);
  return state;
}

/** The folder of the job's name index (beside the job file, in RUNNER_TEMP). */
export function nameIndexDir(file: string): string {
  return file.replace(/\.json$/, '.names');
}

export function closeJob(file: string): void {
  rmSync(nameIndexDir(file), { recursive: true, force: true });
  rmSync(file, { force: true });
}
