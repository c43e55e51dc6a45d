/**
 * What main and post both derive from the inputs and the runner's variables. Cheap on purpose:
 * the cache client and the REST client are loaded only when a step needs them (historyOptions).
 */
import path from 'node:path';
import * as core from './runner-io.js';
import { secretValuesFromEnv } from '../core/redact.js';
import { readCiContext, readEventPayload, type CiContext } from './context.js';
import type { SaveHistoryOptions } from './history.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { jobStateFile } from './job.js';
import { maskOtlpHeaders } from './otlp.js';

export interface Setup {
  inputs: ActionInputs;
  ci: CiContext;
  metricsDir: string;
  tempDir: string;
  /** Whether the history is kept in the cache (`history: cache`). */
  history: boolean;
  /** The job's shared state file (job.ts). */
  jobFile: string;
  /** Values kept out of records and reports: the token and secret-looking variables' values. */
  secrets: string[];
  /** The cache options (loads the cache and REST clients); null with `history: none`. */
  historyOptions(): Promise<SaveHistoryOptions | null>;
}

/** Bound of the cache restore and of the save; the client itself sets none. */
export function cacheTimeoutMs(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export function setup(env: NodeJS.ProcessEnv = process.env): Setup {
  const inputs = readInputs();
  if (Object.prototype.hasOwnProperty.call(inputs.metadata, 'ci')) {
    throw new InputError(
      'metadata',
      "Input 'metadata' must not use the key 'ci': the action stores the run's context there; rename your key.",
    );
  }
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const otlpSecrets = maskOtlpHeaders(inputs);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const ci = readCiContext(env, readEventPayload(env.GITHUB_EVENT_PATH));
  if (Object.keys(inputs.matrix).length > 0) ci.matrix = inputs.matrix;
  const metricsDir = path.resolve(workspace, inputs.metricsDir);
  const tempDir = env.RUNNER_TEMP ?? path.join(workspace, '.dev-metrics-tmp');
  const history = inputs.history === 'cache';
  const jobFile = jobStateFile(tempDir, {
    runId: ci.run_id ?? '0',
    runAttempt: ci.run_attempt ?? 1,
    job: ci.job ?? 'job',
    metricsDir,
    history: history ? `cache:${inputs.cacheKey}:${env.RUNNER_OS ?? ''}` : 'none',
  });
  const secrets = [
    ...(inputs.githubToken ? [inputs.githubToken] : []),
    ...secretValuesFromEnv(env),
    ...otlpSecrets,
  ];
  let options: Promise<SaveHistoryOptions | null> | undefined;
  const historyOptions = (): Promise<SaveHistoryOptions | null> =>
    (options ??= history
      ? import('./history.js').then(
          ({ defaultKeyPrefix, makeCacheLister }): SaveHistoryOptions => ({
            metricsDir,
            keyPrefix: defaultKeyPrefix(inputs.cacheKey, env.RUNNER_OS),
            branch: ci.branch ?? 'unknown',
            baseBranch: ci.base_branch,
            defaultBranch: ci.default_branch,
            ref: ci.ref,
            runId: ci.run_id ?? '0',
            runAttempt: ci.run_attempt ?? 1,
            jobKey: ci.job ?? 'job',
            lister:
              inputs.githubToken && ci.repository
                ? makeCacheLister(inputs.githubToken, ci.repository, env.GITHUB_API_URL)
                : null,
            daysToKeep: inputs.daysToKeep,
            timeoutMs: cacheTimeoutMs(env.DEV_METRICS_CACHE_TIMEOUT_MS),
          }),
        )
      : Promise.resolve(null));
  return { inputs, ci, metricsDir, tempDir, history, jobFile, secrets, historyOptions };
}
