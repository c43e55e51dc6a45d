/**
 * Small-sample statistics the regression test is built from: medians, the Hodges–Lehmann shift and
 * the exact Mann–Whitney rank test. Pure functions over plain number arrays.
 */
import { normalCdf } from './distributions.js';

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Median; NaN for an empty sample. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Percentile (0–100) by linear interpolation between closest ranks; NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const pos = (Math.min(100, Math.max(0, p)) / 100) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sum of squared deviations from the sample mean (0 for fewer than 2 values). */
export function sumOfSquares(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss;
}

/**
 * Hodges–Lehmann estimate of how far `candidate` sits above `baseline`: the median of all pairwise
 * differences. As efficient as a difference of means on normal data (95%), yet one stray run moves
 * it only a little.
 */
export function hodgesLehmannShift(
  baseline: readonly number[],
  candidate: readonly number[],
): number {
  const diffs: number[] = [];
  for (const c of candidate) for (const b of baseline) diffs.push(c - b);
  return median(diffs);
}

/** Mann–Whitney U of `candidate` over `baseline`: pairs where the candidate is larger (ties ½). */
export function mannWhitneyU(baseline: readonly number[], candidate: readonly number[]): number {
  let u = 0;
  for (const c of candidate) for (const b of baseline) u += c > b ? 1 : c === b ? 0.5 : 0;
  return u;
}

/** Above this many values the exact distribution is replaced by the normal approximation. */
const EXACT_LIMIT = 200;

/**
 * One-sided p-value of the Mann–Whitney test that `candidate` tends to be larger than `baseline`:
 * P(U ≥ observed) under "same distribution". Exact (counting rank subsets) for small samples, which
 * is what makes it valid for any timing distribution — bimodal, heavy-tailed — not just normal ones.
 * Ties count ½ and are compared against the tie-free distribution (slightly conservative).
 */
export function mannWhitneyUpperP(
  baseline: readonly number[],
  candidate: readonly number[],
): number {
  const n = baseline.length;
  const m = candidate.length;
  if (n === 0 || m === 0) return 1;
  const u = mannWhitneyU(baseline, candidate);
  if (n + m > EXACT_LIMIT) {
    const mu = (n * m) / 2;
    const sd = Math.sqrt((n * m * (n + m + 1)) / 12);
    return 1 - normalCdf((u - 0.5 - mu) / sd);
  }
  // counts[k][s]: number of k-subsets of ranks 1..i with rank sum s (U = S − m(m+1)/2).
  const total = n + m;
  const maxSum = (m * (2 * total - m + 1)) / 2;
  const counts = Array.from({ length: m + 1 }, () => new Float64Array(maxSum + 1));
  (counts[0] as Float64Array)[0] = 1;
  for (let rank = 1; rank <= total; rank++) {
    for (let k = Math.min(rank, m); k >= 1; k--) {
      const row = counts[k] as Float64Array;
      const prev = counts[k - 1] as Float64Array;
      for (let s = maxSum; s >= rank; s--) row[s] = (row[s] as number) + (prev[s - rank] as number);
    }
  }
  const last = counts[m] as Float64Array;
  const threshold = Math.ceil(u + (m * (m + 1)) / 2 - 1e-9);
  let all = 0;
  let atLeast = 0;
  for (let s = 0; s <= maxSum; s++) {
    all += last[s] as number;
    if (s >= threshold) atLeast += last[s] as number;
  }
  return atLeast / all;
}

/** The smallest one-sided p-value the exact rank test can reach: 1 / C(n + m, m). */
export function mannWhitneyMinP(n: number, m: number): number {
  let combos = 1;
  for (let i = 1; i <= m; i++) combos = (combos * (n + i)) / i;
  return 1 / combos;
}
