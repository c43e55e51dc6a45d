/**
 * The action's OTLP export: the main step sends its execution (span + metric points), the first
 * post step of a job sends the job's parent span. Never in the way: without an endpoint nothing is
 * loaded (every step loads this module, few configure OTLP; the export is otlp-send.ts); with
 * one, at most OTLP_STEP_BOUND_MS (or OTEL_EXPORTER_OTLP_TIMEOUT) is spent, a failure is one
 * warning, and the step's outcome never changes.
 */
import * as core from './runner-io.js';
import type { ExecutionRecord } from '../core/record.js';
import { hasOtlpEndpoint, parseHeaders } from '../export/otlp-settings.js';
import type { CiContext } from './context.js';
import type { ActionInputs } from './inputs.js';

/** Default bound of the export in one step (each request, retries included, and the whole). */
export const OTLP_STEP_BOUND_MS = 5000;

type Env = Record<string, string | undefined>;

/**
 * Masks the header values (credentials) in the log, percent-decoded as they are sent; returns them
 * so they are also redacted from error text. Call before anything can print them.
 */
export function maskOtlpHeaders(inputs: Pick<ActionInputs, 'otlpHeaders'>): string[] {
  if (!inputs.otlpHeaders) return [];
  core.setSecret(inputs.otlpHeaders);
  const values = Object.values(parseHeaders(inputs.otlpHeaders, 'otlp-headers')).filter(
    (v) => v !== '',
  );
  for (const value of values) core.setSecret(value);
  return values;
}

/** What a main step exports: its record, as the step's inputs configure it. */
export interface ExecutionExport {
  inputs: ActionInputs;
  record: ExecutionRecord;
  secrets: readonly string[];
  env?: Env;
}

/** What the owner's post exports: the job's span. */
export interface JobExport {
  inputs: ActionInputs;
  ci: CiContext;
  metricsDir: string;
}

/** Main step: the execution's span and metric points. Never throws. */
export async function exportExecution(input: ExecutionExport): Promise<void> {
  if (!hasOtlpEndpoint(input.env ?? process.env, input.inputs.otlpEndpoint)) return;
  await (await import('./otlp-send.js')).exportExecution(input);
}

/**
 * The job's parent span, sent by the job owner's post step (post.ts), which runs last: every
 * step's record is there, and it runs once per job. Never throws.
 */
export async function exportJobSpan(job: JobExport, env: Env = process.env): Promise<void> {
  if (!hasOtlpEndpoint(env, job.inputs.otlpEndpoint)) return;
  await (await import('./otlp-send.js')).exportJobSpan(job, env);
}
