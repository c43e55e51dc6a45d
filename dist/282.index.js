export const id = 282;
export const ids = [282];
export const modules = {

/***/ 78103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J$: () => (/* binding */ commandEnvironment),
  E2: () => (/* binding */ commandOutcome),
  zG: () => (/* binding */ installCancellation),
  d1: () => (/* binding */ runCommand)
});

// UNUSED EXPORTS: TailBuffer, resolveShell, splitArgs, tailText

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/values.ts
var core_values = __webpack_require__(14101);
;// CONCATENATED MODULE: ./src/core/value-file.ts
/**
 * The value file a wrapped command writes to, like GITHUB_OUTPUT: its path is in the environment
 * variable DEV_METRICS_VALUES, and each line is `name=number [unit] [bigger-is-better]`. The CLI
 * and the action create it empty before the command starts and read it after it exits.
 * A line that does not parse is skipped with one warning naming its line number and text: a value
 * never changes the outcome of the command.
 */





/** The environment variable naming the value file. */
const VALUES_ENV = 'DEV_METRICS_VALUES';
/** What a value file holds beyond this is not read (a runaway loop must not fill the record). */
const MAX_VALUE_FILE_BYTES = 1024 * 1024;
/** At most this many values per run; later lines are skipped with one warning. */
const MAX_VALUES = 1000;
/** Warnings about single bad lines, at most; then one line saying how many more were skipped. */
const MAX_LINE_WARNINGS = 10;
/** Parses the text of a value file; `label` names it in warnings. Pure. */
function parseValueFile(text, label) {
    const values = [];
    const warnings = [];
    let bad = 0;
    let dropped = 0;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
        const parsed = (0,core_values/* parseValueLine */.HE)(line);
        if (parsed === null)
            return;
        if ('problem' in parsed) {
            bad++;
            if (bad <= MAX_LINE_WARNINGS) {
                warnings.push(`${label} line ${index + 1}: ${parsed.problem}; line skipped: ${(0,errors/* describeValue */.bp)(line)}`);
            }
            return;
        }
        if (values.length >= MAX_VALUES) {
            dropped++;
            return;
        }
        values.push(parsed);
    });
    if (bad > MAX_LINE_WARNINGS) {
        warnings.push(`${label}: ${bad - MAX_LINE_WARNINGS} more lines that do not parse skipped`);
    }
    if (dropped > 0) {
        warnings.push(`${label}: only the first ${MAX_VALUES} values are kept; ${dropped} more skipped`);
    }
    return { values, warnings };
}
/** Creates an empty value file in `dir` (a temp directory); returns its path. */
async function createValueFile(dir) {
    const file = external_node_path_default().join(dir, `dev-metrics-values-${(0,external_node_crypto_.randomUUID)()}.txt`);
    await (0,promises_.writeFile)(file, '', { flag: 'wx' });
    return file;
}
/**
 * Reads and removes a value file. Never throws: a file the command deleted or made unreadable
 * gives a warning and no values.
 */
async function takeValueFile(file, label = VALUES_ENV) {
    let text;
    let truncated = false;
    try {
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const buffer = Buffer.alloc(MAX_VALUE_FILE_BYTES + 1);
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
            truncated = bytesRead > MAX_VALUE_FILE_BYTES;
            let end = Math.min(bytesRead, MAX_VALUE_FILE_BYTES);
            // Cut at the last whole line, so no half-written value is read.
            if (truncated)
                end = buffer.lastIndexOf(0x0a, end - 1) + 1;
            text = buffer.subarray(0, end).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        const code = error.code ?? error.message;
        return {
            values: [],
            warnings: [
                `${label} (${file}) could not be read (${code}); no values recorded from it — write values with e.g. echo "size_kb=512 KB" >> "$${VALUES_ENV}"`,
            ],
        };
    }
    finally {
        await (0,promises_.rm)(file, { force: true }).catch(() => undefined);
    }
    const result = parseValueFile(text, label);
    if (truncated) {
        result.warnings.push(`${label}: only its first ${MAX_VALUE_FILE_BYTES} bytes are read; write fewer lines`);
    }
    return result;
}

// EXTERNAL MODULE: ./src/action/shells.ts
var shells = __webpack_require__(84951);
;// CONCATENATED MODULE: ./src/action/command.ts
/**
 * Runs the user's command the way a `run:` step does (actions/runner ScriptHandler): the script is
 * written to a uniquely named file in RUNNER_TEMP with the shell's extension and run through the
 * shell's argument template, with the step's env and working directory. Output streams live to
 * our stdout/stderr; only a bounded tail window is kept, for the record's `error` (record.ts
 * redacts the whole window, then keeps its last 4 KB).
 *
 * Never throws for a failure of the command itself: a missing shell, a missing working directory,
 * a non-zero exit or a cancellation all come back as a CommandResult.
 */







/**
 * Resolves the `shell` input like the runner: split at the first space into command and argument
 * template; a bare built-in name gets its documented template.
 */
function resolveShell(shell) {
    const trimmed = shell.trim();
    const space = trimmed.indexOf(' ');
    const command = space < 0 ? trimmed : trimmed.slice(0, space);
    const given = space < 0 ? '' : trimmed.slice(space + 1).trim();
    const name = external_node_path_default().basename(command)
        .toLowerCase()
        .replace(/\.exe$/, '');
    const builtin = (0,shells/* builtinShell */.aP)(name);
    const argsTemplate = given || builtin?.args || '';
    if (!argsTemplate.includes('{0}')) {
        throw new Error(`shell '${shell}' must be one of ${shells/* BUILTIN_SHELL_NAMES */.Uc.join(', ')} or a command template containing {0}`);
    }
    return {
        command: name === 'cmd' && given === '' ? 'cmd.exe' : command,
        argsTemplate,
        extension: builtin?.extension ?? '',
        fixUp: fixUpFor(name),
    };
}
function fixUpFor(name) {
    const eol = process.platform === 'win32' ? '\r\n' : '\n';
    if (name === 'cmd')
        return (s) => `@echo off${eol}${s}`;
    if (name === 'pwsh' || name === 'powershell') {
        // Same wrapping as the runner: stop on errors, and pass a native command's exit code on.
        return (s) => `$ErrorActionPreference = 'stop'${eol}${s}${eol}` +
            'if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }';
    }
    return (s) => s;
}
/**
 * Splits an argument template into arguments with the Windows/.NET command-line rules the runner
 * relies on (double quotes group, `\"` is a literal quote, single quotes are ordinary characters),
 * so `-command ". '{0}'"` gives ['-command', ". '{0}'"]. {0} is substituted per argument afterwards,
 * so a script path containing spaces stays one argument.
 */
function splitArgs(template) {
    const args = [];
    let current = '';
    let inArg = false;
    let quoted = false;
    for (let i = 0; i < template.length; i++) {
        const c = template[i];
        if (c === '\\') {
            let slashes = 0;
            while (template[i] === '\\') {
                slashes++;
                i++;
            }
            if (template[i] === '"') {
                current += '\\'.repeat(Math.floor(slashes / 2));
                if (slashes % 2 === 1)
                    current += '"';
                else
                    quoted = !quoted;
            }
            else {
                current += '\\'.repeat(slashes);
                i--;
            }
            inArg = true;
        }
        else if (c === '"') {
            quoted = !quoted;
            inArg = true;
        }
        else if (/\s/.test(c) && !quoted) {
            if (inArg)
                args.push(current);
            current = '';
            inArg = false;
        }
        else {
            current += c;
            inArg = true;
        }
    }
    if (inArg)
        args.push(current);
    return args;
}
/**
 * The environment a `run:` step would get: the job's, without what the runner gives only to the
 * action itself — its inputs (the token among them), its saved state and the Actions runtime
 * credentials (cache and artifact tokens). Anything the command runs cannot read or reuse them.
 */
function commandEnvironment(env) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (/^(INPUT|STATE)_/.test(name) || ACTION_ONLY_VARIABLES.has(name))
            continue;
        out[name] = value;
    }
    return out;
}
const ACTION_ONLY_VARIABLES = new Set([
    'GITHUB_STATE',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
]);
function commandOutcome(result) {
    const exitCode = result.exitCode ?? (result.cancelled ? 130 : 1);
    if (result.cancelled)
        return { kind: 'cancelled', exitCode, reason: 'cancelled' };
    if (result.startError !== null) {
        return { kind: 'not started', exitCode, reason: result.startError };
    }
    if (result.signal)
        return { kind: 'failed', exitCode, reason: `killed by ${result.signal}` };
    if (exitCode === 0)
        return { kind: 'succeeded', exitCode, reason: null };
    return { kind: 'failed', exitCode, reason: `exit code ${exitCode}` };
}
/** The result of a command that never ran (nothing spawned, no output, no time). */
function notStarted(startedAt, exitCode, startError, cancelled = false) {
    return {
        exitCode,
        signal: null,
        durationMs: 0,
        startedAt,
        endedAt: startedAt,
        outputTail: '',
        cancelled,
        startError,
        pid: null,
    };
}
/**
 * Four times the record's 4 KB: the window is redacted before it is cut to 4 KB, so a secret's
 * label (`password=`, `curl -u`, a webhook's host) that falls before the cut is still there when
 * its value is recognised; anything cut by the window's own edge is 12 KB before what is kept.
 */
const DEFAULT_TAIL_BYTES = 16 * 1024;
// The runner sends SIGINT, SIGTERM 7.5 s later, SIGKILL at 10 s: leave the command most of that,
// and us the last seconds to write the record and save the history.
const DEFAULT_KILL_GRACE_MS = 7000;
/** After the shell exits, how long to wait for stray background processes to close its pipes. */
const STREAM_CLOSE_GRACE_MS = 2000;
async function runCommand(options) {
    const env = options.env ?? process.env;
    const startedAt = new Date();
    const workspace = options.workspace ?? env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = external_node_path_default().resolve(workspace, options.workingDirectory ?? '');
    const cwdProblem = await directoryProblem(cwd);
    if (cwdProblem) {
        const given = options.workingDirectory ?? '';
        return notStarted(startedAt, 1, `Input 'working-directory' must be an existing directory; '${given}' (${cwd}) ${cwdProblem}`);
    }
    if (options.signal?.aborted)
        return notStarted(startedAt, 1, 'cancelled before start', true);
    const shell = resolveShell(options.shell);
    const scriptPath = external_node_path_default().join(options.tempDir, `${(0,external_node_crypto_.randomUUID)()}${shell.extension}`);
    let contents = shell.fixUp(options.script);
    if (process.platform === 'win32')
        contents = contents.replace(/\r?\n/g, '\r\n');
    await (0,promises_.writeFile)(scriptPath, contents, { encoding: 'utf8', flag: 'wx' });
    // Like GITHUB_OUTPUT: the command appends `name=number [unit]` lines; values are extras, so a
    // file that cannot be created only means none are read.
    const valuesFile = await createValueFile(options.tempDir).catch(() => undefined);
    const stepEnv = valuesFile === undefined ? env : { ...env, [VALUES_ENV]: valuesFile };
    try {
        const result = await spawnShell(shell, scriptPath, cwd, stepEnv, options);
        if (valuesFile === undefined)
            return result;
        return { ...result, values: await takeValueFile(valuesFile) };
    }
    finally {
        await (0,promises_.rm)(scriptPath, { force: true });
        if (valuesFile !== undefined)
            await (0,promises_.rm)(valuesFile, { force: true });
    }
}
async function directoryProblem(dir) {
    try {
        return (await (0,promises_.stat)(dir)).isDirectory() ? null : 'is not a directory';
    }
    catch {
        return 'does not exist';
    }
}
function spawnShell(shell, scriptPath, cwd, env, options) {
    const windows = process.platform === 'win32';
    // cmd's template is not argv-shaped ("CALL "{0}""): hand it to cmd verbatim, like the runner.
    const verbatim = windows && /^cmd(\.exe)?$/i.test(external_node_path_default().basename(shell.command));
    const args = verbatim
        ? [shell.argsTemplate.replaceAll('{0}', scriptPath)]
        : splitArgs(shell.argsTemplate).map((arg) => arg.replaceAll('{0}', scriptPath));
    const tail = new TailBuffer(options.tailBytes ?? DEFAULT_TAIL_BYTES);
    const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    return new Promise((resolve) => {
        const startedAt = new Date();
        const t0 = external_node_perf_hooks_.performance.now();
        let child;
        try {
            // detached: the shell leads its own process group, so a cancel reaches its children too.
            child = (0,external_node_child_process_.spawn)(shell.command, args, {
                cwd,
                env,
                stdio: ['inherit', 'pipe', 'pipe'],
                detached: !windows,
                windowsVerbatimArguments: verbatim,
                windowsHide: true,
            });
        }
        catch (error) {
            resolve(failedToStart(error));
            return;
        }
        let cancelled = false;
        let settled = false;
        let killTimer;
        let closeTimer;
        let exit;
        const killGroup = (sig) => {
            if (child.pid === undefined)
                return;
            try {
                if (!windows)
                    process.kill(-child.pid, sig);
                // No process groups on Windows: end the shell's whole tree, as the runner does.
                else
                    (0,external_node_child_process_.spawn)('taskkill', ['/PID', String(child.pid), '/T', '/F'], {
                        stdio: 'ignore',
                        windowsHide: true,
                    });
            }
            catch {
                // ESRCH: the group is already gone.
            }
        };
        const onAbort = () => {
            if (cancelled || exit)
                return;
            cancelled = true;
            const reason = options.signal?.reason;
            killGroup(reason === 'SIGINT' || reason === 'SIGTERM' ? reason : 'SIGTERM');
            killTimer = setTimeout(() => killGroup('SIGKILL'), graceMs);
        };
        const cleanup = () => {
            clearTimeout(killTimer);
            clearTimeout(closeTimer);
            options.signal?.removeEventListener('abort', onAbort);
        };
        const finish = () => {
            if (settled || !exit)
                return;
            settled = true;
            cleanup();
            child.stdout?.destroy();
            child.stderr?.destroy();
            resolve({
                exitCode: exit.code,
                signal: exit.signal,
                durationMs: exit.at - t0,
                startedAt,
                endedAt: exit.endedAt,
                outputTail: tailText(tail, options.tailLines),
                cancelled,
                startError: null,
                pid: child.pid ?? null,
            });
        };
        function failedToStart(error) {
            const code = error?.code;
            const why = code === 'ENOENT'
                ? `shell '${shell.command}' was not found on this runner; install it in an earlier step or choose another 'shell'`
                : code === 'EACCES'
                    ? `shell '${shell.command}' could not be started: permission denied`
                    : `shell '${shell.command}' could not be started: ${error instanceof Error ? error.message : String(error)}`;
            return notStarted(startedAt, code === 'ENOENT' ? 127 : 126, why);
        }
        child.on('error', (error) => {
            // Only a failed spawn is fatal here; kill() errors after start are not.
            if (child.pid !== undefined || settled)
                return;
            settled = true;
            cleanup();
            resolve(failedToStart(error));
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal, at: external_node_perf_hooks_.performance.now(), endedAt: new Date() };
            // A cancel ends the whole group: sweep anything that ignored the forwarded signal.
            if (cancelled)
                killGroup('SIGKILL');
            // Background processes may hold our pipes open; do not wait on them for ever.
            closeTimer = setTimeout(finish, STREAM_CLOSE_GRACE_MS);
        });
        child.on('close', finish);
        pump(child.stdout, options.stdout ?? process.stdout, 'stdout', tail, options.onOutput);
        pump(child.stderr, options.stderr ?? process.stderr, 'stderr', tail, options.onOutput);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.signal?.aborted)
            onAbort(); // aborted while the script file was being written
    });
}
/** Forwards chunks as they arrive (no line buffering), honouring the destination's backpressure. */
function pump(source, dest, name, tail, onOutput) {
    source?.on('data', (chunk) => {
        tail.push(chunk);
        onOutput?.(chunk, name);
        if (!dest.write(chunk)) {
            source.pause();
            dest.once('drain', () => source.resume());
        }
    });
}
/** Keeps the last `capacity` bytes written to it, in a fixed buffer. */
class TailBuffer {
    capacity;
    buffer;
    end = 0; // next write position
    size = 0;
    /** Total bytes ever pushed. */
    total = 0;
    constructor(capacity) {
        this.capacity = capacity;
        this.buffer = Buffer.alloc(Math.max(0, capacity));
    }
    push(chunk) {
        this.total += chunk.length;
        const cap = this.capacity;
        if (cap === 0)
            return;
        const data = chunk.length > cap ? chunk.subarray(chunk.length - cap) : chunk;
        const first = Math.min(data.length, cap - this.end);
        data.copy(this.buffer, this.end, 0, first);
        data.copy(this.buffer, 0, first);
        this.end = (this.end + data.length) % cap;
        this.size = Math.min(cap, this.size + data.length);
    }
    get truncated() {
        return this.total > this.size;
    }
    /** The kept bytes, oldest first. */
    bytes() {
        if (this.size < this.capacity)
            return Buffer.from(this.buffer.subarray(0, this.size));
        return Buffer.concat([this.buffer.subarray(this.end), this.buffer.subarray(0, this.end)]);
    }
}
// CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
/** Readable tail: UTF-8, no cut characters or escape codes, progress-bar rewrites collapsed. */
function tailText(tail, maxLines = Infinity) {
    let bytes = tail.bytes();
    if (tail.truncated) {
        // The cut may fall inside a multi-byte character: skip its continuation bytes.
        let skip = 0;
        while (skip < 3 && skip < bytes.length && (bytes[skip] & 0xc0) === 0x80)
            skip++;
        bytes = bytes.subarray(skip);
    }
    let text = new TextDecoder('utf-8').decode(bytes);
    if (tail.truncated) {
        // ... and inside a line (or an escape sequence): drop that partial first line when we can.
        const newline = text.indexOf('\n');
        if (newline >= 0 && newline < text.length - 1)
            text = text.slice(newline + 1);
    }
    const lines = text
        .replace(ANSI, '')
        .replace(/\r\n/g, '\n')
        .split('\n')
        .map((line) => line.slice(line.lastIndexOf('\r') + 1)); // keep what a terminal would show
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '')
        lines.pop();
    return (maxLines < lines.length ? lines.slice(lines.length - maxLines) : lines).join('\n');
}
/**
 * Catches SIGINT/SIGTERM (the runner sends SIGINT on cancel, then SIGTERM ~7.5 s later, then
 * SIGKILL), so the caller can pass `signal` to runCommand, get a result with cancelled: true,
 * write the record and save history before exiting. While installed, these signals no longer
 * terminate the process: the caller must exit itself.
 */
function installCancellation(onSignal) {
    const controller = new AbortController();
    const handler = (sig) => {
        onSignal?.(sig);
        if (!controller.signal.aborted)
            controller.abort(sig);
    };
    const signals = ['SIGINT', 'SIGTERM'];
    for (const sig of signals)
        process.on(sig, handler);
    return {
        signal: controller.signal,
        dispose: () => {
            for (const sig of signals)
                process.off(sig, handler);
        },
    };
}


/***/ }),

/***/ 81729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports ACTION_INPUT_DEFAULTS, fromEnv, inputEnvName, MAX_NAME_CHARS */
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10923);
/* harmony import */ var _core_benchmarks_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25745);
/* harmony import */ var _export_otlp_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66046);
/* harmony import */ var _shells_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84951);
/**
 * The action's inputs, read and validated in one place so that a bad value fails the step before
 * anything runs, with one line that names the input and says how to fix it.
 *
 * Defaults: the empty string means "use the default" for every input except `dashboard-artifact`,
 * where '' means "no dashboard". The runner substitutes action.yml defaults for inputs the workflow
 * leaves out, so action.yml must declare `default: dev-metrics-dashboard` for that one input
 * (ACTION_INPUT_DEFAULTS below is the list action.yml should mirror).
 *
 * `working-directory` is only checked for shape here; whether it exists is checked by
 * command.ts at run time (see runCommand), so this module stays free of file-system I/O.
 */




/** Thrown for any bad input; `message` is one line naming the input and the fix. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
/** The defaults action.yml must declare (as strings, as the runner passes them). */
const ACTION_INPUT_DEFAULTS = {
    shell: 'bash',
    'working-directory': '',
    metadata: '{}',
    'metrics-dir': '.metrics',
    'days-to-keep': '30',
    history: 'cache',
    'cache-key': 'dev-metrics',
    'github-token': '',
    comment: 'auto',
    charts: 'quickchart',
    'quickchart-url': 'https://quickchart.io',
    'dashboard-artifact': 'dev-metrics-dashboard',
    'regression-threshold': '10',
    matrix: '',
    'fail-on-regression': 'false',
    'otlp-endpoint': '',
    'otlp-headers': '',
    'benchmark-file': '',
    'benchmark-tool': '',
};
const MAX_CACHE_KEY_LENGTH = 512; // @actions/cache rejects longer keys
/**
 * Reads and validates every input. Throws InputError on the first bad one.
 * @param getInput core.getInput by default; pass fromEnv(env) in tests.
 */
function readInputs(getInput = _runner_io_js__WEBPACK_IMPORTED_MODULE_0__.getInput) {
    const get = (name) => getInput(name).trim();
    const name = parseName(get('name'));
    // The script is kept verbatim, like a run: step (heredocs can care about whitespace).
    const run = getInput('run', { trimWhitespace: false });
    if (run.trim() === '') {
        throw new InputError('run', "Input 'run' is required: give the command to run and time, e.g. 'run: npm test'");
    }
    return {
        name,
        run,
        shell: parseShell(get('shell')),
        workingDirectory: get('working-directory'),
        metadata: parseMetadata(get('metadata')),
        metricsDir: get('metrics-dir') || ACTION_INPUT_DEFAULTS['metrics-dir'],
        daysToKeep: parseDaysToKeep(get('days-to-keep')),
        history: parseChoice('history', get('history'), ['cache', 'none'], 'cache'),
        cacheKey: parseCacheKey(get('cache-key')),
        githubToken: get('github-token'),
        comment: parseComment(get('comment')),
        charts: parseChoice('charts', get('charts'), ['quickchart', 'none'], 'quickchart'),
        quickchartUrl: parseHttpUrl('quickchart-url', get('quickchart-url')),
        dashboardArtifact: parseArtifactName(get('dashboard-artifact')),
        regressionThreshold: parseThreshold(get('regression-threshold')),
        failOnRegression: parseBoolean('fail-on-regression', get('fail-on-regression'), false),
        otlpEndpoint: parseOtlp('otlp-endpoint', get('otlp-endpoint'), (v) => (0,_export_otlp_config_js__WEBPACK_IMPORTED_MODULE_2__/* .checkUrl */ .CU)(v, "Input 'otlp-endpoint'")),
        otlpHeaders: parseOtlp('otlp-headers', get('otlp-headers'), (v) => {
            (0,_export_otlp_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHeaders */ .QG)(v, "Input 'otlp-headers'");
            return v;
        }),
        matrix: parseMatrix(get('matrix')),
        benchmark: parseBenchmark(get('benchmark-file'), get('benchmark-tool')),
    };
}
/** Both or neither: a file needs its format, a format needs a file. */
function parseBenchmark(file, tool) {
    const tools = _core_benchmarks_index_js__WEBPACK_IMPORTED_MODULE_1__/* .BENCHMARK_TOOLS */ .kf.join(', ');
    if (tool !== '' && !(0,_core_benchmarks_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isBenchmarkTool */ .Mk)(tool)) {
        throw new InputError('benchmark-tool', `Input 'benchmark-tool' must be one of ${tools} (github-action-benchmark's names); got ${quote(tool)}`);
    }
    if (file === '' && tool === '')
        return null;
    if (file === '') {
        throw new InputError('benchmark-file', `Input 'benchmark-file' is required with 'benchmark-tool': give the path the command writes its ${tool} results to, e.g. 'benchmark-file: output.txt'`);
    }
    if (tool === '') {
        throw new InputError('benchmark-tool', `Input 'benchmark-tool' is required with 'benchmark-file': say which tool wrote it, one of ${tools}`);
    }
    return { file, tool: tool };
}
/** The OTLP inputs are checked with the same rules as the OTEL_* variables they stand beside. */
function parseOtlp(input, value, check) {
    if (value === '')
        return '';
    try {
        return check(value);
    }
    catch (error) {
        if (error instanceof _export_otlp_config_js__WEBPACK_IMPORTED_MODULE_2__/* .OtlpConfigError */ .EO)
            throw new InputError(input, error.message);
        throw error;
    }
}
/**
 * A getInput that reads INPUT_* variables from `env` exactly as @actions/core does:
 * `INPUT_${name.replace(/ /g, '_').toUpperCase()}` (hyphens are kept), trimmed unless
 * trimWhitespace is false, '' when unset.
 */
function fromEnv(env) {
    return (name, options) => {
        const value = env[inputEnvName(name)] ?? '';
        return options?.trimWhitespace === false ? value : value.trim();
    };
}
/** The environment variable the runner sets for input `name`. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** Longest operation name, in characters: it labels a row in every table and chart title. */
const MAX_NAME_CHARS = 100;
// C0/C1 controls (NUL, newline, ESC…) and the bidi controls that can reorder what a table shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * The name policy: any printable text, as a `name:` of a workflow step may be, including `/`,
 * `..` and non-Latin scripts (names are data: escaped in every report, never part of a path),
 * but one line, no control or bidi characters, and short enough to read in a table.
 */
function parseName(value) {
    if (value === '') {
        throw new InputError('name', "Input 'name' is required: give the operation a name, e.g. 'unit-tests'");
    }
    if (NAME_FORBIDDEN.test(value)) {
        throw new InputError('name', `Input 'name' must be one line of printable text (no control or bidi characters), e.g. 'unit-tests'; got ${quote(value)}`);
    }
    const length = Array.from(value).length;
    if (length > MAX_NAME_CHARS) {
        throw new InputError('name', `Input 'name' must be at most ${MAX_NAME_CHARS} characters (it labels a row in every report); got ${length}, shorten it`);
    }
    return value;
}
/** What @actions/artifact's validateArtifactName refuses (NTFS limits), plus control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/\u0000-\u001f\u007f]/;
function parseArtifactName(value) {
    if (value === '')
        return null;
    if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
        throw new InputError('dashboard-artifact', `Input 'dashboard-artifact' must not contain " : < > | * ? \\ / or control characters (the artifact service rejects them), e.g. 'dev-metrics-dashboard'; got ${quote(value)}`);
    }
    return value;
}
function parseShell(value) {
    if (value === '')
        return ACTION_INPUT_DEFAULTS.shell;
    if (_shells_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILTIN_SHELL_NAMES */ .Uc.includes(value) || value.includes('{0}'))
        return value;
    throw new InputError('shell', `Input 'shell' must be one of ${_shells_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILTIN_SHELL_NAMES */ .Uc.join(', ')} or a command template containing {0}; got ${quote(value)}`);
}
const METADATA_EXAMPLE = `'{"suite": "unit"}'`;
function parseMetadata(value) {
    if (value === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch (error) {
        const reason = oneLine(error instanceof Error ? error.message : String(error));
        throw new InputError('metadata', `Input 'metadata' must be a JSON object, e.g. ${METADATA_EXAMPLE}: ${reason}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new InputError('metadata', `Input 'metadata' must be a JSON object, e.g. ${METADATA_EXAMPLE}; got ${kind}`);
    }
    return parsed;
}
const MATRIX_EXAMPLE = "'${{ toJSON(matrix) }}'";
/** `toJSON(matrix)` gives 'null' outside a matrix job; values that are objects are kept as JSON. */
function parseMatrix(value) {
    if (value === '' || value === 'null')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch (error) {
        const reason = oneLine(error instanceof Error ? error.message : String(error));
        throw new InputError('matrix', `Input 'matrix' must be the job's matrix as JSON, e.g. matrix: ${MATRIX_EXAMPLE}: ${reason}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new InputError('matrix', `Input 'matrix' must be a JSON object, e.g. matrix: ${MATRIX_EXAMPLE}; got ${quote(value)}`);
    }
    const values = {};
    for (const [key, v] of Object.entries(parsed)) {
        if (v === null || v === undefined)
            continue;
        values[key] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return values;
}
function parseDaysToKeep(value) {
    if (value === '')
        return Number(ACTION_INPUT_DEFAULTS['days-to-keep']);
    const days = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(days) || days < 1) {
        throw new InputError('days-to-keep', `Input 'days-to-keep' must be a whole number of days ≥ 1; got ${quote(value)}`);
    }
    return days;
}
function parseChoice(input, value, choices, fallback) {
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    const list = choices.map((c) => `'${c}'`).join(' or ');
    throw new InputError(input, `Input '${input}' must be ${list}; got ${quote(value)}`);
}
function parseCacheKey(value) {
    if (value === '')
        return ACTION_INPUT_DEFAULTS['cache-key'];
    if (value.includes(',')) {
        throw new InputError('cache-key', `Input 'cache-key' must not contain commas (the cache service rejects them); got ${quote(value)}`);
    }
    if (value.length > MAX_CACHE_KEY_LENGTH) {
        throw new InputError('cache-key', `Input 'cache-key' must be at most ${MAX_CACHE_KEY_LENGTH} characters; got ${value.length}`);
    }
    return value;
}
// YAML 1.2 core-schema booleans, the set core.getBooleanInput accepts.
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function parseBoolean(input, value, fallback) {
    if (value === '')
        return fallback;
    if (TRUE_VALUES.includes(value))
        return true;
    if (FALSE_VALUES.includes(value))
        return false;
    throw new InputError(input, `Input '${input}' must be true or false (True, TRUE, False, FALSE also work); got ${quote(value)}`);
}
function parseComment(value) {
    if (value === '' || value === 'auto')
        return 'auto';
    if (TRUE_VALUES.includes(value))
        return true;
    if (FALSE_VALUES.includes(value))
        return false;
    throw new InputError('comment', `Input 'comment' must be 'auto', 'true' or 'false'; got ${quote(value)}`);
}
function parseHttpUrl(input, value) {
    if (value === '')
        return ACTION_INPUT_DEFAULTS['quickchart-url'];
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new InputError(input, `Input '${input}' must be an http(s) URL such as https://quickchart.io; got ${quote(value)}`);
    }
    return value.replace(/\/+$/, '');
}
function parseThreshold(value) {
    if (value === '')
        return Number(ACTION_INPUT_DEFAULTS['regression-threshold']);
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value);
    const percent = match ? Number(match[1]) : NaN;
    if (!Number.isFinite(percent) || percent <= 0) {
        throw new InputError('regression-threshold', `Input 'regression-threshold' must be a percentage > 0 such as 10 or 10%; got ${quote(value)}`);
    }
    return percent;
}
/** Quotes a user value for a one-line message: control and bidi characters escaped, long values cut. */
function quote(value) {
    const escaped = value.replace(new RegExp(NAME_FORBIDDEN.source, 'gu'), (c) => c === '\n'
        ? '\\n'
        : c === '\r'
            ? '\\r'
            : c === '\t'
                ? '\\t'
                : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const cut = escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
    return `'${cut}'`;
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}


/***/ }),

/***/ 45461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ closeJob),
/* harmony export */   G7: () => (/* binding */ claimJob),
/* harmony export */   cd: () => (/* binding */ readJob),
/* harmony export */   lh: () => (/* binding */ updateJob),
/* harmony export */   rP: () => (/* binding */ newJobState),
/* harmony export */   tZ: () => (/* binding */ jobStateFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The job is the unit: what the wrapped steps of one job share, in one file under RUNNER_TEMP
 * (`$RUNNER_TEMP/dev-metrics/job-<hash>.json`, one per run, attempt, job and history).
 *
 * The first main step of the job creates it with O_EXCL and so becomes the job's owner: it
 * restores and merges the history once. Later mains find the file, skip the restore and only
 * append their records and their comment rows. Post steps run in reverse order, so the owner's
 * post runs last: it makes the one save, the one comment update and the one dashboard upload of
 * the whole job, then removes the file (a later main in the same RUNNER_TEMP starts a new job).
 * Steps of a job run one after another, so a plain read-modify-write (atomic rename) suffices.
 */



function jobStateFile(tempDir, id) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify([id.runId, String(id.runAttempt), id.job, id.metricsDir, id.history]))
        .digest('hex')
        .slice(0, 16);
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDir, 'dev-metrics', `job-${hash}.json`);
}
function newJobState(owner) {
    return {
        v: 1,
        owner,
        restored: false,
        plan: { kind: 'delta' },
        deltaFrom: {},
        superseded: [],
        unavailableReported: false,
        cacheUnresponsive: false,
        rows: [],
    };
}
/** Creates the job file, or reads the one an earlier step created. */
async function claimJob(file, initial) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'wx', 0o600);
        try {
            await handle.writeFile(JSON.stringify(initial));
        }
        finally {
            await handle.close();
        }
        return { owner: true, state: initial };
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
        return { owner: false, state: await readJob(file) };
    }
}
async function readJob(file) {
    try {
        const state = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'));
        return state && state.v === 1 ? state : null;
    }
    catch {
        return null;
    }
}
/** Applies `change` to the job file (no-op when it is gone or unreadable). */
async function updateJob(file, change) {
    const state = await readJob(file);
    if (!state)
        return null;
    change(state);
    const temp = `${file}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, JSON.stringify(state), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
    return state;
}
async function closeJob(file) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
}


/***/ }),

/***/ 52314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $w: () => (/* binding */ exportExecution),
  SZ: () => (/* binding */ exportJobSpan),
  yE: () => (/* binding */ maskOtlpHeaders)
});

// UNUSED EXPORTS: OTLP_STEP_BOUND_MS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/record.ts
var core_record = __webpack_require__(14130);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(14101);
;// CONCATENATED MODULE: ./src/export/spans.ts
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
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, digits);
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
    const startMs = (0,core_record/* parseTimestamp */.EH)(record.started_at);
    const ended = (0,core_record/* parseTimestamp */.EH)(record.ended_at);
    const endMs = Number.isFinite(ended) && ended >= startMs ? ended : startMs + record.duration_ms;
    return { startMs, endMs };
}
/** The span of one execution. `extraSecrets` are redacted from the error too (the action's token). */
function spans_executionSpan(record, extraSecrets = []) {
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
        if ((key === values/* VALUES_KEY */.Do || key === values/* VALUE_INFO_KEY */.jC) && isPlainObject(value))
            continue;
        put(attributes, `dev_metrics.metadata.${key}`, metadataValue(value));
    }
    for (const v of (0,values/* valuesOf */.sm)(record.metadata)) {
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
            ? (0,redact/* sanitizeErrorText */.l9)(record.error, STATUS_MESSAGE_MAX_CHARS, extraSecrets)
            : 'failed';
    }
    return span;
}
/**
 * The parent span of each CI job among the records added, from its first recorded start to its
 * last recorded end (a job's steps not wrapped by dev-metrics are not known). Records made outside
 * CI have no job span. Memory: one entry per job, so a backfill can stream its records through.
 */
class spans_JobSpans {
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
    const jobs = new spans_JobSpans();
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
class spans_MetricPoints {
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
    const points = new spans_MetricPoints(window);
    for (const record of records)
        points.add(record);
    return points.values();
}

;// CONCATENATED MODULE: ./src/export/otlp.ts

/** A failed export, in one line: what was tried and why it failed. Never carries a header. */
class OtlpExportError extends Error {
    name = 'OtlpExportError';
}
function hrTime(ms) {
    let seconds = Math.floor(ms / 1000);
    // Records carry microseconds; rounding there drops the binary noise of the ms fraction.
    let nanos = Math.round((ms - seconds * 1000) * 1000) * 1000;
    if (nanos >= 1e9) {
        seconds += 1;
        nanos -= 1e9;
    }
    return [seconds, nanos];
}
/** A response body or error detail as one short line (a protobuf Status body is binary). */
function oneLine(text, max = 300) {
    // Binary and control bytes become spaces.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const controls = /[\u0000-\u001f\u007f-\u009f\ufffd]+/g;
    const flat = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** Why an export failed: `HTTP 400 Bad Request: <body>`, or the network error. */
function describeExportError(error) {
    if (error === undefined || error === null)
        return 'export failed';
    const e = error;
    const message = typeof e.message === 'string' ? e.message : String(error);
    if (typeof e.code === 'number') {
        const body = typeof e.data === 'string' ? oneLine(e.data) : '';
        return `HTTP ${e.code}${message ? ` ${oneLine(message, 80)}` : ''}${body ? `: ${body}` : ''}`;
    }
    return oneLine(message) || 'export failed';
}
function exportWith(exporter, items, url, what) {
    return new Promise((resolve, reject) => {
        exporter.export(items, (result) => {
            // ExportResultCode.SUCCESS is 0 in every SDK version.
            if (result.code === 0)
                resolve();
            else
                reject(new OtlpExportError(`${what} to ${url} failed: ${describeExportError(result.error)}`));
        });
    });
}
/** Loads the SDK and the exporters the configuration needs (and only those). */
async function otlp_openOtlpSender(config, scope) {
    const [api, resources, sdkMetrics] = await Promise.all([
        __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 63914)),
        Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647)]).then(__webpack_require__.bind(__webpack_require__, 75647)),
        Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(174)]).then(__webpack_require__.bind(__webpack_require__, 89174)),
    ]);
    const resource = resources.defaultResource().merge(resources.resourceFromAttributes({
        ...config.resourceAttributes,
        'service.name': config.serviceName,
    }));
    const instrumentationScope = { name: scope.name, version: scope.version };
    const traces = config.traces;
    const spanExporter = traces ? await loadTraceExporter(traces) : null;
    const metrics = config.metrics;
    const metricExporter = metrics ? await loadMetricExporter(metrics) : null;
    const toReadable = (span) => {
        const start = hrTime(span.startMs);
        const end = hrTime(span.endMs);
        const context = {
            traceId: span.traceId,
            spanId: span.spanId,
            traceFlags: api.TraceFlags.SAMPLED,
        };
        return {
            name: span.name,
            kind: api.SpanKind.INTERNAL,
            spanContext: () => context,
            parentSpanContext: span.parentSpanId !== undefined
                ? {
                    traceId: span.traceId,
                    spanId: span.parentSpanId,
                    traceFlags: api.TraceFlags.SAMPLED,
                    isRemote: true,
                }
                : undefined,
            startTime: start,
            endTime: end,
            duration: hrTime(span.endMs - span.startMs),
            status: span.error !== undefined
                ? { code: api.SpanStatusCode.ERROR, message: span.error }
                : { code: api.SpanStatusCode.UNSET },
            attributes: span.attributes,
            links: [],
            events: [],
            ended: true,
            resource,
            instrumentationScope,
            droppedAttributesCount: 0,
            droppedEventsCount: 0,
            droppedLinksCount: 0,
        };
    };
    const toResourceMetrics = (points) => ({
        resource,
        scopeMetrics: [
            {
                scope: instrumentationScope,
                metrics: [
                    {
                        descriptor: {
                            name: DURATION_METRIC,
                            description: 'Duration of each execution dev-metrics recorded',
                            unit: 's',
                            valueType: api.ValueType.DOUBLE,
                        },
                        aggregationTemporality: sdkMetrics.AggregationTemporality.DELTA,
                        dataPointType: sdkMetrics.DataPointType.HISTOGRAM,
                        dataPoints: points.map((p) => ({
                            startTime: hrTime(p.startMs),
                            endTime: hrTime(p.endMs),
                            attributes: p.attributes,
                            value: {
                                buckets: { boundaries: HISTOGRAM_BOUNDARIES_S, counts: p.bucketCounts },
                                count: p.count,
                                sum: p.sum,
                                min: p.min,
                                max: p.max,
                            },
                        })),
                    },
                    {
                        descriptor: {
                            name: COUNT_METRIC,
                            description: 'Executions dev-metrics recorded, by result',
                            unit: '{execution}',
                            valueType: api.ValueType.INT,
                        },
                        aggregationTemporality: sdkMetrics.AggregationTemporality.DELTA,
                        dataPointType: sdkMetrics.DataPointType.SUM,
                        isMonotonic: true,
                        dataPoints: points.map((p) => ({
                            startTime: hrTime(p.startMs),
                            endTime: hrTime(p.endMs),
                            attributes: p.attributes,
                            value: p.count,
                        })),
                    },
                ],
            },
        ],
    });
    return {
        tracesUrl: traces?.url ?? null,
        metricsUrl: metrics?.url ?? null,
        async sendSpans(spans) {
            if (!spanExporter || !traces || spans.length === 0)
                return;
            await exportWith(spanExporter, spans.map(toReadable), traces.url, 'trace export');
        },
        async sendMetrics(points) {
            if (!metricExporter || !metrics || points.length === 0)
                return;
            await exportWith(metricExporter, toResourceMetrics(points), metrics.url, 'metric export');
        },
        async shutdown() {
            await Promise.allSettled([spanExporter?.shutdown(), metricExporter?.shutdown()]);
        },
    };
}
async function loadTraceExporter(target) {
    const options = { url: target.url, headers: target.headers, timeoutMillis: target.timeoutMs };
    if (target.protocol === 'http/json') {
        const { OTLPTraceExporter } = await Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(174), __webpack_require__.e(488), __webpack_require__.e(4)]).then(__webpack_require__.bind(__webpack_require__, 86004));
        return new OTLPTraceExporter(options);
    }
    const { OTLPTraceExporter } = await Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(174), __webpack_require__.e(488), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 57358));
    return new OTLPTraceExporter(options);
}
async function loadMetricExporter(target) {
    const options = { url: target.url, headers: target.headers, timeoutMillis: target.timeoutMs };
    if (target.protocol === 'http/json') {
        const { OTLPMetricExporter } = await Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(174), __webpack_require__.e(488), __webpack_require__.e(816)]).then(__webpack_require__.bind(__webpack_require__, 78816));
        return new OTLPMetricExporter(options);
    }
    const { OTLPMetricExporter } = await Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(174), __webpack_require__.e(488), __webpack_require__.e(458)]).then(__webpack_require__.bind(__webpack_require__, 8458));
    return new OTLPMetricExporter(options);
}
/** `work` bounded by `ms`: rejects with OtlpExportError naming the bound when it takes longer. */
function withDeadline(work, ms, what) {
    let timer;
    const deadline = new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new OtlpExportError(`${what}: no answer within ${ms / 1000} s`)), ms);
        timer.unref();
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

// EXTERNAL MODULE: ./src/export/otlp-config.ts
var otlp_config = __webpack_require__(66046);
;// CONCATENATED MODULE: ./src/export/export.ts
/**
 * Sending records over OTLP: a history (the CLI's `export --days N`, the library's exportToOtlp)
 * in batches with original timestamps, or one execution (the action's step) within a bound.
 * The SDK is loaded only once an endpoint is known (otlp.ts, dynamic imports).
 */





const SCOPE = { name: 'dev-metrics' };
/** Spans or metric points per OTLP request: ~1–2 MB of protobuf, well under receivers' limits. */
const DEFAULT_BATCH_SIZE = 1000;
/** The configuration, or a DevMetricsError saying what to set. */
function requireOtlpConfig(options) {
    let config;
    try {
        config = resolveOtlpConfig(options.env ?? process.env, {
            endpoint: options.endpoint,
            headers: options.headers,
        });
    }
    catch (error) {
        if (error instanceof OtlpConfigError)
            throw new DevMetricsError(error.message);
        throw error;
    }
    if (config === null) {
        throw new DevMetricsError('No OTLP endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://otel-collector:4318) or pass an endpoint');
    }
    return config;
}
/**
 * Sends records as spans (one per execution, plus one per CI job) and hourly delta metric points,
 * batched; stops at the first failed request (a DevMetricsError saying how far it got).
 */
async function exportRecords(records, options = {}) {
    const config = requireOtlpConfig(options);
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const sender = await openOtlpSender(config, SCOPE);
    const summary = {
        executions: 0,
        jobSpans: 0,
        metricPoints: 0,
        requests: 0,
        tracesUrl: sender.tracesUrl,
        metricsUrl: sender.metricsUrl,
    };
    const send = async (what) => {
        try {
            await what();
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new DevMetricsError(`${message} (${summary.executions} execution(s) sent before it); fix the endpoint and run again: ids are derived from the records, so a receiver sees the same spans`, { cause: error });
        }
        summary.requests++;
    };
    const jobs = new JobSpans();
    const metrics = new MetricPoints('hour');
    let batch = [];
    try {
        for await (const record of records) {
            batch.push(executionSpan(record, options.extraSecrets));
            jobs.add(record);
            metrics.add(record);
            if (batch.length >= batchSize) {
                const spans = batch;
                batch = [];
                await send(() => sender.sendSpans(spans));
                summary.executions += spans.length;
                options.onProgress?.(summary.executions);
            }
        }
        if (batch.length > 0) {
            const spans = batch;
            await send(() => sender.sendSpans(spans));
            summary.executions += spans.length;
            options.onProgress?.(summary.executions);
        }
        if (config.traces) {
            const parents = jobs.spans();
            for (let i = 0; i < parents.length; i += batchSize) {
                await send(() => sender.sendSpans(parents.slice(i, i + batchSize)));
            }
            summary.jobSpans = parents.length;
        }
        if (config.metrics) {
            const points = metrics.values();
            for (let i = 0; i < points.length; i += batchSize) {
                await send(() => sender.sendMetrics(points.slice(i, i + batchSize)));
            }
            summary.metricPoints = points.length;
        }
    }
    finally {
        await sender.shutdown();
    }
    return summary;
}
/** exportRecords over the records of a `.metrics/` history (all of it, or the last `days`). */
async function exportToOtlp(options = {}) {
    const env = options.env ?? process.env;
    const metricsDir = options.metricsDir ?? (env.DEV_METRICS_DIR || '.metrics');
    requireOtlpConfig(options); // before reading anything: a missing endpoint is said at once
    const since = options.days === undefined ? undefined : Date.now() - options.days * DAY_MS;
    return exportRecords(readRecords(metricsDir, { since, onWarning: options.onWarning }), options);
}
/**
 * What a live step sends: its execution span and metric point, and (post step) its job's span.
 * Traces and metrics go out at the same time; `config`'s timeout bounds each request, retries
 * included, and the caller bounds the whole.
 */
async function sendExecution(config, input) {
    const sender = await otlp_openOtlpSender(config, SCOPE);
    try {
        const spans = [];
        const metrics = new spans_MetricPoints('execution');
        if (input.record) {
            spans.push(spans_executionSpan(input.record, input.secrets));
            metrics.add(input.record);
        }
        if (input.jobRecords && input.jobRecords.length > 0) {
            const jobs = new spans_JobSpans();
            for (const r of input.jobRecords)
                jobs.add(r);
            spans.push(...jobs.spans());
        }
        const results = await Promise.allSettled([
            sender.sendSpans(spans),
            sender.sendMetrics(metrics.values()),
        ]);
        // Both signals failing is one warning with both reasons (often the same endpoint, twice).
        const reasons = results.flatMap((r) => r.status === 'rejected'
            ? [r.reason instanceof Error ? r.reason.message : String(r.reason)]
            : []);
        if (reasons.length > 0)
            throw new OtlpExportError(reasons.join('; '));
    }
    finally {
        void sender.shutdown();
    }
}

;// CONCATENATED MODULE: ./src/action/otlp.ts
/**
 * The action's OTLP export: the main step sends its execution (span + metric points), the first
 * post step of a job sends the job's parent span. Never in the way: without an endpoint nothing is
 * loaded; with one, at most OTLP_STEP_BOUND_MS (or OTEL_EXPORTER_OTLP_TIMEOUT) is spent, a failure
 * is one warning, and the step's outcome never changes.
 */









/** Default bound of the export in one step (each request, retries included, and the whole). */
const OTLP_STEP_BOUND_MS = 5000;
/**
 * Masks the header values (credentials) in the log, percent-decoded as they are sent; returns them
 * so they are also redacted from error text. Call before anything can print them.
 */
function maskOtlpHeaders(inputs) {
    if (!inputs.otlpHeaders)
        return [];
    runner_io.setSecret(inputs.otlpHeaders);
    const values = Object.values((0,otlp_config/* parseHeaders */.QG)(inputs.otlpHeaders, 'otlp-headers')).filter((v) => v !== '');
    for (const value of values)
        runner_io.setSecret(value);
    return values;
}
function configOf(inputs, env) {
    try {
        return (0,otlp_config/* resolveOtlpConfig */._F)(env, {
            endpoint: inputs.otlpEndpoint,
            headers: inputs.otlpHeaders,
            defaultTimeoutMs: OTLP_STEP_BOUND_MS,
        });
    }
    catch (error) {
        if (!(error instanceof otlp_config/* OtlpConfigError */.EO))
            throw error;
        runner_io.warning(`dev-metrics: OTLP export skipped: ${error.message}`);
        return null;
    }
}
function boundOf(config) {
    return Math.max(config.traces?.timeoutMs ?? 0, config.metrics?.timeoutMs ?? 0);
}
function tempDirOf(env) {
    return env.RUNNER_TEMP ?? external_node_path_default().join(env.GITHUB_WORKSPACE ?? process.cwd(), '.dev-metrics-tmp');
}
/** Left in the job's temp dir by a failed export, so the post step does not warn a second time. */
const FAILED_MARKER = 'dev-metrics-otlp-failed';
async function send(config, input, env) {
    const bound = boundOf(config);
    try {
        await withDeadline(sendExecution(config, input), bound, 'OTLP export');
        return true;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        runner_io.warning(`dev-metrics: OTLP export skipped (${message.split('\n')[0]}); the step's result is unchanged.`);
        await (0,promises_.writeFile)(external_node_path_default().join(tempDirOf(env), FAILED_MARKER), '').catch(() => undefined);
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
        runner_io.warning(`dev-metrics: OTLP export skipped: ${String(error)}`);
    }
}
function sameJob(record, ci) {
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
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(tempDirOf(env), FAILED_MARKER)))
            return; // already warned in this job
        const jobRecords = [];
        for await (const record of (0,store/* readRecords */.T3)(metricsDir, {
            since: Date.now() - 3 * store/* DAY_MS */.sO,
            onWarning: null,
        })) {
            if (sameJob(record, ci))
                jobRecords.push(record);
        }
        if (jobRecords.length === 0)
            return;
        await send({ ...config, metrics: null }, { jobRecords }, env);
    }
    catch (error) {
        runner_io.warning(`dev-metrics: OTLP job span skipped: ${String(error)}`);
    }
}


/***/ }),

/***/ 31365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kA: () => (/* binding */ buildRecord)
/* harmony export */ });
/* unused harmony exports ERROR_MAX_BYTES, ERROR_MAX_LINES */
/* harmony import */ var _core_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14130);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12258);
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14101);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78103);




/** Bound of the `error` field (UTF-8 bytes, reason line included): never the whole log. */
const ERROR_MAX_BYTES = 4096;
/** Lines of output the `error` field keeps at most. */
const ERROR_MAX_LINES = 40;
function commandFailed(result) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .commandOutcome */ .E2)(result).kind !== 'succeeded';
}
/** Why the step failed, in one line: what the failure message and an empty-output error say. */
function failureReason(result) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .commandOutcome */ .E2)(result).reason ?? 'succeeded';
}
function errorText(result, secrets) {
    if (result.cancelled)
        return 'cancelled';
    const reason = failureReason(result);
    // Redact the whole tail window first, then cut: a secret's label just before the cut is still
    // in the window when its value is recognised, and a secret straddling the cut is gone whole.
    const lines = (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(result.outputTail, secrets).trimEnd().split('\n');
    const tail = lines.slice(Math.max(0, lines.length - ERROR_MAX_LINES)).join('\n');
    if (!tail)
        return reason;
    return `${reason}\n${keepEnd(tail, ERROR_MAX_BYTES - Buffer.byteLength(reason) - 1)}`;
}
/**
 * The end of `text` within `maxBytes` UTF-8 bytes, behind "…" when cut: the last lines say why
 * it failed. The cut never splits a character, moves to a line start when one is near, and
 * otherwise skips the rest of a cut "***".
 */
function keepEnd(text, maxBytes) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= maxBytes)
        return text;
    const budget = Math.max(0, maxBytes - Buffer.byteLength(ELLIPSIS));
    let start = bytes.length - budget;
    while (start < bytes.length && (bytes[start] & 0xc0) === 0x80)
        start++;
    const newline = bytes.indexOf(0x0a, start);
    if (newline !== -1 && newline + 1 < bytes.length && newline - start < budget / 5) {
        start = newline + 1;
    }
    else {
        while (start < bytes.length && bytes[start] === 0x2a && bytes[start - 1] === 0x2a)
            start++;
    }
    return `${ELLIPSIS}${bytes.subarray(start).toString('utf8')}`;
}
const ELLIPSIS = '…';
function buildRecord(input) {
    const { result } = input;
    const failed = commandFailed(result);
    const ci = { ...input.ci };
    if (result.exitCode !== null && !result.cancelled)
        ci.exit_code = result.exitCode;
    return {
        name: input.name,
        started_at: (0,_core_record_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimestamp */ .Ey)(result.startedAt),
        ended_at: (0,_core_record_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimestamp */ .Ey)(result.endedAt),
        duration_ms: Math.round(result.durationMs * 1000) / 1000,
        status: failed ? 'failed' : 'success',
        metadata: (0,_core_values_js__WEBPACK_IMPORTED_MODULE_2__/* .withValues */ .tV)({ ...input.metadata, ci }, input.values ?? []),
        error: failed ? errorText(result, input.secrets ?? []) : null,
    };
}


/***/ }),

/***/ 7966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ setup)
});

// UNUSED EXPORTS: cacheTimeoutMs

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/action/context.ts

/**
 * Events whose payload carries `pull_request` and whose GITHUB_SHA is NOT the PR's head commit:
 * for pull_request* it is the temporary merge commit (refs/pull/N/merge), for
 * pull_request_target it is the base branch's tip. Timings belong to the commit the author
 * pushed, so we record pull_request.head.sha for these.
 */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
]);
/**
 * The run's CiContext.
 * @param env the process environment (GITHUB_*, RUNNER_*).
 * @param eventPayload the webhook payload; when omitted it is read from GITHUB_EVENT_PATH.
 *   A missing or unreadable/invalid file gives a context built from env alone.
 */
function readCiContext(env = process.env, eventPayload) {
    const payload = asObject(eventPayload === undefined ? readEventPayload(env.GITHUB_EVENT_PATH) : eventPayload);
    const event = nonEmpty(env.GITHUB_EVENT_NAME);
    const ref = nonEmpty(env.GITHUB_REF);
    const repository = asObject(payload?.repository);
    const prEvent = event !== undefined && PULL_REQUEST_EVENTS.has(event);
    const pr = prEvent ? asObject(payload?.pull_request) : undefined;
    const head = asObject(pr?.head);
    const base = asObject(pr?.base);
    const context = {
        provider: 'github-actions',
        repository: nonEmpty(env.GITHUB_REPOSITORY) ?? str(repository?.full_name),
        server_url: nonEmpty(env.GITHUB_SERVER_URL),
        sha: (pr ? str(head?.sha) : undefined) ?? nonEmpty(env.GITHUB_SHA),
        ref,
        branch: prEvent ? (nonEmpty(env.GITHUB_HEAD_REF) ?? str(head?.ref)) : branchOf(env, ref),
        event,
        pr_number: prEvent
            ? (context_int(pr?.number) ?? context_int(payload?.number) ?? prNumberOfRef(ref))
            : prNumberOfRef(ref),
        base_branch: prEvent ? (nonEmpty(env.GITHUB_BASE_REF) ?? str(base?.ref)) : undefined,
        // Scheduled runs always run on the default branch, whatever their payload carries.
        default_branch: str(repository?.default_branch) ?? (event === 'schedule' ? branchOf(env, ref) : undefined),
        workflow: nonEmpty(env.GITHUB_WORKFLOW),
        job: nonEmpty(env.GITHUB_JOB),
        run_id: nonEmpty(env.GITHUB_RUN_ID),
        run_attempt: context_int(env.GITHUB_RUN_ATTEMPT),
        runner_os: nonEmpty(env.RUNNER_OS),
        runner_arch: nonEmpty(env.RUNNER_ARCH),
    };
    // Drop absent fields so records carry no `"x": undefined` noise (and compare cleanly).
    for (const key of Object.keys(context)) {
        if (context[key] === undefined)
            delete context[key];
    }
    return context;
}
/** Parses the webhook payload file; undefined when the path is unset, unreadable or not JSON. */
function readEventPayload(path) {
    if (!path)
        return undefined;
    try {
        return asObject(JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
    }
    catch {
        return undefined;
    }
}
/**
 * Branch for non-PR runs: GITHUB_REF_NAME when the ref is a branch. Tag pushes have a
 * GITHUB_REF_NAME too (the tag), which is not a branch, so it is left out.
 */
function branchOf(env, ref) {
    if (ref?.startsWith('refs/heads/'))
        return nonEmpty(env.GITHUB_REF_NAME) ?? ref.slice('refs/heads/'.length);
    if (ref === undefined && env.GITHUB_REF_TYPE === 'branch')
        return nonEmpty(env.GITHUB_REF_NAME);
    return undefined;
}
/** refs/pull/12/merge → 12: the PR number when the payload is unavailable. */
function prNumberOfRef(ref) {
    const match = ref ? /^refs\/pull\/(\d+)\//.exec(ref) : null;
    return match ? Number(match[1]) : undefined;
}
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function str(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}
function context_int(value) {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

// EXTERNAL MODULE: ./src/action/inputs.ts
var action_inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/job.ts
var job = __webpack_require__(45461);
// EXTERNAL MODULE: ./src/action/otlp.ts + 3 modules
var otlp = __webpack_require__(52314);
;// CONCATENATED MODULE: ./src/action/setup.ts
/**
 * What main and post both derive from the inputs and the runner's variables. Cheap on purpose:
 * the cache client and the REST client are loaded only when a step needs them (historyOptions).
 */







/** Bound of the cache restore and of the save; the client itself sets none. */
function cacheTimeoutMs(value) {
    const ms = Number(value);
    return value && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
function setup(env = process.env) {
    const inputs = (0,action_inputs/* readInputs */.Ko)();
    if (Object.prototype.hasOwnProperty.call(inputs.metadata, 'ci')) {
        throw new action_inputs/* InputError */.dz('metadata', "Input 'metadata' must not use the key 'ci': the action stores the run's context there; rename your key.");
    }
    if (inputs.githubToken)
        runner_io.setSecret(inputs.githubToken);
    const otlpSecrets = (0,otlp/* maskOtlpHeaders */.yE)(inputs);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const ci = readCiContext(env, readEventPayload(env.GITHUB_EVENT_PATH));
    if (Object.keys(inputs.matrix).length > 0)
        ci.matrix = inputs.matrix;
    const metricsDir = external_node_path_default().resolve(workspace, inputs.metricsDir);
    const tempDir = env.RUNNER_TEMP ?? external_node_path_default().join(workspace, '.dev-metrics-tmp');
    const history = inputs.history === 'cache';
    const jobFile = (0,job/* jobStateFile */.tZ)(tempDir, {
        runId: ci.run_id ?? '0',
        runAttempt: ci.run_attempt ?? 1,
        job: ci.job ?? 'job',
        metricsDir,
        history: history ? `cache:${inputs.cacheKey}:${env.RUNNER_OS ?? ''}` : 'none',
    });
    const secrets = [
        ...(inputs.githubToken ? [inputs.githubToken] : []),
        ...(0,redact/* secretValuesFromEnv */.qp)(env),
        ...otlpSecrets,
    ];
    let options;
    const historyOptions = () => (options ??= history
        ? Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 55199)).then(({ defaultKeyPrefix, makeCacheLister }) => ({
            metricsDir,
            keyPrefix: defaultKeyPrefix(inputs.cacheKey, env.RUNNER_OS),
            branch: ci.branch ?? 'unknown',
            baseBranch: ci.base_branch,
            defaultBranch: ci.default_branch,
            ref: ci.ref,
            runId: ci.run_id ?? '0',
            runAttempt: ci.run_attempt ?? 1,
            jobKey: ci.job ?? 'job',
            lister: inputs.githubToken && ci.repository
                ? makeCacheLister(inputs.githubToken, ci.repository, env.GITHUB_API_URL)
                : null,
            daysToKeep: inputs.daysToKeep,
            timeoutMs: cacheTimeoutMs(env.DEV_METRICS_CACHE_TIMEOUT_MS),
        }))
        : Promise.resolve(null));
    return { inputs, ci, metricsDir, tempDir, history, jobFile, secrets, historyOptions };
}


/***/ }),

/***/ 84951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ BUILTIN_SHELL_NAMES),
/* harmony export */   aP: () => (/* binding */ builtinShell)
/* harmony export */ });
/* unused harmony export BUILTIN_SHELLS */
/**
 * The built-in shells of a `run:` step (`jobs.<id>.steps[*].shell`), as the runner knows them:
 * argument template and script file extension. One table: inputs.ts validates the `shell` input
 * against its names, command.ts runs the script with its template and extension.
 */
const BUILTIN_SHELLS = {
    bash: { args: '--noprofile --norc -eo pipefail {0}', extension: '.sh' },
    sh: { args: '-e {0}', extension: '.sh' },
    pwsh: { args: `-command ". '{0}'"`, extension: '.ps1' },
    powershell: { args: `-command ". '{0}'"`, extension: '.ps1' },
    python: { args: '{0}', extension: '.py' },
    cmd: { args: '/D /E:ON /V:OFF /S /C "CALL "{0}""', extension: '.cmd' },
};
const BUILTIN_SHELL_NAMES = Object.keys(BUILTIN_SHELLS);
/** The built-in shell of that command name (`bash`, `cmd`, …), if it is one. */
function builtinShell(name) {
    return Object.hasOwn(BUILTIN_SHELLS, name) ? BUILTIN_SHELLS[name] : undefined;
}


/***/ }),

/***/ 25745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kf: () => (/* binding */ BENCHMARK_TOOLS),
  L8: () => (/* reexport */ BenchmarkFormatError),
  Mk: () => (/* binding */ isBenchmarkTool),
  Ir: () => (/* binding */ parseBenchmarks)
});

// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(14101);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/benchmarks/common.ts
/**
 * What the benchmark parsers share: the error they throw for a file that is not the tool's
 * format, and the clean-up that makes a benchmark's name a value name.
 */


/** The file is not what the tool writes; the message says what was expected, in one line. */
class BenchmarkFormatError extends errors/* DevMetricsError */.xm {
}
/**
 * A value name for a benchmark as the tool names it: `=` (which a value line cannot hold) becomes
 * `:`, control characters a space, surrounding spaces go, and overlong names are cut.
 */
function benchmarkName(raw) {
    const name = raw
        .replace(/=/g, ':')
        // eslint-disable-next-line no-control-regex -- replacing control characters is the point
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim();
    return name.length > values/* MAX_VALUE_NAME */.BN ? name.slice(0, values/* MAX_VALUE_NAME */.BN).trimEnd() : name;
}
/** One benchmark's value; a bad name or number is a BenchmarkFormatError naming the benchmark. */
function benchmarkValue(rawName, value, unit, better) {
    const name = benchmarkName(rawName);
    if (name === '')
        throw new BenchmarkFormatError(`a benchmark has an empty name`);
    try {
        return (0,values/* checkValue */.Su)(name, value, { unit, better }, 'benchmark');
    }
    catch (error) {
        throw new BenchmarkFormatError(error.message);
    }
}
/** `1,234.5` → 1234.5 (libtest groups thousands with commas). */
function parseGroupedNumber(text) {
    return Number(text.replace(/,/g, ''));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** JSON.parse with a one-line error for the tool. */
function parseJsonFile(text, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new BenchmarkFormatError(`not valid JSON (${error.message}); expected ${what}`);
    }
}

;// CONCATENATED MODULE: ./src/core/benchmarks/cargo.ts
/**
 * `cargo bench` output of the built-in (nightly `#[bench]`) harness, and of harnesses that print
 * the same "bencher" lines (criterion's `--output-format bencher`):
 *   test tests::bench_fib_10 ... bench:         484.15 ns/iter (+/- 1,084.47)
 * The value is the median per iteration in the line's unit; rates (`MB/s`) are bigger-is-better.
 */


const LINE = /^test\s+(.+?)\s+\.\.\.\s+bench:\s+(\d[\d,]*(?:\.\d+)?)\s+(\S+)\s+\(\+\/-\s+[\d,.]+\)/;
function parseCargoBench(text) {
    const out = [];
    for (const raw of text.split(/\r?\n/)) {
        const match = LINE.exec(raw.trim());
        if (match === null)
            continue;
        const [, name, number, unit] = match;
        out.push(benchmarkValue(name, parseGroupedNumber(number), unit, (0,values/* defaultBetter */.m_)(unit)));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/benchmarks/custom.ts

const SHAPE = 'an array of {"name", "unit", "value"} objects';
function parseCustom(text, better) {
    const data = parseJsonFile(text, SHAPE);
    if (!Array.isArray(data))
        throw new BenchmarkFormatError(`expected ${SHAPE}, got no array`);
    return data.map((entry, index) => {
        if (!isObject(entry) || typeof entry['name'] !== 'string') {
            throw new BenchmarkFormatError(`entry ${index} has no "name" text; expected ${SHAPE}`);
        }
        const value = entry['value'];
        if (typeof value !== 'number') {
            throw new BenchmarkFormatError(`entry ${index} ("${entry['name']}") has no numeric "value"; expected ${SHAPE}`);
        }
        const unit = typeof entry['unit'] === 'string' ? entry['unit'] : undefined;
        return benchmarkValue(entry['name'], value, unit, better);
    });
}

;// CONCATENATED MODULE: ./src/core/benchmarks/go.ts
/**
 * `go test -bench` text output: `BenchmarkFib10-8   5000000   325 ns/op   0 B/op ...`. Each
 * benchmark's first measurement (ns/op: smaller is better) is its value. The `-8` GOMAXPROCS
 * suffix is dropped so a runner with another CPU count continues the same series; names that then
 * collide (`-cpu 1,2,4`, or one name in two packages) keep the suffix, then get the package.
 */


const go_LINE = /^(Benchmark\S*)\s+(\d+)\s+([-+]?\d[\d.eE+-]*)\s+(\S+)/;
const PROCS = /^(.+?)-(\d+)$/;
function parseGoBench(text) {
    const entries = [];
    let pkg = null;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line.startsWith('pkg:')) {
            pkg = line.slice(4).trim();
            continue;
        }
        const match = go_LINE.exec(line);
        if (match === null)
            continue;
        const [, fullName, , number, unit] = match;
        const value = Number(number);
        if (!Number.isFinite(value)) {
            throw new BenchmarkFormatError(`benchmark "${fullName}" has no number: ${JSON.stringify(line)}`);
        }
        const procs = PROCS.exec(fullName);
        entries.push({
            base: procs ? procs[1] : fullName,
            procs: procs ? procs[2] : null,
            pkg,
            value,
            unit,
        });
    }
    const names = uniqueNames(entries);
    return entries.map((e, i) => benchmarkValue(names[i], e.value, e.unit, (0,values/* defaultBetter */.m_)(e.unit)));
}
function uniqueNames(entries) {
    let names = entries.map((e) => e.base);
    // Each step applies only to names still shared, and only when it tells them apart.
    const steps = [
        (e, name) => (e.procs === null ? name : `${name}-${e.procs}`),
        (e, name) => (e.pkg === null ? name : `${name} (${e.pkg})`),
    ];
    for (const step of steps) {
        const groups = new Map();
        names.forEach((n, i) => groups.set(n, [...(groups.get(n) ?? []), i]));
        const next = [...names];
        for (const indexes of groups.values()) {
            if (indexes.length < 2)
                continue;
            const renamed = indexes.map((i) => step(entries[i], names[i]));
            if (new Set(renamed).size === 1)
                continue; // no help: keep the shorter name
            indexes.forEach((i, k) => (next[i] = renamed[k]));
        }
        names = next;
    }
    return names;
}

;// CONCATENATED MODULE: ./src/core/benchmarks/googlecpp.ts

const googlecpp_SHAPE = 'Google Benchmark JSON: {"benchmarks": [{"name", "real_time", "time_unit"}]}';
const SPREAD = new Set(['stddev', 'cv']);
function parseGoogleBenchmark(text) {
    const data = parseJsonFile(text, googlecpp_SHAPE);
    const benchmarks = isObject(data) ? data['benchmarks'] : undefined;
    if (!Array.isArray(benchmarks)) {
        throw new BenchmarkFormatError(`no "benchmarks" array; expected ${googlecpp_SHAPE}`);
    }
    const entries = benchmarks.map((entry, index) => {
        if (!isObject(entry) || typeof entry['name'] !== 'string') {
            throw new BenchmarkFormatError(`benchmark ${index} has no "name"; expected ${googlecpp_SHAPE}`);
        }
        return entry;
    });
    const aggregated = new Set(entries.filter((e) => e['run_type'] === 'aggregate').map((e) => String(e['run_name'])));
    const out = [];
    for (const entry of entries) {
        const name = entry['name'];
        if (entry['error_occurred'] === true)
            continue; // the tool reports no time for it
        if (entry['run_type'] === 'aggregate') {
            if (SPREAD.has(String(entry['aggregate_name'])))
                continue;
        }
        else if (aggregated.has(String(entry['run_name']))) {
            continue;
        }
        const time = entry['real_time'];
        if (typeof time !== 'number') {
            throw new BenchmarkFormatError(`benchmark "${name}" has no numeric "real_time"`);
        }
        const unit = typeof entry['time_unit'] === 'string' ? entry['time_unit'] : 'ns';
        out.push(benchmarkValue(name, time, unit, 'smaller'));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/benchmarks/pytest.ts

const pytest_SHAPE = 'pytest-benchmark JSON: {"benchmarks": [{"fullname", "stats": {"ops"}}]}';
function parsePytestBenchmark(text) {
    const data = parseJsonFile(text, pytest_SHAPE);
    const benchmarks = isObject(data) ? data['benchmarks'] : undefined;
    if (!Array.isArray(benchmarks)) {
        throw new BenchmarkFormatError(`no "benchmarks" array; expected ${pytest_SHAPE}`);
    }
    return benchmarks.map((entry, index) => {
        const name = isObject(entry) ? (entry['fullname'] ?? entry['name']) : undefined;
        if (typeof name !== 'string') {
            throw new BenchmarkFormatError(`benchmark ${index} has no "fullname"; expected ${pytest_SHAPE}`);
        }
        const stats = entry['stats'];
        const ops = isObject(stats) ? stats['ops'] : undefined;
        if (typeof ops !== 'number') {
            throw new BenchmarkFormatError(`benchmark "${name}" has no numeric "stats.ops"`);
        }
        return benchmarkValue(name, ops, 'iter/sec', 'bigger');
    });
}

;// CONCATENATED MODULE: ./src/core/benchmarks/index.ts







const BENCHMARK_TOOLS = [
    'customSmallerIsBetter',
    'customBiggerIsBetter',
    'googlecpp',
    'pytest',
    'go',
    'cargo',
];
function isBenchmarkTool(value) {
    return BENCHMARK_TOOLS.includes(value);
}
const PARSERS = {
    customSmallerIsBetter: (text) => parseCustom(text, 'smaller'),
    customBiggerIsBetter: (text) => parseCustom(text, 'bigger'),
    googlecpp: parseGoogleBenchmark,
    pytest: parsePytestBenchmark,
    go: parseGoBench,
    cargo: parseCargoBench,
};
/**
 * The benchmarks of one result file. Throws BenchmarkFormatError (one line) when the text is not
 * the tool's format or holds no benchmark; a name given twice keeps its last value.
 */
function parseBenchmarks(tool, text) {
    const values = PARSERS[tool](text);
    if (values.length === 0) {
        throw new BenchmarkFormatError(`no ${tool} benchmark results found in it`);
    }
    return values;
}


/***/ }),

/***/ 74296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   eF: () => (/* binding */ requireNonNegativeInteger),
/* harmony export */   xm: () => (/* binding */ DevMetricsError)
/* harmony export */ });
/**
 * The one error type the library throws for caller mistakes (bad argument, unknown id, invalid
 * record). Its message is a single line naming the argument and the fix, so the CLI and the Action
 * can print it as is, without a stack trace.
 */
class DevMetricsError extends Error {
    name = 'DevMetricsError';
    constructor(message, options) {
        super(message, options);
    }
}
/** Checks a count-of-days-like argument: a non-negative integer, or a one-line error naming it. */
function requireNonNegativeInteger(value, argument) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new DevMetricsError(`${argument} must be a whole number >= 0, got ${describeValue(value)}; pass e.g. 7`);
    }
    return value;
}
/** A short, safe rendering of a bad argument for an error message. */
function describeValue(value) {
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (typeof value === 'number' || typeof value === 'boolean' || value == null)
        return String(value);
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 92436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ BLANK_LINE),
/* harmony export */   w: () => (/* binding */ parseJsonLine)
/* harmony export */ });
/**
 * Parsing one line of a day file as other writers leave it. JSON.parse does the work; only when it
 * fails does the line get a second look, for what the Python tool and editors write that strict
 * JSON refuses: a UTF-8 byte-order mark, and bare `NaN`, `Infinity`, `-Infinity` (Python's
 * json.dumps default). CRLF needs nothing: '\r' is JSON whitespace.
 */
const BOM = 0xfeff;
/** What parseJsonLine returns for a line with nothing on it (not a record, not malformed). */
const BLANK_LINE = Symbol('blank line');
const NON_FINITE = [
    ['-Infinity', -Infinity],
    ['Infinity', Infinity],
    ['NaN', NaN],
];
/**
 * The parsed value of a JSON line, BLANK_LINE for an empty or whitespace-only line, or undefined
 * when the line is unreadable. Never throws; iterative, so any nesting depth is safe.
 */
function parseJsonLine(line) {
    try {
        return JSON.parse(line);
    }
    catch {
        // fall through to the second look: the strict parse is the hot path
    }
    const text = line.charCodeAt(0) === BOM ? line.slice(1) : line;
    if (text.trim().length === 0)
        return BLANK_LINE;
    if (text !== line) {
        try {
            return JSON.parse(text);
        }
        catch {
            // a BOM and NaN together: go on
        }
    }
    return parseWithNonFinite(text);
}
/**
 * JSON.parse for a line with bare NaN/Infinity/-Infinity tokens: a tokenizer that knows where
 * strings are swaps each bare token (never text inside a string) for a sentinel string, JSON.parse
 * reads the result, and a walk puts the numbers back. A string of the line that happens to equal
 * the sentinel shows up as an extra hit; then another sentinel is tried.
 */
function parseWithNonFinite(text) {
    if (!text.includes('NaN') && !text.includes('Infinity'))
        return undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
        const sentinel = `\u0000dev-metrics-non-finite-${attempt}-`;
        const rewritten = replaceBareTokens(text, sentinel);
        if (rewritten === null)
            return undefined;
        let value;
        try {
            value = JSON.parse(rewritten.text);
        }
        catch {
            return undefined;
        }
        const restored = restoreNonFinite(value, sentinel);
        if (restored === 'invalid')
            return undefined;
        if (restored === rewritten.count)
            return value;
        // A string of the line equals a sentinel: try another.
    }
    return undefined;
}
/** The line with each bare non-finite token replaced by the string sentinel + index; null if none. */
function replaceBareTokens(text, sentinel) {
    let out = '';
    let last = 0;
    let count = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */) {
            i++;
            while (i < n) {
                const d = text.charCodeAt(i);
                if (d === 92 /* \ */)
                    i += 2;
                else if (d === 34)
                    break;
                else
                    i++;
            }
            i++;
            continue;
        }
        if (c === 78 /* N */ || c === 73 /* I */ || c === 45 /* - */) {
            const index = NON_FINITE.findIndex(([token]) => text.startsWith(token, i));
            if (index !== -1) {
                out += text.slice(last, i) + JSON.stringify(`${sentinel}${index}`);
                i += NON_FINITE[index][0].length;
                last = i;
                count++;
                continue;
            }
        }
        i++;
    }
    return count === 0 ? null : { text: out + text.slice(last), count };
}
/**
 * Replaces sentinel strings in objects and arrays (in place) by their numbers; returns how many, or
 * 'invalid' when a sentinel is a key (the line had a bare NaN where a key goes). Explicit stack:
 * metadata may nest deeper than the call stack.
 */
function restoreNonFinite(root, sentinel) {
    const decode = (v) => {
        if (typeof v !== 'string' || !v.startsWith(sentinel))
            return undefined;
        const entry = NON_FINITE[Number(v.slice(sentinel.length))];
        return entry === undefined || v.length !== sentinel.length + 1 ? undefined : entry[1];
    };
    const top = decode(root);
    if (top !== undefined)
        return 1; // a bare NaN line is not a record; counted all the same
    let count = 0;
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        const container = node;
        for (const key of Object.keys(container)) {
            if (decode(key) !== undefined)
                return 'invalid';
            const child = container[key];
            const number = decode(child);
            if (number !== undefined) {
                // defineProperty: a plain assignment to a "__proto__" key would hit the setter.
                Object.defineProperty(container, key, { value: number });
                count++;
            }
            else if (typeof child === 'object' && child !== null) {
                stack.push(child);
            }
        }
    }
    return count;
}


/***/ }),

/***/ 5737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ stringifyJson)
/* harmony export */ });
/**
 * JSON.stringify that survives any nesting depth. Metadata read from a day file can nest deeper
 * than the call stack (JSON.parse is iterative, JSON.stringify is not: 100,000 levels throw
 * "Maximum call stack size exceeded"). The native call stays the fast path; only when it runs out
 * of stack does an iterative writer with the same output for JSON data take over.
 */
/**
 * Indented output stops indenting below this depth (those members are written compact, still valid
 * JSON): indenting 100,000 levels would take 10^10 characters of spaces.
 */
const MAX_INDENTED_DEPTH = 100;
/**
 * JSON text of `value` (plain JSON data: what a day file holds), like
 * JSON.stringify(value, null, space), whatever its depth.
 */
function stringifyJson(value, space) {
    try {
        return JSON.stringify(value, null, space);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
    }
    return stringifyIteratively(value, space === undefined ? '' : ' '.repeat(Math.min(10, space)));
}
/** What a member's value becomes, as JSON.stringify decides it (toJSON, then type). */
function prepare(value, key) {
    if (typeof value === 'object' &&
        value !== null &&
        typeof value.toJSON === 'function') {
        return value.toJSON(key);
    }
    return value;
}
/** A scalar's JSON text, or undefined for what JSON leaves out (undefined, functions, symbols). */
function scalarText(value) {
    switch (typeof value) {
        case 'string':
            return JSON.stringify(value);
        case 'number':
            return Number.isFinite(value) ? String(value) : 'null';
        case 'boolean':
            return value ? 'true' : 'false';
        case 'bigint':
            return JSON.stringify(value); // throws the native TypeError
        default:
            return value === null ? 'null' : undefined;
    }
}
function stringifyIteratively(root, step) {
    const out = [];
    const stack = [];
    const seen = new Set();
    /** Writes a scalar, or opens a container (pushing its frame); false when nothing is written. */
    const open = (value, indent, depth) => {
        if (typeof value !== 'object' || value === null) {
            const text = scalarText(value);
            if (text === undefined)
                return false;
            out.push(text);
            return true;
        }
        if (seen.has(value))
            throw new TypeError('Converting circular structure to JSON');
        seen.add(value);
        const isArray = Array.isArray(value);
        out.push(isArray ? '[' : '{');
        stack.push({
            keys: isArray ? null : Object.keys(value),
            container: value,
            next: 0,
            indent,
            depth,
            wrote: false,
        });
        return true;
    };
    const top = open(prepare(root, ''), '', 0);
    if (!top)
        return undefined; // as JSON.stringify(undefined)
    while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        const pretty = step !== '' && frame.depth < MAX_INDENTED_DEPTH;
        const newline = pretty ? '\n' : '';
        const inner = pretty ? frame.indent + step : '';
        const length = frame.keys === null ? frame.container.length : frame.keys.length;
        if (frame.next >= length) {
            stack.pop();
            seen.delete(frame.container);
            if (frame.wrote && pretty)
                out.push(`\n${frame.indent}`);
            out.push(frame.keys === null ? ']' : '}');
            continue;
        }
        const index = frame.next++;
        const key = frame.keys === null ? String(index) : frame.keys[index];
        const value = prepare(frame.container[key], key);
        const separator = (frame.wrote ? ',' : '') + newline + inner;
        if (frame.keys === null) {
            out.push(separator);
            if (!open(value, inner, frame.depth + 1))
                out.push('null');
            frame.wrote = true;
        }
        else {
            const mark = out.length;
            out.push(separator + JSON.stringify(key) + (pretty ? ': ' : ':'));
            if (open(value, inner, frame.depth + 1))
                frame.wrote = true;
            else
                out.length = mark; // undefined, a function: the key is left out
        }
    }
    return out.join('');
}


/***/ }),

/***/ 14130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ parseTimestamp),
/* harmony export */   Ey: () => (/* binding */ formatTimestamp),
/* harmony export */   OS: () => (/* binding */ validRecordStartMs),
/* harmony export */   Om: () => (/* binding */ serializeRecord),
/* harmony export */   pY: () => (/* binding */ normalizeRecord),
/* harmony export */   sO: () => (/* binding */ DAY_MS),
/* harmony export */   u6: () => (/* binding */ dayFileName),
/* harmony export */   xY: () => (/* binding */ hasNonFiniteDuration)
/* harmony export */ });
/* unused harmony exports RECORD_KEYS, canonicalTimestamp, recordProblem, parseRecord */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _json_line_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92436);
/* harmony import */ var _json_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5737);
/**
 * The execution record: the on-disk format shared with the Python tool this project grew out of.
 * One JSON object per line, exactly these keys, in files named after the UTC date of `started_at`.
 */



/** The key order the Python tool writes; kept so files diff cleanly between the two tools. */
/** Milliseconds in a day (UTC days: records carry UTC times). The one definition. */
const DAY_MS = 86_400_000;
const RECORD_KEYS = (/* unused pure expression or super */ null && ([
    'name',
    'started_at',
    'ended_at',
    'duration_ms',
    'status',
    'metadata',
    'error',
]));
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function pad(value, width) {
    return String(value).padStart(width, '0');
}
function isLeapYear(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}
/** The 2-digit decimal number at text[at..at+2), or -1 when either character is not a digit. */
function twoDigits(text, at) {
    const tens = text.charCodeAt(at) - 48;
    const ones = text.charCodeAt(at + 1) - 48;
    return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
/**
 * Formats an instant as the Python tool does (`datetime.utcnow().isoformat()`): UTC, no offset,
 * microseconds with 6 digits, the fraction left out when it is zero.
 * Accepts a Date or epoch milliseconds (fractional milliseconds keep microsecond precision).
 */
function formatTimestamp(date) {
    const ms = typeof date === 'number' ? date : date.getTime();
    if (!Number.isFinite(ms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm('formatTimestamp: invalid date; pass a valid Date or epoch ms');
    }
    // Work in integer microseconds so 0.1 ms steps do not pick up binary rounding noise.
    const totalMicros = Math.round(ms * 1000);
    const seconds = Math.floor(totalMicros / 1e6);
    const micros = totalMicros - seconds * 1e6;
    const d = new Date(seconds * 1000);
    const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
        `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
    return micros === 0 ? text : `${text}.${pad(micros, 6)}`;
}
/**
 * Parses a record timestamp to epoch milliseconds (fraction kept below 1 ms), or NaN when it is not
 * one. Accepts `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`, as Python's `str(datetime)` writes
 * it), then optionally `.` and 1–9 fraction digits, then optionally `Z` or `±HH:MM` (or `±HHMM`).
 * No offset means UTC, the Python tool's convention.
 * Hand-written rather than a regex + Date.UTC: it runs twice per line read, so it is the hot path.
 */
function parseTimestamp(text) {
    if (typeof text !== 'string' || text.length < 19)
        return NaN;
    const century = twoDigits(text, 0);
    const yearOfCentury = twoDigits(text, 2);
    const year = century * 100 + yearOfCentury;
    const month = twoDigits(text, 5);
    const day = twoDigits(text, 8);
    const hour = twoDigits(text, 11);
    const minute = twoDigits(text, 14);
    const second = twoDigits(text, 17);
    if (text.charCodeAt(4) !== 45 || // -
        text.charCodeAt(7) !== 45 ||
        (text.charCodeAt(10) !== 84 && text.charCodeAt(10) !== 32) || // T or space
        text.charCodeAt(13) !== 58 || // :
        text.charCodeAt(16) !== 58 ||
        century < 0 ||
        yearOfCentury < 0 ||
        month < 1 ||
        month > 12 ||
        day < 1 ||
        day > DAYS_IN_MONTH[month - 1] ||
        (month === 2 && day === 29 && !isLeapYear(year)) ||
        hour < 0 ||
        hour > 23 ||
        minute < 0 ||
        minute > 59 ||
        second < 0 ||
        second > 59) {
        return NaN;
    }
    let ms = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
    let at = 19;
    const length = text.length;
    if (at < length && text.charCodeAt(at) === 46) {
        // '.', then 1–9 digits; scaled to nanoseconds so every digit count divides the same way.
        let nanos = 0;
        let count = 0;
        at++;
        while (at < length) {
            const digit = text.charCodeAt(at) - 48;
            if (digit < 0 || digit > 9)
                break;
            if (++count > 9)
                return NaN;
            nanos = nanos * 10 + digit;
            at++;
        }
        if (count === 0)
            return NaN;
        for (let i = count; i < 9; i++)
            nanos *= 10;
        ms += nanos / 1e6;
    }
    if (at === length)
        return ms;
    const sign = text.charCodeAt(at);
    if (sign === 90 /* Z */)
        return at + 1 === length ? ms : NaN;
    if (sign !== 43 /* + */ && sign !== 45 /* - */)
        return NaN;
    const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0;
    if (at + 5 + colon !== length)
        return NaN;
    const offsetHours = twoDigits(text, at + 1);
    const offsetMinutes = twoDigits(text, at + 3 + colon);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
        return NaN;
    const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
    // Local time = UTC + offset, so UTC = local - offset.
    return sign === 43 ? ms - offsetMs : ms + offsetMs;
}
/**
 * The canonical form of a stored timestamp the reader accepted: `str(datetime)`'s space becomes the
 * `T` that isoformat() writes (the rest is the same), so what is read can be compared and rewritten.
 * One char check: this runs per record read.
 */
function canonicalTimestamp(text) {
    return text.charCodeAt(10) === 32 ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
}
/** `YYYY-MM-DD.jsonl`, the day file a record belongs to: the UTC date of its `started_at`. */
function dayFileName(startedAt) {
    const ms = typeof startedAt === 'string' ? parseTimestamp(startedAt) : startedAt;
    if (typeof ms === 'number' && !Number.isFinite(ms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`dayFileName: started_at ${JSON.stringify(startedAt)} is not a timestamp; ` +
            'use ISO 8601 like 2025-10-20T10:30:05.123000');
    }
    return `${formatTimestamp(ms).slice(0, 10)}.jsonl`;
}
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/**
 * started_at in epoch ms when `value` is a valid execution record, else NaN. The reading hot path:
 * one pass, no allocation. recordProblem says what is wrong; both apply the same rules.
 */
function validRecordStartMs(value) {
    if (!isPlainObject(value))
        return NaN;
    const r = value;
    const name = r.name;
    const duration = r.duration_ms;
    const status = r.status;
    const error = r.error;
    if (typeof name !== 'string' ||
        name.length === 0 ||
        typeof duration !== 'number' ||
        !(duration >= 0 && duration < Infinity) ||
        (status !== 'success' && status !== 'failed') ||
        // A missing error is null: the Python tool leaves the key out of some lines.
        (error !== null && error !== undefined && typeof error !== 'string') ||
        !isPlainObject(r.metadata) ||
        typeof r.ended_at !== 'string' ||
        Number.isNaN(parseTimestamp(r.ended_at)) ||
        typeof r.started_at !== 'string') {
        return NaN;
    }
    return parseTimestamp(r.started_at);
}
/**
 * True for a record that would be valid but for a duration_ms of NaN or ±Infinity (Python's
 * json.dumps writes them). Such a record has no duration to measure: the reader counts it apart
 * from malformed lines and leaves it out of statistics and listings.
 */
function hasNonFiniteDuration(value) {
    if (!isPlainObject(value))
        return false;
    const duration = value.duration_ms;
    if (typeof duration !== 'number' || Number.isFinite(duration))
        return false;
    return Number.isFinite(validRecordStartMs({ ...value, duration_ms: 0 }));
}
/**
 * What is wrong with `value` as an execution record, or null when it is a valid one. Strict about
 * types so a bad line never reaches the statistics; extra keys are tolerated (and dropped by
 * parseRecord) because a newer writer may add some.
 */
function recordProblem(value) {
    if (!isPlainObject(value))
        return 'not a JSON object';
    const r = value;
    if (typeof r.name !== 'string' || r.name.length === 0)
        return 'name is not a non-empty string';
    if (typeof r.started_at !== 'string' || Number.isNaN(parseTimestamp(r.started_at))) {
        return 'started_at is not an ISO 8601 timestamp';
    }
    if (typeof r.ended_at !== 'string' || Number.isNaN(parseTimestamp(r.ended_at))) {
        return 'ended_at is not an ISO 8601 timestamp';
    }
    const duration = r.duration_ms;
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
        return 'duration_ms is not a finite number >= 0';
    }
    if (r.status !== 'success' && r.status !== 'failed')
        return 'status is not "success" or "failed"';
    if (!isPlainObject(r.metadata))
        return 'metadata is not an object';
    if (r.error !== null && r.error !== undefined && typeof r.error !== 'string') {
        return 'error is not a string or null';
    }
    return null;
}
/**
 * A validated record from a parsed object or a JSON line, or null when it is not a valid record.
 * The result has exactly the record keys, in file order.
 */
function parseRecord(input) {
    let value = input;
    if (typeof input === 'string')
        value = parseJsonLine(input);
    if (Number.isNaN(validRecordStartMs(value)))
        return null;
    return normalizeRecord(value);
}
/**
 * A valid record with exactly the record keys, in file order, whatever else its line carried, in
 * canonical form: `T` in timestamps, a missing error as null (forms the reader accepts from the
 * Python tool, never written back).
 */
function normalizeRecord(record) {
    return {
        name: record.name,
        started_at: canonicalTimestamp(record.started_at),
        ended_at: canonicalTimestamp(record.ended_at),
        duration_ms: record.duration_ms,
        status: record.status,
        metadata: record.metadata,
        error: record.error ?? null,
    };
}
/**
 * One JSON line (no trailing newline), keys in RECORD_KEYS order. Refuses what the reader would
 * skip, so nothing written is ever lost on the way back.
 */
function serializeRecord(record) {
    const problem = recordProblem(record);
    if (problem !== null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`Invalid execution record: ${problem}; fix the record before writing it`);
    }
    try {
        return (0,_json_text_js__WEBPACK_IMPORTED_MODULE_2__/* .stringifyJson */ .s)(normalizeRecord(record));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`Invalid execution record: metadata is not JSON-serializable (${error.message}); ` +
            'keep metadata to plain JSON values', { cause: error });
    }
}


/***/ }),

/***/ 12258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   l9: () => (/* binding */ sanitizeErrorText),
/* harmony export */   qp: () => (/* binding */ secretValuesFromEnv)
/* harmony export */ });
/* unused harmony exports REDACTED, truncateError */
/**
 * Redaction of secret-shaped text and truncation of error output. The one redaction of the
 * project: every record's `error` is redacted when it is written (the action's records, and the
 * library's trackExecution/DevMetricsCollector), and every report (job summary, dashboard)
 * redacts again what it publishes, since a history may hold records from older writers.
 * Redaction is best effort by shape; callers also pass known secret values (the token, values of
 * secret-named environment variables) as `extraSecrets`.
 */
/** What a secret is replaced by. */
const REDACTED = '***';
/**
 * Order matters: whole blocks first (a private key contains base64 that later rules would only
 * partly catch), then assignments and headers that name what follows, then bare token shapes.
 * Every pattern stays linear on hostile input (megabytes of one character class): repetitions
 * that could rescan from many start positions are bounded.
 */
const RULES = [
    // PEM private keys, including a block cut off before its END line.
    {
        pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
        replace: (_m, kind) => `-----BEGIN ${kind}PRIVATE KEY----- ${REDACTED} -----END ${kind}PRIVATE KEY-----`,
    },
    // Incoming-webhook URLs, where the path itself is the credential: Slack (services, workflow and
    // trigger hooks), Discord, Teams' Office 365 connectors. Matched with or without a scheme;
    // Teams' by the literal after the tenant's host (a scan from every word start costs 40×).
    {
        pattern: /((?<![\w.-])(?:https?:\/\/)?hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)[\w/-]+/gi,
        replace: (_m, head) => `${head}${REDACTED}`,
    },
    {
        pattern: /((?<![\w.-])(?:https?:\/\/)?(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/)[\w/-]+/gi,
        replace: (_m, head) => `${head}${REDACTED}`,
    },
    {
        pattern: /((?:\.webhook\.office\.com\/webhookb2|(?<![\w.-])outlook\.office(?:365)?\.com\/webhook(?:b2)?)\/)[\w@/.%-]+/gi,
        replace: (_m, head) => `${head}${REDACTED}`,
    },
    // Signed URLs: the signature is the credential. Teams/Power Automate workflow URLs
    // (*.logic.azure.com, *.environment.api.powerplatform.com: `…/invoke?…&sig=…`), Azure SAS,
    // S3 and GCS presigned URLs.
    {
        pattern: /([?&](?:sig|signature|x-amz-signature|x-goog-signature)=)(?!\*\*\*)[^&\s"'#<>]+/gi,
        replace: (_m, head) => `${head}${REDACTED}`,
    },
    // URLs with credentials: scheme://user:password@host (the user stays, it helps debugging).
    // The user may be empty (redis://:pw@host); the password runs to the LAST "@" before the path,
    // since an unencoded "@" in a password is common and the part after it would leak.
    {
        pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:/?#@'"]*):[^\s/?#'"]+@/gi,
        replace: (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`,
    },
    // HTTP Authorization headers: keep the scheme word, drop the credentials.
    {
        pattern: /\b(authorization["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|digest)\s+)?[^\s"',;]+/gi,
        replace: (_m, head, scheme) => `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
    },
    // `Bearer xxx` anywhere (curl -H, logs).
    {
        pattern: /\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi,
        replace: (_m, scheme) => `${scheme} ${REDACTED}`,
    },
    // `token xxx` as GitHub's API accepts it; the value must look like a credential (has a digit
    // and 16+ characters) so prose such as "token expired" is left alone.
    {
        pattern: /\b(token)(\s+)(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*/gi,
        replace: (_m, word, space) => `${word}${space}${REDACTED}`,
    },
    // AWS secret access keys after a name that says so (aws_secret_access_key = …, secret key: …,
    // the `aws configure` prompt). A bare 40-character string is left alone: hashes look the same.
    {
        pattern: /(?<![A-Za-z0-9])((?:aws[ _-]?)?secret[ _-]?(?:access[ _-]?)?key["']?[ \t]*(?:\[[^\]\r\n]{0,64}\][ \t]*)?[:=][ \t]*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/gi,
        replace: (_m, head) => `${head}${REDACTED}`,
    },
    // `--password VALUE` and openssl's `-passin pass:VALUE`: a flag naming a secret, then its value
    // after blanks. Help-text placeholders (PASSWORD, <token>), masks and openssl's non-literal
    // sources (env:, file:, fd:, stdin) are left; `--password-file`/`--password-stdin` never match.
    {
        pattern: /(?<![\w-])(--(?:password|passwd|pass|passphrase|client-secret|api-key|token)|-pass(?:in|out)?)(?![\w-])([ \t]+)("[^"\r\n]{1,256}"|'[^'\r\n]{1,256}'|[^\s"']+)/gi,
        replace: (match, flag, space, value) => {
            if (isPlaceholder(value))
                return match;
            const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
            return `${flag}${space}${quote}${REDACTED}${quote}`;
        },
    },
    // key=value / key: value / "key": "value" where the key names a secret. A quoted value is
    // redacted to its closing quote (it may hold spaces), also inside a JSON string (\"…\"); the
    // length bound keeps the search short, and a quote not closed within it (a long value, or the
    // line was cut) is redacted to the end of the line. Unquoted, it ends at a separator. Keys that
    // name where a secret is rather than the secret (`PASSWORD_FILE`, `PWD=/path`) are left.
    {
        pattern: /\b([\w.-]{0,40}?(?:password|passwd|pwd|[_.-]pass(?![a-z0-9])|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|client[_-]?secret|private[_-]?key|token)[\w.-]{0,40})(\\?["']?[ \t]*[:=][ \t]*)(?:\\"((?:[^"\\\r\n]|\\[^"\r\n]){0,256})\\"|"((?:[^"\\\r\n]|\\.){0,256})"|'([^'\r\n]{0,256})'|(\\?["'])[^\r\n]*|(?!\*\*\*)[^\s"',;&]+)/gi,
        replace: (match, key, sep, escaped, double, single, open) => {
            if (NOT_A_SECRET_KEY.test(key) || (escaped ?? double ?? single) === '')
                return match;
            if (/^(?:old)?pwd$/i.test(key) &&
                /^(?:[/~]|[A-Za-z]:[\\/])/.test(match.slice(key.length + sep.length)))
                return match; // the working directory in an env dump
            if (escaped !== undefined)
                return `${key}${sep}\\"${REDACTED}\\"`;
            if (double !== undefined)
                return `${key}${sep}"${REDACTED}"`;
            if (single !== undefined)
                return `${key}${sep}'${REDACTED}'`;
            if (open !== undefined)
                return `${key}${sep}${open}${REDACTED}`;
            return `${key}${sep}${REDACTED}`;
        },
    },
    // Bare token shapes are bounded by "not a letter or digit" rather than \b, which counts "_" as a
    // word character and so missed `ghp_…_suffix` and `PREFIX_ghp_…`.
    // GitHub tokens: classic (ghp_/gho_/ghu_/ghs_/ghr_) and fine-grained (github_pat_).
    {
        pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{20,255}(?![A-Za-z0-9])/g,
        replace: REDACTED,
    },
    {
        pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,255}(?![A-Za-z0-9_])/g,
        replace: REDACTED,
    },
    // AWS access key ids.
    {
        pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
        replace: REDACTED,
    },
    // JSON Web Tokens: header.payload.signature, header and payload base64url JSON ("eyJ").
    { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, replace: REDACTED },
    // A few other common token shapes: npm, Slack, GitLab, Google API keys.
    { pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, replace: REDACTED },
    { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
    { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, replace: REDACTED },
    { pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, replace: REDACTED },
];
/** Keys that say where a secret is kept, not what it is. */
const NOT_A_SECRET_KEY = /[_.-](?:file|path|dir|stdin|fd|env|length|len|policy|prompt|hint|field)$/i;
/** Values after a secret-named flag that are not secrets: help placeholders, masks, sources. */
function isPlaceholder(value) {
    return /^(?:[A-Z_]{1,20}|<[^>]*>|\[[^\]]*\]|\*+|stdin|(?:env|file|fd):.*)$/.test(value);
}
/**
 * Replaces secret-shaped substrings with "***": GitHub tokens, Bearer/token auth values,
 * Authorization headers, AWS access key ids and secret-key assignments, URL passwords,
 * `curl -u user:password`, Slack/Discord/Teams webhook URLs, URL signatures (`sig=`),
 * password=/secret=/api_key=/token=/…_PASS= assignments and `--password VALUE` flags, PEM
 * private keys, JWTs, and any literal value in `extraSecrets` (values shorter than 4 characters
 * are ignored: they would mangle the text).
 */
function redactSecrets(text, extraSecrets = []) {
    let out = text;
    // Known values first and longest first, so a secret containing another is replaced whole.
    const literals = [...new Set(extraSecrets)].filter((s) => s.length >= 4);
    literals.sort((a, b) => b.length - a.length);
    for (const secret of literals)
        out = out.split(secret).join(REDACTED);
    out = redactOrphanKeyTails(out);
    out = redactCurlUsers(out);
    for (const rule of RULES) {
        out = out.replace(rule.pattern, rule.replace);
    }
    return out;
}
/**
 * The tail of a key block whose BEGIN line is not in the text (output cut before it reached
 * us): the base64 lines right above each END line. Found from the END line backwards, since a
 * regex anchored on base64 lines would rescan every line of a large base64 dump.
 */
function redactOrphanKeyTails(text) {
    const end = /^-----END ([A-Z0-9 ]*)PRIVATE KEY-----/gm;
    let out = '';
    let last = 0;
    for (let m = end.exec(text); m !== null; m = end.exec(text)) {
        let start = m.index;
        for (;;) {
            const prevEnd = start - 1; // the newline before the current line
            if (prevEnd < last)
                break;
            const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
            const line = text.slice(prevStart, prevEnd).replace(/\r$/, '');
            if (!/^[A-Za-z0-9+/=]{16,}$/.test(line) || prevStart < last)
                break;
            start = prevStart;
        }
        if (start < m.index) {
            out += `${text.slice(last, start)}${REDACTED}\n`;
            last = m.index;
        }
    }
    return out + text.slice(last);
}
const CURL = /(?<![\w.-])curl(?:\.exe)?(?![\w.-])/gi;
/** curl's credential options: -u/-U/--user/--proxy-user user:password (also -uuser:password). */
const CURL_USER = /(\s(?:-[uU][ \t]*|--(?:proxy-)?user(?:[ \t]+|=)))(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"']+))/g;
/** How far a curl command is followed across continuation lines. */
const CURL_SPAN_MAX = 16_384;
/**
 * `curl -u user:password`: the password after the first ":" is dropped, the user kept. Only
 * within a curl command (its line and its `\` / PowerShell "`" / cmd `^` continuation lines),
 * since `-u` means something else to most tools (`sort -u`, `docker run -u 1000:1000`).
 */
function redactCurlUsers(text) {
    CURL.lastIndex = 0;
    let out = '';
    let last = 0;
    for (let m = CURL.exec(text); m !== null; m = CURL.exec(text)) {
        const start = m.index + m[0].length;
        let end = start;
        for (;;) {
            const newline = text.indexOf('\n', end);
            end = newline === -1 ? text.length : newline;
            if (newline === -1 || end - start >= CURL_SPAN_MAX)
                break;
            if (!/[\\`^]\r?$/.test(text.slice(Math.max(start, end - 2), end)))
                break;
            end += 1; // continued on the next line
        }
        end = Math.min(end, start + CURL_SPAN_MAX);
        const span = text.slice(start, end).replace(CURL_USER, (match, head, double, single, bare) => {
            const value = (double ?? single ?? bare);
            const colon = value.indexOf(':');
            if (colon === -1)
                return match; // no password given: curl prompts for it
            const quote = double !== undefined ? '"' : single !== undefined ? "'" : '';
            return `${head}${quote}${value.slice(0, colon)}:${REDACTED}${quote}`;
        });
        out += text.slice(last, start) + span;
        last = end;
        CURL.lastIndex = end;
    }
    return out + text.slice(last);
}
/**
 * Keeps the END of `text` (the last lines of a failing command say what went wrong), within
 * `maxChars` in total, behind a first line "… (N characters omitted)". The cut is moved to a
 * line start when one is near, and never splits a surrogate pair. `omittedBefore` counts
 * characters already dropped from the front by the caller.
 */
function truncateError(text, maxChars, omittedBefore = 0) {
    if (text.length <= maxChars && omittedBefore === 0)
        return text;
    // The marker's width depends on N; reserve for the longest N possible.
    const reserve = `… (${text.length + omittedBefore} characters omitted)\n`.length;
    const budget = Math.max(0, maxChars - reserve);
    let start = Math.max(0, text.length - budget);
    const newline = text.indexOf('\n', start);
    if (newline !== -1 && newline + 1 < text.length && newline - start < budget / 5) {
        start = newline + 1;
    }
    if (start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start)))
        start += 1;
    return `… (${start + omittedBefore} characters omitted)\n${text.slice(start)}`;
}
/**
 * Redacts, then keeps the end: the order keeps a key block's END line from surviving its BEGIN.
 * Only a window of the text's end is redacted (the regexes cost time on megabytes of output);
 * the window starts at a line start far before anything kept, so no secret cut by the window
 * edge can reach the result.
 */
function sanitizeErrorText(text, maxChars, extraSecrets = []) {
    let start = Math.max(0, text.length - Math.max(maxChars * 2, maxChars + 65_536));
    if (start > 0) {
        const newline = text.indexOf('\n', start);
        start = newline === -1 ? start : newline + 1;
    }
    return truncateError(redactSecrets(text.slice(start), extraSecrets), maxChars, start);
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}
/** Variable names whose values are treated as secrets (as most CI log maskers guess them). */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY|AUTH|_KEY$|^KEY_|_PAT$|_PASS$|_PWD$)/i;
/**
 * The values of environment variables whose names look secret (`DEPLOY_TOKEN`, `NPM_AUTH`,
 * `AWS_SECRET_ACCESS_KEY`, `DB_PASS`, `SMTP_PWD`, …; not `PWD`, the working directory), for
 * redaction: the runner masks secrets in the log, but a record's error text, the job summary and
 * the dashboard are copies it does not see. Values shorter than 8 characters and plain booleans
 * or numbers are left out (they would mangle ordinary text).
 */
function secretValuesFromEnv(env) {
    const values = new Set();
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || value.length < 8 || !SECRET_NAME.test(name))
            continue;
        if (/^(true|false|\d+)$/i.test(value))
            continue;
        values.add(value);
    }
    return [...values];
}


/***/ }),

/***/ 4230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ appendRecord),
/* harmony export */   T3: () => (/* binding */ readRecords),
/* harmony export */   Uy: () => (/* binding */ pruneDayFiles),
/* harmony export */   qI: () => (/* binding */ listDayFiles),
/* harmony export */   sO: () => (/* reexport safe */ _record_js__WEBPACK_IMPORTED_MODULE_6__.sO),
/* harmony export */   u2: () => (/* binding */ DAY_FILE_RE),
/* harmony export */   u3: () => (/* binding */ scanRecords)
/* harmony export */ });
/* unused harmony exports consoleWarning, dayFileDate, readTextChunks, forEachLine, describeSkipped, appendRecordSync */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74296);
/* harmony import */ var _json_line_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92436);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14130);
/**
 * The `.metrics/` store: one JSONL file per UTC day, `YYYY-MM-DD.jsonl`. Appends are safe from many
 * processes at once; reads stream in bounded memory, skip bad lines and never throw on a bad file.
 * Files whose names are not `YYYY-MM-DD.jsonl` are never read, written or deleted, and neither is
 * anything so named that is not a regular file: a directory, a FIFO, or a symbolic link (never
 * followed, so a link planted in the folder cannot read or write a file elsewhere).
 */









/** The only file names the store touches. */
const DAY_FILE_RE = /^(\d{4})-(\d{2})-(\d{2})\.jsonl$/;
/**
 * Read size. Each piece read becomes one string: under V8's large-object size (128 KiB) it lives
 * and dies in the young generation. 1 MiB pieces went to the large-object space, freed late: a
 * 100,000-record read kept main's peak RSS ~20 MiB higher, for no measurable speed.
 */
const CHUNK_BYTES = 1 << 16;
/** Default warning sink: one line on stderr. */
const consoleWarning = (message) => console.warn(message);
/** Epoch ms of the UTC midnight a day file stands for, or NaN when the name is not a day file. */
function dayFileDate(fileName) {
    const m = DAY_FILE_RE.exec(fileName);
    if (m === null)
        return NaN;
    const ms = (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseTimestamp */ .EH)(`${m[1]}-${m[2]}-${m[3]}T00:00:00`);
    return ms;
}
function errorCode(error) {
    const e = error;
    return e?.code ?? e?.message ?? String(error);
}
/** Why a directory entry named like a day file is not one the store touches. */
function notRegularReason(entry) {
    if (entry.isSymbolicLink())
        return 'a symbolic link, not followed';
    if (entry.isDirectory())
        return 'a directory, not a regular file';
    return 'not a regular file';
}
/**
 * The day files of `dir`, oldest first; [] when the directory does not exist. Only regular files:
 * the entry's own type (lstat), so a symlink is skipped, never followed. `onSkipped` hears of the
 * others named like day files.
 */
async function listDayFiles(dir, onSkipped) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        if (errorCode(error) === 'ENOENT')
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DevMetricsError */ .xm(`Cannot list metrics directory ${dir} (${errorCode(error)}); check it is a readable directory`, { cause: error });
    }
    const files = [];
    for (const entry of entries) {
        const name = entry.name;
        const dayMs = dayFileDate(name);
        if (Number.isNaN(dayMs))
            continue;
        // readdir reports the entry's own type (lstat when the file system does not say).
        if (entry.isFile())
            files.push({ name, path: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name), dayMs });
        else
            onSkipped?.(name, notRegularReason(entry));
    }
    return files.sort((a, b) => a.dayMs - b.dayMs);
}
/** Raised for a path that is not a regular file; its message is the reason. */
class NotRegularFileError extends Error {
    code = 'ENOTREG';
}
const O_NOFOLLOW = (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NOFOLLOW ?? 0;
const O_NONBLOCK = (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NONBLOCK ?? 0;
/** ELOOP from O_NOFOLLOW, or a non-regular file: said as a reason a person understands. */
async function notRegular(file, error) {
    if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EISDIR') {
        const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file).catch(() => null);
        if (stats !== null && !stats.isFile())
            throw new NotRegularFileError(notRegularReason(stats));
    }
    throw error;
}
/**
 * Opens a day file without following a symlink, and only if it is a regular file (a FIFO would
 * block a read forever; O_NONBLOCK lets the open return so fstat can refuse it).
 */
async function openRegular(file, flags) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, flags | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (error) {
        return notRegular(file, error);
    }
    const stats = await handle.stat().catch(async (error) => {
        await handle.close();
        throw error;
    });
    if (!stats.isFile()) {
        await handle.close();
        throw new NotRegularFileError(notRegularReason(stats));
    }
    return handle;
}
/** openRegular for synchronous callers. */
function openRegularSync(file, flags) {
    let fd;
    try {
        fd = fs.openSync(file, flags | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (error) {
        if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EISDIR') {
            let stats = null;
            try {
                stats = fs.lstatSync(file);
            }
            catch {
                // gone meanwhile: report the open's error
            }
            if (stats !== null && !stats.isFile())
                throw new NotRegularFileError(notRegularReason(stats));
        }
        throw error;
    }
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) {
        fs.closeSync(fd);
        throw new NotRegularFileError(notRegularReason(stats));
    }
    return fd;
}
/**
 * Yields the file's text in pieces that each end at a line break (the last piece may not, when the
 * file does not end with one). Memory: one read buffer, grown only for a line longer than it.
 * Splitting bytes at the last '\n' keeps multi-byte UTF-8 characters whole. Refuses (throws for)
 * a symlink or anything but a regular file.
 */
async function* readTextChunks(file) {
    const handle = await openRegular(file, (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDONLY);
    // The buffer of the previous file when no other read holds it: a read of a month of day files
    // then touches one MiB, not one per file (garbage the GC frees late, so resident memory).
    let buffer = spareBuffer ?? Buffer.allocUnsafe(CHUNK_BYTES);
    spareBuffer = undefined;
    try {
        let filled = 0;
        for (;;) {
            if (filled === buffer.length) {
                const bigger = Buffer.allocUnsafe(buffer.length * 2);
                buffer.copy(bigger, 0, 0, filled);
                buffer = bigger;
            }
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
            if (bytesRead === 0) {
                if (filled > 0)
                    yield buffer.toString('utf8', 0, filled);
                return;
            }
            filled += bytesRead;
            const lastBreak = buffer.lastIndexOf(10, filled - 1);
            if (lastBreak === -1)
                continue;
            const text = buffer.toString('utf8', 0, lastBreak + 1);
            buffer.copy(buffer, 0, lastBreak + 1, filled);
            filled -= lastBreak + 1;
            yield text;
        }
    }
    finally {
        if (buffer.length === CHUNK_BYTES)
            spareBuffer = buffer;
        await handle.close();
    }
}
let spareBuffer;
/**
 * Calls onLine for every line of a file (without its '\n'), with 1-based line numbers. The floor
 * of the benchmark uses it, so the store's reading technique is measured on its own.
 * Throws on I/O errors: callers decide what a bad file means.
 */
async function forEachLine(file, onLine) {
    let lineNumber = 0;
    for await (const text of readTextChunks(file)) {
        let start = 0;
        while (start < text.length) {
            let end = text.indexOf('\n', start);
            if (end === -1)
                end = text.length;
            onLine(text.slice(start, end), ++lineNumber);
            start = end + 1;
        }
    }
}
function selectFiles(files, options) {
    const since = options.since ?? -Infinity;
    const until = options.until ?? Infinity;
    // A record lives in the file of its started_at's UTC date; a day of margin on each side keeps
    // records from writers that named files by local date.
    const selected = files.filter((f) => f.dayMs + 2 * _record_js__WEBPACK_IMPORTED_MODULE_6__/* .DAY_MS */ .sO > since && f.dayMs - _record_js__WEBPACK_IMPORTED_MODULE_6__/* .DAY_MS */ .sO < until);
    return options.newestFirst === true ? selected.reverse() : selected;
}
/** The text of the selected day files, chunk by chunk; unreadable ones are counted in `report`. */
async function* dayFileTexts(dir, options, report) {
    let files;
    const skipped = (name, reason) => {
        if (selectFiles([{ name, path: '', dayMs: dayFileDate(name) }], options).length === 0)
            return;
        report.unreadableFiles++;
        report.firstProblem ??= `${name} (${reason})`;
    };
    try {
        files = selectFiles(await listDayFiles(dir, skipped), options);
    }
    catch (error) {
        report.unreadableFiles++;
        report.firstProblem ??= `${dir} (${errorCode(error.cause ?? error)})`;
        return;
    }
    for (const file of files) {
        report.filesRead++;
        try {
            for await (const text of readTextChunks(file.path))
                yield { file, text };
        }
        catch (error) {
            skipped(file.name, error instanceof NotRegularFileError ? error.message : errorCode(error));
        }
    }
}
/** How many record starts recordAfterTornLine tries in one line: bounds the cost of garbage. */
const MAX_RECOVERY_TRIES = 8;
const RECORD_START = '{"name"';
/**
 * The record a writer that did not mend a torn line (the Python tool, older versions) appended
 * onto it: `{"name": ...` parsed from where it starts inside the unreadable line, or undefined.
 * Only a whole valid record counts, so a fragment is never mistaken for one.
 */
function recordAfterTornLine(line) {
    let at = line.indexOf(RECORD_START, 1);
    for (let tries = 0; at !== -1 && tries < MAX_RECOVERY_TRIES; tries++) {
        const value = (0,_json_line_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJsonLine */ .w)(line.slice(at));
        if (!Number.isNaN((0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .validRecordStartMs */ .OS)(value)) || (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .hasNonFiniteDuration */ .xY)(value))
            return value;
        at = line.indexOf(RECORD_START, at + 1);
    }
    return undefined;
}
/**
 * Names whose JSON text is the same from every writer: JSON.stringify, Python's json.dumps
 * (non-ASCII as \u escapes) and encoders that escape '/', '<', '>' or '&' all leave these
 * characters as they are.
 */
const PLAIN_NAME = /^[\w .:,;()[\]#@!?+=*%$~^|'-]+$/;
/**
 * Turns chunks of lines into valid, filtered records, counting bad lines in `report`. Each record
 * goes to the visitor as soon as it is parsed, so it dies young (cheap for the GC) unless kept.
 */
class RecordLines {
    report;
    file;
    lineNumber = 0;
    since;
    until;
    wanted;
    /** `"<name>"` when every writer spells the name that way, else undefined (parse every line). */
    needle;
    constructor(options, report) {
        this.report = report;
        this.since = options.since ?? -Infinity;
        this.until = options.until ?? Infinity;
        this.wanted = options.name;
        this.needle =
            this.wanted !== undefined && PLAIN_NAME.test(this.wanted)
                ? JSON.stringify(this.wanted)
                : undefined;
    }
    /** Processes every line of `text`; false when the visitor asked to stop. */
    process(file, text, visit) {
        if (file !== this.file) {
            this.file = file;
            this.lineNumber = 0;
        }
        const report = this.report;
        let start = 0;
        while (start < text.length) {
            let end = text.indexOf('\n', start);
            if (end === -1)
                end = text.length;
            const line = text.slice(start, end);
            start = end + 1;
            this.lineNumber++;
            // Parsing is most of a read's cost: a step reading its own runs skips the other steps' lines.
            if (this.needle !== undefined && !line.includes(this.needle))
                continue;
            let value = (0,_json_line_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJsonLine */ .w)(line);
            if (value === _json_line_js__WEBPACK_IMPORTED_MODULE_5__/* .BLANK_LINE */ .I)
                continue; // holds no record (see appendRecord)
            let started = (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .validRecordStartMs */ .OS)(value);
            if (Number.isNaN(started)) {
                // Garbage, truncated, or a record without a measured duration: counted, not used.
                report.firstProblem ??= `${file.name}:${this.lineNumber}`;
                if (!(0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .hasNonFiniteDuration */ .xY)(value)) {
                    report.skippedLines++;
                    value = value === undefined ? recordAfterTornLine(line) : undefined;
                    started = (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .validRecordStartMs */ .OS)(value);
                }
                if (Number.isNaN(started)) {
                    if ((0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .hasNonFiniteDuration */ .xY)(value))
                        report.unmeasuredRecords++;
                    continue;
                }
            }
            const record = value;
            if (this.wanted !== undefined && record.name !== this.wanted)
                continue;
            if (started < this.since || started >= this.until)
                continue;
            report.records++;
            if (visit(record, started, file) === false)
                return false;
        }
        return true;
    }
}
function newReport() {
    return {
        filesRead: 0,
        records: 0,
        skippedLines: 0,
        unmeasuredRecords: 0,
        unreadableFiles: 0,
        firstProblem: null,
    };
}
/** The one-line warning for a read that skipped something, or null when nothing was skipped. */
function describeSkipped(dir, report) {
    const parts = [];
    if (report.skippedLines > 0)
        parts.push(`${report.skippedLines} malformed line(s)`);
    if (report.unmeasuredRecords > 0) {
        parts.push(`${report.unmeasuredRecords} record(s) whose duration_ms is NaN or infinite`);
    }
    if (report.unreadableFiles > 0)
        parts.push(`${report.unreadableFiles} unreadable file(s)`);
    if (parts.length === 0)
        return null;
    return `dev-metrics: skipped ${parts.join(' and ')} in ${dir} (first: ${report.firstProblem})`;
}
function warnOnce(dir, report, options) {
    const message = describeSkipped(dir, report);
    const onWarning = options.onWarning === undefined ? consoleWarning : options.onWarning;
    if (message !== null && onWarning !== null)
        onWarning(message);
}
/**
 * Calls visit for every valid record in the window, oldest file first (or newest first). Return
 * false from visit to stop early. Never throws on bad files or lines; warns once at the end.
 * Records are passed as parsed (valid, but a newer writer's extra keys are still there), which
 * saves an object per line: use normalizeRecord on any that escape.
 */
async function scanRecords(dir, options, visit) {
    const report = newReport();
    const lines = new RecordLines(options, report);
    try {
        for await (const { file, text } of dayFileTexts(dir, options, report)) {
            if (!lines.process(file, text, visit))
                break;
        }
    }
    finally {
        warnOnce(dir, report, options);
    }
    return report;
}
/** Valid records in the window as an async iterable; warns once when done (or abandoned). */
async function* readRecords(dir, options = {}) {
    const report = newReport();
    const lines = new RecordLines(options, report);
    try {
        for await (const { file, text } of dayFileTexts(dir, options, report)) {
            const batch = [];
            lines.process(file, text, (record) => {
                batch.push((0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeRecord */ .pY)(record));
            });
            yield* batch;
        }
    }
    finally {
        warnOnce(dir, report, options);
    }
    return report;
}
/*
 * Appending. The whole line (record + '\n') goes out in ONE write(2) on a descriptor opened with
 * O_APPEND. On Linux, write(2) to a regular file holds the inode's lock for the whole call
 * and O_APPEND moves to the end of file inside it, so concurrent appenders (pytest-xdist workers,
 * parallel scripts) each land a complete line after the others': no torn, interleaved or lost
 * lines. The loop only matters for a short write, which regular files give only on a full disk or
 * a signal; it then finishes the line rather than leave it half written.
 *
 * A writer killed mid-line (SIGKILL, a full disk) leaves a last line without its '\n'; the next
 * line appended would join it and both would be unreadable. So each append reads the file's last
 * byte first (the descriptor is O_RDWR) and, when it is not '\n', starts its own write with one:
 * still one write, so still atomic. Two appenders mending the same torn line at once, or one
 * mistaking a slow write for a torn line, can leave a blank line, which the reader ignores; a
 * record is never swallowed.
 */
const NEWLINE = 0x0a;
const APPEND_FLAGS = (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDWR | (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_APPEND | (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_CREAT;
const LINE_BREAK = Buffer.from('\n');
function encodeLine(record) {
    return Buffer.from(`${(0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .serializeRecord */ .Om)(record)}\n`, 'utf8');
}
/**
 * How long a last byte that is not '\n' gets to become one before the line counts as torn: another
 * appender's write in progress makes the file's size visible before its last page is copied (a
 * reader takes no lock), and mending that would leave a blank line. A torn line stays torn.
 */
const SETTLE_CHECKS = 7;
/** Waits 1, 2, 4 … 64 ms (127 ms at most, paid once per truly torn file: the mend ends it). */
const settleMs = (check) => 2 ** check;
/** The line, preceded by '\n' when the file does not end with one (see SETTLE_CHECKS). */
async function mendTornLine(handle, line) {
    const last = Buffer.alloc(1);
    for (let check = 0;; check++) {
        const { size } = await handle.stat();
        if (size === 0)
            return line;
        await handle.read(last, 0, 1, size - 1);
        if (last[0] === NEWLINE)
            return line;
        if (check === SETTLE_CHECKS)
            return Buffer.concat([LINE_BREAK, line]);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(settleMs(check));
    }
}
/** mendTornLine for synchronous callers. */
function mendTornLineSync(fd, line) {
    const last = Buffer.alloc(1);
    for (let check = 0;; check++) {
        const { size } = fs.fstatSync(fd);
        if (size === 0)
            return line;
        fs.readSync(fd, last, 0, 1, size - 1);
        if (last[0] === NEWLINE)
            return line;
        if (check === SETTLE_CHECKS)
            return Buffer.concat([LINE_BREAK, line]);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settleMs(check));
    }
}
function writeError(dir, file, error) {
    if (error instanceof NotRegularFileError) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DevMetricsError */ .xm(`Cannot write metrics to ${file} (${error.message}); replace it with a regular file ` +
            'or set DEV_METRICS_DIR', { cause: error });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DevMetricsError */ .xm(`Cannot write metrics to ${dir} (${errorCode(error)}); check the directory is writable ` +
        'or set DEV_METRICS_DIR', { cause: error });
}
/** Appends one record to its day file (creating the directory); returns the file's path. */
async function appendRecord(dir, record) {
    const encoded = encodeLine(record);
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .dayFileName */ .u6)(record.started_at));
    try {
        let handle;
        try {
            handle = await openRegular(file, APPEND_FLAGS);
        }
        catch (error) {
            if (errorCode(error) !== 'ENOENT')
                throw error;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
            handle = await openRegular(file, APPEND_FLAGS);
        }
        try {
            const line = await mendTornLine(handle, encoded);
            let offset = 0;
            while (offset < line.length) {
                const { bytesWritten } = await handle.write(line, offset, line.length - offset);
                offset += bytesWritten;
            }
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        throw writeError(dir, file, error);
    }
    return file;
}
/** appendRecord for synchronous callers (trackExecution around a sync function). */
function appendRecordSync(dir, record) {
    const encoded = encodeLine(record);
    const file = path.join(dir, dayFileName(record.started_at));
    try {
        let fd;
        try {
            fd = openRegularSync(file, APPEND_FLAGS);
        }
        catch (error) {
            if (errorCode(error) !== 'ENOENT')
                throw error;
            fs.mkdirSync(dir, { recursive: true });
            fd = openRegularSync(file, APPEND_FLAGS);
        }
        try {
            const line = mendTornLineSync(fd, encoded);
            let offset = 0;
            while (offset < line.length) {
                offset += fs.writeSync(fd, line, offset, line.length - offset);
            }
        }
        finally {
            fs.closeSync(fd);
        }
    }
    catch (error) {
        throw writeError(dir, file, error);
    }
    return file;
}
/**
 * Deletes day files dated before (today UTC − daysToKeep): with 30, today's file and the 30 before
 * it stay. Returns how many files were deleted. Other files, and anything named like a
 * day file that is not a regular file (a directory, a symlink: never followed), are left alone.
 */
async function pruneDayFiles(dir, daysToKeep, nowMs = Date.now()) {
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .requireNonNegativeInteger */ .eF)(daysToKeep, 'daysToKeep');
    const cutoff = Math.floor(nowMs / _record_js__WEBPACK_IMPORTED_MODULE_6__/* .DAY_MS */ .sO) * _record_js__WEBPACK_IMPORTED_MODULE_6__/* .DAY_MS */ .sO - daysToKeep * _record_js__WEBPACK_IMPORTED_MODULE_6__/* .DAY_MS */ .sO;
    let deleted = 0;
    for (const file of await listDayFiles(dir)) {
        if (file.dayMs >= cutoff)
            continue;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(file.path);
            deleted++;
        }
        catch (error) {
            // Another process pruned it first, or replaced it with a directory: not ours to delete.
            if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR')
                continue;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DevMetricsError */ .xm(`Cannot delete ${file.path} (${errorCode(error)}); check the directory is writable`, { cause: error });
        }
    }
    return deleted;
}


/***/ }),

/***/ 14101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ MAX_VALUE_NAME),
/* harmony export */   Do: () => (/* binding */ VALUES_KEY),
/* harmony export */   HE: () => (/* binding */ parseValueLine),
/* harmony export */   Qb: () => (/* binding */ valueLabel),
/* harmony export */   Su: () => (/* binding */ checkValue),
/* harmony export */   _3: () => (/* binding */ valueSeriesKey),
/* harmony export */   jC: () => (/* binding */ VALUE_INFO_KEY),
/* harmony export */   m_: () => (/* binding */ defaultBetter),
/* harmony export */   sm: () => (/* binding */ valuesOf),
/* harmony export */   tV: () => (/* binding */ withValues),
/* harmony export */   wg: () => (/* binding */ unitProblem)
/* harmony export */ });
/* unused harmony exports MAX_UNIT, valueNameProblem, VALUE_SEPARATOR, valuesFromInput */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/**
 * Numeric values of a run beside its duration: tokens, cost, sizes, counts, benchmark results.
 * They live inside `metadata`, so the record keeps exactly the Python tool's keys and that tool
 * still reads every file:
 *
 *   "metadata": { "values": { "bundle_kb": 512, "ops": 1.2e6 },
 *                 "value_info": { "bundle_kb": { "unit": "KB", "better": "smaller" },
 *                                 "ops": { "unit": "ops/s", "better": "bigger" } } }
 *
 * `values` maps a name to a finite number; `value_info` says, where the value was produced, its
 * unit and which direction is better. Each value of a step is its own series.
 * Pure: parsing, checking and reading; no I/O.
 */

const VALUES_KEY = 'values';
const VALUE_INFO_KEY = 'value_info';
const MAX_VALUE_NAME = 200;
const MAX_UNIT = 40;
const DIRECTION_WORDS = {
    'bigger-is-better': 'bigger',
    'higher-is-better': 'bigger',
    'smaller-is-better': 'smaller',
    'lower-is-better': 'smaller',
};
// Rates ("ops/s", "req/sec", "it/s", "MB/s", "Hz") are better bigger; everything else (time, size,
// cost, counts of errors) smaller, as with durations. An explicit direction always wins.
// "ops" is a rate, but "/op" is a cost per operation (go's ns/op, B/op, allocs/op).
const RATE_UNIT = /(\/\s*(s|sec|second|min|minute)|\bhz|(?<!\/\s*)\bops?\b|per second)$/i;
/** The direction a unit implies when the producer did not say. */
function defaultBetter(unit) {
    return unit !== undefined && RATE_UNIT.test(unit.trim()) ? 'bigger' : 'smaller';
}
/** Why `name` cannot name a value, or null when it can. */
function valueNameProblem(name) {
    if (typeof name !== 'string')
        return `a value name must be text, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name)}`;
    if (name.trim() === '')
        return 'a value name must not be empty';
    if (name !== name.trim())
        return `value name ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name)} has leading or trailing spaces`;
    if (name.length > MAX_VALUE_NAME)
        return `value name ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name)} is longer than ${MAX_VALUE_NAME} characters`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f=]/.test(name))
        return `value name ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name)} contains '=' or a control character`;
    return null;
}
/** Why `unit` cannot be a unit, or null when it can (undefined: no unit). */
function unitProblem(unit) {
    if (unit === undefined)
        return null;
    if (typeof unit !== 'string')
        return `a unit must be text, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(unit)}`;
    if (unit.length > MAX_UNIT)
        return `unit ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(unit)} is longer than ${MAX_UNIT} characters`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(unit))
        return `unit ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(unit)} contains a control character`;
    return null;
}
/**
 * Checks one value as given by a caller (library options, CLI flag, value file); throws a
 * one-line DevMetricsError naming `source` and the fix. Non-finite numbers are refused.
 */
function checkValue(name, value, info = {}, source = 'value') {
    const nameProblem = valueNameProblem(name);
    if (nameProblem !== null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`${source}: ${nameProblem}`);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`${source}: value "${String(name)}" must be a finite number, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value)}`);
    }
    const unit = info.unit === '' ? undefined : info.unit;
    const problem = unitProblem(unit);
    if (problem !== null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`${source}: ${problem}`);
    const better = info.better ?? defaultBetter(unit);
    if (better !== 'smaller' && better !== 'bigger') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DevMetricsError */ .xm(`${source}: "better" of value "${String(name)}" must be "smaller" or "bigger", got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(better)}`);
    }
    const out = { name: name, value, better };
    if (unit !== undefined)
        out.unit = unit;
    return out;
}
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Parses one line of a value file (like `GITHUB_OUTPUT`): `name=number [unit] [direction]`, where
 * direction is `bigger-is-better` or `smaller-is-better` (also `higher-`/`lower-is-better`).
 * Returns the value, or a problem text naming what is wrong; blank lines and `#` comments give null.
 */
function parseValueLine(line) {
    const text = line.trim();
    if (text === '' || text.startsWith('#'))
        return null;
    const eq = text.indexOf('=');
    if (eq < 0)
        return { problem: `expected name=number [unit], got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(text)}` };
    const name = text.slice(0, eq).trim();
    const nameProblem = valueNameProblem(name);
    if (nameProblem !== null)
        return { problem: nameProblem };
    const words = text
        .slice(eq + 1)
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
    const numberText = words.shift();
    if (numberText === undefined || !NUMBER.test(numberText)) {
        return {
            problem: `value "${name}" must be a decimal number, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(numberText ?? '')}`,
        };
    }
    const value = Number(numberText);
    if (!Number.isFinite(value))
        return { problem: `value "${name}" is not finite (${numberText})` };
    let better;
    const last = words[words.length - 1];
    if (last !== undefined && DIRECTION_WORDS[last.toLowerCase()] !== undefined) {
        better = DIRECTION_WORDS[last.toLowerCase()];
        words.pop();
    }
    const unit = words.length > 0 ? words.join(' ') : undefined;
    const problem = unitProblem(unit);
    if (problem !== null)
        return { problem };
    const out = { name, value, better: better ?? defaultBetter(unit) };
    if (unit !== undefined)
        out.unit = unit;
    return out;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The values a record's metadata carries, in stored order. Tolerant, as a reader of files written
 * by others must be: a value that is not a finite number is left out, an unreadable `value_info`
 * entry falls back to the defaults.
 */
function valuesOf(metadata) {
    if (!isObject(metadata))
        return [];
    const values = metadata[VALUES_KEY];
    if (!isObject(values))
        return [];
    const infos = isObject(metadata[VALUE_INFO_KEY]) ? metadata[VALUE_INFO_KEY] : {};
    const out = [];
    for (const name of Object.keys(values)) {
        const value = values[name];
        if (typeof value !== 'number' || !Number.isFinite(value))
            continue;
        if (valueNameProblem(name) !== null)
            continue;
        const info = Object.hasOwn(infos, name) && isObject(infos[name]) ? infos[name] : {};
        const unit = typeof info['unit'] === 'string' && info['unit'] !== '' && unitProblem(info['unit']) === null
            ? info['unit']
            : undefined;
        const better = info['better'] === 'bigger' || info['better'] === 'smaller'
            ? info['better']
            : defaultBetter(unit);
        const entry = { name, value, better };
        if (unit !== undefined)
            entry.unit = unit;
        out.push(entry);
    }
    return out;
}
/**
 * `metadata` with `values` added (a later value of the same name replaces an earlier one), as a
 * new object; the caller's object is not changed. Values must already be checked (checkValue).
 */
function withValues(metadata, values) {
    if (values.length === 0)
        return { ...metadata };
    const stored = isObject(metadata[VALUES_KEY]) ? { ...metadata[VALUES_KEY] } : {};
    const infos = isObject(metadata[VALUE_INFO_KEY]) ? { ...metadata[VALUE_INFO_KEY] } : {};
    for (const v of values) {
        // defineProperty: a value named "__proto__" is a value like any other.
        Object.defineProperty(stored, v.name, {
            value: v.value,
            enumerable: true,
            writable: true,
            configurable: true,
        });
        const info = v.unit === undefined ? { better: v.better } : { unit: v.unit, better: v.better };
        Object.defineProperty(infos, v.name, {
            value: info,
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return { ...metadata, [VALUES_KEY]: stored, [VALUE_INFO_KEY]: infos };
}
/**
 * The series key of a value: its step's series key and the value's name. Kept printable, as step
 * series keys are (the PR comment stores rows by key).
 */
function valueSeriesKey(stepSeriesKey, valueName) {
    return `${stepSeriesKey} ${JSON.stringify(valueName)}`;
}
/** Separates a step's label from a value's name in a value series' label. */
const VALUE_SEPARATOR = ' › ';
/** How a value series is named in reports: `bench · linux › BenchmarkFib10`. */
function valueLabel(stepLabel, valueName) {
    return `${stepLabel}${VALUE_SEPARATOR}${valueName}`;
}
/**
 * Checks values a caller passed (an object of name → number or {value, unit?, better?}, or a
 * list of {name, value, unit?, better?}); throws a one-line DevMetricsError naming `source` and
 * the value at fault. undefined gives no values.
 */
function valuesFromInput(input, source) {
    if (input === undefined || input === null)
        return [];
    if (Array.isArray(input)) {
        return input.map((entry, index) => {
            if (!isObject(entry)) {
                throw new DevMetricsError(`${source}[${index}] must be an object like { name: "size_kb", value: 512 }, got ${describeValue(entry)}`);
            }
            return checkValue(entry['name'], entry['value'], entry, source);
        });
    }
    if (!isObject(input)) {
        throw new DevMetricsError(`${source} must be an object like { size_kb: 512 }, got ${describeValue(input)}`);
    }
    return Object.keys(input).map((name) => {
        const given = input[name];
        if (isObject(given))
            return checkValue(name, given['value'], given, source);
        return checkValue(name, given, {}, source);
    });
}


/***/ }),

/***/ 66046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ checkUrl),
/* harmony export */   EO: () => (/* binding */ OtlpConfigError),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   _F: () => (/* binding */ resolveOtlpConfig)
/* harmony export */ });
/* unused harmony exports OTLP_PROTOCOLS, DEFAULT_SERVICE_NAME, SDK_DEFAULT_TIMEOUT_MS */
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
/** A bad OTLP setting: `message` is one line naming the variable or input and the fix. */
class OtlpConfigError extends Error {
    name = 'OtlpConfigError';
}
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
    const target = (signal) => {
        const upper = signal.toUpperCase();
        const url = signalUrl(env, signal, settings.endpoint);
        if (url === null)
            return null;
        return {
            url,
            protocol: parseProtocol(env, upper),
            headers: {
                ...parseHeaders(env.OTEL_EXPORTER_OTLP_HEADERS ?? '', 'OTEL_EXPORTER_OTLP_HEADERS'),
                ...parseHeaders(env[`OTEL_EXPORTER_OTLP_${upper}_HEADERS`] ?? '', `OTEL_EXPORTER_OTLP_${upper}_HEADERS`),
                ...parseHeaders(settings.headers ?? '', 'otlp-headers'),
            },
            timeoutMs: parseTimeout(env, upper, settings.defaultTimeoutMs ?? SDK_DEFAULT_TIMEOUT_MS),
        };
    };
    const traces = target('traces');
    const metrics = target('metrics');
    if (traces === null && metrics === null)
        return null;
    const resourceAttributes = parseKeyValues(env.OTEL_RESOURCE_ATTRIBUTES ?? '', 'OTEL_RESOURCE_ATTRIBUTES', 'service.name=ci,deployment.environment.name=prod');
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
        return checkUrl(specific, variable);
    const given = nonEmpty(endpoint);
    const [base, source] = given !== undefined
        ? [given, 'otlp-endpoint']
        : [nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT), 'OTEL_EXPORTER_OTLP_ENDPOINT'];
    if (base === undefined)
        return null;
    checkUrl(base, source);
    return `${base.replace(/\/+$/, '')}/${SIGNAL_PATH[signal]}`;
}
/** An http(s) URL, or OtlpConfigError naming where it came from. */
function checkUrl(value, source) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new OtlpConfigError(`${source} must be an http(s) URL such as http://otel-collector:4318; got ${quote(value)}`);
    }
    return value;
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
        throw new OtlpConfigError(`${source}=grpc is not supported by dev-metrics; use http/protobuf (the Collector's port 4318) or http/json`);
    }
    throw new OtlpConfigError(`${source} must be http/protobuf or http/json; got ${quote(value)}`);
}
function parseTimeout(env, upper, fallback) {
    for (const name of [`OTEL_EXPORTER_OTLP_${upper}_TIMEOUT`, 'OTEL_EXPORTER_OTLP_TIMEOUT']) {
        const value = nonEmpty(env[name]);
        if (value === undefined)
            continue;
        const ms = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(ms) || ms < 1) {
            throw new OtlpConfigError(`${name} must be a whole number of milliseconds ≥ 1, e.g. 5000; got ${quote(value)}`);
        }
        return ms;
    }
    return fallback;
}
/**
 * `key=value` pairs separated by commas (and, for inputs, new lines), values percent-decoded as
 * the OpenTelemetry spec says for OTEL_EXPORTER_OTLP_HEADERS.
 */
function parseHeaders(text, source) {
    const headers = parseKeyValues(text, source, 'Authorization=Bearer%20abc,x-tenant=ci');
    for (const name of Object.keys(headers)) {
        // Node's http rejects these with an exception deep inside the exporter; say it here instead.
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            throw new OtlpConfigError(`${source}: ${quote(name)} is not a valid HTTP header name`);
        }
        if (/[\r\n\0]/.test(headers[name])) {
            throw new OtlpConfigError(`${source}: the value of ${name} contains a line break`);
        }
    }
    return headers;
}
function parseKeyValues(text, source, example) {
    const out = {};
    for (const raw of text.split(/[,\n]/)) {
        const item = raw.trim();
        if (item === '')
            continue;
        const eq = item.indexOf('=');
        const key = eq === -1 ? '' : item.slice(0, eq).trim();
        if (key === '') {
            // The value is not quoted back: it may be a credential.
            throw new OtlpConfigError(`${source} must be comma-separated key=value pairs, e.g. ${example}; an entry has no key= part`);
        }
        let value = item.slice(eq + 1).trim();
        try {
            value = decodeURIComponent(value);
        }
        catch {
            // Not percent-encoded (a bare '%'): keep it as given, as the SDK does.
        }
        out[key] = value;
    }
    return out;
}
function quote(value) {
    const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `'${cut.replace(/[\r\n]/g, ' ')}'`;
}


/***/ })

};
