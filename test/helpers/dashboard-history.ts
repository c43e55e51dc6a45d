/**
 * Deterministic histories for dashboard tests: a realistic demo (6 operations, 30 days, some
 * failures, one flaky, one regression, one failing), a hostile one (XSS payloads everywhere) and
 * a big synthetic one for size/time bounds.
 */
import type { ExecutionRecord } from '../../src/core/record.js';
import { formatTimestamp } from '../../src/core/record.js';
import { withValues, type RunValue } from '../../src/core/values.js';
import { prng } from './prng.js';

export { prng };

const DAY = 86_400_000;

function hex(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(rand() * 16).toString(16);
  return out;
}

export function record(
  name: string,
  startMs: number,
  durationMs: number,
  ok: boolean,
  metadata: Record<string, unknown> = {},
  error: string | null = null,
): ExecutionRecord {
  return {
    name,
    started_at: formatTimestamp(startMs),
    ended_at: formatTimestamp(startMs + durationMs),
    duration_ms: durationMs,
    status: ok ? 'success' : 'failed',
    metadata,
    error: ok ? null : (error ?? 'Command failed with exit code 1'),
  };
}

interface DemoOperation {
  name: string;
  baseMs: number;
  jitter: number;
}

export const DEMO_OPERATIONS: readonly DemoOperation[] = [
  { name: 'npm ci', baseMs: 41_000, jitter: 0.12 },
  { name: 'lint', baseMs: 11_500, jitter: 0.08 },
  { name: 'typecheck', baseMs: 17_800, jitter: 0.06 },
  { name: 'unit tests', baseMs: 94_000, jitter: 0.1 }, // flaky
  { name: 'build', baseMs: 38_000, jitter: 0.07 }, // regression in the last 6 days
  { name: 'e2e tests', baseMs: 236_000, jitter: 0.15 }, // failing lately
];

const BRANCHES = [
  'main',
  'main',
  'main',
  'feat/checkout-v2',
  'fix/cart-rounding',
  'renovate/vite-6',
];

/** ~9 CI runs a day over `days` days, each recording all six operations. */
export function demoHistory(nowMs: number, days = 30, seed = 7): ExecutionRecord[] {
  const rand = prng(seed);
  const records: ExecutionRecord[] = [];
  let runId = 11_873_000_000;
  for (let day = days - 1; day >= 0; day--) {
    const runsToday = 6 + Math.floor(rand() * 7);
    for (let r = 0; r < runsToday; r++) {
      const start = nowMs - day * DAY - Math.floor(rand() * DAY) - 3600_000;
      if (start > nowMs - 600_000) continue;
      const branch = BRANCHES[Math.floor(rand() * BRANCHES.length)] ?? 'main';
      const sha = hex(rand, 40);
      runId += 1 + Math.floor(rand() * 40);
      const attempts = rand() < 0.09 ? 2 : 1;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        let t = start + (attempt - 1) * 900_000;
        const ci = {
          provider: 'github-actions',
          repository: 'acme/storefront',
          server_url: 'https://github.com',
          sha,
          ref: `refs/heads/${branch}`,
          branch,
          event: branch === 'main' ? 'push' : 'pull_request',
          ...(branch === 'main' ? {} : { pr_number: 400 + (sha.charCodeAt(0) % 60) }),
          workflow: 'CI',
          job: 'build',
          run_id: String(runId),
          run_attempt: attempt,
          runner_os: 'Linux',
          default_branch: 'main',
        };
        for (const op of DEMO_OPERATIONS) {
          let ms = op.baseMs * (1 + (rand() * 2 - 1) * op.jitter);
          if (op.name === 'build' && t > nowMs - 6 * DAY) ms *= 1.42;
          if (rand() < 0.03) ms *= 1.6; // an occasional slow runner
          let ok = true;
          let error: string | null = null;
          if (op.name === 'unit tests' && attempts === 2 && attempt === 1) {
            ok = false;
            error =
              'FAIL src/cart/cart.test.ts > applies coupon once\n' +
              'AssertionError: expected 18.99 to be 19 // Object.is equality\n' +
              '    at src/cart/cart.test.ts:42:31';
          } else if (
            op.name === 'e2e tests' &&
            (rand() < 0.05 || (day === 0 && r >= runsToday - 2))
          ) {
            ok = false;
            ms *= 1.3;
            error =
              'TimeoutError: locator.click: Timeout 30000ms exceeded.\n' +
              "  waiting for getByRole('button', { name: 'Pay now' })\n" +
              '  POST https://deploy:hunter2@staging.acme.dev/api/session Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl';
          } else if (op.name === 'lint' && attempts === 1 && rand() < 0.02) {
            ok = false;
            error = "src/api/client.ts:88:7  error  'retries' is assigned a value but never used";
          }
          const values = demoValues(op.name, t, nowMs);
          const metadata = values.length ? withValues({ ci }, values) : { ci };
          records.push(record(op.name, t, Math.round(ms * 10) / 10, ok, metadata, error));
          t += ms + 1500;
          if (!ok) break; // later steps do not run after a failure
        }
      }
    }
  }
  return records.sort((a, b) => (a.started_at < b.started_at ? -1 : 1));
}

/**
 * Values some demo steps record (issue 13), from the run's time only (the demo's random sequence
 * stays as it was): build's bundle size grows 6% with its regression, unit tests' coverage
 * (bigger is better) drops in the last 6 days.
 */
function demoValues(op: string, t: number, nowMs: number): RunValue[] {
  const wiggle = ((t / 60_000) % 97) / 97; // 0..1, no pattern a reader would notice
  const recent = t > nowMs - 6 * DAY;
  if (op === 'build') {
    const kb = (412 + wiggle * 6) * (recent ? 1.06 : 1);
    return [
      { name: 'bundle_size', value: Math.round(kb * 10) / 10, unit: 'kB', better: 'smaller' },
    ];
  }
  if (op === 'unit tests') {
    const coverage = (recent ? 84.2 : 87.6) + wiggle * 0.6;
    return [
      { name: 'coverage', value: Math.round(coverage * 10) / 10, unit: '%', better: 'bigger' },
      { name: 'tests', value: recent ? 1284 : 1262, better: 'bigger' },
    ];
  }
  return [];
}

export const XSS_SCRIPT = '</script><script>window.__pwned=1</script>';
export const XSS_IMG = '<img src=x onerror="window.__pwned=1">';
export const XSS_SVG = '<svg onload="window.__pwned=1"></svg>';

/** A history whose names, branches, metadata, errors and links all carry payloads. */
export function xssHistory(nowMs: number): ExecutionRecord[] {
  const records: ExecutionRecord[] = [];
  const names = [XSS_SCRIPT, XSS_IMG, `"><b onmouseover="window.__pwned=1">x</b>`, 'normal op'];
  for (let i = 0; i < 40; i++) {
    const name = names[i % names.length] ?? 'x';
    const ci = {
      provider: 'github-actions',
      repository: i % 2 === 0 ? 'javascript:alert(1)//' : 'acme/<img src=x onerror=alert(1)>',
      server_url: i % 3 === 0 ? 'javascript:window.__pwned=1//' : 'https://github.com',
      sha: i % 2 === 0 ? `${XSS_IMG}` : 'deadbeefcafe1234deadbeefcafe1234deadbeef',
      branch: i % 2 === 0 ? XSS_SCRIPT : XSS_SVG,
      run_id: 'javascript:window.__pwned=1',
      pr_number: 7,
    };
    records.push(
      record(
        name,
        nowMs - (40 - i) * 3600_000,
        1000 + i * 37,
        i % 3 !== 0,
        { ci, note: XSS_IMG, [XSS_SCRIPT]: '\u2028\u2029<!--' },
        `${XSS_SCRIPT}\n${XSS_IMG}\n${XSS_SVG}`,
      ),
    );
  }
  return records;
}

/** `count` records over `days` days for `operations` operations: for size and time bounds. */
export function bigHistory(
  nowMs: number,
  count: number,
  operations = 10,
  days = 30,
): ExecutionRecord[] {
  const rand = prng(99);
  const step = (days * DAY) / count;
  const out: ExecutionRecord[] = new Array(count);
  const branches = ['main', 'develop', 'feat/a', 'feat/b'];
  for (let i = 0; i < count; i++) {
    const t = nowMs - days * DAY + i * step;
    const op = `operation-${i % operations}`;
    const ok = rand() > 0.04;
    out[i] = record(op, t, Math.round(500 + rand() * 2000), ok, {
      ci: {
        provider: 'github-actions',
        repository: 'acme/big',
        server_url: 'https://github.com',
        sha: hex(rand, 40),
        branch: branches[i % branches.length],
        run_id: String(1_000_000 + i),
      },
    });
  }
  return out;
}
