/**
 * What the main step tells the post step (GITHUB_STATE → STATE_* variables), in one place so the
 * names cannot drift apart.
 */
import * as core from './runner-io.js';

export enum State {
  IsPost = 'isPost',
  Setup = 'setup',
  StartedAt = 'startedAt',
  /** 'true' once the record is written, 'none' when there was nothing to record. */
  Recorded = 'recorded',
  /** The job's state file (job.ts). */
  JobFile = 'jobFile',
  /** 'true' in the job's first wrapped step: its post saves and publishes for the whole job. */
  Owner = 'owner',
}

export function saveState(name: State, value: string): void {
  core.saveState(name, value);
}

export function readState(name: State): string {
  return core.getState(name);
}

/** True in the post step: main saved `isPost` before doing anything else. */
export function isPost(): boolean {
  return readState(State.IsPost) === 'true';
}
