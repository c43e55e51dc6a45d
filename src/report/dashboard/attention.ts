/**
 * The "needs attention" panel: src/insight's attentionOfSeries, run on the core's columns the
 * dashboard reads (each series' rows within the window): no record is rebuilt for it.
 */
import type { ColumnarHistory } from '../../core/history.js';
import { attentionOfSeries, type SeriesRows } from '../../insight/attention.js';
import type { AttentionItem } from '../../insight/types.js';

export type { AttentionItem, AttentionKind } from '../../insight/types.js';

/** One operation's runs, ascending by time (epoch ms); branch/commit are ids, -1 = unknown. */
export interface OperationColumns {
  name: string;
  t: Float64Array;
  ms: Float64Array;
  failed: Uint8Array;
  branch: Int32Array;
  commit: Int32Array;
  /** 1 for a pull-request run. */
  pr: Uint8Array;
}

/**
 * Ranked attention items (most urgent first) for the dashboard's series: the step's runs on
 * `defaultBranch` when given (pushes only), else all its runs; `nowMs` ends the windows.
 */
export function dashboardAttention(
  history: ColumnarHistory,
  series: readonly SeriesRows[],
  nowMs: number,
  defaultBranch: string | null,
): AttentionItem[] {
  return attentionOfSeries(history, series, {
    now: nowMs,
    // The model's series rows are ascending by time (see DashboardBuilder.series).
    sortedByTime: true,
    ...(defaultBranch !== null ? { defaultBranch } : {}),
  });
}
