export const id = 147;
export const ids = [147];
export const modules = {

/***/ 73147:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10923);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33175);
/**
 * What the bundle's entry runs, for both `main` and `post` (entry.ts loads it once Node's compile
 * cache is on). Nothing here may throw a stack trace at users: unexpected errors become one
 * failure line.
 */


async function entry() {
    try {
        // Each step loads only its own half (a post step that has nothing to do loads little).
        if ((0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isPost */ .tl)()) {
            await (await Promise.all(/* import() */[__webpack_require__.e(282), __webpack_require__.e(718)]).then(__webpack_require__.bind(__webpack_require__, 27718))).runPost();
        }
        else {
            // First of all, so that the post step knows it is the post step even when main fails early.
            (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.IsPost, 'true');
            await (await Promise.all(/* import() */[__webpack_require__.e(814), __webpack_require__.e(282), __webpack_require__.e(170)]).then(__webpack_require__.bind(__webpack_require__, 43170))).runMain();
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.debug(error instanceof Error && error.stack ? error.stack : message);
        _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.setFailed(`dev-metrics: ${message}`);
    }
}
await entry();
// End here, once the output is flushed: an abandoned cache call (the official client retries for
// minutes and sets no timeout of its own) must not hold the step past DEV_METRICS_CACHE_TIMEOUT_MS.
process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 10923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   debug: () => (/* binding */ debug),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   getBooleanInput: () => (/* binding */ getBooleanInput),
/* harmony export */   getInput: () => (/* binding */ getInput),
/* harmony export */   getState: () => (/* binding */ getState),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   issueCommand: () => (/* binding */ issueCommand),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   saveState: () => (/* binding */ saveState),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   summary: () => (/* binding */ summary),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The runner's interface a step needs without any HTTP: inputs (INPUT_*), state (STATE_*), the
 * file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY) and the workflow commands on
 * stdout (::warning::, ::add-mask::, ...), written exactly as `@actions/core` writes them.
 *
 * Why not `@actions/core` itself: it loads its HTTP client (for OIDC tokens) with undici, about a
 * megabyte of code that every wrapped step would parse and that a step never uses; loading it was
 * a measurable share of a step's time. The cache, artifact and REST clients keep `@actions/core`:
 * they load it anyway, and only where they are needed.
 */




function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
const escapeData = (s) => toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** `::command key=value,...::message` on stdout. */
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => Boolean(v))
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
function issueFileCommand(command, key, value) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const converted = toCommandValue(value);
    if (key.includes(delimiter) || converted.includes(delimiter)) {
        throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.appendFileSync)(filePath, `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, {
        encoding: 'utf8',
    });
}
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options?.required && !val)
        throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? val : val.trim();
}
function getBooleanInput(name, options) {
    const val = getInput(name, options);
    if (['true', 'True', 'TRUE'].includes(val))
        return true;
    if (['false', 'False', 'FALSE'].includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        'Support boolean input list: `true | True | TRUE | false | False | FALSE`');
}
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'])
        return issueFileCommand('OUTPUT', name, value);
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
function saveState(name, value) {
    if (process.env['GITHUB_STATE'])
        return issueFileCommand('STATE', name, value);
    issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function annotation(kind, message, p = {}) {
    const properties = {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn,
    };
    issueCommand(kind, properties, message instanceof Error ? message.toString() : message);
}
function error(message, properties) {
    annotation('error', message, properties);
}
function warning(message, properties) {
    annotation('warning', message, properties);
}
function notice(message, properties) {
    annotation('notice', message, properties);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** The job summary: Markdown appended to GITHUB_STEP_SUMMARY (core.summary's addRaw + write). */
class Summary {
    buffer = '';
    addRaw(text, addEOL = false) {
        this.buffer += addEOL ? `${text}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}` : text;
        return this;
    }
    async write() {
        const file = process.env['GITHUB_STEP_SUMMARY'];
        if (!file) {
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        }
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(file, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
        return this;
    }
}
const summary = new Summary();


/***/ }),

/***/ 33175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tl: () => (/* binding */ isPost),
/* harmony export */   un: () => (/* binding */ readState)
/* harmony export */ });
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10923);
/**
 * What the main step tells the post step (GITHUB_STATE → STATE_* variables), in one place so the
 * names cannot drift apart.
 */

var State;
(function (State) {
    State["IsPost"] = "isPost";
    State["Setup"] = "setup";
    State["StartedAt"] = "startedAt";
    /** 'true' once the record is written, 'none' when there was nothing to record. */
    State["Recorded"] = "recorded";
    /** The job's state file (job.ts). */
    State["JobFile"] = "jobFile";
    /** 'true' in the job's first wrapped step: its post saves and publishes for the whole job. */
    State["Owner"] = "owner";
})(State || (State = {}));
function saveState(name, value) {
    _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value);
}
function readState(name) {
    return _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.getState(name);
}
/** True in the post step: main saved `isPost` before doing anything else. */
function isPost() {
    return readState(State.IsPost) === 'true';
}


/***/ })

};
