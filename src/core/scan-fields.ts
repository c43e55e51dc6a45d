/**
 * The fields a RecordScanner locates in a line: indexes of its starts/ends, shared with
 * ColumnarHistory.addScanned, which reads them (a module of its own so the history does not load
 * the scanner).
 */
export const F_NAME = 0;
export const F_STARTED_AT = 1;
export const F_SHA = 2;
export const F_BRANCH = 3;
export const F_DEFAULT_BRANCH = 4;
export const F_JOB = 5;
export const F_RUNNER_OS = 6;
export const F_RUNNER_ARCH = 7;
export const F_RUN_ID = 8;
/** metadata.ci.matrix: the whole JSON value (not a string's inside), when not null. */
export const F_MATRIX = 9;
export const FIELDS = 10;
