/** The cache policy (src/action/cache/plan.ts): pure functions over a listing. */
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_MARGIN_MS,
  SAFE_DELETE_AGE_MS,
  SNAPSHOT_EVERY,
  SNAPSHOT_MIN_AGE_MS,
  entryKind,
  kindSuffix,
  planSave,
  selectScope,
  superseded,
  type ListedEntry,
} from '../../src/action/cache/plan.js';

const T = Date.UTC(2025, 0, 10, 12);
let id = 0;
function entry(kind: 'snap' | 'delta' | 'legacy', at: number, coverage = at): ListedEntry {
  const last =
    kind === 'legacy'
      ? 'abcdef12'
      : kindSuffix(kind === 'snap' ? { kind: 'snapshot', coverage } : { kind: 'delta' }, 'a1b2c3');
  return {
    key: `p-main-1-1-job-${last}`,
    created_at: new Date(at).toISOString(),
    id: ++id,
    size_in_bytes: kind === 'delta' ? 600 : 100_000,
  };
}

describe('entryKind', () => {
  it('tells snapshots (with coverage), deltas and legacy entries apart', () => {
    expect(entryKind(entry('snap', T, 1234).key)).toEqual({ kind: 'snapshot', coverage: 1234 });
    expect(entryKind(entry('delta', T).key)).toEqual({ kind: 'delta' });
    expect(entryKind(entry('legacy', T).key)).toEqual({ kind: 'snapshot', coverage: null });
    // A legacy 8-hex suffix that starts with "d" is still a legacy snapshot.
    expect(entryKind('p-main-1-1-job-d0123456').kind).toBe('snapshot');
  });
});

describe('selectScope', () => {
  it('takes the newest snapshot and what is newer than its coverage minus the margin', () => {
    const old = entry('snap', T - 3_600_000);
    const early = entry('delta', T - 2 * COVERAGE_MARGIN_MS);
    const lagging = entry('delta', T - COVERAGE_MARGIN_MS / 2); // listed late: taken again
    const base = entry('snap', T, T);
    const after = entry('delta', T + 60_000);
    const sel = selectScope([after, early, old, base, lagging]);
    expect(sel.base).toBe(base);
    expect(sel.chosen).toEqual([lagging, base, after]); // oldest first: the merge order
    expect(sel.deltas).toBe(1); // only what the snapshot cannot hold counts towards the next
  });

  it('with no snapshot left (evicted), every delta is the history', () => {
    const a = entry('delta', T);
    const b = entry('delta', T + 1);
    expect(selectScope([b, a]).chosen).toEqual([a, b]);
  });
});

describe('planSave', () => {
  const sel = (deltas: number, baseAge: number) =>
    selectScope([
      entry('snap', T - baseAge, T - baseAge),
      ...Array.from({ length: deltas }, (_, i) => entry('delta', T - baseAge + 1000 * (i + 1))),
    ]);
  it('a delta while the snapshot is fresh; a snapshot for about one in four jobs once due', () => {
    expect(planSave(sel(3, SNAPSHOT_MIN_AGE_MS), true, T, 0)).toEqual({ kind: 'delta' });
    expect(planSave(sel(SNAPSHOT_EVERY, SNAPSHOT_MIN_AGE_MS), true, T, 0).kind).toBe('snapshot');
    expect(planSave(sel(SNAPSHOT_EVERY, SNAPSHOT_MIN_AGE_MS), true, T, 0.9).kind).toBe('delta');
    expect(planSave(sel(SNAPSHOT_EVERY, 60_000), true, T, 0).kind).toBe('delta'); // too young
  });
  it('never a snapshot from an incomplete restore; always one for a scope without any', () => {
    expect(planSave(sel(SNAPSHOT_EVERY, SNAPSHOT_MIN_AGE_MS), false, T, 0)).toEqual({
      kind: 'delta',
    });
    expect(planSave(selectScope([]), true, T, 0.99)).toEqual({ kind: 'snapshot', coverage: T });
  });
});

describe('superseded', () => {
  it('only once the newest snapshot is old enough, and never what a restore takes', () => {
    const older = entry('snap', T - 7_200_000);
    const covered = entry('delta', T - 3_600_000);
    const base = entry('snap', T, T);
    const kept = entry('delta', T + 1000);
    const list = [older, covered, base, kept];
    expect(superseded(list, T + SAFE_DELETE_AGE_MS - 1)).toEqual([]);
    expect(superseded(list, T + SAFE_DELETE_AGE_MS)).toEqual([older, covered]);
  });
});
