/**
 * dev-metrics as a library: time operations, store them in `.metrics/` day files (compatible with
 * the Python tool's format), and summarise them. No GitHub Actions dependencies here.
 */

export {
  DevMetricsCollector,
  getCollector,
  trackExecution,
  type CollectorOptions,
  type EndOptions,
  type RecentOptions,
  type SummaryOptions,
  type TrackOptions,
} from './core/collector.js';
export { DevMetricsError } from './core/errors.js';
export {
  RECORD_KEYS,
  dayFileName,
  formatTimestamp,
  parseRecord,
  parseTimestamp,
  serializeRecord,
  type ExecutionRecord,
  type ExecutionStatus,
} from './core/record.js';
export {
  SummaryAccumulator,
  mean,
  median,
  percentile,
  round2,
  stddev,
  summarize,
  type MetricsSummary,
  type OperationSummary,
} from './core/stats.js';
export {
  appendRecord,
  appendRecordSync,
  listDayFiles,
  pruneDayFiles,
  readRecords,
  type DayFile,
  type ReadOptions,
  type ReadReport,
  type WarningHandler,
} from './core/store.js';
