// Dashboard benchmark (issue 8, point 7): a history of many operations with a few runs each (by
// default 100,000 operations × 3 runs over 30 days), written as day files; then
// `dev-metrics dashboard` in a child process (wall time, peak RSS, file size), then the file in
// headless Chromium (time until the page says it is ready, console errors), when Chromium exists.
// Plain ESM JavaScript over the compiled CLI (lib/): run `npm run build` first.
// Usage: node bench/dashboard-bench.js [--operations N] [--runs R] [--values V] [--no-browser] [--keep]
// --values V: each run also records V numeric values (metadata.values, issue 13).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../lib/cli/main.js', import.meta.url));
const DAY_MS = 86_400_000;
const DAYS = 30;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOAD_TIMEOUT_MS = 120_000;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(random, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

/** The record line with `count` values in its metadata (half sizes in kB, half rates in ops/s). */
function withBenchValues(line, count, random) {
  const record = JSON.parse(line);
  const values = {};
  const info = {};
  for (let k = 0; k < count; k++) {
    const name = k % 2 === 0 ? `size_${k}` : `rate_${k}`;
    values[name] = Math.round((100 + random() * 900) * 10) / 10;
    info[name] =
      k % 2 === 0 ? { unit: 'kB', better: 'smaller' } : { unit: 'ops/s', better: 'bigger' };
  }
  record.metadata.values = values;
  record.metadata.value_info = info;
  return JSON.stringify(record);
}

/** `operations` × `runs` records spread over the last DAYS days; a few operations fail. */
export async function generateManyOperations(
  dir,
  operations,
  runs,
  nowMs = Date.now(),
  values = 0,
) {
  const random = prng(8_000_007);
  const byDay = new Map();
  const branches = ['main', 'main', 'main', 'develop', 'feat/a', 'feat/b'];
  for (let op = 0; op < operations; op++) {
    // Test-case-like names, as a suite that records each test gets.
    const name = `suite-${op % 97}/test_${op.toString(36)}_${hex(random, 6)}`;
    const baseMs = 20 + random() * 5000;
    const failRate = op % 50 === 0 ? 0.5 : 0.02;
    for (let r = 0; r < runs; r++) {
      const t = nowMs - Math.floor(random() * (DAYS - 0.01) * DAY_MS);
      const ms = Math.round(baseMs * (0.8 + random() * 0.4) * 1000) / 1000;
      const failed = random() < failRate;
      const iso = new Date(t).toISOString().replace('Z', '');
      const line = JSON.stringify({
        name,
        started_at: iso,
        ended_at: new Date(t + ms).toISOString().replace('Z', ''),
        duration_ms: ms,
        status: failed ? 'failed' : 'success',
        metadata: {
          ci: {
            provider: 'github-actions',
            repository: 'acme/huge',
            server_url: 'https://github.com',
            sha: hex(random, 40),
            branch: branches[Math.floor(random() * branches.length)],
            default_branch: 'main',
            run_id: String(9_000_000 + Math.floor(random() * 1e6)),
          },
        },
        error: failed ? `AssertionError: expected 1 to equal 2 in ${name}` : null,
      });
      const record = values > 0 ? withBenchValues(line, values, random) : line;
      const day = iso.slice(0, 10);
      let lines = byDay.get(day);
      if (lines === undefined) byDay.set(day, (lines = []));
      lines.push(record);
    }
  }
  let bytes = 0;
  for (const [day, lines] of byDay) {
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, `${day}.jsonl`), text);
  }
  return { records: operations * runs, bytes };
}

/** Runs the CLI; resolves with wall time and the child's peak RSS (from /usr/bin/time when present). */
function runCli(args) {
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime
    ? ['/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, CLI, ...args]]
    : [process.execPath, [CLI, ...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const rss = /maxrss_kb=(\d+)/.exec(err);
      if (code !== 0) reject(new Error(`dev-metrics ${args[0]} exited ${code}: ${err.trim()}`));
      else resolve({ ms, rssMb: rss ? Number(rss[1]) / 1024 : null, stdout: out });
    });
  });
}

/** Loads the page in headless Chromium; time until html[data-ready], and the console errors. */
export async function loadInChromium(html) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/dashboard.html' ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
    });
    res.end(req.url === '/dashboard.html' ? html : '');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/dashboard.html`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const t0 = performance.now();
    try {
      await page.goto(url, { timeout: LOAD_TIMEOUT_MS, waitUntil: 'load' });
      await page.waitForSelector('html[data-ready="1"]', { timeout: LOAD_TIMEOUT_MS });
    } catch {
      return { loadMs: null, errors, timedOut: true };
    }
    const loadMs = performance.now() - t0;
    const domNodes = await page.evaluate('document.getElementsByTagName("*").length');
    return { loadMs, errors, domNodes };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

export async function runDashboardBench({
  operations = 100_000,
  runs = 3,
  values = 0,
  browser = true,
  keep = false,
} = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dev-metrics-dashboard-bench-'));
  let ok = true;
  try {
    const metricsDir = path.join(dir, 'metrics');
    await import('node:fs/promises').then((fs) => fs.mkdir(metricsDir));
    const history = await generateManyOperations(metricsDir, operations, runs, Date.now(), values);
    const fmt = (n) => n.toLocaleString('en-US');
    console.log(
      `dashboard: ${fmt(operations)} operations × ${runs} runs = ${fmt(history.records)} records ` +
        (values > 0 ? `with ${values} values each ` : '') +
        `(${(history.bytes / 1e6).toFixed(1)} MB of day files)`,
    );
    const output = path.join(dir, 'dashboard.html');
    const built = await runCli(['dashboard', '--metrics-dir', metricsDir, '--output', output]);
    const size = (await stat(output)).size;
    console.log(
      `  build: ${(built.ms / 1000).toFixed(1)} s wall` +
        (built.rssMb === null ? '' : `, ${built.rssMb.toFixed(0)} MB peak RSS`) +
        `; file: ${(size / 1e6).toFixed(2)} MB`,
    );
    if (browser) {
      const load = await loadInChromium(await readFile(output, 'utf8'));
      if (load.timedOut || (load.errors && load.errors.length > 0)) ok = false;
      if (load.skipped) console.log(`  browser: skipped (${load.skipped})`);
      else if (load.timedOut)
        console.log(
          `  browser: not ready after ${LOAD_TIMEOUT_MS / 1000} s; ${load.errors.length} console errors`,
        );
      else
        console.log(
          `  browser: ready in ${(load.loadMs / 1000).toFixed(1)} s, ${fmt(load.domNodes)} elements, ` +
            `${load.errors.length} console errors${load.errors.length ? `: ${load.errors[0]}` : ''}`,
        );
    }
    if (keep) console.log(`  kept: ${output}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  await runDashboardBench({
    operations: opt('--operations', 100_000),
    runs: opt('--runs', 3),
    values: opt('--values', 0),
    browser: !argv.includes('--no-browser'),
    keep: argv.includes('--keep'),
  });
}
