export const id = 814;
export const ids = [814];
export const modules = {

/***/ 87648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ stepFolder),
/* harmony export */   k: () => (/* binding */ dashboardOutputFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/** Where the dashboard is written: pure path helpers, apart from the artifact client. */


/**
 * Where a step's dashboard is written: `<tempDir>/dev-metrics/<folder>/dashboard.html`. The step
 * name is data, so the folder is only letters, digits, `_` and `-` (never `.`, `..`, a separator
 * or a control character), at most 60 of them, plus a hash of the whole name so that different
 * names (`a b`, `a/b`, two long names with one prefix) never share, and overwrite, a folder.
 */
function dashboardOutputFile(tempDir, stepName) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tempDir, 'dev-metrics', stepFolder(stepName), 'dashboard.html');
}
/** A readable, file-system-safe folder name for a step, unique per name: `unit-tests-1a2b3c4d`. */
function stepFolder(stepName) {
    const readable = stepName
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .slice(0, 60)
        .replace(/^-+|-+$/g, '');
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(stepName, 'utf8').digest('hex').slice(0, 8);
    return readable ? `${readable}-${hash}` : hash;
}


/***/ }),

/***/ 26814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishJob: () => (/* binding */ publishJob),
  g: () => (/* binding */ publishStep),
  a: () => (/* binding */ regressionFailure)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(28863);
// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/core/values.ts
var core_values = __webpack_require__(14101);
// EXTERNAL MODULE: ./src/core/stats.ts
var stats = __webpack_require__(38796);
// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/insight/flakiness.ts
var insight_flakiness = __webpack_require__(44746);
// EXTERNAL MODULE: ./src/insight/series.ts + 1 modules
var insight_series = __webpack_require__(18744);
;// CONCATENATED MODULE: ./src/insight/baseline.ts

function checkLimit(limit, what) {
    if (!Number.isInteger(limit) || limit < 1) {
        throw new Error(`${what} limit must be a whole number ≥ 1, got ${limit}`);
    }
    return limit;
}
/**
 * Indices k into `view` of successful runs with a usable number: finite (and, for durations,
 * not negative: values may be 0 or below).
 */
function usableSuccesses(history, view) {
    const out = [];
    const nonNegative = view.kind === 'duration';
    for (let k = 0; k < view.rows.length; k++) {
        const x = view.numbers[k];
        if ((history.flags[view.rows[k]] & core_history/* FAILED */.Wk) !== 0)
            continue;
        if (!Number.isFinite(x) || (nonNegative && x < 0))
            continue;
        out.push(k);
    }
    return out;
}
/** Newest first by start; unreadable times last; ties in row order. Returns at most `limit`. */
function newestFirst(history, view, picked, limit) {
    const time = (k) => {
        const t = history.startedMs[view.rows[k]];
        return Number.isNaN(t) ? -Infinity : t;
    };
    const order = [...picked].sort((a, b) => time(b) - time(a) || a - b).slice(0, limit);
    return { rows: order.map((k) => view.rows[k]), numbers: order.map((k) => view.numbers[k]) };
}
/**
 * The baseline of one series (`view`: its rows and numbers): its successful runs on the base
 * branch (falling back to the default branch), newest `limit`. Rows without CI metadata (laptop
 * runs) are only used when no row of the series has branch information at all — mixing a
 * laptop's timings with a runner's would compare machines, not code.
 */
function baselineOfView(history, view, options) {
    const limit = checkLimit(options.limit ?? 100, 'baseline');
    const usable = usableSuccesses(history, view);
    if ((options.excludeRunIds?.length ?? 0) > 0)
        history.requireLegs('excludeRunIds');
    const excluded = new Set();
    for (const id of options.excludeRunIds ?? []) {
        if (history.idOf(id) !== core_history/* NONE */.x3)
            excluded.add(history.idOf(id));
    }
    const excludedSha = history.idOf(options.excludeSha);
    const runs = usable.filter((k) => {
        const row = view.rows[k];
        if (excluded.has(history.runId[row]))
            return false;
        return excludedSha === core_history/* NONE */.x3 || history.sha[row] !== excludedSha;
    });
    const pick = (chosen, branch, source) => ({
        ...newestFirst(history, view, chosen, limit),
        branch,
        source,
    });
    const hasBranchInfo = usable.some((k) => history.branch[view.rows[k]] !== core_history/* NONE */.x3);
    if (!hasBranchInfo)
        return pick(runs, null, 'no-branch-info');
    // Pull-request runs carry the PR's head branch, which may itself be called "main" (forks).
    const onBranch = (branch) => {
        const id = history.idOf(branch);
        if (id === core_history/* NONE */.x3)
            return [];
        return runs.filter((k) => {
            const row = view.rows[k];
            return history.branch[row] === id && Number.isNaN(history.prNumber[row]);
        });
    };
    if (options.baseBranch) {
        const base = onBranch(options.baseBranch);
        if (base.length > 0)
            return pick(base, options.baseBranch, 'base-branch');
    }
    if (options.defaultBranch && options.defaultBranch !== options.baseBranch) {
        const fallback = onBranch(options.defaultBranch);
        if (fallback.length > 0)
            return pick(fallback, options.defaultBranch, 'default-branch');
    }
    return pick([], options.baseBranch ?? options.defaultBranch ?? null, 'none');
}
/** The rows of `records` named `name`, in a history of exactly `records` (row k = records[k]). */
function rowsNamed(history, name) {
    const id = history.idOf(name);
    const rows = [];
    if (id === NONE)
        return rows;
    for (let row = 0; row < history.length; row++)
        if (history.name[row] === id)
            rows.push(row);
    return rows;
}
/**
 * The baseline for one step of `records`: see baselineOfView. (The record-shaped entry point: a
 * caller holding a history reads it with readHistory and calls baselineOfView.)
 */
function selectBaseline(records, options) {
    const history = ColumnarHistory.of(records);
    const view = durationView(history, rowsNamed(history, options.name));
    const chosen = baselineOfView(history, view, options);
    return {
        records: chosen.rows.map((row) => records[row]),
        durations: chosen.numbers,
        branch: chosen.branch,
        source: chosen.source,
    };
}
/**
 * The candidate of one series (`view`): successful runs of the commit under test, newest first, at
 * most `limit`. Without a sha (histories from other tools), the runs of the same pull request (or,
 * for pushes, the same branch). The caller's history includes the current run.
 */
function candidateOfView(history, view, options) {
    const limit = checkLimit(options.limit ?? 10, 'candidate');
    const sha = history.idOf(options.sha);
    const branch = history.idOf(options.branch);
    const matches = usableSuccesses(history, view).filter((k) => {
        const row = view.rows[k];
        if (options.sha !== undefined)
            return sha !== core_history/* NONE */.x3 && history.sha[row] === sha;
        if (options.prNumber !== undefined)
            return history.prNumber[row] === options.prNumber;
        return branch !== core_history/* NONE */.x3 && history.branch[row] === branch && Number.isNaN(history.prNumber[row]);
    });
    return newestFirst(history, view, matches, limit);
}
/** The candidate for one step of `records`: see candidateOfView. */
function selectCandidate(records, options) {
    const history = ColumnarHistory.of(records);
    const view = durationView(history, rowsNamed(history, options.name));
    return candidateOfView(history, view, options).rows.map((row) => records[row]);
}

// EXTERNAL MODULE: ./src/insight/regression.ts + 2 modules
var insight_regression = __webpack_require__(1773);
// EXTERNAL MODULE: ./src/insight/sample-stats.ts
var sample_stats = __webpack_require__(44134);
;// CONCATENATED MODULE: ./src/insight/value-regression.ts


/** The smallest scaled value: well above the detector's 1 ms floor. */
const SCALED_FLOOR = 1024;
/** The detector's direction words, to be said the value's way. */
const DETECTOR_WORDS = /\b(slower|faster)\b/g;
/**
 * detectRegression for the values of one series (baseline NEWEST FIRST, as for durations), in the
 * value's direction; see the file comment. Non-finite entries are ignored.
 */
function detectValueRegression(baselineValues, candidateValues, better, options = {}) {
    const baseline = baselineValues.filter(Number.isFinite);
    const candidate = candidateValues.filter(Number.isFinite);
    const all = [...baseline, ...candidate];
    const positive = all.every((v) => v > 0);
    const min = all.length > 0 ? Math.min(...all) : 1;
    const scale = positive ? 2 ** Math.max(0, Math.ceil(Math.log2(SCALED_FLOOR / min))) : 1;
    const fits = all.every((v) => Number.isFinite(v * scale));
    if (!positive || !fits) {
        const recent = baseline.slice(0, options.recentWindow ?? 10);
        return {
            name: options.name ?? '',
            verdict: 'not enough data',
            changePercent: null,
            ciLowPercent: null,
            ciHighPercent: null,
            confidence: options.confidence ?? 0.96,
            pValue: null,
            baselineCount: baseline.length,
            candidateCount: candidate.length,
            baselineMedianMs: recent.length > 0 ? (0,sample_stats/* median */.JZ)(recent) : null,
            baselineP95Ms: baseline.length > 0 ? (0,sample_stats/* percentile */.Ym)(baseline, 95) : null,
            candidateMedianMs: candidate.length > 0 ? (0,sample_stats/* median */.JZ)(candidate) : null,
            reason: positive
                ? 'values span too wide a range to compare as ratios'
                : 'values <= 0 need a linear scale: this comparison works on ratios',
        };
    }
    // The label may contain the detector's words ("slower-builds"): it goes in as a placeholder.
    const label = options.baselineLabel;
    const placeholder = '\u0000baseline\u0000';
    const verdict = (0,insight_regression/* detectRegression */.l)(baseline.map((v) => v * scale), candidate.map((v) => v * scale), { ...options, baselineLabel: label === undefined || label === '' ? label : placeholder });
    const unscale = (v) => (v === null ? null : v / scale);
    const swap = better === 'bigger';
    const kind = verdict.verdict === 'slower'
        ? swap
            ? 'faster'
            : 'slower'
        : verdict.verdict === 'faster'
            ? swap
                ? 'slower'
                : 'faster'
            : verdict.verdict;
    const reason = verdict.reason
        .replace(DETECTOR_WORDS, (word) => ((word === 'slower') !== swap ? 'worse' : 'better'))
        .split(placeholder)
        .join(label ?? '');
    return {
        ...verdict,
        verdict: kind,
        baselineMedianMs: unscale(verdict.baselineMedianMs),
        baselineP95Ms: unscale(verdict.baselineP95Ms),
        candidateMedianMs: unscale(verdict.candidateMedianMs),
        reason,
    };
}

;// CONCATENATED MODULE: ./src/insight/verdicts.ts
/**
 * One call for the action and the CLI: a regression verdict for each tracked step of the current run,
 * choosing baseline and candidate runs from the history. verdictOfView works on the core's columns
 * for any measure (durations or a value series: the one path for both); regressionVerdicts and
 * valueVerdicts are the record-shaped entry points.
 */





/**
 * The verdict of one series (`view`: its rows of `history` and the number measured at each; the
 * current run's rows must be among them), named `name`. A push to the base branch is judged on its
 * own commit's runs against the branch's earlier runs. For a measure where bigger is better, a
 * rise is the improvement: the kinds 'slower'/'faster' then mean worse/better. A value series goes
 * through detectValueRegression (value-regression.ts): scaled above the detector's 1 ms floor,
 * not judged when any value is <= 0, its reason saying worse/better.
 */
function verdictOfView(history, view, name, run, options = {}) {
    const baseBranch = run.baseBranch ?? run.defaultBranch;
    const pushToBase = run.prNumber === undefined && run.branch !== undefined && run.branch === baseBranch;
    const baseline = baselineOfView(history, view, {
        baseBranch,
        defaultBranch: run.defaultBranch,
        limit: options.baselineLimit,
        excludeRunIds: run.runIds,
        excludeSha: pushToBase ? run.sha : undefined,
    });
    const candidate = candidateOfView(history, view, {
        branch: pushToBase ? undefined : run.branch,
        prNumber: run.prNumber,
        sha: run.sha,
        limit: options.candidateLimit,
    });
    const { baselineLimit: _b, candidateLimit: _c, ...regression } = options;
    const detect = { ...regression, name, baselineLabel: baseline.branch ?? undefined };
    if (view.kind === 'value') {
        return detectValueRegression(baseline.numbers, candidate.numbers, view.better, detect);
    }
    return orientVerdict((0,insight_regression/* detectRegression */.l)(baseline.numbers, candidate.numbers, detect), view.better);
}
/**
 * The verdicts of the values of one step series (`rows`, ascending, labelled `step`): one per value
 * name carried by any of its rows, sorted by value name, each named `valueLabel(step, name)` and
 * judged by verdictOfView like the step's duration (same baseline and candidate choice).
 */
function valueVerdictsOfRows(history, rows, step, run, options = {}) {
    const names = [...history.values.keys()].sort(compare);
    const out = [];
    for (const valueName of names) {
        const view = history.valueView(valueName, rows);
        if (view === undefined || view.rows.length === 0)
            continue;
        const verdict = verdictOfView(history, view, (0,core_values/* valueLabel */.Qb)(step, valueName), run, options);
        out.push({
            ...verdict,
            step,
            valueName,
            better: view.better,
            ...(view.unit === undefined ? {} : { unit: view.unit }),
        });
    }
    return out;
}
/**
 * Value verdicts of the steps named in `steps` (series labels; all steps when omitted), sorted by
 * step then value name: `records` should already carry series labels (series.ts labelSeries).
 */
function valueVerdicts(records, run, options = {}, steps) {
    const history = ColumnarHistory.of(records);
    if (history.values.size === 0)
        return [];
    const byName = history.rowsByName();
    const names = steps === undefined ? [...byName.keys()] : [...new Set(steps)];
    return names.sort(compare).flatMap((step) => {
        const rows = byName.get(step);
        return rows === undefined ? [] : valueVerdictsOfRows(history, rows, step, run, options);
    });
}
/** Code-unit order, as the CLI sorts operation names (locale-independent). */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** detectRegression says 'slower' for a rise; for a bigger-is-better measure a rise is better. */
function orientVerdict(verdict, better) {
    if (better === 'smaller')
        return verdict;
    const flipped = verdict.verdict === 'slower' ? 'faster' : verdict.verdict === 'faster' ? 'slower' : null;
    return flipped === null ? verdict : { ...verdict, verdict: flipped };
}
/**
 * Verdicts for `names` (the steps of the current run, which must already be in `records`).
 * A push to the base branch is judged on its own commit's runs against the branch's earlier runs.
 */
function regressionVerdicts(records, names, run, options = {}) {
    const history = ColumnarHistory.of(records);
    const byName = history.rowsByName();
    return [...new Set(names)].map((name) => {
        const rows = byName.get(name) ?? new Int32Array(0);
        return verdictOfView(history, durationView(history, rows), name, run, options);
    });
}

// EXTERNAL MODULE: ./src/report/comment-body.ts
var comment_body = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
// EXTERNAL MODULE: ./src/core/ci.ts
var ci = __webpack_require__(42131);
// EXTERNAL MODULE: ./src/report/charts.ts
var charts = __webpack_require__(43337);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/report/sanitize.ts + 1 modules
var sanitize = __webpack_require__(96532);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary section of ONE tracked step: Markdown for core.summary.addRaw (the action
 * writes one section per step; several steps in a job each add their own). Pure rendering: every
 * piece of user data goes through sanitize.ts, error text through core/redact.ts first.
 */






/** Default cap of one section, in UTF-8 bytes (GitHub allows 1 MiB per step's summary). */
const STEP_SUMMARY_MAX_BYTES = 200_000;
/** Default number of characters of error output shown (the end of it). */
const ERROR_TAIL_CHARS = 4000;
/** Runs listed in the collapsible table. */
const LAST_RUNS_SHOWN = 10;
const NAME_MAX_CHARS = 200;
const CELL_MAX_CHARS = 80;
const REASON_MAX_CHARS = 500;
const FLAKY_COMMITS_SHOWN = 5;
/**
 * Markdown for one step's section: heading (status emoji + name), a table of this run against
 * its baseline, the verdict sentence, flakiness, the trend chart (or a note), and collapsible
 * blocks with the last runs and this run's error tail. Never longer than `maxBytes`: the parts
 * that can grow are dropped first (runs table, then error), then the text is cut.
 */
function renderStepSummary(input) {
    const maxBytes = input.maxBytes ?? STEP_SUMMARY_MAX_BYTES;
    const runs = orderedRuns(input.run, input.history ?? []);
    const head = [heading(input.run), resultTable(input, runs)];
    const values = valuesTable(input);
    if (values)
        head.push(values);
    head.push(verdictSentence(input));
    const flaky = flakinessNote(input.flakiness);
    if (flaky)
        head.push(flaky);
    head.push(chartPart(input, runs));
    const lastRuns = lastRunsBlock(runs);
    const error = errorBlock(input);
    // Largest-first fallbacks; each candidate is complete Markdown (no half-open blocks).
    const candidates = [[...head, lastRuns, error], [...head, error], [...head, lastRuns], head];
    for (const parts of candidates) {
        const text = joinParts(parts);
        if (byteLength(text) <= maxBytes)
            return text;
    }
    return cutToBytes(joinParts([heading(input.run), verdictSentence(input)]), maxBytes);
}
function heading(run) {
    return `### ${(0,format/* statusEmoji */.H0)(run.status)} ${(0,sanitize/* escapeMarkdownText */.m4)(run.name, NAME_MAX_CHARS)}`;
}
function resultTable(input, runs) {
    const { run, verdict, window } = input;
    const total = window?.total_executions ?? runs.length;
    const successRate = 
    // success_rate is a fraction (as in the library's summary); the table shows a percentage.
    (window === undefined || window === null ? undefined : 100 * window.success_rate) ??
        (runs.length ? (100 * runs.filter((r) => r.status === 'success').length) / runs.length : null);
    return (0,sanitize/* table */.tp)([
        ['This run', 'Baseline median', 'Baseline p95', 'Change', 'Verdict', 'Success rate', 'Runs'],
        [
            (0,format/* formatDuration */.a3)(run.duration_ms),
            (0,format/* formatDuration */.a3)(verdict.baselineMedianMs),
            (0,format/* formatDuration */.a3)(verdict.baselineP95Ms),
            (0,format/* formatChangePercent */.Bd)(verdict.changePercent),
            (0,format/* verdictLabel */.Id)(verdict.verdict),
            (0,format/* formatPercent */.l9)(successRate),
            String(total),
        ],
    ], ['r', 'r', 'r', 'r', 'l', 'r', 'r']);
}
/**
 * A row per value of this run: `bundle_kb | 512 KB | 498 KB | +2.8% | 👍 better`, the change being
 * this run's value against the baseline median, the verdict the value series' (worse/better);
 * null when the run has no values.
 */
function valuesTable({ run, valueVerdicts }) {
    const values = (0,core_values/* valuesOf */.sm)(run.metadata);
    if (values.length === 0)
        return null;
    const rows = values.map((v) => {
        const verdict = valueVerdicts?.find((x) => x.valueName === v.name);
        const median = verdict?.baselineMedianMs ?? null;
        // A change against 0 or across it is no percentage anyone can read.
        const change = median !== null && median > 0 && v.value >= 0 ? (100 * (v.value - median)) / median : null;
        const show = (x) => (0,sanitize/* escapeMarkdownText */.m4)((0,format/* formatValue */.Fl)(x, v.unit), CELL_MAX_CHARS);
        return [
            (0,sanitize/* escapeMarkdownText */.m4)(v.name, CELL_MAX_CHARS),
            show(v.value),
            show(median),
            (0,format/* formatChangePercent */.Bd)(change),
            verdict ? (0,format/* verdictLabel */.Id)(verdict.verdict, 'value') : format/* NO_VALUE */.GY,
            v.better === 'bigger' ? 'bigger' : 'smaller',
        ];
    });
    return (0,sanitize/* table */.tp)([['Value', 'This run', 'Baseline median', 'Change', 'Verdict', 'Better'], ...rows], ['l', 'r', 'r', 'r', 'l', 'l']);
}
function verdictSentence({ verdict, baselineBranch }) {
    // The detector's reason already carries the change, its interval and the p-value.
    const parts = [
        `**${(0,format/* verdictLabel */.Id)(verdict.verdict)}:** ${(0,sanitize/* escapeProse */.fd)(sentence(verdict.reason), REASON_MAX_CHARS)}`,
    ];
    const on = baselineBranch ? ` on ${(0,sanitize/* escapeProse */.fd)(baselineBranch, CELL_MAX_CHARS)}` : '';
    parts.push(`Baseline: ${verdict.baselineCount} successful run${verdict.baselineCount === 1 ? '' : 's'}${on}; ` +
        `compared: ${verdict.candidateCount} run${verdict.candidateCount === 1 ? '' : 's'}.`);
    return parts.join(' ');
}
function flakinessNote(flakiness) {
    if (!flakiness || flakiness.flakyCommits.length === 0)
        return null;
    const shown = flakiness.flakyCommits
        .slice(0, FLAKY_COMMITS_SHOWN)
        .map((sha) => commitCell(sha, 'inline'));
    const more = flakiness.flakyCommits.length - shown.length;
    return (`> ⚠️ **Flaky:** ${flakiness.flakyCommits.length} of ${flakiness.commitsSeen} commits ` +
        `(${(0,format/* formatPercent */.l9)(flakiness.flakeRate * 100)}) had both a passing and a failing run: ` +
        `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`);
}
function chartPart(input, runs) {
    if ((input.charts ?? 'quickchart') === 'none') {
        return '_Trend chart off (charts: none): no data is sent to a chart service._';
    }
    const points = runs.map((r) => ({
        t: r.started_at,
        durationMs: r.duration_ms,
        failed: r.status === 'failed',
    }));
    const url = (0,charts/* trendChartUrl */.zB)(points, {
        charts: input.charts ?? 'quickchart',
        baseUrl: input.quickchartUrl,
        size: 'full',
        title: `${input.run.name}: duration per run`,
        baselineMedianMs: input.verdict.baselineMedianMs,
    });
    const image = url === null ? null : (0,sanitize/* markdownImage */.ho)(`Trend of ${input.run.name}: duration per run`, url);
    return (image ??
        `_Trend chart omitted: its URL would be longer than ${charts/* MAX_CHART_URL_LENGTH */.nH} characters (check quickchart-url)._`);
}
function lastRunsBlock(runs) {
    const newest = runs.slice(-LAST_RUNS_SHOWN).reverse();
    const rows = newest.map((r) => {
        const ci = ciOf(r);
        return [
            (0,format/* formatTimestamp */.Ey)(r.started_at),
            (0,format/* formatDuration */.a3)(r.duration_ms),
            `${(0,format/* statusEmoji */.H0)(r.status)} ${r.status === 'success' ? 'success' : 'failed'}`,
            ci.sha ? commitCell(ci.sha, 'table') : '—',
            ci.branch ? (0,sanitize/* escapeMarkdownText */.m4)(ci.branch, CELL_MAX_CHARS) : '—',
        ];
    });
    const body = (0,sanitize/* table */.tp)([['Started', 'Duration', 'Status', 'Commit', 'Branch'], ...rows], ['l', 'r', 'l', 'l', 'l']);
    return (0,sanitize/* details */.zH)(`Last ${newest.length} run${newest.length === 1 ? '' : 's'}`, body);
}
function errorBlock(input) {
    const { run } = input;
    if (run.status !== 'failed' || !run.error)
        return null;
    const max = input.errorTailChars ?? ERROR_TAIL_CHARS;
    const text = (0,redact/* sanitizeErrorText */.l9)(run.error, max, input.secrets ?? []);
    return (0,sanitize/* details */.zH)(`Error output of this run (last ${max} characters at most, secrets redacted)`, (0,sanitize/* codeBlock */.DV)(text, 'text'));
}
/** A commit as a 7-character code span when it looks like a sha, escaped text otherwise. */
function commitCell(sha, context) {
    return /^[0-9a-f]{7,64}$/i.test(sha)
        ? (0,sanitize/* codeSpan */.SS)(sha.slice(0, 7), context)
        : (0,sanitize/* escapeMarkdownText */.m4)(sha, 20);
}
/** History plus this run (unless already there), oldest first. */
function orderedRuns(run, history) {
    const present = history.some((r) => r === run ||
        (r.started_at === run.started_at && r.name === run.name && r.duration_ms === run.duration_ms));
    const all = present ? [...history] : [...history, run];
    return all
        .map((r, i) => ({ r, i, t: timeOf(r.started_at) }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .map((x) => x.r);
}
function timeOf(iso) {
    const t = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? iso : `${iso}Z`);
    return Number.isNaN(t) ? 0 : t;
}
function ciOf(record) {
    return (0,ci/* parseCi */.k3)(record.metadata) ?? {};
}
/** The reason as a sentence: it ends in punctuation, so what follows it reads right. */
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?…]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}.`;
}
function joinParts(parts) {
    return `${parts.filter((p) => p !== null && p !== '').join('\n\n')}\n`;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Last resort for an absurdly small cap: whole characters up to `maxBytes` bytes. */
function cutToBytes(text, maxBytes) {
    let out = '';
    let bytes = 0;
    for (const ch of text) {
        const size = byteLength(ch);
        if (bytes + size > maxBytes)
            break;
        out += ch;
        bytes += size;
    }
    return out;
}

// EXTERNAL MODULE: ./src/action/dashboard-path.ts
var dashboard_path = __webpack_require__(87648);
;// CONCATENATED MODULE: ./src/action/publish.ts
/**
 * The reports, in two parts.
 * - Per step (publishStep, in every main): the regression verdict and its annotation, the job
 *   summary section and the step's comment row, computed locally from the merged `.metrics`; the
 *   same for each numeric value of the step's record (issue 13): its own series' verdict, a row
 *   of the summary's Values table, a comment row and a warning when it is worse.
 * - Per job (publishJob, in the owner's post step): one sticky PR comment update carrying every
 *   step's row, and one HTML dashboard, uploaded as one artifact. The comment and artifact
 *   clients are loaded only there.
 * Each part is independent: a failure in one is one warning and never changes the step's outcome
 * (the record is already written).
 */














/**
 * The step's failure message under fail-on-regression: its duration is slower, or one of its
 * values is worse (as github-action-benchmark fails on its alert); null when neither.
 */
function regressionFailure(name, verdict, valueVerdicts) {
    const reasons = [];
    if (verdict?.verdict === 'slower')
        reasons.push(`${name} regressed: ${verdict.reason}`);
    for (const v of valueVerdicts) {
        if (v.verdict === 'slower')
            reasons.push(`${v.name} is worse: ${v.reason}`);
    }
    return reasons.length === 0 ? null : `${reasons.join('; ')} (fail-on-regression is true)`;
}
/**
 * The step's runs in the window as columns, read once: what the verdict and flakiness are made
 * of; their records are kept whole too, for the summary's runs table and the chart.
 */
async function loadHistory(metricsDir, days, name) {
    const stepRecords = new Map();
    const since = Date.now() - (days + 1) * store/* DAY_MS */.sO;
    const { history } = await (0,core_history/* readHistory */.Lu)(metricsDir, 
    // Only the step's own runs: its series, verdict and reports read no other step's rows.
    { since, name, onWarning: (m) => runner_io.warning(m) }, (record, row) => void stepRecords.set(row, (0,core_record/* normalizeRecord */.pY)(record)));
    return { history, stepRecords };
}
async function part(what, fn) {
    try {
        return await fn();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        runner_io.warning(`dev-metrics: ${what} skipped: ${message.split('\n')[0]}`);
        runner_io.debug(error instanceof Error && error.stack ? error.stack : message);
        return null;
    }
}
function baselineBranchOf(ci) {
    return ci.base_branch ?? ci.default_branch;
}
function wantsComment(inputs, ci) {
    if (inputs.comment === false)
        return false;
    if (ci.pr_number === undefined) {
        if (inputs.comment === true)
            runner_io.info('dev-metrics: comment: true, but this run is not for a pull request; no comment.');
        return false;
    }
    if (!inputs.githubToken) {
        runner_io.notice('dev-metrics: no github-token, so no PR comment; pass `github-token: ${{ github.token }}`.');
        return false;
    }
    return true;
}
/** The step's own reports: verdict, annotation, summary section, comment row. */
async function publishStep(p) {
    const { inputs, ci } = p;
    const { secrets } = p;
    // Read once: the verdicts, the summary, the comment and the dashboard are all made of it.
    const read = await part('reading the history', () => loadHistory(p.metricsDir, inputs.daysToKeep, p.record.name));
    const { history, stepRecords } = read ?? {
        history: core_history/* ColumnarHistory */.OO.of([p.record]),
        stepRecords: new Map([[0, p.record]]),
    };
    // Series: this step in this job, matrix leg and runner; named by its leg when the step has several.
    const series = (0,insight_series/* seriesOfRecord */.qi)(history, p.record);
    const record = { ...p.record, name: series.name };
    const mine = Array.from(series.rows, (row) => {
        const r = stepRecords.get(row);
        return r.name === series.name ? r : { ...r, name: series.name };
    });
    const baselineBranch = baselineBranchOf(ci);
    const runUnderTest = {
        branch: ci.branch,
        prNumber: ci.pr_number,
        sha: ci.sha,
        baseBranch: ci.base_branch,
        defaultBranch: ci.default_branch,
        runIds: ci.run_id ? [ci.run_id] : [],
    };
    const verdictOptions = { thresholdPercent: inputs.regressionThreshold };
    const verdict = verdictOfView(history, (0,core_history/* durationView */.aG)(history, series.rows), series.name, runUnderTest, verdictOptions);
    // Each value of this run is a series of its own, its runs chosen exactly as the duration's.
    const runValues = (0,core_values/* valuesOf */.sm)(p.record.metadata);
    const valueVerdicts = runValues.length === 0
        ? []
        : valueVerdictsOfRows(history, series.rows, series.name, runUnderTest, verdictOptions).filter((v) => runValues.some((x) => x.name === v.valueName));
    const [flaky] = (0,insight_flakiness/* flakinessOfRows */.Jo)(history, series.rows);
    const flakiness = flaky === undefined ? null : { ...flaky, name: series.name };
    if (verdict) {
        runner_io.setOutput('verdict', verdict.verdict);
        runner_io.setOutput('change-percent', verdict.changePercent === null ? '' : verdict.changePercent.toFixed(1));
        if (verdict.verdict === 'slower') {
            runner_io.warning(`${record.name} is slower than on ${baselineBranch ?? 'the base branch'}: ${verdict.reason}`, { title: `dev-metrics: ${record.name} regressed` });
        }
    }
    reportValueVerdicts(valueVerdicts, baselineBranch);
    await part('the job summary', async () => {
        if (!verdict)
            return;
        const markdown = renderStepSummary({
            run: record,
            verdict,
            history: mine,
            window: (0,stats/* summarize */.eh)(mine)[record.name] ?? null,
            valueVerdicts,
            flakiness,
            baselineBranch,
            charts: inputs.charts,
            quickchartUrl: inputs.quickchartUrl,
            secrets,
        });
        await runner_io.summary.addRaw(markdown, true).write();
    });
    let row = null;
    if (verdict && wantsComment(inputs, ci)) {
        row = await part('the PR comment row', async () => {
            const points = mine.map((r) => ({
                t: r.started_at,
                durationMs: r.duration_ms,
                failed: r.status === 'failed',
            }));
            const built = (0,comment_body/* buildCommentRow */.Yn)({
                verdict,
                flakiness,
                baselineBranch,
                status: record.status,
                durationMs: record.duration_ms,
                chartUrl: null, // drawn from the stored history, like every other job's row
                updatedAt: new Date().toISOString(),
            });
            const stored = (0,comment_body/* toStoredRow */.v5)(built, inputs.charts === 'none' ? null : { points, quickchartUrl: inputs.quickchartUrl });
            // A step in another job or matrix leg is another row: merged by its series key.
            return { ...stored, key: (0,insight_series/* seriesKey */.Xk)(p.record) };
        });
    }
    let valueRows = [];
    if (row && valueVerdicts.length > 0) {
        valueRows =
            (await part('the PR comment rows of values', async () => valueVerdicts.map((v) => {
                // The chart draws the value's runs of this series: the rows that carry it.
                const view = history.valueView(v.valueName, series.rows);
                const numbers = view?.numbers ?? new Float64Array(0);
                const valuePoints = Array.from(view?.rows ?? [], (r, k) => {
                    const at = stepRecords.get(r);
                    return { t: at?.started_at ?? '', value: numbers[k], failed: at?.status === 'failed' };
                });
                const built = (0,comment_body/* buildCommentRow */.Yn)({
                    verdict: v,
                    baselineBranch,
                    status: record.status,
                    durationMs: runValues.find((x) => x.name === v.valueName)?.value ?? null,
                    chartUrl: null,
                    updatedAt: new Date().toISOString(),
                    better: v.better,
                    ...(v.unit === undefined ? {} : { unit: v.unit }),
                });
                const stored = (0,comment_body/* toStoredRow */.v5)(built, inputs.charts === 'none'
                    ? null
                    : { points: [], valuePoints, quickchartUrl: inputs.quickchartUrl });
                return { ...stored, key: (0,core_values/* valueSeriesKey */._3)((0,insight_series/* seriesKey */.Xk)(p.record), v.valueName) };
            }))) ?? [];
    }
    return { verdict, row, valueVerdicts, valueRows };
}
/**
 * The `values-verdicts` output ({name: worse|better|no change|not enough data}) and a warning per
 * worse value, like the duration's 'slower' one.
 */
function reportValueVerdicts(verdicts, baselineBranch) {
    if (verdicts.length === 0)
        return;
    const words = Object.fromEntries(verdicts.map((v) => [
        v.valueName,
        v.verdict === 'slower' || v.verdict === 'faster'
            ? (0,format/* verdictWord */.E0)(v.verdict, 'value')
            : v.verdict,
    ]));
    runner_io.setOutput('values-verdicts', JSON.stringify(words));
    for (const v of verdicts) {
        if (v.verdict !== 'slower')
            continue;
        runner_io.warning(`${v.name} is worse than on ${baselineBranch ?? 'the base branch'}: ${v.reason}`, {
            title: `dev-metrics: ${v.name} regressed`,
        });
    }
}
/** The job's shared reports: one comment update with every row, one dashboard artifact. */
async function publishJob(p) {
    const { inputs, ci } = p;
    // The comment and the dashboard (built, then uploaded) run at once: both mostly wait.
    let comment = Promise.resolve();
    if (p.rows.length > 0 && ci.pr_number !== undefined && inputs.githubToken) {
        comment = part('the PR comment', async () => {
            const { commentMarker, makeOctokit, upsertStickyComment } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 51151));
            const [owner = '', repo = ''] = (ci.repository ?? '').split('/');
            const marker = commentMarker(ci.workflow ?? 'default');
            const runUrl = ci.server_url && ci.repository && ci.run_id
                ? `${ci.server_url}/${ci.repository}/actions/runs/${ci.run_id}`
                : undefined;
            const result = await upsertStickyComment({
                octokit: makeOctokit(inputs.githubToken),
                owner,
                repo,
                issueNumber: ci.pr_number,
                marker,
                rows: p.rows.map((r) => (0,comment_body/* readStoredRow */.qH)(r)),
                readRow: comment_body/* readStoredRow */.qH,
                // Rows of other jobs come back from the comment; the renderer gets the room left.
                body: (rows, maxChars) => (0,comment_body/* layoutComment */.Md)({
                    marker,
                    workflow: ci.workflow,
                    rows: rows.map(comment_body/* fromStoredRow */.s2),
                    runUrl,
                    maxChars,
                }),
                log: (line) => runner_io.notice(line),
            });
            if (result.ok)
                runner_io.info(`dev-metrics: PR comment ${result.action}: ${result.url}`);
        });
    }
    const dashboard = part('the dashboard', async () => {
        const { generateDashboard } = await __webpack_require__.e(/* import() */ 916).then(__webpack_require__.bind(__webpack_require__, 15916));
        const outputFile = (0,dashboard_path/* dashboardOutputFile */.k)(p.tempDir, p.owner);
        const result = await generateDashboard({
            metricsDir: p.metricsDir,
            outputFile,
            days: inputs.daysToKeep,
            // The job's one publication reads the history once, here (the steps read theirs in main).
            title: ci.repository ? `dev-metrics · ${ci.repository}` : 'dev-metrics',
            onWarning: null,
        });
        if (inputs.dashboardArtifact && !process.env.ACTIONS_RUNTIME_TOKEN) {
            // Not in an Actions job (or a runner without its runtime): the file is there, nothing to upload to.
            runner_io.info(`dev-metrics: dashboard written to ${result.outputFile}; no Actions runtime to upload it as an artifact.`);
        }
        else if (inputs.dashboardArtifact) {
            const { uploadDashboard } = await __webpack_require__.e(/* import() */ 513).then(__webpack_require__.bind(__webpack_require__, 48513));
            const upload = await uploadDashboard({
                name: inputs.dashboardArtifact,
                filePath: result.outputFile,
                // Matrix legs share the job id and step name: a random part keeps the retry's name free.
                uniqueSuffix: `${ci.job ?? 'job'}-${(0,dashboard_path/* stepFolder */.D)(p.owner)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`,
                log: (line) => runner_io.warning(line),
            });
            if (upload.ok)
                runner_io.info(`dev-metrics: dashboard uploaded as artifact ${upload.name} (${upload.size} bytes).`);
        }
    });
    await Promise.all([comment, dashboard]);
}


/***/ }),

/***/ 42131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ ciMatrix),
/* harmony export */   Yo: () => (/* binding */ ciText),
/* harmony export */   dr: () => (/* binding */ ciRunId),
/* harmony export */   k$: () => (/* binding */ ciNumber),
/* harmony export */   k3: () => (/* binding */ parseCi),
/* harmony export */   v7: () => (/* binding */ rawCi)
/* harmony export */ });
/**
 * The CI context of a run: its type, and the one parser of `metadata.ci` as records carry it back.
 * Histories come from older versions, laptops, hand edits and the Python tool, so every field is
 * optional when read and checked for its type here, once; everything that reads `metadata.ci`
 * (insight, reports, dashboard, CLI, action) goes through parseCi. Pure: no I/O.
 */
/** Fields kept only when they are non-empty text: an empty sha or branch names nothing. */
const NON_EMPTY_TEXT = [
    'sha',
    'branch',
    'job',
    'runner_os',
    'runner_arch',
    'default_branch',
    'base_branch',
];
/** Fields kept when they are text. */
const TEXT = ['repository', 'server_url', 'ref', 'event', 'workflow'];
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The raw `metadata.ci` object of a record's metadata, undefined when there is none. */
function rawCi(metadata) {
    if (!isObject(metadata))
        return undefined;
    const raw = metadata['ci'];
    return isObject(raw) ? raw : undefined;
}
/** A field of NON_EMPTY_TEXT as parseCi keeps it (for readers that keep one field, not all). */
function ciText(raw, key) {
    const value = raw[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** A number field as parseCi keeps it: finite, else undefined. */
function ciNumber(raw, key) {
    const value = raw[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** run_id as text: CiContext writes text; a number written by hand or another tool is read too. */
function ciRunId(raw) {
    const value = raw['run_id'];
    if (typeof value === 'string')
        return value;
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
/** Matrix values as text (non-text values as their JSON), null ones dropped; undefined if none. */
function ciMatrix(raw) {
    const matrix = raw['matrix'];
    if (!isObject(matrix))
        return undefined;
    const values = {};
    let any = false;
    for (const [k, v] of Object.entries(matrix)) {
        if (v === null || v === undefined)
            continue;
        values[k] = typeof v === 'string' ? v : JSON.stringify(v);
        any = true;
    }
    return any ? values : undefined;
}
/**
 * The well-typed fields of `metadata.ci` (`metadata` is a record's metadata), or undefined when
 * there is no `ci` object. Numbers must be finite; run_id is text in CiContext, but a number
 * written by hand or by another tool is accepted as its text; matrix values are kept as text
 * (non-text values as their JSON), null ones dropped.
 */
function parseCi(metadata) {
    const raw = rawCi(metadata);
    if (raw === undefined)
        return undefined;
    const out = {};
    if (raw['provider'] === 'github-actions')
        out.provider = 'github-actions';
    for (const key of NON_EMPTY_TEXT) {
        const value = ciText(raw, key);
        if (value !== undefined)
            out[key] = value;
    }
    for (const key of TEXT) {
        const value = raw[key];
        if (typeof value === 'string')
            out[key] = value;
    }
    for (const key of ['pr_number', 'run_attempt', 'exit_code']) {
        const value = ciNumber(raw, key);
        if (value !== undefined)
            out[key] = value;
    }
    const runId = ciRunId(raw);
    if (runId !== undefined)
        out.run_id = runId;
    const matrix = ciMatrix(raw);
    if (matrix !== undefined)
        out.matrix = matrix;
    return out;
}


/***/ }),

/***/ 28863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   OO: () => (/* binding */ ColumnarHistory),
/* harmony export */   Wk: () => (/* binding */ FAILED),
/* harmony export */   aG: () => (/* binding */ durationView),
/* harmony export */   gD: () => (/* binding */ CANCELLED),
/* harmony export */   x3: () => (/* binding */ NONE)
/* harmony export */ });
/* unused harmony export matrixText */
/* harmony import */ var _ci_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42131);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14130);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4230);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14101);
/**
 * The history as columns: what every reader of `.metrics/` (summary, insight, reports, dashboard,
 * CLI, action) keeps of each run, read once. Names and CI fields are interned (each distinct text
 * stored once, rows hold its index), times and durations live in typed arrays, so a year of a busy
 * repository is tens of bytes a run instead of a record object, and the garbage collector has
 * almost nothing to trace. Rows stay in the order they were added (file order).
 * Pure but for readHistory, which streams day files through the store's reader.
 */





/** No text in this row (an index column's empty cell). */
const NONE = -1;
/** Bits of the `flags` column. */
const FAILED = 1;
/** error === 'cancelled': the action writes it for a step the runner cancelled. */
const CANCELLED = 2;
const INITIAL_ROWS = 1024;
const CACHE_SLOTS = 4096;
function grown(column, size) {
    const bigger = new column.constructor(size);
    bigger.set(column);
    return bigger;
}
/** The CI fields a row keeps, each an index into the history's texts (NONE when absent). */
const TEXT_FIELDS = [
    'sha',
    'branch',
    'job',
    'runnerOs',
    'runnerArch',
    'matrix',
    'runId',
    'defaultBranch',
];
/** What a compact history leaves out: the leg (job, runner, matrix) and the run id. */
const LEG_FIELDS = ['job', 'runnerOs', 'runnerArch', 'matrix', 'runId'];
const KEPT_COMPACT = TEXT_FIELDS.filter((f) => !LEG_FIELDS.includes(f));
/** A stable text of a matrix (keys sorted), or undefined without one. */
function matrixText(matrix) {
    if (matrix === undefined)
        return undefined;
    const keys = Object.keys(matrix).sort();
    if (keys.length === 0)
        return undefined;
    return JSON.stringify(keys.map((k) => [k, matrix[k]]));
}
/** The durations of `rows` (default: all) as a MeasureView. */
function durationView(history, rows) {
    const n = rows === undefined ? history.length : rows.length;
    const picked = new Int32Array(n);
    const numbers = new Float64Array(n);
    for (let k = 0; k < n; k++) {
        const row = rows === undefined ? k : rows[k];
        picked[k] = row;
        numbers[k] = history.durationMs[row];
    }
    return { kind: 'duration', rows: picked, numbers, better: 'smaller' };
}
class ColumnarHistory {
    /** Rows held. */
    length = 0;
    /** True when the leg columns and run ids are not kept (see HistoryOptions.compact). */
    compact;
    /** Every interned text; the index columns point into it. */
    texts = [];
    textIds = new Map();
    /** Operation (step) name of each row. */
    name = new Int32Array(INITIAL_ROWS);
    /** started_at, epoch ms (NaN when unreadable: only rows built from records can have that). */
    startedMs = new Float64Array(INITIAL_ROWS);
    /** duration_ms (NaN when the record's is not a number). */
    durationMs = new Float64Array(INITIAL_ROWS);
    /** FAILED | CANCELLED bits. */
    flags = new Uint8Array(INITIAL_ROWS);
    /** metadata.ci.pr_number, NaN when not a pull-request run. */
    prNumber = new Float64Array(INITIAL_ROWS);
    sha = new Int32Array(INITIAL_ROWS);
    branch = new Int32Array(INITIAL_ROWS);
    job = new Int32Array(INITIAL_ROWS);
    runnerOs = new Int32Array(INITIAL_ROWS);
    runnerArch = new Int32Array(INITIAL_ROWS);
    /** matrixText of metadata.ci.matrix. */
    matrix = new Int32Array(INITIAL_ROWS);
    runId = new Int32Array(INITIAL_ROWS);
    defaultBranch = new Int32Array(INITIAL_ROWS);
    // The last text interned per column: runs come in groups (one job's steps share sha, branch,
    // run id), so most lookups end at one string comparison instead of a hash.
    lastText = [];
    lastId = [];
    // A direct-mapped cache in front of textIds: texts parsed from each line are fresh strings, whose
    // hash a Map lookup must compute from every character; three characters and the length pick a
    // slot here, and one comparison usually settles it.
    cacheText = new Array(CACHE_SLOTS);
    cacheId = new Int32Array(CACHE_SLOTS);
    /** metadata.values by value name (insertion order: first seen); empty without values. */
    values = new Map();
    constructor(options = {}) {
        this.compact = options.compact === true;
        if (this.compact)
            for (const field of LEG_FIELDS)
                this[field] = new Int32Array(0);
    }
    /** Throws when this history is compact: `what` needs the leg columns or run ids. */
    requireLegs(what) {
        if (this.compact) {
            throw new Error(`${what} needs the job, runner, matrix and run id columns: not a compact history`);
        }
    }
    /** The interned text's index (NONE for undefined). */
    intern(text) {
        if (text === undefined)
            return NONE;
        const n = text.length;
        // The last three characters too: texts that differ only in a number at the end (branches
        // like feature/change-123) would otherwise share a few slots and miss nearly every time.
        const slot = n < 3
            ? n === 0
                ? 0
                : text.charCodeAt(0) & (CACHE_SLOTS - 1)
            : (n * 31 +
                text.charCodeAt(0) * 7 +
                text.charCodeAt(n >> 1) * 5 +
                text.charCodeAt(n - 1) +
                text.charCodeAt(n - 2) * 131 +
                text.charCodeAt(n - 3) * 1031) &
                (CACHE_SLOTS - 1);
        if (this.cacheText[slot] === text)
            return this.cacheId[slot];
        let id = this.textIds.get(text);
        if (id === undefined) {
            id = this.texts.length;
            this.texts.push(text);
            this.textIds.set(text, id);
        }
        this.cacheText[slot] = text;
        this.cacheId[slot] = id;
        return id;
    }
    /** The text at `id`, undefined for NONE. */
    text(id) {
        return id === NONE ? undefined : this.texts[id];
    }
    /** The index of `text` if some row holds it, else NONE (for selections by name, sha, ...). */
    idOf(text) {
        return text === undefined ? NONE : (this.textIds.get(text) ?? NONE);
    }
    /** Interns `text` into `column[row]`; `slot` numbers the column for its last-text cache. */
    internInto(slot, column, row, text) {
        if (text === undefined) {
            column[row] = NONE;
        }
        else if (this.lastText[slot] === text) {
            column[row] = this.lastId[slot];
        }
        else {
            const id = this.intern(text);
            column[row] = id;
            this.lastText[slot] = text;
            this.lastId[slot] = id;
        }
    }
    /**
     * Makes room for `rows` rows in all, at once: a reader that can estimate its row count saves
     * the growth steps, each of which briefly holds the old columns beside the new ones.
     */
    reserveRows(rows) {
        if (rows > this.startedMs.length)
            this.resize(Math.ceil(rows));
    }
    reserve() {
        if (this.length < this.startedMs.length)
            return;
        // ×1.5: a million rows end with at most a third of the columns unused.
        this.resize(Math.ceil(this.length * 1.5));
    }
    resize(size) {
        this.name = grown(this.name, size);
        this.startedMs = grown(this.startedMs, size);
        this.durationMs = grown(this.durationMs, size);
        this.flags = grown(this.flags, size);
        this.prNumber = grown(this.prNumber, size);
        for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS) {
            this[field] = grown(this[field], size);
        }
    }
    /**
     * Adds a record as one row; returns its index. `startedMs` saves a second parse when the reader
     * has it. Takes any record shape the detectors accept (fields of the wrong type count as absent).
     */
    add(record, startedMs) {
        this.reserve();
        const row = this.length++;
        this.internInto(0, this.name, row, String(record.name));
        this.startedMs[row] = startedMs ?? (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTimestamp */ .EH)(String(record.started_at ?? '').trim());
        const duration = record.duration_ms;
        this.durationMs[row] = typeof duration === 'number' ? duration : NaN;
        this.flags[row] =
            (record.status === 'success' ? 0 : FAILED) | (record.error === 'cancelled' ? CANCELLED : 0);
        // The fields one by one, with parseCi's rules: no CiFields object per row.
        const ci = (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .rawCi */ .v7)(record.metadata);
        if (ci === undefined) {
            this.prNumber[row] = NaN;
            for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS)
                this[field][row] = NONE;
        }
        else {
            this.prNumber[row] = (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciNumber */ .k$)(ci, 'pr_number') ?? NaN;
            this.internInto(1, this.sha, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'sha'));
            this.internInto(2, this.branch, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'branch'));
            this.internInto(8, this.defaultBranch, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'default_branch'));
            if (this.compact)
                return this.addValuesOf(record, row);
            this.internInto(3, this.job, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'job'));
            this.internInto(4, this.runnerOs, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'runner_os'));
            this.internInto(5, this.runnerArch, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'runner_arch'));
            const matrix = ci['matrix'];
            this.matrix[row] =
                matrix === undefined || matrix === null ? NONE : this.intern(matrixText((0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciMatrix */ .Ko)(ci)));
            this.internInto(7, this.runId, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciRunId */ .dr)(ci));
        }
        return this.addValuesOf(record, row);
    }
    /** The record's values into the side table; returns `row`. */
    addValuesOf(record, row) {
        // One property test for the common record without values; valuesOf only when there are some.
        const metadata = record.metadata;
        if (typeof metadata === 'object' && metadata !== null && metadata[_values_js__WEBPACK_IMPORTED_MODULE_3__/* .VALUES_KEY */ .Do] !== undefined) {
            this.addValues(row, metadata);
        }
        return row;
    }
    addValues(row, metadata) {
        for (const value of (0,_values_js__WEBPACK_IMPORTED_MODULE_3__/* .valuesOf */ .sm)(metadata)) {
            let column = this.values.get(value.name);
            if (column === undefined) {
                column = {
                    name: value.name,
                    unit: value.unit,
                    better: value.better,
                    length: 0,
                    rows: new Int32Array(16),
                    numbers: new Float64Array(16),
                };
                this.values.set(value.name, column);
            }
            if (column.length === column.rows.length) {
                column.rows = grown(column.rows, column.length * 2);
                column.numbers = grown(column.numbers, column.length * 2);
            }
            column.rows[column.length] = row;
            column.numbers[column.length] = value.value;
            column.length++;
            column.unit = value.unit;
            column.better = value.better;
        }
    }
    /**
     * The series of value `name` within `rows` (ascending; default: all rows): the rows among them
     * that carry the value, and its numbers. Undefined when no row carries it. A value series is a
     * step series' rows (see seriesOfHistory) and a value name.
     */
    valueView(name, rows) {
        const column = this.values.get(name);
        if (column === undefined)
            return undefined;
        const outRows = [];
        const numbers = [];
        if (rows === undefined) {
            for (let k = 0; k < column.length; k++) {
                outRows.push(column.rows[k]);
                numbers.push(column.numbers[k]);
            }
        }
        else {
            // Both ascending: one merge pass.
            let k = 0;
            for (let j = 0; j < rows.length && k < column.length; j++) {
                const row = rows[j];
                while (k < column.length && column.rows[k] < row)
                    k++;
                if (k < column.length && column.rows[k] === row) {
                    outRows.push(row);
                    numbers.push(column.numbers[k]);
                }
            }
        }
        const view = {
            kind: 'value',
            rows: Int32Array.from(outRows),
            numbers: Float64Array.from(numbers),
            better: column.better,
            ...(column.unit === undefined ? {} : { unit: column.unit }),
        };
        return view;
    }
    /** A history of `records`, in their order. */
    static of(records, options = {}) {
        const history = new ColumnarHistory(options);
        for (const record of records)
            history.add(record);
        return history;
    }
    /** Rows of each name, in row order; names in first-seen order. */
    rowsByName(rows) {
        // Counts and fill positions in arrays indexed by the name's text id: no map lookup per row.
        const counts = new Int32Array(this.texts.length);
        const order = [];
        const n = rows === undefined ? this.length : rows.length;
        for (let k = 0; k < n; k++) {
            const id = this.name[rows === undefined ? k : rows[k]];
            if (counts[id]++ === 0)
                order.push(id);
        }
        const lists = new Array(this.texts.length);
        for (const id of order)
            lists[id] = new Int32Array(counts[id]);
        counts.fill(0);
        for (let k = 0; k < n; k++) {
            const row = rows === undefined ? k : rows[k];
            const id = this.name[row];
            lists[id][counts[id]++] = row;
        }
        const out = new Map();
        for (const id of order)
            out.set(this.texts[id], lists[id]);
        return out;
    }
    /** metadata.ci.default_branch of the newest row that records it (ties: the later row). */
    newestDefaultBranch(rows) {
        let best = NONE;
        let bestMs = -Infinity;
        const n = rows === undefined ? this.length : rows.length;
        for (let k = 0; k < n; k++) {
            const row = rows === undefined ? k : rows[k];
            const id = this.defaultBranch[row];
            if (id === NONE)
                continue;
            const ms = this.startedMs[row];
            if (!(ms < bestMs)) {
                bestMs = ms;
                best = id;
            }
        }
        return this.text(best);
    }
    /** Start of the newest row with a readable time, -Infinity when none. */
    newestStart(rows) {
        let newest = -Infinity;
        const n = rows === undefined ? this.length : rows.length;
        for (let k = 0; k < n; k++) {
            const t = this.startedMs[rows === undefined ? k : rows[k]];
            if (t > newest)
                newest = t;
        }
        return newest;
    }
}
/**
 * Reads the store's records in the window into columns, streaming: a record is parsed, its row
 * added, and it is garbage at once unless `visit` keeps it. Never throws on bad files or lines
 * (the store's reader counts and warns about them: see scanRecords). Rows are added to `history`
 * when given (so `visit` can read its columns), else to a new one.
 */
async function readHistory(dir, options = {}, visit, history = new ColumnarHistory()) {
    const sizes = await dayFileSizes(dir, options);
    // Once SAMPLE_BYTES of files are read, rows per byte so far × the bytes of all files sizes the
    // columns in one step (a little over; growth by halves takes over if it was short).
    let file;
    let bytesRead = 0;
    const rowsBefore = history.length;
    let sized = sizes === null;
    const report = await (0,_store_js__WEBPACK_IMPORTED_MODULE_2__/* .scanRecords */ .u3)(dir, options, (record, startedMs, at) => {
        if (at !== file) {
            if (file !== undefined && !sized) {
                bytesRead += sizes.bytes.get(file.path) ?? 0;
                if (bytesRead >= SAMPLE_BYTES) {
                    sized = true;
                    const rows = history.length - rowsBefore;
                    history.reserveRows(rowsBefore + (rows / bytesRead) * sizes.total * 1.02 + 1024);
                }
            }
            file = at;
        }
        const row = history.add(record, startedMs);
        visit?.(record, row, startedMs, at);
    });
    return { history, report };
}
/** Bytes of day files read before the row count of all is estimated from them. */
const SAMPLE_BYTES = 1 << 20;
/**
 * The size of each day file the read may touch (the window, with a day of margin each side), and
 * their total; null when they cannot be listed (the read then reports why).
 */
async function dayFileSizes(dir, options) {
    try {
        const since = options.since ?? -Infinity;
        const until = options.until ?? Infinity;
        const files = (await (0,_store_js__WEBPACK_IMPORTED_MODULE_2__/* .listDayFiles */ .qI)(dir)).filter((f) => f.dayMs + 2 * _record_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY_MS */ .sO > since && f.dayMs - _record_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY_MS */ .sO < until);
        const bytes = new Map();
        let total = 0;
        const sizes = await Promise.all(files.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(f.path).then((s) => s.size, () => 0)));
        files.forEach((f, i) => {
            bytes.set(f.path, sizes[i]);
            total += sizes[i];
        });
        return { bytes, total };
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 38796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   nm: () => (/* binding */ percentilesInPlace)
/* harmony export */ });
/* unused harmony exports round2, round4, mean, stddev, percentile, median, SummaryAccumulator */
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14130);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14101);
/**
 * Statistics over execution records: pure functions, no I/O.
 * CONTRACT (shared with report/insight/CLI): the OperationSummary shape below.
 * Rounding: avg, percentiles and stddev to 2 decimals, success_rate (a fraction) to 4 (Python
 * round); min/max raw.
 */


/**
 * Rounds to 2 decimals the way Python's `round(x, 2)` does (the Python tool's summaries use it):
 * on the exact binary value, with exact ties (only possible for multiples of 1/8) going to even.
 * `Number(x.toFixed(2))` alone would send 0.125 to 0.13 where Python gives 0.12.
 */
function round2(x) {
    if (!Number.isFinite(x))
        return x;
    const eighths = x * 8; // exact: multiplying by a power of two
    if (Number.isInteger(eighths) && eighths % 2 !== 0) {
        const floor = Math.floor(x * 100); // x * 100 is exact here (n + 0.5)
        return (floor % 2 === 0 ? floor : floor + 1) / 100;
    }
    return Number(x.toFixed(2));
}
/**
 * Rounds to 4 decimals as Python's `round(x, 4)`: exact binary ties (x·10⁴ exactly n + ½, which
 * a ratio like 1/32 gives) go to even; everything else is toFixed's nearest.
 */
function round4(x) {
    if (!Number.isFinite(x))
        return x;
    const scaled = x * 10_000;
    if (!Number.isInteger(scaled) && Number.isInteger(scaled * 2) && scaled / 10_000 === x) {
        const floor = Math.floor(scaled);
        return (floor % 2 === 0 ? floor : floor + 1) / 10_000;
    }
    return Number(x.toFixed(4));
}
/** Arithmetic mean; NaN for no values. */
function mean(values) {
    const n = values.length;
    if (n === 0)
        return NaN;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += values[i];
    return sum / n;
}
/**
 * SAMPLE standard deviation (divides by n − 1, like Python's `statistics.stdev` and
 * numpy's `std(ddof=1)`): the records are a sample of the operation's possible runs.
 * 0 for a single value, NaN for none. Two passes, for accuracy with large durations.
 */
function stddev(values, knownMean) {
    const n = values.length;
    if (n === 0)
        return NaN;
    if (n === 1)
        return 0;
    const m = knownMean ?? mean(values);
    let squares = 0;
    for (let i = 0; i < n; i++) {
        const d = values[i] - m;
        squares += d * d;
    }
    return Math.sqrt(squares / (n - 1));
}
/**
 * The p-th percentile (p in 0–100) of values SORTED ASCENDING, by linear interpolation between
 * the closest ranks: numpy's default `percentile(..., method="linear")`, i.e. rank h = (n−1)·p/100
 * and result = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋+1] − s[⌊h⌋]). NaN for no values.
 */
function percentile(sorted, p) {
    if (!(p >= 0 && p <= 100)) {
        throw new RangeError(`percentile: p must be between 0 and 100, got ${p}`);
    }
    const n = sorted.length;
    if (n === 0)
        return NaN;
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const low = sorted[lo];
    if (lo + 1 >= n)
        return low;
    return low + (h - lo) * (sorted[lo + 1] - low);
}
/** Median (the 50th percentile, averaging the two middle values for an even count); NaN for none. */
function median(values) {
    return percentile(Float64Array.from(values).sort(), 50);
}
/**
 * Streaming summary: feed records one at a time with add(), read the result with summary().
 * Keeps counters plus one float per record (durations, needed for percentiles), never the records.
 * Operations appear in the result in first-seen order, like the Python tool's dict.
 */
class SummaryAccumulator {
    operations = new Map();
    /** Number of operations seen so far. */
    get size() {
        return this.operations.size;
    }
    /**
     * Adds a VALID record (as read by the store or checked by parseRecord). `startedMs` saves a
     * second parse when the caller already has it. Ties on started_at: the later-added record wins,
     * as it was written later.
     */
    add(record, startedMs = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTimestamp */ .EH)(record.started_at)) {
        const duration = record.duration_ms;
        let op = this.operations.get(record.name);
        if (op === undefined) {
            op = {
                name: record.name,
                count: 0,
                successes: 0,
                sum: 0,
                min: Infinity,
                max: -Infinity,
                durations: new Float64Array(16),
                lastMs: -Infinity,
                lastStatus: record.status,
                lastRunAt: record.started_at,
            };
            this.operations.set(record.name, op);
        }
        if (op.count === op.durations.length) {
            const grown = new Float64Array(op.durations.length * 2);
            grown.set(op.durations);
            op.durations = grown;
        }
        op.durations[op.count++] = duration;
        if (record.status === 'success')
            op.successes++;
        op.sum += duration;
        if (duration < op.min)
            op.min = duration;
        if (duration > op.max)
            op.max = duration;
        if (!(startedMs < op.lastMs)) {
            op.lastMs = startedMs;
            op.lastStatus = record.status;
            op.lastRunAt = record.started_at;
        }
        // One property read per record when there are no values (the 1M-record bench's case).
        if (record.metadata[_values_js__WEBPACK_IMPORTED_MODULE_1__/* .VALUES_KEY */ .Do] !== undefined)
            addValues(op, record, startedMs);
    }
    /** The summary so far; the accumulator stays usable. */
    summary() {
        const result = Object.create(null);
        for (const op of this.operations.values())
            result[op.name] = summarizeOperation(op);
        return result;
    }
}
function addValues(op, record, startedMs) {
    for (const v of (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .valuesOf */ .sm)(record.metadata)) {
        op.values ??= new Map();
        let state = op.values.get(v.name);
        if (state === undefined) {
            state = {
                count: 0,
                sum: 0,
                min: Infinity,
                max: -Infinity,
                samples: new Float64Array(8),
                unit: v.unit,
                better: v.better,
                infoMs: -Infinity,
            };
            op.values.set(v.name, state);
        }
        if (state.count === state.samples.length) {
            const grown = new Float64Array(state.samples.length * 2);
            grown.set(state.samples);
            state.samples = grown;
        }
        state.samples[state.count++] = v.value;
        state.sum += v.value;
        if (v.value < state.min)
            state.min = v.value;
        if (v.value > state.max)
            state.max = v.value;
        // The newest run's declaration wins (ties: the later added), as last_status does.
        if (!(startedMs < state.infoMs)) {
            state.infoMs = startedMs;
            state.unit = v.unit;
            state.better = v.better;
        }
    }
}
/** 12 significant digits: drops float noise (0.30000000000000004) and keeps tiny values. */
function roundValue(x) {
    return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}
function summarizeValues(states) {
    // Null prototype: a value named "__proto__" is a key like any other.
    const out = Object.create(null);
    for (const [name, state] of states) {
        const [p50, p95] = percentilesInPlace(state.samples.subarray(0, state.count), [50, 95]);
        const summary = {
            count: state.count,
            avg: roundValue(state.sum / state.count),
            min: state.min,
            max: state.max,
            p50: roundValue(p50),
            p95: roundValue(p95),
            better: state.better,
        };
        if (state.unit !== undefined)
            summary.unit = state.unit;
        out[name] = summary;
    }
    return out;
}
/** Moves the k-th smallest of values[lo..hi] to index k, smaller ones before it (Hoare select). */
function selectInPlace(values, k, lo, hi) {
    while (hi > lo) {
        const pivot = values[(lo + hi) >>> 1];
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (values[i] < pivot)
                i++;
            while (values[j] > pivot)
                j--;
            if (i <= j) {
                const swap = values[i];
                values[i++] = values[j];
                values[j--] = swap;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}
/**
 * percentile() for several ascending p at once, without sorting: quickselect of the two ranks
 * each p needs, each search starting where the previous one ended. Reorders `values`. About 3×
 * faster than a full sort, which matters when summarising a million records.
 */
function percentilesInPlace(values, ascendingPs) {
    const n = values.length;
    if (n === 0)
        return ascendingPs.map(() => NaN);
    let lo = 0;
    return ascendingPs.map((p) => {
        const h = ((n - 1) * p) / 100;
        const k = Math.floor(h);
        selectInPlace(values, k, lo, n - 1);
        lo = k;
        const low = values[k];
        if (k + 1 >= n)
            return low;
        let next = Infinity; // the (k+1)-th smallest: the least of what lies above k
        for (let i = k + 1; i < n; i++)
            if (values[i] < next)
                next = values[i];
        return low + (h - k) * (next - low);
    });
}
const REPORTED_PERCENTILES = [50, 90, 95, 99];
function summarizeOperation(op) {
    const durations = op.durations.subarray(0, op.count);
    const [p50, p90, p95, p99] = percentilesInPlace(durations, REPORTED_PERCENTILES);
    const avg = op.sum / op.count;
    const summary = {
        name: op.name,
        total_executions: op.count,
        successes: op.successes,
        failures: op.count - op.successes,
        success_rate: round4(op.successes / op.count),
        avg_duration_ms: round2(avg),
        min_duration_ms: op.min,
        max_duration_ms: op.max,
        p50_duration_ms: round2(p50),
        p90_duration_ms: round2(p90),
        p95_duration_ms: round2(p95),
        p99_duration_ms: round2(p99),
        stddev_duration_ms: round2(stddev(durations, avg)),
        last_status: op.lastStatus,
        last_run_at: op.lastRunAt,
    };
    if (op.values !== undefined)
        summary.values = summarizeValues(op.values);
    return summary;
}
/** Summary of valid records, per operation: see SummaryAccumulator and OperationSummary. */
function summarize(records) {
    const accumulator = new SummaryAccumulator();
    for (const record of records)
        accumulator.add(record);
    return accumulator.summary();
}


/***/ }),

/***/ 44746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ flakinessOfRows),
/* harmony export */   r9: () => (/* binding */ flakinessOfSeries)
/* harmony export */ });
/* unused harmony export detectFlakiness */
/* harmony import */ var _core_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28863);
/* harmony import */ var _core_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14130);


/**
 * One report per operation seen with a commit sha, most flaky first (then by name). Records without
 * `metadata.ci.sha` cannot be grouped by commit and are ignored.
 */
function detectFlakiness(records, options = {}) {
    return flakinessOfRows(ColumnarHistory.of(records), undefined, options);
}
/** detectFlakiness over rows of a columnar history (default: all rows), grouped by name. */
function flakinessOfRows(history, rows, options = {}) {
    checkDays(options);
    const n = rows === undefined ? history.length : rows.length;
    const byName = new Map();
    for (let k = 0; k < n; k++) {
        const row = rows === undefined ? k : rows[k];
        const name = history.name[row];
        const list = byName.get(name);
        if (list)
            list.push(row);
        else
            byName.set(name, [row]);
    }
    const series = [...byName].map(([name, list]) => ({ name: history.texts[name], rows: list }));
    return flakinessOfSeries(history, series, options);
}
function checkDays(options) {
    if (options.days !== undefined && !(options.days > 0)) {
        throw new Error(`flakiness window must be a number of days > 0, got ${options.days}`);
    }
}
/**
 * One report per series (a name and its rows of a columnar history; a series without any run
 * that has a commit sha in the window gives none), most flaky first, then by name. With `days`,
 * the window ends at `now`, default the newest counted run of all the series.
 */
function flakinessOfSeries(history, series, options = {}) {
    checkDays(options);
    // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
    const counts = (row) => (history.flags[row] & _core_history_js__WEBPACK_IMPORTED_MODULE_0__/* .CANCELLED */ .gD) === 0 && history.sha[row] !== _core_history_js__WEBPACK_IMPORTED_MODULE_0__/* .NONE */ .x3;
    let from = -Infinity;
    let to = Infinity;
    if (options.days !== undefined) {
        let newest = -Infinity;
        if (options.now === undefined) {
            for (const { rows } of series) {
                for (let k = 0; k < rows.length; k++) {
                    const row = rows[k];
                    const t = history.startedMs[row];
                    if (counts(row) && t > newest)
                        newest = t;
                }
            }
        }
        to = options.now ?? (newest === -Infinity ? 0 : newest);
        from = to - options.days * _core_record_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY_MS */ .sO;
    }
    // Per series, what happened on each commit, in arrays indexed by the sha's text id (no map
    // entry or object per run), shared by all series and reset after each.
    const OK = 1;
    const FAIL = 2;
    const state = new Uint8Array(history.texts.length);
    const last = new Float64Array(history.texts.length);
    const reports = [];
    for (const { name, rows } of series) {
        const commits = []; // sha ids in first-seen order
        let first = 0;
        if (options.sortedByTime === true && options.days !== undefined) {
            let hi = rows.length;
            while (first < hi) {
                const mid = (first + hi) >>> 1;
                if (history.startedMs[rows[mid]] < from)
                    first = mid + 1;
                else
                    hi = mid;
            }
        }
        for (let k = first; k < rows.length; k++) {
            const row = rows[k];
            if (!counts(row))
                continue;
            const time = history.startedMs[row];
            if (options.days !== undefined && !(time >= from && time <= to))
                continue;
            const sha = history.sha[row];
            if (state[sha] === 0) {
                commits.push(sha);
                last[sha] = -Infinity;
            }
            state[sha] = state[sha] | ((history.flags[row] & _core_history_js__WEBPACK_IMPORTED_MODULE_0__/* .FAILED */ .Wk) === 0 ? OK : FAIL);
            if (time > last[sha])
                last[sha] = time;
        }
        if (commits.length === 0)
            continue;
        const flaky = commits
            .filter((sha) => state[sha] === (OK | FAIL))
            .sort((a, b) => last[b] - last[a]) // stable: ties stay in first-seen order
            .map((sha) => history.texts[sha]);
        for (const sha of commits)
            state[sha] = 0;
        reports.push({
            name,
            flakyCommits: flaky,
            commitsSeen: commits.length,
            flakeRate: flaky.length / commits.length,
        });
    }
    return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}


/***/ }),

/***/ 1773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ detectRegression)
});

;// CONCATENATED MODULE: ./src/insight/distributions.ts
/**
 * The few probability distributions the detectors need (normal, Student t), in plain TypeScript so the
 * library stays dependency-free. Accuracy ~1e-10, far beyond what CI timings call for.
 */
/** Natural log of the gamma function (Lanczos, g = 7). */
function logGamma(x) {
    const g = 7;
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = c[0];
    const t = z + g + 0.5;
    for (let i = 1; i < g + 2; i++)
        a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x, a, b) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-14)
            break;
    }
    return h;
}
/** Regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    // The continued fraction converges fast only on one side of the mean; use the symmetry otherwise.
    if (x < (a + 1) / (a + b + 2))
        return (front * betaContinuedFraction(x, a, b)) / a;
    return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}
/** P(T <= t) for Student's t with `df` degrees of freedom (df may be fractional). */
function studentTCdf(t, df) {
    if (!Number.isFinite(t))
        return t > 0 ? 1 : 0;
    const x = df / (df + t * t);
    const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
}
/** The t value with P(T <= t) = p, by bisection on the CDF (monotone, so always converges). */
function studentTQuantile(p, df) {
    if (p <= 0)
        return -Infinity;
    if (p >= 1)
        return Infinity;
    if (p === 0.5)
        return 0;
    let lo = -1;
    let hi = 1;
    while (studentTCdf(lo, df) > p)
        lo *= 2;
    while (studentTCdf(hi, df) < p)
        hi *= 2;
    for (let i = 0; i < 80 && hi - lo > 1e-10 * Math.max(1, Math.abs(hi)); i++) {
        const mid = (lo + hi) / 2;
        if (studentTCdf(mid, df) < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
/** Standard normal CDF (via the t distribution's limit would be slow; use erfc directly). */
function normalCdf(z) {
    return 0.5 * erfc(-z / Math.SQRT2);
}
/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t *
                                                (0.27886807 +
                                                    t *
                                                        (-1.13520398 +
                                                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p) {
    if (p <= 0)
        return -Infinity;
    if (p >= 1)
        return Infinity;
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const [a0, a1, a2, a3, a4, a5] = a;
    const [b0, b1, b2, b3, b4] = b;
    const [c0, c1, c2, c3, c4, c5] = c;
    const [d0, d1, d2, d3] = d;
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
            ((((d0 * q + d1) * q + d2) * q + d3) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
        (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1));
}

;// CONCATENATED MODULE: ./src/insight/noise.ts
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
function median(values) {
    const n = values.length;
    if (n === 0)
        return Number.NaN;
    const s = Float64Array.from(values).sort();
    const mid = n >> 1;
    return n % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** CI timings are never steadier than this (log scale, ~1%); stops identical runs dividing by 0. */
const SIGMA_FLOOR = 0.01;
/** A run further than this many sigmas of a single-run prediction is "unusual". */
const UNUSUAL_SIGMAS = 3;
/** Huber's tuning constant: 95% as efficient as the mean on normal data, bounded pull per run. */
const HUBER_K = 1.345;
/** Variance of a Huber location relative to the mean's: 1/0.95 asymptotically, ~1.08 measured for
 * 3–10 runs (its scale is itself estimated); exact for 1–2 runs. */
function huberVarianceFactor(count) {
    return count <= 2 ? 1 : 1.08;
}
/** Runs this many rough sigmas from their block's median are left out of the noise estimate. */
const TRIM_SIGMAS = 4;
/** Variance of a normal sample truncated at ±4σ, as a share of σ² (for the trimmed estimate). */
const TRUNCATED_VARIANCE = 0.99893;
/** Huber M-estimate of location with a known scale; the median when the scale is 0. */
function huberLocation(values, scale) {
    let mu = median(values);
    if (!(scale > 0) || values.length < 3) {
        return values.length < 3 && values.length > 0 ? mean(values) : mu;
    }
    for (let iter = 0; iter < 30; iter++) {
        let sum = 0;
        let inside = 0;
        for (const v of values) {
            const r = (v - mu) / scale;
            if (r > HUBER_K)
                sum += HUBER_K;
            else if (r < -HUBER_K)
                sum -= HUBER_K;
            else {
                sum += r;
                inside += 1;
            }
        }
        const step = (scale * sum) / Math.max(inside, 1);
        mu += step;
        if (Math.abs(step) < 1e-9 * scale)
            break;
    }
    return mu;
}
function mean(values) {
    let s = 0;
    for (const v of values)
        s += v;
    return s / values.length;
}
/** Theil–Sen slope of values against their index: the median of all pairwise slopes. */
function theilSenSlope(values) {
    const n = values.length;
    const slopes = new Float64Array((n * (n - 1)) / 2);
    let k = 0;
    for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
            slopes[k++] = (values[j] - values[i]) / (j - i);
        }
    }
    return median(slopes);
}
/** Consecutive blocks of about `size` values (the last, short one joins its neighbour). */
function blocks(values, size) {
    const out = [];
    for (let start = 0; start < values.length; start += size) {
        out.push(values.slice(start, start + size));
    }
    if (out.length > 1 && out.at(-1).length < size / 2) {
        const last = out.pop();
        out.at(-1).push(...last);
    }
    return out;
}
/**
 * Run-to-run noise from the whole history: each block of consecutive runs is centred on its own
 * level (so drift and old level shifts do not count as noise), runs beyond 3 robust sigmas are set
 * aside (so a hiccup does not inflate it), and the rest give a standard deviation.
 */
function noiseOf(values, blockSize) {
    const groups = blocks(values, blockSize).filter((g) => g.length >= 2);
    if (groups.length === 0)
        return { sigma: SIGMA_FLOOR, df: 1, rough: SIGMA_FLOOR, trimmed: 0 };
    const deviations = [];
    let centringLoss = 0;
    for (const g of groups) {
        const m = median(g);
        for (const v of g)
            deviations.push(Math.abs(v - m));
        centringLoss += 1;
    }
    const count = deviations.length;
    const rough = Math.max(1.4826 * median(deviations) * Math.sqrt(count / Math.max(count - centringLoss, 1)), SIGMA_FLOOR);
    let squares = 0;
    let df = 0;
    let trimmed = 0;
    for (const g of groups) {
        const m = median(g);
        const kept = g.filter((v) => Math.abs(v - m) <= TRIM_SIGMAS * rough);
        trimmed += g.length - kept.length;
        if (kept.length < 2)
            continue;
        const center = mean(kept);
        for (const v of kept)
            squares += (v - center) ** 2;
        df += kept.length - 1;
    }
    if (df === 0)
        return { sigma: rough, df: 1, rough, trimmed };
    const sigma = Math.max(Math.sqrt(squares / df / TRUNCATED_VARIANCE), SIGMA_FLOOR);
    return { sigma, df, rough, trimmed };
}
/**
 * The noise model of a history of log durations, newest first. Needs at least one value.
 */
function learnNoise(logsNewestFirst, options = {}) {
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
    const normalShape = twoSpreadsAgree &&
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
function predictionErrors(projected, runs, recent, sigma) {
    const errors = [];
    for (let i = 0; i + runs + recent <= projected.length; i++) {
        const those = huberLocation(projected.slice(i, i + runs), sigma);
        const before = huberLocation(projected.slice(i + runs, i + runs + recent), sigma);
        errors.push(those - before);
    }
    return errors;
}
/** mulberry32: the permutation draws are seeded, so a verdict is the same on every run. */
function seeded(seed) {
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
function permutationP(model, runs, slower) {
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
    const pick = new Array(m);
    let atLeast = 0;
    for (let draw = 0; draw < PERMUTATIONS; draw++) {
        // Partial Fisher–Yates over a copy: m distinct runs of the pool.
        const copy = pool.slice();
        for (let k = 0; k < m; k++) {
            const j = k + Math.floor(random() * (copy.length - k));
            [copy[k], copy[j]] = [copy[j], copy[k]];
            pick[k] = copy[k];
        }
        if (sign * (huberLocation(pick, sigma) - level) >= observed - 1e-12)
            atLeast += 1;
    }
    return (1 + atLeast) / (1 + PERMUTATIONS);
}
/** P(X ≥ k) for X ~ Binomial(n, p). */
function binomialUpperP(k, n, p) {
    if (k <= 0)
        return 1;
    let term = (1 - p) ** n; // P(X = 0)
    let below = 0;
    for (let i = 0; i < k && i <= n; i++) {
        below += term;
        term *= ((n - i) / (i + 1)) * (p / (1 - p));
    }
    return Math.max(0, 1 - below);
}

// EXTERNAL MODULE: ./src/insight/sample-stats.ts
var sample_stats = __webpack_require__(44134);
;// CONCATENATED MODULE: ./src/insight/regression.ts
/**
 * Regression verdicts: is this change's timing faster, slower or the same as the baseline's?
 *
 * Method (measured against the known-noise ceiling in bench/detector-bench.js):
 * - Work on log durations: CI noise is multiplicative (a busy runner slows every step by a factor).
 * - The baseline (newest first, up to 100 runs) gives a noise model (noise.ts): the level from the
 *   newest 10 runs, projected along the history's drift, and the run-to-run noise from all of them,
 *   block by block, with far-out runs set aside. A hundred runs pin the noise down, so 1–5 runs of
 *   a change get close to the power of a test that knows it.
 * - Effect: Huber location of the change's runs minus the level, reported as a ratio − 1.
 * - Test: t statistic with the noise's degrees of freedom; a verdict needs the two-sided
 *   `confidence` interval to exclude 0 and the estimate to reach `thresholdPercent`.
 * - Far-out runs: a run more than 3 sigmas from the level is "unusual". When the history itself has
 *   such runs (hiccups, cache misses), an unusual run of the change proves nothing alone: it is set
 *   aside when other runs of the change are ordinary, and when all are unusual they count only if
 *   the history makes that many in a row unlikelier than the false-alarm rate.
 * - Weak evidence is not "no change": that verdict needs the 80% interval inside ±threshold;
 *   otherwise the verdict is "not enough data", saying what would settle it.
 */



/** Durations under 1 ms are read as 1 ms so their logarithm stays finite. */
function logDurations(durations) {
    return durations.filter((d) => Number.isFinite(d) && d >= 0).map((d) => Math.log(Math.max(d, 1)));
}
function checkOptions(options) {
    const thresholdPercent = options.thresholdPercent ?? 10;
    const confidence = options.confidence ?? 0.96;
    const minBaseline = options.minBaseline ?? 5;
    const minCandidate = options.minCandidate ?? 1;
    const recentWindow = options.recentWindow ?? 10;
    if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0) {
        throw new Error(`regression-threshold must be a percentage ≥ 0 (e.g. 10), got ${thresholdPercent}`);
    }
    if (!(confidence > 0 && confidence < 1)) {
        throw new Error(`confidence must be between 0 and 1 (e.g. 0.95), got ${confidence}`);
    }
    if (!Number.isInteger(minBaseline) || minBaseline < 2) {
        throw new Error(`minBaseline must be a whole number ≥ 2, got ${minBaseline}`);
    }
    if (!Number.isInteger(minCandidate) || minCandidate < 1) {
        throw new Error(`minCandidate must be a whole number ≥ 1, got ${minCandidate}`);
    }
    if (!Number.isInteger(recentWindow) || recentWindow < 2) {
        throw new Error(`recentWindow must be a whole number ≥ 2, got ${recentWindow}`);
    }
    return {
        name: options.name ?? '',
        thresholdPercent,
        confidence,
        minBaseline,
        minCandidate,
        recentWindow,
        followDrift: options.followDrift ?? true,
    };
}
/** Two-sided confidence of the interval that must sit inside ±threshold to say "no change". */
const NO_CHANGE_CONFIDENCE = 0.8;
/** Signed percentage with one decimal, e.g. "+12.3%", "−4.0%". */
function pct(value) {
    const rounded = Math.round(value * 10) / 10;
    return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}%`;
}
function pText(p) {
    return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}
function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
/**
 * Compares candidate durations (this change's runs) with baseline durations (the base branch's
 * successful runs, NEWEST FIRST: the order says which runs set the level), both in milliseconds,
 * and says faster, slower, no change or not enough data.
 * Invalid durations (negative, NaN) are ignored. Deterministic.
 */
function detectRegression(baselineDurations, candidateDurations, options = {}) {
    const opts = checkOptions(options);
    const baseline = baselineDurations.filter((d) => Number.isFinite(d) && d >= 0);
    const candidate = candidateDurations.filter((d) => Number.isFinite(d) && d >= 0);
    const n = baseline.length;
    const m = candidate.length;
    const where = options.baselineLabel ? ` on ${options.baselineLabel}` : '';
    const verdict = (kind, reason, stats = {}) => ({
        name: opts.name,
        verdict: kind,
        changePercent: null,
        ciLowPercent: null,
        ciHighPercent: null,
        confidence: opts.confidence,
        pValue: null,
        baselineCount: n,
        candidateCount: m,
        baselineMedianMs: n > 0 ? (0,sample_stats/* median */.JZ)(baseline.slice(0, opts.recentWindow)) : null,
        baselineP95Ms: n > 0 ? (0,sample_stats/* percentile */.Ym)(baseline, 95) : null,
        candidateMedianMs: m > 0 ? (0,sample_stats/* median */.JZ)(candidate) : null,
        reason,
        ...stats,
    });
    if (n < opts.minBaseline) {
        return verdict('not enough data', `needs ${plural(opts.minBaseline, 'baseline run')}${where}, has ${n}`);
    }
    if (m < opts.minCandidate) {
        return verdict('not enough data', `needs ${plural(opts.minCandidate, 'run')} of this change, has ${m}`);
    }
    const model = learnNoise(logDurations(baseline), {
        recent: opts.recentWindow,
        followDrift: opts.followDrift,
    });
    const { sigma, level } = model;
    const alpha = 1 - opts.confidence;
    const sizes = `${plural(m, 'run')} vs ${n} baseline${where}`;
    const y = logDurations(candidate);
    // The same estimator as the level's: the mean on bell-shaped timings, else Huber's; Huber's too
    // when some runs of the change are far off and others are not (a stray hiccup among them).
    const far = y.filter((v) => Math.abs(v - level) > UNUSUAL_SIGMAS * sigma * Math.sqrt(1 + model.levelVariance)).length;
    const plain = model.normalShape && (far === 0 || far === m);
    const shift = (plain ? mean(y) : huberLocation(y, sigma)) - level;
    const df = Math.max(model.df, 1);
    const se = sigma * Math.sqrt(model.levelVariance + (plain ? 1 : huberVarianceFactor(m)) / m);
    const t = shift / se;
    const pValue = Math.min(1, 2 * Math.min(1 - studentTCdf(t, df), studentTCdf(t, df)));
    const half = studentTQuantile(1 - alpha / 2, df) * se;
    const toPercent = (logShift) => (Math.exp(logShift) - 1) * 100;
    const stats = {
        changePercent: toPercent(shift),
        ciLowPercent: toPercent(shift - half),
        ciHighPercent: toPercent(shift + half),
        pValue,
    };
    const change = pct(toPercent(shift));
    const interval = `${Math.round(opts.confidence * 100)}% CI ${pct(toPercent(shift - half))} to ${pct(toPercent(shift + half))}`;
    const minEffect = Math.log(1 + opts.thresholdPercent / 100);
    if (pValue < alpha && Math.abs(shift) >= minEffect) {
        const slower = shift > 0;
        // A history with far-out runs (hiccups, cache misses) is not normal: the change must then also
        // stand out from the history's own prediction errors, which have that shape.
        if (!model.normalShape) {
            const unusual = model.unusualSlow + model.unusualFast;
            const rankP = permutationP(model, y, slower);
            if (rankP > alpha / 2) {
                return verdict('not enough data', `${change} ${slower ? 'slower' : 'faster'}, but runs${where} often land this far off (${unusual} of the last ${model.references} beyond 3 sigmas): re-run to confirm (${sizes})`, { ...stats, rankPValue: rankP });
            }
            stats.rankPValue = rankP;
        }
        return verdict(slower ? 'slower' : 'faster', `${change} ${slower ? 'slower' : 'faster'} (${interval}, ${pText(pValue)}, ${sizes})`, stats);
    }
    // "No change" is a claim too: the change's plausible range must stay within the threshold.
    const narrow = studentTQuantile(1 - (1 - NO_CHANGE_CONFIDENCE) / 2, df) * se;
    if (shift - narrow > -minEffect && shift + narrow < minEffect) {
        const real = pValue < alpha ? ' is real but' : '';
        return verdict('no change', `${change}${real} within the ${opts.thresholdPercent}% threshold (${interval}, ${sizes})`, stats);
    }
    return verdict('not enough data', `${change} cannot yet rule out a ${opts.thresholdPercent}% change either way (${interval}, ${sizes}); more runs narrow it`, stats);
}


/***/ }),

/***/ 44134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   Ym: () => (/* binding */ percentile)
/* harmony export */ });
/* unused harmony exports mean, sumOfSquares, hodgesLehmannShift, mannWhitneyU, mannWhitneyUpperP, mannWhitneyMinP */
/**
 * Small-sample statistics the regression test is built from: medians, the Hodges–Lehmann shift and
 * the exact Mann–Whitney rank test. Pure functions over plain number arrays.
 */

function sorted(values) {
    return [...values].sort((a, b) => a - b);
}
/** Median; NaN for an empty sample. */
function median(values) {
    if (values.length === 0)
        return Number.NaN;
    const s = sorted(values);
    const mid = s.length >> 1;
    return s.length % 2 === 1
        ? s[mid]
        : (s[mid - 1] + s[mid]) / 2;
}
/** Percentile (0–100) by linear interpolation between closest ranks; NaN for an empty sample. */
function percentile(values, p) {
    if (values.length === 0)
        return Number.NaN;
    const s = sorted(values);
    const pos = (Math.min(100, Math.max(0, p)) / 100) * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
function mean(values) {
    let sum = 0;
    for (const v of values)
        sum += v;
    return sum / values.length;
}
/** Sum of squared deviations from the sample mean (0 for fewer than 2 values). */
function sumOfSquares(values) {
    if (values.length < 2)
        return 0;
    const m = mean(values);
    let ss = 0;
    for (const v of values)
        ss += (v - m) * (v - m);
    return ss;
}
/**
 * Hodges–Lehmann estimate of how far `candidate` sits above `baseline`: the median of all pairwise
 * differences. As efficient as a difference of means on normal data (95%), yet one stray run moves
 * it only a little.
 */
function hodgesLehmannShift(baseline, candidate) {
    const diffs = [];
    for (const c of candidate)
        for (const b of baseline)
            diffs.push(c - b);
    return median(diffs);
}
/** Mann–Whitney U of `candidate` over `baseline`: pairs where the candidate is larger (ties ½). */
function mannWhitneyU(baseline, candidate) {
    let u = 0;
    for (const c of candidate)
        for (const b of baseline)
            u += c > b ? 1 : c === b ? 0.5 : 0;
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
function mannWhitneyUpperP(baseline, candidate) {
    const n = baseline.length;
    const m = candidate.length;
    if (n === 0 || m === 0)
        return 1;
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
    counts[0][0] = 1;
    for (let rank = 1; rank <= total; rank++) {
        for (let k = Math.min(rank, m); k >= 1; k--) {
            const row = counts[k];
            const prev = counts[k - 1];
            for (let s = maxSum; s >= rank; s--)
                row[s] = row[s] + prev[s - rank];
        }
    }
    const last = counts[m];
    const threshold = Math.ceil(u + (m * (m + 1)) / 2 - 1e-9);
    let all = 0;
    let atLeast = 0;
    for (let s = 0; s <= maxSum; s++) {
        all += last[s];
        if (s >= threshold)
            atLeast += last[s];
    }
    return atLeast / all;
}
/** The smallest one-sided p-value the exact rank test can reach: 1 / C(n + m, m). */
function mannWhitneyMinP(n, m) {
    let combos = 1;
    for (let i = 1; i <= m; i++)
        combos = (combos * (n + i)) / i;
    return 1 / combos;
}


/***/ }),

/***/ 18744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jZ: () => (/* binding */ labelsOfStep),
  Sv: () => (/* binding */ legKey),
  eL: () => (/* binding */ legOfRow),
  Xk: () => (/* binding */ seriesKey),
  qi: () => (/* binding */ seriesOfRecord)
});

// UNUSED EXPORTS: LEG_SEPARATOR, labelSeries, legLabels, legOf, seriesLabel, seriesOfHistory

// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(28863);
// EXTERNAL MODULE: ./src/core/ci.ts
var ci = __webpack_require__(42131);
// EXTERNAL MODULE: ./src/core/record.ts
var record = __webpack_require__(14130);
;// CONCATENATED MODULE: ./src/insight/ci-metadata.ts
/**
 * Reading `metadata.ci` and `started_at` back from records. Histories come from older versions,
 * laptops and the Python tool, so every field is optional and checked for its type here, once.
 */


/** The record's `metadata.ci`, keeping only well-typed fields; `undefined` when absent. */
function ciOf(record) {
    return (0,ci/* parseCi */.k3)(record.metadata);
}
/** Milliseconds since the epoch of `started_at` (no offset means UTC); NaN when unreadable. */
function startedAtMs(record) {
    return parseTimestamp(String(record.started_at ?? '').trim());
}
/** Newest first by `started_at`; records with unreadable times sort last, in input order. */
function newestFirst(records) {
    return records
        .map((record, index) => ({ record, index, time: startedAtMs(record) }))
        .sort((a, b) => {
        const ta = Number.isNaN(a.time) ? -Infinity : a.time;
        const tb = Number.isNaN(b.time) ? -Infinity : b.time;
        return tb - ta || a.index - b.index;
    })
        .map((entry) => entry.record);
}
/** A duration usable in timing comparisons: finite and not negative. */
function isUsableDuration(ms) {
    return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}
/**
 * The runs that represent a step over time: pushes to the default branch when the history knows
 * branches (pull-request runs measure changes under review, not the step), else all runs. `branch`
 * says which branch was kept, when one was.
 */
function mainLineRuns(records, defaultBranch) {
    if (defaultBranch === undefined || !records.some((r) => ciOf(r)?.branch)) {
        return { runs: [...records] };
    }
    const runs = records.filter((r) => {
        const ci = ciOf(r);
        return ci?.branch === defaultBranch && ci.pr_number === undefined;
    });
    return { runs, branch: defaultBranch };
}

;// CONCATENATED MODULE: ./src/insight/series.ts
/**
 * A series is a step in its context: the same step name in another job, matrix leg or runner
 * OS/arch is another series (Linux and Windows timings, `node 20` and `node 24`, are not one
 * population). Baselines, verdicts, flakiness and reports keep series apart; a step's series are
 * told apart by a label naming what differs (`unit_tests · windows-latest`), and a step with one
 * series keeps its bare name.
 */


/** Separates the parts of a series label. */
const LEG_SEPARATOR = ' · ';
function legOf(record) {
    const ci = ciOf(record);
    return {
        job: ci?.job ?? '',
        matrix: ci?.matrix ?? {},
        runnerOs: ci?.runner_os ?? '',
        runnerArch: ci?.runner_arch ?? '',
    };
}
/** A stable text key of a leg (matrix keys sorted). */
function legKey(leg) {
    const matrix = Object.keys(leg.matrix)
        .sort()
        .map((k) => [k, leg.matrix[k]]);
    return JSON.stringify([leg.job, matrix, leg.runnerOs, leg.runnerArch]);
}
/** The key of the record's series: its name and leg (printable: comment rows are stored by it). */
function seriesKey(record) {
    return `${record.name} ${legKey(legOf(record))}`;
}
/**
 * Labels for the legs of one step: the bare name when it has one leg; else the name followed by
 * what differs between its legs: the job, then the matrix values that differ (or, without a
 * matrix difference, the runner OS and arch that do).
 */
function legLabels(name, legs) {
    const unique = new Map(legs.map((leg) => [legKey(leg), leg]));
    const labels = new Map();
    const all = [...unique.values()];
    const differs = (value) => new Set(all.map(value)).size > 1;
    const matrixKeys = [...new Set(all.flatMap((leg) => Object.keys(leg.matrix)))]
        .sort()
        .filter((k) => differs((leg) => leg.matrix[k] ?? ''));
    const jobDiffers = differs((leg) => leg.job);
    const osDiffers = matrixKeys.length === 0 && differs((leg) => leg.runnerOs);
    const archDiffers = matrixKeys.length === 0 && differs((leg) => leg.runnerArch);
    for (const [key, leg] of unique) {
        if (unique.size < 2) {
            labels.set(key, name);
            continue;
        }
        const parts = [
            jobDiffers ? leg.job : '',
            ...matrixKeys.map((k) => leg.matrix[k] ?? ''),
            osDiffers ? leg.runnerOs : '',
            archDiffers ? leg.runnerArch : '',
        ].filter((p) => p !== '');
        labels.set(key, parts.length > 0 ? [name, ...parts].join(LEG_SEPARATOR) : name);
    }
    return labels;
}
/** Does `full` say everything `partial` says (and agree)? */
function extends_(full, partial) {
    const same = (a, b) => a === '' || a === b;
    return (same(partial.job, full.job) &&
        same(partial.runnerOs, full.runnerOs) &&
        same(partial.runnerArch, full.runnerArch) &&
        Object.entries(partial.matrix).every(([k, v]) => full.matrix[k] === v));
}
/**
 * Legs recorded with less context (older versions, the `matrix` input added later, hand-written
 * histories) join the one fuller leg they agree with, so an upgrade does not cut a step's history
 * in two; when they agree with several, they stay a series of their own.
 */
function resolveLegs(legs) {
    const unique = new Map(legs.map((leg) => [legKey(leg), leg]));
    const all = [...unique.values()];
    const fuller = (leg) => all.filter((o) => o !== leg && extends_(o, leg));
    const resolved = new Map();
    for (const [key, leg] of unique) {
        const above = fuller(leg).filter((o) => fuller(o).length === 0);
        resolved.set(key, above.length === 1 ? above[0] : leg);
    }
    return resolved;
}
/** Label of each leg key of one step (by legKey), after resolving partial legs. */
function labelsOfStep(name, legs) {
    const resolved = resolveLegs(legs);
    const labels = legLabels(name, [...resolved.values()]);
    const out = new Map();
    for (const [key, leg] of resolved)
        out.set(key, labels.get(legKey(leg)) ?? name);
    return out;
}
/**
 * The records with each name replaced by its series label, so everything that groups by name
 * (verdicts, flakiness, trends, the dashboard) keeps series apart. Same order; records of a step
 * with one leg are returned as they are.
 */
function labelSeries(records) {
    const legsByName = new Map();
    const legs = records.map((r) => {
        const leg = legOf(r);
        const list = legsByName.get(r.name);
        if (list)
            list.push(leg);
        else
            legsByName.set(r.name, [leg]);
        return leg;
    });
    const labels = new Map();
    for (const [name, list] of legsByName)
        labels.set(name, labelsOfStep(name, list));
    return records.map((r, i) => {
        const label = labels.get(r.name)?.get(legKey(legs[i])) ?? r.name;
        return label === r.name ? r : { ...r, name: label };
    });
}
/** The label of `record`'s series within `history` (which should include it). */
function seriesLabel(record, history) {
    const legs = history.filter((r) => r.name === record.name).map(legOf);
    legs.push(legOf(record));
    return labelsOfStep(record.name, legs).get(legKey(legOf(record))) ?? record.name;
}
/** The leg of a row of a columnar history (see legOf). */
function legOfRow(history, row) {
    const matrix = history.text(history.matrix[row]);
    return {
        job: history.text(history.job[row]) ?? '',
        matrix: matrix === undefined
            ? {}
            : Object.fromEntries(JSON.parse(matrix)),
        runnerOs: history.text(history.runnerOs[row]) ?? '',
        runnerArch: history.text(history.runnerArch[row]) ?? '',
    };
}
/**
 * The series of `rows` (ascending; default: all rows) of a columnar history, as labelSeries names
 * them, in first-seen order. Rows are grouped by their text ids first (a handful of legs per
 * step), so labels are worked out once per leg, never per row.
 */
function seriesOfHistory(history, rows) {
    history.requireLegs('seriesOfHistory');
    const n = rows === undefined ? history.length : rows.length;
    // Group key: name and leg text ids (a leg is job, matrix, runner OS and arch).
    const groups = new Map();
    for (let k = 0; k < n; k++) {
        const row = rows === undefined ? k : rows[k];
        const key = `${history.name[row]} ${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
        const group = groups.get(key);
        if (group === undefined)
            groups.set(key, { name: history.name[row], first: row, rows: [row] });
        else
            group.rows.push(row);
    }
    const legsByName = new Map();
    const legOfGroup = new Map();
    for (const [key, group] of groups) {
        const leg = legOfRow(history, group.first);
        legOfGroup.set(key, leg);
        const list = legsByName.get(group.name);
        if (list)
            list.push(leg);
        else
            legsByName.set(group.name, [leg]);
    }
    const labels = new Map();
    for (const [name, legs] of legsByName)
        labels.set(name, labelsOfStep(history.texts[name], legs));
    const out = new Map();
    for (const [key, group] of groups) {
        const step = history.texts[group.name];
        const label = labels.get(group.name)?.get(legKey(legOfGroup.get(key))) ?? step;
        const into = out.get(label);
        if (into === undefined)
            out.set(label, { step, parts: [group.rows] });
        else
            into.parts.push(group.rows);
    }
    return [...out].map(([name, { step, parts }]) => {
        const merged = Int32Array.from(parts.length === 1 ? parts[0] : parts.flat());
        if (parts.length > 1)
            merged.sort();
        return { name, step, rows: merged };
    });
}
/**
 * The series `record` belongs to within `history` (which should hold it): its label and rows.
 * Only the rows of the record's step are looked at.
 */
function seriesOfRecord(history, record) {
    history.requireLegs('seriesOfRecord');
    const name = String(record.name);
    const id = history.idOf(name);
    const stepRows = [];
    if (id !== core_history/* NONE */.x3) {
        for (let row = 0; row < history.length; row++)
            if (history.name[row] === id)
                stepRows.push(row);
    }
    const legs = [legOf(record)];
    const firstOfLeg = new Map();
    for (const row of stepRows) {
        const key = `${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
        if (!firstOfLeg.has(key)) {
            firstOfLeg.set(key, row);
            legs.push(legOfRow(history, row));
        }
    }
    const labels = labelsOfStep(name, legs);
    const label = labels.get(legKey(legOf(record))) ?? name;
    const labelOfKey = new Map();
    for (const [key, row] of firstOfLeg) {
        labelOfKey.set(key, labels.get(legKey(legOfRow(history, row))) ?? name);
    }
    const rows = stepRows.filter((row) => {
        const key = `${history.job[row]} ${history.matrix[row]} ${history.runnerOs[row]} ${history.runnerArch[row]}`;
        return labelOfKey.get(key) === label;
    });
    return { name: label, step: name, rows: Int32Array.from(rows) };
}


/***/ }),

/***/ 43337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I4: () => (/* binding */ downsampleTrend),
/* harmony export */   P3: () => (/* binding */ parseQuickChartBaseUrl),
/* harmony export */   c$: () => (/* binding */ valueTrendChartUrl),
/* harmony export */   nH: () => (/* binding */ MAX_CHART_URL_LENGTH),
/* harmony export */   zB: () => (/* binding */ trendChartUrl)
/* harmony export */ });
/* unused harmony export CHART_JS_VERSION */
/* harmony import */ var _core_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14130);
/**
 * Trend charts as QuickChart image URLs, built offline the way quickchart-js `getUrl()` builds them
 * (byte for byte; a test compares). The package itself is not loaded: every step's main draws a
 * chart, and its bundle carries a 400 KB fetch polyfill for network methods never called here
 * (15–30 ms of each step's start). The chart config travels IN the URL, so
 * whoever serves the image sees the data: durations, run dates, and the title (the step name).
 * `charts: 'none'` builds no URL at all; `baseUrl` points at a self-hosted QuickChart.
 *
 * Size: GitHub shows external images through its camo proxy, which hex-encodes the URL (twice
 * the length); camo URLs around 8 KiB fail with 414. Every URL built here is at most
 * MAX_CHART_URL_LENGTH characters: the series is downsampled, then shrunk until it fits.
 */

/** Upper bound of every chart URL (camo-encoded: ~6 KiB, well under the ~8 KiB that fails). */
const MAX_CHART_URL_LENGTH = 3000;
/** Chart.js major the config below is written for (quickchart-js's default, set explicitly). */
const CHART_JS_VERSION = '2.9.4';
const COLORS = { line: '#4e79a7', failed: '#e15759', baseline: '#888' };
const TITLE_MAX_CHARS = 60;
/**
 * The URL of a line chart of duration per run (oldest first), failures as red points and the
 * baseline median as a dashed line; null when `charts` is 'none', when there are no points, or
 * when even a 2-point chart would not fit the URL bound (e.g. a very long base URL).
 * Throws on a base URL that is not http(s), or that carries credentials, a query or a fragment.
 */
function trendChartUrl(points, options = {}) {
    const usable = points.filter((p) => Number.isFinite(p.durationMs) && p.durationMs >= 0);
    return chartUrl(usable, options, DURATION_AXIS);
}
/**
 * trendChartUrl for a value series: the values as they are (0 and negatives included; the axis
 * starts at 0 only when no value is below it), the unit as the y axis' title, the baseline median
 * dashed. Null in the same cases as trendChartUrl.
 */
function valueTrendChartUrl(points, options) {
    const usable = points
        .filter((p) => Number.isFinite(p.value))
        .map((p) => ({ t: p.t, durationMs: p.value, failed: p.failed }));
    const unit = options.unit === undefined || options.unit === '' ? undefined : options.unit;
    return chartUrl(usable, { ...options, baselineMedianMs: options.baselineMedian }, {
        kind: 'value',
        legend: unit === undefined ? options.valueName : `${options.valueName} (${unit})`,
        ...(unit === undefined ? {} : { title: unit }),
    });
}
const DURATION_AXIS = { kind: 'duration' };
function chartUrl(usable, options, axis) {
    if ((options.charts ?? 'quickchart') === 'none')
        return null;
    const { scheme, host } = parseQuickChartBaseUrl(options.baseUrl ?? 'https://quickchart.io');
    const size = options.size ?? 'full';
    const width = options.width ?? (size === 'full' ? 600 : 100);
    const height = options.height ?? (size === 'full' ? 240 : 25);
    const bound = Math.min(options.maxUrlLength ?? MAX_CHART_URL_LENGTH, MAX_CHART_URL_LENGTH);
    if (usable.length === 0)
        return null;
    let limit = Math.max(2, Math.min(options.maxPoints ?? (size === 'full' ? 100 : 40), usable.length));
    for (;;) {
        const config = chartConfig(downsampleTrend(usable, limit), size, options, axis);
        const url = quickChartUrl(config, scheme, host, width, height);
        if (url.length <= bound)
            return url;
        if (limit <= 2)
            return null;
        limit = Math.max(2, Math.floor(limit * 0.8));
    }
}
/**
 * quickchart-js 3.x `getUrlObject().href` for a config already serialised, at device pixel ratio 2
 * and its defaults otherwise (white background, png): the same parameters in the same order.
 */
function quickChartUrl(config, scheme, host, width, height) {
    const url = new URL(`${scheme}://${host}/chart`);
    url.searchParams.append('c', config);
    url.searchParams.append('w', String(width));
    url.searchParams.append('h', String(height));
    url.searchParams.append('ref', 'qc-js');
    url.searchParams.append('devicePixelRatio', '2');
    url.searchParams.append('bkg', '#ffffff');
    url.searchParams.append('f', 'png');
    url.searchParams.append('v', CHART_JS_VERSION);
    return url.href;
}
/**
 * Splits a QuickChart base URL into what quickchart-js wants: it builds `${scheme}://${host}/chart`,
 * so a path prefix rides along in `host`. Credentials are refused: the URL is published in
 * every report.
 */
function parseQuickChartBaseUrl(baseUrl) {
    let url;
    try {
        url = new URL(baseUrl);
    }
    catch {
        throw new Error(`quickchart-url must be an http(s) URL such as https://quickchart.io; got "${baseUrl}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`quickchart-url must be an http(s) URL such as https://quickchart.io; got "${url.protocol}"`);
    }
    if (url.username || url.password) {
        throw new Error('quickchart-url must not contain user:password (chart URLs are published in reports)');
    }
    if (url.search || url.hash) {
        throw new Error('quickchart-url must not contain a query or fragment: give the base, e.g. https://charts.example.com/qc');
    }
    return {
        scheme: url.protocol.slice(0, -1),
        host: `${url.host}${url.pathname.replace(/\/+$/, '')}`,
    };
}
/**
 * At most `maxPoints` points of the series, oldest first: largest-triangle-three-buckets
 * (keeps the visual shape: spikes survive), with one rule added: in a bucket holding a failed
 * run, the pick is among its failed runs, so every stretch with a failure still shows one.
 * The first and last points (the newest run) are always kept as they are.
 */
function downsampleTrend(points, maxPoints) {
    const n = points.length;
    const threshold = Math.max(2, Math.floor(maxPoints));
    if (n <= threshold)
        return [...points];
    const at = (i) => points[i];
    const sampled = [at(0)];
    const bucketSize = (n - 2) / (threshold - 2);
    let a = 0;
    for (let i = 0; i < threshold - 2; i++) {
        const start = Math.floor(i * bucketSize) + 1;
        const end = Math.min(Math.floor((i + 1) * bucketSize) + 1, n - 1);
        // Average of the next bucket (the last point for the final bucket).
        const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
        let avgX = 0;
        let avgY = 0;
        const nextCount = Math.max(1, nextEnd - end);
        for (let j = end; j < end + nextCount && j < n; j++) {
            avgX += j;
            avgY += at(j).durationMs;
        }
        avgX /= nextCount;
        avgY /= nextCount;
        let hasFailure = false;
        for (let j = start; j < end; j++)
            if (at(j).failed)
                hasFailure = true;
        let best = start;
        let bestArea = -1;
        const ax = a;
        const ay = at(a).durationMs;
        for (let j = start; j < end; j++) {
            if (hasFailure && !at(j).failed)
                continue;
            const area = Math.abs((ax - avgX) * (at(j).durationMs - ay) - (ax - j) * (avgY - ay));
            if (area > bestArea) {
                bestArea = area;
                best = j;
            }
        }
        sampled.push(at(best));
        a = best;
    }
    sampled.push(at(n - 1));
    return sampled;
}
/** The Chart.js 2 config as a compact JS literal (fewer characters than JSON in the URL). */
function chartConfig(points, size, options, axis = DURATION_AXIS) {
    const isValue = axis.kind === 'value';
    const baseline = options.baselineMedianMs !== null &&
        options.baselineMedianMs !== undefined &&
        Number.isFinite(options.baselineMedianMs) &&
        (isValue || options.baselineMedianMs >= 0)
        ? options.baselineMedianMs
        : null;
    // Values are drawn in their own unit; durations in one picked from their size.
    const unit = isValue
        ? { name: '', ms: 1 }
        : pickUnit(Math.max(baseline ?? 0, ...points.map((p) => p.durationMs)));
    const full = size === 'full';
    const anyFailed = points.some((p) => p.failed);
    const belowZero = points.some((p) => p.durationMs < 0) || (baseline ?? 0) < 0;
    const datasets = [
        {
            label: axis.kind === 'value' ? axis.legend : `duration (${unit.name})`,
            data: points.map((p) => round3(p.durationMs / unit.ms)),
            fill: false,
            lineTension: 0,
            borderWidth: full ? 2 : 1.5,
            borderColor: COLORS.line,
            // Successful runs are the line itself; failed ones are red dots on it.
            pointRadius: points.map((p) => (p.failed ? (full ? 4 : 3) : 0)),
            pointBackgroundColor: COLORS.failed,
            pointBorderColor: COLORS.failed,
        },
    ];
    // Legend-only entry so readers know what a red dot means.
    if (full && anyFailed) {
        datasets.push({
            label: 'failed',
            data: [],
            borderColor: COLORS.failed,
            backgroundColor: COLORS.failed,
        });
    }
    const chartOptions = {
        legend: full ? { labels: { boxWidth: 12 } } : { display: false },
        scales: {
            xAxes: [full ? { ticks: { maxTicksLimit: 8, maxRotation: 0 } } : { display: false }],
            yAxes: [
                {
                    ...(full ? {} : { display: false }),
                    ...(full && axis.kind === 'value' && axis.title !== undefined
                        ? { scaleLabel: { display: true, labelString: truncate(cleanTitle(axis.title), 40) } }
                        : {}),
                    ticks: { beginAtZero: !belowZero, maxTicksLimit: 5 },
                },
            ],
        },
    };
    if (full && options.title) {
        chartOptions.title = {
            display: true,
            text: truncate(cleanTitle(options.title), TITLE_MAX_CHARS),
        };
    }
    if (baseline !== null) {
        chartOptions.annotation = {
            annotations: [
                {
                    type: 'line',
                    mode: 'horizontal',
                    scaleID: 'y-axis-0',
                    value: round3(baseline / unit.ms),
                    borderColor: COLORS.baseline,
                    borderWidth: 1,
                    borderDash: [6, 4],
                    ...(full
                        ? {
                            label: {
                                enabled: true,
                                content: 'baseline median',
                                position: 'left',
                                fontSize: 10,
                            },
                        }
                        : {}),
                },
            ],
        };
    }
    return toLiteral({
        type: 'line',
        data: { labels: points.map((p) => shortDate(p.t)), datasets },
        options: chartOptions,
    });
}
/**
 * Serialises to a JavaScript object literal: identifier keys unquoted, strings as JSON string
 * literals (valid JS). Written here rather than via quickchart-js's stringify because that one
 * turns any string shaped like "__BEGINFUNCTION__…__ENDFUNCTION__" into code, and titles are
 * user data.
 */
function toLiteral(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(toLiteral).join(',')}]`;
    const entries = Object.entries(value).map(([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}:${toLiteral(v)}`);
    return `{${entries.join(',')}}`;
}
function pickUnit(maxMs) {
    if (maxMs < 1000)
        return { name: 'ms', ms: 1 };
    if (maxMs < 120_000)
        return { name: 's', ms: 1000 };
    if (maxMs < 7_200_000)
        return { name: 'min', ms: 60_000 };
    return { name: 'h', ms: 3_600_000 };
}
/** Three significant digits: plenty for a picture, short in a URL. */
function round3(value) {
    return value === 0 ? 0 : Number(value.toPrecision(3));
}
/** "10/21" for any timestamp of that UTC day ("2025-10-20T23:30:00-05:00" included). */
function shortDate(t) {
    const ms = (0,_core_record_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTimestamp */ .EH)(t);
    if (Number.isNaN(ms))
        return '';
    const date = new Date(ms);
    return `${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}
function cleanTitle(title) {
    // eslint-disable-next-line no-control-regex
    return title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}
function truncate(text, max) {
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Md: () => (/* binding */ layoutComment),
/* harmony export */   Yn: () => (/* binding */ buildCommentRow),
/* harmony export */   dq: () => (/* binding */ COMMENT_MAX_CHARS),
/* harmony export */   qH: () => (/* binding */ readStoredRow),
/* harmony export */   s2: () => (/* binding */ fromStoredRow),
/* harmony export */   v5: () => (/* binding */ toStoredRow)
/* harmony export */ });
/* unused harmony exports ROW_DETAILS_MAX_CHARS, renderComment, renderRowDetails, STORED_HISTORY_POINTS */
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14101);
/* harmony import */ var _charts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43337);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12011);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96532);




/** GitHub rejects issue/PR comment bodies longer than this many characters (the one definition). */
const COMMENT_MAX_CHARS = 65_536;
/** A row's details longer than this are not shown (they are Markdown: cutting could break it). */
const ROW_DETAILS_MAX_CHARS = 4000;
const NAME_MAX_CHARS = 100;
/**
 * The comment body, always within `maxChars`: when too long it drops, in this order, the
 * details block, then the trend images, then rows (failed and slower steps kept first, the
 * rest counted in a "+N more" note).
 */
function renderComment(input) {
    return layoutComment(input).markdown;
}
/**
 * renderComment's text, how many rows it had to leave out to stay within `maxChars`, and how
 * many of its optional parts (1: the details; 2: the trend images too).
 */
function layoutComment(input) {
    const shown = (rows, markdown, partsLeftOut = 2) => ({
        markdown,
        rowsLeftOut: input.rows.length - rows.length,
        partsLeftOut,
    });
    if (!/^<!--(?:(?!-->)[^\n])*-->$/.test(input.marker)) {
        throw new Error('renderComment: marker must be one HTML comment on one line, e.g. "<!-- dev-metrics -->"');
    }
    const maxChars = input.maxChars ?? COMMENT_MAX_CHARS;
    const all = input.rows;
    const plans = [
        { details: true, charts: true, rows: all },
        { details: false, charts: true, rows: all },
        { details: false, charts: false, rows: all },
    ];
    for (const [partsLeftOut, plan] of plans.entries()) {
        const text = renderPlan(input, plan);
        if (text.length <= maxChars)
            return shown(all, text, partsLeftOut);
    }
    // Keep as many rows as fit, most important first; binary search on the count.
    const ranked = rankRows(all);
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (renderPlan(input, {
            details: false,
            charts: false,
            rows: keepOrder(all, ranked.slice(0, mid)),
        }).length <= maxChars)
            lo = mid;
        else
            hi = mid - 1;
    }
    const kept = keepOrder(all, ranked.slice(0, lo));
    const text = renderPlan(input, { details: false, charts: false, rows: kept });
    if (text.length <= maxChars)
        return shown(kept, text);
    // Only a cap smaller than the bare frame gets here; the marker must survive for stickiness.
    return shown([], `${input.marker}\n`.slice(0, Math.max(maxChars, input.marker.length + 1)));
}
function renderPlan(input, plan) {
    const { rows } = plan;
    const title = `## ⏱️ Step timings${input.workflow ? `: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdownText */ .m4)(input.workflow, NAME_MAX_CHARS)}` : ''}`;
    const parts = [input.marker, title];
    if (input.rows.length === 0) {
        parts.push('_No tracked steps yet._');
    }
    else {
        const header = ['Step', 'This PR', 'Base', 'Change', 'Verdict'];
        const align = ['l', 'r', 'r', 'r', 'l'];
        if (plan.charts) {
            header.push('Trend');
            align.push('l');
        }
        const body = rows.map((row) => {
            const cells = [
                `${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .statusEmoji */ .H0)(row.status)} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdownText */ .m4)(row.name, NAME_MAX_CHARS)}`,
                ...rowMedians(row),
                (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatChangePercent */ .Bd)(row.changePercent),
                (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .verdictLabel */ .Id)(row.verdict, subjectOf(row)),
            ];
            if (plan.charts)
                cells.push(chartCell(row));
            return cells;
        });
        if (rows.length > 0)
            parts.push((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)([header, ...body], align));
        const notes = [];
        const hidden = input.rows.length - rows.length;
        if (hidden > 0)
            notes.push(`+${hidden} more step${hidden === 1 ? '' : 's'} not shown`);
        const omitted = [];
        if (!plan.details && input.rows.some((r) => r.detailsMarkdown))
            omitted.push('details');
        if (!plan.charts && input.rows.some((r) => r.chartUrl !== null))
            omitted.push('trend images');
        if (omitted.length > 0)
            notes.push(`${omitted.join(' and ')} omitted`);
        if (notes.length > 0) {
            parts.push(`_${notes.join('; ')} (GitHub limits a comment to ${COMMENT_MAX_CHARS.toLocaleString('en-US')} characters)._`);
        }
        if (plan.details) {
            const sections = rows.filter((r) => r.detailsMarkdown).map(rowDetails);
            if (sections.length > 0)
                parts.push((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .details */ .zH)('Details', sections.join('\n\n')));
        }
    }
    parts.push(footer(input));
    return `${parts.join('\n\n')}\n`;
}
/** Whether a row is about a value (better/worse) or a duration (faster/slower). */
function subjectOf(row) {
    return row.better === undefined ? 'duration' : 'value';
}
/** This PR's and the base's medians: durations, or a value row's numbers with their unit. */
function rowMedians(row) {
    if (row.better === undefined) {
        return [(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(row.durationMs), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(row.baselineMedianMs)];
    }
    // The unit is the producer's text: escaped like any other user text in a table cell.
    const cell = (v) => (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdownText */ .m4)((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatValue */ .Fl)(v, row.unit), NAME_MAX_CHARS);
    return [cell(row.durationMs), cell(row.baselineMedianMs)];
}
function chartCell(row) {
    if (row.chartUrl === null || row.chartUrl.length > _charts_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_CHART_URL_LENGTH */ .nH)
        return '—';
    return (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownImage */ .ho)(`trend of ${row.name}`, row.chartUrl) ?? '—';
}
function rowDetails(row) {
    const md = (row.detailsMarkdown ?? '').trim();
    const body = md.length <= ROW_DETAILS_MAX_CHARS
        ? md
        : '_Details too long to show here; see the job summary._';
    return `#### ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .statusEmoji */ .H0)(row.status)} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdownText */ .m4)(row.name, NAME_MAX_CHARS)}\n\n${body}`;
}
function footer(input) {
    const newest = input.rows
        .map((r) => r.updatedAt)
        .sort()
        .at(-1);
    const when = (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTimestamp */ .Ey)(input.updatedAt ?? newest);
    const run = input.runUrl ? ` · ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownLink */ .iQ)('workflow run', input.runUrl)}` : '';
    return `<sub>Updated ${when}${run} · dev-metrics</sub>`;
}
/** Indices of rows, most important first: failed, then slower, then the rest; stable. */
function rankRows(rows) {
    const weight = (r) => r.status === 'failed' ? 0 : r.verdict === 'slower' ? 1 : 2;
    return rows
        .map((r, i) => ({ i, w: weight(r) }))
        .sort((a, b) => a.w - b.w || a.i - b.i)
        .map((x) => x.i);
}
/** The chosen rows in their original order. */
function keepOrder(rows, indices) {
    return [...indices].sort((a, b) => a - b).map((i) => rows[i]);
}
/** The per-step Markdown shown in the comment's details block (CommentRow.detailsMarkdown). */
function renderRowDetails({ verdict, flakiness, baselineBranch, unit, better, }) {
    const subject = subjectOf({ better });
    const show = (v) => subject === 'value' ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeProse */ .fd)((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatValue */ .Fl)(v, unit), 80) : (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(v);
    const lines = [
        `- ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .verdictLabel */ .Id)(verdict.verdict, subject)}: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeProse */ .fd)(verdict.reason, 500)}`,
    ];
    const on = baselineBranch ? ` on ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeProse */ .fd)(baselineBranch, 80)}` : '';
    lines.push(`- Base${on}: ${verdict.baselineCount} run${verdict.baselineCount === 1 ? '' : 's'}, ` +
        `median ${show(verdict.baselineMedianMs)}, p95 ${show(verdict.baselineP95Ms)}`);
    lines.push(`- This PR: ${verdict.candidateCount} run${verdict.candidateCount === 1 ? '' : 's'}, ` +
        `median ${show(verdict.candidateMedianMs)}`);
    if (better !== undefined) {
        lines.push(`- ${better === 'bigger' ? 'Bigger' : 'Smaller'} is better`);
    }
    if (verdict.changePercent !== null &&
        verdict.ciLowPercent !== null &&
        verdict.ciHighPercent !== null) {
        lines.push(`- Change ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatChangePercent */ .Bd)(verdict.changePercent)}, ${Math.round(verdict.confidence * 100)}% CI ` +
            `${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatChangePercent */ .Bd)(verdict.ciLowPercent)} … ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatChangePercent */ .Bd)(verdict.ciHighPercent)}`);
    }
    if (flakiness && flakiness.flakyCommits.length > 0) {
        const shas = flakiness.flakyCommits
            .slice(0, 3)
            .map((s) => /^[0-9a-f]{7,64}$/i.test(s) ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(s.slice(0, 7)) : (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdownText */ .m4)(s, 20));
        lines.push(`- ⚠️ Flaky on ${flakiness.flakyCommits.length} of ${flakiness.commitsSeen} commits ` +
            `(${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPercent */ .l9)(flakiness.flakeRate * 100)}): ${shas.join(', ')}`);
    }
    return lines.join('\n');
}
/**
 * A CommentRow from a verdict (name, medians and change come from it). With `better` set, a value
 * row: pass the value verdict, and `durationMs` (the fallback) is this run's value.
 */
function buildCommentRow(input) {
    const { verdict } = input;
    const row = {
        name: verdict.name,
        status: input.status,
        durationMs: verdict.candidateMedianMs ?? input.durationMs ?? null,
        baselineMedianMs: verdict.baselineMedianMs,
        changePercent: verdict.changePercent,
        verdict: verdict.verdict,
        chartUrl: input.chartUrl,
        updatedAt: input.updatedAt,
        detailsMarkdown: renderRowDetails(input),
    };
    if (input.better !== undefined) {
        row.better = input.better;
        if (input.unit !== undefined)
            row.unit = input.unit;
    }
    return row;
}
/** Points of the small trend chart kept per stored row (the chart draws at most this many). */
const STORED_HISTORY_POINTS = 40;
/** The stored form of `row`; `trend` null when the step's charts are off. */
function toStoredRow(row, trend) {
    const stored = {
        step: row.name,
        updatedAt: row.updatedAt,
        status: row.status,
        durationMs: row.durationMs,
        baselineMedianMs: row.baselineMedianMs,
        changePercent: roundTo(row.changePercent, 1),
        verdict: row.verdict,
    };
    if (row.better !== undefined) {
        stored.better = row.better;
        if (row.unit !== undefined)
            stored.unit = row.unit;
    }
    if (trend && row.better !== undefined) {
        const usable = (trend.valuePoints ?? [])
            .filter((p) => Number.isFinite(p.value))
            .map((p) => ({ t: p.t, durationMs: p.value, failed: p.failed }));
        stored.history = (0,_charts_js__WEBPACK_IMPORTED_MODULE_1__/* .downsampleTrend */ .I4)(usable, STORED_HISTORY_POINTS).map((p) => Number(p.durationMs.toPrecision(4)));
    }
    else if (trend) {
        const usable = trend.points.filter((p) => Number.isFinite(p.durationMs) && p.durationMs >= 0);
        stored.history = (0,_charts_js__WEBPACK_IMPORTED_MODULE_1__/* .downsampleTrend */ .I4)(usable, STORED_HISTORY_POINTS).map((p) => {
            const ms = Math.round(p.durationMs);
            return p.failed ? -(ms + 1) : ms;
        });
    }
    if (trend?.quickchartUrl && trend.quickchartUrl !== DEFAULT_QUICKCHART_URL) {
        stored.quickchartUrl = trend.quickchartUrl;
    }
    if (row.detailsMarkdown)
        stored.details = row.detailsMarkdown;
    return stored;
}
const DEFAULT_QUICKCHART_URL = 'https://quickchart.io';
/** A series key is the step name (≤ 100 characters) plus its leg as JSON: generous, bounded. */
const MAX_ROW_KEY_CHARS = 2_000;
const STATUSES = ['success', 'failed'];
const VERDICTS = ['faster', 'slower', 'no change', 'not enough data'];
/**
 * A row read back from the comment, reduced to the stored schema: each field checked (a wrong one
 * becomes "no value" or is left out), unknown fields dropped, so nothing else is ever republished
 * (rows written by older versions carried their chart URL and details under other names).
 */
function readStoredRow(raw) {
    const num = (v) => typeof v === 'number' && Number.isFinite(v) ? v : null;
    const row = {
        step: String(raw.step),
        updatedAt: String(raw.updatedAt),
        status: STATUSES.find((s) => s === raw.status) ?? 'success',
        durationMs: num(raw.durationMs),
        baselineMedianMs: num(raw.baselineMedianMs),
        changePercent: num(raw.changePercent),
        verdict: VERDICTS.find((v) => v === raw.verdict) ?? 'not enough data',
    };
    if (typeof raw.key === 'string' && raw.key.length <= MAX_ROW_KEY_CHARS)
        row.key = raw.key;
    // A value row: `better` says so; a unit that is not one is left out (the value stays readable).
    const unit = typeof raw.unit === 'string' && (0,_core_values_js__WEBPACK_IMPORTED_MODULE_0__/* .unitProblem */ .wg)(raw.unit) === null ? raw.unit : undefined;
    if (raw.better === 'bigger' || raw.better === 'smaller')
        row.better = raw.better;
    else if (unit !== undefined)
        row.better = (0,_core_values_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultBetter */ .m_)(unit);
    if (row.better !== undefined && unit !== undefined && unit !== '')
        row.unit = unit;
    if (Array.isArray(raw.history)) {
        const isValue = row.better !== undefined;
        row.history = raw.history
            .filter((v) => typeof v === 'number' && (isValue ? Number.isFinite(v) : Number.isInteger(v)))
            .slice(-STORED_HISTORY_POINTS);
    }
    if (typeof raw.quickchartUrl === 'string') {
        try {
            (0,_charts_js__WEBPACK_IMPORTED_MODULE_1__/* .parseQuickChartBaseUrl */ .P3)(raw.quickchartUrl);
            row.quickchartUrl = raw.quickchartUrl;
        }
        catch {
            delete row.history; // no trusted place to draw it: draw nothing
        }
    }
    // Longer details are never shown (see rowDetails), so they are not kept either.
    if (typeof raw.details === 'string' && raw.details.length <= ROW_DETAILS_MAX_CHARS) {
        row.details = raw.details;
    }
    return row;
}
/** The row to render from a stored one (see readStoredRow); its chart is redrawn from the history. */
function fromStoredRow(raw) {
    const stored = readStoredRow(raw);
    let chartUrl = null;
    if (stored.history && stored.better !== undefined) {
        chartUrl = (0,_charts_js__WEBPACK_IMPORTED_MODULE_1__/* .valueTrendChartUrl */ .c$)(stored.history.map((value) => ({ t: '', value, failed: false })), {
            size: 'small',
            baseUrl: stored.quickchartUrl,
            valueName: stored.step,
            ...(stored.unit === undefined ? {} : { unit: stored.unit }),
            baselineMedian: stored.baselineMedianMs,
        });
    }
    else if (stored.history) {
        const points = stored.history.map((v) => ({
            t: '',
            durationMs: v < 0 ? -v - 1 : v,
            failed: v < 0,
        }));
        chartUrl = (0,_charts_js__WEBPACK_IMPORTED_MODULE_1__/* .trendChartUrl */ .zB)(points, {
            size: 'small',
            baseUrl: stored.quickchartUrl,
            baselineMedianMs: stored.baselineMedianMs,
        });
    }
    const row = {
        name: stored.step,
        status: stored.status,
        durationMs: stored.durationMs,
        baselineMedianMs: stored.baselineMedianMs,
        changePercent: stored.changePercent,
        verdict: stored.verdict,
        chartUrl,
        updatedAt: stored.updatedAt,
        detailsMarkdown: stored.details ?? null,
    };
    if (stored.better !== undefined) {
        row.better = stored.better;
        if (stored.unit !== undefined)
            row.unit = stored.unit;
    }
    return row;
}
function roundTo(value, digits) {
    if (value === null || !Number.isFinite(value))
        return value;
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}


/***/ }),

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ formatChangePercent),
/* harmony export */   E0: () => (/* binding */ verdictWord),
/* harmony export */   Ey: () => (/* binding */ formatTimestamp),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   GY: () => (/* binding */ NO_VALUE),
/* harmony export */   H0: () => (/* binding */ statusEmoji),
/* harmony export */   Id: () => (/* binding */ verdictLabel),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   l9: () => (/* binding */ formatPercent)
/* harmony export */ });
/* unused harmony export changeDirectionWord */
/** What a missing value shows as. */
const NO_VALUE = '—';
/**
 * A duration for people: "0.42 ms", "850 ms", "1.2 s", "42.0 s", "3 min 04 s", "1 h 02 min".
 * Missing, negative or non-finite values give "—". The one duration formatter: the job summary,
 * the PR comment, the CLI and the dashboard's in-page script all show durations through it.
 */
function formatDuration(ms, { secondsDecimals = 1 } = {}) {
    if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0)
        return NO_VALUE;
    // Sub-millisecond steps (a cache hit, a no-op) would all read "0 ms".
    if (ms > 0 && ms < 1)
        return `${ms.toFixed(2)} ms`;
    if (Math.round(ms) < 1000)
        return `${Math.round(ms)} ms`;
    // Decide the unit on the rounded value so 59.96 s shows as "1 min 00 s", not "60.0 s".
    const scale = 10 ** secondsDecimals;
    const rounded = Math.round((ms / 1000) * scale);
    if (rounded < 60 * scale)
        return `${(rounded / scale).toFixed(secondsDecimals)} s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)} min ${pad2(seconds % 60)} s`;
    const minutes = Math.round(ms / 60_000);
    return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
}
/** A signed relative change: "+12.3%", "-4.0%", "0.0%"; missing gives "—". */
function formatChangePercent(percent) {
    if (percent === null || percent === undefined || !Number.isFinite(percent))
        return NO_VALUE;
    const text = Math.abs(percent).toFixed(1);
    if (text === '0.0')
        return '0.0%';
    return `${percent > 0 ? '+' : '-'}${text}%`;
}
/** A share as a percentage: formatPercent(98.5) = "98.5%"; whole numbers lose the ".0". */
function formatPercent(percent) {
    if (percent === null || percent === undefined || !Number.isFinite(percent))
        return NO_VALUE;
    const text = percent.toFixed(1);
    return `${text.endsWith('.0') ? text.slice(0, -2) : text}%`;
}
/**
 * The word a report shows for a verdict (the issue speaks of faster/slower/same); for a value,
 * better/worse: a bigger-is-better value that drops is 'slower' internally and reads "worse".
 */
function verdictWord(kind, subject = 'duration') {
    switch (kind) {
        case 'faster':
            return subject === 'value' ? 'better' : 'faster';
        case 'slower':
            return subject === 'value' ? 'worse' : 'slower';
        case 'no change':
            return 'same';
        case 'not enough data':
            return 'not enough data';
    }
}
/** Emoji plus word, for table cells: "🐢 slower"; for a value "👎 worse" / "👍 better". */
function verdictLabel(kind, subject = 'duration') {
    const emoji = {
        faster: subject === 'value' ? '👍' : '🚀',
        slower: subject === 'value' ? '👎' : '🐢',
        'no change': '➖',
        'not enough data': '❔',
    };
    return `${emoji[kind]} ${verdictWord(kind, subject)}`;
}
/**
 * Whether a change of `changePercent` in a value is for the better or the worse, in words:
 * "worse" for a bigger-is-better value that drops, "better" for a smaller-is-better one that
 * drops; "same" for no (or no known) change. Describes the number only: no statistics.
 */
function changeDirectionWord(changePercent, better) {
    if (changePercent === null || changePercent === undefined || !Number.isFinite(changePercent)) {
        return NO_VALUE;
    }
    if (changePercent === 0)
        return 'same';
    const up = changePercent > 0;
    return up === (better === 'bigger') ? 'better' : 'worse';
}
/** Values at or above this are shown in e-notation ("1.23e9"): more digits would not be read. */
const HUGE_VALUE = 1e9;
/** Values this close to 0 (and not 0) are shown in e-notation too ("1.5e-7"). */
const TINY_VALUE = 1e-4;
/**
 * A value for people, with its unit: "512 KB", "1,200 tokens", "12.35 s", "0.0012 USD", "1.23e9".
 * Up to 4 significant digits below 1,000 (3 below 1), whole numbers with thousands separators up
 * to a billion, e-notation beyond and for tiny values. Missing or non-finite gives "—".
 * Durations stay with formatDuration; this is for `metadata.values` (issue 13).
 */
function formatValue(value, unit) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return NO_VALUE;
    const number = formatNumber(value);
    if (unit === undefined || unit === null || unit === '')
        return number;
    return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
function formatNumber(value) {
    if (value === 0)
        return '0';
    const sign = value < 0 ? '-' : '';
    const abs = Math.abs(value);
    if (abs >= HUGE_VALUE || abs < TINY_VALUE)
        return sign + eNotation(abs);
    if (abs < 1)
        return sign + trimZeros(abs.toPrecision(3));
    const rounded = Number(abs.toPrecision(4));
    if (rounded < 1000)
        return sign + trimZeros(rounded.toFixed(Math.max(0, 3 - digitsBefore(rounded))));
    return sign + groupThousands(Math.round(abs));
}
/** Digits before the decimal point of 1 ≤ x < 1000, minus one (0 for 1–9.99). */
function digitsBefore(x) {
    return x < 10 ? 0 : x < 100 ? 1 : 2;
}
function eNotation(abs) {
    const [mantissa = '', exponent = '0'] = abs.toExponential(2).split('e');
    return `${trimZeros(mantissa)}e${Number(exponent)}`;
}
/** "1.50" → "1.5", "2.00" → "2"; integers are left as they are. */
function trimZeros(text) {
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
function groupThousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** Status emoji for a run. */
function statusEmoji(status) {
    return status === 'success' ? '✅' : '❌';
}
/**
 * A record timestamp as "2025-10-20 10:30 UTC". Record timestamps without an offset are UTC
 * (the record format); unparseable input gives "—" rather than "Invalid Date".
 */
function formatTimestamp(iso) {
    if (!iso)
        return NO_VALUE;
    const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
    const date = new Date(hasOffset ? iso : `${iso}Z`);
    if (Number.isNaN(date.getTime()))
        return NO_VALUE;
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function pad2(n) {
    return String(n).padStart(2, '0');
}


/***/ }),

/***/ 96532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DV: () => (/* binding */ codeBlock),
  SS: () => (/* binding */ codeSpan),
  zH: () => (/* binding */ details),
  ZD: () => (/* binding */ escapeHtml),
  m4: () => (/* binding */ escapeMarkdownText),
  fd: () => (/* binding */ escapeProse),
  ho: () => (/* binding */ markdownImage),
  iQ: () => (/* binding */ markdownLink),
  tp: () => (/* binding */ table),
  EJ: () => (/* binding */ truncateText)
});

// UNUSED EXPORTS: NEWLINE_MARK, WORD_JOINER

;// CONCATENATED MODULE: ./node_modules/markdown-table/index.js
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

;// CONCATENATED MODULE: ./src/report/sanitize.ts
/**
 * Neutralising user data (operation names, metadata, error text) for GitHub Markdown, so that
 * nothing a user wrote renders as markup, raw HTML, a link, an image, an @mention or an issue
 * reference. Every report builds its Markdown from these helpers; no data goes in unescaped.
 */

/**
 * U+2060 WORD JOINER: invisible and not a line-break opportunity. Put after "@", "#" and "GH-" it
 * stops GitHub's mention and issue-reference filters, which run on the rendered text, where a
 * backslash escape is already gone.
 */
const WORD_JOINER = '\u2060';
/** Shown where a line break in data stood (table cells cannot hold one; raw <br> is HTML). */
const NEWLINE_MARK = ' ⏎ ';
// C0/C1 controls (tab is handled separately) and bidi overrides/isolates ("Trojan Source").
const INVISIBLE_OR_CONTROL = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// CommonMark lets any ASCII punctuation be backslash-escaped and renders it literally; escaping
// all of it (":" and "." too) also stops GFM's extended autolinks (www., http://, a@b.c).
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/**
 * Text for a table cell or inline Markdown (headings, paragraphs, link text, image alt text):
 * escapes every ASCII punctuation character (so | \ ` * _ [ ] < > # ! & and friends are
 * literal), turns line breaks into " ⏎ ", drops control and bidi-override characters, and puts a
 * word joiner after "@" and "#" when a word or digit follows, and after "GH-" when a digit
 * follows (no mention, no issue link).
 * `maxChars` (optional) shortens the input first, with "…".
 */
function escapeMarkdownText(text, maxChars) {
    let s = cleanText(text);
    if (maxChars !== undefined)
        s = truncateText(s, maxChars);
    s = s.replace(/\r\n|\r|\n/g, NEWLINE_MARK).replace(/\t/g, ' ');
    return s
        .replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`)
        .replace(/\\([@#])(?=[\p{L}\p{N}_])/gu, `\\$1${WORD_JOINER}`)
        .replace(/(gh)\\-(?=\d)/gi, `$1\\-${WORD_JOINER}`);
}
/**
 * Text for inline prose people read both rendered and raw (the verdict sentence): like
 * escapeMarkdownText it cannot render as markup, a link, raw HTML, a mention or an issue
 * reference, but it escapes only characters that could: "+8.4% (p<0.001)" stays as written.
 */
function escapeProse(text, maxChars) {
    let s = cleanText(text);
    if (maxChars !== undefined)
        s = truncateText(s, maxChars);
    s = s.replace(/\r\n|\r|\n/g, NEWLINE_MARK).replace(/\t/g, ' ');
    return (s
        // Emphasis, code, links, tables, strikethrough, math, and the escape character itself.
        .replace(/[\\`*_[\]|~$]/g, (ch) => `\\${ch}`)
        // Raw HTML needs "<" before a letter, "/", "!" or "?"; entities need "&" before a name.
        .replace(/<(?=[A-Za-z/!?])/g, '\\<')
        .replace(/&(?=[#A-Za-z0-9])/g, '\\&')
        // Autolinks: "www." and "scheme://".
        .replace(/(www)\./gi, '$1\\.')
        .replace(/:(?=\/\/)/g, '\\:')
        // Mentions, issue references and e-mail autolinks: a word joiner after "@", "#" and "GH-".
        .replace(/([@#])(?=[\p{L}\p{N}_])/gu, `$1${WORD_JOINER}`)
        .replace(/(gh)-(?=\d)/gi, `$1-${WORD_JOINER}`)
        // A block marker at the very start (list, heading, quote) when the text begins a line.
        .replace(/^(?:>|(?:[-+]|#{1,6}|\d{1,9}[.)])(?=\s|$))/, (m) => `\\${m}`));
}
/**
 * A fenced code block holding `text` verbatim. The fence is a backtick run longer than any in
 * the text, so nothing inside can close it; raw HTML, links and mentions inside are inert.
 * `info` (e.g. "text") must be a plain word.
 */
function codeBlock(text, info = '') {
    if (!/^[A-Za-z0-9_+-]*$/.test(info))
        throw new Error(`codeBlock: info string must be a plain word`);
    const body = cleanText(text).replace(/\r\n|\r/g, '\n');
    const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
    return `${fence}${info}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}${fence}`;
}
/**
 * An inline code span holding `text` (one line). Its backtick fence is longer than any run
 * inside. In a table cell (`context: 'table'`), "|" must still be escaped: GFM splits cells
 * before it parses code spans, and un-escapes "\|" in cells (outside tables it would show).
 */
function codeSpan(text, context = 'inline') {
    let body = cleanText(text).replace(/\r\n|\r|\n/g, ' ');
    if (context === 'table')
        body = body.replace(/\|/g, '\\|');
    if (body === '')
        return '';
    const fence = '`'.repeat(longestRun(body, '`') + 1);
    // A space on each side lets the body start or end with a backtick; CommonMark strips one.
    const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/**
 * A Markdown image of an http(s) URL, or null when `url` is not one. The destination is
 * written in <…> form with |, <, > and whitespace percent-encoded, so the URL can neither end
 * the destination early nor split a table cell. Alt text is escaped data.
 */
function markdownImage(alt, url) {
    const dest = safeHttpUrl(url);
    return dest === null ? null : `![${escapeMarkdownText(alt, 200)}](<${dest}>)`;
}
/** A Markdown link to an http(s) URL with escaped text; plain escaped text when `url` is not one. */
function markdownLink(text, url) {
    const dest = safeHttpUrl(url);
    const label = escapeMarkdownText(text, 200);
    return dest === null ? label : `[${label}](<${dest}>)`;
}
/** Shortens to at most `maxChars` characters, ending in "…" when cut (no split surrogates). */
function truncateText(text, maxChars) {
    const chars = Array.from(text);
    if (chars.length <= maxChars)
        return text;
    return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}
/**
 * Escapes text for an HTML context we write ourselves (e.g. a <summary> line): & < > " '.
 * Reports keep data out of HTML; this exists for the rare fixed-structure exception.
 */
function escapeHtml(text) {
    return cleanText(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
/** A collapsible block; the summary text is ours (fixed words and numbers), never data. */
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** A GFM table of already-escaped cells; delimiters unaligned (padding would repeat long cells). */
function table(rows, align) {
    return markdownTable(rows, { align, alignDelimiters: false });
}
function safeHttpUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return null;
    return parsed.href.replace(/[|<>\s`\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function cleanText(text) {
    return String(text).replace(INVISIBLE_OR_CONTROL, '');
}
function longestRun(text, ch) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === ch ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}


/***/ })

};
