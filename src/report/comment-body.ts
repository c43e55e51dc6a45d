/**
 * The sticky PR comment's Markdown: one table row per tracked step against the base branch,
 * small trend images, per-step details in a collapsible block, and a footer. Pure rendering;
 * src/action/comment.ts finds the comment by `marker`, stores the rows as hidden JSON (in the
 * compact StoredCommentRow form below) and merges rows from other jobs, then renders again.
 */
import type { ExecutionStatus } from '../core/record.js';
import { defaultBetter, unitProblem, type Better } from '../core/values.js';
import type { FlakinessReport, RegressionVerdict, VerdictKind } from '../insight/types.js';
import {
  downsampleTrend,
  MAX_CHART_URL_LENGTH,
  parseQuickChartBaseUrl,
  trendChartUrl,
  valueTrendChartUrl,
  type TrendPoint,
  type ValuePoint,
} from './charts.js';
import {
  formatChangePercent,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatValue,
  statusEmoji,
  verdictLabel,
  type VerdictSubject,
} from './format.js';
import {
  codeSpan,
  details,
  escapeMarkdownText,
  escapeProse,
  markdownImage,
  markdownLink,
  table,
} from './sanitize.js';

/** GitHub rejects issue/PR comment bodies longer than this many characters (the one definition). */
export const COMMENT_MAX_CHARS = 65_536;
/** A row's details longer than this are not shown (they are Markdown: cutting could break it). */
export const ROW_DETAILS_MAX_CHARS = 4000;

const NAME_MAX_CHARS = 100;

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

export interface CommentInput {
  /** An HTML comment on one line, e.g. "<!-- dev-metrics:ci.yml -->": how the comment is found. */
  marker: string;
  /** Workflow name shown in the title. */
  workflow?: string;
  rows: readonly CommentRow[];
  /** Link to the workflow run, in the footer. */
  runUrl?: string;
  /** Footer time; default the newest row's updatedAt. */
  updatedAt?: string;
  /**
   * Upper bound of the returned text in characters (UTF-16 units, which is at least the
   * number of characters GitHub counts). Default COMMENT_MAX_CHARS; pass less to leave room
   * for anything appended (e.g. the hidden JSON of the rows).
   */
  maxChars?: number;
}

/**
 * The comment body, always within `maxChars`: when too long it drops, in this order, the
 * details block, then the trend images, then rows (failed and slower steps kept first, the
 * rest counted in a "+N more" note).
 */
export function renderComment(input: CommentInput): string {
  return layoutComment(input).markdown;
}

/**
 * renderComment's text, how many rows it had to leave out to stay within `maxChars`, and how
 * many of its optional parts (1: the details; 2: the trend images too).
 */
export function layoutComment(input: CommentInput): {
  markdown: string;
  rowsLeftOut: number;
  partsLeftOut: number;
} {
  const shown = (rows: readonly CommentRow[], markdown: string, partsLeftOut = 2) => ({
    markdown,
    rowsLeftOut: input.rows.length - rows.length,
    partsLeftOut,
  });
  if (!/^<!--(?:(?!-->)[^\n])*-->$/.test(input.marker)) {
    throw new Error(
      'renderComment: marker must be one HTML comment on one line, e.g. "<!-- dev-metrics -->"',
    );
  }
  const maxChars = input.maxChars ?? COMMENT_MAX_CHARS;
  const all = input.rows;
  const plans: Plan[] = [
    { details: true, charts: true, rows: all },
    { details: false, charts: true, rows: all },
    { details: false, charts: false, rows: all },
  ];
  for (const [partsLeftOut, plan] of plans.entries()) {
    const text = renderPlan(input, plan);
    if (text.length <= maxChars) return shown(all, text, partsLeftOut);
  }
  // Keep as many rows as fit, most important first; binary search on the count.
  const ranked = rankRows(all);
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (
      renderPlan(input, {
        details: false,
        charts: false,
        rows: keepOrder(all, ranked.slice(0, mid)),
      }).length <= maxChars
    )
      lo = mid;
    else hi = mid - 1;
  }
  const kept = keepOrder(all, ranked.slice(0, lo));
  const text = renderPlan(input, { details: false, charts: false, rows: kept });
  if (text.length <= maxChars) return shown(kept, text);
  // Only a cap smaller than the bare frame gets here; the marker must survive for stickiness.
  return shown([], `${input.marker}\n`.slice(0, Math.max(maxChars, input.marker.length + 1)));
}

interface Plan {
  details: boolean;
  charts: boolean;
  rows: readonly CommentRow[];
}

function renderPlan(input: CommentInput, plan: Plan): string {
  const { rows } = plan;
  const title = `## ⏱️ Step timings${input.workflow ? `: ${escapeMarkdownText(input.workflow, NAME_MAX_CHARS)}` : ''}`;
  const parts: string[] = [input.marker, title];

  if (input.rows.length === 0) {
    parts.push('_No tracked steps yet._');
  } else {
    const header = ['Step', 'This PR', 'Base', 'Change', 'Verdict'];
    const align = ['l', 'r', 'r', 'r', 'l'];
    if (plan.charts) {
      header.push('Trend');
      align.push('l');
    }
    const body = rows.map((row) => {
      const cells = [
        `${statusEmoji(row.status)} ${escapeMarkdownText(row.name, NAME_MAX_CHARS)}`,
        ...rowMedians(row),
        formatChangePercent(row.changePercent),
        verdictLabel(row.verdict, subjectOf(row)),
      ];
      if (plan.charts) cells.push(chartCell(row));
      return cells;
    });
    if (rows.length > 0) parts.push(table([header, ...body], align));
    const notes: string[] = [];
    const hidden = input.rows.length - rows.length;
    if (hidden > 0) notes.push(`+${hidden} more step${hidden === 1 ? '' : 's'} not shown`);
    const omitted: string[] = [];
    if (!plan.details && input.rows.some((r) => r.detailsMarkdown)) omitted.push('details');
    if (!plan.charts && input.rows.some((r) => r.chartUrl !== null)) omitted.push('trend images');
    if (omitted.length > 0) notes.push(`${omitted.join(' and ')} omitted`);
    if (notes.length > 0) {
      parts.push(
        `_${notes.join('; ')} (GitHub limits a comment to ${COMMENT_MAX_CHARS.toLocaleString('en-US')} characters)._`,
      );
    }
    if (plan.details) {
      const sections = rows.filter((r) => r.detailsMarkdown).map(rowDetails);
      if (sections.length > 0) parts.push(details('Details', sections.join('\n\n')));
    }
  }
  parts.push(footer(input));
  return `${parts.join('\n\n')}\n`;
}

/** Whether a row is about a value (better/worse) or a duration (faster/slower). */
function subjectOf(row: { better?: Better }): VerdictSubject {
  return row.better === undefined ? 'duration' : 'value';
}

/** This PR's and the base's medians: durations, or a value row's numbers with their unit. */
function rowMedians(row: CommentRow): [string, string] {
  if (row.better === undefined) {
    return [formatDuration(row.durationMs), formatDuration(row.baselineMedianMs)];
  }
  // The unit is the producer's text: escaped like any other user text in a table cell.
  const cell = (v: number | null) => escapeMarkdownText(formatValue(v, row.unit), NAME_MAX_CHARS);
  return [cell(row.durationMs), cell(row.baselineMedianMs)];
}

function chartCell(row: CommentRow): string {
  if (row.chartUrl === null || row.chartUrl.length > MAX_CHART_URL_LENGTH) return '—';
  return markdownImage(`trend of ${row.name}`, row.chartUrl) ?? '—';
}

function rowDetails(row: CommentRow): string {
  const md = (row.detailsMarkdown ?? '').trim();
  const body =
    md.length <= ROW_DETAILS_MAX_CHARS
      ? md
      : '_Details too long to show here; see the job summary._';
  return `#### ${statusEmoji(row.status)} ${escapeMarkdownText(row.name, NAME_MAX_CHARS)}\n\n${body}`;
}

function footer(input: CommentInput): string {
  const newest = input.rows
    .map((r) => r.updatedAt)
    .sort()
    .at(-1);
  const when = formatTimestamp(input.updatedAt ?? newest);
  const run = input.runUrl ? ` · ${markdownLink('workflow run', input.runUrl)}` : '';
  return `<sub>Updated ${when}${run} · dev-metrics</sub>`;
}

/** Indices of rows, most important first: failed, then slower, then the rest; stable. */
function rankRows(rows: readonly CommentRow[]): number[] {
  const weight = (r: CommentRow): number =>
    r.status === 'failed' ? 0 : r.verdict === 'slower' ? 1 : 2;
  return rows
    .map((r, i) => ({ i, w: weight(r) }))
    .sort((a, b) => a.w - b.w || a.i - b.i)
    .map((x) => x.i);
}

/** The chosen rows in their original order. */
function keepOrder(rows: readonly CommentRow[], indices: readonly number[]): CommentRow[] {
  return [...indices].sort((a, b) => a - b).map((i) => rows[i] as CommentRow);
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
/** A series key is the step name (≤ 100 characters) plus its leg as JSON: generous, bounded. */
const MAX_ROW_KEY_CHARS = 2_000;
const STATUSES: readonly ExecutionStatus[] = ['success', 'failed'];
const VERDICTS: readonly VerdictKind[] = ['faster', 'slower', 'no change', 'not enough data'];

/**
 * A row read back from the comment, reduced to the stored schema: each field checked (a wrong one
 * becomes "no value" or is left out), unknown fields dropped, so nothing else is ever republished
 * (rows written by older versions carried their chart URL and details under other names).
 */
export function readStoredRow(raw: Readonly<Record<string, unknown>>): StoredCommentRow {
  const num = (v: unknown): number | null =>
    typeof v === 'number' && Number.isFinite(v) ? v : null;
  const row: StoredCommentRow = {
    step: String(raw.step),
    updatedAt: String(raw.updatedAt),
    status: STATUSES.find((s) => s === raw.status) ?? 'success',
    durationMs: num(raw.durationMs),
    baselineMedianMs: num(raw.baselineMedianMs),
    changePercent: num(raw.changePercent),
    verdict: VERDICTS.find((v) => v === raw.verdict) ?? 'not enough data',
  };
  if (typeof raw.key === 'string' && raw.key.length <= MAX_ROW_KEY_CHARS) row.key = raw.key;
  // A value row: `better` says so; a unit that is not one is left out (the value stays readable).
  const unit =
    typeof raw.unit === 'string' && unitProblem(raw.unit) === null ? raw.unit : undefined;
  if (raw.better === 'bigger' || raw.better === 'smaller') row.better = raw.better;
  else if (unit !== undefined) row.better = defaultBetter(unit);
  if (row.better !== undefined && unit !== undefined && unit !== '') row.unit = unit;
  if (Array.isArray(raw.history)) {
    const isValue = row.better !== undefined;
    row.history = raw.history
      .filter(
        (v): v is number =>
          typeof v === 'number' && (isValue ? Number.isFinite(v) : Number.isInteger(v)),
      )
      .slice(-STORED_HISTORY_POINTS);
  }
  if (typeof raw.quickchartUrl === 'string') {
    try {
      parseQuickChartBaseUrl(raw.quickchartUrl);
      row.quickchartUrl = raw.quickchartUrl;
    } catch {
      delete row.history; // no trusted place to draw it: draw nothing
    }
  }
  // Longer details are never shown (see rowDetails), so they are not kept either.
  if (typeof raw.details === 'string' && raw.details.length <= ROW_DETAILS_MAX_CHARS) {
    row.details = raw.details;
  }
  return row;
}

/** The row to render from a stored one (see readStoredRow); its chart is redrawn from the history. */
export function fromStoredRow(raw: Readonly<Record<string, unknown>>): CommentRow {
  const stored = readStoredRow(raw);
  let chartUrl: string | null = null;
  if (stored.history && stored.better !== undefined) {
    chartUrl = valueTrendChartUrl(
      stored.history.map((value) => ({ t: '', value, failed: false })),
      {
        size: 'small',
        baseUrl: stored.quickchartUrl,
        valueName: stored.step,
        ...(stored.unit === undefined ? {} : { unit: stored.unit }),
        baselineMedian: stored.baselineMedianMs,
      },
    );
  } else if (stored.history) {
    const points: TrendPoint[] = stored.history.map((v) => ({
      t: '',
      durationMs: v < 0 ? -v - 1 : v,
      failed: v < 0,
    }));
    chartUrl = trendChartUrl(points, {
      size: 'small',
      baseUrl: stored.quickchartUrl,
      baselineMedianMs: stored.baselineMedianMs,
    });
  }
  const row: CommentRow = {
    name: stored.step,
    status: stored.status,
    durationMs: stored.durationMs,
    baselineMedianMs: stored.baselineMedianMs,
    changePercent: stored.changePercent,
    verdict: stored.verdict,
    chartUrl,
    updatedAt: stored.updatedAt,
    detailsMarkdown: stored.details ?? null,
  };
  if (stored.better !== undefined) {
    row.better = stored.better;
    if (stored.unit !== undefined) row.unit = stored.unit;
  }
  return row;
}

function roundTo(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
