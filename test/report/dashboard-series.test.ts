// The dashboard keeps a step's matrix legs apart, labelled by leg only when there are several.
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../src/core/record.js';
import { buildDashboardModel } from '../../src/report/dashboard/model.js';

const NOW = Date.UTC(2026, 0, 31, 12);
const run = (at: number, ms: number, ci: Record<string, unknown>): ExecutionRecord => ({
  name: 'unit_tests',
  started_at: new Date(NOW - at * 3_600_000).toISOString().replace('Z', ''),
  ended_at: new Date(NOW - at * 3_600_000 + ms).toISOString().replace('Z', ''),
  duration_ms: ms,
  status: 'success',
  metadata: { ci: { branch: 'main', job: 'test', ...ci } },
  error: null,
});
const linux = { runner_os: 'Linux', matrix: { os: 'ubuntu-latest' } };
const windows = { runner_os: 'Windows', matrix: { os: 'windows-latest' } };

describe('dashboard series', () => {
  it('one operation per matrix leg, labelled by the leg', () => {
    const model = buildDashboardModel(
      [
        run(3, 1000, linux),
        run(2, 2000, windows),
        run(1, 1010, linux),
        run(5, 990, { runner_os: 'Linux' }),
      ],
      { generatedAt: new Date(NOW), days: 30 },
    );
    expect(model.ops).toEqual(['unit_tests · ubuntu-latest', 'unit_tests · windows-latest']);
    // The older Linux run without matrix values joins the Linux leg: 3 points there, 1 on Windows.
    expect(model.series.map((flat) => flat.length / 6)).toEqual([3, 1]);
  });

  it('a step with one leg keeps its bare name', () => {
    const model = buildDashboardModel([run(2, 1000, linux), run(1, 1010, linux)], {
      generatedAt: new Date(NOW),
      days: 30,
    });
    expect(model.ops).toEqual(['unit_tests']);
  });
});
