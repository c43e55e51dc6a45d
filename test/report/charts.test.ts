import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CHART_JS_VERSION,
  downsampleTrend,
  MAX_CHART_URL_LENGTH,
  parseQuickChartBaseUrl,
  trendChartUrl,
  valueTrendChartUrl,
  type TrendPoint,
} from '../../src/report/charts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function series(n: number, failedEvery = 0): TrendPoint[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: n }, (_, i) => ({
    t: new Date(start + i * 3_600_000).toISOString().replace('Z', ''),
    // awkward values (many digits) so rounding has work to do
    durationMs: 61_234.5678 + Math.sin(i / 37) * 20_000 + ((i * 7919) % 1000) / 3,
    failed: failedEvery > 0 && i % failedEvery === 0,
  }));
}

/** The chart config inside a URL, evaluated as QuickChart would (a JS object literal). */
function configOf(url: string): {
  type: string;
  data: { labels: string[]; datasets: { label: string; data: number[]; pointRadius?: number[] }[] };
  options: {
    title?: { text: string };
    annotation?: { annotations: { value: number; borderDash: number[] }[] };
  };
} {
  const c = new URL(url).searchParams.get('c');
  expect(c).toBeTruthy();
  return vm.runInNewContext(`(${c})`, Object.create(null), { timeout: 1000 });
}

describe('trendChartUrl', () => {
  it(`stays within ${MAX_CHART_URL_LENGTH} characters for 10,000 points and a long name`, () => {
    for (const size of ['full', 'small'] as const) {
      for (const failedEvery of [0, 3, 1]) {
        const url = trendChartUrl(series(10_000, failedEvery), {
          size,
          title: `${'very-long-step-name-'.repeat(200)}`,
          baselineMedianMs: 60_000.123,
        });
        expect(url).not.toBeNull();
        expect(url!.length).toBeLessThanOrEqual(3000);
        const cfg = configOf(url!);
        expect(cfg.data.datasets[0]!.data.length).toBeGreaterThanOrEqual(20);
        expect(cfg.data.labels.length).toBe(cfg.data.datasets[0]!.data.length);
      }
    }
  });

  it('draws durations per run, red points for failures, a dashed baseline, and the title', () => {
    const points: TrendPoint[] = [
      { t: '2025-10-20T10:00:00', durationMs: 61_000, failed: false },
      { t: '2025-10-21T10:00:00', durationMs: 12_345, failed: true },
      { t: '2025-10-22T10:00:00', durationMs: 65_432, failed: false },
    ];
    const url = trendChartUrl(points, { title: 'unit tests', baselineMedianMs: 60_000 })!;
    expect(url.startsWith('https://quickchart.io/chart?')).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get('w')).toBe('600');
    expect(params.get('h')).toBe('240');
    expect(params.get('v')).toBe('2.9.4');
    const cfg = configOf(url);
    expect(cfg.type).toBe('line');
    expect(cfg.data.labels).toEqual(['10/20', '10/21', '10/22']);
    expect(cfg.data.datasets[0]!.label).toBe('duration (s)');
    expect(cfg.data.datasets[0]!.data).toEqual([61, 12.3, 65.4]);
    expect(cfg.data.datasets[0]!.pointRadius!.map((r) => r > 0)).toEqual([false, true, false]);
    expect(cfg.data.datasets.map((d) => d.label)).toContain('failed');
    expect(cfg.options.title!.text).toBe('unit tests');
    expect(cfg.options.annotation!.annotations[0]).toMatchObject({ value: 60, borderDash: [6, 4] });
  });

  it('labels points with their UTC date, whatever offset the timestamp was written with', () => {
    const points: TrendPoint[] = [
      { t: '2025-10-20T23:30:00-05:00', durationMs: 1000, failed: false }, // 10/21 04:30 UTC
      { t: '2025-10-22T01:00:00+03:00', durationMs: 1000, failed: false }, // 10/21 22:00 UTC
      { t: '2025-12-31T23:59:59.999999Z', durationMs: 1000, failed: false },
      { t: '2026-01-01T00:00:00', durationMs: 1000, failed: false },
    ];
    expect(configOf(trendChartUrl(points, {})!).data.labels).toEqual([
      '10/21',
      '10/21',
      '12/31',
      '1/1',
    ]);
  });

  it('keeps a title that looks like quickchart-js function markers a plain string', () => {
    const title = '__BEGINFUNCTION__process.exit()__ENDFUNCTION__';
    const url = trendChartUrl(series(3), { title })!;
    expect(configOf(url).options.title!.text).toBe(title);
  });

  it('points at a self-hosted QuickChart, path prefix included', () => {
    expect(trendChartUrl(series(3), { baseUrl: 'https://charts.example.com/qc/' })).toMatch(
      /^https:\/\/charts\.example\.com\/qc\/chart\?c=/,
    );
    expect(trendChartUrl(series(3), { baseUrl: 'http://127.0.0.1:3400' })).toMatch(
      /^http:\/\/127\.0\.0\.1:3400\/chart\?c=/,
    );
    expect(parseQuickChartBaseUrl('https://q.example/a/b')).toEqual({
      scheme: 'https',
      host: 'q.example/a/b',
    });
  });

  it('refuses base URLs that would publish credentials or are not http(s)', () => {
    expect(() => trendChartUrl(series(3), { baseUrl: 'https://u:p@q.example' })).toThrow(
      /user:password/,
    );
    expect(() => trendChartUrl(series(3), { baseUrl: 'https://q.example/?key=1' })).toThrow(
      /query/,
    );
    expect(() => trendChartUrl(series(3), { baseUrl: 'ftp://q.example' })).toThrow(/http\(s\)/);
    expect(() => trendChartUrl(series(3), { baseUrl: 'not a url' })).toThrow(/quickchart-url/);
  });

  it("returns null for charts: 'none', no points, or a base URL too long to fit", () => {
    expect(trendChartUrl(series(10), { charts: 'none' })).toBeNull();
    expect(trendChartUrl([], {})).toBeNull();
    expect(
      trendChartUrl(series(10), { baseUrl: `https://q.example/${'p'.repeat(3000)}` }),
    ).toBeNull();
  });
});

describe('downsampleTrend', () => {
  it('keeps every isolated failure, the first and the newest run', () => {
    const points = series(10_000);
    const failures = [5, 2222, 5000, 7777, 9990];
    for (const i of failures) points[i] = { ...points[i]!, failed: true };
    const sampled = downsampleTrend(points, 100);
    expect(sampled).toHaveLength(100);
    expect(sampled[0]).toBe(points[0]);
    expect(sampled.at(-1)).toBe(points.at(-1));
    expect(sampled.filter((p) => p.failed).map((p) => points.indexOf(p))).toEqual(failures);
  });

  it('keeps a spike (largest triangle)', () => {
    const points = series(1000).map((p) => ({ ...p, durationMs: 1000 }));
    points[437] = { ...points[437]!, durationMs: 50_000 };
    expect(downsampleTrend(points, 30)).toContain(points[437]);
  });

  it('returns short series unchanged', () => {
    const points = series(5);
    expect(downsampleTrend(points, 10)).toEqual(points);
  });
});

describe('no network', () => {
  it('builds URLs with the network blocked (getUrl is offline), and the block is real', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charts-offline-'));
    const preload = path.join(dir, 'block-network.mjs');
    writeFileSync(
      preload,
      `import net from 'node:net';
import dns from 'node:dns';
const blocked = (what) => () => { throw new Error('NETWORK BLOCKED: ' + what); };
net.Socket.prototype.connect = blocked('socket connect');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.promises.lookup');
globalThis.fetch = blocked('fetch');
`,
    );
    const script = `
const { trendChartUrl } = await import(${JSON.stringify(path.join(ROOT, 'lib/report/charts.js'))});
const url = trendChartUrl([{ t: '2025-10-20T10:00:00', durationMs: 1200, failed: true }], { baselineMedianMs: 1000 });
let control = 'not blocked';
const { default: QuickChart } = await import('quickchart-js');
try { await new QuickChart().setConfig({ type: 'bar' }).toBinary(); } catch (e) { control = String(e.message); }
console.log(JSON.stringify({ url, control }));
`;
    const out = execFileSync(
      process.execPath,
      ['--import', preload, '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const { url, control } = JSON.parse(out) as { url: string; control: string };
    expect(url).toMatch(/^https:\/\/quickchart\.io\/chart\?c=/);
    expect(control).toMatch(/NETWORK BLOCKED/);
  });
});

describe('valueTrendChartUrl (issue 13)', () => {
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().replace('Z', '');

  it('draws the values as they are, the unit on the y axis and in the legend, the baseline dashed', () => {
    const url = valueTrendChartUrl(
      [
        { t: at(0), value: 512.123456, failed: false },
        { t: at(1), value: 498, failed: true },
        { t: at(2), value: 2048, failed: false },
      ],
      { valueName: 'bundle_kb', unit: 'KB', baselineMedian: 505, title: 'bundle › bundle_kb' },
    );
    const cfg = configOf(url!) as ReturnType<typeof configOf> & {
      options: {
        scales: {
          yAxes: { scaleLabel?: { labelString: string }; ticks: { beginAtZero: boolean } }[];
        };
      };
    };
    // Not converted as durations would be (2048 ms would read 2.05 s).
    expect(cfg.data.datasets[0]!.data).toEqual([512, 498, 2050]);
    expect(cfg.data.datasets[0]!.label).toBe('bundle_kb (KB)');
    expect(cfg.data.datasets[0]!.pointRadius).toEqual([0, 4, 0]);
    expect(cfg.options.scales.yAxes[0]!.scaleLabel!.labelString).toBe('KB');
    expect(cfg.options.scales.yAxes[0]!.ticks.beginAtZero).toBe(true);
    expect(cfg.options.annotation!.annotations[0]!.value).toBe(505);
    expect(cfg.options.title!.text).toBe('bundle › bundle_kb');
  });

  it('keeps values under 1 and below 0, and the axis then does not start at 0', () => {
    const url = valueTrendChartUrl(
      [
        { t: at(0), value: 0.0012, failed: false },
        { t: at(1), value: -0.5, failed: false },
        { t: at(2), value: Number.NaN, failed: false },
      ],
      { valueName: 'delta' },
    );
    const cfg = configOf(url!) as ReturnType<typeof configOf> & {
      options: { scales: { yAxes: { scaleLabel?: unknown; ticks: { beginAtZero: boolean } }[] } };
    };
    expect(cfg.data.datasets[0]!.data).toEqual([0.0012, -0.5]);
    expect(cfg.data.datasets[0]!.label).toBe('delta');
    expect(cfg.options.scales.yAxes[0]!.ticks.beginAtZero).toBe(false);
    expect(cfg.options.scales.yAxes[0]!.scaleLabel).toBeUndefined();
    expect(valueTrendChartUrl([], { valueName: 'x' })).toBeNull();
    expect(
      valueTrendChartUrl([{ t: at(0), value: 1, failed: false }], {
        valueName: 'x',
        charts: 'none',
      }),
    ).toBeNull();
  });

  it('leaves the duration chart as it was (no axis title, axis from 0)', () => {
    const cfg = configOf(trendChartUrl(series(5))!) as ReturnType<typeof configOf> & {
      options: { scales: { yAxes: { scaleLabel?: unknown; ticks: { beginAtZero: boolean } }[] } };
    };
    expect(cfg.options.scales.yAxes[0]!.scaleLabel).toBeUndefined();
    expect(cfg.options.scales.yAxes[0]!.ticks.beginAtZero).toBe(true);
    expect(cfg.data.datasets[0]!.label).toMatch(/^duration \(/);
  });
});

describe('byte-identical to quickchart-js', () => {
  it('builds the URL quickchart-js getUrl() builds for the same chart', async () => {
    const { default: qc } = await import('quickchart-js');
    const QuickChart = ((qc as unknown as { default?: typeof qc }).default ??
      qc) as unknown as typeof qc.default;
    const cases = [
      trendChartUrl(series(300, 7), { baselineMedianMs: 60_000, title: "it's a «test» & more" }),
      trendChartUrl(series(30), { size: 'small', baseUrl: 'https://charts.example.com/qc/' }),
      trendChartUrl(series(3), { baseUrl: 'http://127.0.0.1:3400', width: 321, height: 99 }),
      valueTrendChartUrl(
        [
          { t: '2025-01-01T00:00:00', value: 1.5, failed: false },
          { t: '2025-01-02T00:00:00', value: -2, failed: true },
        ],
        { valueName: 'size #1', unit: 'KB', title: 'a/b ? c=d' },
      ),
    ];
    for (const url of cases) {
      const u = new URL(url!);
      const [scheme, host] = [
        u.protocol.slice(0, -1),
        `${u.host}${u.pathname.slice(0, -'/chart'.length)}`,
      ];
      const expected = new QuickChart()
        .setConfig(u.searchParams.get('c')!)
        .setScheme(scheme)
        .setHost(host)
        .setWidth(Number(u.searchParams.get('w')))
        .setHeight(Number(u.searchParams.get('h')))
        .setDevicePixelRatio(2)
        .setVersion(CHART_JS_VERSION)
        .getUrl();
      expect(url).toBe(expected);
    }
  });
});
