export const id = 151;
export const ids = [151];
export const modules = {

/***/ 51151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   makeOctokit: () => (/* binding */ makeOctokit),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT_LOGIN, resolveTokenLogin, encodeRows, parseCommentRows, mergeRows, storedRowLevels, composeCommentBody, fitCommentBody */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92413);
/* harmony import */ var _report_comment_body_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7840);
/**
 * The sticky pull request comment: one comment per workflow, found again by a hidden marker
 * (`<!-- dev-metrics:<workflow> -->`) and edited in place, so a PR never collects a comment per push.
 *
 * Failures never throw: a fork PR's read-only token (403), a missing PR (404), a refused body (422),
 * rate limits (429 / 403 with x-ratelimit-remaining: 0) and network errors all come back as
 * `{ ok: false, reason }` plus ONE line through the injected `log` (wire it to core.notice).
 *
 * Concurrency. Several steps and jobs of one workflow share the comment. Each writer
 *  1. renders from the merged history it restored (so the visible body is already complete), and
 *  2. carries its own per-step rows, which are also stored in the comment as a hidden block
 *     `<!-- dev-metrics-data: {json} -->`. Right before PATCHing, the writer re-reads the
 *     comment, merges the rows it finds there with its own (keyed by step, newest updatedAt wins,
 *     see mergeRows) and renders from the merged rows, so rows written by concurrent jobs survive.
 *  3. First runs: two writers that both find no comment both create one. Comment ids grow with
 *     creation time, so after creating, each writer lists again; the newer comment's writer folds
 *     its rows into the older comment and deletes its own. One comment remains.
 * Whose comment. Only a comment written by the identity the token acts as is adopted: the token's
 * user for a PAT (GET /user), the app's bot for an installation token — `github-actions[bot]` for
 * the job's GITHUB_TOKEN. Another bot's or a person's comment that carries the marker (and maybe
 * forged rows) is never edited, merged or republished.
 * Size. The hidden rows never push visible rows out: when the body would be too long, the stored
 * history (oldest entries first), then the stored details give way before anything visible does,
 * and the bare stored rows before a visible row (see fitCommentBody).
 * Remaining race: two PATCHes whose read-merge-write windows overlap (milliseconds apart) — the last
 * writer wins for the whole body and the other writer's new row is missing until that step runs
 * again; every later run re-merges, so rows heal on the next push. GitHub has no conditional
 * update (no If-Match on comments), so this cannot be closed from the client side.
 */



/** The identity the job's GITHUB_TOKEN writes as (the GitHub Actions app's bot). */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/** An octokit for the REST API at `apiUrl` (default: GITHUB_API_URL, as on GHES and GHE.com). */
function makeOctokit(token, apiUrl) {
    if (!token) {
        throw new Error('github-token is empty: pass `github-token: ${{ github.token }}` or a PAT');
    }
    const baseUrl = (apiUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl });
}
/** The hidden marker for one workflow's comment. */
function commentMarker(workflow) {
    // An HTML comment ends at the first `--`-`>`; keep the workflow name from closing it early.
    const safe = workflow
        .replace(/-{2,}/g, '-')
        .replace(/[<>\r\n]/g, '')
        .trim() || 'default';
    return `<!-- dev-metrics:${safe} -->`;
}
/**
 * The login the token writes comments as. A PAT is a user: GET /user names it. An installation
 * token (the job's GITHUB_TOKEN, a GitHub App's) gets 403 "Resource not accessible by
 * integration" there; GraphQL's `viewer` names its bot (as marocchino/sticky-pull-request-comment
 * does), and when that is unavailable too it is the job token's github-actions[bot].
 * Other failures (401, network) throw: nothing else would work with that token either.
 */
async function resolveTokenLogin(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        if (typeof data.login === 'string' && data.login)
            return data.login;
    }
    catch (err) {
        if (err?.status !== 403)
            throw err;
    }
    try {
        const data = await octokit.graphql('{ viewer { login } }');
        const login = data.viewer?.login;
        if (typeof login === 'string' && login)
            return login;
    }
    catch {
        // GHES without GraphQL access for the token, or a proxy: the job token is the common case.
    }
    return ACTIONS_BOT_LOGIN;
}
const DATA_RE = /<!-- dev-metrics-data: ([^\n]*?) -->/;
/**
 * The hidden rows block: JSON with `<`, `>` and `&` escaped (\u003e…), so no content can end the
 * HTML comment. (Version 1 stored base64, a third larger; it is still read.)
 */
function encodeRows(rows) {
    const json = JSON.stringify({ v: 2, rows }).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `<!-- dev-metrics-data: ${json} -->`;
}
/** The rows stored in a comment body; [] when there are none or the block is damaged. */
function parseCommentRows(body) {
    const m = DATA_RE.exec(body);
    if (!m?.[1])
        return [];
    try {
        const text = m[1].startsWith('{') ? m[1] : Buffer.from(m[1], 'base64').toString('utf8');
        const parsed = JSON.parse(text);
        const rows = parsed?.rows;
        if (!Array.isArray(rows))
            return [];
        return rows.filter((r) => typeof r === 'object' &&
            r !== null &&
            typeof r.step === 'string' &&
            typeof r.updatedAt === 'string');
    }
    catch {
        return [];
    }
}
function timeOf(row) {
    const t = Date.parse(row.updatedAt);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
/** What identifies a row when merging: its series key (step in its job and leg), else the step. */
function rowKey(row) {
    return typeof row.key === 'string' ? row.key : row.step;
}
/**
 * Rows keyed by step; for a step in both lists the newer updatedAt wins (a tie goes to `mine`).
 * Order: existing steps first, as stored, then steps only `mine` has.
 */
function mergeRows(existing, mine) {
    const byKey = new Map();
    for (const row of [...existing, ...mine]) {
        const current = byKey.get(rowKey(row));
        if (!current || timeOf(row) >= timeOf(current))
            byKey.set(rowKey(row), row);
    }
    return [...byKey.values()];
}
/**
 * The versions of the stored rows to try, richest first: all of it; the history cut to its
 * newest half, quarter, … entries; no history; no details either; no block at all (null).
 */
function storedRowLevels(rows) {
    if (rows.length === 0)
        return [[]];
    const levels = [rows];
    const longest = Math.max(0, ...rows.map((r) => (Array.isArray(r.history) ? r.history.length : 0)));
    for (let keep = Math.floor(longest / 2); keep >= 1; keep = Math.floor(keep / 2)) {
        levels.push(rows.map((r) => (Array.isArray(r.history) ? { ...r, history: r.history.slice(-keep) } : r)));
    }
    const withoutHistory = rows.map(({ history: _h, ...rest }) => rest);
    levels.push(withoutHistory);
    levels.push(withoutHistory.map(({ details: _d, ...rest }) => rest));
    levels.push(null);
    return levels;
}
const TRUNCATION_NOTE = `\n\n> [!NOTE]\n> Truncated to fit GitHub's ${_report_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMENT_MAX_CHARS_TEXT */ .bR}-character comment limit; ` +
    'the job summary and the dashboard artifact have the full report.';
/** Closes a code fence or <details> blocks left open by a cut, so the note renders as markdown. */
function closeOpenBlocks(text) {
    let closers = '';
    const fences = text.match(/^\s{0,3}```/gm)?.length ?? 0;
    if (fences % 2 === 1)
        closers += '\n```';
    const open = (text.match(/<details[\s>]/g)?.length ?? 0) - (text.match(/<\/details>/g)?.length ?? 0);
    for (let i = 0; i < open; i++)
        closers += '\n</details>';
    return closers;
}
/**
 * The full comment body: marker first, then the visible markdown, then the rows block; cut to
 * `limit` characters (UTF-16 units, never fewer than GitHub's code-point count) when too long.
 */
function composeCommentBody(marker, visible, rows, limit = _report_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMENT_MAX_CHARS */ .dq) {
    const head = `${marker}\n`;
    const text = visible.split(marker).join('').replace(/^\n+/, '');
    let tail = rows.length > 0 ? `\n\n${encodeRows(rows)}` : '';
    if (head.length + text.length + tail.length <= limit) {
        return { body: head + text + tail, truncated: false };
    }
    // The rows only help merging; when even they do not fit next to the note, the note wins.
    if (head.length + TRUNCATION_NOTE.length + tail.length + 64 > limit)
        tail = '';
    let budget = limit - head.length - TRUNCATION_NOTE.length - tail.length;
    for (;;) {
        let cut = text.slice(0, Math.max(budget, 0));
        const lastNewline = cut.lastIndexOf('\n');
        if (lastNewline > cut.length / 2)
            cut = cut.slice(0, lastNewline);
        // Never leave half a surrogate pair behind.
        if (/[\uD800-\uDBFF]$/.test(cut))
            cut = cut.slice(0, -1);
        const body = head + cut + closeOpenBlocks(cut) + TRUNCATION_NOTE + tail;
        if (body.length <= limit || budget <= 0)
            return { body, truncated: true };
        budget -= body.length - limit;
    }
}
/**
 * The body for `rows` rendered by `render`, with as much of the rows' stored data as the visible
 * part can spare. In order of what matters: every row visible; the bare stored rows (without them
 * the next writer loses the other jobs' rows); the renderer's optional parts (details, images);
 * the stored history (oldest entries go first) and details. So each level of storedRowLevels is
 * tried and the first one that costs the visible part least wins; no block at all only when even
 * the bare rows would push a visible row out. A plain-string body that is too long keeps the bare
 * rows and is cut with a note.
 */
function fitCommentBody(marker, render, rows, limit = _report_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMENT_MAX_CHARS */ .dq) {
    const head = `${marker}\n`;
    const levels = storedRowLevels(rows);
    const bare = Math.max(0, levels.length - 2);
    let best;
    let cutString;
    for (const [i, stored] of levels.entries()) {
        const tail = stored && stored.length > 0 ? `\n\n${encodeRows(stored)}` : '';
        const budget = limit - head.length - tail.length;
        if (budget <= 0)
            continue;
        const out = render(rows, budget);
        if (typeof out === 'string') {
            if (out.length <= budget)
                return composeCommentBody(marker, out, stored ?? [], limit);
            if (i === bare)
                cutString = { markdown: out, stored: stored ?? [] };
            continue;
        }
        const fits = out.markdown.length <= budget;
        const cost = [
            fits ? out.rowsLeftOut : rows.length + 1,
            fits ? (out.partsLeftOut ?? 0) : Number.MAX_SAFE_INTEGER,
        ];
        // Dropping the bare rows is only worth a visible row, never an optional part.
        if (stored === null && best && (best.cost[0] === 0 || cost[0] >= best.cost[0]))
            continue;
        if (!best || cost[0] < best.cost[0] || (cost[0] === best.cost[0] && cost[1] < best.cost[1])) {
            best = { markdown: out.markdown, stored: stored ?? [], cost };
        }
        if (cost[0] === 0 && cost[1] === 0)
            break;
    }
    const pick = best ?? cutString ?? { markdown: '', stored: [] };
    return composeCommentBody(marker, pick.markdown, pick.stored, limit);
}
/**
 * Our comment among all of them: marker in the body AND written by `login`, the identity the token
 * writes as — never another bot's or a person's comment that merely carries the marker, since
 * its hidden rows would be merged and republished by us. The oldest wins, so every writer
 * converges on the same comment; `dupes` are the other ones (left over from a first-run race).
 */
function pickOurs(comments, marker, login) {
    const marked = comments
        .filter((c) => c.user?.login === login && (c.body ?? '').includes(marker))
        .sort((a, b) => a.id - b.id);
    const [target, ...dupes] = marked;
    return target ? { target, dupes } : undefined;
}
function oneLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** One sentence: what failed, GitHub's words, and what to do about it. */
function describeFailure(err, stage, o) {
    const e = (err ?? {});
    if (e.name !== 'HttpError')
        return `unexpected error while ${stage}: ${oneLine(String(e.message ?? err))}`;
    if (!e.response) {
        return `could not reach the GitHub API while ${stage} (${oneLine(e.message ?? 'no response')})`;
    }
    const status = e.status ?? 0;
    const data = e.response.data;
    const details = (data?.errors ?? [])
        .map((x) => (typeof x === 'string' ? x : (x.message ?? x.code ?? '')))
        .filter(Boolean);
    const said = oneLine([data?.message ?? e.message ?? '', ...details].join(': '));
    const headers = e.response.headers ?? {};
    const retryAfter = headers['retry-after'];
    if (status === 429 ||
        (status === 403 &&
            (String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(said)))) {
        const wait = retryAfter !== undefined ? `, retry after ${retryAfter}s` : '';
        return `GitHub rate-limited the token while ${stage} (HTTP ${status}${wait}); the comment will be written on a later run`;
    }
    switch (status) {
        case 401:
            return `GitHub rejected the token while ${stage} (HTTP 401: ${said}); pass a valid github-token`;
        case 403:
            return (`the token may not write pull request comments (HTTP 403 while ${stage}: ${said}); ` +
                'give the job `permissions: pull-requests: write` (pull requests from forks only get a read-only token, so there is no comment for them)');
        case 404:
            return `pull request #${o.issueNumber} in ${o.owner}/${o.repo} was not found or the token cannot see it (HTTP 404 while ${stage}); the token needs \`pull-requests: write\``;
        case 422:
            return `GitHub refused the comment (HTTP 422 while ${stage}: ${said})`;
        default:
            return `GitHub answered HTTP ${status} while ${stage}: ${said}`;
    }
}
/**
 * Creates or updates the workflow's sticky comment. Never creates a second one, never throws.
 */
async function upsertStickyComment(o) {
    const { octokit, owner, repo, marker } = o;
    const issue_number = o.issueNumber;
    const mine = o.rows ?? [];
    const limit = o.maxLength ?? _report_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMENT_MAX_CHARS */ .dq;
    const body = o.body;
    const compose = (rows) => fitCommentBody(marker, typeof body === 'function' ? body : () => body, rows, limit);
    const find = async (login) => {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number,
            per_page: 100,
        });
        return pickOurs(all, marker, login);
    };
    /** Re-read, merge, write; then drop the duplicates whose rows were merged in. */
    const rewrite = async (targetId, dupes) => {
        // Re-read right before writing: a concurrent job may have written since the listing.
        const fresh = await octokit.rest.issues.getComment({ owner, repo, comment_id: targetId });
        const read = (text) => parseCommentRows(text ?? '').map(o.readRow ?? ((r) => r));
        let stored = read(fresh.data.body);
        for (const d of dupes)
            stored = mergeRows(stored, read(d.body));
        const { body, truncated } = compose(mergeRows(stored, mine));
        const updated = await octokit.rest.issues.updateComment({
            owner,
            repo,
            comment_id: targetId,
            body,
        });
        for (const d of dupes) {
            // Best effort: a leftover duplicate is merged again (and retried) on the next run.
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: d.id }).catch(() => { });
        }
        return { id: updated.data.id, url: updated.data.html_url, truncated };
    };
    let stage = 'asking GitHub who the token is';
    try {
        const login = o.authorLogin ?? (await resolveTokenLogin(octokit));
        stage = 'listing the pull request comments';
        const found = await find(login);
        if (found) {
            stage = 'updating the comment';
            const r = await rewrite(found.target.id, found.dupes);
            return { ok: true, action: 'updated', commentId: r.id, url: r.url, truncated: r.truncated };
        }
        stage = 'creating the comment';
        const { body, truncated } = compose(mergeRows([], mine));
        const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
        const result = {
            ok: true,
            action: 'created',
            commentId: created.data.id,
            url: created.data.html_url,
            truncated,
        };
        try {
            // A concurrent first run may have created one too: the newer comment folds into the older.
            // GitHub's word on who wrote it beats the guess (another app's installation token).
            const again = await find(created.data.user?.login ?? login);
            if (again && again.target.id !== created.data.id) {
                const ours = again.dupes.find((d) => d.id === created.data.id) ?? created.data;
                const others = again.dupes.filter((d) => d.id !== ours.id);
                const r = await rewrite(again.target.id, [ours, ...others]);
                return { ok: true, action: 'updated', commentId: r.id, url: r.url, truncated: r.truncated };
            }
        }
        catch {
            // The comment exists; a duplicate left by a failed check is merged on the next run.
        }
        return result;
    }
    catch (err) {
        const reason = describeFailure(err, stage, o);
        o.log(`dev-metrics: PR comment not written: ${reason}`);
        return { ok: false, reason };
    }
}


/***/ })

};
