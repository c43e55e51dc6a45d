// A `.metrics/` history exactly as the Python tool writes it (json.dumps defaults: ", " and ": "
// separators, ASCII escapes, floats like 100.0, isoformat timestamps without offset) must read
// back with the same summaries. The lines below are literal, not produced by our serializer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';

const PYTHON_HISTORY: Record<string, string[]> = {
  '2025-10-17.jsonl': [
    '{"name": "build", "started_at": "2025-10-17T09:00:00", "ended_at": "2025-10-17T09:00:00.200000", "duration_ms": 200.0, "status": "success", "metadata": {}, "error": null}',
    '{"name": "lint", "started_at": "2025-10-17T10:00:00.000123", "ended_at": "2025-10-17T10:00:00.004123", "duration_ms": 4.0, "status": "failed", "metadata": {"branch": "main"}, "error": "caf\\u00e9 rule failed"}',
  ],
  '2025-10-18.jsonl': [
    '{"name": "build", "started_at": "2025-10-18T09:00:00", "ended_at": "2025-10-18T09:00:00.100000", "duration_ms": 100.0, "status": "success", "metadata": {"tags": ["a", "b"], "nested": {"k": 1.5}}, "error": null}',
    '{"name": "lint", "started_at": "2025-10-18T10:00:00", "ended_at": "2025-10-18T10:00:00.002000", "duration_ms": 2.0, "status": "failed", "metadata": {}, "error": "Traceback (most recent call last):\\n  ValueError: bad"}',
  ],
  '2025-10-19.jsonl': [
    '{"name": "build", "started_at": "2025-10-19T09:00:00", "ended_at": "2025-10-19T09:00:00.300000", "duration_ms": 300.0, "status": "failed", "metadata": {}, "error": "exit 1"}',
    '{"name": "lint", "started_at": "2025-10-19T10:00:00", "ended_at": "2025-10-19T10:00:00.001000", "duration_ms": 1.0, "status": "success", "metadata": {}, "error": null}',
  ],
  '2025-10-20.jsonl': [
    '{"name": "build", "started_at": "2025-10-20T08:00:00.250000", "ended_at": "2025-10-20T08:00:00.650000", "duration_ms": 400.0, "status": "success", "metadata": {}, "error": null}',
  ],
  // Older than the 7-day window: must not count.
  '2025-10-01.jsonl': [
    '{"name": "build", "started_at": "2025-10-01T09:00:00", "ended_at": "2025-10-01T09:00:09", "duration_ms": 9000.0, "status": "failed", "metadata": {}, "error": "old"}',
  ],
};

const NOW = Date.UTC(2025, 9, 20, 12, 0, 0);
let dir: string;
let warnings: string[];
let collector: DevMetricsCollector;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-python-'));
  for (const [name, lines] of Object.entries(PYTHON_HISTORY)) {
    fs.writeFileSync(path.join(dir, name), lines.map((l) => `${l}\n`).join(''));
  }
  warnings = [];
  collector = new DevMetricsCollector({
    metricsDir: dir,
    now: () => NOW,
    onWarning: (m) => warnings.push(m),
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a history in the Python tool format', () => {
  it('summarises to the hand-computed values', async () => {
    const summary = await collector.getMetricsSummary({ days: 7 });
    expect(summary).toEqual({
      build: {
        name: 'build',
        total_executions: 4,
        successes: 3,
        failures: 1,
        success_rate: 0.75,
        avg_duration_ms: 250,
        min_duration_ms: 100,
        max_duration_ms: 400,
        p50_duration_ms: 250,
        p90_duration_ms: 370,
        p95_duration_ms: 385,
        p99_duration_ms: 397,
        stddev_duration_ms: 129.1,
        last_status: 'success',
        last_run_at: '2025-10-20T08:00:00.250000',
      },
      lint: {
        name: 'lint',
        total_executions: 3,
        successes: 1,
        failures: 2,
        success_rate: 0.3333,
        avg_duration_ms: 2.33,
        min_duration_ms: 1,
        max_duration_ms: 4,
        p50_duration_ms: 2,
        p90_duration_ms: 3.6,
        p95_duration_ms: 3.8,
        p99_duration_ms: 3.96,
        stddev_duration_ms: 1.53,
        last_status: 'success',
        last_run_at: '2025-10-19T10:00:00',
      },
    });
    expect(warnings).toEqual([]);
  });

  it('includes the old file when the window reaches it', async () => {
    const summary = await collector.getMetricsSummary({ days: 30 });
    expect(summary.build?.total_executions).toBe(5);
    expect(summary.build?.max_duration_ms).toBe(9000);
  });

  it('reads fields exactly, escapes decoded, newest first', async () => {
    const recent = await collector.getRecentMetrics({ name: 'lint', limit: 2 });
    expect(recent.map((r) => r.started_at)).toEqual(['2025-10-19T10:00:00', '2025-10-18T10:00:00']);
    expect(recent[1]).toEqual({
      name: 'lint',
      started_at: '2025-10-18T10:00:00',
      ended_at: '2025-10-18T10:00:00.002000',
      duration_ms: 2,
      status: 'failed',
      metadata: {},
      error: 'Traceback (most recent call last):\n  ValueError: bad',
    });
    const all = await collector.getRecentMetrics({ limit: 100 });
    expect(all).toHaveLength(8);
    expect(all.at(-1)?.duration_ms).toBe(9000);
    expect(all.find((r) => r.error?.startsWith('caf'))?.error).toBe('café rule failed');
  });
});
