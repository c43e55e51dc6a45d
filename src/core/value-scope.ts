/**
 * addValue(): values added while a tracked function runs. Each trackExecution run opens a scope in
 * an AsyncLocalStorage, so addValue reaches the innermost run whose code (sync or after any number
 * of awaits) is calling it, without the caller passing a handle around.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DevMetricsError } from './errors.js';
import { checkValue, type Better, type RunValue } from './values.js';

/** The values one tracked run collects; closed once its record is being written. */
export interface ValueScope {
  readonly name: string;
  readonly values: RunValue[];
  closed: boolean;
}

const storage = new AsyncLocalStorage<ValueScope>();

/** A new, empty scope for the run `name`. */
export function openValueScope(name: string): ValueScope {
  return { name, values: [], closed: false };
}

/** Runs `fn` (and everything it awaits) with `scope` as the innermost one addValue reaches. */
export function runInValueScope<T>(scope: ValueScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export interface AddValueOptions {
  /** Shown beside the number: `KB`, `tokens`, `USD`. */
  unit?: string;
  /** Default: 'bigger' for rates (`ops/s`, `MB/s`), else 'smaller'. */
  better?: Better;
}

/**
 * Adds a value to the innermost trackExecution run in progress: it is stored in that run's record
 * (`metadata.values`). A later value of the same name replaces an earlier one. Throws a
 * DevMetricsError outside a tracked run, after it ended, or for a non-finite number.
 */
export function addValue(name: string, value: number, options: AddValueOptions = {}): void {
  const scope = storage.getStore();
  if (scope === undefined) {
    throw new DevMetricsError(
      `addValue(${JSON.stringify(String(name))}) was called outside a tracked run; call it inside the function passed to trackExecution(), or pass the value to endExecution({ values })`,
    );
  }
  if (scope.closed) {
    throw new DevMetricsError(
      `addValue(${JSON.stringify(String(name))}) came after the run "${scope.name}" ended; add values before its function returns or its promise settles`,
    );
  }
  scope.values.push(checkValue(name, value, options ?? {}, 'addValue'));
}
