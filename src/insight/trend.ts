/**
 * Trend of each step within one history window: are its newest runs faster or slower than the runs
 * just before them? The same regression test as branch comparisons, applied along time instead.
 */
import type { ExecutionRecord } from '../core/record.js';
import { isUsableDuration, mainLineRuns, newestFirst, startedAtMs } from './ci-metadata.js';
import { detectRegression } from './regression.js';
import type { RegressionVerdict } from './types.js';
import { DAY_MS } from '../core/record.js';

export interface TrendOptions {
  /**
   * Branch whose pushes define "the step" (pull-request runs are experiments). Ignored for a step
   * none of whose runs carry `metadata.ci.branch` (laptop history): all its runs count then.
   * Default: all runs.
   */
  defaultBranch?: string;
  /** End of the window, ms since epoch (default: the newest record's start, so results are pure). */
  now?: number;
  /**
   * Split by time: runs of the last `recentDays` days against the runs before them. Default: split
   * by count, the newest quarter of the runs (at least 1, at most `recentRuns`) against the rest,
   * so the trend works whatever the run frequency and window length.
   */
  recentDays?: number;
  /** Most recent runs judged (default 10). */
  recentRuns?: number;
  /** Most earlier runs they are compared with, the nearest in time (default 30). */
  earlierRuns?: number;
  /** Smallest change that matters, percent (default 10, as detectRegression). */
  thresholdPercent?: number;
}

function wholeAtLeastOne(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${what} must be a whole number ≥ 1, got ${value}`);
  }
  return value;
}

/** Start of the newest readable record, ms (a loop: spreading a big history into Math.max overflows). */
function newestStart(records: readonly ExecutionRecord[]): number {
  let newest = -Infinity;
  for (const r of records) {
    const t = startedAtMs(r);
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * One verdict per operation, by name: its recent successful runs (candidate) against its earlier
 * ones (baseline). Failed runs are left out, as in branch comparisons. Deterministic.
 */
export function trendVerdicts(
  records: readonly ExecutionRecord[],
  options: TrendOptions = {},
): RegressionVerdict[] {
  const recentRuns = wholeAtLeastOne(options.recentRuns ?? 10, 'recentRuns');
  const earlierRuns = wholeAtLeastOne(options.earlierRuns ?? 30, 'earlierRuns');
  if (options.recentDays !== undefined && !(options.recentDays > 0)) {
    throw new Error(`recentDays must be a number of days > 0, got ${options.recentDays}`);
  }
  const now = options.now ?? newestStart(records);

  const byName = new Map<string, ExecutionRecord[]>();
  for (const r of records) {
    const list = byName.get(r.name);
    if (list) list.push(r);
    else byName.set(r.name, [r]);
  }

  const verdicts: RegressionVerdict[] = [];
  for (const [name, runs] of byName) {
    const line = mainLineRuns(runs, options.defaultBranch);
    const ok = newestFirst(line.runs).filter(
      (r) => r.status === 'success' && isUsableDuration(r.duration_ms) && startedAtMs(r) <= now,
    );
    let recent: ExecutionRecord[];
    let earlier: ExecutionRecord[];
    if (options.recentDays !== undefined) {
      const from = now - options.recentDays * DAY_MS;
      recent = ok.filter((r) => startedAtMs(r) > from).slice(0, recentRuns);
      earlier = ok.filter((r) => startedAtMs(r) <= from).slice(0, earlierRuns);
    } else {
      const k = Math.min(recentRuns, Math.max(1, Math.floor(ok.length / 4)));
      recent = ok.slice(0, k);
      earlier = ok.slice(k, k + earlierRuns);
    }
    verdicts.push(
      detectRegression(
        earlier.map((r) => r.duration_ms),
        recent.map((r) => r.duration_ms),
        {
          name,
          thresholdPercent: options.thresholdPercent,
          baselineLabel: line.branch,
          // The question is the drift itself: do not project it away.
          followDrift: false,
        },
      ),
    );
  }
  return verdicts.sort((a, b) => a.name.localeCompare(b.name));
}
