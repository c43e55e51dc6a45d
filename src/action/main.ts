/**
 * The action's main step. The job is the unit (see job.ts): the first wrapped step of a job (its
 * owner) restores and merges the history once; every step runs its command, writes its record,
 * publishes its own verdict, summary section and comment row, and passes the command's outcome
 * through. The save, the comment update and the dashboard upload happen once per job, in the
 * owner's post step (post.ts), which runs last.
 *
 * Order matters: the record is written before any report, so a failure or a cancellation later
 * on never loses the metric; the owner's post (post-if: always()) saves it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as core from './runner-io.js';
import { writeNameIndex } from '../core/name-index.js';
import { appendRecordSync } from '../core/store.js';
import {
  commandEnvironment,
  commandOutcome,
  installCancellation,
  runCommand,
  type CommandOutcome,
} from './command.js';
import { dashboardOutputFile } from './dashboard-path.js';
import { claimJob, nameIndexDir, newJobState, updateJob, type JobState } from './job.js';
import { InputError } from './inputs.js';
import { exportExecution } from './otlp.js';
import { publishStep, readEarlierRuns, regressionFailure, type EarlierRuns } from './publish.js';
import { buildRecord } from './record.js';
import { collectRunValues } from './run-values.js';
import { setup, type Setup } from './setup.js';
import { State, saveState } from './state.js';

function setOutputs(s: Setup, outcome: CommandOutcome, status: string, durationMs: number): void {
  core.setOutput('duration-ms', String(Math.round(durationMs)));
  core.setOutput('status', status);
  core.setOutput('exit-code', String(outcome.exitCode));
  core.setOutput('metrics-dir', s.metricsDir);
}

/** The owner's restore: merges the cached history once for the whole job. Never throws. */
async function restoreForJob(s: Setup): Promise<Partial<JobState>> {
  const { dayFileSizes, restoreHistory } = await import('./history.js');
  // Day files the workspace had before the restore may hold records no entry has: only a
  // snapshot saves those.
  const before = await dayFileSizes(s.metricsDir);
  const options = await s.historyOptions();
  if (!options) return {};
  const restored = await restoreHistory(options);
  const plan = restored.plan ?? { kind: 'delta' };
  const preexisting = Object.values(before).some((size) => size > 0);
  return {
    restored: true,
    plan,
    // A delta from the sizes after the merge; from nothing when the workspace had records of its
    // own that a delta would otherwise never carry.
    deltaFrom: preexisting && plan.kind === 'delta' ? {} : await dayFileSizes(s.metricsDir),
    superseded: restored.superseded ?? [],
    unavailableReported: restored.mode === 'skipped',
    cacheUnresponsive: restored.cacheUnresponsive === true,
  };
}

/**
 * The owner's index of metrics-dir by step name, from which every step of the job reads its own
 * runs (core/name-index.ts): written once, while the owner's command runs. True when written.
 */
async function indexForJob(metricsDir: string, jobFile: string): Promise<boolean> {
  try {
    await writeNameIndex(metricsDir, nameIndexDir(jobFile));
    updateJob(jobFile, (job) => void (job.indexed = true));
    return true;
  } catch (error) {
    // Only speed is at stake: the steps then search the day files, as without an index.
    core.debug(
      `dev-metrics: no name index (${error instanceof Error ? error.message : String(error)})`,
    );
    return false;
  }
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
  const { owner, state } = claimJob(s.jobFile, () =>
    newJobState(s.inputs.name, dashboardOutputFile(s.tempDir, s.inputs.name)),
  );
  saveState(State.Setup, JSON.stringify({ name: s.inputs.name, metricsDir: s.metricsDir }));
  saveState(State.JobFile, s.jobFile);
  if (owner) saveState(State.Owner, 'true');
  const cancellation = installCancellation((signal) =>
    core.info(`dev-metrics: received ${signal}; stopping the command and saving the history.`),
  );
  try {
    if (owner && s.history) {
      const restored = await restoreForJob(s);
      updateJob(s.jobFile, (job) => Object.assign(job, restored));
    } else if (!owner) {
      core.info(
        `dev-metrics: the history was restored by this job's first step (${state?.owner ?? 'unknown'}); appending.`,
      );
    }
    mkdirSync(s.tempDir, { recursive: true });
    saveState(State.StartedAt, new Date().toISOString());
    // The step's earlier runs are read while the command runs (its reports need them after).
    let earlier: Promise<EarlierRuns> | undefined;
    const readEarlier = (): Promise<EarlierRuns> =>
      (earlier ??= (
        owner ? indexForJob(s.metricsDir, s.jobFile) : Promise.resolve(state?.indexed)
      ).then((indexed) =>
        readEarlierRuns(
          s.metricsDir,
          s.inputs.daysToKeep,
          s.inputs.name,
          indexed === true ? nameIndexDir(s.jobFile) : undefined,
        ),
      ));
    const result = await runCommand({
      script: s.inputs.run,
      shell: s.inputs.shell,
      workingDirectory: s.inputs.workingDirectory,
      tempDir: s.tempDir,
      env: commandEnvironment(process.env),
      signal: cancellation.signal,
      onStarted: () => void readEarlier(),
    });
    if (result.cancelled && result.pid === null) {
      // Cancelled before the command ran: there is no run to record.
      saveState(State.Recorded, 'none');
      core.setFailed(
        `${s.inputs.name} was cancelled before the command started; nothing recorded.`,
      );
      return;
    }
    // Values are extras: what cannot be read is a warning, and the record is written regardless.
    const runValues = await collectRunValues({
      result,
      benchmark: s.inputs.benchmark,
      commandDir: path.resolve(
        process.env.GITHUB_WORKSPACE ?? process.cwd(),
        s.inputs.workingDirectory,
      ),
    });
    for (const warning of runValues.warnings) core.warning(warning);
    const record = buildRecord({
      name: s.inputs.name,
      metadata: s.inputs.metadata,
      ci: s.ci,
      result,
      secrets: s.secrets,
      values: runValues.values,
    });
    // This run's record goes to disk only once its earlier runs are read (a command that never
    // started did not start the read): the reports add it themselves, so it is never counted twice.
    const earlierRuns = await readEarlier();
    try {
      // Synchronous, like the step's other small files: five thread-pool round trips fewer.
      appendRecordSync(s.metricsDir, record);
    } catch (error) {
      // The step's outcome is the command's: a history we cannot write is a warning, not a failure.
      core.warning(
        `dev-metrics: the record of ${s.inputs.name} could not be written to ${s.metricsDir} ` +
          `(${error instanceof Error ? error.message : String(error)}); check the 'metrics-dir' input.`,
      );
    }
    saveState(State.Recorded, 'true');
    // Decided once: outputs, failure message and exit code all read the outcome.
    const outcome = commandOutcome(result);
    setOutputs(s, outcome, record.status, record.duration_ms);
    await exportExecution({ inputs: s.inputs, record, secrets: s.secrets });
    // The job's dashboard, written by the owner's post step.
    core.setOutput(
      'dashboard-path',
      path.resolve(
        state?.dashboardFile ?? dashboardOutputFile(s.tempDir, state?.owner ?? s.inputs.name),
      ),
    );

    const failed = outcome.kind !== 'succeeded';
    if (outcome.kind !== 'cancelled') {
      const { verdict, row, valueVerdicts, valueRows } = await publishStep({
        inputs: s.inputs,
        ci: s.ci,
        record,
        secrets: s.secrets,
        earlier: earlierRuns,
      });
      if (row) updateJob(s.jobFile, (job) => void job.rows.push(row, ...valueRows));
      // A worse value fails the step as a slower duration does (fail-on-regression is opt-in).
      const regression = regressionFailure(s.inputs.name, verdict, valueVerdicts);
      if (!failed && regression !== null && s.inputs.failOnRegression) core.setFailed(regression);
    }
    if (failed) {
      core.setFailed(
        outcome.kind === 'cancelled'
          ? `${s.inputs.name} was cancelled; its record was written as failed.`
          : `${s.inputs.name} failed: ${outcome.reason}.`,
      );
      // The shell's own code when it exited with one (setFailed has set 1 otherwise).
      if (result.exitCode !== null && outcome.exitCode !== 0) process.exitCode = outcome.exitCode;
    }
  } finally {
    cancellation.dispose();
  }
}
