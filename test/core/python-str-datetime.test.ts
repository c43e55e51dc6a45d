// Lines some Python tool versions write that the reader must accept: `str(datetime)` timestamps
// (a space where isoformat() has `T`) and no `error` key at all. They read back in canonical form
// (`T`, error null), and that is also what gets written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import {
  parseRecord,
  parseTimestamp,
  recordProblem,
  serializeRecord,
  type ExecutionRecord,
} from '../../src/core/record.js';

const SPACE_LINE =
  '{"name": "deploy", "started_at": "2026-11-25 18:01:18", "ended_at": "2026-11-25 18:01:19.123456", "duration_ms": 1123.456, "status": "success", "metadata": {}, "error": null}';
const NO_ERROR_LINE =
  '{"name": "lint", "started_at": "2026-11-25T17:00:00.500000", "ended_at": "2026-11-25T17:00:01", "duration_ms": 500.0, "status": "success", "metadata": {"k": 1}}';

describe('parseTimestamp', () => {
  it('reads a space for T the same as T, with and without a fraction', () => {
    expect(parseTimestamp('2026-11-25 18:01:18')).toBe(Date.UTC(2026, 10, 25, 18, 1, 18));
    expect(parseTimestamp('2026-11-25 18:01:18.123456')).toBe(
      parseTimestamp('2026-11-25T18:01:18.123456'),
    );
    expect(parseTimestamp('2026-11-25 18:01:18.123456')).toBeCloseTo(
      Date.UTC(2026, 10, 25, 18, 1, 18, 123) + 0.456,
      3,
    );
  });

  it('still refuses other separators', () => {
    expect(parseTimestamp('2026-11-25_18:01:18')).toBeNaN();
    expect(parseTimestamp('2026-11-25  18:01:1')).toBeNaN();
  });
});

describe('records', () => {
  it('parseRecord accepts both lines and returns the canonical form', () => {
    expect(parseRecord(SPACE_LINE)).toEqual({
      name: 'deploy',
      started_at: '2026-11-25T18:01:18',
      ended_at: '2026-11-25T18:01:19.123456',
      duration_ms: 1123.456,
      status: 'success',
      metadata: {},
      error: null,
    });
    const noError = parseRecord(NO_ERROR_LINE);
    expect(noError).not.toBeNull();
    expect(noError!.error).toBeNull();
    expect(Object.keys(noError!)).toEqual([
      'name',
      'started_at',
      'ended_at',
      'duration_ms',
      'status',
      'metadata',
      'error',
    ]);
  });

  it('recordProblem agrees, and still names a wrong error type', () => {
    expect(recordProblem(JSON.parse(SPACE_LINE))).toBeNull();
    expect(recordProblem(JSON.parse(NO_ERROR_LINE))).toBeNull();
    expect(recordProblem({ ...(JSON.parse(NO_ERROR_LINE) as object), error: 3 })).toBe(
      'error is not a string or null',
    );
  });

  it('writing keeps the canonical form', () => {
    const record = JSON.parse(SPACE_LINE) as ExecutionRecord;
    const line = serializeRecord(record);
    expect(line).toContain('"started_at":"2026-11-25T18:01:18"');
    expect(line).toContain('"ended_at":"2026-11-25T18:01:19.123456"');
    const noError = serializeRecord(JSON.parse(NO_ERROR_LINE) as ExecutionRecord);
    expect(noError.endsWith('"error":null}')).toBe(true);
  });
});

describe('a history with these lines', () => {
  let dir: string;
  const warnings: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-str-datetime-'));
    fs.writeFileSync(path.join(dir, '2026-11-25.jsonl'), `${SPACE_LINE}\n${NO_ERROR_LINE}\n`);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every line, none skipped', async () => {
    const collector = new DevMetricsCollector({
      metricsDir: dir,
      now: () => Date.UTC(2026, 10, 26),
      onWarning: (m) => warnings.push(m),
    });
    const recent = await collector.getRecentMetrics({ limit: 10 });
    expect(recent.map((r) => [r.name, r.started_at, r.error])).toEqual([
      ['deploy', '2026-11-25T18:01:18', null],
      ['lint', '2026-11-25T17:00:00.500000', null],
    ]);
    const summary = await collector.getMetricsSummary({ days: 7 });
    expect(summary.deploy?.total_executions).toBe(1);
    expect(summary.lint?.total_executions).toBe(1);
    expect(warnings).toEqual([]);
  });
});
