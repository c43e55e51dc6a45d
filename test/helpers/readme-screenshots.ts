/**
 * The README screenshots (docs/summary.png, docs/comment.png), made from the real renderers:
 * synthetic but realistic records → regressionVerdicts/detectRegression → renderStepSummary /
 * buildCommentRow + renderComment → the real cmark-gfm (unit_tests also records a value,
 * peak_heap_mb, judged by valueVerdicts: a Values table in its summary and a row in the comment) → a page styled like GitHub → Chromium.
 * There is no network, so the QuickChart trend images are answered locally: the chart config
 * the URL carries is decoded and drawn as SVG (Chart.js 2 look), rasterised by Chromium.
 * Driven by test/report/readme-screenshots.test.ts (UPDATE_SCREENSHOT=1 writes the files).
 */
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { summarize } from '../../src/core/stats.js';
import type { CiContext } from '../../src/action/context.js';
import { detectFlakiness } from '../../src/insight/flakiness.js';
import { withValues } from '../../src/core/values.js';
import { regressionVerdicts, runUnderTestOf, valueVerdicts } from '../../src/insight/verdicts.js';
import { trendChartUrl, valueTrendChartUrl } from '../../src/report/charts.js';
import { buildCommentRow, renderComment } from '../../src/report/comment-body.js';
import { renderStepSummary } from '../../src/report/summary.js';
import { prng as random } from './prng.js';

// ---------------------------------------------------------------------------------------------
// Data: one repository's CI history, main plus one pull request.

const REPO = 'acme/webapp';
const SERVER = 'https://github.com';
const WORKFLOW = 'CI';
const PR = { number: 482, branch: 'feat/parallel-fixtures', base: 'main' };
const DAY = 86_400_000;
const START = Date.UTC(2025, 9, 1, 8, 0, 0);

/** Typical duration of each step on main and on the PR (ms), and its run-to-run noise. */
const STEPS = {
  unit_tests: { main: 62_300, pr: 74_800, noise: 0.035 },
  build: { main: 131_000, pr: 98_500, noise: 0.03 },
  lint: { main: 18_400, pr: 18_500, noise: 0.04 },
} as const;
export type StepName = keyof typeof STEPS;

function sha(rand: () => number): string {
  let out = '';
  while (out.length < 40) out += Math.floor(rand() * 16).toString(16);
  return out;
}

const UNIT_TEST_FAILURE = [
  ' FAIL  src/cart/checkout.test.ts > applies the seasonal discount',
  'AssertionError: expected 41.99 to be 42 // Object.is equality',
  ' ❯ src/cart/checkout.test.ts:88:31',
  '',
  ' Test Files  1 failed | 57 passed (58)',
  '      Tests  1 failed | 912 passed (913)',
].join('\n');

export interface SampleHistory {
  records: ExecutionRecord[];
  /** CI context of the current run (the PR's latest). */
  ci: CiContext;
}

/**
 * 24 pushes to main over ~2 weeks, then 4 pushes to the PR. On main one unit_tests run failed
 * and passed on re-run (attempt 2, same commit): the red dot in the trend and the flaky note.
 */
export function sampleHistory(): SampleHistory {
  const rand = random(20251021);
  // Log-normal noise via Box–Muller: CI noise is multiplicative.
  const noisy = (ms: number, sigma: number) => {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.round(ms * Math.exp(sigma * z));
  };
  const records: ExecutionRecord[] = [];
  let ci: CiContext | null = null;
  const pushRun = (i: number, onPr: boolean, failUnitTests: boolean) => {
    const commit = sha(rand);
    const attempts = failUnitTests ? 2 : 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const runId = String(11_840_000 + i * 37);
      let t = START + i * 0.58 * DAY + (attempt - 1) * 600_000 + Math.floor(rand() * 900_000);
      ci = {
        provider: 'github-actions',
        repository: REPO,
        server_url: SERVER,
        sha: commit,
        ref: onPr ? `refs/pull/${PR.number}/merge` : 'refs/heads/main',
        branch: onPr ? PR.branch : 'main',
        event: onPr ? 'pull_request' : 'push',
        ...(onPr ? { pr_number: PR.number, base_branch: PR.base } : {}),
        default_branch: 'main',
        workflow: WORKFLOW,
        job: 'test',
        run_id: runId,
        run_attempt: attempt,
        runner_os: 'Linux',
        runner_arch: 'X64',
      };
      for (const name of ['lint', 'build', 'unit_tests'] as const) {
        const step = STEPS[name];
        const failed = name === 'unit_tests' && failUnitTests && attempt === 1;
        const duration = noisy(onPr ? step.pr : step.main, step.noise) - (failed ? 9_000 : 0);
        // unit_tests' peak heap: ~410 MB on main, ~20% more with the PR's parallel fixtures.
        const heapMb = (onPr ? 492 : 410) * (1 + 0.015 * Math.sin(i * 1.7 + attempt));
        const metadata = { ci: { ...ci, exit_code: failed ? 1 : 0 } };
        records.push({
          name,
          started_at: formatTimestamp(t),
          ended_at: formatTimestamp(t + duration),
          duration_ms: duration,
          status: failed ? 'failed' : 'success',
          metadata:
            name === 'unit_tests'
              ? withValues(metadata, [
                  {
                    name: 'peak_heap_mb',
                    value: Math.round(heapMb),
                    unit: 'MB',
                    better: 'smaller',
                  },
                ])
              : metadata,
          error: failed ? UNIT_TEST_FAILURE : null,
        });
        t += duration + 2_000 + Math.floor(rand() * 3_000);
      }
    }
  };
  for (let i = 0; i < 24; i++) pushRun(i, false, i === 20);
  for (let i = 24; i < 28; i++) pushRun(i, true, false);
  return { records, ci: ci as unknown as CiContext };
}

/** What publish.ts computes for one step: the verdict (detectRegression via regressionVerdicts). */
function analyse(history: SampleHistory, name: StepName) {
  const { records, ci } = history;
  const mine = records.filter((r) => r.name === name);
  const run = mine.at(-1) as ExecutionRecord;
  const runUnderTest = runUnderTestOf(ci);
  const verdict = regressionVerdicts(records, [name], runUnderTest)[0]!;
  const values = valueVerdicts(records, runUnderTest, {}, [name]);
  const flakiness = detectFlakiness(mine).find((f) => f.name === name) ?? null;
  return { mine, run, verdict, values, flakiness };
}

/** The job summary of the PR's latest run: one section per step, as core.summary.addRaw adds them. */
export function summaryMarkdown(history = sampleHistory()): string {
  return (['unit_tests', 'lint'] as const)
    .map((name) => {
      const { mine, run, verdict, values, flakiness } = analyse(history, name);
      return renderStepSummary({
        run,
        verdict,
        valueVerdicts: values,
        history: mine,
        window: summarize(mine)[name] ?? null,
        flakiness,
        baselineBranch: history.ci.base_branch,
      });
    })
    .join('\n'); // addRaw(markdown, true) appends an end of line to each section
}

/** The sticky PR comment after the job's three steps reported. */
export function commentMarkdown(history = sampleHistory()): string {
  const rows = (['unit_tests', 'build', 'lint'] as const).flatMap((name, i) => {
    const { mine, run, verdict, values, flakiness } = analyse(history, name);
    // A row per value after the step's, as publish.ts adds them.
    const valueRows = values.map((v) =>
      buildCommentRow({
        verdict: v,
        baselineBranch: history.ci.base_branch,
        status: run.status,
        chartUrl: valueTrendChartUrl(
          mine.flatMap((r) => {
            const x = (r.metadata.values as Record<string, number> | undefined)?.[v.valueName];
            return x === undefined ? [] : [{ t: r.started_at, value: x, failed: false }];
          }),
          { size: 'small', valueName: v.name, unit: v.unit, baselineMedian: v.baselineMedianMs },
        ),
        updatedAt: `2025-10-17T11:4${i}:12.000Z`,
        better: v.better,
        ...(v.unit === undefined ? {} : { unit: v.unit }),
      }),
    );
    const stepRow = buildCommentRow({
      verdict,
      flakiness,
      baselineBranch: history.ci.base_branch,
      status: run.status,
      durationMs: run.duration_ms,
      chartUrl: trendChartUrl(
        mine.map((r) => ({
          t: r.started_at,
          durationMs: r.duration_ms,
          failed: r.status === 'failed',
        })),
        { size: 'small', baselineMedianMs: verdict.baselineMedianMs },
      ),
      updatedAt: `2025-10-17T11:4${i}:12.000Z`,
    });
    return [stepRow, ...valueRows];
  });
  return renderComment({
    marker: `<!-- dev-metrics:${WORKFLOW} -->`,
    workflow: WORKFLOW,
    rows,
    runUrl: `${SERVER}/${REPO}/actions/runs/${history.ci.run_id}`,
    maxChars: 60_000,
  });
}

// ---------------------------------------------------------------------------------------------
// Markdown → HTML page.

export const CMARK_GFM = process.env.CMARK_GFM_PATH ?? '/usr/bin/cmark-gfm';

/** GitHub-flavoured Markdown → HTML with the real cmark-gfm (GitHub's renderer is built on it). */
export function markdownToHtml(markdown: string): string {
  return execFileSync(
    CMARK_GFM,
    ['-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '--unsafe', '-t', 'html'],
    { input: markdown, encoding: 'utf8' },
  );
}

/** A light-theme subset of GitHub's markdown-body and of its job-summary / comment frames. */
const GITHUB_CSS = `
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: #fff; color: #1f2328;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
    sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  font-size: 14px; line-height: 1.5; }
.frame { max-width: 900px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
.frame-head { display: flex; align-items: center; gap: 8px; padding: 8px 16px;
  background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  color: #59636e; }
.frame-head strong { color: #1f2328; font-weight: 600; }
.summary-head { background: #fff; font-size: 16px; padding: 16px 24px 0; border: 0; }
.summary-head strong { font-weight: 600; }
.label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px;
  font-weight: 500; line-height: 18px; color: #59636e; }
.timeline { display: flex; gap: 16px; max-width: 916px; }
.timeline .frame { flex: 1; min-width: 0; }
.markdown-body { padding: 16px 24px 24px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.timeline .markdown-body { padding: 16px; }
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body > *:last-child { margin-bottom: 0 !important; }
.markdown-body h2, .markdown-body h3, .markdown-body h4 { margin-top: 24px; margin-bottom: 16px;
  font-weight: 600; line-height: 1.25; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body h4 { font-size: 1em; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body ol,
.markdown-body table, .markdown-body pre, .markdown-body details { margin-top: 0; margin-bottom: 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body li + li { margin-top: .25em; }
.markdown-body a { color: #0969da; text-decoration: underline; text-underline-offset: .2rem; }
.markdown-body blockquote { margin-left: 0; margin-right: 0; padding: 0 1em; color: #59636e;
  border-left: .25em solid #d1d9e0; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block;
  width: max-content; max-width: 100%; overflow: auto; font-variant: tabular-nums; }
.markdown-body table th { font-weight: 600; }
.markdown-body table th, .markdown-body table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body table td > :last-child { margin-bottom: 0; }
.markdown-body table tr { background-color: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body table tr:nth-child(2n) { background-color: #f6f8fa; }
.markdown-body table img { background-color: transparent; vertical-align: middle; }
.markdown-body img { max-width: 100%; box-sizing: content-box; background-color: #fff; }
.markdown-body code, .markdown-body pre { font-family: ui-monospace, SFMono-Regular, "SF Mono",
  Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%; }
.markdown-body code { padding: .2em .4em; margin: 0; white-space: break-spaces;
  background-color: #818b981f; border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; color: #1f2328;
  background-color: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; font-size: 100%; background: transparent; white-space: pre; }
.markdown-body details summary { cursor: pointer; display: list-item; }
.markdown-body details[open] > summary { margin-bottom: 8px; }
.markdown-body sub { font-size: 75%; color: #59636e; }
`;

/** An avatar like the github-actions bot's (drawn inline: the page loads nothing else). */
const BOT_AVATAR = `<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
<rect width="40" height="40" rx="6" fill="#2088ff"/>
<circle cx="20" cy="20" r="10" fill="none" stroke="#fff" stroke-width="2.5"/>
<path d="M17.5 15.5 L24.5 20 L17.5 24.5 Z" fill="#fff"/></svg>`;

export type Frame = 'summary' | 'comment';

/** The rendered Markdown inside a frame like GitHub's: a job summary card or a PR comment. */
export function githubPage(bodyHtml: string, frame: Frame): string {
  const body =
    frame === 'summary'
      ? `<div class="frame"><div class="frame-head summary-head"><strong>test summary</strong></div>
<div class="markdown-body">${bodyHtml}</div></div>`
      : `<div class="timeline">${BOT_AVATAR}<div class="frame">
<div class="frame-head"><strong>github-actions</strong><span class="label">bot</span>
<span>commented 2 minutes ago</span></div>
<div class="markdown-body">${bodyHtml}</div></div></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>dev-metrics ${frame}</title><style>${GITHUB_CSS}</style></head>
<body>${body}</body></html>`;
}

// ---------------------------------------------------------------------------------------------
// QuickChart stand-in: decode the chart config from the URL, draw it as SVG.

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/**
 * Parses the JavaScript object literal charts.ts puts in `c` (identifier keys unquoted, strings
 * as JSON strings, numbers, booleans, null). Parsed, not evaluated: it is data.
 */
export function parseChartLiteral(text: string): Value {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`chart config: ${what} at ${at}: ${text.slice(at, at + 20)}`);
  };
  const space = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const value = (): Value => {
    space();
    const ch = text[at];
    if (ch === '{') {
      at++;
      const out: { [key: string]: Value } = {};
      space();
      if (text[at] === '}') return (at++, out);
      for (;;) {
        space();
        let key: string;
        if (text[at] === '"') key = stringToken();
        else {
          const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(at)) ?? fail('key expected');
          key = m[0];
          at += key.length;
        }
        space();
        if (text[at++] !== ':') fail('":" expected');
        out[key] = value();
        space();
        const next = text[at++];
        if (next === '}') return out;
        if (next !== ',') fail('"," or "}" expected');
      }
    }
    if (ch === '[') {
      at++;
      const out: Value[] = [];
      space();
      if (text[at] === ']') return (at++, out);
      for (;;) {
        out.push(value());
        space();
        const next = text[at++];
        if (next === ']') return out;
        if (next !== ',') fail('"," or "]" expected');
      }
    }
    if (ch === '"') return stringToken();
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(text.slice(at));
    if (!m) return fail('value expected');
    at += m[0].length;
    return JSON.parse(m[0]) as Value;
  };
  const stringToken = (): string => {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(at)) ?? fail('string expected');
    at += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const result = value();
  space();
  if (at !== text.length) fail('end expected');
  return result;
}

export interface ChartRequest {
  config: Value;
  width: number;
  height: number;
  devicePixelRatio: number;
  background: string;
}

/** The parameters of a QuickChart URL, with QuickChart's own defaults (500×300, ratio 2). */
export function decodeChartUrl(url: string): ChartRequest {
  const params = new URL(url).searchParams;
  const c = params.get('c') ?? params.get('chart');
  if (c === null) throw new Error(`not a QuickChart URL (no c parameter): ${url.slice(0, 80)}`);
  const num = (key: string, fallback: number) => {
    const v = Number(params.get(key) ?? NaN);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    config: parseChartLiteral(c),
    width: num('w', 500),
    height: num('h', 300),
    // QuickChart renders at devicePixelRatio 2 unless told otherwise (quickchart-js omits 1).
    devicePixelRatio: num('devicePixelRatio', 2),
    background: params.get('bkg') ?? 'transparent',
  };
}

const get = (v: Value | undefined, ...path: (string | number)[]): Value | undefined => {
  let cur = v;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, Value>)[key as string];
  }
  return cur;
};
const str = (v: Value | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);
const num = (v: Value | undefined, fallback: number) => (typeof v === 'number' ? v : fallback);
const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Chart.js 2's "nice" numbers for linear axis ticks. */
function niceNum(range: number, round: boolean): number {
  const exponent = Math.floor(Math.log10(range));
  const fraction = range / 10 ** exponent;
  const nice = round
    ? fraction < 1.5
      ? 1
      : fraction < 3
        ? 2
        : fraction < 7
          ? 5
          : 10
    : fraction <= 1
      ? 1
      : fraction <= 2
        ? 2
        : fraction <= 5
          ? 5
          : 10;
  return nice * 10 ** exponent;
}

const FONT = `'Helvetica Neue', Helvetica, Arial, sans-serif`;

/**
 * The line chart of a charts.ts config as SVG, in the look of Chart.js 2: title, legend, axes
 * (full) or a bare sparkline (small); failed runs as red points; the baseline as a dashed line.
 */
export function chartSvg(request: ChartRequest): string {
  const { config, width: W, height: H } = request;
  const datasets = (get(config, 'data', 'datasets') as Value[] | undefined) ?? [];
  const labels = ((get(config, 'data', 'labels') as Value[] | undefined) ?? []).map((l) =>
    String(l),
  );
  const main = datasets[0];
  const data = ((get(main, 'data') as Value[] | undefined) ?? []).map((d) => num(d, 0));
  const radii = get(main, 'pointRadius');
  const radius = (i: number) => (Array.isArray(radii) ? num(radii[i], 0) : num(radii, 3));
  const lineColor = str(get(main, 'borderColor'), '#4e79a7');
  const pointColor = str(get(main, 'pointBackgroundColor'), lineColor);
  const showAxes = get(config, 'options', 'scales', 'yAxes', 0, 'display') !== false;
  const showLegend = get(config, 'options', 'legend', 'display') !== false;
  const title =
    get(config, 'options', 'title', 'display') === true
      ? str(get(config, 'options', 'title', 'text'), '')
      : '';
  const annotation = get(config, 'options', 'annotation', 'annotations', 0);
  const baseline =
    typeof get(annotation, 'value') === 'number' ? num(get(annotation, 'value'), 0) : null;

  const out: string[] = [];
  if (request.background !== 'transparent') {
    out.push(`<rect width="${W}" height="${H}" fill="${esc(request.background)}"/>`);
  }
  let top = showAxes ? 10 : 2;
  if (title) {
    out.push(
      `<text x="${W / 2}" y="${top + 12}" text-anchor="middle" font-weight="bold" font-size="12" fill="#666">${esc(title)}</text>`,
    );
    top += 24;
  }
  if (showLegend) {
    const items = datasets.map((d) => ({
      label: str(get(d, 'label'), ''),
      stroke: str(get(d, 'borderColor'), '#666'),
      fill: str(get(d, 'backgroundColor'), 'rgba(0,0,0,0.1)'),
    }));
    const boxWidth = num(get(config, 'options', 'legend', 'labels', 'boxWidth'), 40);
    const widths = items.map((it) => boxWidth + 6 + it.label.length * 6.2);
    let x = (W - (widths.reduce((a, b) => a + b, 0) + 10 * (items.length - 1))) / 2;
    items.forEach((it, i) => {
      out.push(
        `<rect x="${x}" y="${top}" width="${boxWidth}" height="12" fill="${it.fill}" stroke="${it.stroke}" stroke-width="2"/>`,
      );
      out.push(
        `<text x="${x + boxWidth + 6}" y="${top + 10}" font-size="12" fill="#666">${esc(it.label)}</text>`,
      );
      x += (widths[i] ?? 0) + 10;
    });
    top += 22;
  }

  const maxValue = Math.max(baseline ?? 0, ...data, 0);
  const maxTicks = num(get(config, 'options', 'scales', 'yAxes', 0, 'ticks', 'maxTicksLimit'), 11);
  // Chart.js computes the ticks (beginAtZero, nice steps) whether or not the axis is shown.
  const spacing = maxValue > 0 ? niceNum(niceNum(maxValue, false) / (maxTicks - 1), true) : 1;
  const yMax = Math.max(spacing, Math.ceil(maxValue / spacing) * spacing);
  const ticks: number[] = [];
  for (let v = 0; v <= yMax + spacing / 2; v += spacing) ticks.push(Number(v.toPrecision(6)));
  const tickText = (v: number) => String(Number(v.toFixed(2)));
  const left = showAxes ? 10 + Math.max(...ticks.map((t) => tickText(t).length)) * 7 + 8 : 3;
  // Room for half of the last x label, as Chart.js leaves it.
  const right = W - (showAxes ? Math.max(12, (labels.at(-1) ?? '').length * 3.5 + 4) : 3);
  const bottom = H - (showAxes ? 28 : 3);
  const xOf = (i: number) =>
    left + (data.length > 1 ? (i * (right - left)) / (data.length - 1) : 0);
  const yOf = (v: number) => bottom - (v / yMax) * (bottom - top);

  if (showAxes) {
    for (const t of ticks) {
      const y = yOf(t);
      const grid = t === 0 ? 'rgba(0,0,0,0.25)' : 'rgba(0,0,0,0.1)'; // Chart.js's zero line
      out.push(`<line x1="${left - 5}" x2="${right}" y1="${y}" y2="${y}" stroke="${grid}"/>`);
      out.push(
        `<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-size="12" fill="#666">${tickText(t)}</text>`,
      );
    }
    const xTicks = num(get(config, 'options', 'scales', 'xAxes', 0, 'ticks', 'maxTicksLimit'), 11);
    const step = Math.max(1, Math.ceil(labels.length / xTicks));
    for (let i = 0; i < labels.length; i += step) {
      const x = xOf(i);
      const grid = i === 0 ? 'rgba(0,0,0,0.25)' : 'rgba(0,0,0,0.1)';
      out.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${bottom + 5}" stroke="${grid}"/>`);
      out.push(
        `<text x="${x}" y="${bottom + 19}" text-anchor="middle" font-size="12" fill="#666">${esc(labels[i] ?? '')}</text>`,
      );
    }
  }
  if (baseline !== null) {
    const y = yOf(baseline);
    out.push(
      `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="${esc(str(get(annotation, 'borderColor'), '#888'))}" stroke-width="${num(get(annotation, 'borderWidth'), 1)}" stroke-dasharray="6 4"/>`,
    );
    const label = get(annotation, 'label');
    if (get(label, 'enabled') === true) {
      const text = str(get(label, 'content'), '');
      const size = num(get(label, 'fontSize'), 10);
      const w = text.length * size * 0.6 + 12;
      const h = size + 12;
      out.push(
        `<rect x="${left + 4}" y="${y - h / 2}" width="${w}" height="${h}" rx="6" fill="rgba(0,0,0,0.8)"/>`,
      );
      out.push(
        `<text x="${left + 4 + w / 2}" y="${y + size * 0.35}" text-anchor="middle" font-size="${size}" font-weight="bold" fill="#fff">${esc(text)}</text>`,
      );
    }
  }
  const path = data.map(
    (v, i) => `${i === 0 ? 'M' : 'L'}${xOf(i).toFixed(1)} ${yOf(v).toFixed(1)}`,
  );
  out.push(
    `<path d="${path.join(' ')}" fill="none" stroke="${esc(lineColor)}" stroke-width="${num(get(main, 'borderWidth'), 3)}" stroke-linejoin="round"/>`,
  );
  data.forEach((v, i) => {
    const r = radius(i);
    if (r > 0) {
      out.push(
        `<circle class="failed" cx="${xOf(i).toFixed(1)}" cy="${yOf(v).toFixed(1)}" r="${r}" fill="${esc(pointColor)}" stroke="${esc(pointColor)}"/>`,
      );
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">${out.join('')}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Browser: pages, chart interception, screenshots.

const QUICKCHART = /^https:\/\/quickchart\.io\/chart\?/;

/** Rasterises chart SVGs to PNG at the URL's device pixel ratio, one at a time. */
class ChartPainter {
  private readonly pages = new Map<number, Promise<Page>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly contexts: BrowserContext[] = [];
  constructor(private readonly browser: Browser) {}

  paint(request: ChartRequest): Promise<Buffer> {
    const job = this.queue.then(async () => {
      const page = await this.page(request.devicePixelRatio);
      await page.setContent(`<body style="margin:0">${chartSvg(request)}</body>`);
      return page
        .locator('svg')
        .screenshot({ omitBackground: request.background === 'transparent' });
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  private page(ratio: number): Promise<Page> {
    let page = this.pages.get(ratio);
    if (!page) {
      page = this.browser
        .newContext({ deviceScaleFactor: ratio, viewport: { width: 1400, height: 800 } })
        .then((context) => {
          this.contexts.push(context);
          return context.newPage();
        });
      this.pages.set(ratio, page);
    }
    return page;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
  }
}

export interface Screenshot {
  png: Buffer;
  /** Chart URLs answered locally. */
  charts: string[];
  /** Requests refused because they would have left the machine. */
  blocked: string[];
  /** Natural sizes of the page's images, after loading (0 = broken). */
  images: { width: number; height: number }[];
}

/**
 * Screenshot of one page: QuickChart requests answered with locally drawn charts, every other
 * request refused, <details> opened (when `openDetails`), cropped to the frame.
 */
export async function screenshotPage(
  browser: Browser,
  html: string,
  options: { openDetails: boolean; deviceScaleFactor?: number },
): Promise<Screenshot> {
  const painter = new ChartPainter(browser);
  const context = await browser.newContext({
    viewport: { width: 964, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 2,
  });
  try {
    const page = await context.newPage();
    const charts: string[] = [];
    const blocked: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (QUICKCHART.test(url)) {
        charts.push(url);
        const body = await painter.paint(decodeChartUrl(url));
        await route.fulfill({ status: 200, contentType: 'image/png', body });
      } else {
        blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });
    await page.setContent(html, { waitUntil: 'load' });
    if (options.openDetails) {
      // Strings, not functions: this project type-checks without the DOM library.
      await page.evaluate(
        `document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))`,
      );
    }
    const images = await page.evaluate<Screenshot['images']>(
      `Array.from(document.images, (i) => ({ width: i.naturalWidth, height: i.naturalHeight }))`,
    );
    // The frame with a white margin, as it sits on the page.
    const box = await page.locator('body > *').first().boundingBox();
    if (!box) throw new Error('screenshotPage: the page has no frame to capture');
    const margin = 12;
    const png = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      clip: {
        x: box.x - margin,
        y: box.y - margin,
        width: box.width + 2 * margin,
        height: box.height + 2 * margin,
      },
    });
    return { png, charts, blocked, images };
  } finally {
    await context.close();
    await painter.close();
  }
}
