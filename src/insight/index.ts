/** The insight module's public face: pure detectors over execution records. */
export type {
  AttentionItem,
  AttentionKind,
  FlakinessReport,
  RegressionVerdict,
  ValueVerdict,
  VerdictKind,
} from './types.js';
export { baselineOfView, candidateOfView, selectBaseline, selectCandidate } from './baseline.js';
export type {
  BaselineOptions,
  BaselineRows,
  BaselineSelection,
  CandidateOptions,
  RowSelection,
} from './baseline.js';
export { detectRegression } from './regression.js';
export type { RegressionOptions } from './regression.js';
export {
  orientVerdict,
  regressionVerdicts,
  valueVerdicts,
  valueVerdictsOfRows,
  verdictOfView,
} from './verdicts.js';
export { detectValueRegression } from './value-regression.js';
export type { RunUnderTest, VerdictOptions } from './verdicts.js';
export { detectFlakiness, flakinessOfRows, flakinessOfSeries } from './flakiness.js';
export type { FlakinessOptions } from './flakiness.js';
export { attentionOfSeries, needsAttention } from './attention.js';
export type { AttentionOptions, SeriesRows } from './attention.js';
export {
  trendOfRows,
  trendOfView,
  trendsByName,
  trendVerdicts,
  type TrendOptions,
} from './trend.js';
export { seriesOfHistory, seriesOfRecord, type HistorySeries } from './series.js';
