/**
 * The detectors' columnar entry points: each takes rows of the core's ColumnarHistory (indices
 * into its columns), so a caller holding a big history never rebuilds record objects for them.
 */
export { flakinessOfRows } from './flakiness.js';
export { trendOfRows } from './trend.js';
