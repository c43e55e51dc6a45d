/**
 * What the base branch's history says about a step's timing, learned from up to its last 100
 * successful runs: its level now (from the recent window), its run-to-run noise (from the whole
 * history) and how often it has runs far outside that noise (runner hiccups, cache misses).
 * Pure functions over log durations, newest first.
 *
 * Why split level and noise: the level drifts (main gets slower or faster), so only recent runs say
 * where it is; the noise changes slowly, so a hundred runs estimate it ten times better than ten.
 */
/** Median of a copy; NaN when empty. Typed-array sort: this runs thousands of times per history. */
function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** CI timings are never steadier than this (log scale, ~1%); stops identical runs dividing by 0. */
export const SIGMA_FLOOR = 0.01;
/** A run further than this many sigmas of a single-run prediction is "unusual". */
export const UNUSUAL_SIGMAS = 3;
/** Huber's tuning constant: 95% as efficient as the mean on normal data, bounded pull per run. */
const HUBER_K = 1.345;
/** Variance of a Huber location relative to the mean's: 1/0.95 asymptotically, ~1.08 measured for
 * 3–10 runs (its scale is itself estimated); exact for 1–2 runs. */
export function huberVarianceFactor(count: number): number {
  return count <= 2 ? 1 : 1.08;
}
/** Runs this many rough sigmas from their block's median are left out of the noise estimate. */
const TRIM_SIGMAS = 4;
/** Variance of a normal sample truncated at ±4σ, as a share of σ² (for the trimmed estimate). */
const TRUNCATED_VARIANCE = 0.99893;

export interface NoiseModel {
  /** Log level the next run is expected at (the recent window's, projected along the drift). */
  level: number;
  /** Run-to-run standard deviation of log durations. */
  sigma: number;
  /** Degrees of freedom of `sigma` (for the t distribution). */
  df: number;
  /** Variance of `level`, in units of sigma². */
  levelVariance: number;
  /** Runs in the recent window, and in the whole history used. */
  recentCount: number;
  historyCount: number;
  /** Log drift per run toward now (0 when not estimated). */
  driftPerRun: number;
  /** The history's log durations, newest first, each projected along the drift to the next run. */
  projected: readonly number[];
  /** Single-run predictions checked over the history, and how many runs were unusually slow/fast. */
  references: number;
  unusualSlow: number;
  unusualFast: number;
  /**
   * False when the history's timings are visibly not bell-shaped around their level: a run beyond
   * 4 sigmas of its neighbours, clearly more runs than a normal spread puts beyond 3 or 2 sigmas, or
   * a standard deviation well above the median-based spread (hiccups, a cache-miss mode). The
   * verdict then needs a permutation test as well.
   */
  normalShape: boolean;
}

export interface NoiseOptions {
  /** Newest runs that set the level (default 10). */
  recent?: number;
  /**
   * Project the history along its drift to the next run (default true). Off for trends, whose
   * question is the drift itself.
   */
  followDrift?: boolean;
}

/** Huber M-estimate of location with a known scale; the median when the scale is 0. */
export function huberLocation(values: readonly number[], scale: number): number {
  let mu = median(values);
  if (!(scale > 0) || values.length < 3) {
    return values.length < 3 && values.length > 0 ? mean(values) : mu;
  }
  for (let iter = 0; iter < 30; iter++) {
    let sum = 0;
    let inside = 0;
    for (const v of values) {
      const r = (v - mu) / scale;
      if (r > HUBER_K) sum += HUBER_K;
      else if (r < -HUBER_K) sum -= HUBER_K;
      else {
        sum += r;
        inside += 1;
      }
    }
    const step = (scale * sum) / Math.max(inside, 1);
    mu += step;
    if (Math.abs(step) < 1e-9 * scale) break;
  }
  return mu;
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Theil–Sen slope of values against their index: the median of all pairwise slopes. */
function theilSenSlope(values: readonly number[]): number {
  const n = values.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      slopes[k++] = ((values[j] as number) - (values[i] as number)) / (j - i);
    }
  }
  return median(slopes);
}

/** Consecutive blocks of about `size` values (the last, short one joins its neighbour). */
function blocks(values: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < values.length; start += size) {
    out.push(values.slice(start, start + size));
  }
  if (out.length > 1 && (out.at(-1) as number[]).length < size / 2) {
    const last = out.pop() as number[];
    (out.at(-1) as number[]).push(...last);
  }
  return out;
}

/**
 * Run-to-run noise from the whole history: each block of consecutive runs is centred on its own
 * level (so drift and old level shifts do not count as noise), runs beyond 3 robust sigmas are set
 * aside (so a hiccup does not inflate it), and the rest give a standard deviation.
 */
function noiseOf(
  values: readonly number[],
  blockSize: number,
): { sigma: number; df: number; rough: number; trimmed: number } {
  const groups = blocks(values, blockSize).filter((g) => g.length >= 2);
  if (groups.length === 0) return { sigma: SIGMA_FLOOR, df: 1, rough: SIGMA_FLOOR, trimmed: 0 };
  const deviations: number[] = [];
  let centringLoss = 0;
  for (const g of groups) {
    const m = median(g);
    for (const v of g) deviations.push(Math.abs(v - m));
    centringLoss += 1;
  }
  const count = deviations.length;
  const rough = Math.max(
    1.4826 * median(deviations) * Math.sqrt(count / Math.max(count - centringLoss, 1)),
    SIGMA_FLOOR,
  );
  let squares = 0;
  let df = 0;
  let trimmed = 0;
  for (const g of groups) {
    const m = median(g);
    const kept = g.filter((v) => Math.abs(v - m) <= TRIM_SIGMAS * rough);
    trimmed += g.length - kept.length;
    if (kept.length < 2) continue;
    const center = mean(kept);
    for (const v of kept) squares += (v - center) ** 2;
    df += kept.length - 1;
  }
  if (df === 0) return { sigma: rough, df: 1, rough, trimmed };
  const sigma = Math.max(Math.sqrt(squares / df / TRUNCATED_VARIANCE), SIGMA_FLOOR);
  return { sigma, df, rough, trimmed };
}

/**
 * The noise model of a history of log durations, newest first. Needs at least one value.
 */
export function learnNoise(
  logsNewestFirst: readonly number[],
  options: NoiseOptions = {},
): NoiseModel {
  const n = logsNewestFirst.length;
  const recent = Math.max(1, Math.min(options.recent ?? 10, n));
  // Drift is learned only from a history three windows long: from fewer runs, projecting a slope
  // forward costs more precision than it saves.
  let drift = 0;
  let driftVariance = 0;
  const lag = (recent + 1) / 2;
  if ((options.followDrift ?? true) && n >= Math.max(3 * recent, 20)) {
    drift = -theilSenSlope(logsNewestFirst);
    // What the slope adds to the level's variance: least squares over n evenly spaced runs, over
    // Theil–Sen's efficiency (~0.9 in theory; 0.75 keeps measured false alarms at 2%), including
    // its covariance with the recent window it projects.
    const sxx = (n * (n * n - 1)) / 12;
    const windowOffset = (recent - 1) / 2 - (n - 1) / 2;
    driftVariance = (lag * lag - 2 * lag * windowOffset) / sxx / 0.75;
  }
  // Each run projected to the time of the next one.
  const z = logsNewestFirst.map((v, i) => v + drift * (i + 1));
  const { sigma, df, rough, trimmed } = noiseOf(z, recent);
  // On normal timings the standard deviation and the median-based spread agree (within ~3 of the
  // ratio's standard errors, ≈0.9/√runs); a second mode widens the first, not the second.
  const twoSpreadsAgree = sigma <= rough * (1 + 2.7 / Math.sqrt(Math.max(df, 1)));
  const window = z.slice(0, recent);
  const robustLevel = huberLocation(window, sigma);
  const robustVariance = huberVarianceFactor(recent) / recent + driftVariance;

  // How often did the history's own next run land far from where its previous window put it?
  const spread = UNUSUAL_SIGMAS * sigma * Math.sqrt(1 + robustVariance);
  const errors = predictionErrors(z, 1, recent, sigma);
  const unusualSlow = errors.filter((e) => e > spread).length;
  const unusualFast = errors.filter((e) => e < -spread).length;
  const wide = errors.filter((e) => Math.abs(e) > (2 / UNUSUAL_SIGMAS) * spread).length;
  const normalShape =
    twoSpreadsAgree &&
    trimmed === 0 &&
    binomialUpperP(unusualSlow + unusualFast, errors.length, 0.0027) >= 0.05 &&
    binomialUpperP(wide, errors.length, 0.0455) >= 0.01;
  // Bell-shaped timings: the plain mean is the most efficient level (robustness buys nothing
  // there, and costs ~8% of variance); otherwise Huber's, checked by the permutation test.
  return {
    level: normalShape ? mean(window) : robustLevel,
    sigma,
    df,
    levelVariance: normalShape ? 1 / recent + driftVariance : robustVariance,
    recentCount: recent,
    historyCount: n,
    driftPerRun: drift,
    projected: z,
    references: errors.length,
    unusualSlow,
    unusualFast,
    normalShape,
  };
}

/**
 * How far the history's own runs landed from where the runs before them put the level: for each
 * `runs` consecutive runs with `recent` older ones behind them, the Huber location of the runs minus
 * that of the older ones. The same statistic as a change's, so its spread is the change's under "no
 * change", whatever shape the timings have (hiccups, cache misses).
 */
export function predictionErrors(
  projected: readonly number[],
  runs: number,
  recent: number,
  sigma: number,
): number[] {
  const errors: number[] = [];
  for (let i = 0; i + runs + recent <= projected.length; i++) {
    const those = huberLocation(projected.slice(i, i + runs), sigma);
    const before = huberLocation(projected.slice(i + runs, i + runs + recent), sigma);
    errors.push(those - before);
  }
  return errors;
}

/** mulberry32: the permutation draws are seeded, so a verdict is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERMUTATIONS = 999;

/**
 * One-sided permutation p-value of the change's runs against the older history, both measured from
 * the same level: how often would `runs.length` runs drawn from the pool (the history outside the
 * recent window, plus the change's runs) sit at least this far above (`slower`) or below it? Valid
 * whatever the timings' shape, given the level. Exact for one run; 999 seeded draws otherwise.
 */
export function permutationP(model: NoiseModel, runs: readonly number[], slower: boolean): number {
  const { level, sigma } = model;
  // Short histories have no older part to speak of: then all their runs form the pool.
  const older = model.projected.slice(model.recentCount);
  const pool = [...(older.length >= 10 ? older : model.projected), ...runs];
  const m = runs.length;
  const sign = slower ? 1 : -1;
  const observed = sign * (huberLocation(runs, sigma) - level);
  if (m === 1) {
    const atLeast = pool.filter((v) => sign * (v - level) >= observed - 1e-12).length;
    return atLeast / pool.length;
  }
  const random = seeded(pool.length * 7919 + m);
  const pick = new Array<number>(m);
  let atLeast = 0;
  for (let draw = 0; draw < PERMUTATIONS; draw++) {
    // Partial Fisher–Yates over a copy: m distinct runs of the pool.
    const copy = pool.slice();
    for (let k = 0; k < m; k++) {
      const j = k + Math.floor(random() * (copy.length - k));
      [copy[k], copy[j]] = [copy[j] as number, copy[k] as number];
      pick[k] = copy[k] as number;
    }
    if (sign * (huberLocation(pick, sigma) - level) >= observed - 1e-12) atLeast += 1;
  }
  return (1 + atLeast) / (1 + PERMUTATIONS);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperP(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  let term = (1 - p) ** n; // P(X = 0)
  let below = 0;
  for (let i = 0; i < k && i <= n; i++) {
    below += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - below);
}
