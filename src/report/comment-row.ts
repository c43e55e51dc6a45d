/**
 * A step's row of the sticky PR comment, as every main step of a pull request builds it
 * (buildCommentRow) and stores it for the owner's post (toStoredRow). The comment's layout, and
 * the reading back of stored rows, are comment-body.ts's: only the owner's post loads them.
 */
import type { ExecutionStatus } from '../core/record.js';
import type { Better } from '../core/values.js';
import type { FlakinessReport, RegressionVerdict, VerdictKind } from '../insight/types.js';
import { downsampleTrend, type TrendPoint, type ValuePoint } from './charts.js';
import {
  formatChangePercent,
  formatDuration,
  formatPercent,
  formatValue,
  verdictLabel,
  type VerdictSubject,
} from './format.js';
import { codeSpan, escapeMarkdownText, escapeProse } from './sanitize.js';

/**
 * One tracked step in the comment. Plain JSON (strings, numbers, null) so comment.ts can store
 * rows in the comment and read them back.
 *
 * A VALUE row (issue 13: one numeric value of a step, named `step › value`) has `better` set:
 * `durationMs` and `baselineMedianMs` then hold the value's medians in its `unit`,
 * `changePercent` is the value's own change, and 'slower'/'faster' read "worse"/"better".
 */
export interface CommentRow {
  name: string;
  status: ExecutionStatus;
  /** This PR: median duration of the PR's runs (or this run's duration); a value row: its median. */
  durationMs: number | null;
  baselineMedianMs: number | null;
  changePercent: number | null;
  verdict: VerdictKind;
  /** A value row's unit (absent when unitless, and on duration rows). */
  unit?: string;
  /** Set on value rows only: which direction of the value is an improvement. */
  better?: Better;
  /** Small trend chart (trendChartUrl with size 'small'); null = no image. */
  chartUrl: string | null;
  /** ISO 8601, when this row was last computed. */
  updatedAt: string;
  /**
   * Markdown from renderRowDetails (not user text: it is rendered verbatim). Rows come back
   * from the comment, which only the bot and repository writers can edit.
   */
  detailsMarkdown: string | null;
}

/** Whether a row is about a value (better/worse) or a duration (faster/slower). */
export function subjectOf(row: { better?: Better }): VerdictSubject {
  return row.better === undefined ? 'duration' : 'value';
}

export interface RowDetailsInput {
  /** For a value row, a value verdict (insight/verdicts.ts): medians in the value's unit. */
  verdict: RegressionVerdict;
  flakiness?: FlakinessReport | null;
  /** Branch the baseline comes from (e.g. "main"). */
  baselineBranch?: string;
  /** A value row's unit. */
  unit?: string;
  /** Set for a value row: which direction of the value is an improvement. */
  better?: Better;
}

/** The per-step Markdown shown in the comment's details block (CommentRow.detailsMarkdown). */
export function renderRowDetails({
  verdict,
  flakiness,
  baselineBranch,
  unit,
  better,
}: RowDetailsInput): string {
  const subject = subjectOf({ better });
  const show = (v: number | null): string =>
    subject === 'value' ? escapeProse(formatValue(v, unit), 80) : formatDuration(v);
  const lines = [
    `- ${verdictLabel(verdict.verdict, subject)}: ${escapeProse(verdict.reason, 500)}`,
  ];
  const on = baselineBranch ? ` on ${escapeProse(baselineBranch, 80)}` : '';
  lines.push(
    `- Base${on}: ${verdict.baselineCount} run${verdict.baselineCount === 1 ? '' : 's'}, ` +
      `median ${show(verdict.baselineMedianMs)}, p95 ${show(verdict.baselineP95Ms)}`,
  );
  lines.push(
    `- This PR: ${verdict.candidateCount} run${verdict.candidateCount === 1 ? '' : 's'}, ` +
      `median ${show(verdict.candidateMedianMs)}`,
  );
  if (better !== undefined) {
    lines.push(`- ${better === 'bigger' ? 'Bigger' : 'Smaller'} is better`);
  }
  if (
    verdict.changePercent !== null &&
    verdict.ciLowPercent !== null &&
    verdict.ciHighPercent !== null
  ) {
    lines.push(
      `- Change ${formatChangePercent(verdict.changePercent)}, ${Math.round(verdict.confidence * 100)}% CI ` +
        `${formatChangePercent(verdict.ciLowPercent)} … ${formatChangePercent(verdict.ciHighPercent)}`,
    );
  }
  if (flakiness && flakiness.flakyCommits.length > 0) {
    const shas = flakiness.flakyCommits
      .slice(0, 3)
      .map((s) =>
        /^[0-9a-f]{7,64}$/i.test(s) ? codeSpan(s.slice(0, 7)) : escapeMarkdownText(s, 20),
      );
    lines.push(
      `- ⚠️ Flaky on ${flakiness.flakyCommits.length} of ${flakiness.commitsSeen} commits ` +
        `(${formatPercent(flakiness.flakeRate * 100)}): ${shas.join(', ')}`,
    );
  }
  return lines.join('\n');
}

export interface CommentRowInput extends RowDetailsInput {
  /** Status of this PR's latest run of the step. */
  status: ExecutionStatus;
  /** Fallback for "This PR" when the verdict has no candidate median. */
  durationMs?: number | null;
  chartUrl: string | null;
  updatedAt: string;
}

/**
 * A CommentRow from a verdict (name, medians and change come from it). With `better` set, a value
 * row: pass the value verdict, and `durationMs` (the fallback) is this run's value.
 */
export function buildCommentRow(input: CommentRowInput): CommentRow {
  const { verdict } = input;
  const row: CommentRow = {
    name: verdict.name,
    status: input.status,
    durationMs: verdict.candidateMedianMs ?? input.durationMs ?? null,
    baselineMedianMs: verdict.baselineMedianMs,
    changePercent: verdict.changePercent,
    verdict: verdict.verdict,
    chartUrl: input.chartUrl,
    updatedAt: input.updatedAt,
    detailsMarkdown: renderRowDetails(input),
  };
  if (input.better !== undefined) {
    row.better = input.better;
    if (input.unit !== undefined) row.unit = input.unit;
  }
  return row;
}

/** Points of the small trend chart kept per stored row (the chart draws at most this many). */
export const STORED_HISTORY_POINTS = 40;

/**
 * A row as stored in the comment's hidden block, compactly: the chart is not stored as its URL
 * (up to 3,000 characters) but as the durations it draws, so it can be redrawn and, when space
 * runs out, cut from its oldest end. `history` and `details` are what src/action/comment.ts gives
 * up first. Plain JSON; `step` is the merge key.
 */
// A type alias, not an interface: it must fit comment.ts's index-signature row type.
export type StoredCommentRow = {
  /** The shown name: the step, labelled by its leg when the history has several. */
  step: string;
  /** The series key (step + job + matrix leg + runner) rows are merged by; absent in old rows. */
  key?: string;
  updatedAt: string;
  status: ExecutionStatus;
  durationMs: number | null;
  baselineMedianMs: number | null;
  changePercent: number | null;
  verdict: VerdictKind;
  /** A value row's unit; absent on duration rows and unitless values (rows before issue 13). */
  unit?: string;
  /** Present on value rows only (rows before issue 13 are all duration rows). */
  better?: Better;
  /**
   * Whole milliseconds of the runs the trend chart draws, oldest first; a failed run is stored
   * as -(ms + 1). Absent when the step's charts are off (`charts: none`): nothing to send.
   * A value row stores its values (4 significant digits, any sign), failures not marked.
   */
  history?: number[];
  /** QuickChart base URL the history may be drawn with; absent: https://quickchart.io. */
  quickchartUrl?: string;
  details?: string;
};

export interface StoredTrend {
  points: readonly TrendPoint[];
  /** A value row's runs (its `points` are then ignored). */
  valuePoints?: readonly ValuePoint[];
  /** The step's quickchart-url input. */
  quickchartUrl?: string;
}

/** The stored form of `row`; `trend` null when the step's charts are off. */
export function toStoredRow(row: CommentRow, trend: StoredTrend | null): StoredCommentRow {
  const stored: StoredCommentRow = {
    step: row.name,
    updatedAt: row.updatedAt,
    status: row.status,
    durationMs: row.durationMs,
    baselineMedianMs: row.baselineMedianMs,
    changePercent: roundTo(row.changePercent, 1),
    verdict: row.verdict,
  };
  if (row.better !== undefined) {
    stored.better = row.better;
    if (row.unit !== undefined) stored.unit = row.unit;
  }
  if (trend && row.better !== undefined) {
    const usable = (trend.valuePoints ?? [])
      .filter((p) => Number.isFinite(p.value))
      .map((p) => ({ t: p.t, durationMs: p.value, failed: p.failed }));
    stored.history = downsampleTrend(usable, STORED_HISTORY_POINTS).map((p) =>
      Number(p.durationMs.toPrecision(4)),
    );
  } else if (trend) {
    const usable = trend.points.filter((p) => Number.isFinite(p.durationMs) && p.durationMs >= 0);
    stored.history = downsampleTrend(usable, STORED_HISTORY_POINTS).map((p) => {
      const ms = Math.round(p.durationMs);
      return p.failed ? -(ms + 1) : ms;
    });
  }
  if (trend?.quickchartUrl && trend.quickchartUrl !== DEFAULT_QUICKCHART_URL) {
    stored.quickchartUrl = trend.quickchartUrl;
  }
  if (row.detailsMarkdown) stored.details = row.detailsMarkdown;
  return stored;
}

const DEFAULT_QUICKCHART_URL = 'https://quickchart.io';

function roundTo(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
