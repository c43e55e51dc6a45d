/**
 * The job's shared reports (the owner's post step, post.ts, loads this module): one sticky PR
 * comment update carrying every step's row, and one HTML dashboard, uploaded as one artifact.
 * The comment's layout and the comment and artifact clients are loaded only here. Each part is
 * independent: a failure in one is one warning and never changes the step's outcome.
 */
import * as core from './runner-io.js';
import { fromStoredRow, layoutComment, readStoredRow } from '../report/comment-body.js';
import type { CiContext } from './context.js';
import { dashboardOutputFile, stepFolder } from './dashboard-path.js';
import type { ActionInputs } from './inputs.js';
import { part } from './publish.js';

export interface JobPublishInput {
  /** The owner step's inputs: its comment, charts and dashboard-artifact settings apply. */
  inputs: ActionInputs;
  ci: CiContext;
  /** The owner step's name (names the dashboard's folder). */
  owner: string;
  /** Every step's comment row, in step order. */
  rows: ReadonlyArray<Record<string, unknown>>;
  metricsDir: string;
  tempDir: string;
}

/** The job's shared reports: one comment update with every row, one dashboard artifact. */
export async function publishJob(p: JobPublishInput): Promise<void> {
  const { inputs, ci } = p;
  // The comment and the dashboard (built, then uploaded) run at once: both mostly wait.
  let comment: Promise<unknown> = Promise.resolve();
  if (p.rows.length > 0 && ci.pr_number !== undefined && inputs.githubToken) {
    comment = part('the PR comment', async () => {
      const { commentMarker, makeOctokit, upsertStickyComment } = await import('./comment.js');
      const [owner = '', repo = ''] = (ci.repository ?? '').split('/');
      const marker = commentMarker(ci.workflow ?? 'default');
      const runUrl =
        ci.server_url && ci.repository && ci.run_id
          ? `${ci.server_url}/${ci.repository}/actions/runs/${ci.run_id}`
          : undefined;
      const result = await upsertStickyComment({
        octokit: makeOctokit(inputs.githubToken),
        owner,
        repo,
        issueNumber: ci.pr_number!,
        marker,
        rows: p.rows.map((r) => readStoredRow(r)),
        readRow: readStoredRow,
        // Rows of other jobs come back from the comment; the renderer gets the room left.
        body: (rows, maxChars) =>
          layoutComment({
            marker,
            workflow: ci.workflow,
            rows: rows.map(fromStoredRow),
            runUrl,
            maxChars,
          }),
        log: (line) => core.notice(line),
      });
      if (result.ok) core.info(`dev-metrics: PR comment ${result.action}: ${result.url}`);
    });
  }

  const dashboard = part('the dashboard', async () => {
    const { generateDashboard } = await import('../report/dashboard/index.js');
    const outputFile = dashboardOutputFile(p.tempDir, p.owner);
    const result = await generateDashboard({
      metricsDir: p.metricsDir,
      outputFile,
      days: inputs.daysToKeep,
      // The job's one publication reads the history once, here (the steps read theirs in main).
      title: ci.repository ? `dev-metrics · ${ci.repository}` : 'dev-metrics',
      onWarning: null,
    });
    if (inputs.dashboardArtifact && !process.env.ACTIONS_RUNTIME_TOKEN) {
      // Not in an Actions job (or a runner without its runtime): the file is there, nothing to upload to.
      core.info(
        `dev-metrics: dashboard written to ${result.outputFile}; no Actions runtime to upload it as an artifact.`,
      );
    } else if (inputs.dashboardArtifact) {
      const { uploadDashboard } = await import('./artifact.js');
      const upload = await uploadDashboard({
        name: inputs.dashboardArtifact,
        filePath: result.outputFile,
        // Matrix legs share the job id and step name: a random part keeps the retry's name free.
        // node:crypto only here: one post per job uploads.
        uniqueSuffix: `${ci.job ?? 'job'}-${stepFolder(p.owner)}-${process.getBuiltinModule('node:crypto').randomBytes(3).toString('hex')}`,
        log: (line) => core.warning(line),
      });
      if (upload.ok)
        core.info(
          `dev-metrics: dashboard uploaded as artifact ${upload.name} (${upload.size} bytes).`,
        );
    }
  });
  await Promise.all([comment, dashboard]);
}
