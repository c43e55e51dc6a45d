// Operations named like Object.prototype members (`__proto__`, `constructor`, `toString`,
// `hasOwnProperty`) are operations like any other in every output the library builds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import { formatTimestamp, serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import { summarize } from '../../src/core/stats.js';
import { needsAttention } from '../../src/insight/attention.js';
import { detectFlakiness } from '../../src/insight/flakiness.js';
import { trendVerdicts } from '../../src/insight/trend.js';
import { regressionVerdicts } from '../../src/insight/verdicts.js';
import { buildCommentRow, renderComment } from '../../src/report/comment-body.js';
import { buildDashboardModel } from '../../src/report/dashboard/model.js';
import { renderStepSummary } from '../../src/report/summary.js';

export const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const NOW = Date.UTC(2025, 9, 20, 12);

function runsOf(name: string, index: number): ExecutionRecord[] {
  return Array.from({ length: 12 }, (_, i) => {
    const start = NOW - (12 - i) * 3_600_000 - index * 60_000;
    const duration = 100 * (index + 1) + i;
    return {
      name,
      started_at: formatTimestamp(start),
      ended_at: formatTimestamp(start + duration),
      duration_ms: duration,
      status: i === 3 ? 'failed' : 'success',
      metadata: { ci: { sha: `sha${i % 6}`, branch: i >= 9 ? 'feature' : 'main' } },
      error: i === 3 ? 'boom' : null,
    } satisfies ExecutionRecord;
  });
}

const records = ODD_NAMES.flatMap(runsOf);
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-names-'));
  fs.writeFileSync(
    path.join(dir, '2025-10-20.jsonl'),
    records.map((r) => `${serializeRecord(r)}\n`).join(''),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const collector = (): DevMetricsCollector =>
  new DevMetricsCollector({ metricsDir: dir, now: () => NOW, onWarning: null });

describe('operations named like Object.prototype members', () => {
  it('getMetricsSummary and summarize: one own entry per operation, prototype untouched', async () => {
    for (const summary of [await collector().getMetricsSummary({ days: 7 }), summarize(records)]) {
      expect(Object.keys(summary)).toEqual(ODD_NAMES);
      for (const name of ODD_NAMES) {
        expect(Object.hasOwn(summary, name)).toBe(true);
        expect(summary[name]!.total_executions).toBe(12);
        expect(summary[name]!.name).toBe(name);
      }
      const json = JSON.parse(JSON.stringify(summary)) as object;
      expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value.failures).toBe(1);
      // A name that is not an operation is not found either.
      expect(summary.isPrototypeOf).toBeUndefined();
    }
  });

  it('getMetricsSummary({ name }) and getRecentMetrics({ name })', async () => {
    for (const name of ODD_NAMES) {
      const summary = await collector().getMetricsSummary({ days: 7, name });
      expect(Object.keys(summary)).toEqual([name]);
      const recent = await collector().getRecentMetrics({ name, limit: 3 });
      expect(recent.map((r) => r.name)).toEqual([name, name, name]);
    }
  });

  it('insight: flakiness, trend, regression verdicts and attention name every operation', () => {
    expect(
      detectFlakiness(records)
        .map((r) => r.name)
        .sort(),
    ).toEqual([...ODD_NAMES].sort());
    expect(trendVerdicts(records).map((v) => v.name)).toEqual([...ODD_NAMES].sort());
    const verdicts = regressionVerdicts(records, ODD_NAMES, {
      branch: 'feature',
      baseBranch: 'main',
    });
    expect(verdicts.map((v) => [v.name, v.baselineCount, v.candidateCount])).toEqual(
      ODD_NAMES.map((n) => [n, 8, 3]),
    );
    const attention = needsAttention(records, { now: NOW });
    expect(new Set(attention.map((a) => a.name))).toEqual(new Set(ODD_NAMES));
  });

  it('reports: step summary, comment rows and dashboard model', () => {
    for (const name of ODD_NAMES) {
      const run = records.find((r) => r.name === name)!;
      const [verdict] = regressionVerdicts(records, [name], {
        branch: 'feature',
        baseBranch: 'main',
      });
      const md = renderStepSummary({
        run,
        verdict: verdict!,
        history: records.filter((r) => r.name === name),
        window: summarize(records)[name] ?? null,
        charts: 'none',
      });
      expect(md).toContain(name.replace(/_/g, '\\_'));
      expect(md).toMatch(/\| 12 \|/); // the run count came from the window
    }
    const rows = ODD_NAMES.map((name) =>
      buildCommentRow({
        verdict: regressionVerdicts(records, [name], { branch: 'feature', baseBranch: 'main' })[0]!,
        status: 'success',
        chartUrl: null,
        updatedAt: formatTimestamp(NOW),
      }),
    );
    const comment = renderComment({ marker: '<!-- dev-metrics:x -->', rows });
    for (const name of ODD_NAMES) expect(comment).toContain(name.replace(/_/g, '\\_'));
    const model = buildDashboardModel(records, { generatedAt: new Date(NOW) });
    expect([...model.ops].sort()).toEqual([...ODD_NAMES].sort());
  });
});
