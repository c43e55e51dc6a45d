/**
 * Statistics over execution records: pure functions, no I/O.
 * CONTRACT (shared with report/insight/CLI): the OperationSummary shape below.
 * Implementation: owned by the core work item.
 */

export interface OperationSummary {
  name: string;
  total_executions: number;
  successes: number;
  failures: number;
  /** Percentage 0–100, two decimals (the Python tool's convention). */
  success_rate: number;
  avg_duration_ms: number;
  min_duration_ms: number;
  max_duration_ms: number;
  p50_duration_ms: number;
  p90_duration_ms: number;
  p95_duration_ms: number;
  p99_duration_ms: number;
  stddev_duration_ms: number;
  last_status: 'success' | 'failed';
  /** `started_at` of the newest record, as written in the file. */
  last_run_at: string;
}

/** Keyed by operation name, as the Python tool's `get_metrics_summary` returns a dict. */
export type MetricsSummary = Record<string, OperationSummary>;
