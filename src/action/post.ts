/**
 * The post step. Every post writes the record its main could not (killed after a cancel, a
 * crash). The owner's post (the job's first wrapped step, whose post runs last) then does what
 * is done once per job: prune, one save to the cache holding every step's record (a delta, or a
 * snapshot when due), one comment update with every step's row, one dashboard artifact. It runs
 * whether the job passed, failed or was cancelled (post-if: always()).
 */
import * as core from './runner-io.js';
import { parseTimestamp } from '../core/record.js';
import { appendRecord, pruneDayFiles } from '../core/store.js';
import { closeJob, newJobState, readJob } from './job.js';
import { exportJobSpan } from './otlp.js';
// Static: in post.ts's own chunk (the owner's post loads no further chunk for it; mains never).
import { publishJob } from './publish-job.js';
import { buildRecord } from './record.js';
import { setup, type Setup } from './setup.js';
import { State, readState } from './state.js';

/** Writes the cancelled record of a main step that did not finish. */
async function recordUnfinished(s: Setup): Promise<void> {
  const startedAt = readState(State.StartedAt);
  if (readState(State.Recorded) !== '' || !startedAt) return;
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

/**
 * The job's one save, comment and dashboard. Old day files are pruned first (the save and the
 * dashboard then read the same files); the save, the comment and the dashboard's build and upload
 * then run at once: each is mostly waiting on the network or child processes (tar), so the job
 * pays for the longest of them, not their sum.
 */
async function finishJob(s: Setup): Promise<void> {
  const job = readJob(s.jobFile) ?? newJobState(s.inputs.name);
  await pruneDayFiles(s.metricsDir, s.inputs.daysToKeep).catch((error: unknown) =>
    core.warning(`dev-metrics: old day files not pruned: ${String(error)}`),
  );
  const save = async (): Promise<void> => {
    const options = await s.historyOptions();
    if (!options) return;
    const { saveHistory } = await import('./history.js');
    await saveHistory({
      ...options,
      daysToKeep: undefined, // pruned above, before the dashboard started reading
      plan: job.plan,
      deltaFrom: job.deltaFrom,
      superseded: job.superseded,
      unavailableAlreadyReported: job.unavailableReported,
      cacheUnresponsive: job.cacheUnresponsive,
    });
  };
  const publish = async (): Promise<void> => {
    await publishJob({
      inputs: s.inputs,
      ci: s.ci,
      owner: job.owner,
      rows: job.rows,
      metricsDir: s.metricsDir,
      tempDir: s.tempDir,
    });
  };
  // Each fault is one warning inside; an unexpected throw still waits for the other part.
  const done = await Promise.allSettled([save(), publish()]);
  for (const d of done) if (d.status === 'rejected') throw d.reason;
  // Last post of the job: every step's record is there for the job's parent span.
  await exportJobSpan(s);
  closeJob(s.jobFile);
}

export async function runPost(): Promise<void> {
  if (!readState(State.Setup)) return; // main stopped at a bad input and said so
  let s: Setup;
  try {
    s = setup();
  } catch {
    return; // main already reported the bad input
  }
  try {
    await recordUnfinished(s);
  } finally {
    if (readState(State.Owner) === 'true') await finishJob(s);
  }
}
