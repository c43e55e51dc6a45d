// getMetricsSummary over a history with values (issue 13): read from the files, per operation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DevMetricsCollector, type ValueSummary } from '../../src/index.js';
import { checkValue, withValues } from '../../src/core/values.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-summary-values-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('getMetricsSummary gives value statistics for operations with values only', async () => {
  const now = Date.UTC(2025, 9, 20, 12);
  const collector = new DevMetricsCollector({ metricsDir: dir, now: () => now, onWarning: null });
  const at = (h: number) => new Date(now - h * 3_600_000).toISOString().replace('Z', '');
  for (const [i, tokens] of [1200, 800, 1000].entries()) {
    await collector.recordExecution({
      name: 'llm',
      started_at: at(i + 1),
      ended_at: at(i + 1),
      duration_ms: 100,
      status: 'success',
      metadata: withValues({}, [checkValue('tokens', tokens, { unit: 'tokens' })]),
      error: null,
    });
  }
  await collector.recordExecution({
    name: 'lint',
    started_at: at(1),
    ended_at: at(1),
    duration_ms: 5,
    status: 'success',
    metadata: {},
    error: null,
  });
  const summary = await collector.getMetricsSummary();
  const tokens: ValueSummary = {
    count: 3,
    avg: 1000,
    min: 800,
    max: 1200,
    p50: 1000,
    p95: 1180,
    unit: 'tokens',
    better: 'smaller',
  };
  expect(summary.llm?.values).toEqual({ tokens });
  expect(summary.lint).not.toHaveProperty('values');
});
