// `dev-metrics export`: the compiled CLI backfills a history into a loopback OTLP receiver.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { startOtlpReceiver, type OtlpReceiver } from '../fakes/otlp-receiver.js';
import { killLeftovers, runCli, tempDir } from './helpers.js';

let receiver: OtlpReceiver;
const tmp = tempDir();
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  killLeftovers();
  await receiver.close();
  tmp.cleanup();
});
afterEach(() => {
  receiver.spans.length = 0;
  receiver.points.length = 0;
  receiver.requests.length = 0;
});

const DAY_MS = 86_400_000;

/** `count` records over the last `days` days, 4 per run (2 jobs × 2 steps), in day files. */
function writeHistory(dir: string, count: number, days: number): void {
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  const byDay = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const start = now - days * DAY_MS + Math.floor((i / count) * days * DAY_MS);
    const duration = 1000 + (i % 97) * 50;
    const run = Math.floor(i / 4);
    const record: ExecutionRecord = {
      name: i % 2 === 0 ? 'compile' : 'unit_tests',
      started_at: formatTimestamp(start),
      ended_at: formatTimestamp(start + duration),
      duration_ms: duration,
      status: i % 13 === 0 ? 'failed' : 'success',
      metadata: {
        ci: {
          provider: 'github-actions',
          repository: 'octo-org/octo-repo',
          server_url: 'https://github.com',
          workflow: 'CI',
          job: i % 4 < 2 ? 'build' : 'test',
          run_id: String(1000 + run),
          run_attempt: 1,
          sha: 'c'.repeat(40),
          branch: 'main',
        },
      },
      error: i % 13 === 0 ? 'exit code 1' : null,
    };
    const file = `${record.started_at.slice(0, 10)}.jsonl`;
    const lines = byDay.get(file) ?? [];
    lines.push(JSON.stringify(record));
    byDay.set(file, lines);
  }
  for (const [file, lines] of byDay) writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
}

describe('dev-metrics export', () => {
  it('backfills a history with progress and a final count; runs share a trace across jobs', async () => {
    const dir = path.join(tmp.dir, 'history');
    writeHistory(dir, 24_000, 60);
    const result = await runCli(['export', '--metrics-dir', dir], {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^dev-metrics: export: 10000 executions sent \(\d+\.\d s\)$/m);
    expect(result.stderr).toMatch(/^dev-metrics: export: 20000 executions sent/m);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Exported 24000 executions \\(12000 job spans, \\d+ metric points\\) to ${receiver.origin}/v1/traces and ${receiver.origin}/v1/metrics in \\d+(\\.\\d)? s \\(\\d+ requests\\)\\.\\n$`,
      ),
    );
    expect(receiver.spans).toHaveLength(24_000 + 12_000);
    // Run 1000: 2 jobs × 2 steps, all in one trace, each step under its job.
    const run = receiver.spans.filter((s) => s.attributes['cicd.pipeline.run.id'] === '1000');
    expect(run).toHaveLength(6);
    expect(new Set(run.map((s) => s.traceId)).size).toBe(1);
    const jobs = run.filter((s) => s.parentSpanId === '');
    expect(jobs.map((s) => s.name).sort()).toEqual(['build', 'test']);
    for (const step of run.filter((s) => s.parentSpanId !== '')) {
      const parent = jobs.find((j) => j.spanId === step.parentSpanId)!;
      expect(parent.name).toBe(step.attributes['dev_metrics.ci.job']);
    }
    const executions = receiver.points
      .filter((p) => p.metric === 'dev_metrics.executions')
      .reduce((sum, p) => sum + p.value!, 0);
    expect(executions).toBe(24_000);
  }, 120_000);

  it('--days N sends only the last N days; --json gives the counts', async () => {
    const dir = path.join(tmp.dir, 'recent');
    writeHistory(dir, 400, 40);
    const result = await runCli(['export', '--days', '10', '--json', '--metrics-dir', dir], {
      env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.origin}/v1/traces` },
    });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    // Only traces have an endpoint: no metrics sent.
    expect(summary).toMatchObject({ metricPoints: 0, metricsUrl: null });
    expect(summary.executions).toBeGreaterThanOrEqual(99);
    expect(summary.executions).toBeLessThanOrEqual(101);
    expect(receiver.points).toHaveLength(0);
  });

  it('without an endpoint: one line saying what to set, exit 1', async () => {
    const result = await runCli(['export', '--metrics-dir', tmp.dir], {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'dev-metrics: No OTLP endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://otel-collector:4318) or pass an endpoint\n',
    );
  });

  it('a rejected batch stops the export with one line: the status and the body', async () => {
    const dir = path.join(tmp.dir, 'rejected');
    writeHistory(dir, 10, 1);
    receiver.fault({ status: 401, body: '{"error":"missing api key"}' });
    try {
      const result = await runCli(['export', '--metrics-dir', dir, '--endpoint', receiver.origin], {
        env: { OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=wrong-key-123' },
      });
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(result.stderr).toContain(
        `trace export to ${receiver.origin}/v1/traces failed: HTTP 401 Unauthorized: {"error":"missing api key"}`,
      );
      expect(result.stderr).not.toContain('wrong-key-123');
    } finally {
      receiver.fault(null);
    }
  });

  it('bad --days is a usage error', async () => {
    const result = await runCli(['export', '--days', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dev-metrics: --days must be a whole number ≥ 1, got '0'/);
  });
});
