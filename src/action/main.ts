/**
 * The action's main step: restore history → run the command → write the record → save history →
 * publish reports → pass the command's outcome through. The post step (runPost) saves what a
 * killed main step could not.
 *
 * Order matters: the record is written and the history saved before any report, so a failure or
 * a cancellation later on never loses the metric.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { parseTimestamp } from '../core/record.js';
import { appendRecord, pruneDayFiles } from '../core/store.js';
import {
  commandEnvironment,
  installCancellation,
  runCommand,
  type CommandResult,
} from './command.js';
import { readCiContext, readEventPayload, type CiContext } from './context.js';
import {
  defaultKeyPrefix,
  makeCacheLister,
  restoreHistory,
  saveHistory,
  type SaveHistoryOptions,
} from './history.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { secretValuesFromEnv } from '../core/redact.js';
import { publishReports } from './publish.js';
import { exportExecution, exportJobSpan, maskOtlpHeaders } from './otlp.js';
import { buildRecord, commandFailed, failureReason } from './record.js';
import { State, readState, saveState } from './state.js';

interface Setup {
  inputs: ActionInputs;
  ci: CiContext;
  metricsDir: string;
  tempDir: string;
  history: SaveHistoryOptions | null;
  /** Values kept out of records and reports: the token and secret-looking variables' values. */
  secrets: string[];
}

/** Bound of the cache restore and of the save; the client itself sets none. */
function cacheTimeoutMs(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function setup(): Setup {
  const inputs = readInputs();
  if (Object.prototype.hasOwnProperty.call(inputs.metadata, 'ci')) {
    throw new InputError(
      'metadata',
      "Input 'metadata' must not use the key 'ci': the action stores the run's context there; rename your key.",
    );
  }
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const otlpSecrets = maskOtlpHeaders(inputs);
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const ci = readCiContext(env, readEventPayload(env.GITHUB_EVENT_PATH));
  if (Object.keys(inputs.matrix).length > 0) ci.matrix = inputs.matrix;
  const metricsDir = path.resolve(workspace, inputs.metricsDir);
  const tempDir = env.RUNNER_TEMP ?? path.join(workspace, '.dev-metrics-tmp');
  const history: SaveHistoryOptions | null =
    inputs.history === 'cache'
      ? {
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
        }
      : null;
  const secrets = [
    ...(inputs.githubToken ? [inputs.githubToken] : []),
    ...secretValuesFromEnv(env),
    ...otlpSecrets,
  ];
  return { inputs, ci, metricsDir, tempDir, history, secrets };
}

/** Keeps the history at days-to-keep and in the cache; never throws. */
async function keepHistory(s: Setup): Promise<void> {
  if (s.history) {
    await saveHistory(s.history);
  } else {
    await pruneDayFiles(s.metricsDir, s.inputs.daysToKeep).catch((error: unknown) =>
      core.warning(`dev-metrics: old day files not pruned: ${String(error)}`),
    );
  }
  saveState(State.HistorySaved, 'true');
}

function setOutputs(s: Setup, result: CommandResult, status: string, durationMs: number): void {
  core.setOutput('duration-ms', String(Math.round(durationMs)));
  core.setOutput('status', status);
  core.setOutput('exit-code', String(result.exitCode ?? (result.cancelled ? 130 : 1)));
  core.setOutput('metrics-dir', s.metricsDir);
}

export async function runMain(): Promise<void> {
  let s: Setup;
  try {
    s = setup();
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(error.message);
      return;
    }
    throw error;
  }
  saveState(State.Setup, JSON.stringify({ name: s.inputs.name, metricsDir: s.metricsDir }));
  const cancellation = installCancellation((signal) =>
    core.info(`dev-metrics: received ${signal}; stopping the command and saving the history.`),
  );
  try {
    if (s.history) {
      const restored = await restoreHistory(s.history);
      // One warning per cause: when the cache could not even be tried, saving says so as info;
      // when it did not answer within the bound, saving does not wait for it a second time.
      s.history.unavailableAlreadyReported = restored.mode === 'skipped';
      s.history.cacheUnresponsive = restored.cacheUnresponsive === true;
    }
    await mkdir(s.tempDir, { recursive: true });
    saveState(State.StartedAt, new Date().toISOString());
    const result = await runCommand({
      script: s.inputs.run,
      shell: s.inputs.shell,
      workingDirectory: s.inputs.workingDirectory,
      tempDir: s.tempDir,
      env: commandEnvironment(process.env),
      signal: cancellation.signal,
    });
    if (result.cancelled && result.pid === null) {
      // Cancelled before the command ran: there is no run to record, and nothing for post to do.
      saveState(State.HistorySaved, 'true');
      core.setFailed(
        `${s.inputs.name} was cancelled before the command started; nothing recorded.`,
      );
      return;
    }
    const record = buildRecord({
      name: s.inputs.name,
      metadata: s.inputs.metadata,
      ci: s.ci,
      result,
      secrets: s.secrets,
    });
    try {
      await appendRecord(s.metricsDir, record);
    } catch (error) {
      // The step's outcome is the command's: a history we cannot write is a warning, not a failure.
      core.warning(
        `dev-metrics: the record of ${s.inputs.name} could not be written to ${s.metricsDir} ` +
          `(${error instanceof Error ? error.message : String(error)}); check the 'metrics-dir' input.`,
      );
    }
    saveState(State.Recorded, 'true');
    setOutputs(s, result, record.status, record.duration_ms);
    await keepHistory(s);
    await exportExecution({ inputs: s.inputs, record, secrets: s.secrets });

    const failed = commandFailed(result);
    if (!result.cancelled) {
      const { verdict } = await publishReports({
        inputs: s.inputs,
        ci: s.ci,
        record,
        metricsDir: s.metricsDir,
        tempDir: s.tempDir,
        secrets: s.secrets,
      });
      if (!failed && verdict?.verdict === 'slower' && s.inputs.failOnRegression) {
        core.setFailed(
          `${s.inputs.name} regressed: ${verdict.reason} (fail-on-regression is true)`,
        );
      }
    }
    if (failed) {
      core.setFailed(
        result.cancelled
          ? `${s.inputs.name} was cancelled; its record was written as failed.`
          : `${s.inputs.name} failed: ${failureReason(result)}.`,
      );
      if (result.exitCode !== null && result.exitCode !== 0) process.exitCode = result.exitCode;
    }
  } finally {
    cancellation.dispose();
  }
}

/**
 * The post step: when main was killed before it could finish (SIGKILL after a cancel, a crash),
 * write the record it could not and save the history. A no-op after a complete main step.
 */
export async function runPost(): Promise<void> {
  if (readState(State.HistorySaved) === 'true') return exportJobSpan();
  let s: Setup;
  try {
    s = setup();
  } catch {
    return; // main already reported the bad input
  }
  const startedAt = readState(State.StartedAt);
  if (readState(State.Recorded) !== 'true' && startedAt) {
    const started = new Date(parseTimestamp(startedAt));
    const ended = new Date();
    const record = buildRecord({
      name: s.inputs.name,
      metadata: s.inputs.metadata,
      ci: s.ci,
      result: {
        exitCode: null,
        signal: null,
        durationMs: ended.getTime() - started.getTime(),
        startedAt: started,
        endedAt: ended,
        outputTail: '',
        cancelled: true,
        startError: null,
        pid: null,
      },
    });
    await appendRecord(s.metricsDir, record);
    core.info(`dev-metrics: main step did not finish; recorded ${s.inputs.name} as cancelled.`);
  }
  if (readState(State.StartedAt) || readState(State.Recorded) === 'true') await keepHistory(s);
  await exportJobSpan();
}
