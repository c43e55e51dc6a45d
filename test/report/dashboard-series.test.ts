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

describe('dashboard series in time order, whatever the read order', () => {
  // Three steps over 12 days, a run every ~37 minutes, no two at the same time.
  const NOW2 = Date.UTC(2026, 0, 31, 12);
  const day = (record: ExecutionRecord) => record.started_at.slice(0, 10);
  const records: ExecutionRecord[] = [];
  for (let i = 0; i < 12 * 39; i++) {
    const at = NOW2 - 12 * 86_400_000 + i * 37 * 60_000 + (i % 7) * 1000;
    const name = ['build', 'test', 'lint'][i % 3]!;
    records.push({
      name,
      started_at: new Date(at).toISOString().replace('Z', ''),
      ended_at: new Date(at + 500).toISOString().replace('Z', ''),
      duration_ms: 100 + ((i * 7919) % 997),
      status: i % 11 === 0 ? 'failed' : 'success',
      metadata: { ci: { branch: 'main', sha: (i % 50).toString(16).padStart(40, 'a') } },
      error: i % 11 === 0 ? 'exit 1' : null,
    });
  }
  const options = { generatedAt: new Date(NOW2), days: 30 };
  const expected = JSON.stringify(buildDashboardModel(records, options));

  it('reads day files newest first (each day ascending) as the store gives them', () => {
    const days = [...new Set(records.map(day))].reverse();
    const newestFirst = days.flatMap((d) => records.filter((r) => day(r) === d));
    expect(JSON.stringify(buildDashboardModel(newestFirst, options))).toBe(expected);
  });

  it('sorts a read whose stretches overlap in time (shuffled), points oldest first', () => {
    // Reversed in pieces of 5: ascending stretches of one run, overlapping each other.
    const shuffled = records.flatMap((_, i) =>
      i % 5 === 0 ? records.slice(i, i + 5).reverse() : [],
    );
    const model = buildDashboardModel(shuffled, options);
    expect(JSON.stringify(model)).toBe(expected);
    for (const flat of model.series) {
      for (let k = 6; k < flat.length; k += 6) expect(flat[k]).toBeGreaterThanOrEqual(flat[k - 6]!);
    }
  });
});
