/**
 * The sticky PR comment's Markdown: one table row per tracked step against the base branch,
 * small trend images, per-step details in a collapsible block, and a footer. Pure rendering;
 * src/action/comment.ts finds the comment by `marker`, stores the rows as hidden JSON (in the
 * compact StoredCommentRow form below) and merges rows from other jobs, then renders again.
 */
import type { ExecutionStatus } from '../core/record.js';
import { defaultBetter, unitProblem } from '../core/values.js';
import type { VerdictKind } from '../insight/types.js';
import {
  MAX_CHART_URL_LENGTH,
  parseQuickChartBaseUrl,
  trendChartUrl,
  valueTrendChartUrl,
  type TrendPoint,
} from './charts.js';
import {
  STORED_HISTORY_POINTS,
  subjectOf,
  type CommentRow,
  type StoredCommentRow,
} from './comment-row.js';
import {
  formatChangePercent,
  formatDuration,
  formatTimestamp,
  formatValue,
  statusEmoji,
  verdictLabel,
} from './format.js';
import { details, escapeMarkdownText, markdownImage, markdownLink, table } from './sanitize.js';

// The rows as every PR step builds them (comment-row.ts), re-exported: this module is the comment's.
export {
  buildCommentRow,
  renderRowDetails,
  STORED_HISTORY_POINTS,
  toStoredRow,
  type CommentRow,
  type CommentRowInput,
  type RowDetailsInput,
  type StoredCommentRow,
  type StoredTrend,
} from './comment-row.js';

/** GitHub rejects issue/PR comment bodies longer than this many characters (the one definition). */
export const COMMENT_MAX_CHARS = 65_536;
/** COMMENT_MAX_CHARS as written for people; not toLocaleString, whose first call loads ICU (~22 ms). */
export const COMMENT_MAX_CHARS_TEXT = '65,536';
/** A row's details longer than this are not shown (they are Markdown: cutting could break it). */
export const ROW_DETAILS_MAX_CHARS = 4000;

const NAME_MAX_CHARS = 100;

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
        `_${notes.join('; ')} (GitHub limits a comment to ${COMMENT_MAX_CHARS_TEXT} characters)._`,
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
