export const id = 907;
export const ids = [907];
export const modules = {

/***/ 47907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/action/job.ts
var action_job = __webpack_require__(45461);
// EXTERNAL MODULE: ./src/action/otlp.ts
var otlp = __webpack_require__(71187);
// EXTERNAL MODULE: ./src/report/comment-body.ts
var comment_body = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/action/dashboard-path.ts
var dashboard_path = __webpack_require__(87648);
// EXTERNAL MODULE: ./src/action/publish.ts + 4 modules
var publish = __webpack_require__(26814);
;// CONCATENATED MODULE: ./src/action/publish-job.ts
/**
 * The job's shared reports (the owner's post step, post.ts, loads this module): one sticky PR
 * comment update carrying every step's row, and one HTML dashboard, uploaded as one artifact.
 * The comment's layout and the comment and artifact clients are loaded only here. Each part is
 * independent: a failure in one is one warning and never changes the step's outcome.
 */




/** The job's shared reports: one comment update with every row, one dashboard artifact. */
async function publishJob(p) {
    const { inputs, ci } = p;
    // The comment and the dashboard (built, then uploaded) run at once: both mostly wait.
    let comment = Promise.resolve();
    if (p.rows.length > 0 && ci.pr_number !== undefined && inputs.githubToken) {
        comment = (0,publish/* part */.y_)('the PR comment', async () => {
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
    const dashboard = (0,publish/* part */.y_)('the dashboard', async () => {
        const { generateDashboard } = await __webpack_require__.e(/* import() */ 767).then(__webpack_require__.bind(__webpack_require__, 19767));
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
                // node:crypto only here: one post per job uploads.
                uniqueSuffix: `${ci.job ?? 'job'}-${(0,dashboard_path/* stepFolder */.D)(p.owner)}-${process.getBuiltinModule('node:crypto').randomBytes(3).toString('hex')}`,
                log: (line) => runner_io.warning(line),
            });
            if (upload.ok)
                runner_io.info(`dev-metrics: dashboard uploaded as artifact ${upload.name} (${upload.size} bytes).`);
        }
    });
    await Promise.all([comment, dashboard]);
}

// EXTERNAL MODULE: ./src/action/record.ts
var action_record = __webpack_require__(31365);
// EXTERNAL MODULE: ./src/action/setup.ts + 1 modules
var setup = __webpack_require__(7966);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(33175);
;// CONCATENATED MODULE: ./src/action/post.ts
/**
 * The post step. Every post writes the record its main could not (killed after a cancel, a
 * crash). The owner's post (the job's first wrapped step, whose post runs last) then does what
 * is done once per job: prune, one save to the cache holding every step's record (a delta, or a
 * snapshot when due), one comment update with every step's row, one dashboard artifact. It runs
 * whether the job passed, failed or was cancelled (post-if: always()).
 */





// Static: in post.ts's own chunk (the owner's post loads no further chunk for it; mains never).




/** Writes the cancelled record of a main step that did not finish. */
async function recordUnfinished(s) {
    const startedAt = (0,state/* readState */.un)(state/* State */.Uw.StartedAt);
    if ((0,state/* readState */.un)(state/* State */.Uw.Recorded) !== '' || !startedAt)
        return;
    const started = new Date((0,core_record/* parseTimestamp */.EH)(startedAt));
    const ended = new Date();
    const record = (0,action_record/* buildRecord */.kA)({
        name: s.inputs.name,
        metadata: s.inputs.metadata,
        ci: s.ci,
        result: {
            exitCode: null,
            signal: null,
            durationMs: ended.getTime() - started.getTime(),
            startedAt: started,
            endedAt: ended,
            outputTail: '',
            cancelled: true,
            startError: null,
            pid: null,
        },
    });
    await (0,store/* appendRecord */.EB)(s.metricsDir, record);
    runner_io.info(`dev-metrics: main step did not finish; recorded ${s.inputs.name} as cancelled.`);
}
/**
 * The job's one save, comment and dashboard. Old day files are pruned first (the save and the
 * dashboard then read the same files); the save, the comment and the dashboard's build and upload
 * then run at once: each is mostly waiting on the network or child processes (tar), so the job
 * pays for the longest of them, not their sum.
 */
async function finishJob(s) {
    const job = (0,action_job/* readJob */.cd)(s.jobFile) ?? (0,action_job/* newJobState */.rP)(s.inputs.name);
    await (0,store/* pruneDayFiles */.Uy)(s.metricsDir, s.inputs.daysToKeep).catch((error) => runner_io.warning(`dev-metrics: old day files not pruned: ${String(error)}`));
    const save = async () => {
        const options = await s.historyOptions();
        if (!options)
            return;
        const { saveHistory } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 55199));
        await saveHistory({
            ...options,
            daysToKeep: undefined, // pruned above, before the dashboard started reading
            plan: job.plan,
            deltaFrom: job.deltaFrom,
            superseded: job.superseded,
            unavailableAlreadyReported: job.unavailableReported,
            cacheUnresponsive: job.cacheUnresponsive,
        });
    };
    const publish = async () => {
        await publishJob({
            inputs: s.inputs,
            ci: s.ci,
            owner: job.owner,
            rows: job.rows,
            metricsDir: s.metricsDir,
            tempDir: s.tempDir,
        });
    };
    // Each fault is one warning inside; an unexpected throw still waits for the other part.
    const done = await Promise.allSettled([save(), publish()]);
    for (const d of done)
        if (d.status === 'rejected')
            throw d.reason;
    // Last post of the job: every step's record is there for the job's parent span.
    await (0,otlp/* exportJobSpan */.SZ)(s);
    (0,action_job/* closeJob */.Ao)(s.jobFile);
}
async function runPost() {
    if (!(0,state/* readState */.un)(state/* State */.Uw.Setup))
        return; // main stopped at a bad input and said so
    let s;
    try {
        s = (0,setup/* setup */.m)();
    }
    catch {
        return; // main already reported the bad input
    }
    try {
        await recordUnfinished(s);
    }
    finally {
        if ((0,state/* readState */.un)(state/* State */.Uw.Owner) === 'true')
            await finishJob(s);
    }
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Md: () => (/* binding */ layoutComment),
/* harmony export */   bR: () => (/* binding */ COMMENT_MAX_CHARS_TEXT),
/* harmony export */   dq: () => (/* binding */ COMMENT_MAX_CHARS),
/* harmony export */   qH: () => (/* binding */ readStoredRow),
/* harmony export */   s2: () => (/* binding */ fromStoredRow)
/* harmony export */ });
/* unused harmony exports ROW_DETAILS_MAX_CHARS, renderComment */
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14101);
/* harmony import */ var _charts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43337);
/* harmony import */ var _comment_row_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83470);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12011);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96532);





// The rows as every PR step builds them (comment-row.ts), re-exported: this module is the comment's.

/** GitHub rejects issue/PR comment bodies longer than this many characters (the one definition). */
const COMMENT_MAX_CHARS = 65_536;
/** COMMENT_MAX_CHARS as written for people; not toLocaleString, whose first call loads ICU (~22 ms). */
const COMMENT_MAX_CHARS_TEXT = '65,536';
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
    const title = `## ⏱️ Step timings${input.workflow ? `: ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownText */ .m4)(input.workflow, NAME_MAX_CHARS)}` : ''}`;
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
                `${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .statusEmoji */ .H0)(row.status)} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownText */ .m4)(row.name, NAME_MAX_CHARS)}`,
                ...rowMedians(row),
                (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatChangePercent */ .Bd)(row.changePercent),
                (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .verdictLabel */ .Id)(row.verdict, (0,_comment_row_js__WEBPACK_IMPORTED_MODULE_2__/* .subjectOf */ .et)(row)),
            ];
            if (plan.charts)
                cells.push(chartCell(row));
            return cells;
        });
        if (rows.length > 0)
            parts.push((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)([header, ...body], align));
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
            parts.push(`_${notes.join('; ')} (GitHub limits a comment to ${COMMENT_MAX_CHARS_TEXT} characters)._`);
        }
        if (plan.details) {
            const sections = rows.filter((r) => r.detailsMarkdown).map(rowDetails);
            if (sections.length > 0)
                parts.push((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)('Details', sections.join('\n\n')));
        }
    }
    parts.push(footer(input));
    return `${parts.join('\n\n')}\n`;
}
/** This PR's and the base's medians: durations, or a value row's numbers with their unit. */
function rowMedians(row) {
    if (row.better === undefined) {
        return [(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(row.durationMs), (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(row.baselineMedianMs)];
    }
    // The unit is the producer's text: escaped like any other user text in a table cell.
    const cell = (v) => (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownText */ .m4)((0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatValue */ .Fl)(v, row.unit), NAME_MAX_CHARS);
    return [cell(row.durationMs), cell(row.baselineMedianMs)];
}
function chartCell(row) {
    if (row.chartUrl === null || row.chartUrl.length > _charts_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_CHART_URL_LENGTH */ .nH)
        return '—';
    return (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownImage */ .ho)(`trend of ${row.name}`, row.chartUrl) ?? '—';
}
function rowDetails(row) {
    const md = (row.detailsMarkdown ?? '').trim();
    const body = md.length <= ROW_DETAILS_MAX_CHARS
        ? md
        : '_Details too long to show here; see the job summary._';
    return `#### ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .statusEmoji */ .H0)(row.status)} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdownText */ .m4)(row.name, NAME_MAX_CHARS)}\n\n${body}`;
}
function footer(input) {
    const newest = input.rows
        .map((r) => r.updatedAt)
        .sort()
        .at(-1);
    const when = (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatTimestamp */ .Ey)(input.updatedAt ?? newest);
    const run = input.runUrl ? ` · ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownLink */ .iQ)('workflow run', input.runUrl)}` : '';
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
            .slice(-_comment_row_js__WEBPACK_IMPORTED_MODULE_2__/* .STORED_HISTORY_POINTS */ .xI);
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


/***/ })

};
