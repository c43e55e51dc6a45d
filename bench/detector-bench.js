// Detector benchmark: runs the regression detector over synthetic histories whose truth is known and
// prints its detection and false-alarm rates beside the best any test can do (the known-noise
// ceiling) and a fixed-ratio rule (slower if the PR runs' mean is ≥ 1.5× the baseline mean).
// A history is what the action sees: the base branch's last 100 successful runs (10 recent + 90
// older), newest first, and 1, 3 or 5 runs of the pull request's newest commit.
// Plain ESM over the compiled library: run `npx tsc -p tsconfig.build.json` first (npm run bench does).
// Options (flag or environment variable):
//   --trials=N (DETECTOR_BENCH_TRIALS): trials per cell, default 2000. At 2,000 a 2% rate is only
//     known to ±0.6 points (95%); settling a cell near 2% takes ~20,000.
//   --only=false-alarms (DETECTOR_BENCH_ONLY): just the unchanged-step cells at 10% noise.
//   --patterns=clean,drift (DETECTOR_BENCH_PATTERNS): just those timing patterns.
import { pathToFileURL } from 'node:url';
import { detectRegression } from '../lib/insight/regression.js';
import { normalCdf, normalQuantile } from '../lib/insight/distributions.js';

/** Run as `node bench/detector-bench.js` (not imported by bench/run.js). */
const direct = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;

/** A bad option: one line and exit 2 when run directly; an error for bench/run.js to print. */
function badOption(message) {
  if (!direct) throw new Error(message);
  console.error(`detector bench: ${message}`);
  process.exit(2);
}

/** `--name=value` from the command line (when run directly), else the environment variable. */
function option(name, variable) {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : process.env[variable];
}
const trialsText = option('trials', 'DETECTOR_BENCH_TRIALS') ?? '2000';
const TRIALS = Number(trialsText);
if (!Number.isInteger(TRIALS) || TRIALS < 1) {
  badOption(
    `--trials (DETECTOR_BENCH_TRIALS) must be a whole number ≥ 1, e.g. 20000; got "${trialsText}"`,
  );
}
const ONLY = option('only', 'DETECTOR_BENCH_ONLY') ?? 'all';
if (!['all', 'false-alarms'].includes(ONLY)) {
  badOption(`--only (DETECTOR_BENCH_ONLY) must be "all" or "false-alarms", got "${ONLY}"`);
}
const ALL_PATTERNS = ['clean', 'outliers', 'bimodal', 'drift'];
const PATTERNS = (option('patterns', 'DETECTOR_BENCH_PATTERNS') ?? ALL_PATTERNS.join(','))
  .split(',')
  .filter(Boolean);
for (const p of PATTERNS) {
  if (!ALL_PATTERNS.includes(p)) {
    badOption(`--patterns must name some of ${ALL_PATTERNS.join(', ')}; got "${p}"`);
  }
}
const SHIFTS = [0, 0.05, 0.1, 0.2, 0.5];
const PR_RUNS = [1, 3, 5];
const NOISES = [0.05, 0.1, 0.3];
const RECENT_RUNS = 10;
const OLDER_RUNS = 90;
const TYPICAL_MS = 60_000;
const TARGET_FALSE_ALARMS = 0.02;
/** Issue 9's detection targets for +20% at 10% noise, by PR runs. */
const TARGETS = { 1: 0.34, 3: 0.72, 5: 0.86 };

/** mulberry32: small, fast, seeded; the same seed gives the same histories on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random) {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function seedOf(...parts) {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * One synthetic history. Noise is log-normal: `noise` is the standard deviation of log durations
 * (≈ the coefficient of variation, so 0.10 means runs typically vary by ±10%).
 * Patterns: clean; drift (main gets 1% slower every run, 2.7× over the 100 runs; the PR sits at
 * main's next level times the shift); outliers (5% of all runs take 3×); bimodal (cache miss: 30%
 * of all runs take 2×). Baseline newest first, as the action passes it.
 */
function history(random, { pattern, baselineRuns, prRuns, noise, shift }) {
  const run = (drift) => {
    let log = noise * gaussian(random) + drift;
    if (pattern === 'outliers' && random() < 0.05) log += Math.log(3);
    if (pattern === 'bimodal' && random() < 0.3) log += Math.log(2);
    return TYPICAL_MS * Math.exp(log);
  };
  const trend = (i) => (pattern === 'drift' ? i * Math.log(1.01) : 0);
  const baseline = [];
  for (let i = 0; i < baselineRuns; i++) baseline.push(run(trend(i)));
  baseline.reverse();
  const candidate = [];
  for (let j = 0; j < prRuns; j++) candidate.push(run(trend(baselineRuns) + Math.log(1 + shift)));
  return { baseline, candidate };
}

const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;

const methods = {
  detector: (h) => detectRegression(h.baseline, h.candidate).verdict === 'slower',
  ratio: (h) => mean(h.candidate) >= 1.5 * mean(h.baseline.slice(0, RECENT_RUNS)),
};

/** How many trials the detector calls "slower" and "faster", and the 1.5× rule "slower". */
function counts(scenario) {
  const random = prng(
    seedOf(
      scenario.pattern,
      scenario.noise,
      scenario.baselineRuns,
      scenario.prRuns,
      scenario.shift,
    ),
  );
  let slower = 0;
  let faster = 0;
  let ratio = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const h = history(random, scenario);
    const v = detectRegression(h.baseline, h.candidate).verdict;
    if (v === 'slower') slower += 1;
    if (v === 'faster') faster += 1;
    if (methods.ratio(h)) ratio += 1;
  }
  return { slower, faster, ratio };
}

/** Share of trials each method calls "slower" (and the detector "faster", for false alarms). */
function rates(scenario) {
  const c = counts(scenario);
  return { detector: c.slower / TRIALS, ratio: c.ratio / TRIALS, faster: c.faster / TRIALS };
}

/**
 * The Neyman–Pearson ceiling for clean log-normal noise: a z-test told the true noise, comparing the
 * mean log of the PR's runs with the mean log of the 10 recent baseline runs (the level must come
 * from recent runs: main drifts), one-sided at exactly the target false-alarm rate.
 */
function ceiling({ noise, prRuns, shift }) {
  const se = noise * Math.sqrt(1 / RECENT_RUNS + 1 / prRuns);
  return normalCdf(Math.log(1 + shift) / se - normalQuantile(1 - TARGET_FALSE_ALARMS));
}

const pct = (r) => `${(r * 100).toFixed(1)}%`;
const pad = (text, width) => String(text).padStart(width);
const shiftLabel = (s) => (s === 0 ? '0% (FA)' : `+${Math.round(s * 100)}%`);
const BASELINE_RUNS = RECENT_RUNS + OLDER_RUNS;

/** Detection per noise level: detector (ceiling) per PR-run count and shift. */
function noiseTables(print) {
  const table = {};
  for (const noise of NOISES) {
    print('');
    print(
      `Clean ${Math.round(noise * 100)}% log-normal noise, ${RECENT_RUNS} recent + ${OLDER_RUNS} older baseline runs: detector (ceiling) / 1.5× rule`,
    );
    print(`${'PR runs'.padEnd(8)}${SHIFTS.map((s) => pad(shiftLabel(s), 24)).join('')}`);
    for (const prRuns of PR_RUNS) {
      const cells = SHIFTS.map((shift) => {
        const scenario = { pattern: 'clean', noise, baselineRuns: BASELINE_RUNS, prRuns, shift };
        const r = rates(scenario);
        const c = shift === 0 ? TARGET_FALSE_ALARMS : ceiling(scenario);
        table[`${noise}:${prRuns}:${shift}`] = { ...r, ceiling: c };
        return pad(`${pct(r.detector)} (${pct(c)}) / ${pct(r.ratio)}`, 24);
      });
      print(`${String(prRuns).padEnd(8)}${cells.join('')}`);
    }
  }
  return table;
}

/**
 * 95% Wilson score interval of a binomial share (`hits` of `trials`): unlike ±1.96·√(p(1−p)/n) it
 * stays inside [0, 1] and keeps its coverage near 0, where false-alarm rates live.
 */
export function wilson(hits, trials, z = 1.959964) {
  const p = hits / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half =
    (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The rule for a false-alarm rate against the 2% target, on its 95% interval: FAIL when the whole
 * interval is above 2% (the true rate is above it), PASS otherwise; a PASS whose point estimate is
 * above 2% is flagged as unresolved (more trials would say which side it is on).
 */
function judge(ci) {
  if (ci.low > TARGET_FALSE_ALARMS) return 'FAIL';
  return ci.rate > TARGET_FALSE_ALARMS ? 'PASS?' : 'PASS';
}

/** Point estimate and 95% interval; two decimals, the precision 20,000 trials give near 2%. */
const pct2 = (r) => `${(r * 100).toFixed(2)}%`;
const interval = (ci) => `${pct2(ci.rate)} [${pct2(ci.low)}–${pct2(ci.high)}]`;

/**
 * False alarms per timing pattern: how often an unchanged step is called slower, and faster, each
 * with its 95% interval, and +20% detection. The target (≤ 2%) is per direction: issue 9 sets its
 * detection targets against a one-sided 2% ceiling, which a 2% total (1% a side) could not reach.
 * The share of any wrong call (slower + faster) is printed too.
 */
function patternTable(print) {
  print('');
  print(
    `Patterns at 10% noise, ${RECENT_RUNS} recent + ${OLDER_RUNS} older baseline runs, ${TRIALS} trials per cell: unchanged step`,
  );
  print(
    'called slower, faster, either (point [95% Wilson interval]); rule per direction: FAIL when',
  );
  print('the interval is wholly above 2%, PASS? when it is not but the point estimate is;');
  print(ONLY === 'all' ? '+20% called slower in the last column.' : '');
  const w = 27;
  print(
    `${'pattern'.padEnd(10)}${'runs'.padStart(4)}${pad('slower', w)}${pad('faster', w)}${pad('either', w)}  rule${ONLY === 'all' ? '   +20%' : ''}`,
  );
  const rows = [];
  for (const pattern of PATTERNS) {
    for (const prRuns of PR_RUNS) {
      const started = Date.now();
      const base = { pattern, noise: 0.1, baselineRuns: BASELINE_RUNS, prRuns };
      const fa = counts({ ...base, shift: 0 });
      const hit = ONLY === 'all' ? counts({ ...base, shift: 0.2 }) : null;
      const slower = wilson(fa.slower, TRIALS);
      const faster = wilson(fa.faster, TRIALS);
      const either = wilson(fa.slower + fa.faster, TRIALS);
      const rules = [judge(slower), judge(faster)];
      const rule = ['FAIL', 'PASS?', 'PASS'].find((r) => rules.includes(r));
      rows.push({
        pattern,
        prRuns,
        slower,
        faster,
        either,
        rule,
        detect20: hit ? hit.slower / TRIALS : null,
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      print(
        `${pattern.padEnd(10)}${String(prRuns).padStart(4)}${pad(interval(slower), w)}${pad(interval(faster), w)}${pad(interval(either), w)}  ${rule.padEnd(5)}${hit ? pad(pct(hit.slower / TRIALS), 7) : ''}  (${seconds} s)`,
      );
    }
  }
  return rows;
}

/** Runs the benchmark, prints the tables, and returns the figures (for bench/run.js). */
export async function main(print = console.log) {
  const started = Date.now();
  print('== Regression detector: detection and false-alarm rates on synthetic histories ==');
  print(`${TRIALS} trials per cell; share of trials called "slower". Ceiling: a z-test told the`);
  print(
    'true noise, level from the 10 recent runs, at 2% false alarms (no test can beat it there).',
  );
  const table = ONLY === 'all' ? noiseTables(print) : {};
  const rows = patternTable(print);
  const failed = rows.filter((r) => r.rule === 'FAIL');
  const unresolved = rows.filter((r) => r.rule === 'PASS?');
  const worst = rows.reduce(
    (a, r) => {
      const top = r.slower.rate >= r.faster.rate ? r.slower : r.faster;
      return top.rate > a.rate ? top : a;
    },
    wilson(0, TRIALS),
  );
  print('');
  print('Targets (issue 9), 10% noise:');
  const targets = [
    {
      what: 'false alarms on unchanged steps ≤ 2% a direction, every pattern and PR-run count (FAIL when a 95% interval is wholly above 2%)',
      ok: failed.length === 0,
      text: `worst ${interval(worst)}${failed.length ? `; above 2%: ${failed.map((r) => `${r.pattern}/${r.prRuns}`).join(', ')}` : ''}${unresolved.length ? `; unresolved at ${TRIALS} trials: ${unresolved.map((r) => `${r.pattern}/${r.prRuns}`).join(', ')}` : ''}`,
    },
    ...(ONLY === 'all'
      ? PR_RUNS.map((m) => {
          const cell = table[`0.1:${m}:0.2`];
          const ci = wilson(Math.round(cell.detector * TRIALS), TRIALS);
          return {
            what: `+20% detected with ${m} PR run${m > 1 ? 's' : ''} ≥ ${pct(TARGETS[m])}`,
            ok: cell.detector >= TARGETS[m],
            text: `${interval(ci)} (ceiling ${pct(cell.ceiling)})`,
          };
        })
      : []),
  ];
  for (const t of targets) print(`  ${t.ok ? 'PASS' : 'FAIL'}  ${t.what}: ${t.text}`);
  print(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { table, rows, targets };
}

// bench/run.js looks for `run` or a default export; the brief names it `main`: all three work.
export { main as run };
export default main;

if (direct) {
  await main();
}
