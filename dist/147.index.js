export const id = 147;
export const ids = [147];
export const modules = {

/***/ 22784:
/***/ (() => {

/**
 * Keeps one known, harmless deprecation warning out of users' step logs. node-fetch@2 (pulled in
 * by quickchart-js through cross-fetch) loads Node's built-in `punycode` (DEP0040) when the bundle
 * starts; the action never uses that network code. Imported first by the entry so that the filter
 * is in place before the bundle's other modules run. Every other warning still prints.
 */
const QUIET = new Set(['DEP0040']);
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning, ...rest) => {
    const [typeOrOptions, code] = rest;
    const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null
        ? typeOrOptions.code
        : typeof code === 'string'
            ? code
            : undefined;
    if (warningCode && QUIET.has(warningCode))
        return;
    emitWarning(warning, ...rest);
});



/***/ }),

/***/ 73147:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _quiet_deprecations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22784);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33175);
/**
 * What the bundle's entry runs, for both `main` and `post` (entry.ts loads it once Node's compile
 * cache is on). Nothing here may throw a stack trace at users: unexpected errors become one
 * failure line.
 */



async function entry() {
    try {
        // Each step loads only its own half (a post step that has nothing to do loads little).
        if ((0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .isPost */ .tl)()) {
            await (await Promise.all(/* import() */[__webpack_require__.e(282), __webpack_require__.e(718)]).then(__webpack_require__.bind(__webpack_require__, 27718))).runPost();
        }
        else {
            // First of all, so that the post step knows it is the post step even when main fails early.
            (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.IsPost, 'true');
            await (await Promise.all(/* import() */[__webpack_require__.e(777), __webpack_require__.e(282), __webpack_require__.e(826), __webpack_require__.e(170)]).then(__webpack_require__.bind(__webpack_require__, 43170))).runMain();
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        _actions_core__WEBPACK_IMPORTED_MODULE_1__.debug(error instanceof Error && error.stack ? error.stack : message);
        _actions_core__WEBPACK_IMPORTED_MODULE_1__.setFailed(`dev-metrics: ${message}`);
    }
}
await entry();
// End here, once the output is flushed: an abandoned cache call (the official client retries for
// minutes and sets no timeout of its own) must not hold the step past DEV_METRICS_CACHE_TIMEOUT_MS.
process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 33175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tl: () => (/* binding */ isPost),
/* harmony export */   un: () => (/* binding */ readState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value);
}
function readState(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(name);
}
/** True in the post step: main saved `isPost` before doing anything else. */
function isPost() {
    return readState(State.IsPost) === 'true';
}


/***/ })

};
