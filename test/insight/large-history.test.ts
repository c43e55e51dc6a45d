// A long history must not overflow the stack (Math.max(...times) did at a few 100k records).
// Speed is the bench's job (npm run bench), not a timed assert that flakes on a busy machine.
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../src/core/record.js';
import { needsAttention } from '../../src/insight/attention.js';
import { detectFlakiness } from '../../src/insight/flakiness.js';
import { record } from './helpers.js';

const COUNT = 300_000;

function bigHistory(): ExecutionRecord[] {
  // Same commit per 10 runs; a failed-then-passed pair on the newest commit makes one flake.
  const template = record({ name: 'test', ci: { sha: 'x', branch: 'main' } });
  const records: ExecutionRecord[] = [];
  const base = Date.UTC(2025, 9, 1);
  for (let i = 0; i < COUNT; i++) {
    const ms = base + i * 1000;
    const stamp = new Date(ms).toISOString().slice(0, 19);
    records.push({
      ...template,
      started_at: stamp,
      ended_at: stamp,
      metadata: {
        ci: { provider: 'github-actions', sha: `c${Math.floor(i / 10)}`, branch: 'main' },
      },
      status: i === COUNT - 2 ? 'failed' : 'success',
    });
  }
  return records;
}

describe(`${COUNT} records`, () => {
  const records = bigHistory();

  it('detectFlakiness with a window finds the newest record as "now"', () => {
    const reports = detectFlakiness(records, { days: 1 });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.flakyCommits).toEqual([`c${Math.floor((COUNT - 1) / 10)}`]);
    // 1 day before the newest run, 1 run a second: runs 213,599..299,999 = commits c21359..c29999.
    expect(reports[0]!.commitsSeen).toBe(8641);
  });

  it('needsAttention ranks without overflowing', () => {
    const items = needsAttention(records);
    expect(items.some((item) => item.kind === 'flaky' && item.name === 'test')).toBe(true);
  });
});
