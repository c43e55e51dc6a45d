export const id = 170;
export const ids = [170];
export const modules = {

/***/ 43170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/action/command.ts + 1 modules
var command = __webpack_require__(78103);
// EXTERNAL MODULE: ./src/action/dashboard-path.ts
var dashboard_path = __webpack_require__(87648);
// EXTERNAL MODULE: ./src/action/job.ts
var job = __webpack_require__(45461);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/otlp.ts + 3 modules
var otlp = __webpack_require__(52314);
// EXTERNAL MODULE: ./src/action/publish.ts + 4 modules
var publish = __webpack_require__(26814);
// EXTERNAL MODULE: ./src/action/record.ts
var action_record = __webpack_require__(31365);
// EXTERNAL MODULE: ./src/core/benchmarks/index.ts + 6 modules
var benchmarks = __webpack_require__(25745);
;// CONCATENATED MODULE: ./src/action/run-values.ts
/**
 * The values of a wrapped step, read after its command exits: the lines it appended to the
 * DEV_METRICS_VALUES file (command.ts creates and reads it), then the benchmarks of
 * `benchmark-file`. Never
 * throws and never fails the step: whatever cannot be read is a one-line warning naming the input
 * or file and the fix, and the record is written with the values that could be read.
 */



/** Larger benchmark files are not read: no tool writes that much for one run. */
const MAX_BENCHMARK_FILE_BYTES = 20 * 1024 * 1024;
async function collectRunValues(input) {
    const values = [];
    const warnings = [];
    if (input.result.values !== undefined) {
        values.push(...input.result.values.values);
        warnings.push(...input.result.values.warnings.map((w) => `dev-metrics: ${w}`));
    }
    if (input.benchmark !== null) {
        const read = await readBenchmarkFile(external_node_path_default().resolve(input.commandDir, input.benchmark.file), input.benchmark.file, input.benchmark.tool);
        values.push(...read.values);
        if (read.warning !== null)
            warnings.push(read.warning);
    }
    return { values, warnings };
}
/** The benchmarks of one result file, or a warning naming the input and the fix. */
async function readBenchmarkFile(file, given, tool) {
    const none = (why) => ({
        values: [],
        warning: `dev-metrics: Input 'benchmark-file': ${why}; no benchmark values recorded (the step's outcome is unchanged).`,
    });
    let text;
    try {
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const { size } = await handle.stat();
            if (size > MAX_BENCHMARK_FILE_BYTES) {
                return none(`'${given}' (${file}) is ${size} bytes, over the ${MAX_BENCHMARK_FILE_BYTES}-byte limit; write only the ${tool} results to it`);
            }
            text = await handle.readFile('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            return none(`'${given}' (${file}) does not exist after the command ran; make the command write its ${tool} results there, or fix the path (it is relative to working-directory)`);
        }
        if (code === 'EISDIR')
            return none(`'${given}' (${file}) is a directory; name the result file`);
        return none(`'${given}' (${file}) could not be read (${code ?? error.message})`);
    }
    try {
        return { values: (0,benchmarks/* parseBenchmarks */.Ir)(tool, text), warning: null };
    }
    catch (error) {
        // Any failure to parse, expected or not, must not cost the run its record.
        if (!(error instanceof benchmarks/* BenchmarkFormatError */.L8)) {
            return none(`'${given}' could not be parsed as ${tool} output (${String(error)})`);
        }
        return none(`'${given}' is not ${tool} output: ${error.message}; check 'benchmark-tool' and that the command writes the tool's results there`);
    }
}

// EXTERNAL MODULE: ./src/action/setup.ts + 1 modules
var setup = __webpack_require__(7966);
// EXTERNAL MODULE: ./src/action/state.ts
var action_state = __webpack_require__(33175);
;// CONCATENATED MODULE: ./src/action/main.ts
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














function setOutputs(s, outcome, status, durationMs) {
    runner_io.setOutput('duration-ms', String(Math.round(durationMs)));
    runner_io.setOutput('status', status);
    runner_io.setOutput('exit-code', String(outcome.exitCode));
    runner_io.setOutput('metrics-dir', s.metricsDir);
}
/** The owner's restore: merges the cached history once for the whole job. Never throws. */
async function restoreForJob(s) {
    const { dayFileSizes, restoreHistory } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 55199));
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
        s = (0,setup/* setup */.m)();
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz) {
            runner_io.setFailed(error.message);
            return;
        }
        throw error;
    }
    const { owner, state } = await (0,job/* claimJob */.G7)(s.jobFile, (0,job/* newJobState */.rP)(s.inputs.name));
    (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.Setup, JSON.stringify({ name: s.inputs.name, metricsDir: s.metricsDir }));
    (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.JobFile, s.jobFile);
    if (owner)
        (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.Owner, 'true');
    const cancellation = (0,command/* installCancellation */.zG)((signal) => runner_io.info(`dev-metrics: received ${signal}; stopping the command and saving the history.`));
    try {
        if (owner && s.history) {
            const restored = await restoreForJob(s);
            await (0,job/* updateJob */.lh)(s.jobFile, (job) => Object.assign(job, restored));
        }
        else if (!owner) {
            runner_io.info(`dev-metrics: the history was restored by this job's first step (${state?.owner ?? 'unknown'}); appending.`);
        }
        await (0,promises_.mkdir)(s.tempDir, { recursive: true });
        (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.StartedAt, new Date().toISOString());
        const result = await (0,command/* runCommand */.d1)({
            script: s.inputs.run,
            shell: s.inputs.shell,
            workingDirectory: s.inputs.workingDirectory,
            tempDir: s.tempDir,
            env: (0,command/* commandEnvironment */.J$)(process.env),
            signal: cancellation.signal,
        });
        if (result.cancelled && result.pid === null) {
            // Cancelled before the command ran: there is no run to record.
            (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.Recorded, 'none');
            runner_io.setFailed(`${s.inputs.name} was cancelled before the command started; nothing recorded.`);
            return;
        }
        // Values are extras: what cannot be read is a warning, and the record is written regardless.
        const runValues = await collectRunValues({
            result,
            benchmark: s.inputs.benchmark,
            commandDir: external_node_path_default().resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), s.inputs.workingDirectory),
        });
        for (const warning of runValues.warnings)
            runner_io.warning(warning);
        const record = (0,action_record/* buildRecord */.kA)({
            name: s.inputs.name,
            metadata: s.inputs.metadata,
            ci: s.ci,
            result,
            secrets: s.secrets,
            values: runValues.values,
        });
        try {
            await (0,store/* appendRecord */.EB)(s.metricsDir, record);
        }
        catch (error) {
            // The step's outcome is the command's: a history we cannot write is a warning, not a failure.
            runner_io.warning(`dev-metrics: the record of ${s.inputs.name} could not be written to ${s.metricsDir} ` +
                `(${error instanceof Error ? error.message : String(error)}); check the 'metrics-dir' input.`);
        }
        (0,action_state/* saveState */.LZ)(action_state/* State */.Uw.Recorded, 'true');
        // Decided once: outputs, failure message and exit code all read the outcome.
        const outcome = (0,command/* commandOutcome */.E2)(result);
        setOutputs(s, outcome, record.status, record.duration_ms);
        await (0,otlp/* exportExecution */.$w)({ inputs: s.inputs, record, secrets: s.secrets });
        // The job's dashboard, written by the owner's post step.
        runner_io.setOutput('dashboard-path', external_node_path_default().resolve((0,dashboard_path/* dashboardOutputFile */.k)(s.tempDir, state?.owner ?? s.inputs.name)));
        const failed = outcome.kind !== 'succeeded';
        if (outcome.kind !== 'cancelled') {
            const { verdict, row, valueVerdicts, valueRows } = await (0,publish/* publishStep */.g)({
                inputs: s.inputs,
                ci: s.ci,
                record,
                metricsDir: s.metricsDir,
                tempDir: s.tempDir,
                secrets: s.secrets,
            });
            if (row)
                await (0,job/* updateJob */.lh)(s.jobFile, (job) => void job.rows.push(row, ...valueRows));
            // A worse value fails the step as a slower duration does (fail-on-regression is opt-in).
            const regression = (0,publish/* regressionFailure */.a)(s.inputs.name, verdict, valueVerdicts);
            if (!failed && regression !== null && s.inputs.failOnRegression)
                runner_io.setFailed(regression);
        }
        if (failed) {
            runner_io.setFailed(outcome.kind === 'cancelled'
                ? `${s.inputs.name} was cancelled; its record was written as failed.`
                : `${s.inputs.name} failed: ${outcome.reason}.`);
            // The shell's own code when it exited with one (setFailed has set 1 otherwise).
            if (result.exitCode !== null && outcome.exitCode !== 0)
                process.exitCode = outcome.exitCode;
        }
    }
    finally {
        cancellation.dispose();
    }
}


/***/ })

};
