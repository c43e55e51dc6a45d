/**
 * What the main step tells the post step (GITHUB_STATE → STATE_* variables), in one place so the
 * names cannot drift apart.
 */
import * as core from '@actions/core';

export enum State {
  IsPost = 'isPost',
  Setup = 'setup',
  StartedAt = 'startedAt',
  Recorded = 'recorded',
  HistorySaved = 'historySaved',
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
