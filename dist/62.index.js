export const id = 62;
export const ids = [62];
export const modules = {

/***/ 97062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exportExecution: () => (/* binding */ exportExecution),
/* harmony export */   exportJobSpan: () => (/* binding */ exportJobSpan)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10923);
/* harmony import */ var _core_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4230);
/* harmony import */ var _export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66046);
/* harmony import */ var _otlp_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71187);
/**
 * The OTLP export itself (otlp.ts loads this module only when an endpoint is set): the main
 * step's execution (span + metric points), the job owner's post's parent span. At most
 * OTLP_STEP_BOUND_MS (or OTEL_EXPORTER_OTLP_TIMEOUT) is spent, a failure is one warning, and the
 * step's outcome never changes.
 */







function configOf(inputs, env) {
    try {
        return (0,_export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveOtlpConfig */ ._F)(env, {
            endpoint: inputs.otlpEndpoint,
            headers: inputs.otlpHeaders,
            defaultTimeoutMs: _otlp_js__WEBPACK_IMPORTED_MODULE_6__/* .OTLP_STEP_BOUND_MS */ .Vx,
        });
    }
    catch (error) {
        if (!(error instanceof _export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__/* .OtlpConfigError */ .EO))
            throw error;
        _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.warning(`dev-metrics: OTLP export skipped: ${error.message}`);
        return null;
    }
}
function boundOf(config) {
    return Math.max(config.traces?.timeoutMs ?? 0, config.metrics?.timeoutMs ?? 0);
}
function tempDirOf(env) {
    return env.RUNNER_TEMP ?? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.GITHUB_WORKSPACE ?? process.cwd(), '.dev-metrics-tmp');
}
/** Left in the job's temp dir by a failed export, so the post step does not warn a second time. */
const FAILED_MARKER = 'dev-metrics-otlp-failed';
async function send(config, input, env) {
    const bound = boundOf(config);
    try {
        // The exporter code (and the node:crypto its ids use) only when sending.
        const [{ sendExecution }, { withDeadline }] = await Promise.all([
            __webpack_require__.e(/* import() */ 410).then(__webpack_require__.bind(__webpack_require__, 53410)),
            __webpack_require__.e(/* import() */ 227).then(__webpack_require__.bind(__webpack_require__, 96227)),
        ]);
        await withDeadline(sendExecution(config, input), bound, 'OTLP export');
        return true;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.warning(`dev-metrics: OTLP export skipped (${message.split('\n')[0]}); the step's result is unchanged.`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDirOf(env), FAILED_MARKER), '').catch(() => undefined);
        return false;
    }
}
/** Main step: the execution's span and metric points. Never throws. */
async function exportExecution(input) {
    const env = input.env ?? process.env;
    const config = configOf(input.inputs, env);
    if (config === null)
        return;
    try {
        await send(config, { record: input.record, secrets: input.secrets }, env);
    }
    catch (error) {
        _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.warning(`dev-metrics: OTLP export skipped: ${String(error)}`);
    }
}
function sameJob(recordCi, record, ci) {
    const r = recordCi(record);
    return (r.run_id === ci.run_id && (r.run_attempt ?? 1) === (ci.run_attempt ?? 1) && r.job === ci.job);
}
/**
 * The job's parent span, sent by the job owner's post step (post.ts), which runs last: every
 * step's record is there, and it runs once per job. Never throws.
 */
async function exportJobSpan(job, env = process.env) {
    try {
        const { inputs, ci, metricsDir } = job;
        const config = configOf(inputs, env);
        if (config === null || config.traces === null)
            return;
        if (ci.run_id === undefined)
            return;
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDirOf(env), FAILED_MARKER)))
            return; // already warned in this job
        const { recordCi } = await __webpack_require__.e(/* import() */ 631).then(__webpack_require__.bind(__webpack_require__, 56631));
        const jobRecords = [];
        for await (const record of (0,_core_store_js__WEBPACK_IMPORTED_MODULE_4__/* .readRecords */ .T3)(metricsDir, {
            since: Date.now() - 3 * _core_store_js__WEBPACK_IMPORTED_MODULE_4__/* .DAY_MS */ .sO,
            onWarning: null,
        })) {
            if (sameJob(recordCi, record, ci))
                jobRecords.push(record);
        }
        if (jobRecords.length === 0)
            return;
        await send({ ...config, metrics: null }, { jobRecords }, env);
    }
    catch (error) {
        _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.warning(`dev-metrics: OTLP job span skipped: ${String(error)}`);
    }
}


/***/ }),

/***/ 66046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* reexport safe */ _otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__.EO),
/* harmony export */   _F: () => (/* binding */ resolveOtlpConfig)
/* harmony export */ });
/* unused harmony exports OTLP_PROTOCOLS, DEFAULT_SERVICE_NAME, SDK_DEFAULT_TIMEOUT_MS */
/* harmony import */ var _otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86969);
/**
 * Where and how to send OTLP, from the standard OpenTelemetry variables plus the caller's own
 * settings (the action's `otlp-endpoint` / `otlp-headers` inputs, the CLI's flags). Pure: the
 * environment is passed in, nothing is loaded or sent here.
 *
 * Precedence, per signal, as the OpenTelemetry SDKs apply it:
 *   OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT (the full URL, used as is)
 *   > the caller's endpoint (a base URL; /v1/traces or /v1/metrics is appended)
 *   > OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, same).
 * Headers merge generic < signal-specific < the caller's; protocol and timeout are signal-specific
 * first, then generic, then the default (http/protobuf; the caller's timeout).
 */


const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'];
const DEFAULT_SERVICE_NAME = 'dev-metrics';
/** The SDK's own default (OTEL_EXPORTER_OTLP_TIMEOUT). The action passes a shorter one. */
const SDK_DEFAULT_TIMEOUT_MS = 10_000;
const SIGNAL_PATH = { traces: 'v1/traces', metrics: 'v1/metrics' };
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
/**
 * The export configuration, or null when no endpoint is set anywhere (or OTEL_SDK_DISABLED=true):
 * then nothing is sent and no exporter is loaded. Throws OtlpConfigError on a bad value.
 */
function resolveOtlpConfig(env, settings = {}) {
    if (nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true')
        return null;
    if (!(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .hasOtlpEndpoint */ .$J)(env, settings.endpoint))
        return null;
    const target = (signal) => {
        const upper = signal.toUpperCase();
        const url = signalUrl(env, signal, settings.endpoint);
        if (url === null)
            return null;
        return {
            url,
            protocol: parseProtocol(env, upper),
            headers: {
                ...(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHeaders */ .QG)(env.OTEL_EXPORTER_OTLP_HEADERS ?? '', 'OTEL_EXPORTER_OTLP_HEADERS'),
                ...(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHeaders */ .QG)(env[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`] ?? '', `OTEL_EXPORTER_OTLP_${upper}_HEADERS`),
                ...(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHeaders */ .QG)(settings.headers ?? '', 'otlp-headers'),
            },
            timeoutMs: parseTimeout(env, upper, settings.defaultTimeoutMs ?? SDK_DEFAULT_TIMEOUT_MS),
        };
    };
    const traces = target('traces');
    const metrics = target('metrics');
    if (traces === null && metrics === null)
        return null;
    const resourceAttributes = (0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseKeyValues */ .Hl)(env.OTEL_RESOURCE_ATTRIBUTES ?? '', 'OTEL_RESOURCE_ATTRIBUTES', 'service.name=ci,deployment.environment.name=prod');
    const serviceName = nonEmpty(env.OTEL_SERVICE_NAME) ??
        nonEmpty(resourceAttributes['service.name']) ??
        DEFAULT_SERVICE_NAME;
    delete resourceAttributes['service.name'];
    return { traces, metrics, serviceName, resourceAttributes };
}
function signalUrl(env, signal, endpoint) {
    const variable = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`;
    const specific = nonEmpty(env[variable]);
    if (specific !== undefined)
        return (0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .checkUrl */ .CU)(specific, variable);
    const given = nonEmpty(endpoint);
    const [base, source] = given !== undefined
        ? [given, 'otlp-endpoint']
        : [nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT), 'OTEL_EXPORTER_OTLP_ENDPOINT'];
    if (base === undefined)
        return null;
    (0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .checkUrl */ .CU)(base, source);
    return `${base.replace(/\/+$/, '')}/${SIGNAL_PATH[signal]}`;
}
function parseProtocol(env, upper) {
    const specificName = `OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`;
    const specific = nonEmpty(env[specificName]);
    const [value, source] = specific !== undefined
        ? [specific, specificName]
        : [nonEmpty(env.OTEL_EXPORTER_OTLP_PROTOCOL), 'OTEL_EXPORTER_OTLP_PROTOCOL'];
    if (value === undefined)
        return 'http/protobuf';
    if (OTLP_PROTOCOLS.includes(value))
        return value;
    if (value === 'grpc') {
        throw new _otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .OtlpConfigError */ .EO(`${source}=grpc is not supported by dev-metrics; use http/protobuf (the Collector's port 4318) or http/json`);
    }
    throw new _otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .OtlpConfigError */ .EO(`${source} must be http/protobuf or http/json; got ${(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
}
function parseTimeout(env, upper, fallback) {
    for (const name of [`OTEL_EXPORTER_OTLP_${upper}_TIMEOUT`, 'OTEL_EXPORTER_OTLP_TIMEOUT']) {
        const value = nonEmpty(env[name]);
        if (value === undefined)
            continue;
        const ms = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(ms) || ms < 1) {
            throw new _otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .OtlpConfigError */ .EO(`${name} must be a whole number of milliseconds ≥ 1, e.g. 5000; got ${(0,_otlp_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
        }
        return ms;
    }
    return fallback;
}


/***/ })

};
