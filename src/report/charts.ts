/**
 * Trend charts as QuickChart image URLs, built offline the way quickchart-js `getUrl()` builds them
 * (byte for byte; a test compares). The package itself is not loaded: every step's main draws a
 * chart, and its bundle carries a 400 KB fetch polyfill for network methods never called here
 * (15–30 ms of each step's start). The chart config travels IN the URL, so
 * whoever serves the image sees the data: durations, run dates, and the title (the step name).
 * `charts: 'none'` builds no URL at all; `baseUrl` points at a self-hosted QuickChart.
 *
 * Size: GitHub shows external images through its camo proxy, which hex-encodes the URL (twice
 * the length); camo URLs around 8 KiB fail with 414. Every URL built here is at most
 * MAX_CHART_URL_LENGTH characters: the series is downsampled, then shrunk until it fits.
 */
import { parseTimestamp } from '../core/record.js';

/** Upper bound of every chart URL (camo-encoded: ~6 KiB, well under the ~8 KiB that fails). */
export const MAX_CHART_URL_LENGTH = 3000;

/** Chart.js major the config below is written for (quickchart-js's default, set explicitly). */
export const CHART_JS_VERSION = '2.9.4';

export type ChartsMode = 'quickchart' | 'none';

export interface TrendPoint {
  /** Run start, ISO 8601 (record format; no offset = UTC). */
  t: string;
  durationMs: number;
  failed: boolean;
}

export interface TrendChartOptions {
  /** 'none' returns null: no data leaves the runner. Default 'quickchart'. */
  charts?: ChartsMode;
  /** QuickChart base URL, optionally with a path prefix. Default https://quickchart.io. */
  baseUrl?: string;
  /** 'full' (axes, legend, title; job summary) or 'small' (sparkline; PR comment table). */
  size?: 'full' | 'small';
  /**
   * Chart size in CSS px; defaults 600×240 (full) and 100×25 (small). Images are drawn at device
   * pixel ratio 2 (QuickChart's own default, set explicitly so the URL says it), so a small chart
   * is a 200×50 image: the size GitHub then shows it at in the comment's table.
   */
  width?: number;
  height?: number;
  /** Shown above a full chart; cut to 60 characters. */
  title?: string;
  /** Drawn as a dashed horizontal line. */
  baselineMedianMs?: number | null;
  /** Most points to draw before shrinking for the URL bound; default 100 (full), 40 (small). */
  maxPoints?: number;
  /** Default MAX_CHART_URL_LENGTH; lower only (tests, tighter hosts). */
  maxUrlLength?: number;
}

const COLORS = { line: '#4e79a7', failed: '#e15759', baseline: '#888' };
const TITLE_MAX_CHARS = 60;

/**
 * The URL of a line chart of duration per run (oldest first), failures as red points and the
 * baseline median as a dashed line; null when `charts` is 'none', when there are no points, or
 * when even a 2-point chart would not fit the URL bound (e.g. a very long base URL).
 * Throws on a base URL that is not http(s), or that carries credentials, a query or a fragment.
 */
export function trendChartUrl(
  points: readonly TrendPoint[],
  options: TrendChartOptions = {},
): string | null {
  const usable = points.filter((p) => Number.isFinite(p.durationMs) && p.durationMs >= 0);
  return chartUrl(usable, options, DURATION_AXIS);
}

/** One run of a value series (issue 13): the value in its own unit. */
export interface ValuePoint {
  /** Run start, ISO 8601 (record format; no offset = UTC). */
  t: string;
  value: number;
  failed: boolean;
}

export interface ValueChartOptions extends Omit<TrendChartOptions, 'baselineMedianMs'> {
  /** The value's name: the line's legend. */
  valueName: string;
  /** Shown on the y axis (full charts) and in the legend; absent when unitless. */
  unit?: string;
  /** Drawn as a dashed horizontal line, in the value's unit. */
  baselineMedian?: number | null;
}

/**
 * trendChartUrl for a value series: the values as they are (0 and negatives included; the axis
 * starts at 0 only when no value is below it), the unit as the y axis' title, the baseline median
 * dashed. Null in the same cases as trendChartUrl.
 */
export function valueTrendChartUrl(
  points: readonly ValuePoint[],
  options: ValueChartOptions,
): string | null {
  const usable: TrendPoint[] = points
    .filter((p) => Number.isFinite(p.value))
    .map((p) => ({ t: p.t, durationMs: p.value, failed: p.failed }));
  const unit = options.unit === undefined || options.unit === '' ? undefined : options.unit;
  return chartUrl(
    usable,
    { ...options, baselineMedianMs: options.baselineMedian },
    {
      kind: 'value',
      legend: unit === undefined ? options.valueName : `${options.valueName} (${unit})`,
      ...(unit === undefined ? {} : { title: unit }),
    },
  );
}

/** How the y axis reads: durations in a unit picked from their size, or a value's own unit. */
type Axis = { kind: 'duration' } | { kind: 'value'; legend: string; title?: string };
const DURATION_AXIS: Axis = { kind: 'duration' };

function chartUrl(
  usable: readonly TrendPoint[],
  options: TrendChartOptions,
  axis: Axis,
): string | null {
  if ((options.charts ?? 'quickchart') === 'none') return null;
  const { scheme, host } = parseQuickChartBaseUrl(options.baseUrl ?? 'https://quickchart.io');
  const size = options.size ?? 'full';
  const width = options.width ?? (size === 'full' ? 600 : 100);
  const height = options.height ?? (size === 'full' ? 240 : 25);
  const bound = Math.min(options.maxUrlLength ?? MAX_CHART_URL_LENGTH, MAX_CHART_URL_LENGTH);
  if (usable.length === 0) return null;

  let limit = Math.max(
    2,
    Math.min(options.maxPoints ?? (size === 'full' ? 100 : 40), usable.length),
  );
  for (;;) {
    const config = chartConfig(downsampleTrend(usable, limit), size, options, axis);
    const url = quickChartUrl(config, scheme, host, width, height);
    if (url.length <= bound) return url;
    if (limit <= 2) return null;
    limit = Math.max(2, Math.floor(limit * 0.8));
  }
}

/**
 * quickchart-js 3.x `getUrlObject().href` for a config already serialised, at device pixel ratio 2
 * and its defaults otherwise (white background, png): the same parameters in the same order.
 */
function quickChartUrl(
  config: string,
  scheme: string,
  host: string,
  width: number,
  height: number,
): string {
  const url = new URL(`${scheme}://${host}/chart`);
  url.searchParams.append('c', config);
  url.searchParams.append('w', String(width));
  url.searchParams.append('h', String(height));
  url.searchParams.append('ref', 'qc-js');
  url.searchParams.append('devicePixelRatio', '2');
  url.searchParams.append('bkg', '#ffffff');
  url.searchParams.append('f', 'png');
  url.searchParams.append('v', CHART_JS_VERSION);
  return url.href;
}

/**
 * Splits a QuickChart base URL into what quickchart-js wants: it builds `${scheme}://${host}/chart`,
 * so a path prefix rides along in `host`. Credentials are refused: the URL is published in
 * every report.
 */
export function parseQuickChartBaseUrl(baseUrl: string): { scheme: string; host: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(
      `quickchart-url must be an http(s) URL such as https://quickchart.io; got "${baseUrl}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `quickchart-url must be an http(s) URL such as https://quickchart.io; got "${url.protocol}"`,
    );
  }
  if (url.username || url.password) {
    throw new Error(
      'quickchart-url must not contain user:password (chart URLs are published in reports)',
    );
  }
  if (url.search || url.hash) {
    throw new Error(
      'quickchart-url must not contain a query or fragment: give the base, e.g. https://charts.example.com/qc',
    );
  }
  return {
    scheme: url.protocol.slice(0, -1),
    host: `${url.host}${url.pathname.replace(/\/+$/, '')}`,
  };
}

/**
 * At most `maxPoints` points of the series, oldest first: largest-triangle-three-buckets
 * (keeps the visual shape: spikes survive), with one rule added: in a bucket holding a failed
 * run, the pick is among its failed runs, so every stretch with a failure still shows one.
 * The first and last points (the newest run) are always kept as they are.
 */
export function downsampleTrend<P extends TrendPoint>(
  points: readonly P[],
  maxPoints: number,
): P[] {
  const n = points.length;
  const threshold = Math.max(2, Math.floor(maxPoints));
  if (n <= threshold) return [...points];
  const at = (i: number): P => points[i] as P;
  const sampled: P[] = [at(0)];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.min(Math.floor((i + 1) * bucketSize) + 1, n - 1);
    // Average of the next bucket (the last point for the final bucket).
    const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    const nextCount = Math.max(1, nextEnd - end);
    for (let j = end; j < end + nextCount && j < n; j++) {
      avgX += j;
      avgY += at(j).durationMs;
    }
    avgX /= nextCount;
    avgY /= nextCount;

    let hasFailure = false;
    for (let j = start; j < end; j++) if (at(j).failed) hasFailure = true;
    let best = start;
    let bestArea = -1;
    const ax = a;
    const ay = at(a).durationMs;
    for (let j = start; j < end; j++) {
      if (hasFailure && !at(j).failed) continue;
      const area = Math.abs((ax - avgX) * (at(j).durationMs - ay) - (ax - j) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    sampled.push(at(best));
    a = best;
  }
  sampled.push(at(n - 1));
  return sampled;
}

/** The Chart.js 2 config as a compact JS literal (fewer characters than JSON in the URL). */
function chartConfig(
  points: readonly TrendPoint[],
  size: 'full' | 'small',
  options: TrendChartOptions,
  axis: Axis = DURATION_AXIS,
): string {
  const isValue = axis.kind === 'value';
  const baseline =
    options.baselineMedianMs !== null &&
    options.baselineMedianMs !== undefined &&
    Number.isFinite(options.baselineMedianMs) &&
    (isValue || options.baselineMedianMs >= 0)
      ? options.baselineMedianMs
      : null;
  // Values are drawn in their own unit; durations in one picked from their size.
  const unit = isValue
    ? { name: '', ms: 1 }
    : pickUnit(Math.max(baseline ?? 0, ...points.map((p) => p.durationMs)));
  const full = size === 'full';
  const anyFailed = points.some((p) => p.failed);
  const belowZero = points.some((p) => p.durationMs < 0) || (baseline ?? 0) < 0;

  const datasets: Literal[] = [
    {
      label: axis.kind === 'value' ? axis.legend : `duration (${unit.name})`,
      data: points.map((p) => round3(p.durationMs / unit.ms)),
      fill: false,
      lineTension: 0,
      borderWidth: full ? 2 : 1.5,
      borderColor: COLORS.line,
      // Successful runs are the line itself; failed ones are red dots on it.
      pointRadius: points.map((p) => (p.failed ? (full ? 4 : 3) : 0)),
      pointBackgroundColor: COLORS.failed,
      pointBorderColor: COLORS.failed,
    },
  ];
  // Legend-only entry so readers know what a red dot means.
  if (full && anyFailed) {
    datasets.push({
      label: 'failed',
      data: [],
      borderColor: COLORS.failed,
      backgroundColor: COLORS.failed,
    });
  }

  const chartOptions: Record<string, Literal> = {
    legend: full ? { labels: { boxWidth: 12 } } : { display: false },
    scales: {
      xAxes: [full ? { ticks: { maxTicksLimit: 8, maxRotation: 0 } } : { display: false }],
      yAxes: [
        {
          ...(full ? {} : { display: false }),
          ...(full && axis.kind === 'value' && axis.title !== undefined
            ? { scaleLabel: { display: true, labelString: truncate(cleanTitle(axis.title), 40) } }
            : {}),
          ticks: { beginAtZero: !belowZero, maxTicksLimit: 5 },
        },
      ],
    },
  };
  if (full && options.title) {
    chartOptions.title = {
      display: true,
      text: truncate(cleanTitle(options.title), TITLE_MAX_CHARS),
    };
  }
  if (baseline !== null) {
    chartOptions.annotation = {
      annotations: [
        {
          type: 'line',
          mode: 'horizontal',
          scaleID: 'y-axis-0',
          value: round3(baseline / unit.ms),
          borderColor: COLORS.baseline,
          borderWidth: 1,
          borderDash: [6, 4],
          ...(full
            ? {
                label: {
                  enabled: true,
                  content: 'baseline median',
                  position: 'left',
                  fontSize: 10,
                },
              }
            : {}),
        },
      ],
    };
  }
  return toLiteral({
    type: 'line',
    data: { labels: points.map((p) => shortDate(p.t)), datasets },
    options: chartOptions,
  });
}

type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/**
 * Serialises to a JavaScript object literal: identifier keys unquoted, strings as JSON string
 * literals (valid JS). Written here rather than via quickchart-js's stringify because that one
 * turns any string shaped like "__BEGINFUNCTION__…__ENDFUNCTION__" into code, and titles are
 * user data.
 */
function toLiteral(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(',')}]`;
  const entries = Object.entries(value).map(
    ([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}:${toLiteral(v)}`,
  );
  return `{${entries.join(',')}}`;
}

function pickUnit(maxMs: number): { name: string; ms: number } {
  if (maxMs < 1000) return { name: 'ms', ms: 1 };
  if (maxMs < 120_000) return { name: 's', ms: 1000 };
  if (maxMs < 7_200_000) return { name: 'min', ms: 60_000 };
  return { name: 'h', ms: 3_600_000 };
}

/** Three significant digits: plenty for a picture, short in a URL. */
function round3(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

/** "10/21" for any timestamp of that UTC day ("2025-10-20T23:30:00-05:00" included). */
function shortDate(t: string): string {
  const ms = parseTimestamp(t);
  if (Number.isNaN(ms)) return '';
  const date = new Date(ms);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}

function cleanTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
