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
  type Tracked,
} from './core/collector.js';
export { DevMetricsError } from './core/errors.js';
// Numeric values beside the duration (sizes, counts, tokens, cost, benchmark results).
export {
  llmCost,
  priceFor,
  readLlmUsage,
  trackLlmCall,
  type LlmCallOptions,
  type LlmUsage,
  type ModelPrice,
} from './core/llm.js';
export { addValue, type AddValueOptions } from './core/value-scope.js';
export {
  checkValue,
  defaultBetter,
  parseValueLine,
  valuesOf,
  withValues,
  type Better,
  type RunValue,
  type ValueInfo,
  type ValueList,
  type ValuesInput,
} from './core/values.js';
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
  type ValueSummary,
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

// The history as columns: read once, interned texts and typed arrays; what the detectors take.
export {
  ColumnarHistory,
  durationView,
  type MeasureView,
  type ValueColumn,
} from './core/history.js';
export { readHistory, type HistoryVisitor } from './core/history-read.js';
export { parseCi, type CiContext, type CiFields } from './core/ci.js';

// Insight: regression verdicts against a base branch, flakiness, what needs attention.
export {
  detectFlakiness,
  detectRegression,
  needsAttention,
  regressionVerdicts,
  selectBaseline,
  selectCandidate,
  attentionOfSeries,
  baselineOfView,
  candidateOfView,
  flakinessOfSeries,
  seriesOfHistory,
  trendOfRows,
  trendOfView,
  verdictOfView,
  type AttentionOptions,
  type BaselineOptions,
  type BaselineSelection,
  type CandidateOptions,
  type FlakinessOptions,
  type RegressionOptions,
  type RunUnderTest,
  type VerdictOptions,
} from './insight/index.js';
export type {
  AttentionItem,
  AttentionKind,
  FlakinessReport,
  RegressionVerdict,
  VerdictKind,
} from './insight/types.js';

// Reports: the HTML dashboard, and the Markdown the action publishes (usable from any CI).
export {
  buildDashboardModel,
  generateDashboard,
  renderDashboard,
  type DashboardModel,
  type GenerateDashboardOptions,
  type GenerateDashboardResult,
  type RenderDashboardOptions,
} from './report/dashboard/index.js';
export { renderStepSummary, type StepSummaryInput } from './report/summary.js';
export { buildCommentRow, renderComment, type CommentRow } from './report/comment-body.js';
export { trendChartUrl, type TrendPoint } from './report/charts.js';
export { redactSecrets, sanitizeErrorText } from './core/redact.js';
export { escapeMarkdownText } from './report/sanitize.js';

// OpenTelemetry: send records or a whole history over OTLP (the SDK loads only when called).
export {
  exportRecords,
  exportToOtlp,
  type ExportHistoryOptions,
  type ExportOptions,
  type ExportSummary,
} from './export/export.js';
