export const id = 718;
export const ids = [718];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10923);
/* harmony import */ var _core_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14130);
/* harmony import */ var _core_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4230);
/* harmony import */ var _job_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45461);
/* harmony import */ var _otlp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71187);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31365);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7966);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(33175);
/**
 * The post step. Every post writes the record its main could not (killed after a cancel, a
 * crash). The owner's post (the job's first wrapped step, whose post runs last) then does what
 * is done once per job: prune, one save to the cache holding every step's record (a delta, or a
 * snapshot when due), one comment update with every step's row, one dashboard artifact. It runs
 * whether the job passed, failed or was cancelled (post-if: always()).
 */








/** Writes the cancelled record of a main step that did not finish. */
async function recordUnfinished(s) {
    const startedAt = (0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .readState */ .un)(_state_js__WEBPACK_IMPORTED_MODULE_7__/* .State */ .Uw.StartedAt);
    if ((0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .readState */ .un)(_state_js__WEBPACK_IMPORTED_MODULE_7__/* .State */ .Uw.Recorded) !== '' || !startedAt)
        return;
    const started = new Date((0,_core_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTimestamp */ .EH)(startedAt));
    const ended = new Date();
    const record = (0,_record_js__WEBPACK_IMPORTED_MODULE_5__/* .buildRecord */ .kA)({
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
    await (0,_core_store_js__WEBPACK_IMPORTED_MODULE_2__/* .appendRecord */ .EB)(s.metricsDir, record);
    _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.info(`dev-metrics: main step did not finish; recorded ${s.inputs.name} as cancelled.`);
}
/**
 * The job's one save, comment and dashboard. Old day files are pruned first (the save and the
 * dashboard then read the same files); the save, the comment and the dashboard's build and upload
 * then run at once: each is mostly waiting on the network or child processes (tar), so the job
 * pays for the longest of them, not their sum.
 */
async function finishJob(s) {
    const job = (0,_job_js__WEBPACK_IMPORTED_MODULE_3__/* .readJob */ .cd)(s.jobFile) ?? (0,_job_js__WEBPACK_IMPORTED_MODULE_3__/* .newJobState */ .rP)(s.inputs.name);
    await (0,_core_store_js__WEBPACK_IMPORTED_MODULE_2__/* .pruneDayFiles */ .Uy)(s.metricsDir, s.inputs.daysToKeep).catch((error) => _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.warning(`dev-metrics: old day files not pruned: ${String(error)}`));
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
        const { publishJob } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 26814));
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
    await (0,_otlp_js__WEBPACK_IMPORTED_MODULE_4__/* .exportJobSpan */ .SZ)(s);
    (0,_job_js__WEBPACK_IMPORTED_MODULE_3__/* .closeJob */ .Ao)(s.jobFile);
}
async function runPost() {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .readState */ .un)(_state_js__WEBPACK_IMPORTED_MODULE_7__/* .State */ .Uw.Setup))
        return; // main stopped at a bad input and said so
    let s;
    try {
        s = (0,_setup_js__WEBPACK_IMPORTED_MODULE_6__/* .setup */ .m)();
    }
    catch {
        return; // main already reported the bad input
    }
    try {
        await recordUnfinished(s);
    }
    finally {
        if ((0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .readState */ .un)(_state_js__WEBPACK_IMPORTED_MODULE_7__/* .State */ .Uw.Owner) === 'true')
            await finishJob(s);
    }
}


/***/ })

};
