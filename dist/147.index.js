export const id = 147;
export const ids = [147];
export const modules = {

/***/ 53248:
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
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/new-file.ts
/**
 * Creating a new, uniquely named file in a temp directory without `node:crypto` (loading it is a
 * tenth of a wrapped step's start-up): the name need not be unguessable, because the file is
 * created with O_EXCL, which never opens what exists (a file, or a planted symbolic link); a
 * name that is taken is simply drawn again.
 */


/** Names drawn before giving up: a taken name is rare, this many in a row is not chance. */
const MAX_TRIES = 16;
/** `<prefix><pid>-<time>-<random><suffix>`: distinct across processes, times and draws. */
function tempFileName(prefix, suffix) {
    const random = Math.floor(Math.random() * 2 ** 48).toString(36);
    return `${prefix}${process.pid.toString(36)}-${Date.now().toString(36)}-${random}${suffix}`;
}
/**
 * Writes `contents` to a new file `dir/<prefix>…<suffix>` that did not exist; returns its path.
 * Throws what the file system says when the directory is not writable.
 */
async function writeNewFile(dir, prefix, suffix, contents, name = tempFileName) {
    for (let tries = 1;; tries++) {
        const file = external_node_path_default().join(dir, name(prefix, suffix));
        try {
            await (0,promises_.writeFile)(file, contents, { encoding: 'utf8', flag: 'wx' });
            return file;
        }
        catch (error) {
            if (error.code !== 'EEXIST' || tries >= MAX_TRIES)
                throw error;
        }
    }
}

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
    return writeNewFile(dir, 'dev-metrics-values-', '.txt', '');
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
    let contents = shell.fixUp(options.script);
    if (process.platform === 'win32')
        contents = contents.replace(/\r?\n/g, '\r\n');
    const scriptPath = await writeNewFile(options.tempDir, '', shell.extension, contents);
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
        const t0 = monotonicMs();
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
            exit = { code, signal, at: monotonicMs(), endedAt: new Date() };
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
/** A monotonic clock in ms; process.hrtime needs no module (node:perf_hooks is one to load). */
function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
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

/***/ 87648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ stepFolder),
/* harmony export */   k: () => (/* binding */ dashboardOutputFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** Where the dashboard is written: pure path helpers, apart from the artifact client. */

/**
 * Where a step's dashboard is written: `<tempDir>/dev-metrics/<folder>/dashboard.html`. The step
 * name is data, so the folder is only letters, digits, `_` and `-` (never `.`, `..`, a separator
 * or a control character), at most 60 of them, plus a hash of the whole name so that different
 * names (`a b`, `a/b`, two long names with one prefix) never share, and overwrite, a folder.
 */
function dashboardOutputFile(tempDir, stepName) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(tempDir, 'dev-metrics', stepFolder(stepName), 'dashboard.html');
}
/** A readable, file-system-safe folder name for a step, unique per name: `unit-tests-1a2b3c4d`. */
function stepFolder(stepName) {
    const readable = stepName
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .slice(0, 60)
        .replace(/^-+|-+$/g, '');
    // Loaded on first use, not with the module: a step that never names a folder (a non-first
    // wrapped step reads its job's dashboard path from the job file) never pays for node:crypto.
    const { createHash } = process.getBuiltinModule('node:crypto');
    const hash = createHash('sha256').update(stepName, 'utf8').digest('hex').slice(0, 8);
    return readable ? `${readable}-${hash}` : hash;
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
/* unused harmony export fnv1a64 */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
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
    const key = JSON.stringify([id.runId, String(id.runAttempt), id.job, id.metricsDir, id.history]);
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tempDir, 'dev-metrics', `job-${fnv1a64(key)}.json`);
}
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
/**
 * 64-bit FNV-1a of the text's UTF-8 bytes, 16 hex digits: a name, not a secret (every step of a
 * job derives the same one), so no `node:crypto`, whose loading every wrapped step would pay.
 */
function fnv1a64(text) {
    let hash = 0xcbf29ce484222325n;
    for (const byte of Buffer.from(text, 'utf8')) {
        hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
    }
    return hash.toString(16).padStart(16, '0');
}
function newJobState(owner, dashboardFile) {
    return {
        ...(dashboardFile === undefined ? {} : { dashboardFile }),
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
/**
 * Creates the job file, or reads the one an earlier step created. `initial` is called only when
 * this step creates it (the owner's state may cost more to work out than a later step should pay).
 */
async function claimJob(file, initial) {
    // Steps of a job run one after another: a file that is there was made by an earlier step, so a
    // later step only reads it (no directory to make, no exclusive create failing with EEXIST).
    const existing = await readJob(file);
    if (existing)
        return { owner: false, state: existing };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'wx', 0o600);
        const state = initial();
        try {
            await handle.writeFile(JSON.stringify(state));
        }
        finally {
            await handle.close();
        }
        return { owner: true, state };
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
        return { owner: false, state: await readJob(file) };
    }
}
async function readJob(file) {
    try {
        const state = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temp, JSON.stringify(state), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, file);
    return state;
}
async function closeJob(file) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
}


/***/ }),

/***/ 60678:
/***/ (() => {

/**
 * Turns V8's lazy compilation back on (entry.ts turns it off while the bundle's chunk is compiled,
 * so that the compile cache holds it whole). run.ts imports this module first: evaluating it is the
 * first thing the chunk does once compiled, before any of Node's built-in modules is loaded.
 * entry.ts must not import it (it would then run in the entry chunk, before the chunk's compile).
 */

try {
    process.getBuiltinModule?.('node:v8')?.setFlagsFromString('--lazy');
}
catch {
    // Only speed is at stake.
}


/***/ }),

/***/ 43170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ runMain)
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
// EXTERNAL MODULE: ./src/action/command.ts + 2 modules
var command = __webpack_require__(53248);
// EXTERNAL MODULE: ./src/action/dashboard-path.ts
var dashboard_path = __webpack_require__(87648);
// EXTERNAL MODULE: ./src/action/job.ts
var job = __webpack_require__(45461);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/otlp.ts
var otlp = __webpack_require__(71187);
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
    const { owner, state } = await (0,job/* claimJob */.G7)(s.jobFile, () => (0,job/* newJobState */.rP)(s.inputs.name, (0,dashboard_path/* dashboardOutputFile */.k)(s.tempDir, s.inputs.name)));
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
        runner_io.setOutput('dashboard-path', external_node_path_default().resolve(state?.dashboardFile ?? (0,dashboard_path/* dashboardOutputFile */.k)(s.tempDir, state?.owner ?? s.inputs.name)));
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


/***/ }),

/***/ 71187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ exportExecution),
/* harmony export */   SZ: () => (/* binding */ exportJobSpan),
/* harmony export */   yE: () => (/* binding */ maskOtlpHeaders)
/* harmony export */ });
/* unused harmony export OTLP_STEP_BOUND_MS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10923);
/* harmony import */ var _core_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4230);
/* harmony import */ var _export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66046);
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
    _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.setSecret(inputs.otlpHeaders);
    const values = Object.values((0,_export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHeaders */ .QG)(inputs.otlpHeaders, 'otlp-headers')).filter((v) => v !== '');
    for (const value of values)
        _runner_io_js__WEBPACK_IMPORTED_MODULE_3__.setSecret(value);
    return values;
}
function configOf(inputs, env) {
    try {
        return (0,_export_otlp_config_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveOtlpConfig */ ._F)(env, {
            endpoint: inputs.otlpEndpoint,
            headers: inputs.otlpHeaders,
            defaultTimeoutMs: OTLP_STEP_BOUND_MS,
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
        // The exporter code (and the node:crypto its ids use) only with an endpoint: every step
        // loads this module, few configure OTLP.
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

/***/ 26814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishJob: () => (/* binding */ publishJob),
  g: () => (/* binding */ publishStep),
  a: () => (/* binding */ regressionFailure)
});

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





/** The run under test that a CI context describes: the current run, kept out of its baseline. */
function runUnderTestOf(ci) {
    return {
        branch: ci.branch,
        prNumber: ci.pr_number,
        sha: ci.sha,
        baseBranch: ci.base_branch,
        defaultBranch: ci.default_branch,
        runIds: ci.run_id ? [ci.run_id] : [],
    };
}
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
    // The store's read straight into columns (readHistory less its sizing pass, which stats every
    // day file to presize columns for a whole history: a step's own runs are a few hundred rows).
    const history = new core_history/* ColumnarHistory */.OO();
    await (0,store/* scanRecords */.u3)(metricsDir, 
    // Only the step's own runs: its series, verdict and reports read no other step's rows.
    { since, name, onWarning: (m) => runner_io.warning(m) }, (record, startedMs) => void stepRecords.set(history.add(record, startedMs), (0,core_record/* normalizeRecord */.pY)(record)));
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
    const runUnderTest = runUnderTestOf(ci);
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
                // node:crypto only here: every step loads this module, one post per job uploads.
                uniqueSuffix: `${ci.job ?? 'job'}-${(0,dashboard_path/* stepFolder */.D)(p.owner)}-${process.getBuiltinModule('node:crypto').randomBytes(3).toString('hex')}`,
                log: (line) => runner_io.warning(line),
            });
            if (upload.ok)
                runner_io.info(`dev-metrics: dashboard uploaded as artifact ${upload.name} (${upload.size} bytes).`);
        }
    });
    await Promise.all([comment, dashboard]);
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
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53248);




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

/***/ 73147:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lazy_compile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60678);
/* harmony import */ var _runner_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10923);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43170);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33175);
/**
 * What the bundle's entry runs, for both `main` and `post` (entry.ts loads it once Node's compile
 * cache is on). Nothing here may throw a stack trace at users: unexpected errors become one
 * failure line.
 */
// First: lazy compilation back on before anything else loads (see entry.ts, lazyCompilation).


// Static: main and what it needs come in the one chunk entry.ts imports (each further chunk is one
// more module resolution and load for every wrapped step). post.ts stays a chunk of its own.


async function entry() {
    try {
        // A post step that has nothing to do loads nothing (entry.ts); the job owner's post loads post.ts.
        if ((0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .isPost */ .tl)()) {
            await (await __webpack_require__.e(/* import() */ 718).then(__webpack_require__.bind(__webpack_require__, 27718))).runPost();
        }
        else {
            // First of all, so that the post step knows it is the post step even when main fails early.
            (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .saveState */ .LZ)(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.IsPost, 'true');
            await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .runMain */ .V)();
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        _runner_io_js__WEBPACK_IMPORTED_MODULE_1__.debug(error instanceof Error && error.stack ? error.stack : message);
        _runner_io_js__WEBPACK_IMPORTED_MODULE_1__.setFailed(`dev-metrics: ${message}`);
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
/* harmony export */   fileCommandDelimiter: () => (/* binding */ fileCommandDelimiter),
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
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
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
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/**
 * The heredoc delimiter of a file command: `ghadelimiter_dev-metrics`, numbered up until neither
 * the name nor the value contains it. The runner reads the value up to the first line equal to the
 * delimiter, so one the text cannot contain is as safe as @actions/core's random one, and needs
 * no `node:crypto` (a tenth of a wrapped step's start-up).
 */
function fileCommandDelimiter(key, value) {
    let delimiter = 'ghadelimiter_dev-metrics';
    for (let n = 1; key.includes(delimiter) || value.includes(delimiter); n++) {
        delimiter = `ghadelimiter_dev-metrics_${n}`;
    }
    return delimiter;
}
function issueFileCommand(command, key, value) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const converted = toCommandValue(value);
    const delimiter = fileCommandDelimiter(key, converted);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
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
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
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
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** The job summary: Markdown appended to GITHUB_STEP_SUMMARY (core.summary's addRaw + write). */
class Summary {
    buffer = '';
    addRaw(text, addEOL = false) {
        this.buffer += addEOL ? `${text}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}` : text;
        return this;
    }
    async write() {
        const file = process.env['GITHUB_STEP_SUMMARY'];
        if (!file) {
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        }
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
        return this;
    }
}
const summary = new Summary();


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
// EXTERNAL MODULE: ./src/action/otlp.ts
var otlp = __webpack_require__(71187);
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

/***/ 42131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ ciMatrix),
/* harmony export */   Yo: () => (/* binding */ ciText),
/* harmony export */   dr: () => (/* binding */ ciRunId),
/* harmony export */   k3: () => (/* binding */ parseCi)
/* harmony export */ });
/* unused harmony exports rawCi, ciNumber */
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
        const name = record.name;
        this.internInto(0, this.name, row, typeof name === 'string' ? name : String(name));
        this.startedMs[row] = startedMs ?? (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTimestamp */ .EH)(String(record.started_at ?? '').trim());
        const duration = record.duration_ms;
        this.durationMs[row] = typeof duration === 'number' ? duration : NaN;
        this.flags[row] =
            (record.status === 'success' ? 0 : FAILED) | (record.error === 'cancelled' ? CANCELLED : 0);
        // The fields one by one, with parseCi's rules (rawCi, ciText, ciNumber) written out here: no
        // CiFields object per row, and each key a constant (a helper taking the key as an argument
        // makes every read a keyed lookup, the slowest kind, at a million rows).
        const metadata = record.metadata;
        const raw = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
            ? metadata['ci']
            : undefined;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            this.prNumber[row] = NaN;
            for (const field of this.compact ? KEPT_COMPACT : TEXT_FIELDS)
                this[field][row] = NONE;
            return this.addValuesOf(record, row);
        }
        const ci = raw;
        const pr = ci['pr_number'];
        this.prNumber[row] = typeof pr === 'number' && Number.isFinite(pr) ? pr : NaN;
        const sha = ci['sha'];
        this.internInto(1, this.sha, row, typeof sha === 'string' && sha !== '' ? sha : undefined);
        const branch = ci['branch'];
        this.internInto(2, this.branch, row, typeof branch === 'string' && branch !== '' ? branch : undefined);
        const defaultBranch = ci['default_branch'];
        this.internInto(8, this.defaultBranch, row, typeof defaultBranch === 'string' && defaultBranch !== '' ? defaultBranch : undefined);
        if (this.compact)
            return this.addValuesOf(record, row);
        this.internInto(3, this.job, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'job'));
        this.internInto(4, this.runnerOs, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'runner_os'));
        this.internInto(5, this.runnerArch, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciText */ .Yo)(ci, 'runner_arch'));
        const matrix = ci['matrix'];
        this.matrix[row] =
            matrix === undefined || matrix === null ? NONE : this.intern(matrixText((0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciMatrix */ .Ko)(ci)));
        this.internInto(7, this.runId, row, (0,_ci_js__WEBPACK_IMPORTED_MODULE_4__/* .ciRunId */ .dr)(ci));
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
/** The last valid date parseTimestamp read (yyyymmdd as a number) and its epoch ms. */
let lastDateKey = -1;
let lastDateMs = 0;
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
    const month = twoDigits(text, 5);
    const day = twoDigits(text, 8);
    const hour = twoDigits(text, 11);
    const minute = twoDigits(text, 14);
    const second = twoDigits(text, 17);
    const separator = text.charCodeAt(10);
    if (text.charCodeAt(4) !== 45 || // -
        text.charCodeAt(7) !== 45 ||
        (separator !== 84 && separator !== 32) || // T or space
        text.charCodeAt(13) !== 58 || // :
        text.charCodeAt(16) !== 58 ||
        century < 0 ||
        yearOfCentury < 0 ||
        month < 0 ||
        day < 0 ||
        hour < 0 ||
        hour > 23 ||
        minute < 0 ||
        minute > 59 ||
        second < 0 ||
        second > 59) {
        return NaN;
    }
    // Records come in runs of one day (a day file): the date's check and its day count are kept
    // for the last date seen, which depend on nothing else.
    const dateKey = ((century * 100 + yearOfCentury) * 100 + month) * 100 + day;
    let dayMs;
    if (dateKey === lastDateKey) {
        dayMs = lastDateMs;
    }
    else {
        const year = century * 100 + yearOfCentury;
        if (month < 1 ||
            month > 12 ||
            day < 1 ||
            day > DAYS_IN_MONTH[month - 1] ||
            (month === 2 && day === 29 && !isLeapYear(year))) {
            return NaN;
        }
        dayMs = daysFromCivil(year, month, day) * DAY_MS;
        lastDateKey = dateKey;
        lastDateMs = dayMs;
    }
    let ms = dayMs + ((hour * 60 + minute) * 60 + second) * 1000;
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
    /** Operations by name text id of the history addRow reads (see addRow). */
    byNameId = [];
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
        this.addTo(this.operationOf(record.name, record), record, startedMs);
    }
    /**
     * add() for a record just added to `history` as row `row` (readHistory's visitor): the
     * operation is found by the row's name id, an array index, instead of hashing the name's text
     * (a fresh string per record) again. Same result as add(record, startedMs).
     */
    addRow(history, row, record, startedMs) {
        const id = history.name[row];
        let op = this.byNameId[id];
        if (op === undefined) {
            op = this.operationOf(history.texts[id], record);
            while (this.byNameId.length < id)
                this.byNameId.push(undefined);
            this.byNameId[id] = op;
        }
        this.addTo(op, record, startedMs);
    }
    operationOf(name, record) {
        let op = this.operations.get(name);
        if (op === undefined) {
            op = {
                name,
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
            this.operations.set(name, op);
        }
        return op;
    }
    addTo(op, record, startedMs) {
        const duration = record.duration_ms;
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
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(file, flags | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (error) {
        if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EISDIR') {
            let stats = null;
            try {
                stats = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(file);
            }
            catch {
                // gone meanwhile: report the open's error
            }
            if (stats !== null && !stats.isFile())
                throw new NotRegularFileError(notRegularReason(stats));
        }
        throw error;
    }
    const stats = node_fs__WEBPACK_IMPORTED_MODULE_0___default().fstatSync(fd);
    if (!stats.isFile()) {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
        throw new NotRegularFileError(notRegularReason(stats));
    }
    return fd;
}
/**
 * The buffer of a chunked line reader, apart from its I/O (the text reader is asynchronous, the
 * byte reader synchronous): read into `buffer` from `room()`, then `take(n)` returns the whole
 * lines buffered so far, valid until the next `room()`; what follows the last line break stays for
 * the next read. The buffer grows only for a line longer than it.
 */
class LinePieces {
    buffer;
    /** Offset in the file of the piece `take()` or `rest()` returned last. */
    offset = 0;
    filled = 0;
    /** Bytes of the piece returned last, dropped by the next room(). */
    taken = 0;
    constructor(buffer) {
        this.buffer = buffer;
    }
    /** Drops the piece returned last; where the next read goes (to the buffer's end). */
    room() {
        if (this.taken > 0) {
            this.buffer.copy(this.buffer, 0, this.taken, this.filled);
            this.filled -= this.taken;
            this.offset += this.taken;
            this.taken = 0;
        }
        if (this.filled === this.buffer.length) {
            const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
            this.buffer.copy(bigger, 0, 0, this.filled);
            this.buffer = bigger;
        }
        return this.filled;
    }
    /** Counts `bytesRead` new bytes; the whole lines buffered, or undefined while none has ended. */
    take(bytesRead) {
        this.filled += bytesRead;
        const lastBreak = this.buffer.lastIndexOf(10, this.filled - 1);
        if (lastBreak === -1)
            return undefined;
        this.taken = lastBreak + 1;
        return this.buffer.subarray(0, this.taken);
    }
    /** At the end of the file: the last line when it does not end with '\n'. */
    rest() {
        this.room();
        return this.filled > 0 ? this.buffer.subarray(0, this.filled) : undefined;
    }
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
    const lines = new LinePieces(spareBuffer ?? Buffer.allocUnsafe(CHUNK_BYTES));
    spareBuffer = undefined;
    try {
        for (;;) {
            const at = lines.room();
            const { buffer } = lines;
            const { bytesRead } = await handle.read(buffer, at, buffer.length - at, null);
            const piece = bytesRead === 0 ? lines.rest() : lines.take(bytesRead);
            if (piece !== undefined)
                yield piece.toString('utf8');
            if (bytesRead === 0)
                return;
        }
    }
    finally {
        if (lines.buffer.length === CHUNK_BYTES)
            spareBuffer = lines.buffer;
        await handle.close();
    }
}
let spareBuffer;
/**
 * Read size of a read by name: its pieces are searched as bytes and never decoded whole (only
 * the lines that name the operation become strings), so a piece can be larger than CHUNK_BYTES.
 */
const BYTE_CHUNK_BYTES = 1 << 20;
/**
 * readTextChunks for a read by name: the file's bytes in pieces that each end at a line break, in
 * one reused buffer (valid until the next piece). The reads are synchronous: a day file is local,
 * a piece takes well under a millisecond, and each asynchronous call would cost a thread-pool
 * round trip (five per file, most of a small read).
 */
function* readByteChunks(file) {
    const fd = openRegularSync(file, (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDONLY);
    const lines = new LinePieces(spareByteBuffer ?? Buffer.allocUnsafe(BYTE_CHUNK_BYTES));
    spareByteBuffer = undefined;
    try {
        for (;;) {
            const at = lines.room();
            const { buffer } = lines;
            const bytesRead = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readSync(fd, buffer, at, buffer.length - at, null);
            const piece = bytesRead === 0 ? lines.rest() : lines.take(bytesRead);
            if (piece !== undefined)
                yield { bytes: piece, offset: lines.offset };
            if (bytesRead === 0)
                return;
        }
    }
    finally {
        if (lines.buffer.length === BYTE_CHUNK_BYTES)
            spareByteBuffer = lines.buffer;
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
    }
}
let spareByteBuffer;
/** How many '\n' bytes `bytes` holds before `end`. */
function countLineBreaks(bytes, end) {
    let count = 0;
    for (let at = bytes.indexOf(10); at !== -1 && at < end; at = bytes.indexOf(10, at + 1))
        count++;
    return count;
}
/**
 * The 1-based number of the line starting at `lineStart` in a piece of `file` (for the warning's
 * "first:"): a read by name never counts lines, so the lines of the file before the piece are
 * counted here, once per read, when there is something to report.
 */
function lineNumberAt(file, piece, lineStart) {
    let before = 0;
    if (piece.offset > 0) {
        try {
            const fd = openRegularSync(file, (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDONLY);
            try {
                const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
                for (let position = 0; position < piece.offset;) {
                    const n = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readSync(fd, buffer, 0, Math.min(buffer.length, piece.offset - position), position);
                    if (n === 0)
                        break;
                    before += countLineBreaks(buffer, n);
                    position += n;
                }
            }
            finally {
                node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
            }
        }
        catch {
            // Gone meanwhile: the number counts from the piece's start.
        }
    }
    return before + countLineBreaks(piece.bytes, lineStart) + 1;
}
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
/**
 * The pieces of the selected day files, file by file (`read` reads one: text or bytes); unreadable
 * ones are counted in `report`.
 */
async function* dayFilePieces(dir, options, report, read) {
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
            for await (const piece of read(file.path))
                yield { file, piece };
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
/** What RecordLines.line says of one line (bits). */
const LINE_STOP = 1;
const LINE_PROBLEM = 2;
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
    /**
     * The needle's bytes without its opening quote (ASCII: found in the bytes exactly where it is in
     * the text): a match is one preceded by '"'. Searching from the name's first letter, not from
     * '"' (every few bytes of JSON), is what makes the search fast.
     */
    needleBytes;
    constructor(options, report) {
        this.report = report;
        this.since = options.since ?? -Infinity;
        this.until = options.until ?? Infinity;
        this.wanted = options.name;
        this.needle =
            this.wanted !== undefined && PLAIN_NAME.test(this.wanted)
                ? JSON.stringify(this.wanted)
                : undefined;
        this.needleBytes =
            this.needle === undefined ? undefined : Buffer.from(this.needle.slice(1), 'latin1');
    }
    /** Processes every line of `text`; false when the visitor asked to stop. */
    process(file, text, visit) {
        if (file !== this.file) {
            this.file = file;
            this.lineNumber = 0;
        }
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
            const outcome = this.line(file, line, visit);
            if (outcome & LINE_PROBLEM)
                this.report.firstProblem ??= `${file.name}:${this.lineNumber}`;
            if (outcome & LINE_STOP)
                return false;
        }
        return true;
    }
    /**
     * A read by name: the lines of a piece that hold the needle, found in the bytes, so the other
     * steps' lines are never decoded, split or counted (the same lines `process` would parse).
     */
    processBytes(file, piece, visit) {
        const needle = this.needleBytes;
        const { bytes } = piece;
        for (let at = bytes.indexOf(needle); at !== -1;) {
            if (at === 0 || bytes[at - 1] !== 0x22) {
                at = bytes.indexOf(needle, at + 1);
                continue;
            }
            const start = bytes.lastIndexOf(10, at) + 1;
            let end = bytes.indexOf(10, at + needle.length);
            if (end === -1)
                end = bytes.length;
            const outcome = this.line(file, bytes.toString('utf8', start, end), visit);
            if (outcome & LINE_PROBLEM && this.report.firstProblem === null) {
                this.report.firstProblem = `${file.name}:${lineNumberAt(file.path, piece, start)}`;
            }
            if (outcome & LINE_STOP)
                return false;
            at = end + 1 < bytes.length ? bytes.indexOf(needle, end + 1) : -1;
        }
        return true;
    }
    /** One line: its record to the visitor, or counted as skipped (LINE_PROBLEM). */
    line(file, line, visit) {
        const report = this.report;
        let value = (0,_json_line_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJsonLine */ .w)(line);
        if (value === _json_line_js__WEBPACK_IMPORTED_MODULE_5__/* .BLANK_LINE */ .I)
            return 0; // holds no record (see appendRecord)
        let started = (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .validRecordStartMs */ .OS)(value);
        let outcome = 0;
        if (Number.isNaN(started)) {
            // Garbage, truncated, or a record without a measured duration: counted, not used.
            outcome = LINE_PROBLEM;
            if (!(0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .hasNonFiniteDuration */ .xY)(value)) {
                report.skippedLines++;
                value = value === undefined ? recordAfterTornLine(line) : undefined;
                started = (0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .validRecordStartMs */ .OS)(value);
            }
            if (Number.isNaN(started)) {
                if ((0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .hasNonFiniteDuration */ .xY)(value))
                    report.unmeasuredRecords++;
                return outcome;
            }
        }
        const record = value;
        if (this.wanted !== undefined && record.name !== this.wanted)
            return outcome;
        if (started < this.since || started >= this.until)
            return outcome;
        report.records++;
        return visit(record, started, file) === false ? outcome | LINE_STOP : outcome;
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
        if (lines.needleBytes !== undefined) {
            for await (const { file, piece } of dayFilePieces(dir, options, report, readByteChunks)) {
                if (!lines.processBytes(file, piece, visit))
                    break;
            }
        }
        else {
            for await (const { file, piece } of dayFilePieces(dir, options, report, readTextChunks)) {
                if (!lines.process(file, piece, visit))
                    break;
            }
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
    const keep = (batch) => (record) => void batch.push((0,_record_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeRecord */ .pY)(record));
    try {
        if (lines.needleBytes !== undefined) {
            for await (const { file, piece } of dayFilePieces(dir, options, report, readByteChunks)) {
                const batch = [];
                lines.processBytes(file, piece, keep(batch));
                yield* batch;
            }
        }
        else {
            for await (const { file, piece } of dayFilePieces(dir, options, report, readTextChunks)) {
                const batch = [];
                lines.process(file, piece, keep(batch));
                yield* batch;
            }
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


/***/ }),

/***/ 44746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ flakinessOfRows),
/* harmony export */   r9: () => (/* binding */ flakinessOfSeries)
/* harmony export */ });
/* unused harmony exports detectFlakiness, flakinessByName */
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
        reports.push(commitReport(name, commits, state, last, history.texts));
    }
    return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}
/**
 * flakinessOfSeries of every operation: `byName` is history.rowsByName() (all rows). The same
 * reports, but the columns are read in row order: an operation's rows are scattered over the
 * history, and visiting them one operation at a time misses the CPU cache at nearly every row.
 * Two passes in row order copy each counted run's commit, outcome and time into one stretch per
 * operation; each stretch is then read front to back with the per-commit state of
 * flakinessOfSeries (arrays indexed by the commit's text id, small enough to stay in cache).
 */
function flakinessByName(history, byName, options = {}) {
    checkDays(options);
    const names = [...byName];
    if (options.days !== undefined) {
        return flakinessOfSeries(history, names.map(([name, rows]) => ({ name, rows })), options);
    }
    const m = names.length;
    // Operation index by name text id (-1: not an operation of byName).
    const slot = new Int32Array(history.texts.length).fill(-1);
    names.forEach(([name], j) => (slot[history.idOf(name)] = j));
    const { name: nameOf, sha: shaOf, flags, startedMs } = history;
    const length = history.length;
    // A cancelled run says nothing about the step: a re-run after a cancel is not a flake.
    const start = new Int32Array(m + 1);
    for (let row = 0; row < length; row++) {
        if (shaOf[row] === NONE || (flags[row] & CANCELLED) !== 0)
            continue;
        const j = slot[nameOf[row]];
        if (j >= 0)
            start[j + 1]++;
    }
    for (let j = 0; j < m; j++)
        start[j + 1] += start[j];
    const filled = start.slice(0, m);
    const commit = new Int32Array(start[m]);
    const outcome = new Uint8Array(start[m]);
    const time = new Float64Array(start[m]);
    for (let row = 0; row < length; row++) {
        const sha = shaOf[row];
        const flag = flags[row];
        if (sha === NONE || (flag & CANCELLED) !== 0)
            continue;
        const j = slot[nameOf[row]];
        if (j < 0)
            continue;
        const at = filled[j]++;
        commit[at] = sha;
        outcome[at] = (flag & FAILED) === 0 ? OK : FAIL;
        time[at] = startedMs[row];
    }
    const state = new Uint8Array(history.texts.length);
    const last = new Float64Array(history.texts.length);
    const reports = [];
    names.forEach(([name], j) => {
        const commits = []; // sha ids in first-seen order
        for (let at = start[j]; at < start[j + 1]; at++) {
            const sha = commit[at];
            if (state[sha] === 0) {
                commits.push(sha);
                last[sha] = -Infinity;
            }
            state[sha] = state[sha] | outcome[at];
            if (time[at] > last[sha])
                last[sha] = time[at];
        }
        if (commits.length === 0)
            return;
        reports.push(commitReport(name, commits, state, last, history.texts));
    });
    return reports.sort((a, b) => b.flakeRate - a.flakeRate || a.name.localeCompare(b.name));
}
const OK = 1;
const FAIL = 2;
/**
 * The report of one operation from its commits (in first-seen order), each commit's outcomes
 * (`OK | FAIL` bits) and newest run time; clears the commits' state for the next operation.
 */
function commitReport(name, commits, state, last, texts) {
    const flaky = commits
        .filter((sha) => state[sha] === (OK | FAIL))
        .sort((a, b) => last[b] - last[a]) // stable: ties stay in first-seen order
        .map((sha) => texts[sha]);
    for (const sha of commits)
        state[sha] = 0;
    return {
        name,
        flakyCommits: flaky,
        commitsSeen: commits.length,
        flakeRate: flaky.length / commits.length,
    };
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
