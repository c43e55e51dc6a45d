export const id = 199;
export const ids = [199];
export const modules = {

/***/ 15703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* unused harmony export proxyFor */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/**
 * HTTP for the cache, the artifact upload and the REST listing, on `node:http`/`node:https` alone.
 * `@actions/http-client` brought undici (~1 MB of code compiled cold in the first step of every
 * job, ~35 ms) for what is here a handful of requests.
 *
 * Proxies are honoured as `@actions/http-client` honours them (its `getProxyUrl`/`checkBypass`):
 * `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http ones, a proxy URL
 * without a scheme read as `http://`, credentials in it sent as Basic `Proxy-Authorization`;
 * `no_proxy`/`NO_PROXY` (`*`, host, `host:port`, `.domain` and domain suffixes) and loopback hosts
 * go direct. As its `tunnel` agents do, every proxied request goes through a CONNECT tunnel.
 */



/** The proxy `url` goes through, or undefined for a direct connection. */
function proxyFor(url, env = process.env) {
    if (bypassesProxy(url, env))
        return undefined;
    const value = url.protocol === 'https:'
        ? env['https_proxy'] || env['HTTPS_PROXY']
        : env['http_proxy'] || env['HTTP_PROXY'];
    if (!value)
        return undefined;
    // `proxy.corp:3128` parses as a URL of scheme `proxy.corp:`: read it as http:// (the client
    // would have failed on it).
    const withScheme = /^https?:\/\//i.test(value) ? value : `http://${value}`;
    try {
        return new URL(withScheme);
    }
    catch {
        return undefined;
    }
}
function bypassesProxy(url, env) {
    const host = url.hostname.toLowerCase();
    if (!host)
        return false;
    if (host === 'localhost' ||
        host.startsWith('127.') ||
        host.startsWith('[::1]') ||
        host.startsWith('[0:0:0:0:0:0:0:1]')) {
        return true;
    }
    const noProxy = env['no_proxy'] || env['NO_PROXY'] || '';
    if (!noProxy)
        return false;
    const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
    const hosts = [host.toUpperCase(), `${host.toUpperCase()}:${port}`];
    return noProxy
        .split(',')
        .map((x) => x.trim().toUpperCase())
        .filter((x) => x !== '')
        .some((item) => item === '*' ||
        hosts.some((h) => h === item || h.endsWith(`.${item}`) || (item.startsWith('.') && h.endsWith(item))));
}
/** One request on a connection of its own (no keep-alive): resolves with the response head. */
async function request(target, o = {}) {
    const url = typeof target === 'string' ? new URL(target) : target;
    const secure = url.protocol === 'https:';
    const proxy = o.proxy === undefined ? proxyFor(url) : o.proxy;
    const socket = proxy ? await tunnel(proxy, url, o.signal) : undefined;
    const headers = { ...o.headers };
    if (o.body !== undefined)
        headers['content-length'] = Buffer.byteLength(o.body);
    return new Promise((resolve, reject) => {
        const options = {
            method: o.method ?? 'GET',
            headers,
            agent: false,
            ...(o.signal ? { signal: o.signal } : {}),
            ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
            ...(socket
                ? {
                    createConnection: () => secure ? node_tls__WEBPACK_IMPORTED_MODULE_2___default().connect({ socket, servername: url.hostname }) : socket,
                }
                : {}),
        };
        const req = (secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request(url, options, resolve);
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} in time`)));
        req.end(o.body);
    });
}
/** A CONNECT tunnel through `proxy` to the host of `url`. */
function tunnel(proxy, url, signal) {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const headers = { host: `${url.hostname}:${port}` };
    if (proxy.username || proxy.password) {
        const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
        headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    return new Promise((resolve, reject) => {
        const req = (proxy.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request({
            host: proxy.hostname,
            port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: `${url.hostname}:${port}`,
            headers,
            agent: false,
            ...(signal ? { signal } : {}),
        });
        req.once('connect', (res, socket) => {
            if (res.statusCode === 200)
                return resolve(socket);
            socket.destroy();
            reject(new Error(`the proxy ${proxy.host} refused the tunnel (HTTP ${res.statusCode})`));
        });
        req.once('error', reject);
        req.end();
    });
}
/** The response body as text; a body over `maxBytes` is an error. */
async function readText(res, maxBytes = 16 * 1024 * 1024) {
    const chunks = [];
    let size = 0;
    for await (const chunk of res) {
        size += chunk.length;
        if (size > maxBytes) {
            res.destroy();
            throw new Error(`the answer is over ${maxBytes} bytes`);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}


/***/ }),

/***/ 55199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CACHE_PATH: () => (/* binding */ DEFAULT_CACHE_PATH),
  DEFAULT_TIMEOUT_MS: () => (/* binding */ DEFAULT_TIMEOUT_MS),
  RESTORE_CONCURRENCY: () => (/* binding */ RESTORE_CONCURRENCY),
  cacheServiceConfigured: () => (/* binding */ cacheServiceConfigured),
  cacheServiceV2: () => (/* binding */ cacheServiceV2),
  dayFileSizes: () => (/* binding */ dayFileSizes),
  defaultKeyPrefix: () => (/* binding */ defaultKeyPrefix),
  historyKeys: () => (/* binding */ historyKeys),
  makeCacheLister: () => (/* binding */ makeCacheLister),
  mergeHistories: () => (/* binding */ mergeHistories),
  restoreHistory: () => (/* binding */ restoreHistory),
  saveHistory: () => (/* binding */ saveHistory)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: ./src/core/store.ts
var store = __webpack_require__(4230);
// EXTERNAL MODULE: ./src/core/sync-io.ts
var sync_io = __webpack_require__(63037);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./src/action/cache/http.ts
var http = __webpack_require__(15703);
// EXTERNAL MODULE: ./src/action/results-api.ts
var results_api = __webpack_require__(71137);
;// CONCATENATED MODULE: ./src/action/cache/download.ts
/**
 * Finds and downloads a cache entry the way `@actions/cache` v2 does, without extracting it: the
 * official `restoreCache` runs `tar -P` into the workspace, so a crafted entry could write anywhere.
 * Only the lookup and the transfer live here; `extract.ts` decides what of the archive is kept.
 *
 * Compatibility with entries saved by the official `saveCache` rests on three things mirrored from
 * `@actions/cache/lib/internal` (not exported by the package): the entry version (`cacheUtils.
 * getCacheVersion`: paths, compression method, the Windows flag, salt `1.0`), the compression method
 * (`getCompressionMethod`: `zstd-without-long` when `zstd --quiet --version` prints anything, else
 * `gzip`) and the Twirp call (`GetCacheEntryDownloadURL` with proto field names). A test saves with
 * the real client and restores with this code.
 *
 * Every request runs under a `Deadline`: when it passes, its request is aborted (its socket
 * destroyed), so nothing keeps retrying or holds the process open after the bound. The HTTP is
 * `./http.ts` (node:http, proxies as `@actions/http-client` honours them).
 */





const SERVICE = 'github.actions.results.api.v1.CacheService';
const VERSION_SALT = '1.0';
/** The entry version `@actions/cache` computes for `paths` (cacheUtils.getCacheVersion). */
function cacheVersion(paths, compression, enableCrossOsArchive = false) {
    const components = [...paths, compression];
    if (process.platform === 'win32' && !enableCrossOsArchive)
        components.push('windows-only');
    components.push(VERSION_SALT);
    return external_node_crypto_default().createHash('sha256').update(components.join('|')).digest('hex');
}
let compressionProbe;
/** As `@actions/cache` decides it: zstd when the `zstd` binary answers, else gzip. Asked once. */
function compressionMethod() {
    compressionProbe ??= new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('zstd', ['--quiet', '--version'], { timeout: 10_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`.trim() === '' ? 'gzip' : 'zstd-without-long'));
    });
    return compressionProbe;
}
/** A point in time after which no cache request may still run. */
class Deadline {
    what;
    controller = new AbortController();
    timer;
    at;
    constructor(ms, what = 'the cache service') {
        this.what = what;
        this.at = Date.now() + ms;
        this.timer = setTimeout(() => this.controller.abort(this.error()), ms);
        this.timer.unref();
        // Concurrent downloads each listen for the deadline: more than Node's default 10 is expected.
        (0,external_node_events_.setMaxListeners)(0, this.controller.signal);
    }
    get signal() {
        return this.controller.signal;
    }
    get expired() {
        return this.controller.signal.aborted;
    }
    remaining() {
        return Math.max(0, this.at - Date.now());
    }
    error() {
        return new CacheTimeoutError(`${this.what} did not answer in time`);
    }
    /** Settles with `promise`, or rejects when the deadline passes first. */
    race(promise) {
        promise.catch(() => undefined); // abandoned: a late failure must not crash the process
        if (this.expired)
            return Promise.reject(this.error());
        return new Promise((resolve, reject) => {
            const onAbort = () => reject(this.error());
            this.signal.addEventListener('abort', onAbort, { once: true });
            promise
                .then(resolve, reject)
                .finally(() => this.signal.removeEventListener('abort', onAbort));
        });
    }
    dispose() {
        clearTimeout(this.timer);
    }
}
class CacheTimeoutError extends Error {
    name = 'CacheTimeoutError';
}
/**
 * `GetCacheEntryDownloadURL` for `key` then `restoreKeys` (prefixes) at `version`; null on a miss.
 * Retries 5xx and network errors while the deadline allows, like the official client does.
 */
async function lookupEntry(key, restoreKeys, version, deadline) {
    const base = process.env['ACTIONS_RESULTS_URL'] ?? '';
    const token = process.env['ACTIONS_RUNTIME_TOKEN'] ?? '';
    const url = new URL(`/twirp/${SERVICE}/GetCacheEntryDownloadURL`, base).href;
    const body = JSON.stringify({
        key,
        ...(restoreKeys.length > 0 ? { restore_keys: restoreKeys } : {}),
        version,
    });
    for (let attempt = 1;; attempt++) {
        let status = 0;
        let detail = '';
        try {
            const res = await deadline.race((0,http/* request */.Em)(url, {
                method: 'POST',
                body,
                headers: {
                    'Content-Type': 'application/json',
                    Authorization: `Bearer ${token}`,
                    'User-Agent': 'dev-metrics (cache)',
                },
                signal: deadline.signal,
                timeoutMs: Math.max(1, deadline.remaining()),
            }));
            status = res.statusCode ?? 0;
            const text = await deadline.race((0,http/* readText */.yR)(res));
            if (status >= 200 && status < 300)
                return parseLocation(text);
            detail = (0,results_api/* twirpMessage */.IV)(text);
        }
        catch (error) {
            if (deadline.expired)
                throw deadline.error();
            detail = error instanceof Error ? error.message : String(error);
        }
        const retryable = status === 0 || [500, 502, 503, 504].includes(status);
        const wait = 1000 * attempt;
        if (!retryable || attempt >= 3 || deadline.remaining() < wait) {
            throw new Error(`GetCacheEntryDownloadURL failed${status ? ` (HTTP ${status})` : ''}: ${detail}`);
        }
        await deadline.race(new Promise((resolve) => setTimeout(resolve, wait).unref()));
    }
}
function parseLocation(text) {
    const data = JSON.parse(text);
    if (data['ok'] !== true)
        return null;
    const url = data['signed_download_url'] ?? data['signedDownloadUrl'];
    const matchedKey = data['matched_key'] ?? data['matchedKey'];
    if (typeof url !== 'string' || url === '' || typeof matchedKey !== 'string') {
        throw new Error('GetCacheEntryDownloadURL answered ok without a download URL');
    }
    return { url, matchedKey };
}
/**
 * GETs the archive at a signed blob URL (a plain GET is what the official client does for every
 * host but `*.blob.core.windows.net`, and Azure answers it too). Refuses bodies over `maxBytes`.
 * The stream is destroyed when the deadline passes.
 */
async function downloadArchive(url, deadline, maxBytes) {
    let message;
    let at = new URL(url);
    // Redirects are followed as @actions/http-client followed them (a cache server may redirect to
    // its storage); a downgrade from https to http is refused, as it refused it.
    for (let hops = 0;; hops++) {
        message = await deadline.race((0,http/* request */.Em)(at, {
            headers: { 'User-Agent': 'dev-metrics (blob)' },
            signal: deadline.signal,
            timeoutMs: Math.max(1, deadline.remaining()),
        }));
        const location = message.headers.location;
        if (![301, 302, 303, 307, 308].includes(message.statusCode ?? 0) || !location)
            break;
        message.resume();
        const next = new URL(location, at);
        if (hops >= 10)
            throw new Error('the blob store redirected more than 10 times');
        if (at.protocol === 'https:' && next.protocol !== 'https:') {
            throw new Error('the blob store redirected from https to http');
        }
        at = next;
    }
    const onAbort = () => void message.destroy(deadline.error());
    deadline.signal.addEventListener('abort', onAbort, { once: true });
    message.once('close', () => deadline.signal.removeEventListener('abort', onAbort));
    const status = message.statusCode ?? 0;
    if (status < 200 || status >= 300) {
        message.resume();
        throw new Error(`the blob store answered HTTP ${status}`);
    }
    const length = Number(message.headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes) {
        message.destroy();
        throw new Error(`the archive is ${length} bytes, over the ${maxBytes}-byte bound`);
    }
    return message;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./src/action/cache/extract.ts
/**
 * Unpacks a cache archive as data, never as instructions: the only thing it ever writes is a new
 * regular file `<dest>/<YYYY-MM-DD>.jsonl` (exclusive create in a private directory), named after
 * a member `<staging dir>/<day file>` of the archive. Anything else in the archive — an absolute or
 * `..` path, a link of either kind, a device, a FIFO, a directory named like a day file, a member
 * outside the staging directory, the same day file twice — refuses the whole entry: an archive
 * saved by this action never holds one, so it was crafted or damaged.
 *
 * Bounds: the decompressed stream may not exceed `maxBytes` (a 62 KB zstd entry can unpack to
 * 700 MB), and an entry may hold at most MAX_DAY_FILES day files.
 *
 * Decompression: gzip with zlib; zstd with `zlib.createZstdDecompress` where Node has it (22.15+,
 * 24: the action's runtime), else the `zstd` binary, which `@actions/cache` itself requires for zstd
 * entries (it chooses zstd only when that binary answers). The bound is applied to the output.
 */









/** 256 MiB of tar stream: about 600,000 records, far beyond a history of `days-to-keep` days. */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** About 13 years of day files. */
const MAX_DAY_FILES = 5000;
class UnsafeArchiveError extends Error {
    name = 'UnsafeArchiveError';
}
/** Unpacks the day files of `archive` into `dest`; returns their names. Rejects on anything else. */
async function extractDayFiles(archive, o) {
    const maxBytes = o.maxBytes ?? MAX_UNPACKED_BYTES;
    const prefix = o.stagingDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const written = [];
    const extract = (0,tar_stream.extract)();
    const unpacking = (0,external_node_stream_promises_.pipeline)(archive, sizeBound(maxBytes, 'the archive is larger than'), // zstd skippable frames unpack to nothing
    decompressor(o.compression), sizeBound(maxBytes, 'it unpacks to more than'), extract);
    unpacking.catch(() => undefined); // reported through the iteration below, or awaited after it
    try {
        for await (const entry of extract) {
            const day = acceptedDayFile(entry.header, prefix);
            if (day === null) {
                entry.resume();
                continue; // the staging directory itself
            }
            if (entry.header.size > maxBytes) {
                throw new UnsafeArchiveError(`it unpacks to more than ${Math.round(maxBytes / 2 ** 20)} MiB`);
            }
            if (written.length >= MAX_DAY_FILES) {
                throw new UnsafeArchiveError(`more than ${MAX_DAY_FILES} day files`);
            }
            // 'wx': exclusive create, so a name given twice cannot reopen a file; O_NOFOLLOW is moot
            // in a directory nobody else knows, but costs nothing. Synchronous writes of each chunk as
            // it comes: a local file, and a thread-pool round trip per chunk was most of the unpacking.
            let fd;
            try {
                fd = (0,external_node_fs_.openSync)(external_node_path_default().join(o.dest, day), external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, 0o644);
            }
            catch (error) {
                throw error.code === 'EEXIST'
                    ? new UnsafeArchiveError(`${entry.header.name} appears twice`)
                    : error;
            }
            try {
                for await (const chunk of entry)
                    (0,sync_io/* writeAllSync */.Ud)(fd, chunk);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            written.push(day);
        }
        await unpacking;
    }
    catch (error) {
        archive.destroy();
        extract.destroy();
        throw error;
    }
    return written;
}
/** The day file a member stands for; null for the staging directory; throws for anything else. */
function acceptedDayFile(header, prefix) {
    const raw = header.name;
    const name = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    const shown = JSON.stringify(raw.slice(0, 200));
    if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || raw.includes('\\')) {
        throw new UnsafeArchiveError(`absolute path ${shown}`);
    }
    if (name.split('/').includes('..'))
        throw new UnsafeArchiveError(`'..' in path ${shown}`);
    if (header.type !== 'file' && header.type !== 'directory') {
        const target = header.linkname ? ` -> ${JSON.stringify(header.linkname.slice(0, 200))}` : '';
        throw new UnsafeArchiveError(`${header.type ?? 'unknown'} member ${shown}${target}`);
    }
    if (header.type === 'directory') {
        if (name === prefix)
            return null;
        throw new UnsafeArchiveError(`unexpected directory ${shown}`);
    }
    const slash = name.lastIndexOf('/');
    const dir = slash === -1 ? '' : name.slice(0, slash);
    const base = name.slice(slash + 1);
    if (dir !== prefix || !store/* DAY_FILE_RE */.u2.test(base)) {
        throw new UnsafeArchiveError(`unexpected member ${shown}`);
    }
    return base;
}
/** Errors once more than `max` bytes went through. */
function sizeBound(max, what) {
    let seen = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            seen += chunk.length;
            if (seen > max) {
                done(new UnsafeArchiveError(`${what} ${Math.round(max / 2 ** 20)} MiB`));
            }
            else {
                done(null, chunk);
            }
        },
    });
}
/**
 * Output chunks of the in-process decompressors: each chunk is a thread-pool round trip, and at
 * zlib's default 16 KiB a 5.5 MB snapshot took 37-44 ms to unpack instead of 17-22 ms (Node 24).
 * Larger chunks were no faster, and each is garbage once written: 256 KiB took main's peak RSS at
 * 100,000 records from ~128 to ~145 MiB.
 */
const DECOMPRESS_CHUNK = 64 * 1024;
function decompressor(method) {
    if (method === 'gzip')
        return external_node_zlib_default().createGunzip({ chunkSize: DECOMPRESS_CHUNK });
    const z = (external_node_zlib_default());
    if (typeof z.createZstdDecompress === 'function') {
        return z.createZstdDecompress({ chunkSize: DECOMPRESS_CHUNK });
    }
    return zstdProcess();
}
/** `zstd -d` as a stream that ends only once zstd exited 0 (corrupt input becomes an error). */
function zstdProcess() {
    const child = (0,external_node_child_process_.spawn)('zstd', ['-d', '-c', '-q'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = `${stderr}${d.toString()}`.slice(-500)));
    const out = new external_node_stream_.PassThrough();
    child.stdout.pipe(out, { end: false });
    const duplex = external_node_stream_.Duplex.from({ writable: child.stdin, readable: out });
    child.stdin.on('error', () => undefined); // EPIPE when zstd stops early: its exit says why
    child.on('error', (error) => duplex.destroy(error));
    child.on('close', (code) => {
        if (code === 0)
            out.end();
        else
            duplex.destroy(new Error(`zstd -d failed: ${stderr.trim() || `exit code ${code}`}`));
    });
    duplex.on('close', () => {
        if (child.exitCode === null && child.signalCode === null)
            child.kill();
    });
    return duplex;
}

;// CONCATENATED MODULE: ./src/action/cache/save.ts
/**
 * Saves a cache entry the way `@actions/cache` v2 `saveCache` does on Linux, without loading it:
 * the client and the Azure storage SDK it uploads with are ~2.5 MB of code that the owner's post
 * compiled cold in the first step of every job (~100 ms) for three requests.
 *
 * What the official client must still restore rests on the same three things as the restore
 * (`download.ts`): the entry version, the compression method, and the archive itself, made by the
 * same command (`cacheUtils`/`tar.ts` of the client): the workspace-relative path in a manifest,
 * `tar --posix -cf cache.tzst --exclude cache.tzst -P -C <workspace> --files-from manifest.txt`
 * with `--use-compress-program zstdmt` (or `-z` and `cache.tgz` for gzip), run in a temp dir.
 * Then the Twirp calls with proto field names (`CreateCacheEntry`, `FinalizeCacheEntryUpload`)
 * and, between them, the archive in one Put Blob to the signed URL (the SDK also sends a file
 * under its 128 MiB single-shot size in one request). A test restores what this saves with the
 * official `restoreCache`.
 *
 * Only on Linux (its tar is GNU tar, what the client expects there), for archives up to that
 * 128 MiB: elsewhere, or bigger, `SaveFallback` asks the caller to use the official client.
 */






const save_SERVICE = 'github.actions.results.api.v1.CacheService';
/** The SDK's single-shot bound as the client sets it: above, it uploads in blocks. */
const SINGLE_PUT_MAX_BYTES = 128 * 1024 * 1024;
/** This save is for the official client (not Linux, or an archive over one Put Blob). */
class SaveFallback extends Error {
    name = 'SaveFallback';
}
/** The service refused to reserve the entry (a read-only token, the key taken). */
class ReserveError extends Error {
    name = 'ReserveError';
}
/**
 * Archives `cachePath` (relative to GITHUB_WORKSPACE, as the client resolves it), reserves `key`,
 * uploads and finalizes. Returns the entry id; throws with the step that failed.
 */
async function saveCacheEntry(cachePath, key) {
    if (process.platform !== 'linux')
        throw new SaveFallback(`not on Linux (${process.platform})`);
    const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
    const relative = external_node_path_default().relative(workspace, external_node_path_default().resolve(cachePath)).split((external_node_path_default()).sep).join('/') || '.';
    const compression = await compressionMethod();
    const version = cacheVersion([cachePath], compression);
    const temp = process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir();
    await (0,promises_.mkdir)(temp, { recursive: true }); // as the client's createTempDirectory
    const folder = await (0,promises_.mkdtemp)(external_node_path_default().join(temp, 'dev-metrics-save-'));
    try {
        const archive = await createTar(folder, workspace, relative, compression);
        const data = await (0,promises_.readFile)(archive);
        if (data.length > SINGLE_PUT_MAX_BYTES) {
            throw new SaveFallback(`the archive is ${data.length} bytes, over one Put Blob`);
        }
        const reserved = await cacheCall('CreateCacheEntry', { key, version });
        const url = reserved['signed_upload_url'];
        if (reserved['ok'] !== true || typeof url !== 'string' || url === '') {
            const why = typeof reserved['message'] === 'string' ? reserved['message'] : 'not ok';
            throw new ReserveError(`the cache service did not reserve ${key}: ${why}`);
        }
        await (0,results_api/* putBlob */.HT)(url, data, { 'User-Agent': 'dev-metrics (blob)' });
        const done = await cacheCall('FinalizeCacheEntryUpload', {
            key,
            version,
            size_bytes: String(data.length),
        });
        if (done['ok'] !== true) {
            const why = typeof done['message'] === 'string' ? done['message'] : 'not ok';
            throw new Error(`the cache service did not finalize ${key}: ${why}`);
        }
        return Number(done['entry_id'] ?? 0);
    }
    finally {
        await (0,promises_.rm)(folder, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** `tar.ts` createTar of the client, Linux/GNU tar: the archive's path. */
async function createTar(folder, workspace, relative, compression) {
    const name = compression === 'gzip' ? 'cache.tgz' : 'cache.tzst';
    await (0,promises_.writeFile)(external_node_path_default().join(folder, 'manifest.txt'), relative);
    const args = ['--posix', '-cf', name, '--exclude', name, '-P', '-C', workspace];
    args.push('--files-from', 'manifest.txt');
    args.push(...(compression === 'gzip' ? ['-z'] : ['--use-compress-program', 'zstdmt']));
    await new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('tar', args, { cwd: folder, maxBuffer: 1024 * 1024 }, (error, _out, stderr) => error
            ? reject(new Error(`tar failed: ${String(stderr).trim() || error.message}`))
            : resolve());
    });
    return external_node_path_default().join(folder, name);
}
function cacheCall(method, body) {
    return (0,results_api/* twirpCall */.Nw)({
        base: process.env['ACTIONS_RESULTS_URL'] ?? '',
        token: process.env['ACTIONS_RUNTIME_TOKEN'] ?? '',
        service: save_SERVICE,
        method,
        body,
        userAgent: 'dev-metrics (cache)',
    });
}

;// CONCATENATED MODULE: ./src/action/cache/annotations.ts
/**
 * One warning per fault: the official `saveCache` annotates its own failures (`::warning::Failed to
 * save`, `::warning::uploadCacheArchiveSDK: ...`, `::error::` for a 5xx) and then returns -1, after
 * which dev-metrics warns once with the consequence. While `run` is pending, the client's
 * annotations are printed as plain log lines instead, so its detail stays in the log and the step
 * shows one warning. The owner's post publishes the comment and the dashboard while it saves: their
 * own annotations (dev-metrics' messages all start with `dev-metrics:`) stay annotations.
 */
const ANNOTATION = /^::(warning|error)(?: [^:]*)?::/;
const OURS = /^::(warning|error)(?: [^:]*)?::dev-metrics: /;
async function plainAnnotations(run) {
    const write = process.stdout.write;
    process.stdout.write = function (chunk, ...rest) {
        if (typeof chunk === 'string' && ANNOTATION.test(chunk) && !OURS.test(chunk)) {
            chunk = `cache: ${annotations_unescape(chunk.replace(ANNOTATION, ''))}`;
        }
        return write.call(this, chunk, ...rest);
    };
    try {
        return await run();
    }
    finally {
        process.stdout.write = write;
    }
}
/** Undoes @actions/core's command escaping of the message (`%25`, `%0D`, `%0A`). */
function annotations_unescape(text) {
    const body = text.replace(/\r?\n$/, '');
    const tail = text.slice(body.length);
    return `${body.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')}${tail}`;
}

;// CONCATENATED MODULE: ./src/action/cache/plan.ts
/**
 * Which cache entries hold the history, and what a job saves: pure functions over the REST
 * listing, shared by the action and the footprint bench.
 *
 * Entries are of two kinds, told apart by the last segment of their key:
 * - a snapshot holds the whole (pruned) history: `…-s<coverage in base 36>.<6 hex>`, or a legacy
 *   `…-<8 hex>` key (every entry saved before deltas existed was a full snapshot). Its coverage
 *   is the creation time (server clock) of the newest entry its writer listed: every entry
 *   created before then was merged into it;
 * - a delta holds only the records one job added: `…-d.<6 hex>`.
 *
 * A scope's history is its newest snapshot plus every entry created after that snapshot's
 * coverage minus a margin (listing lag, concurrent writers: merging de-duplicates lines, so an
 * entry taken twice costs nothing but its download). Concurrent snapshots of parallel jobs are
 * taken too, as deltas would be.
 */
/** Entries created this long before a snapshot's coverage are still taken with it. */
const COVERAGE_MARGIN_MS = 10 * 60_000;
/** Deltas, then a snapshot after this many (or when the deltas outgrow SNAPSHOT_RATIO). */
const SNAPSHOT_EVERY = 20;
/** …or when the deltas since the newest snapshot weigh more than this fraction of it. */
const SNAPSHOT_RATIO = 0.25;
/**
 * A snapshot must be this old before the entries it supersedes are deleted: a reader that listed
 * before it existed has long finished its downloads, and every later reader starts from it.
 */
const SAFE_DELETE_AGE_MS = 10 * 60_000;
/** Entries one restore downloads at most (one listing page). */
const MAX_RESTORE_ENTRIES = 100;
const SNAPSHOT_RE = /-s([0-9a-z]{1,12})\.[0-9a-f]{6}$/;
const DELTA_RE = /-d\.[0-9a-f]{6}$/;
function entryKind(key) {
    if (DELTA_RE.test(key))
        return { kind: 'delta' };
    const s = SNAPSHOT_RE.exec(key);
    if (s)
        return { kind: 'snapshot', coverage: parseInt(s[1], 36) };
    return { kind: 'snapshot', coverage: null };
}
/** The last key segment of a new entry (random part from `random6`: 6 hex digits). */
function kindSuffix(plan, random6) {
    return plan.kind === 'delta'
        ? `d.${random6}`
        : `s${Math.max(0, Math.floor(plan.coverage)).toString(36)}.${random6}`;
}
const time = (e) => Date.parse(e.created_at) || 0;
/** What to restore of one scope's entries (any order). */
function selectScope(entries, max = MAX_RESTORE_ENTRIES) {
    const sorted = [...entries].sort((a, b) => time(b) - time(a));
    const base = sorted.find((e) => entryKind(e.key).kind === 'snapshot') ?? null;
    let wanted;
    if (base) {
        const k = entryKind(base.key);
        const coverage = (k.kind === 'snapshot' && k.coverage) || time(base);
        const from = coverage - COVERAGE_MARGIN_MS;
        wanted = [base, ...sorted.filter((e) => e !== base && time(e) > from)];
    }
    else {
        wanted = sorted; // deltas only (their snapshot was evicted): all of them are the history
    }
    // Newest first when cut: the base always stays.
    const kept = wanted.length > max ? [wanted[0], ...wanted.slice(1, max)] : wanted;
    // Deltas within the margin before the base are taken too, but are most likely in it already.
    const after = base ? time(base) : Number.NEGATIVE_INFINITY;
    const deltas = kept.filter((e) => entryKind(e.key).kind === 'delta' && time(e) > after);
    return {
        chosen: [...kept].sort((a, b) => time(a) - time(b)),
        base,
        deltas: deltas.length,
        deltaBytes: deltas.reduce((n, e) => n + (e.size_in_bytes ?? 0), 0),
        truncated: kept.length < wanted.length,
        newest: sorted.length > 0 ? time(sorted[0]) : null,
    };
}
/** Once a snapshot is due, each job writes it with this chance (parallel jobs see the same). */
const SNAPSHOT_CHANCE = 0.25;
/** A busy branch: deltas are due for a snapshot only once the newest one is this old… */
const SNAPSHOT_MIN_AGE_MS = 30 * 60_000;
/** …or when this many have piled up (a restore downloads them all). */
const SNAPSHOT_MAX_DELTAS = 60;
/**
 * A snapshot when the job holds the whole history of its scope and the scope needs one (none
 * yet, or enough deltas since the newest); otherwise a delta of the job's own records. A restore
 * that missed anything (a failed download, a timeout, no listing) never writes a snapshot: a
 * partial snapshot would hide the older entries from every later restore.
 *
 * Jobs running at the same time list the same entries and would all find a snapshot due at once;
 * each takes it with SNAPSHOT_CHANCE (`draw`, uniform in [0, 1), fixed per job), and on a busy
 * branch not before the newest snapshot is SNAPSHOT_MIN_AGE_MS old: every snapshot written is
 * the whole history, so how many a day is what the footprint is made of.
 */
function planSave(own, complete, now, draw = 0) {
    if (!complete || !own)
        return { kind: 'delta' };
    const coverage = own.newest ?? now;
    if (!own.base)
        return { kind: 'snapshot', coverage };
    const baseBytes = own.base.size_in_bytes ?? 0;
    const age = now - (Date.parse(own.base.created_at) || 0);
    const due = own.deltas >= SNAPSHOT_MAX_DELTAS ||
        ((own.deltas + 1 >= SNAPSHOT_EVERY ||
            (baseBytes > 0 && own.deltaBytes > baseBytes * SNAPSHOT_RATIO)) &&
            age >= SNAPSHOT_MIN_AGE_MS);
    if (due && draw < SNAPSHOT_CHANCE)
        return { kind: 'snapshot', coverage };
    return { kind: 'delta' };
}
/**
 * Entries of the scope that its newest snapshot made useless, once that snapshot is old enough
 * that no reader still starts from an older one: everything created before its coverage minus
 * the margin (so never an entry a restore would take).
 */
function superseded(entries, now) {
    const sel = selectScope(entries, Number.POSITIVE_INFINITY);
    const base = sel.base;
    if (!base || now - time(base) < SAFE_DELETE_AGE_MS)
        return [];
    const keep = new Set(sel.chosen);
    const k = entryKind(base.key);
    const from = ((k.kind === 'snapshot' && k.coverage) || time(base)) - COVERAGE_MARGIN_MS;
    return entries.filter((e) => !keep.has(e) && time(e) <= from && e.id !== undefined);
}

// EXTERNAL MODULE: ./src/action/runner-io.ts
var runner_io = __webpack_require__(10923);
;// CONCATENATED MODULE: ./src/action/history.ts
/**
 * Keeps the `.metrics/` history in the Actions cache so that parallel jobs never lose each other's
 * records.
 *
 * Cache entries are immutable and a prefix restore returns only the newest one, so K parallel jobs
 * that each restore, append and save leave K entries of which a plain restore sees one. Therefore:
 * - every save goes to a new unique key
 *   `${prefix}-${branch}-${runId}-${runAttempt}-${jobKey}-${random}`;
 * - restore lists the newest entries per scope (own branch, then PR base, then default branch —
 *   the branches a run may read) through the REST API (`actions: read`), restores each by exact
 *   key, and merges them: a union of lines per day file, de-duplicated by the exact line (records
 *   are written byte-identically), appended to what the workspace `.metrics/` already holds;
 * - when listing fails (403, 404, network, no token) or shows nothing (a cache server the REST API
 *   does not list) it falls back to one prefix restore of the newest entry and says once what that
 *   costs.
 *
 * Where the archive lives: an entry's version hashes the path *string* it was saved from, and tar
 * stores paths relative to GITHUB_WORKSPACE. We save a copy of the day files (regular files only,
 * links never followed) from the workspace-relative directory `.dev-metrics-cache` as the official
 * `saveCache` saves it (`cache/save.ts` on Linux, the client itself elsewhere), so the version is
 * identical on every runner and OS layout and the official `restoreCache` restores it.
 *
 * Restoring does NOT use `restoreCache`, which runs `tar -P` wherever the archive's paths point: a
 * crafted entry is data, not code. `cache/download.ts` finds and downloads the entry as the client
 * would, `cache/extract.ts` unpacks only regular top-level day files, size-bounded, into a private
 * temp dir, and the merge appends the missing lines. A refused, failed or corrupt entry never
 * touches `.metrics/`. The restore and the save are each bounded by `timeoutMs`; a restore that
 * ran out of time marks the cache unresponsive so that the save does not wait for it again.
 *
 * Nothing here throws: every fault (cache unavailable or disabled by ACTIONS_CACHE_MODE, 5xx/429,
 * timeout, read-only token, corrupt archive) becomes one warning and the run goes on.
 * Superseded entries are not deleted (that needs `actions: write`, and another job may be reading).
 */















const DEFAULT_CACHE_PATH = '.dev-metrics-cache';
const DEFAULT_TIMEOUT_MS = 120_000;
/** Downloads at once during a restore. */
const RESTORE_CONCURRENCY = 8;
/** `${cacheKey}-v1-${os}`: v1 is the archive layout, the OS keeps Windows/zstd entries apart. */
function defaultKeyPrefix(cacheKey = 'dev-metrics', runnerOs = process.env['RUNNER_OS']) {
    return `${cleanSegment(cacheKey)}-v1-${cleanSegment(runnerOs ?? process.platform)}`;
}
/** Cache keys may not contain commas; whitespace makes logs ambiguous; keys are ≤ 512 chars. */
function cleanSegment(value) {
    return value.replace(/[,\s]/g, '_').slice(0, 120);
}
function historyKeys(o) {
    const prefix = cleanSegment(o.keyPrefix);
    const branches = [o.branch, o.baseBranch, o.defaultBranch].filter((b) => typeof b === 'string' && b !== '');
    const scopePrefixes = [...new Set(branches.map((b) => `${prefix}-${cleanSegment(b)}-`))];
    return {
        scopePrefixes,
        restoreKeys: [...scopePrefixes, `${prefix}-`],
        saveKey: (suffix = external_node_crypto_default().randomBytes(4).toString('hex')) => [
            prefix,
            cleanSegment(o.branch),
            o.runId,
            String(o.runAttempt),
            cleanSegment(o.jobKey),
            suffix,
        ]
            .join('-')
            .slice(0, 512),
    };
}
/**
 * The REST lister behind `actions: read`: `GET /repos/{o}/{r}/actions/caches?key=` and, for
 * superseded entries, `DELETE …/caches/{id}`. Two plain requests (`cache/http.ts`): octokit and
 * the HTTP client it brings cost the first step of a job ~50 ms of cold code for them.
 * A failure is an Error with the HTTP `status`, as octokit's RequestError has it.
 */
function makeCacheLister(token, repository, apiUrl) {
    const [owner = '', repo = ''] = repository.split('/');
    const base = (apiUrl || process.env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
    const caches = `${base}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/caches`;
    const call = async (method, url) => {
        const res = await (0,http/* request */.Em)(url, {
            method,
            headers: {
                Accept: 'application/vnd.github+json',
                Authorization: `token ${token}`,
                'User-Agent': 'dev-metrics',
                'X-GitHub-Api-Version': '2022-11-28',
            },
        });
        const text = await (0,http/* readText */.yR)(res);
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
            let detail = text.slice(0, 200);
            try {
                const m = JSON.parse(text).message;
                if (typeof m === 'string')
                    detail = m;
            }
            catch {
                // not JSON: the start of the body says enough
            }
            throw Object.assign(new Error(`${detail} - ${method} ${url}`), { status });
        }
        return text;
    };
    return {
        async listCaches(keyPrefix) {
            const query = new URLSearchParams({
                key: keyPrefix,
                sort: 'created_at',
                direction: 'desc',
                per_page: '100',
            });
            const data = JSON.parse(await call('GET', `${caches}?${query}`));
            return (data.actions_caches ?? []).map((c) => ({
                key: c.key ?? '',
                created_at: c.created_at ?? '',
                ref: c.ref ?? undefined,
                id: c.id,
                size_in_bytes: c.size_in_bytes,
            }));
        },
        async deleteCache(id) {
            await call('DELETE', `${caches}/${id}`);
        },
    };
}
/** Restores the cached history and merges it into `metricsDir`. Never throws. */
async function restoreHistory(o) {
    const log = o.log ?? runner_io;
    const result = { mode: 'skipped', restoredKeys: [], addedLines: 0 };
    const unavailable = cacheUnavailable('read');
    if (unavailable) {
        log.warning(`dev-metrics: history not restored: ${unavailable}. Using only ${o.metricsDir}.`);
        return result;
    }
    const cachePath = o.cachePath ?? DEFAULT_CACHE_PATH;
    const keys = historyKeys(o);
    const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let scratch;
    let deadline;
    let timedOut = false;
    /** Restored entries' dirs by their place in the merge order (downloads finish in any order). */
    const restoredDirs = new Map();
    let entryDirs = 0;
    /** Listed keys the service did not find (scoping the listing cannot see). */
    const missed = [];
    /** Entries found but refused or failed, with why: each is skipped, the others merged. */
    const bad = new Map();
    /** Every entry that may hold records was merged: the save may be a snapshot. */
    let complete = false;
    let noListing = false;
    let ownScope = null;
    let supersededOwn = [];
    try {
        const temp = process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir();
        await (0,promises_.mkdir)(temp, { recursive: true });
        scratch = await (0,promises_.mkdtemp)(external_node_path_default().join(temp, 'dev-metrics-'));
        // The zstd probe (a child process) runs while the listing is on the wire.
        const probe = compressionMethod();
        const listing = await listCandidates(o, keys, log);
        const candidates = listing?.keys ?? null;
        ownScope = listing?.own ?? null;
        supersededOwn = listing?.superseded ?? [];
        deadline = new Deadline(timeoutMs, 'the cache service');
        const compression = await probe;
        const version = cacheVersion([cachePath], compression);
        const stagingDir = workspaceRelative(cachePath);
        const restoreInto = async (key, restoreKeys, order = 0) => {
            const found = await lookupEntry(key, restoreKeys, version, deadline).catch((error) => {
                if (error instanceof CacheTimeoutError)
                    throw error;
                bad.set(key, message(error));
                return undefined;
            });
            if (found === undefined)
                return false;
            if (found === null) {
                if (restoreKeys.length === 0)
                    missed.push(key);
                return false;
            }
            if (bad.has(found.matchedKey) || result.restoredKeys.includes(found.matchedKey))
                return false;
            const dir = external_node_path_default().join(scratch, String(++entryDirs));
            await (0,promises_.mkdir)(dir);
            try {
                const archive = await downloadArchive(found.url, deadline, MAX_UNPACKED_BYTES);
                await deadline.race(extractDayFiles(archive, { compression, stagingDir, dest: dir }));
            }
            catch (error) {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
                if (error instanceof CacheTimeoutError || deadline.expired)
                    throw deadline.error();
                bad.set(found.matchedKey, message(error));
                return false;
            }
            restoredDirs.set(order, dir);
            result.restoredKeys.push(found.matchedKey);
            return true;
        };
        const [primary, ...rest] = keys.restoreKeys;
        if (candidates && candidates.length > 0) {
            result.mode = 'merged';
            // Concurrent downloads: a restore costs a few round trips, not one per entry.
            let next = 0;
            const worker = async () => {
                while (next < candidates.length) {
                    const i = next++;
                    await restoreInto(candidates[i], [], i);
                }
            };
            await Promise.all(Array.from({ length: Math.min(RESTORE_CONCURRENCY, candidates.length) }, worker));
            complete = bad.size === 0 && missed.length === 0 && listing?.truncated !== true;
            if (result.restoredKeys.length === 0 && bad.size === 0) {
                // Listed but none restorable (scoping the listing cannot see): the prefix restore may be.
                result.mode = 'fallback';
                complete = false;
                await restoreInto(primary, rest);
            }
        }
        else {
            // Cannot list, or the listing shows nothing: a cache the REST API does not list (a
            // self-hosted cache server) still answers a restore by prefix. Never lose a history to that.
            result.mode = candidates ? 'merged' : 'fallback';
            // Only an empty listing means the cache is not listed; entries of refs this run may not
            // read are a different story (the prefix restore then finds what the service allows).
            const restored = await restoreInto(primary, rest);
            if (restored)
                result.mode = 'fallback';
            // Without a listing, later restores see only the newest entry: it must hold everything,
            // as every entry did before deltas (unless the prefix restore itself found a delta).
            complete = !restored || entryKind(result.restoredKeys[0]).kind === 'snapshot';
            // The listing missed what the prefix restore found: it cannot be trusted with coverage.
            if (!candidates || restored)
                noListing = true;
            // A sibling job of this run that saved between our listing and our restore is a race,
            // not an unlisted cache.
            const sibling = restored && result.restoredKeys[0].includes(`-${o.runId}-${o.runAttempt}-`);
            if (restored && listing?.listed === 0 && !sibling) {
                log.warning('dev-metrics: the cache listing shows no history entry, but a restore by key prefix ' +
                    `found ${result.restoredKeys[0]}: this cache is not listed by GitHub's REST API (a ` +
                    'self-hosted cache server?). Merged only that newest entry; merging the records of ' +
                    'parallel jobs needs a listing this cache does not offer.');
            }
        }
    }
    catch (error) {
        timedOut = error instanceof CacheTimeoutError;
        log.warning(`dev-metrics: history not fully restored (${message(error)}` +
            `${timedOut ? ` within ${timeoutMs / 1000}s; DEV_METRICS_CACHE_TIMEOUT_MS sets the bound` : ''}` +
            `); continuing with ${result.restoredKeys.length} restored entries and ${o.metricsDir}.` +
            `${timedOut ? ' The history will not be saved to the cache by this step either.' : ''}`);
    }
    finally {
        deadline?.dispose();
    }
    try {
        // Merge whatever restored completely, even when a later entry failed or timed out.
        const ordered = [...restoredDirs].sort((a, b) => a[0] - b[0]).map(([, dir]) => dir);
        result.addedLines = await mergeHistories(ordered, o.metricsDir, log);
    }
    catch (error) {
        complete = false;
        log.warning(`dev-metrics: restored history not merged into ${o.metricsDir}: ${message(error)}`);
    }
    result.plan = noListing
        ? complete
            ? { kind: 'snapshot', coverage: 0 }
            : { kind: 'delta' }
        : planSave(ownScope, complete && !timedOut, Date.now(), jobDraw(o));
    result.superseded = supersededOwn;
    if (scratch)
        await (0,promises_.rm)(scratch, { recursive: true, force: true }).catch(() => undefined);
    if (timedOut)
        return { ...result, cacheUnresponsive: true };
    // Listed entries this run may not read fail quietly when the prefix restore then found the
    // history; any other failure is worth one warning.
    const quietMisses = result.mode === 'fallback' && result.restoredKeys.length > 0;
    const failures = [
        ...[...bad].map(([key, why]) => `${key}: ${why}`),
        ...(quietMisses ? [] : missed.map((key) => `${key}: not found`)),
    ];
    if (failures.length > 0) {
        log.warning(`dev-metrics: skipped ${failures.length} cached history entr${failures.length === 1 ? 'y' : 'ies'} ` +
            `(${failures.join('; ')}); merged the other ${result.restoredKeys.length}.`);
    }
    log.info(`dev-metrics: restored ${result.restoredKeys.length} history cache entr` +
        `${result.restoredKeys.length === 1 ? 'y' : 'ies'}, ${result.addedLines} new records.`);
    return result;
}
/** The cache path as `@actions/cache` stores it in the archive: relative to the workspace. */
function workspaceRelative(cachePath) {
    const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
    return external_node_path_default().relative(workspace, external_node_path_default().resolve(cachePath)).split((external_node_path_default()).sep).join('/') || '.';
}
/** Prunes old day files, then saves the history under a new unique key. Never throws. */
async function saveHistory(o) {
    const log = o.log ?? runner_io;
    if (o.daysToKeep !== undefined) {
        try {
            await (0,store/* pruneDayFiles */.Uy)(o.metricsDir, o.daysToKeep, o.now);
        }
        catch (error) {
            log.warning(`dev-metrics: old day files not pruned: ${message(error)}`);
        }
    }
    const unavailable = cacheUnavailable('write');
    if (unavailable || o.cacheUnresponsive) {
        const say = o.unavailableAlreadyReported || o.cacheUnresponsive ? log.info : log.warning;
        const why = unavailable ?? 'the cache service did not answer the restore in time';
        say.call(log, `dev-metrics: history not saved to the cache: ${why}.`);
        return { saved: false, key: null };
    }
    const cachePath = o.cachePath ?? DEFAULT_CACHE_PATH;
    const stage = external_node_path_default().resolve(cachePath);
    const plan = o.plan;
    const key = historyKeys(o).saveKey(plan ? kindSuffix(plan, external_node_crypto_default().randomBytes(3).toString('hex')) : undefined);
    const kind = plan?.kind ?? 'snapshot';
    try {
        const names = (await (0,promises_.readdir)(o.metricsDir).catch(() => [])).filter((f) => store/* DAY_FILE_RE */.u2.test(f));
        await (0,promises_.rm)(stage, { recursive: true, force: true });
        await (0,promises_.mkdir)(stage, { recursive: true });
        let dayFiles = 0;
        let bytes = 0;
        for (const f of names) {
            const from = kind === 'delta' ? (o.deltaFrom?.[f] ?? 0) : 0;
            const copied = await copyRegularFile(external_node_path_default().join(o.metricsDir, f), external_node_path_default().join(stage, f), from);
            if (copied === null)
                log.debug(`dev-metrics: ${f} is not a regular file; not saved.`);
            else if (copied > 0) {
                dayFiles++;
                bytes += copied;
            }
        }
        if (dayFiles === 0) {
            log.info(kind === 'delta'
                ? 'dev-metrics: no new records in this job; nothing to save.'
                : `dev-metrics: no history in ${o.metricsDir}; nothing to save.`);
            return { saved: false, key: null };
        }
        const id = await withTimeout(saveEntry(cachePath, key, log), o.timeoutMs ?? DEFAULT_TIMEOUT_MS, `saving ${key}`);
        if (id === -1) {
            log.warning(`dev-metrics: history not saved to the cache under ${key} (see the cache message above); ` +
                'the next run will not see this run’s records.');
            return { saved: false, key };
        }
        log.info(`dev-metrics: saved the history ${kind === 'delta' ? 'delta (this job’s records)' : 'snapshot'} ` +
            `(${dayFiles} day files, ${formatBytes(bytes)} before compression) as ${key}.`);
        if (o.superseded?.length)
            await deleteSuperseded(o, log);
        return { saved: true, key, bytes };
    }
    catch (error) {
        log.warning(`dev-metrics: history not saved to the cache: ${message(error)}`);
        return { saved: false, key };
    }
    finally {
        await (0,promises_.rm)(stage, { recursive: true, force: true }).catch(() => undefined);
    }
}
/**
 * The entry saved as `@actions/cache` saves it (`cache/save.ts`, no client loaded); where that
 * does not apply (GHES's v1 service, not Linux, an archive over one Put Blob) the official client,
 * loaded then.
 * The entry id, or -1 when the official client declined (it said why).
 */
async function saveEntry(cachePath, key, log) {
    try {
        // The v1 service (GHES) speaks another protocol: the client's.
        if (!cacheServiceV2())
            throw new SaveFallback('the cache service is v1');
        return await saveCacheEntry(cachePath, key);
    }
    catch (error) {
        if (!(error instanceof SaveFallback))
            throw error;
        log.debug(`dev-metrics: saving with @actions/cache: ${error.message}`);
    }
    const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 64305));
    return plainAnnotations(() => cache.saveCache([cachePath], key));
}
/**
 * Copies `from` (past byte `offset`) when it is a regular file, never following a link
 * (O_NOFOLLOW) nor blocking on a FIFO (O_NONBLOCK). Returns the bytes copied (0: nothing past the
 * offset, no file written), or null for anything but a regular file.
 */
async function copyRegularFile(from, to, offset = 0) {
    const handle = await (0,promises_.open)(from, READ_NOFOLLOW).catch(() => null);
    if (!handle)
        return null;
    try {
        const info = await handle.stat();
        if (!info.isFile())
            return null;
        // A file shorter than its offset was rewritten (pruned, replaced): it is all new.
        const start = offset > 0 && offset <= info.size ? offset : 0;
        if (info.size - start <= 0)
            return 0;
        const data = Buffer.alloc(info.size - start);
        const { bytesRead } = await handle.read(data, 0, data.length, start);
        if (bytesRead === 0)
            return 0;
        await (0,promises_.writeFile)(to, data.subarray(0, bytesRead));
        return bytesRead;
    }
    finally {
        await handle.close();
    }
}
/** A number in [0, 1) fixed per job (see planSave): spreads due snapshots over parallel jobs. */
function jobDraw(o) {
    const hash = external_node_crypto_default().createHash('sha256')
        .update(`${o.runId}-${o.runAttempt}-${o.jobKey}`)
        .digest();
    return hash.readUInt32BE(0) / 2 ** 32;
}
/** Day file → size: what a job's delta is measured from. */
async function dayFileSizes(metricsDir) {
    const sizes = {};
    const names = await (0,promises_.readdir)(metricsDir).catch(() => []);
    for (const f of names.filter((n) => store/* DAY_FILE_RE */.u2.test(n))) {
        const info = await (0,promises_.stat)(external_node_path_default().join(metricsDir, f)).catch(() => null);
        if (info?.isFile())
            sizes[f] = info.size;
    }
    return sizes;
}
function formatBytes(n) {
    return n < 1024
        ? `${n} B`
        : n < 1048576
            ? `${(n / 1024).toFixed(1)} KiB`
            : `${(n / 1048576).toFixed(1)} MiB`;
}
/**
 * Deletes the entries the new snapshot's base superseded (see cache/plan.ts `superseded`). Without
 * `actions: write` the API answers 403: that is the default, so it is said once at debug level.
 */
async function deleteSuperseded(o, log) {
    const lister = o.lister;
    if (!lister?.deleteCache)
        return;
    let deleted = 0;
    for (const e of o.superseded ?? []) {
        try {
            await withTimeout(lister.deleteCache(e.id), o.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'deleting');
            deleted++;
        }
        catch (error) {
            const status = error.status;
            if (status === 404)
                continue; // another job deleted it first
            log.debug(status === 403
                ? 'dev-metrics: superseded history entries kept: the token lacks `actions: write`.'
                : `dev-metrics: superseded history entries kept: ${message(error)}`);
            break;
        }
    }
    if (deleted > 0)
        log.info(`dev-metrics: deleted ${deleted} superseded history cache entries.`);
}
const READ_NOFOLLOW = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK;
const NEW_NOFOLLOW = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
const APPEND_NOFOLLOW = external_node_fs_.constants.O_RDWR |
    external_node_fs_.constants.O_APPEND |
    external_node_fs_.constants.O_CREAT |
    external_node_fs_.constants.O_NOFOLLOW |
    external_node_fs_.constants.O_NONBLOCK;
/**
 * Union of the day files of `sources` (oldest entry first) into `target`, de-duplicated by the
 * exact line. Existing lines are never rewritten: the missing lines are appended in one O_APPEND
 * write per file, so records another process appends meanwhile are kept. A torn last line (no
 * final newline) gets one first. A target or source name that is not a regular file (a directory,
 * a symlink, a FIFO) is skipped. Returns the number of lines added. A day that one source holds
 * and the target lacks is copied whole (copyIntoNewFile).
 *
 * One day at a time: only that day's lines (its target file and its sources) are in memory, never
 * the whole history of every entry (a 100,000-record snapshot is about 40 MB of text).
 */
async function mergeHistories(sources, target, log) {
    /** Day file → its copies in the sources, in merge order. */
    const copies = new Map();
    for (const dir of sources) {
        const names = await (0,promises_.readdir)(dir).catch(() => []);
        for (const name of names.filter((n) => store/* DAY_FILE_RE */.u2.test(n)).sort()) {
            copies.set(name, [...(copies.get(name) ?? []), external_node_path_default().join(dir, name)]);
        }
    }
    let added = 0;
    let targetMade = false;
    const skipped = [];
    let copyBuffer;
    for (const [name, files] of copies) {
        if (files.length === 1) {
            if (!targetMade) {
                await (0,promises_.mkdir)(target, { recursive: true });
                targetMade = true;
            }
            copyBuffer ??= Buffer.allocUnsafe(COPY_CHUNK);
            const copied = copyIntoNewFile(files[0], external_node_path_default().join(target, name), copyBuffer);
            if (copied !== null) {
                added += copied;
                continue;
            }
        }
        const lines = [];
        let readable = false;
        for (const file of files) {
            const read = await readLines(file, (line) => {
                if (line.trim() !== '')
                    lines.push(line);
            });
            readable ||= read;
        }
        if (!readable)
            continue;
        if (!targetMade) {
            await (0,promises_.mkdir)(target, { recursive: true });
            targetMade = true;
        }
        const result = await appendMissing(external_node_path_default().join(target, name), lines);
        if (result === null)
            skipped.push(name);
        else
            added += result;
    }
    if (skipped.length > 0) {
        log?.warning(`dev-metrics: ${skipped.join(', ')} in ${target} ${skipped.length === 1 ? 'is' : 'are'} not ` +
            'a regular file; restored records of that day were not merged. Remove or rename it.');
    }
    return added;
}
/**
 * A day only one source holds, which the target lacks (the usual restore into a fresh checkout):
 * its file is the union already, so it is copied as bytes (a final newline added when it lacks
 * one), not decoded, split and de-duplicated. Synchronous (small local files, one day after the
 * other, nothing else to do meanwhile: a thread-pool round trip per call was most of the merge),
 * through one reused buffer (a new buffer per day file held tens of MB until a collection).
 * Returns the lines copied; null when `to` exists (then merged) or `from` is no regular file.
 */
function copyIntoNewFile(from, to, buffer) {
    let source;
    try {
        source = (0,store/* openRegularSync */.w5)(from, external_node_fs_.constants.O_RDONLY);
    }
    catch {
        return null;
    }
    try {
        let made;
        try {
            // Exclusive: a file made meanwhile (or a link planted there) is merged, never overwritten.
            made = (0,external_node_fs_.openSync)(to, NEW_NOFOLLOW, 0o644);
        }
        catch {
            return null;
        }
        try {
            const lines = new LineCounter();
            let last = NEWLINE_BYTE;
            for (let n; (n = (0,external_node_fs_.readSync)(source, buffer, 0, buffer.length, null)) > 0;) {
                lines.add(buffer, n);
                (0,sync_io/* writeAllSync */.Ud)(made, buffer, n);
                last = buffer[n - 1];
            }
            if (last !== NEWLINE_BYTE)
                (0,sync_io/* writeAllSync */.Ud)(made, NEWLINE);
            return lines.end();
        }
        finally {
            (0,external_node_fs_.closeSync)(made);
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(source);
    }
}
const NEWLINE_BYTE = 0x0a;
const NEWLINE = Buffer.from('\n');
/** The reused buffer of copyIntoNewFile. */
const COPY_CHUNK = 256 * 1024;
/** Counts the lines that are not blank (as the merge counts them) in bytes given piece by piece. */
class LineCounter {
    count = 0;
    /** Whether the line in progress has a byte other than blank space. */
    content = false;
    add(bytes, length) {
        const piece = bytes.subarray(0, length);
        for (let start = 0; start < length;) {
            const newline = piece.indexOf(NEWLINE_BYTE, start);
            const end = newline === -1 ? length : newline;
            // A record's line starts with '{': the loop ends at its first byte.
            for (let i = start; i < end && !this.content; i++) {
                const byte = piece[i];
                this.content = byte !== 0x20 && byte !== 0x09 && byte !== 0x0d;
            }
            if (newline === -1)
                break;
            if (this.content)
                this.count++;
            this.content = false;
            start = newline + 1;
        }
    }
    /** The count, the last line included when it has no final newline. */
    end() {
        return this.count + (this.content ? 1 : 0);
    }
}
/** Appends the `lines` that `file` lacks; the count, or null when it is not a regular file. */
async function appendMissing(file, lines) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, APPEND_NOFOLLOW, 0o644);
    }
    catch {
        return null; // a symlink (ELOOP), a directory (EISDIR), no permission
    }
    try {
        const stat = await handle.stat();
        if (!stat.isFile())
            return null;
        const existing = stat.size > 0 ? await handle.readFile({ encoding: 'utf8' }) : '';
        const seen = new Set(existing.split('\n'));
        const fresh = [];
        for (const line of lines) {
            if (seen.has(line))
                continue;
            seen.add(line);
            fresh.push(line);
        }
        if (fresh.length === 0)
            return 0;
        // Read again at the end: another process may have appended since readFile.
        const last = Buffer.alloc(1);
        const end = (await handle.stat()).size;
        const torn = end > 0 && (await handle.read(last, 0, 1, end - 1)).bytesRead === 1 && last[0] !== 10;
        await writeAll(handle, Buffer.from(`${torn ? '\n' : ''}${fresh.join('\n')}\n`));
        return fresh.length;
    }
    finally {
        await handle.close();
    }
}
/** One O_APPEND write; a short write (full disk) continues where it stopped. */
async function writeAll(handle, data) {
    let offset = 0;
    while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        if (bytesWritten === 0)
            throw new Error('write made no progress');
        offset += bytesWritten;
    }
}
/**
 * Calls `onLine` with each line of `file` (split on \n) when it is a regular file; false when it
 * is not one. Read in small chunks: no string as large as the file is ever made.
 */
async function readLines(file, onLine) {
    const handle = await (0,promises_.open)(file, READ_NOFOLLOW).catch(() => null);
    if (!handle)
        return false;
    try {
        if (!(await handle.stat()).isFile())
            return false;
        const decoder = new external_node_string_decoder_.StringDecoder('utf8');
        const chunk = Buffer.alloc(64 * 1024);
        let rest = '';
        for (;;) {
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            const text = rest + (bytesRead > 0 ? decoder.write(chunk.subarray(0, bytesRead)) : decoder.end());
            const parts = text.split('\n');
            rest = parts.pop() ?? '';
            for (const line of parts)
                onLine(line);
            if (bytesRead === 0)
                break;
        }
        if (rest !== '')
            onLine(rest);
        return true;
    }
    finally {
        await handle.close();
    }
}
/**
 * Keys to restore in merge order (per scope: its newest snapshot and the entries newer than what
 * that snapshot covers, see cache/plan.ts), how many entries the listing showed before any
 * filtering, the own branch's scope (what the save plan is made from) and the own scope's
 * superseded entries; null when listing is not possible (fallback).
 */
async function listCandidates(o, keys, log) {
    const fallback = (why) => {
        log.warning(`dev-metrics: cannot list the history cache entries (${why}); restoring only the newest ` +
            'one. Records that parallel jobs or matrix legs saved in other entries may be missing. ' +
            'Grant the workflow `permissions: actions: read` so every recent entry is merged.');
        return null;
    };
    if (!o.lister)
        return fallback('no GitHub token to call the REST API');
    const chosen = [];
    let count = 0;
    let own = null;
    let truncated = false;
    let gone = [];
    // Cache scoping: what this run is allowed to restore (unknown refs are kept and simply tried).
    const readable = new Set(o.ref
        ? [o.ref, ...[o.baseBranch, o.defaultBranch].filter(Boolean).map((b) => `refs/heads/${b}`)]
        : []);
    try {
        // Every scope's listing at once: a restore costs one round trip of listing, not one per scope.
        const lister = o.lister;
        const listings = await Promise.all(keys.scopePrefixes.map((scope) => withTimeout(lister.listCaches(scope), o.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'listing cache entries')));
        for (const [i, scope] of keys.scopePrefixes.entries()) {
            const listed = listings[i];
            count += listed.length;
            // `feat-` also prefixes branch `feat-x`'s keys; ours continue with `<runId>-<attempt>-`.
            const ours = listed.filter((e) => e.key.startsWith(scope) && /^\d+-\d+-/.test(e.key.slice(scope.length)));
            const usable = ours.filter((e) => e.ref === undefined || readable.size === 0 || readable.has(e.ref));
            const room = (o.maxEntries ?? MAX_RESTORE_ENTRIES) - chosen.length;
            const selection = selectScope(usable, Math.max(1, room));
            if (i === 0) {
                own = selection;
                gone = superseded(usable, Date.now()).map((e) => ({ id: e.id, key: e.key }));
            }
            truncated ||= selection.truncated;
            for (const e of selection.chosen)
                if (!chosen.includes(e.key))
                    chosen.push(e.key);
        }
    }
    catch (error) {
        return fallback(describeListingError(error));
    }
    log.debug(`dev-metrics: history entries to merge: ${chosen.join(', ') || 'none'}`);
    return { keys: chosen, listed: count, own, truncated, superseded: gone };
}
function describeListingError(error) {
    const status = error.status;
    if (status === 403)
        return 'HTTP 403: the token lacks `actions: read`';
    if (status === 404)
        return 'HTTP 404: repository or endpoint not found';
    return typeof status === 'number' ? `HTTP ${status}: ${message(error)}` : message(error);
}
/** The cache service is v2 (Twirp on ACTIONS_RESULTS_URL), as `@actions/cache` decides it. */
function cacheServiceV2(env = process.env) {
    const host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname
        .trimEnd()
        .toUpperCase();
    const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
    return !ghes && Boolean(env['ACTIONS_CACHE_SERVICE_V2']);
}
/**
 * `@actions/cache`'s isFeatureAvailable without loading the client (and its storage SDK, megabytes
 * of code a restore never uses): the v2 service (ACTIONS_CACHE_SERVICE_V2, not on GHES) needs
 * ACTIONS_RESULTS_URL, v1 needs ACTIONS_CACHE_URL.
 */
function cacheServiceConfigured(env = process.env) {
    return Boolean(cacheServiceV2(env) ? env['ACTIONS_RESULTS_URL'] : env['ACTIONS_CACHE_URL']);
}
/** Why the cache cannot be used for `op`, or undefined. Mirrors @actions/cache's own checks. */
function cacheUnavailable(op) {
    if (!cacheServiceConfigured()) {
        return 'the Actions cache service is not available (no ACTIONS_RESULTS_URL/ACTIONS_CACHE_URL)';
    }
    if (!process.env['ACTIONS_RUNTIME_TOKEN'])
        return 'ACTIONS_RUNTIME_TOKEN is not set';
    const mode = (process.env['ACTIONS_CACHE_MODE'] ?? '').trim().toLowerCase();
    const allowed = {
        none: [],
        read: ['read'],
        write: ['read', 'write'],
        'write-only': ['write'],
    };
    const ops = allowed[mode];
    if (ops && !ops.includes(op))
        return `the runner's cache mode '${mode}' does not permit ${op}s`;
    return undefined;
}
async function withTimeout(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
    });
    promise.catch(() => undefined); // an abandoned call that fails later must not crash the process
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 71137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HT: () => (/* binding */ putBlob),
/* harmony export */   IV: () => (/* binding */ twirpMessage),
/* harmony export */   Nw: () => (/* binding */ twirpCall)
/* harmony export */ });
/* harmony import */ var _cache_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15703);
/**
 * The two kinds of request the results service's clients make, shared by the cache save
 * (`cache/save.ts`) and the artifact upload (`artifact-upload.ts`): a Twirp JSON call, and one
 * Put Blob of a whole file to the signed URL the service hands out.
 */

/** One Twirp call (proto field names); 5xx and network errors are retried twice (1 s, 2 s). */
async function twirpCall(call) {
    const url = new URL(`/twirp/${call.service}/${call.method}`, new URL(call.base).origin);
    for (let attempt = 1;; attempt++) {
        let status = 0;
        let detail = '';
        try {
            const res = await (0,_cache_http_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                method: 'POST',
                body: JSON.stringify(call.body),
                headers: {
                    'Content-Type': 'application/json',
                    Authorization: `Bearer ${call.token}`,
                    'User-Agent': call.userAgent,
                },
            });
            status = res.statusCode ?? 0;
            const text = await (0,_cache_http_js__WEBPACK_IMPORTED_MODULE_0__/* .readText */ .yR)(res);
            if (status >= 200 && status < 300)
                return JSON.parse(text);
            detail = twirpMessage(text);
        }
        catch (error) {
            detail = error instanceof Error ? error.message : String(error);
        }
        const retryable = status === 0 || [500, 502, 503, 504].includes(status);
        if (!retryable || attempt >= 3) {
            throw new Error(`Failed to ${call.method}${status ? ` (HTTP ${status})` : ''}: ${detail}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt).unref());
    }
}
/** The `msg` of a Twirp error body, or the body's start. */
function twirpMessage(text) {
    try {
        const data = JSON.parse(text);
        return typeof data.msg === 'string' ? data.msg : text.slice(0, 200);
    }
    catch {
        return text.slice(0, 200);
    }
}
/**
 * Put Blob (a block blob in one request) to a signed URL. No `x-ms-version` header: a request
 * authorised by a shared access signature runs at the signature's own `sv` version, and Azure
 * ignores the header on it ("Previous Azure Storage versions", learn.microsoft.com).
 */
async function putBlob(url, data, headers) {
    const res = await (0,_cache_http_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
        method: 'PUT',
        body: data,
        headers: {
            'x-ms-blob-type': 'BlockBlob',
            'Content-Type': 'application/octet-stream',
            ...headers,
        },
    });
    const text = await (0,_cache_http_js__WEBPACK_IMPORTED_MODULE_0__/* .readText */ .yR)(res);
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
        const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
        throw new Error(`the blob store answered HTTP ${status}${code ? ` (${code})` : ''}`);
    }
}


/***/ })

};
