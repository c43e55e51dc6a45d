/**
 * Backfill benchmark: `dev-metrics export` of 100,000 records (365 day files, 20 operations, runs of
 * 2 jobs × 2 steps) into a loopback OTLP/HTTP receiver that decodes every request with the official
 * proto definitions and counts what arrived. The CLI runs as users run it (lib/cli/main.js, a child
 * process), so the time is the command's wall time; the receiver's decoding runs beside it.
 *
 *   npm run build && npx tsc -p tsconfig.bench.json && node .bench-build/bench/otlp-backfill.js
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatTimestamp } from '../src/core/record.js';
import { startOtlpReceiver } from '../test/fakes/otlp-receiver.js';
import { ROOT } from '../test/helpers/runner.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
/** BENCH_DECODE=0: the receiver only counts bytes, so the time is the sender's alone. */
const DECODE = process.env.BENCH_DECODE !== '0';
const DAYS = 365;
const OPERATIONS = 20;
const DAY_MS = 86_400_000;

function writeHistory(dir: string): void {
  const now = Date.now();
  const byDay = new Map<string, string[]>();
  for (let i = 0; i < RECORDS; i++) {
    const start = now - DAYS * DAY_MS + Math.floor((i / RECORDS) * DAYS * DAY_MS);
    const duration = 500 + ((i * 7919) % 120_000);
    const failed = i % 17 === 0;
    const record = {
      name: `op_${i % OPERATIONS}`,
      started_at: formatTimestamp(start),
      ended_at: formatTimestamp(start + duration),
      duration_ms: duration,
      status: failed ? 'failed' : 'success',
      metadata: {
        suite: 'unit',
        ci: {
          provider: 'github-actions',
          repository: 'octo-org/octo-repo',
          server_url: 'https://github.com',
          sha: (i >> 2).toString(16).padStart(40, '0'),
          branch: 'main',
          event: 'push',
          workflow: 'CI',
          job: i % 4 < 2 ? 'build' : 'test',
          run_id: String(100_000 + (i >> 2)),
          run_attempt: 1,
          runner_os: 'Linux',
          runner_arch: 'X64',
          exit_code: failed ? 1 : 0,
        },
      },
      error: failed ? 'exit code 1\nAssertionError: expected 2 to be 3' : null,
    };
    const file = `${record.started_at.slice(0, 10)}.jsonl`;
    const lines = byDay.get(file) ?? [];
    lines.push(JSON.stringify(record));
    byDay.set(file, lines);
  }
  for (const [file, lines] of byDay) writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-otlp-bench-'));
  const receiver = await startOtlpReceiver({ decode: DECODE });
  try {
    writeHistory(dir);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'lib/cli/main.js'), 'export', '--metrics-dir', dir],
      {
        env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    const executions = receiver.points
      .filter((p) => p.metric === 'dev_metrics.executions')
      .reduce((sum, p) => sum + (p.value ?? 0), 0);
    const bytes = receiver.requests.reduce((sum, r) => sum + r.bytes, 0);
    process.stdout.write(stdout);
    console.log(
      `otlp backfill (${DECODE ? 'receiver decodes' : 'receiver counts bytes only'}): ${RECORDS} records → ${receiver.spans.length} spans, ${executions} executions ` +
        `counted in ${receiver.points.length / 2} metric points, ${receiver.requests.length} requests, ` +
        `${(bytes / 1e6).toFixed(1)} MB of protobuf, exit ${code}, ${seconds.toFixed(1)} s wall ` +
        `(${Math.round(RECORDS / seconds)} records/s)`,
    );
    if (code !== 0 || (DECODE && executions !== RECORDS)) process.exitCode = 1;
  } finally {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
