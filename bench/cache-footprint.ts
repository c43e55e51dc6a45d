/**
 * Cache-footprint benchmark: what the history costs in the repository's Actions cache. A
 * simulation of one branch over 30 days with the action's own policy (src/action/cache/plan.ts:
 * which entries a restore takes, when a save is a snapshot or a delta, what is superseded) and
 * entry sizes measured by compressing the bench's synthetic records with gzip (the cache's
 * fallback codec; zstd is a little smaller). Each run has 3 parallel jobs of 5 wrapped steps;
 * a job lists when it starts and saves 5 minutes later. The REST listing shows the newest 100.
 *
 * Days 21–30 are simulated from an empty cache (9 days outlast eviction; snapshot sizes are
 * those of their day). Prints, for 50, 200 and 1,000 runs a day: the cache written per day on day 30 and the live
 * history of the branch at the end (entries not deleted and not yet evicted: GitHub evicts an
 * entry not accessed for 7 days), without and with `actions: write`, and today's scheme (a full
 * snapshot per wrapped step) for comparison.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  kindSuffix,
  planSave,
  selectScope,
  superseded,
  type ListedEntry,
} from '../src/action/cache/plan.js';
import { prng } from '../test/helpers/prng.js';
import { makeWorkspace } from '../test/helpers/runner.js';
import { writeHistory } from './action-overhead.js';

const DAY = 86_400_000;
const DAYS = 30;
const JOBS = 3;
const STEPS = 5;
const JOB_MS = 5 * 60_000;
const EVICT_MS = 7 * DAY;
const TAR_OVERHEAD = 1536; // a tar header per day file plus end blocks, before compression

interface SizeModel {
  /** Compressed bytes per record in a large snapshot. */
  perRecord: number;
  /** Compressed bytes of a delta of one job's records. */
  delta: number;
}

function measureSizes(): SizeModel {
  const ws = makeWorkspace();
  try {
    const dir = path.join(ws.workspace, '.metrics');
    writeHistory(dir, Date.now(), 20_000);
    const lines = readdirSync(dir).flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean),
    );
    const all = gzipSync(lines.join('\n'));
    const five = gzipSync(
      Buffer.concat([Buffer.alloc(TAR_OVERHEAD), Buffer.from(lines.slice(0, STEPS).join('\n'))]),
    );
    return { perRecord: all.length / lines.length, delta: five.length };
  } finally {
    rmSync(ws.root, { recursive: true, force: true });
  }
}

interface Entry extends ListedEntry {
  at: number;
  size: number;
}

interface Outcome {
  writtenPerDay: number;
  live: number;
  snapshot: number;
  snapshotsPerDay: number;
}

function simulate(runsPerDay: number, canDelete: boolean, sizes: SizeModel): Outcome {
  const entries: Entry[] = [];
  const random = prng(runsPerDay);
  let id = 1;
  const pending: Array<{ at: number; plan: ReturnType<typeof planSave>; gone: ListedEntry[] }> = [];
  const gap = DAY / runsPerDay;
  let lastDayWritten = 0;
  let lastDaySnapshots = 0;
  const end = DAYS * DAY;
  const snapshotBytes = (t: number): number =>
    TAR_OVERHEAD + (Math.min(t + JOB_MS, DAYS * DAY) / gap) * JOBS * STEPS * sizes.perRecord;
  const flush = (until: number): void => {
    pending.sort((a, b) => a.at - b.at);
    while (pending.length > 0 && pending[0]!.at <= until) {
      const p = pending.shift()!;
      const size = p.plan.kind === 'delta' ? sizes.delta : snapshotBytes(p.at);
      const key = `h-main-1-1-job-${kindSuffix(p.plan, (id % 0xffffff).toString(16).padStart(6, '0'))}`;
      entries.push({
        key,
        created_at: new Date(p.at).toISOString(),
        id: id++,
        size_in_bytes: size,
        at: p.at,
        size,
      });
      if (p.at > end - DAY) {
        lastDayWritten += size;
        if (p.plan.kind === 'snapshot') lastDaySnapshots++;
      }
      if (canDelete) {
        const doomed = new Set(p.gone.map((e) => e.id));
        for (let i = entries.length - 1; i >= 0; i--)
          if (doomed.has(entries[i]!.id)) entries.splice(i, 1);
      }
    }
    // Eviction: entries not read for 7 days (read = taken by a restore; approximated by age).
    while (entries.length > 0 && entries[0]!.at < until - EVICT_MS) entries.shift();
  };
  // Days 21-30: the snapshot has its day-30 size from day 30 on, and 9 days outlast eviction.
  for (let t = end - 9 * DAY; t < end; t += gap) {
    flush(t);
    const listing = entries.slice(-100);
    for (let j = 0; j < JOBS; j++) {
      const own = selectScope(listing);
      pending.push({
        at: t + JOB_MS + j,
        plan: planSave(own, true, t, random()),
        gone: superseded(listing, t),
      });
    }
  }
  flush(end + JOB_MS * 2);
  const live = entries.reduce((n, e) => n + e.size, 0);
  return {
    writtenPerDay: lastDayWritten,
    live,
    snapshot: snapshotBytes(end),
    snapshotsPerDay: lastDaySnapshots,
  };
}

const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

export function runFootprintBench(): boolean {
  const sizes = measureSizes();
  console.log('');
  console.log(
    `Cache footprint: one branch, 30 days, ${JOBS} jobs × ${STEPS} wrapped steps per run; ` +
      `${sizes.perRecord.toFixed(0)} B per record in a snapshot, ${sizes.delta} B per delta (gzip)`,
  );
  const rows = [
    [
      'runs/day',
      'snapshot',
      'before: written/day',
      'written/day',
      'snapshots/day',
      'live (no actions: write)',
      'live (actions: write)',
      '× snapshot',
    ],
  ];
  let ok = true;
  for (const runs of [50, 200, 1000]) {
    const without = simulate(runs, false, sizes);
    const withWrite = simulate(runs, true, sizes);
    const before = runs * JOBS * STEPS * without.snapshot;
    rows.push([
      String(runs),
      mb(without.snapshot),
      gb(before),
      gb(without.writtenPerDay),
      String(without.snapshotsPerDay),
      mb(without.live),
      mb(withWrite.live),
      (withWrite.live / withWrite.snapshot).toFixed(1),
    ]);
    if (runs === 200 && (without.writtenPerDay > 0.5e9 || withWrite.live > 3 * withWrite.snapshot))
      ok = false;
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
  console.log(
    'before = a full snapshot per wrapped step (the previous scheme). Targets at 200 runs/day: ' +
      `≤ 0.5 GB written per day, live ≤ 3× one snapshot with actions: write: ${ok ? 'met' : 'MISSED'}.`,
  );
  return ok;
}
