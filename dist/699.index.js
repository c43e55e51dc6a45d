export const id = 699;
export const ids = [699];
export const modules = {

/***/ 64699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readBenchmarkFile: () => (/* binding */ readBenchmarkFile)
});

// UNUSED EXPORTS: MAX_BENCHMARK_FILE_BYTES

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
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

;// CONCATENATED MODULE: ./src/action/benchmark-file.ts
/**
 * A step's `benchmark-file`, read and parsed (run-values.ts loads this module only when the input
 * is set). Never throws: what cannot be read or parsed is a one-line warning naming the input, the
 * file and the fix.
 */


/** Larger benchmark files are not read: no tool writes that much for one run. */
const MAX_BENCHMARK_FILE_BYTES = 20 * 1024 * 1024;
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
        return { values: parseBenchmarks(tool, text), warning: null };
    }
    catch (error) {
        // Any failure to parse, expected or not, must not cost the run its record.
        if (!(error instanceof BenchmarkFormatError)) {
            return none(`'${given}' could not be parsed as ${tool} output (${String(error)})`);
        }
        return none(`'${given}' is not ${tool} output: ${error.message}; check 'benchmark-tool' and that the command writes the tool's results there`);
    }
}


/***/ })

};
