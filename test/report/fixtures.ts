// Records and verdicts for report tests.
import type { ExecutionRecord } from '../../src/core/record.js';
import type { RegressionVerdict } from '../../src/insight/types.js';

export function record(overrides: Partial<ExecutionRecord> & { i?: number } = {}): ExecutionRecord {
  const { i = 0, ...rest } = overrides;
  const start = new Date(Date.UTC(2025, 9, 1) + i * 3_600_000);
  const duration = rest.duration_ms ?? 60_000 + (i % 10) * 1000;
  return {
    name: 'unit_tests',
    started_at: start.toISOString().replace('Z', '000'),
    ended_at: new Date(start.getTime() + duration).toISOString().replace('Z', '000'),
    duration_ms: duration,
    status: 'success',
    metadata: {
      ci: {
        provider: 'github-actions',
        sha: (0xabc0000 + i).toString(16).padEnd(40, '0'),
        branch: 'main',
      },
    },
    error: null,
    ...rest,
  };
}

export function verdict(overrides: Partial<RegressionVerdict> = {}): RegressionVerdict {
  return {
    name: 'unit_tests',
    verdict: 'slower',
    changePercent: 12.5,
    ciLowPercent: 8.1,
    ciHighPercent: 16.9,
    confidence: 0.95,
    pValue: 0.004,
    baselineCount: 20,
    candidateCount: 3,
    baselineMedianMs: 60_000,
    baselineP95Ms: 72_000,
    candidateMedianMs: 67_500,
    reason: 'median 12.5% slower than main over 20 runs',
    ...overrides,
  };
}
