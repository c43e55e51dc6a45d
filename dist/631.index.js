export const id = 631;
export const ids = [631];
export const modules = {

/***/ 56631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xv: () => (/* binding */ JobSpans),
/* harmony export */   _D: () => (/* binding */ HISTOGRAM_BOUNDARIES_S),
/* harmony export */   iz: () => (/* binding */ MetricPoints),
/* harmony export */   jj: () => (/* binding */ COUNT_METRIC),
/* harmony export */   recordCi: () => (/* binding */ recordCi),
/* harmony export */   t: () => (/* binding */ executionSpan),
/* harmony export */   uB: () => (/* binding */ DURATION_METRIC)
/* harmony export */ });
/* unused harmony exports STATUS_MESSAGE_MAX_CHARS, spanIds, resultOf, jobSpans, metricAttributes, metricPoints */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14130);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12258);
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14101);
/**
 * Execution records → what OpenTelemetry receives: spans (one per execution, one parent per CI
 * job) and delta metric points, with the CI/CD and VCS semantic-convention attribute names.
 * Pure: no SDK types here, so this is cheap to test and loads nothing; otlp.ts maps it onto the
 * SDK's data model.
 */




const DURATION_METRIC = 'dev_metrics.execution.duration';
const COUNT_METRIC = 'dev_metrics.executions';
/** Explicit bucket bounds in seconds: CI steps run from under a second to hours. */
const HISTOGRAM_BOUNDARIES_S = [
    0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200,
];
/** Bound of the status message (the action stores at most 4 KB; the Python tool had no bound). */
const STATUS_MESSAGE_MAX_CHARS = 4096;
const CI_STRINGS = [
    'repository',
    'server_url',
    'sha',
    'branch',
    'event',
    'base_branch',
    'workflow',
    'job',
    'runner_os',
    'runner_arch',
];
function recordCi(record) {
    const ci = record.metadata?.['ci'];
    if (ci === null || typeof ci !== 'object' || Array.isArray(ci))
        return {};
    const raw = ci;
    const out = {};
    for (const key of CI_STRINGS) {
        const value = raw[key];
        if (typeof value === 'string' && value !== '')
            out[key] = value;
    }
    if (typeof raw.run_id === 'string' || typeof raw.run_id === 'number') {
        out.run_id = String(raw.run_id);
    }
    for (const key of ['pr_number', 'run_attempt', 'exit_code']) {
        const value = raw[key];
        if (typeof value === 'number' && Number.isSafeInteger(value))
            out[key] = value;
    }
    return out;
}
function hex(text, digits) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, digits);
}
/** The run attempt a record belongs to, or null for records made outside CI. */
function runKey(ci) {
    if (ci.run_id === undefined)
        return null;
    return `${ci.server_url ?? ''}/${ci.repository ?? ''}/${ci.run_id}/${ci.run_attempt ?? 1}`;
}
/**
 * Trace and span ids, derived (SHA-256, truncated) rather than random so that every step of one
 * run attempt — separate processes, separate jobs — lands in one trace under its job's span, and
 * exporting the same record twice gives the same ids. Records made outside CI get a trace each.
 * (An all-zero id, which OTLP treats as invalid, has probability 2^-64.)
 */
function spanIds(record) {
    const ci = recordCi(record);
    const run = runKey(ci);
    const step = `${record.name}\0${record.started_at}`;
    if (run === null) {
        return { traceId: hex(`record\0${step}`, 32), spanId: hex(`step\0${step}`, 16) };
    }
    const job = ci.job ?? '';
    return {
        traceId: hex(`trace\0${run}`, 32),
        spanId: hex(`step\0${run}\0${job}\0${step}`, 16),
        parentSpanId: jobSpanId(run, job),
    };
}
function jobSpanId(run, job) {
    return hex(`job\0${run}\0${job}`, 16);
}
/** Semantic-convention values of the runner's OS and architecture. */
const OS_TYPE = { Linux: 'linux', Windows: 'windows', macOS: 'darwin' };
const HOST_ARCH = {
    X64: 'amd64',
    ARM64: 'arm64',
    X86: 'x86',
    ARM: 'arm32',
};
function runUrl(ci) {
    if (!ci.server_url || !ci.repository || ci.run_id === undefined)
        return undefined;
    return `${ci.server_url}/${ci.repository}/actions/runs/${ci.run_id}/attempts/${ci.run_attempt ?? 1}`;
}
function put(attributes, key, value) {
    if (value !== undefined)
        attributes[key] = value;
}
/** The run's attributes shared by job and step spans (and, in part, by the metrics). */
function runAttributes(ci) {
    const a = {};
    put(a, 'cicd.pipeline.name', ci.workflow);
    put(a, 'cicd.pipeline.run.id', ci.run_id);
    put(a, 'cicd.pipeline.run.url.full', runUrl(ci));
    put(a, 'vcs.repository.url.full', ci.server_url && ci.repository ? `${ci.server_url}/${ci.repository}` : undefined);
    put(a, 'vcs.ref.head.name', ci.branch);
    put(a, 'vcs.ref.head.type', ci.branch !== undefined ? 'branch' : undefined);
    put(a, 'vcs.ref.head.revision', ci.sha);
    put(a, 'vcs.ref.base.name', ci.base_branch);
    put(a, 'vcs.change.id', ci.pr_number !== undefined ? String(ci.pr_number) : undefined);
    put(a, 'os.type', ci.runner_os ? (OS_TYPE[ci.runner_os] ?? ci.runner_os.toLowerCase()) : undefined);
    put(a, 'host.arch', ci.runner_arch ? (HOST_ARCH[ci.runner_arch] ?? ci.runner_arch.toLowerCase()) : undefined);
    put(a, 'dev_metrics.ci.event', ci.event);
    put(a, 'dev_metrics.ci.job', ci.job);
    put(a, 'dev_metrics.ci.run_attempt', ci.run_attempt);
    return a;
}
/** success, failure or cancellation: the semantic conventions' cicd.pipeline.task.run.result. */
function resultOf(record) {
    if (record.status === 'success')
        return 'success';
    return record.error === 'cancelled' ? 'cancellation' : 'failure';
}
/** A user metadata value as an attribute: primitives as they are, anything else as JSON. */
function metadataValue(value) {
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : String(value);
    if (value === null || value === undefined)
        return undefined;
    try {
        return JSON.stringify(value);
    }
    catch {
        return undefined;
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Start and end in epoch ms; the end is never before the start. */
function timesOf(record) {
    const startMs = (0,_core_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTimestamp */ .EH)(record.started_at);
    const ended = (0,_core_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTimestamp */ .EH)(record.ended_at);
    const endMs = Number.isFinite(ended) && ended >= startMs ? ended : startMs + record.duration_ms;
    return { startMs, endMs };
}
/** The span of one execution. `extraSecrets` are redacted from the error too (the action's token). */
function executionSpan(record, extraSecrets = []) {
    const ci = recordCi(record);
    const attributes = runAttributes(ci);
    attributes['cicd.pipeline.task.name'] = record.name;
    put(attributes, 'cicd.pipeline.task.run.id', ci.run_id !== undefined
        ? `${ci.run_id}/${ci.run_attempt ?? 1}/${ci.job ?? ''}/${record.name}`
        : undefined);
    put(attributes, 'cicd.pipeline.task.run.url.full', runUrl(ci));
    attributes['cicd.pipeline.task.run.result'] = resultOf(record);
    put(attributes, 'process.exit.code', ci.exit_code);
    attributes['dev_metrics.duration_ms'] = record.duration_ms;
    for (const [key, value] of Object.entries(record.metadata)) {
        if (key === 'ci')
            continue;
        // Values get attributes of their own below (numbers a backend can query, not a JSON text);
        // a `values` key of another shape is someone's own metadata and goes out as before.
        if ((key === _core_values_js__WEBPACK_IMPORTED_MODULE_3__/* .VALUES_KEY */ .Do || key === _core_values_js__WEBPACK_IMPORTED_MODULE_3__/* .VALUE_INFO_KEY */ .jC) && isPlainObject(value))
            continue;
        put(attributes, `dev_metrics.metadata.${key}`, metadataValue(value));
    }
    for (const v of (0,_core_values_js__WEBPACK_IMPORTED_MODULE_3__/* .valuesOf */ .sm)(record.metadata)) {
        attributes[`dev_metrics.value.${v.name}`] = v.value;
        put(attributes, `dev_metrics.value_unit.${v.name}`, v.unit);
    }
    const span = {
        ...spanIds(record),
        name: record.name,
        ...timesOf(record),
        attributes,
    };
    if (record.status === 'failed') {
        const result = resultOf(record);
        attributes['error.type'] = result === 'cancellation' ? 'cancelled' : 'failed';
        // Redacted again on the way out: histories from older tools were stored unredacted.
        span.error = record.error
            ? (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitizeErrorText */ .l9)(record.error, STATUS_MESSAGE_MAX_CHARS, extraSecrets)
            : 'failed';
    }
    return span;
}
/**
 * The parent span of each CI job among the records added, from its first recorded start to its
 * last recorded end (a job's steps not wrapped by dev-metrics are not known). Records made outside
 * CI have no job span. Memory: one entry per job, so a backfill can stream its records through.
 */
class JobSpans {
    jobs = new Map();
    add(record) {
        const ci = recordCi(record);
        const run = runKey(ci);
        if (run === null)
            return;
        const job = ci.job ?? '';
        const key = `${run}\0${job}`;
        const { startMs, endMs } = timesOf(record);
        let entry = this.jobs.get(key);
        if (entry === undefined) {
            const attributes = runAttributes(ci);
            attributes['cicd.pipeline.task.name'] = job || 'job';
            attributes['cicd.pipeline.task.run.id'] = `${ci.run_id}/${ci.run_attempt ?? 1}/${job}`;
            put(attributes, 'cicd.pipeline.task.run.url.full', runUrl(ci));
            entry = {
                span: {
                    traceId: hex(`trace\0${run}`, 32),
                    spanId: jobSpanId(run, job),
                    name: job || 'job',
                    startMs,
                    endMs,
                    attributes,
                },
                steps: 0,
                failed: 0,
            };
            this.jobs.set(key, entry);
        }
        entry.steps++;
        if (record.status === 'failed')
            entry.failed++;
        entry.span.startMs = Math.min(entry.span.startMs, startMs);
        entry.span.endMs = Math.max(entry.span.endMs, endMs);
    }
    spans() {
        return [...this.jobs.values()].map(({ span, steps, failed }) => {
            const out = { ...span, attributes: { ...span.attributes } };
            out.attributes['dev_metrics.steps'] = steps;
            out.attributes['cicd.pipeline.task.run.result'] = failed > 0 ? 'failure' : 'success';
            if (failed > 0)
                out.error = `${failed} of ${steps} recorded step(s) failed`;
            return out;
        });
    }
}
function jobSpans(records) {
    const jobs = new JobSpans();
    for (const record of records)
        jobs.add(record);
    return jobs.spans();
}
/**
 * The metrics' attributes: low cardinality only. No commit SHA, run id, branch or PR number —
 * each would make a new time series per run.
 */
function metricAttributes(record) {
    const ci = recordCi(record);
    const all = runAttributes(ci);
    const a = { 'cicd.pipeline.task.name': record.name };
    for (const key of [
        'cicd.pipeline.name',
        'vcs.repository.url.full',
        'os.type',
        'host.arch',
        'dev_metrics.ci.event',
    ]) {
        put(a, key, all[key]);
    }
    a['cicd.pipeline.task.run.result'] = resultOf(record);
    return a;
}
const HOUR_MS = 3_600_000;
/**
 * Delta points of the duration histogram and the execution count. window 'execution': one point
 * per record spanning its own run (what a live step sends); 'hour': records aggregated per UTC
 * hour and attribute set (what a backfill sends: years of history in few points, each at its
 * original time).
 */
class MetricPoints {
    window;
    points = new Map();
    constructor(window) {
        this.window = window;
    }
    add(record) {
        const attributes = metricAttributes(record);
        const times = timesOf(record);
        const hour = Math.floor(times.startMs / HOUR_MS) * HOUR_MS;
        const [startMs, endMs] = this.window === 'execution' ? [times.startMs, times.endMs] : [hour, hour + HOUR_MS];
        const key = `${startMs}\0${endMs}\0${JSON.stringify(attributes)}`;
        let point = this.points.get(key);
        if (point === undefined) {
            point = {
                startMs,
                endMs,
                attributes,
                count: 0,
                sum: 0,
                min: Infinity,
                max: -Infinity,
                bucketCounts: new Array(HISTOGRAM_BOUNDARIES_S.length + 1).fill(0),
            };
            this.points.set(key, point);
        }
        const seconds = record.duration_ms / 1000;
        point.count++;
        point.sum += seconds;
        point.min = Math.min(point.min, seconds);
        point.max = Math.max(point.max, seconds);
        let bucket = HISTOGRAM_BOUNDARIES_S.findIndex((bound) => seconds <= bound);
        if (bucket === -1)
            bucket = HISTOGRAM_BOUNDARIES_S.length;
        point.bucketCounts[bucket]++;
    }
    values() {
        return [...this.points.values()];
    }
}
function metricPoints(records, window) {
    const points = new MetricPoints(window);
    for (const record of records)
        points.add(record);
    return points.values();
}


/***/ })

};
