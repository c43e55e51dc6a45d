/** The insight module's public face: pure detectors over execution records. */
export type {
  AttentionItem,
  AttentionKind,
  FlakinessReport,
  RegressionVerdict,
  VerdictKind,
} from './types.js';
export { selectBaseline, selectCandidate } from './baseline.js';
export type { BaselineOptions, BaselineSelection, CandidateOptions } from './baseline.js';
export { detectRegression } from './regression.js';
export type { RegressionOptions } from './regression.js';
export { regressionVerdicts } from './verdicts.js';
export type { RunUnderTest, VerdictOptions } from './verdicts.js';
export { detectFlakiness } from './flakiness.js';
export type { FlakinessOptions } from './flakiness.js';
export { needsAttention } from './attention.js';
export type { AttentionOptions } from './attention.js';
export { trendVerdicts, type TrendOptions } from './trend.js';
