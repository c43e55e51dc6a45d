import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DevMetricsError } from '../../src/core/errors.js';
import { dayFileName, serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import {
  buildDashboardModel,
  embedJson,
  generateDashboard,
  renderDashboard,
  type DashboardModel,
} from '../../src/report/dashboard/index.js';
import { DASHBOARD_CLIENT_JS } from '../../src/report/dashboard/client.generated.js';
import { needsAttention } from '../../src/insight/attention.js';
import { downsampleIndices, pointBudget } from '../../src/report/dashboard/downsample.js';
import { branchUrl, commitUrl, repositoryUrl, runUrl } from '../../src/report/dashboard/links.js';
import {
  bigHistory,
  demoHistory,
  record,
  xssHistory,
  XSS_SCRIPT,
} from '../helpers/dashboard-history.js';

const NOW = Date.UTC(2025, 9, 20, 12, 0, 0);
const generatedAt = new Date(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function modelOf(html: string): DashboardModel {
  const m = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(html);
  if (m === null) throw new Error('no data script');
  return JSON.parse(m[1] ?? '') as DashboardModel;
}

/** The records' lines by day file name, in the order given. */
function dayFileTexts(recs: ExecutionRecord[]): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const r of recs) {
    const f = dayFileName(r.started_at);
    byFile.set(f, (byFile.get(f) ?? '') + serializeRecord(r) + '\n');
  }
  return byFile;
}

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
}

describe('renderDashboard: safety', () => {
  const html = renderDashboard(xssHistory(NOW), { generatedAt, title: '<b>Title</b> & "co"' });

  it('keeps payloads inside the JSON, escaped, so they cannot close the script or run', () => {
    // Exactly our two script tags: the data and the one inline script.
    expect(scriptsOf(html)).toEqual(['<script type="application/json" id="data">', '<script>']);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('window.__pwned=1</script>');
    expect(html).not.toContain('\u2028');
    expect(html).not.toContain('<!--');
    const data = /id="data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(data).not.toMatch(/[<>&]/);
    expect(data).toContain('\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1');
    // …and the JSON round-trips to the exact original name.
    expect(modelOf(html).ops).toContain(XSS_SCRIPT);
  });

  it('escapes the title in HTML', () => {
    expect(html).toContain('<title>&#60;b&#62;Title&#60;/b&#62; &#38; &#34;co&#34;</title>');
    expect(modelOf(html).title).toBe('<b>Title</b> & "co"');
  });

  it('builds no link from javascript: or malformed server_url/repository/run_id', () => {
    const model = modelOf(html);
    for (const run of model.runs) {
      expect(run.commitUrl).toBeNull();
      expect(run.branchUrl).toBeNull();
      expect(run.runUrl).toBeNull();
      expect(run.prUrl).toBeNull();
    }
    expect(JSON.stringify(model)).not.toMatch(/"(https?|javascript):[^"]*"/i);
  });

  it('has a strict CSP that allows exactly the inline script and stylesheet by hash', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string): string => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(css)}'`);
  });

  it('loads nothing from the network: no external URL in src/href attributes', () => {
    expect(html).not.toMatch(/\s(?:src|href)="(?!data:)/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes U+2028/2029 and & < > in embedded JSON', () => {
    expect(embedJson({ a: '</script>\u2028\u2029&' })).toBe(
      '{"a":"\\u003c/script\\u003e\\u2028\\u2029\\u0026"}',
    );
  });

  it('the client script is valid JavaScript and cannot end its own script element', () => {
    expect(() => new Function(DASHBOARD_CLIENT_JS)).not.toThrow();
    expect(DASHBOARD_CLIENT_JS).not.toMatch(
      /<\/script|<!--|innerHTML|outerHTML|insertAdjacentHTML|eval\(/i,
    );
  });
});

describe('renderDashboard: redaction and truncation of published text', () => {
  it('redacts secrets in errors and metadata and truncates long errors', () => {
    const token = `ghp_${'A1b2C3d4'.repeat(5)}`;
    const long = `${'x'.repeat(5000)}\nfinal line: token=${token}`;
    const records = [
      record(
        'deploy',
        NOW - HOUR,
        1200,
        false,
        { api_key: 'sk-live-123456789', password: 'p4ssw0rd!' },
        long,
      ),
      record(
        'deploy',
        NOW - 2 * HOUR,
        1100,
        false,
        {},
        `curl -H "Authorization: Bearer ${token}" https://u:hunter2@x.io`,
      ),
    ];
    const html = renderDashboard(records, { generatedAt });
    expect(html).not.toContain(token);
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('sk-live-123456789');
    expect(html).not.toContain('p4ssw0rd');
    const runs = modelOf(html).runs;
    expect(runs[0]?.error?.length).toBeLessThanOrEqual(500);
    expect(runs[0]?.error).toContain('final line'); // the end of an error is what matters
  });
});

describe('buildDashboardModel', () => {
  it('computes exact per-operation statistics per range and branch, and marks failures', () => {
    const recs: ExecutionRecord[] = [];
    const ci = (branch: string, sha: string) => ({ ci: { branch, sha, repository: 'o/r' } });
    for (let i = 0; i < 10; i++) {
      recs.push(
        record('test', NOW - (20 - i) * DAY, 1000 + i * 100, true, ci('main', 'a'.repeat(40))),
      );
    }
    recs.push(record('test', NOW - 2 * DAY, 5000, false, ci('feat/x', 'b'.repeat(40)), 'boom'));
    recs.push(record('test', NOW - 40 * DAY, 9999, true, ci('main', 'c'.repeat(40)))); // outside 30 days
    const model = buildDashboardModel(recs, { generatedAt, days: 30 });
    expect(model.ranges.map((r) => r.days)).toEqual([7, 30]);
    expect(model.totals.records).toBe(11);
    const stats = model.stats[0] ?? [];
    const entry = (branch: number, range: number): number[] | undefined => {
      for (let i = 0; i < stats.length; i += 9) {
        if (stats[i] === branch && stats[i + 1] === range) return stats.slice(i + 2, i + 9);
      }
      return undefined;
    };
    // all branches, whole window: 11 runs, 1 failure, p50 of 1000..1900 + 5000 = 1500
    expect(entry(-1, 1)?.slice(0, 4)).toEqual([11, 1, round1((14500 + 5000) / 11), 1500]);
    // last 7 days: only the failed feat/x run
    expect(entry(-1, 0)?.slice(0, 2)).toEqual([1, 1]);
    const main = model.branches.indexOf('main');
    expect(main).toBe(0); // most-run branch first
    expect(entry(main, 1)?.slice(0, 2)).toEqual([10, 0]);
    const points = model.series[0] ?? [];
    expect(points.length / 6).toBe(11);
    const failed = [];
    for (let i = 0; i < points.length; i += 6) if (points[i + 2] === 0) failed.push(points[i + 1]);
    expect(failed).toEqual([5000]);
    // The failing run's link uses github.com by default and the commit sha.
    expect(model.runs[0]?.commitUrl).toBe(`https://github.com/o/r/commit/${'b'.repeat(40)}`);
    expect(model.runs[0]?.branchUrl).toBe('https://github.com/o/r/tree/feat/x');
  });

  it('flags slower, flaky and failing operations in the attention panel', () => {
    const model = buildDashboardModel(demoHistory(NOW), { generatedAt });
    const kinds = model.attention.map((a) => `${a.kind}:${a.name}`);
    expect(kinds).toContain('slower:build');
    expect(kinds).toContain('flaky:unit tests');
    expect(kinds).toContain('failing:e2e tests');
    expect(kinds).not.toContain('slower:lint');
  });

  it("gives exactly insight's needsAttention over the full records, from its reduced input", () => {
    for (const seed of [1, 2, 3]) {
      const records = demoHistory(NOW, 45, seed);
      const model = buildDashboardModel(records, { generatedAt, days: 45 });
      const direct = needsAttention(records, { now: NOW, defaultBranch: 'main' });
      expect(model.attention).toEqual(direct);
      expect(direct.length).toBeGreaterThan(0);
      const noBranch = buildDashboardModel(records, {
        generatedAt,
        days: 45,
        defaultBranch: 'nope',
      });
      expect(noBranch.attention).toEqual(needsAttention(records, { now: NOW }));
    }
  });

  it('uses attention items passed in instead of the built-in rules', () => {
    const model = buildDashboardModel(demoHistory(NOW), {
      generatedAt,
      attention: [{ name: 'lint', kind: 'slower', detail: 'from insight', score: 10 }],
    });
    expect(model.attention).toEqual([
      { name: 'lint', kind: 'slower', detail: 'from insight', score: 10 },
    ]);
  });

  it('skips records it cannot use and counts them', () => {
    const bad = [
      { ...record('x', NOW - HOUR, 10, true), started_at: 'yesterday' },
      { ...record('x', NOW - HOUR, 10, true), duration_ms: Number.NaN },
      record('x', NOW - HOUR, 10, true),
    ];
    const model = buildDashboardModel(bad, { generatedAt });
    expect(model.totals).toMatchObject({ records: 1, skipped: 2, operations: 1 });
  });

  it('rejects a days value that is not a positive number with a clear message', () => {
    expect(() => buildDashboardModel([], { days: 0 })).toThrow(/days must be a positive number/);
  });
});

describe('links and bounds', () => {
  it('links only to http(s) servers without credentials and owner/name repositories', () => {
    expect(repositoryUrl(undefined, 'o/r')).toBe('https://github.com/o/r');
    expect(repositoryUrl('https://ghe.example.com/', 'o/r')).toBe('https://ghe.example.com/o/r');
    expect(repositoryUrl('javascript:alert(1)//', 'o/r')).toBeNull();
    expect(repositoryUrl('data:text/html,x', 'o/r')).toBeNull();
    expect(repositoryUrl('https://u:p@github.com', 'o/r')).toBeNull();
    expect(repositoryUrl('https://github.com', 'o/r/x')).toBeNull();
    expect(repositoryUrl('https://github.com', '../..')).toBeNull();
    expect(repositoryUrl('https://github.com', 'o/<img>')).toBeNull();
    expect(commitUrl('https://github.com/o/r', 'ABCDEF1')).toBe(
      'https://github.com/o/r/commit/abcdef1',
    );
    expect(commitUrl('https://github.com/o/r', 'main')).toBeNull();
    expect(branchUrl('https://github.com/o/r', 'feat/a b#c')).toBe(
      'https://github.com/o/r/tree/feat/a%20b%23c',
    );
    for (const branch of ['../../../evil', 'feat/../../x', './x', 'a/.', '..']) {
      expect(branchUrl('https://github.com/o/r', branch), branch).toBeNull();
    }
    expect(branchUrl('https://github.com/o/r', 'v1..2/.hidden/x.')).toBe(
      'https://github.com/o/r/tree/v1..2/.hidden/x.',
    );
    expect(runUrl('https://github.com/o/r', 123)).toBe('https://github.com/o/r/actions/runs/123');
    expect(runUrl('https://github.com/o/r', '1;alert(1)')).toBeNull();
  });

  it('splits the point budget when operations are many, within 60–300 per range', () => {
    expect(pointBudget(1)).toBe(300);
    expect(pointBudget(40)).toBe(300);
    expect(pointBudget(100)).toBe(120);
    expect(pointBudget(10_000)).toBe(60);
  });

  it('downsampling keeps all points that fit and at most the budget otherwise', () => {
    const n = 10_000;
    const t = Float64Array.from({ length: n }, (_, i) => i);
    const ms = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const failed = Uint8Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 1 : 0));
    expect(downsampleIndices(t, ms, failed, 100, 400, 300)).toHaveLength(300);
    const kept = downsampleIndices(t, ms, failed, 0, n, 300);
    expect(kept.length).toBeLessThanOrEqual(300);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});

describe('size and time bounds', () => {
  it('50,000 records: ≤ 300 points per operation and range, file < 1 MB', () => {
    const records = bigHistory(NOW, 50_000, 10, 30);
    const started = performance.now();
    const html = renderDashboard(records, { generatedAt, days: 30 });
    const seconds = (performance.now() - started) / 1000;
    const model = modelOf(html);
    expect(model.totals.records).toBe(50_000);
    for (const flat of model.series) {
      const masks = new Map<number, number>();
      for (let i = 5; i < flat.length; i += 6) {
        for (let r = 0; r < model.ranges.length; r++) {
          if ((flat[i] ?? 0) & (1 << r)) masks.set(r, (masks.get(r) ?? 0) + 1);
        }
      }
      for (const count of masks.values()) expect(count).toBeLessThanOrEqual(300);
    }
    expect(model.runs.length).toBeLessThanOrEqual(200 + 5 * 10);
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(1_000_000);
    console.log(
      `dashboard: 50,000 records -> ${Math.round(bytes / 1024)} KiB in ${seconds.toFixed(2)} s`,
    );
  });

  it('many operations: charts for the 50 most relevant, the rest as compact table rows', () => {
    // 2,000 operations; op-0007 and op-1500 fail their last runs (needs attention); op-1900..1909
    // have the most runs; the others 2 runs each.
    const recs: ExecutionRecord[] = [];
    const name = (i: number) => `op-${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 2000; i++) {
      const runs = i >= 1900 && i < 1910 ? 12 - (i - 1900) / 2 : 2;
      for (let k = 0; k < runs; k++) {
        const failing = (i === 7 || i === 1500) && k >= runs - 2;
        recs.push(record(name(i), NOW - (k + 1) * HOUR - i * 1000, 1000 + i, !failing));
      }
    }
    const model = buildDashboardModel(recs, { generatedAt, days: 30 });
    expect(model.totals.operations).toBe(2000);
    expect(model.ops).toHaveLength(2000);
    expect(model.charted).toBe(50);
    expect(model.series).toHaveLength(50);
    expect(model.stats).toHaveLength(50);
    expect(model.limits.chartedOperations).toBe(50);
    // Needs attention first (most urgent first), then the most runs, then the latest run.
    expect(model.attention.map((a) => a.name)).toEqual(
      expect.arrayContaining([name(7), name(1500)]),
    );
    expect(model.ops.slice(0, 2).sort()).toEqual([name(7), name(1500)].sort());
    expect(model.ops.slice(2, 12)).toEqual(Array.from({ length: 10 }, (_, k) => name(1900 + k)));
    // Then equal runs: the most recent last run first (lower i ran later).
    expect(model.ops.slice(12, 15)).toEqual([name(0), name(1), name(2)]);
    // The table: [runs, failures, p50, p95, lastT, lastOk] for each of the other 1,950.
    expect(model.table).toHaveLength(1950 * 6);
    const row = model.ops.indexOf(name(999)) - model.charted;
    expect(row).toBeGreaterThanOrEqual(0);
    expect(model.table.slice(row * 6, row * 6 + 6)).toEqual([
      2,
      0,
      1999,
      1999,
      Math.round((NOW - HOUR - 999_000) / 1000 - model.t0),
      1,
    ]);
    // Run rows: the newest overall plus the newest few of the charted operations only.
    expect(model.runs.length).toBeLessThanOrEqual(200 + 5 * 50);
    for (const r of model.runs) expect(r.op).toBeLessThan(2000);
  });

  it('5,000 operations × 3 runs: the page stays small (bytes per operation bounded)', () => {
    const records = bigHistory(NOW, 15_000, 5_000, 30);
    const html = renderDashboard(records, { generatedAt, days: 30 });
    const model = modelOf(html);
    expect(model.charted).toBe(50);
    expect(model.table).toHaveLength((5_000 - 50) * 6);
    // Names (~15 chars) and six numbers per other operation, plus 50 charted ones and ≤ 450 run
    // rows: well under 100 bytes per operation beyond a fixed ~400 KB (it was ~1.4 KB each).
    expect(Buffer.byteLength(html)).toBeLessThan(400_000 + 100 * 5_000);
  });

  it('keeps every failure bucket and the extremes when downsampling', () => {
    const recs: ExecutionRecord[] = [];
    for (let i = 0; i < 3000; i++) {
      const ms = i === 1234 ? 99_999 : i === 2222 ? 1 : 1000 + (i % 7);
      recs.push(record('op', NOW - 29 * DAY + i * 800_000, ms, i !== 2500));
    }
    const model = buildDashboardModel(recs, { generatedAt });
    const flat = model.series[0] ?? [];
    const values: number[] = [];
    let failures = 0;
    for (let i = 0; i < flat.length; i += 6) {
      values.push(flat[i + 1] ?? 0);
      if (flat[i + 2] === 0) failures++;
    }
    expect(values).toContain(99_999);
    expect(values).toContain(1);
    expect(failures).toBe(1);
  });
});

describe('generateDashboard', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('reads the day files, writes the page (creating directories) and reports what it wrote', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const metricsDir = path.join(dir, '.metrics');
    await mkdir(metricsDir);
    const now = Date.now();
    const recs = [
      record('build', now - 2 * HOUR, 1500, true),
      record('build', now - 1 * HOUR, 1700, false, {}, 'boom'),
      record('test', now - 1 * HOUR, 900, true),
      record('old', now - 60 * DAY, 900, true),
    ];
    const byFile = dayFileTexts(recs);
    const first = [...byFile.keys()][0] ?? '';
    byFile.set(first, `${byFile.get(first)}{not json\n`);
    for (const [f, text] of byFile) await writeFile(path.join(metricsDir, f), text);

    const warnings: string[] = [];
    const outputFile = path.join(dir, 'site', 'deep', 'dash.html');
    const result = await generateDashboard({
      metricsDir,
      outputFile,
      days: 30,
      onWarning: (m) => warnings.push(m),
    });
    const html = await readFile(outputFile, 'utf8');
    expect(result).toEqual({
      outputFile,
      operations: 2,
      records: 3,
      bytes: Buffer.byteLength(html),
    });
    expect(modelOf(html).ops).toEqual(['build', 'test']);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('a folder read newest first keeps the same runs as the records in memory (runs table bound)', async () => {
    // Over MAX_RUN_ROWS runs a step: the read keeps only runs that can still be among the newest
    // (day files newest first, each day's lines in the order jobs appended them, not by start),
    // and must keep exactly those.
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const metricsDir = path.join(dir, '.metrics');
    await mkdir(metricsDir);
    const now = Date.now();
    const recs: ExecutionRecord[] = [];
    for (const name of ['build', 'test', 'lint']) {
      for (let k = 0; k < 700; k++) {
        recs.push(record(name, now - HOUR - k * 17 * 60_000, 1000 + ((k * 37) % 500), k % 9 !== 0));
      }
    }
    // Appended out of start order (parallel jobs end in any order): a fixed shuffle.
    recs.sort((a, b) => a.started_at.localeCompare(b.started_at));
    for (let i = recs.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [recs[i], recs[j]] = [recs[j]!, recs[i]!];
    }
    const byFile = dayFileTexts(recs);
    for (const [f, text] of byFile) await writeFile(path.join(metricsDir, f), text);
    const at = new Date(now);
    const fromFolder = modelOf(
      await readFile(
        (
          await generateDashboard({
            metricsDir,
            outputFile: path.join(dir, 'a.html'),
            generatedAt: at,
          })
        ).outputFile,
        'utf8',
      ),
    );
    const inMemory = buildDashboardModel([...recs].reverse(), { generatedAt: at, days: 30 });
    expect(fromFolder.runs.length).toBeGreaterThan(0);
    expect(fromFolder.runs).toEqual(JSON.parse(JSON.stringify(inMemory.runs)));
  });

  it('models records the caller already read, within the window, without reading metricsDir', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const metricsDir = path.join(dir, '.metrics');
    await mkdir(metricsDir);
    const now = Date.now();
    // On disk: another history, which must not show.
    const onDisk = record('on-disk', now - HOUR, 100, true);
    await writeFile(
      path.join(metricsDir, dayFileName(onDisk.started_at)),
      serializeRecord(onDisk) + '\n',
    );
    const outputFile = path.join(dir, 'dash.html');
    const result = await generateDashboard({
      metricsDir,
      outputFile,
      days: 30,
      records: [
        record('build', now - 2 * HOUR, 1500, true),
        record('test', now - HOUR, 900, true),
        record('old', now - 60 * DAY, 900, true),
      ],
    });
    const html = await readFile(outputFile, 'utf8');
    expect(result).toMatchObject({ outputFile, operations: 2, records: 2 });
    expect([...modelOf(html).ops].sort()).toEqual(['build', 'test']);
  });

  it('writes an empty dashboard for a missing history, under <metricsDir>/dashboard.html', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const metricsDir = path.join(dir, 'none');
    const result = await generateDashboard({ metricsDir });
    expect(result).toMatchObject({
      outputFile: path.join(metricsDir, 'dashboard.html'),
      records: 0,
    });
  });

  it('refuses a directory as outputFile with a one-line error and removes its temp file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const outputFile = path.join(dir, 'out');
    await mkdir(outputFile);
    await writeFile(path.join(outputFile, 'keep.txt'), 'mine');
    const error = await generateDashboard({ metricsDir: path.join(dir, 'none'), outputFile }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DevMetricsError);
    expect((error as Error).message).toBe(
      `generateDashboard: cannot write outputFile '${outputFile}': it is a directory; ` +
        `pass a file path like ${path.join(outputFile, 'dashboard.html')}`,
    );
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readdir(outputFile)).toEqual(['keep.txt']);
  });

  it('refuses a metricsDir that is a file with a one-line error naming outputFile', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const metricsDir = path.join(dir, 'metrics.txt');
    await writeFile(metricsDir, 'not a directory');
    const outputFile = path.join(metricsDir, 'dashboard.html');
    const error = await generateDashboard({ metricsDir, onWarning: () => {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DevMetricsError);
    expect((error as Error).message).toBe(
      `generateDashboard: cannot write outputFile '${outputFile}': ` +
        `'${metricsDir}' is a file, not a directory; pass a metricsDir that is a directory`,
    );
    expect((error as Error).message).not.toContain('\n');
    expect(await readdir(dir)).toEqual(['metrics.txt']);
  });

  it('writes through a temp file in the output directory, named after the output file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-dash-'));
    dirs.push(dir);
    const site = path.join(dir, 'site');
    await mkdir(site);
    // A directory squatting on the temp name makes the write fail at exactly that path.
    const temp = path.join(site, `.dash.html.${process.pid}.tmp`);
    await mkdir(temp);
    await expect(
      generateDashboard({
        metricsDir: path.join(dir, 'none'),
        outputFile: path.join(site, 'dash.html'),
      }),
    ).rejects.toThrow(
      new DevMetricsError(
        `generateDashboard: cannot write outputFile '${path.join(site, 'dash.html')}': ` +
          `EISDIR; check the path and its permissions`,
      ),
    );
    expect(await readdir(site)).toEqual([`.dash.html.${process.pid}.tmp`]);
  });

  it('rejects a bad days option with a one-line message', async () => {
    await expect(generateDashboard({ days: -3 })).rejects.toThrow(
      'generateDashboard: days must be a positive number, got -3; e.g. days: 30',
    );
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

describe('DashboardModelBuilder on a shared columnar history', () => {
  it('gives the model of the valid records when rows are left out, with ref and metadata.sha fallbacks', async () => {
    const { ColumnarHistory } = await import('../../src/core/history.js');
    const { sourceOf } = await import('../../src/core/history-read.js');
    const { DashboardModelBuilder } = await import('../../src/report/dashboard/model.js');
    const records = demoHistory(NOW);
    // Every third record carries its branch only in ci.ref and its commit only in metadata.sha.
    const shaped = records.map((r, i) => {
      if (i % 3 !== 0) return r;
      const ci = { ...((r.metadata as { ci?: Record<string, unknown> }).ci ?? {}) };
      const branch = ci.branch;
      delete ci.branch;
      delete ci.sha;
      return {
        ...r,
        metadata: {
          ...r.metadata,
          ci: { ...ci, ref: `refs/heads/${String(branch ?? 'main')}` },
          sha: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
        },
      };
    });
    const history = new ColumnarHistory();
    const builder = new DashboardModelBuilder({ generatedAt, days: 30 });
    shaped.forEach((r, i) => {
      // A row the model must leave out (no measured duration) every 5th record.
      if (i % 5 === 2) history.add({ ...r, duration_ms: Number.NaN });
      builder.addRow(history, history.add(r), sourceOf(r));
    });
    const direct = buildDashboardModel(shaped, { generatedAt, days: 30 });
    expect(builder.build()).toEqual(direct);
    expect(direct.commits).toContain('abcdef0123456789abcdef0123456789abcdef01');
  });
});
