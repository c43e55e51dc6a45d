/**
 * The reports, in two parts.
 * - Per step (publishStep, in every main): the regression verdict and its annotation, the job
 *   summary section and the step's comment row, computed locally from the merged `.metrics`; the
 *   same for each numeric value of the step's record (issue 13): its own series' verdict, a row
 *   of the summary's Values table, a comment row and a warning when it is worse.
 * - Per job (publish-job.ts's publishJob, in the owner's post step): one sticky PR comment update
 *   carrying every step's row, and one HTML dashboard, uploaded as one artifact.
 * Each part is independent: a failure in one is one warning and never changes the step's outcome
 * (the record is already written).
 */
import * as core from './runner-io.js';
import { ColumnarHistory, durationView } from '../core/history.js';
import { normalizeRecord, parseTimestamp, type ExecutionRecord } from '../core/record.js';
import { valueSeriesKey, valuesOf } from '../core/values.js';
import { summarize } from '../core/stats.js';
import { scanIndexedRecords } from '../core/name-index.js';
import { DAY_MS, scanRecords } from '../core/store.js';
import { flakinessOfRows } from '../insight/flakiness.js';
import type { RegressionVerdict, ValueVerdict } from '../insight/types.js';
import { seriesKey, seriesOfRecord } from '../insight/series.js';
import { runUnderTestOf, valueVerdictsOfRows, verdictOfView } from '../insight/verdicts.js';
import { buildCommentRow, toStoredRow, type StoredCommentRow } from '../report/comment-row.js';
import { verdictWord } from '../report/format.js';
import { renderStepSummary } from '../report/summary.js';
import type { CiContext } from './context.js';
import type { ActionInputs } from './inputs.js';

export interface PublishInput {
  inputs: ActionInputs;
  ci: CiContext;
  record: ExecutionRecord;
  /** Values to redact from everything published, besides the common secret shapes. */
  secrets: readonly string[];
  /** The step's runs before this one (readEarlierRuns, read before this record was written). */
  earlier: EarlierRuns;
}

export interface PublishResult {
  verdict: RegressionVerdict | null;
  /** The step's row of the sticky comment, for the owner's post to publish; null: no comment. */
  row: StoredCommentRow | null;
  /** A verdict per value of the step's record (its own series), by value name. */
  valueVerdicts: ValueVerdict[];
  /** A comment row per value of the step's record, after `row`; empty: no comment. */
  valueRows: StoredCommentRow[];
}

/**
 * The step's failure message under fail-on-regression: its duration is slower, or one of its
 * values is worse (as github-action-benchmark fails on its alert); null when neither.
 */
export function regressionFailure(
  name: string,
  verdict: RegressionVerdict | null,
  valueVerdicts: readonly ValueVerdict[],
): string | null {
  const reasons: string[] = [];
  if (verdict?.verdict === 'slower') reasons.push(`${name} regressed: ${verdict.reason}`);
  for (const v of valueVerdicts) {
    if (v.verdict === 'slower') reasons.push(`${v.name} is worse: ${v.reason}`);
  }
  return reasons.length === 0 ? null : `${reasons.join('; ')} (fail-on-regression is true)`;
}

/**
 * The step's earlier runs in the window, read once (readEarlierRuns): what its verdict and
 * flakiness are made of, as columns, and their records whole, for the summary's runs table and
 * the chart. `problem`: the read failed (one warning, the reports then see only this run).
 */
export interface EarlierRuns {
  history: ColumnarHistory;
  stepRecords: Map<number, ExecutionRecord>;
  /** The read's warnings (skipped lines or files), said when the reports are made. */
  warnings: string[];
  problem: string | null;
}

/**
 * Reads the step's own earlier runs. Main starts it as soon as the command is running, so the
 * read overlaps the command: it is a step's largest read (through the job's name index, only the
 * step's own lines; without one, every day file is searched for the name). The record being made
 * is not on disk yet; publishStep adds it. Never rejects. Runs the command itself writes under the
 * step's name meanwhile may be missed: the reports are of the runs before this one.
 */
export async function readEarlierRuns(
  metricsDir: string,
  days: number,
  name: string,
  /** The job's name index of metrics-dir (job.ts nameIndexDir), when its owner wrote one. */
  indexDir?: string,
): Promise<EarlierRuns> {
  const stepRecords = new Map<number, ExecutionRecord>();
  const since = Date.now() - (days + 1) * DAY_MS;
  // The store's read straight into columns (readHistory less its sizing pass, which stats every
  // day file to presize columns for a whole history: a step's own runs are a few hundred rows).
  const history = new ColumnarHistory();
  const warnings: string[] = [];
  // Only the step's own runs: its series, verdict and reports read no other step's rows.
  const options = { since, name, onWarning: (m: string) => void warnings.push(m) };
  const visit = (record: ExecutionRecord, startedMs: number): void =>
    void stepRecords.set(history.add(record, startedMs), normalizeRecord(record));
  try {
    const indexed =
      indexDir === undefined
        ? null
        : await scanIndexedRecords(indexDir, metricsDir, options, visit);
    if (indexed === null) await scanRecords(metricsDir, options, visit);
    return { history, stepRecords, warnings, problem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { history, stepRecords, warnings, problem: message };
  }
}

/** The earlier runs and this run: its row is the history's last. */
function withThisRun(earlier: EarlierRuns, record: ExecutionRecord): EarlierRuns {
  if (earlier.problem !== null) {
    return {
      history: ColumnarHistory.of([record]),
      stepRecords: new Map([[0, record]]),
      warnings: [],
      problem: null,
    };
  }
  const startedMs = parseTimestamp(record.started_at);
  if (!Number.isNaN(startedMs)) {
    earlier.stepRecords.set(earlier.history.add(record, startedMs), record);
  }
  return earlier;
}

/** Runs one part of the reports: a failure is one warning (the first line), and null. */
export async function part<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.warning(`dev-metrics: ${what} skipped: ${message.split('\n')[0]}`);
    core.debug(error instanceof Error && error.stack ? error.stack : message);
    return null;
  }
}

function baselineBranchOf(ci: CiContext): string | undefined {
  return ci.base_branch ?? ci.default_branch;
}

function wantsComment(inputs: ActionInputs, ci: CiContext): boolean {
  if (inputs.comment === false) return false;
  if (ci.pr_number === undefined) {
    if (inputs.comment === true)
      core.info('dev-metrics: comment: true, but this run is not for a pull request; no comment.');
    return false;
  }
  if (!inputs.githubToken) {
    core.notice(
      'dev-metrics: no github-token, so no PR comment; pass `github-token: ${{ github.token }}`.',
    );
    return false;
  }
  return true;
}

/** The step's own reports: verdict, annotation, summary section, comment row. */
export async function publishStep(p: PublishInput): Promise<PublishResult> {
  const { inputs, ci } = p;
  const { secrets } = p;
  // Read once (readEarlierRuns): the verdicts, the summary and the comment row are made of it.
  const { earlier } = p;
  for (const message of earlier.warnings) core.warning(message);
  if (earlier.problem !== null) {
    core.warning(`dev-metrics: reading the history skipped: ${earlier.problem.split('\n')[0]}`);
  }
  const { history, stepRecords } = withThisRun(earlier, p.record);
  // Series: this step in this job, matrix leg and runner; named by its leg when the step has several.
  const series = seriesOfRecord(history, p.record);
  const record = { ...p.record, name: series.name };
  const mine = Array.from(series.rows, (row) => {
    const r = stepRecords.get(row)!;
    return r.name === series.name ? r : { ...r, name: series.name };
  });
  const baselineBranch = baselineBranchOf(ci);

  const runUnderTest = runUnderTestOf(ci);
  const verdictOptions = { thresholdPercent: inputs.regressionThreshold };
  const verdict = verdictOfView(
    history,
    durationView(history, series.rows),
    series.name,
    runUnderTest,
    verdictOptions,
  );
  // Each value of this run is a series of its own, its runs chosen exactly as the duration's.
  const runValues = valuesOf(p.record.metadata);
  const valueVerdicts =
    runValues.length === 0
      ? []
      : valueVerdictsOfRows(history, series.rows, series.name, runUnderTest, verdictOptions).filter(
          (v) => runValues.some((x) => x.name === v.valueName),
        );
  const [flaky] = flakinessOfRows(history, series.rows);
  const flakiness = flaky === undefined ? null : { ...flaky, name: series.name };

  if (verdict) {
    core.setOutput('verdict', verdict.verdict);
    core.setOutput(
      'change-percent',
      verdict.changePercent === null ? '' : verdict.changePercent.toFixed(1),
    );
    if (verdict.verdict === 'slower') {
      core.warning(
        `${record.name} is slower than on ${baselineBranch ?? 'the base branch'}: ${verdict.reason}`,
        { title: `dev-metrics: ${record.name} regressed` },
      );
    }
  }
  reportValueVerdicts(valueVerdicts, baselineBranch);

  await part('the job summary', async () => {
    if (!verdict) return;
    const markdown = renderStepSummary({
      run: record,
      verdict,
      history: mine,
      window: summarize(mine)[record.name] ?? null,
      valueVerdicts,
      flakiness,
      baselineBranch,
      charts: inputs.charts,
      quickchartUrl: inputs.quickchartUrl,
      secrets,
    });
    await core.summary.addRaw(markdown, true).write();
  });

  let row: StoredCommentRow | null = null;
  if (verdict && wantsComment(inputs, ci)) {
    row = await part('the PR comment row', async () => {
      const points = mine.map((r) => ({
        t: r.started_at,
        durationMs: r.duration_ms,
        failed: r.status === 'failed',
      }));
      const built = buildCommentRow({
        verdict,
        flakiness,
        baselineBranch,
        status: record.status,
        durationMs: record.duration_ms,
        chartUrl: null, // drawn from the stored history, like every other job's row
        updatedAt: new Date().toISOString(),
      });
      const stored = toStoredRow(
        built,
        inputs.charts === 'none' ? null : { points, quickchartUrl: inputs.quickchartUrl },
      );
      // A step in another job or matrix leg is another row: merged by its series key.
      return { ...stored, key: seriesKey(p.record) };
    });
  }
  let valueRows: StoredCommentRow[] = [];
  if (row && valueVerdicts.length > 0) {
    valueRows =
      (await part('the PR comment rows of values', async () =>
        valueVerdicts.map((v) => {
          // The chart draws the value's runs of this series: the rows that carry it.
          const view = history.valueView(v.valueName, series.rows);
          const numbers = view?.numbers ?? new Float64Array(0);
          const valuePoints = Array.from(view?.rows ?? [], (r, k) => {
            const at = stepRecords.get(r);
            return { t: at?.started_at ?? '', value: numbers[k]!, failed: at?.status === 'failed' };
          });
          const built = buildCommentRow({
            verdict: v,
            baselineBranch,
            status: record.status,
            durationMs: runValues.find((x) => x.name === v.valueName)?.value ?? null,
            chartUrl: null,
            updatedAt: new Date().toISOString(),
            better: v.better,
            ...(v.unit === undefined ? {} : { unit: v.unit }),
          });
          const stored = toStoredRow(
            built,
            inputs.charts === 'none'
              ? null
              : { points: [], valuePoints, quickchartUrl: inputs.quickchartUrl },
          );
          return { ...stored, key: valueSeriesKey(seriesKey(p.record), v.valueName) };
        }),
      )) ?? [];
  }
  return { verdict, row, valueVerdicts, valueRows };
}

/**
 * The `values-verdicts` output ({name: worse|better|no change|not enough data}) and a warning per
 * worse value, like the duration's 'slower' one.
 */
function reportValueVerdicts(verdicts: readonly ValueVerdict[], baselineBranch?: string): void {
  if (verdicts.length === 0) return;
  const words = Object.fromEntries(
    verdicts.map((v) => [
      v.valueName,
      v.verdict === 'slower' || v.verdict === 'faster'
        ? verdictWord(v.verdict, 'value')
        : v.verdict,
    ]),
  );
  core.setOutput('values-verdicts', JSON.stringify(words));
  for (const v of verdicts) {
    if (v.verdict !== 'slower') continue;
    core.warning(`${v.name} is worse than on ${baselineBranch ?? 'the base branch'}: ${v.reason}`, {
      title: `dev-metrics: ${v.name} regressed`,
    });
  }
}
