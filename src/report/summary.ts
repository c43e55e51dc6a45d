/**
 * The job summary section of ONE tracked step: Markdown for core.summary.addRaw (the action
 * writes one section per step; several steps in a job each add their own). Pure rendering: every
 * piece of user data goes through sanitize.ts, error text through core/redact.ts first.
 */
import { parseCi } from '../core/ci.js';
import type { ExecutionRecord } from '../core/record.js';
import type { OperationSummary } from '../core/stats.js';
import type { FlakinessReport, RegressionVerdict } from '../insight/types.js';
import { valuesOf } from '../core/values.js';
import { MAX_CHART_URL_LENGTH, trendChartUrl, type ChartsMode, type TrendPoint } from './charts.js';
import {
  formatChangePercent,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatValue,
  NO_VALUE,
  statusEmoji,
  verdictLabel,
} from './format.js';
import type { ValueVerdict } from '../insight/types.js';
import { sanitizeErrorText } from '../core/redact.js';
import {
  codeBlock,
  codeSpan,
  details,
  escapeMarkdownText,
  escapeProse,
  markdownImage,
  table,
} from './sanitize.js';

/** Default cap of one section, in UTF-8 bytes (GitHub allows 1 MiB per step's summary). */
export const STEP_SUMMARY_MAX_BYTES = 200_000;
/** Default number of characters of error output shown (the end of it). */
export const ERROR_TAIL_CHARS = 4000;
/** Runs listed in the collapsible table. */
export const LAST_RUNS_SHOWN = 10;

const NAME_MAX_CHARS = 200;
const CELL_MAX_CHARS = 80;
const REASON_MAX_CHARS = 500;
const FLAKY_COMMITS_SHOWN = 5;

export interface StepSummaryInput {
  /** This run's record (its name is the step's name). */
  run: ExecutionRecord;
  verdict: RegressionVerdict;
  /**
   * Verdicts of this step's values (insight/verdicts.ts valueVerdictsOfRows, matched by
   * `valueName`): a row per value of `run` shows this run's value against the baseline median.
   */
  valueVerdicts?: readonly ValueVerdict[];
  /**
   * Recent runs of this operation, any order (may include `run`): the trend chart and the
   * last-runs table. Any size: the chart is downsampled and the table shows the newest 10.
   */
  history?: readonly ExecutionRecord[];
  /** Statistics over the window, for success rate and run count (else counted from history). */
  window?: OperationSummary | null;
  flakiness?: FlakinessReport | null;
  /** Branch the baseline comes from, named in the verdict sentence (e.g. "main"). */
  baselineBranch?: string;
  /** The action's `charts` input; default 'quickchart'. */
  charts?: ChartsMode;
  /** The action's `quickchart-url` input. */
  quickchartUrl?: string;
  /** Known secret values to redact from error text besides the common shapes. */
  secrets?: readonly string[];
  /** Characters of error output kept (the end); default ERROR_TAIL_CHARS. */
  errorTailChars?: number;
  /** Cap of the whole section in UTF-8 bytes; default STEP_SUMMARY_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * Markdown for one step's section: heading (status emoji + name), a table of this run against
 * its baseline, the verdict sentence, flakiness, the trend chart (or a note), and collapsible
 * blocks with the last runs and this run's error tail. Never longer than `maxBytes`: the parts
 * that can grow are dropped first (runs table, then error), then the text is cut.
 */
export function renderStepSummary(input: StepSummaryInput): string {
  const maxBytes = input.maxBytes ?? STEP_SUMMARY_MAX_BYTES;
  const runs = orderedRuns(input.run, input.history ?? []);
  const head = [heading(input.run), resultTable(input, runs)];
  const values = valuesTable(input);
  if (values) head.push(values);
  head.push(verdictSentence(input));
  const flaky = flakinessNote(input.flakiness);
  if (flaky) head.push(flaky);
  head.push(chartPart(input, runs));
  const lastRuns = lastRunsBlock(runs);
  const error = errorBlock(input);

  // Largest-first fallbacks; each candidate is complete Markdown (no half-open blocks).
  const candidates = [[...head, lastRuns, error], [...head, error], [...head, lastRuns], head];
  for (const parts of candidates) {
    const text = joinParts(parts);
    if (byteLength(text) <= maxBytes) return text;
  }
  return cutToBytes(joinParts([heading(input.run), verdictSentence(input)]), maxBytes);
}

function heading(run: ExecutionRecord): string {
  return `### ${statusEmoji(run.status)} ${escapeMarkdownText(run.name, NAME_MAX_CHARS)}`;
}

function resultTable(input: StepSummaryInput, runs: readonly ExecutionRecord[]): string {
  const { run, verdict, window } = input;
  const total = window?.total_executions ?? runs.length;
  const successRate =
    // success_rate is a fraction (as in the library's summary); the table shows a percentage.
    (window === undefined || window === null ? undefined : 100 * window.success_rate) ??
    (runs.length ? (100 * runs.filter((r) => r.status === 'success').length) / runs.length : null);
  return table(
    [
      ['This run', 'Baseline median', 'Baseline p95', 'Change', 'Verdict', 'Success rate', 'Runs'],
      [
        formatDuration(run.duration_ms),
        formatDuration(verdict.baselineMedianMs),
        formatDuration(verdict.baselineP95Ms),
        formatChangePercent(verdict.changePercent),
        verdictLabel(verdict.verdict),
        formatPercent(successRate),
        String(total),
      ],
    ],
    ['r', 'r', 'r', 'r', 'l', 'r', 'r'],
  );
}

/**
 * A row per value of this run: `bundle_kb | 512 KB | 498 KB | +2.8% | 👍 better`, the change being
 * this run's value against the baseline median, the verdict the value series' (worse/better);
 * null when the run has no values.
 */
function valuesTable({ run, valueVerdicts }: StepSummaryInput): string | null {
  const values = valuesOf(run.metadata);
  if (values.length === 0) return null;
  const rows = values.map((v) => {
    const verdict = valueVerdicts?.find((x) => x.valueName === v.name);
    const median = verdict?.baselineMedianMs ?? null;
    // A change against 0 or across it is no percentage anyone can read.
    const change =
      median !== null && median > 0 && v.value >= 0 ? (100 * (v.value - median)) / median : null;
    const show = (x: number | null) => escapeMarkdownText(formatValue(x, v.unit), CELL_MAX_CHARS);
    return [
      escapeMarkdownText(v.name, CELL_MAX_CHARS),
      show(v.value),
      show(median),
      formatChangePercent(change),
      verdict ? verdictLabel(verdict.verdict, 'value') : NO_VALUE,
      v.better === 'bigger' ? 'bigger' : 'smaller',
    ];
  });
  return table(
    [['Value', 'This run', 'Baseline median', 'Change', 'Verdict', 'Better'], ...rows],
    ['l', 'r', 'r', 'r', 'l', 'l'],
  );
}

function verdictSentence({ verdict, baselineBranch }: StepSummaryInput): string {
  // The detector's reason already carries the change, its interval and the p-value.
  const parts = [
    `**${verdictLabel(verdict.verdict)}:** ${escapeProse(sentence(verdict.reason), REASON_MAX_CHARS)}`,
  ];
  const on = baselineBranch ? ` on ${escapeProse(baselineBranch, CELL_MAX_CHARS)}` : '';
  parts.push(
    `Baseline: ${verdict.baselineCount} successful run${verdict.baselineCount === 1 ? '' : 's'}${on}; ` +
      `compared: ${verdict.candidateCount} run${verdict.candidateCount === 1 ? '' : 's'}.`,
  );
  return parts.join(' ');
}

function flakinessNote(flakiness: FlakinessReport | null | undefined): string | null {
  if (!flakiness || flakiness.flakyCommits.length === 0) return null;
  const shown = flakiness.flakyCommits
    .slice(0, FLAKY_COMMITS_SHOWN)
    .map((sha) => commitCell(sha, 'inline'));
  const more = flakiness.flakyCommits.length - shown.length;
  return (
    `> ⚠️ **Flaky:** ${flakiness.flakyCommits.length} of ${flakiness.commitsSeen} commits ` +
    `(${formatPercent(flakiness.flakeRate * 100)}) had both a passing and a failing run: ` +
    `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`
  );
}

function chartPart(input: StepSummaryInput, runs: readonly ExecutionRecord[]): string {
  if ((input.charts ?? 'quickchart') === 'none') {
    return '_Trend chart off (charts: none): no data is sent to a chart service._';
  }
  const points: TrendPoint[] = runs.map((r) => ({
    t: r.started_at,
    durationMs: r.duration_ms,
    failed: r.status === 'failed',
  }));
  const url = trendChartUrl(points, {
    charts: input.charts ?? 'quickchart',
    baseUrl: input.quickchartUrl,
    size: 'full',
    title: `${input.run.name}: duration per run`,
    baselineMedianMs: input.verdict.baselineMedianMs,
  });
  const image =
    url === null ? null : markdownImage(`Trend of ${input.run.name}: duration per run`, url);
  return (
    image ??
    `_Trend chart omitted: its URL would be longer than ${MAX_CHART_URL_LENGTH} characters (check quickchart-url)._`
  );
}

function lastRunsBlock(runs: readonly ExecutionRecord[]): string {
  const newest = runs.slice(-LAST_RUNS_SHOWN).reverse();
  const rows = newest.map((r) => {
    const ci = ciOf(r);
    return [
      formatTimestamp(r.started_at),
      formatDuration(r.duration_ms),
      `${statusEmoji(r.status)} ${r.status === 'success' ? 'success' : 'failed'}`,
      ci.sha ? commitCell(ci.sha, 'table') : '—',
      ci.branch ? escapeMarkdownText(ci.branch, CELL_MAX_CHARS) : '—',
    ];
  });
  const body = table(
    [['Started', 'Duration', 'Status', 'Commit', 'Branch'], ...rows],
    ['l', 'r', 'l', 'l', 'l'],
  );
  return details(`Last ${newest.length} run${newest.length === 1 ? '' : 's'}`, body);
}

function errorBlock(input: StepSummaryInput): string | null {
  const { run } = input;
  if (run.status !== 'failed' || !run.error) return null;
  const max = input.errorTailChars ?? ERROR_TAIL_CHARS;
  const text = sanitizeErrorText(run.error, max, input.secrets ?? []);
  return details(
    `Error output of this run (last ${max} characters at most, secrets redacted)`,
    codeBlock(text, 'text'),
  );
}

/** A commit as a 7-character code span when it looks like a sha, escaped text otherwise. */
function commitCell(sha: string, context: 'inline' | 'table'): string {
  return /^[0-9a-f]{7,64}$/i.test(sha)
    ? codeSpan(sha.slice(0, 7), context)
    : escapeMarkdownText(sha, 20);
}

/** History plus this run (unless already there), oldest first. */
function orderedRuns(run: ExecutionRecord, history: readonly ExecutionRecord[]): ExecutionRecord[] {
  const present = history.some(
    (r) =>
      r === run ||
      (r.started_at === run.started_at && r.name === run.name && r.duration_ms === run.duration_ms),
  );
  const all = present ? [...history] : [...history, run];
  return all
    .map((r, i) => ({ r, i, t: timeOf(r.started_at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.r);
}

function timeOf(iso: string): number {
  const t = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(t) ? 0 : t;
}

function ciOf(record: ExecutionRecord): { sha?: string; branch?: string } {
  return parseCi(record.metadata) ?? {};
}

/** The reason as a sentence: it ends in punctuation, so what follows it reads right. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}.`;
}

function joinParts(parts: readonly (string | null)[]): string {
  return `${parts.filter((p): p is string => p !== null && p !== '').join('\n\n')}\n`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Last resort for an absurdly small cap: whole characters up to `maxBytes` bytes. */
function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = byteLength(ch);
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}
