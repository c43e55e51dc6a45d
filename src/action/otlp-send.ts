/**
 * The OTLP export itself (otlp.ts loads this module only when an endpoint is set): the main
 * step's execution (span + metric points), the job owner's post's parent span. At most
 * OTLP_STEP_BOUND_MS (or OTEL_EXPORTER_OTLP_TIMEOUT) is spent, a failure is one warning, and the
 * step's outcome never changes.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as core from './runner-io.js';
import type { ExecutionRecord } from '../core/record.js';
import { DAY_MS, readRecords } from '../core/store.js';
import type { sendExecution } from '../export/export.js';
import { OtlpConfigError, resolveOtlpConfig, type OtlpConfig } from '../export/otlp-config.js';
import type { RecordCi } from '../export/spans.js';
import type { CiContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import { OTLP_STEP_BOUND_MS, type ExecutionExport, type JobExport } from './otlp.js';

type Env = Record<string, string | undefined>;

function configOf(inputs: ActionInputs, env: Env): OtlpConfig | null {
  try {
    return resolveOtlpConfig(env, {
      endpoint: inputs.otlpEndpoint,
      headers: inputs.otlpHeaders,
      defaultTimeoutMs: OTLP_STEP_BOUND_MS,
    });
  } catch (error) {
    if (!(error instanceof OtlpConfigError)) throw error;
    core.warning(`dev-metrics: OTLP export skipped: ${error.message}`);
    return null;
  }
}

function boundOf(config: OtlpConfig): number {
  return Math.max(config.traces?.timeoutMs ?? 0, config.metrics?.timeoutMs ?? 0);
}

function tempDirOf(env: Env): string {
  return env.RUNNER_TEMP ?? path.join(env.GITHUB_WORKSPACE ?? process.cwd(), '.dev-metrics-tmp');
}

/** Left in the job's temp dir by a failed export, so the post step does not warn a second time. */
const FAILED_MARKER = 'dev-metrics-otlp-failed';

async function send(
  config: OtlpConfig,
  input: Parameters<typeof sendExecution>[1],
  env: Env,
): Promise<boolean> {
  const bound = boundOf(config);
  try {
    // The exporter code (and the node:crypto its ids use) only when sending.
    const [{ sendExecution }, { withDeadline }] = await Promise.all([
      import('../export/export.js'),
      import('../export/otlp.js'),
    ]);
    await withDeadline(sendExecution(config, input), bound, 'OTLP export');
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.warning(
      `dev-metrics: OTLP export skipped (${message.split('\n')[0]}); the step's result is unchanged.`,
    );
    await writeFile(path.join(tempDirOf(env), FAILED_MARKER), '').catch(() => undefined);
    return false;
  }
}

/** Main step: the execution's span and metric points. Never throws. */
export async function exportExecution(input: ExecutionExport): Promise<void> {
  const env = input.env ?? process.env;
  const config = configOf(input.inputs, env);
  if (config === null) return;
  try {
    await send(config, { record: input.record, secrets: input.secrets }, env);
  } catch (error) {
    core.warning(`dev-metrics: OTLP export skipped: ${String(error)}`);
  }
}

function sameJob(
  recordCi: (record: ExecutionRecord) => RecordCi,
  record: ExecutionRecord,
  ci: CiContext,
): boolean {
  const r = recordCi(record);
  return (
    r.run_id === ci.run_id && (r.run_attempt ?? 1) === (ci.run_attempt ?? 1) && r.job === ci.job
  );
}

/**
 * The job's parent span, sent by the job owner's post step (post.ts), which runs last: every
 * step's record is there, and it runs once per job. Never throws.
 */
export async function exportJobSpan(job: JobExport, env: Env = process.env): Promise<void> {
  try {
    const { inputs, ci, metricsDir } = job;
    const config = configOf(inputs, env);
    if (config === null || config.traces === null) return;
    if (ci.run_id === undefined) return;
    if (existsSync(path.join(tempDirOf(env), FAILED_MARKER))) return; // already warned in this job
    const { recordCi } = await import('../export/spans.js');
    const jobRecords: ExecutionRecord[] = [];
    for await (const record of readRecords(metricsDir, {
      since: Date.now() - 3 * DAY_MS,
      onWarning: null,
    })) {
      if (sameJob(recordCi, record, ci)) jobRecords.push(record);
    }
    if (jobRecords.length === 0) return;
    await send({ ...config, metrics: null }, { jobRecords }, env);
  } catch (error) {
    core.warning(`dev-metrics: OTLP job span skipped: ${String(error)}`);
  }
}
