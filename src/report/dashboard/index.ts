/**
 * The self-contained HTML dashboard: one file, no network (CSS, script and chart drawing inline),
 * opened offline or uploaded as an artifact. Data goes in as inert JSON and reaches the page only
 * through textContent/setAttribute; a hash-based Content-Security-Policy lets exactly our one
 * script run, so nothing in a history (names, metadata, error text) can execute.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExecutionRecord } from '../../core/record.js';
import { DevMetricsError } from '../../core/errors.js';
import { ColumnarHistory } from '../../core/history.js';
import { readHistoryRows } from '../../core/history-read.js';
import type { AttentionItem } from '../../insight/types.js';
import { DASHBOARD_CLIENT_JS } from './client.generated.js';
import { DASHBOARD_CSS } from './css.js';
import {
  DashboardModelBuilder,
  buildDashboardModel,
  type DashboardModel,
  type DashboardModelOptions,
} from './model.js';
import { escapeHtml } from '../sanitize.js';

export type { DashboardModel, DashboardRun } from './model.js';
export { buildDashboardModel, DashboardModelBuilder } from './model.js';
export { MAX_POINTS_PER_RANGE, pointBudget } from './downsample.js';

export interface RenderDashboardOptions {
  title?: string;
  /** The "now" of the page: time ranges count back from it. Default: the current time. */
  generatedAt?: Date;
  /** Window in days (default 30); older records are left out. Ignored for a ready model. */
  days?: number;
  /** Items for the "needs attention" panel; default: the built-in rules. */
  attention?: AttentionItem[];
}

export interface GenerateDashboardOptions extends RenderDashboardOptions {
  /** Default: `<metricsDir>/dashboard.html`. */
  outputFile?: string;
  /** Default: `.metrics`. */
  metricsDir?: string;
  /** Gets the one-line note about skipped bad lines; default console.warn, null for silence. */
  onWarning?: ((message: string) => void) | null;
  /**
   * The history when the caller has already read it (the action reads it once per publication):
   * records older than the window are left out; `metricsDir` is then not read.
   */
  records?: Iterable<ExecutionRecord>;
}

export interface GenerateDashboardResult {
  outputFile: string;
  operations: number;
  records: number;
  bytes: number;
}

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * JSON that is inert inside <script type="application/json">: `<`, `>` and `&` become \u003c etc.
 * so no `</script>` or `<!--` can appear; U+2028/9 are escaped for old parsers.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The page's Content-Security-Policy: only our inline script and stylesheet, by hash. */
export function contentSecurityPolicy(script: string, css: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(script)}'`,
    `style-src 'sha256-${sha256Base64(css)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function isModel(input: unknown): input is DashboardModel {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as Partial<DashboardModel>).version === 1 &&
    Array.isArray((input as Partial<DashboardModel>).series)
  );
}

/** The complete HTML page for a history (records) or a ready model. Pure. */
export function renderDashboard(
  input: Iterable<ExecutionRecord> | DashboardModel,
  options: RenderDashboardOptions = {},
): string {
  const model = isModel(input) ? input : buildDashboardModel(input, options);
  return renderModel(model);
}

function renderModel(model: DashboardModel): string {
  const title = escapeHtml(model.title);
  const csp = contentSecurityPolicy(DASHBOARD_CLIENT_JS, DASHBOARD_CSS);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="dev-metrics">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<main>
<header class="top"><h1 id="title">${title}</h1><span class="sub" id="subtitle"></span></header>
<noscript><p>This dashboard draws its tables and charts with JavaScript; allow scripts for this file to see them.</p></noscript>
<nav class="filters" aria-label="Filters">
<label>Operation <select id="f-op"></select></label>
<label>Branch <select id="f-branch"></select></label>
<label>Time range <select id="f-range"></select></label>
<span class="count" id="f-count"></span>
</nav>
<p class="bound" id="bound" hidden></p>
<section class="card" id="attention"><h2>Needs attention <span class="hint">operations that got slower, are flaky or are failing, most urgent first</span></h2><div id="attention-body"></div></section>
<section class="card" id="overview"><h2>Operations</h2>
<div class="table-wrap"><table>
<thead><tr><th>Operation</th><th class="num">Runs</th><th class="num">Success</th><th class="num">Avg</th><th class="num">p50</th><th class="num">p95</th><th>Trend</th><th>Last run</th></tr></thead>
<tbody id="overview-rows"></tbody>
</table></div>
<p class="empty" id="overview-empty" hidden>No runs in this selection.</p>
</section>
<section class="card" id="charts"><h2>Over time <span class="hint">failed runs in red · dashed line: median · hover a chart for details · a step's selector shows its recorded values</span></h2><div class="charts" id="charts-body"></div></section>
<section class="card" id="others" hidden><h2>Other operations <span class="hint" id="others-hint"></span></h2>
<div class="tools"><label>Filter <input type="search" id="others-filter" placeholder="operation name" autocomplete="off" spellcheck="false"></label><span class="count" id="others-count"></span></div>
<div class="table-wrap"><table>
<thead><tr><th data-sort="name"><button type="button" class="sort">Operation</button></th><th class="num" data-sort="runs"><button type="button" class="sort">Runs</button></th><th class="num" data-sort="rate"><button type="button" class="sort">Success</button></th><th class="num" data-sort="p50"><button type="button" class="sort">Median</button></th><th class="num" data-sort="p95"><button type="button" class="sort">p95</button></th><th data-sort="lastT"><button type="button" class="sort">Last run</button></th></tr></thead>
<tbody id="others-rows"></tbody>
</table></div>
<p class="empty" id="others-empty" hidden>No operation matches.</p>
<button type="button" class="more" id="others-more" hidden>Show more</button>
</section>
<section class="card" id="runs"><h2>Recent runs <span class="hint" id="runs-hint"></span></h2>
<div class="table-wrap"><table>
<thead><tr><th>When</th><th>Operation</th><th class="num">Duration</th><th>Status</th><th>Branch</th><th>Commit</th><th>Error / details</th></tr></thead>
<tbody id="runs-rows"></tbody>
</table></div>
<p class="empty" id="runs-empty" hidden>No runs in this selection.</p>
<button type="button" class="more" id="runs-more" hidden>Show more</button>
</section>
<footer><p id="foot"></p></footer>
</main>
<script type="application/json" id="data">${embedJson(model)}</script>
<script>${DASHBOARD_CLIENT_JS}</script>
</body>
</html>
`;
}

/**
 * Writes `text` to `outputFile` whole or not at all: into a temp file beside it (same directory,
 * so the rename cannot cross file systems), then renamed over it. The temp file never outlives a
 * failure; the failure becomes a one-line DevMetricsError naming outputFile and the fix.
 * `fromMetricsDir` says the path was derived from metricsDir, which is then what to fix.
 */
async function writeWhole(
  outputFile: string,
  text: string,
  fromMetricsDir: boolean,
): Promise<void> {
  const target = path.resolve(outputFile);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  const cannot = `generateDashboard: cannot write outputFile '${outputFile}'`;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const file = await nearestNonDirectory(dir);
    if (file === null) throw writeError(cannot, error);
    const fix = fromMetricsDir
      ? 'pass a metricsDir that is a directory'
      : 'pass an outputFile inside a directory';
    throw new DevMetricsError(`${cannot}: '${file}' is a file, not a directory; ${fix}`, {
      cause: error,
    });
  }
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    // Best effort: a directory squatting on the temp name is not ours to delete.
    await rm(temp, { force: true }).catch(() => undefined);
    const isDirectory = await stat(target).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDirectory) {
      throw new DevMetricsError(
        `${cannot}: it is a directory; pass a file path like ${path.join(outputFile, 'dashboard.html')}`,
        { cause: error },
      );
    }
    throw writeError(cannot, error);
  }
}

function writeError(cannot: string, error: unknown): DevMetricsError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error).split('\n')[0];
  return new DevMetricsError(`${cannot}: ${code}; check the path and its permissions`, {
    cause: error,
  });
}

/** The first existing ancestor of `dir` (itself included) when it is not a directory. */
async function nearestNonDirectory(dir: string): Promise<string | null> {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = await stat(current).catch(() => null);
    if (found !== null) return found.isDirectory() ? null : current;
    if (path.dirname(current) === current) return null;
  }
}

/**
 * Reads the last `days` days of `metricsDir` (streaming), writes the dashboard to `outputFile`
 * (creating its directory; written whole or not at all) and says what it wrote.
 */
export async function generateDashboard(
  options: GenerateDashboardOptions = {},
): Promise<GenerateDashboardResult> {
  const metricsDir = options.metricsDir ?? '.metrics';
  const outputFile = options.outputFile ?? path.join(metricsDir, 'dashboard.html');
  const days = options.days ?? 30;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    throw new DevMetricsError(
      `generateDashboard: days must be a positive number, got ${String(days)}; e.g. days: 30`,
    );
  }
  const modelOptions: DashboardModelOptions = { ...options, days };
  const builder = new DashboardModelBuilder(modelOptions);
  if (options.records !== undefined) {
    for (const record of options.records) builder.add(record);
    return writeModel(builder.build(), outputFile, options.outputFile === undefined);
  }
  const history = new ColumnarHistory();
  const { report } = await readHistoryRows(
    metricsDir,
    {
      since: builder.windowStartMs,
      // Newest first: the runs table keeps only the newest runs of each series, so the older
      // records die young instead of being held until a trim.
      newestFirst: true,
      ...(options.onWarning !== undefined ? { onWarning: options.onWarning } : {}),
    },
    (row, source) => builder.addRow(history, row, source),
    history,
  );
  builder.skip(report.skippedLines + report.unmeasuredRecords);
  return writeModel(builder.build(), outputFile, options.outputFile === undefined);
}

async function writeModel(
  model: DashboardModel,
  outputFile: string,
  defaultFile: boolean,
): Promise<GenerateDashboardResult> {
  const html = renderModel(model);
  await writeWhole(outputFile, html, defaultFile);
  return {
    outputFile,
    operations: model.totals.operations,
    records: model.totals.records,
    bytes: Buffer.byteLength(html, 'utf8'),
  };
}
