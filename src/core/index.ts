/** The metrics core in one import: record format, store, statistics, collector. */
export * from './errors.js';
export * from './record.js';
export * from './stats.js';
export * from './store.js';
export * from './collector.js';
export * from './values.js';
export * from './value-scope.js';
