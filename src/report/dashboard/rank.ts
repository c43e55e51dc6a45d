/**
 * Which operations the dashboard charts when there are many. A page with a chart per operation
 * stops being usable long before 100,000 operations (the file grows by tens of MB, the browser
 * never finishes drawing), so the page charts the most relevant few and lists every other
 * operation as one compact table row.
 *
 * Relevance, in this order:
 *   1. needs attention (slower, flaky, failing), in the attention panel's order: most urgent first;
 *   2. most runs in the window: the steps every pipeline runs matter more than one-offs;
 *   3. the most recent last run;
 *   4. name, so the order is stable.
 */
import type { AttentionItem } from './attention.js';

/** What ranking reads of an operation: its name, runs in the window and newest start (ms). */
export interface RankedOperation {
  name: string;
  runs: number;
  last: number;
}

/** Operations drawn with full statistics, sparkline and chart; the others are table rows. */
export const MAX_CHARTED_OPERATIONS = 50;

/**
 * Indices into `columns` (sorted by name), most relevant first. `attention` is ranked, most
 * urgent first; an operation with several items counts at its first.
 */
export function rankOperations(
  columns: readonly RankedOperation[],
  attention: readonly AttentionItem[],
): number[] {
  const urgency = new Map<string, number>();
  attention.forEach((item, k) => {
    if (!urgency.has(item.name)) urgency.set(item.name, k);
  });
  const none = attention.length;
  const n = columns.length;
  const rank = new Float64Array(n);
  const runs = new Float64Array(n);
  const last = new Float64Array(n);
  columns.forEach((col, i) => {
    rank[i] = urgency.get(col.name) ?? none;
    runs[i] = col.runs;
    last[i] = col.last;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  // Columns come sorted by name, so the index is the name's tie-break.
  order.sort(
    (a, b) =>
      (rank[a] ?? 0) - (rank[b] ?? 0) ||
      (runs[b] ?? 0) - (runs[a] ?? 0) ||
      (last[b] ?? 0) - (last[a] ?? 0) ||
      a - b,
  );
  return order;
}
