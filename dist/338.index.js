export const id = 338;
export const ids = [338];
export const modules = {

/***/ 48338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadDashboard: () => (/* binding */ uploadDashboard)
/* harmony export */ });
/* unused harmony export artifactNameWithSuffix */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76799);
/* harmony import */ var _dashboard_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87648);
/**
 * Uploads the HTML dashboard as a workflow artifact with the official `@actions/artifact` client.
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
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(o.filePath);
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).isFile())
            return fail(`${o.filePath} is not a file`);
    }
    catch {
        return fail(`${o.filePath} does not exist`);
    }
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_2__/* .DefaultArtifactClient */ .t9();
    const upload = async (name) => {
        const res = await client.uploadArtifact(name, [file], node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), {
            ...(o.retentionDays ? { retentionDays: o.retentionDays } : {}),
        });
        if (res.id === undefined)
            throw new Error('the artifact service returned no artifact id');
        return { ok: true, id: res.id, size: res.size ?? 0, name };
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



/***/ })

};
