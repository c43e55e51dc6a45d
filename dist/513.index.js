export const id = 513;
export const ids = [513];
export const modules = {

/***/ 48513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadDashboard: () => (/* binding */ uploadDashboard)
});

// UNUSED EXPORTS: artifactNameWithSuffix, dashboardOutputFile, stepFolder

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/action/results-api.ts
var results_api = __webpack_require__(71137);
;// CONCATENATED MODULE: ./src/action/artifact-upload.ts
/**
 * Uploads one file as a workflow artifact the way `@actions/artifact` v6 `uploadArtifact` does,
 * without loading it: the client, its HTTP stack and the Azure storage SDK are ~3.7 MB of code the
 * owner's post compiled cold in the first step of every job (~150 ms) for three requests.
 *
 * The wire, as the client speaks it (`internal/upload/upload-artifact.ts`, `shared/util.ts`):
 * the run and job backend ids from the `Actions.Results:<run>:<job>` scope of the runtime token
 * (a JWT); Twirp JSON `CreateArtifact` (proto field names, version 7, mime type application/zip)
 * on ACTIONS_RESULTS_URL's origin; the zip to the signed URL (one Put Blob, BlockBlob, with its
 * content type: the dashboard is far under Azure's single-request bound); `FinalizeArtifact` with
 * the size and `sha256:<hex>` of the zip. The zip holds the file at its root, deflated.
 */





const SERVICE = 'github.actions.results.api.v1.ArtifactService';
class GHESNotSupportedError extends Error {
    name = 'GHESNotSupportedError';
}
/** As the client's isGhes: github.com, *.ghe.com and *.localhost have the v4 artifact service. */
function isGhes() {
    const host = new URL(process.env['GITHUB_SERVER_URL'] || 'https://github.com').hostname
        .trimEnd()
        .toUpperCase();
    return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}
/** The client's validateArtifactName. */
const FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];
function validateName(name) {
    if (!name)
        throw new Error('Provided artifact name input during validation is empty');
    const bad = FORBIDDEN.filter((c) => name.includes(c));
    if (bad.length > 0) {
        throw new Error(`The artifact name is not valid: ${name}. Contains the following character(s): ` +
            bad.map((c) => JSON.stringify(c)).join(', '));
    }
}
/** `Actions.Results:<run>:<job>` of the runtime token's `scp` claim (the client's getBackendIdsFromToken). */
function backendIds(token) {
    const payload = token.split('.')[1];
    let scp;
    try {
        scp = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')).scp;
    }
    catch {
        scp = undefined;
    }
    if (typeof scp === 'string') {
        for (const scope of scp.split(' ')) {
            const parts = scope.split(':');
            if (parts[0] !== 'Actions.Results')
                continue;
            if (parts.length === 3 && parts[1] && parts[2])
                return { run: parts[1], job: parts[2] };
            break;
        }
    }
    throw new Error('Failed to get backend IDs: The provided JWT token is invalid and/or missing claims');
}
/**
 * A zip of one file at its root, deflated (what the client's archiver writes, read alike). Level 1,
 * not the client's 6: a 10,000-record dashboard (343 KB) zips in 8.5 ms instead of 34 ms, 11% larger
 * (107 KB instead of 96 KB), on the owner's post's path.
 */
function zipOne(name, data, mtime = new Date()) {
    const deflated = external_node_zlib_default().deflateRawSync(data, { level: 1 });
    const crc = external_node_zlib_default().crc32(data);
    const fileName = Buffer.from(name, 'utf8');
    const time = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | Math.floor(mtime.getSeconds() / 2);
    const date = ((Math.max(1980, mtime.getFullYear()) - 1980) << 9) |
        ((mtime.getMonth() + 1) << 5) |
        mtime.getDate();
    const common = (b, at) => {
        b.writeUInt16LE(20, at); // version needed: 2.0
        b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
        b.writeUInt16LE(8, at + 4); // deflate
        b.writeUInt16LE(time, at + 6);
        b.writeUInt16LE(date, at + 8);
        b.writeUInt32LE(crc, at + 10);
        b.writeUInt32LE(deflated.length, at + 14);
        b.writeUInt32LE(data.length, at + 18);
        b.writeUInt16LE(fileName.length, at + 22);
        b.writeUInt16LE(0, at + 24); // extra
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    common(central, 6);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file
    central.writeUInt32LE(0, 42); // local header offset
    const centralStart = local.length + fileName.length + deflated.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + fileName.length, 12);
    end.writeUInt32LE(centralStart, 16);
    return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}
/** Uploads `file` as artifact `name` (zipped); the artifact's id and the zip's size. */
async function uploadFileArtifact(name, file, retentionDays) {
    if (isGhes()) {
        throw new GHESNotSupportedError('@actions/artifact v2.0.0+, upload-artifact@v4+ and download-artifact@v4+ are not currently supported on GHES.');
    }
    validateName(name);
    const token = process.env['ACTIONS_RUNTIME_TOKEN'];
    if (!token)
        throw new Error('Unable to get the ACTIONS_RUNTIME_TOKEN env variable');
    const results = process.env['ACTIONS_RESULTS_URL'];
    if (!results)
        throw new Error('Unable to get the ACTIONS_RESULTS_URL env variable');
    const ids = backendIds(token);
    const info = await (0,promises_.stat)(file);
    const zip = zipOne(external_node_path_default().basename(file), await (0,promises_.readFile)(file), info.mtime);
    const owner = { workflow_run_backend_id: ids.run, workflow_job_run_backend_id: ids.job };
    const created = await artifactCall(results, token, 'CreateArtifact', {
        ...owner,
        name,
        mime_type: 'application/zip',
        version: 7,
        ...expiration(retentionDays),
    });
    const url = created['signed_upload_url'];
    if (created['ok'] !== true || typeof url !== 'string' || url === '') {
        throw new Error('CreateArtifact: response from backend was not ok');
    }
    await (0,results_api/* putBlob */.HT)(url, zip, {
        'x-ms-blob-content-type': 'application/zip',
        'User-Agent': 'dev-metrics (artifact)',
    });
    const sha = external_node_crypto_default().createHash('sha256').update(zip).digest('hex');
    const done = await artifactCall(results, token, 'FinalizeArtifact', {
        ...owner,
        name,
        size: String(zip.length),
        hash: `sha256:${sha}`,
    });
    if (done['ok'] !== true)
        throw new Error('FinalizeArtifact: response from backend was not ok');
    return { id: Number(done['artifact_id']), size: zip.length };
}
/** The client's getExpiration: at most the repository's GITHUB_RETENTION_DAYS. */
function expiration(days) {
    if (!days)
        return {};
    const max = Number.parseInt(process.env['GITHUB_RETENTION_DAYS'] ?? '', 10);
    const keep = Number.isFinite(max) && max < days ? max : days;
    const at = new Date();
    at.setDate(at.getDate() + keep);
    return { expires_at: at.toISOString() };
}
function artifactCall(base, token, method, body) {
    return (0,results_api/* twirpCall */.Nw)({
        base,
        token,
        service: SERVICE,
        method,
        body,
        userAgent: 'dev-metrics (artifact)',
    });
}

// EXTERNAL MODULE: ./src/action/dashboard-path.ts
var dashboard_path = __webpack_require__(87648);
;// CONCATENATED MODULE: ./src/action/artifact.ts
/**
 * Uploads the HTML dashboard as a workflow artifact, as the official `@actions/artifact` client
 * does it (`artifact-upload.ts`, without loading the client and its storage SDK).
 * The dashboard is a convenience: any failure (no Actions runtime, service errors, a name already
 * taken in this run) becomes ONE line through the injected `log` (wire it to core.warning) and
 * `{ ok: false }`; it never fails the step.
 *
 * Artifact names are unique per workflow run, so a second step or matrix job uploading the same
 * name gets 409 Conflict; we then retry once with the caller's suffix (job/step) appended.
 */



/** Characters the artifact service rejects in names (NTFS limits), and whitespace. */
const UNSAFE_NAME_CHARS = /["<>|*?:\\/\s]+/g;
function artifactNameWithSuffix(name, suffix) {
    const clean = suffix
        .replace(UNSAFE_NAME_CHARS, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
    return clean ? `${name}-${clean}` : name;
}
function isConflict(err) {
    const message = err instanceof Error ? err.message : String(err);
    return /\(409\)|Conflict|already exists/i.test(message);
}
function describe(err) {
    const e = err instanceof Error ? err : new Error(String(err));
    if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(e.message)) {
        return 'the Actions runtime is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are unset); artifacts can only be uploaded from a GitHub Actions job';
    }
    if (e.name === 'GHESNotSupportedError') {
        return 'GitHub Enterprise Server does not support this artifact service; use dashboard-artifact: "" there';
    }
    // The client's messages can span lines (help text); the first line carries the cause.
    const first = (e.message.split('\n').find((l) => l.trim()) ?? e.name).trim();
    return first.length > 300 ? `${first.slice(0, 299)}…` : first;
}
/** Uploads `filePath` as artifact `name`; never throws. */
async function uploadDashboard(o) {
    const fail = (reason) => {
        o.log(`dev-metrics: dashboard artifact not uploaded: ${reason}`);
        return { ok: false, reason };
    };
    const file = external_node_path_default().resolve(o.filePath);
    try {
        if (!(await (0,promises_.stat)(file)).isFile())
            return fail(`${o.filePath} is not a file`);
    }
    catch {
        return fail(`${o.filePath} does not exist`);
    }
    const upload = async (name) => {
        const res = await uploadFileArtifact(name, file, o.retentionDays);
        if (!Number.isFinite(res.id))
            throw new Error('the artifact service returned no artifact id');
        return { ok: true, id: res.id, size: res.size, name };
    };
    try {
        return await upload(o.name);
    }
    catch (err) {
        const unique = o.uniqueSuffix ? artifactNameWithSuffix(o.name, o.uniqueSuffix) : o.name;
        if (!isConflict(err))
            return fail(describe(err));
        if (unique === o.name) {
            return fail(`an artifact named "${o.name}" already exists in this run; give each step a different dashboard-artifact name`);
        }
        try {
            return await upload(unique);
        }
        catch (again) {
            return fail(`${describe(again)} (also tried the name "${unique}")`);
        }
    }
}
// Kept here for callers of this module; they live apart so a step need not load the client.



/***/ }),

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
