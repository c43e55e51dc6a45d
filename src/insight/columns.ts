/**
 * The detectors' columnar entry points: each takes rows of the core's ColumnarHistory (indices
 * into its columns), so a caller holding a big history never rebuilds record objects for them.
 */
export { flakinessByName, flakinessOfRows, flakinessOfSeries } from './flakiness.js';
export { trendOfRows, trendOfView, trendsByName } from './trend.js';
export { baselineOfView, candidateOfView } from './baseline.js';
export { verdictOfView, orientVerdict } from './verdicts.js';
export { attentionOfSeries } from './attention.js';
export { seriesOfHistory, seriesOfRecord } from './series.js';
