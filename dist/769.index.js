export const id = 769;
export const ids = [769];
export const modules = {

/***/ 36769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMain: () => (/* binding */ runMain)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _core_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4230);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41251);
/* harmony import */ var _dashboard_path_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87648);
/* harmony import */ var _job_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(45461);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(81729);
/* harmony import */ var _otlp_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(52314);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(68826);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(31365);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7966);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(33175);
/**
 * The action's main step. The job is the unit (see job.ts): the first wrapped step of a job (its
 * owner) restores and merges the history once; every step runs its command, writes its record,
 * publishes its own verdict, summary section and comment row, and passes the command's outcome
 * through. The save, the comment update and the dashboard upload happen once per job, in the
 * owner's post step (post.ts), which runs last.
 *
 * Order matters: the record is written before any report, so a failure or a cancellation later
 * on never loses the metric; the owner's post (post-if: always()) saves it.
 */













function setOutputs(s, result, status, durationMs) {
    _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput('duration-ms', String(Math.round(durationMs)));
    _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput('status', status);
    _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput('exit-code', String(result.exitCode ?? (result.cancelled ? 130 : 1)));
    _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput('metrics-dir', s.metricsDir);
}
/** The owner's restore: merges the cached history once for the whole job. Never throws. */
async function restoreForJob(s) {
    const { dayFileSizes, restoreHistory } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(780), __webpack_require__.e(142), __webpack_require__.e(752)]).then(__webpack_require__.bind(__webpack_require__, 93752));
    // Day files the workspace had before the restore may hold records no entry has: only a
    // snapshot saves those.
    const before = await dayFileSizes(s.metricsDir);
    const options = await s.historyOptions();
    if (!options)
        return {};
    const restored = await restoreHistory(options);
    const plan = restored.plan ?? { kind: 'delta' };
    const preexisting = Object.values(before).some((size) => size > 0);
    return {
        restored: true,
        plan,
        // A delta from the sizes after the merge; from nothing when the workspace had records of its
        // own that a delta would otherwise never carry.
        deltaFrom: preexisting && plan.kind === 'delta' ? {} : await dayFileSizes(s.metricsDir),
        superseded: restored.superseded ?? [],
        unavailableReported: restored.mode === 'skipped',
        cacheUnresponsive: restored.cacheUnresponsive === true,
    };
}
async function runMain() {
    let s;
    try {
        s = (0,_setup_js__WEBPACK_IMPORTED_MODULE_11__/* .setup */ .m)();
    }
    catch (error) {
        if (error instanceof _inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz) {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.setFailed(error.message);
            return;
        }
        throw error;
    }
    const { owner, state } = await (0,_job_js__WEBPACK_IMPORTED_MODULE_6__/* .claimJob */ .G7)(s.jobFile, (0,_job_js__WEBPACK_IMPORTED_MODULE_6__/* .newJobState */ .rP)(s.inputs.name));
    (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.Setup, JSON.stringify({ name: s.inputs.name, metricsDir: s.metricsDir }));
    (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.JobFile, s.jobFile);
    if (owner)
        (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.Owner, 'true');
    const cancellation = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .installCancellation */ .zG)((signal) => _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`dev-metrics: received ${signal}; stopping the command and saving the history.`));
    try {
        if (owner && s.history) {
            const restored = await restoreForJob(s);
            await (0,_job_js__WEBPACK_IMPORTED_MODULE_6__/* .updateJob */ .lh)(s.jobFile, (job) => Object.assign(job, restored));
        }
        else if (!owner) {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`dev-metrics: the history was restored by this job's first step (${state?.owner ?? 'unknown'}); appending.`);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(s.tempDir, { recursive: true });
        (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.StartedAt, new Date().toISOString());
        const result = await (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d1)({
            script: s.inputs.run,
            shell: s.inputs.shell,
            workingDirectory: s.inputs.workingDirectory,
            tempDir: s.tempDir,
            env: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .commandEnvironment */ .J$)(process.env),
            signal: cancellation.signal,
        });
        if (result.cancelled && result.pid === null) {
            // Cancelled before the command ran: there is no run to record.
            (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.Recorded, 'none');
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.setFailed(`${s.inputs.name} was cancelled before the command started; nothing recorded.`);
            return;
        }
        const record = (0,_record_js__WEBPACK_IMPORTED_MODULE_10__/* .buildRecord */ .kA)({
            name: s.inputs.name,
            metadata: s.inputs.metadata,
            ci: s.ci,
            result,
            secrets: s.secrets,
        });
        try {
            await (0,_core_store_js__WEBPACK_IMPORTED_MODULE_3__/* .appendRecord */ .EB)(s.metricsDir, record);
        }
        catch (error) {
            // The step's outcome is the command's: a history we cannot write is a warning, not a failure.
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.warning(`dev-metrics: the record of ${s.inputs.name} could not be written to ${s.metricsDir} ` +
                `(${error instanceof Error ? error.message : String(error)}); check the 'metrics-dir' input.`);
        }
        (0,_state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_12__/* .State */ .Uw.Recorded, 'true');
        setOutputs(s, result, record.status, record.duration_ms);
        await (0,_otlp_js__WEBPACK_IMPORTED_MODULE_8__/* .exportExecution */ .$w)({ inputs: s.inputs, record, secrets: s.secrets });
        // The job's dashboard, written by the owner's post step.
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput('dashboard-path', node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve((0,_dashboard_path_js__WEBPACK_IMPORTED_MODULE_5__/* .dashboardOutputFile */ .k)(s.tempDir, state?.owner ?? s.inputs.name)));
        const failed = (0,_record_js__WEBPACK_IMPORTED_MODULE_10__/* .commandFailed */ .n6)(result);
        if (!result.cancelled) {
            const { verdict, row } = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_9__/* .publishStep */ .g)({
                inputs: s.inputs,
                ci: s.ci,
                record,
                metricsDir: s.metricsDir,
                tempDir: s.tempDir,
                secrets: s.secrets,
            });
            if (row)
                await (0,_job_js__WEBPACK_IMPORTED_MODULE_6__/* .updateJob */ .lh)(s.jobFile, (job) => void job.rows.push(row));
            if (!failed && verdict?.verdict === 'slower' && s.inputs.failOnRegression) {
                _actions_core__WEBPACK_IMPORTED_MODULE_2__.setFailed(`${s.inputs.name} regressed: ${verdict.reason} (fail-on-regression is true)`);
            }
        }
        if (failed) {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.setFailed(result.cancelled
                ? `${s.inputs.name} was cancelled; its record was written as failed.`
                : `${s.inputs.name} failed: ${(0,_record_js__WEBPACK_IMPORTED_MODULE_10__/* .failureReason */ .Hr)(result)}.`);
            if (result.exitCode !== null && result.exitCode !== 0)
                process.exitCode = result.exitCode;
        }
    }
    finally {
        cancellation.dispose();
    }
}


/***/ })

};
