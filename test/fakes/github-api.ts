/**
 * A loopback fake of the slice of the GitHub REST API dev-metrics uses, speaking the real wire
 * protocol so the official client (`@actions/github` getOctokit → octokit) can be driven against it.
 *
 * Routes:
 *   GET    /user                                            the token's user; 403 "Resource not
 *                                                           accessible by integration" for a Bot
 *                                                           (installation tokens such as GITHUB_TOKEN)
 *   POST   /graphql                                         only `{ viewer { login } }` (any token)
 *   GET    /repos/{o}/{r}                                   repository (default_branch)
 *   GET    /repos/{o}/{r}/issues/{n}/comments               per_page/page + GitHub's Link header
 *   POST   /repos/{o}/{r}/issues/{n}/comments               201; body > 65,536 chars → 422
 *   GET    /repos/{o}/{r}/issues/comments/{id}
 *   PATCH  /repos/{o}/{r}/issues/comments/{id}              body > 65,536 chars → 422
 *   DELETE /repos/{o}/{r}/issues/comments/{id}              204
 *   GET    /repos/{o}/{r}/actions/caches?key=&ref=&sort=&direction=&per_page=&page=
 *   DELETE /repos/{o}/{r}/actions/caches?key=&ref=           200 with the deleted entries, or 404
 *   DELETE /repos/{o}/{r}/actions/caches/{cache_id}          204
 *
 * Every request needs `authorization: token X` or `Bearer X` (401 otherwise). Faults are set per
 * route (or '*') with `fault()`, optionally for a number of requests, and reproduce GitHub's
 * status, headers and error JSON (fork PR read-only token, primary/secondary rate limits, …).
 * `barrier()` makes concurrent clients interleave deterministically (for race tests).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteName =
  | 'getAuthenticatedUser'
  | 'graphql'
  | 'getRepo'
  | 'listComments'
  | 'createComment'
  | 'getComment'
  | 'updateComment'
  | 'deleteComment'
  | 'listCaches'
  | 'deleteCaches'
  | 'deleteCacheById';

/**
 * 403 = "Resource not accessible by integration" (a fork PR's read-only GITHUB_TOKEN);
 * 'rate-limit' = primary rate limit (403, x-ratelimit-remaining: 0, retry-after);
 * 429 = secondary rate limit (retry-after); 'network' = the socket is destroyed mid-request.
 */
export type FaultKind = 401 | 403 | 404 | 422 | 429 | 500 | 502 | 'rate-limit' | 'network';

export interface GitHubUser {
  login: string;
  id: number;
  type: 'Bot' | 'User' | 'Organization';
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
}

/** The shape GitHub lists under `actions_caches`. */
export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  ref: string;
  created_at: string;
  size_in_bytes: number;
  last_accessed_at: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  route: RouteName | undefined;
  status: number;
}

export interface StartOptions {
  /**
   * Accepted tokens → the identity they act as (a 'User' for a PAT, a 'Bot' for an installation
   * token). Default: any non-empty token is github-actions[bot], as the job's GITHUB_TOKEN is.
   */
  tokens?: Record<string, GitHubUser>;
  /** default_branch of every repository. Default 'main'. */
  defaultBranch?: string;
  /** Web host used in html_url fields. Default 'https://github.com'. */
  serverUrl?: string;
  /** Where cache listings come from (e.g. wired to the cache fake). Default: `state.caches`. */
  cacheEntries?: () => CacheEntry[];
  /** Told about each cache entry a DELETE removes (for an external `cacheEntries` source). */
  onDeleteCache?: (entry: CacheEntry) => void;
  /** Body length limit in characters (Unicode code points, as GitHub counts). Default 65,536. */
  maxBodyLength?: number;
}

export interface FakeGitHubState {
  comments: FakeComment[];
  /** The internal cache list used when no `cacheEntries` source is given. */
  caches: CacheEntry[];
  /** Ids deleted through the API; hidden from later listings of an external source. */
  deletedCacheIds: Set<number>;
  faults: Map<RouteName | '*', { kind: FaultKind; remaining: number }>;
  barriers: Map<RouteName, { count: number; waiting: Array<() => void> }>;
  nextId: number;
}

export interface FakeGitHubApi {
  /** Base URL to pass as `baseUrl` / GITHUB_API_URL (no trailing slash). */
  url: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** Make `route` ('*' = every route) fail with `kind`, for `times` requests (default: until cleared). */
  fault(route: RouteName | '*', kind: FaultKind, times?: number): void;
  clearFaults(): void;
  /**
   * The next `count` requests to `route` wait for each other, then proceed together: forces the
   * interleaving of concurrent clients (e.g. two writers both listing before either writes).
   */
  barrier(route: RouteName, count: number): void;
  /** Accept `token` as acting for `user` from now on (e.g. a PAT next to the job token). */
  addToken(token: string, user: GitHubUser): void;
  /** Add a comment as if someone had posted it earlier; returns it. */
  seedComment(
    where: { owner: string; repo: string; issueNumber: number },
    body: string,
    user?: GitHubUser,
  ): FakeComment;
  /** The comments on one issue, oldest first. */
  commentsOn(owner: string, repo: string, issueNumber: number): FakeComment[];
  stop(): Promise<void>;
}

export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const OCTOCAT: GitHubUser = { login: 'octocat', id: 583231, type: 'User' };
export const DEPENDABOT: GitHubUser = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' };

const DOCS = 'https://docs.github.com/rest';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

function ghError(status: number, message: string, docs = DOCS, extra: object = {}): HttpError {
  return new HttpError(status, {
    message,
    ...extra,
    documentation_url: docs,
    status: String(status),
  });
}

function faultError(kind: Exclude<FaultKind, 'network'>): HttpError {
  const reset = String(Math.floor(Date.now() / 1000) + 60);
  switch (kind) {
    case 401:
      return ghError(401, 'Bad credentials');
    case 403:
      return ghError(403, 'Resource not accessible by integration');
    case 404:
      return ghError(404, 'Not Found');
    case 422:
      return ghError(422, 'Validation Failed', DOCS, {
        errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data' }],
      });
    case 429:
      return new HttpError(
        429,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '429',
        },
        { 'retry-after': '60' },
      );
    case 'rate-limit':
      return new HttpError(
        403,
        {
          message: 'API rate limit exceeded for installation ID 12345678.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
          status: '403',
        },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'retry-after': '60' },
      );
    case 500:
      return new HttpError(500, { message: 'Server Error', status: '500' });
    case 502:
      return new HttpError(502, { message: 'Server Error', status: '502' });
  }
}

/** GitHub counts characters as code points, not UTF-16 units. */
function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}

function userJson(user: GitHubUser, serverUrl: string, apiUrl: string): object {
  const isBot = user.type === 'Bot';
  const login = encodeURIComponent(user.login);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(isBot ? 'BOT' : 'U', user.id),
    avatar_url: isBot
      ? 'https://avatars.githubusercontent.com/in/15368?v=4'
      : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${apiUrl}/users/${login}`,
    html_url: isBot ? `${serverUrl}/apps/github-actions` : `${serverUrl}/${login}`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export async function start(opts: StartOptions = {}): Promise<FakeGitHubApi> {
  const serverUrl = opts.serverUrl ?? 'https://github.com';
  const maxBody = opts.maxBodyLength ?? 65_536;
  const state: FakeGitHubState = {
    comments: [],
    caches: [],
    deletedCacheIds: new Set(),
    faults: new Map(),
    barriers: new Map(),
    nextId: 1_000_000_001,
  };
  const requests: RecordedRequest[] = [];
  const tokens = new Map(Object.entries(opts.tokens ?? {}));
  let apiUrl = '';

  const commentJson = (c: FakeComment): object => ({
    url: `${apiUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `${serverUrl}/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${apiUrl}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: nodeId('IC', c.id),
    user: userJson(c.user, serverUrl, apiUrl),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    body: c.body,
    reactions: {
      url: `${apiUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: null,
  });

  const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  const commentsOn = (owner: string, repo: string, issueNumber: number): FakeComment[] =>
    state.comments
      .filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);

  const findComment = (owner: string, repo: string, id: number): FakeComment => {
    const c = state.comments.find((x) => x.owner === owner && x.repo === repo && x.id === id);
    if (!c) throw ghError(404, 'Not Found', `${DOCS}/issues/comments`);
    return c;
  };

  const checkBody = (body: unknown, docs: string): string => {
    if (typeof body !== 'string') {
      throw ghError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs);
    }
    if (charCount(body) > maxBody) {
      throw ghError(422, 'Validation Failed', docs, {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${maxBody} characters)`,
          },
        ],
      });
    }
    return body;
  };

  const cacheSource = (): CacheEntry[] =>
    (opts.cacheEntries ? opts.cacheEntries() : state.caches).filter(
      (e) => !state.deletedCacheIds.has(e.id),
    );

  const removeCache = (entry: CacheEntry): void => {
    state.deletedCacheIds.add(entry.id);
    state.caches = state.caches.filter((e) => e.id !== entry.id);
    opts.onDeleteCache?.(entry);
  };

  /** Slices `items` for `page`/`per_page` and builds the Link header the way GitHub does. */
  const paginate = <T>(
    items: T[],
    path: string,
    query: Record<string, string>,
  ): { page: T[]; link: string | undefined } => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const pageUrl = (p: number): string => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${apiUrl}${path}?${q.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${pageUrl(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`);
    if (page > 1) rels.push(`${pageUrl(1)}; rel="first"`);
    return {
      page: items.slice((page - 1) * perPage, page * perPage),
      link: rels.length > 0 ? rels.join(', ') : undefined,
    };
  };

  interface Reply {
    status: number;
    payload?: unknown;
    headers?: Record<string, string> | undefined;
  }

  type Handler = (
    m: RegExpMatchArray,
    ctx: { query: Record<string, string>; body: unknown; user: GitHubUser; path: string },
  ) => Reply;

  const routes: Array<{ method: string; re: RegExp; name: RouteName; handle: Handler }> = [
    {
      method: 'GET',
      re: /^\/user$/,
      name: 'getAuthenticatedUser',
      handle: (_m, { user }) => {
        // An installation token (GITHUB_TOKEN, a GitHub App's) acts as a bot, not a user.
        if (user.type === 'Bot') {
          throw ghError(
            403,
            'Resource not accessible by integration',
            `${DOCS}/users/users#get-the-authenticated-user`,
          );
        }
        return {
          status: 200,
          payload: { ...userJson(user, serverUrl, apiUrl), name: null, company: null },
        };
      },
    },
    {
      method: 'POST',
      re: /^\/graphql$/,
      name: 'graphql',
      handle: (_m, { body, user }) => {
        const query = String((body as { query?: unknown } | null)?.query ?? '');
        // GraphQL answers 200 with `errors` for what it cannot resolve.
        if (!/^\s*(?:query\b[^{]*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
          return {
            status: 200,
            payload: { errors: [{ message: 'the fake only answers { viewer { login } }' }] },
          };
        }
        return { status: 200, payload: { data: { viewer: { login: user.login } } } };
      },
    },
    {
      method: 'GET',
      re: /^\/repos\/([^/]+)\/([^/]+)$/,
      name: 'getRepo',
      handle: ([, owner = '', repo = '']) => ({
        status: 200,
        payload: {
          id: 123456789,
          node_id: nodeId('R', 123456789),
          name: repo,
          full_name: `${owner}/${repo}`,
          private: false,
          owner: { login: owner, id: 9919, type: 'Organization', site_admin: false },
          html_url: `${serverUrl}/${owner}/${repo}`,
          url: `${apiUrl}/repos/${owner}/${repo}`,
          fork: false,
          visibility: 'public',
          default_branch: opts.defaultBranch ?? 'main',
        },
      }),
    },
    {
      method: 'GET',
      re: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
      name: 'listComments',
      handle: ([, owner = '', repo = '', n = ''], { query, path }) => {
        const { page, link } = paginate(commentsOn(owner, repo, Number(n)), path, query);
        return {
          status: 200,
          payload: page.map(commentJson),
          headers: link ? { link } : undefined,
        };
      },
    },
    {
      method: 'POST',
      re: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
      name: 'createComment',
      handle: ([, owner = '', repo = '', n = ''], { body, user }) => {
        const text = checkBody(
          (body as { body?: unknown } | null)?.body,
          `${DOCS}/issues/comments#create-an-issue-comment`,
        );
        const at = now();
        const c: FakeComment = {
          id: state.nextId++,
          owner,
          repo,
          issueNumber: Number(n),
          body: text,
          user,
          created_at: at,
          updated_at: at,
        };
        state.comments.push(c);
        const json = commentJson(c) as { url: string };
        return { status: 201, payload: json, headers: { location: json.url } };
      },
    },
    {
      method: 'GET',
      re: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      name: 'getComment',
      handle: ([, owner = '', repo = '', id = '']) => ({
        status: 200,
        payload: commentJson(findComment(owner, repo, Number(id))),
      }),
    },
    {
      method: 'PATCH',
      re: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      name: 'updateComment',
      handle: ([, owner = '', repo = '', id = ''], { body }) => {
        const c = findComment(owner, repo, Number(id));
        c.body = checkBody(
          (body as { body?: unknown } | null)?.body,
          `${DOCS}/issues/comments#update-an-issue-comment`,
        );
        c.updated_at = now();
        return { status: 200, payload: commentJson(c) };
      },
    },
    {
      method: 'DELETE',
      re: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
      name: 'deleteComment',
      handle: ([, owner = '', repo = '', id = '']) => {
        const c = findComment(owner, repo, Number(id));
        state.comments = state.comments.filter((x) => x !== c);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      re: /^\/repos\/([^/]+)\/([^/]+)\/actions\/caches$/,
      name: 'listCaches',
      handle: (_m, { query, path }) => {
        const sortKey = (query.sort ?? 'last_accessed_at') as keyof CacheEntry;
        if (!['created_at', 'last_accessed_at', 'size_in_bytes'].includes(sortKey)) {
          throw ghError(422, 'Validation Failed', `${DOCS}/actions/cache`, {
            errors: [{ resource: 'Cache', field: 'sort', code: 'invalid' }],
          });
        }
        const dir = query.direction === 'asc' ? 1 : -1;
        const matching = cacheSource()
          .filter((e) => query.key === undefined || e.key.startsWith(query.key))
          .filter((e) => query.ref === undefined || e.ref === query.ref)
          .sort((a, b) => {
            const x = a[sortKey];
            const y = b[sortKey];
            return (x < y ? -1 : x > y ? 1 : 0) * dir;
          });
        const { page, link } = paginate(matching, path, query);
        return {
          status: 200,
          payload: { total_count: matching.length, actions_caches: page },
          headers: link ? { link } : undefined,
        };
      },
    },
    {
      method: 'DELETE',
      re: /^\/repos\/([^/]+)\/([^/]+)\/actions\/caches$/,
      name: 'deleteCaches',
      handle: (_m, { query }) => {
        if (!query.key) {
          throw ghError(422, 'Validation Failed', `${DOCS}/actions/cache`, {
            errors: [{ resource: 'Cache', field: 'key', code: 'missing_field' }],
          });
        }
        const doomed = cacheSource()
          .filter((e) => e.key === query.key)
          .filter((e) => query.ref === undefined || e.ref === query.ref);
        if (doomed.length === 0) throw ghError(404, 'Not Found', `${DOCS}/actions/cache`);
        doomed.forEach(removeCache);
        return { status: 200, payload: { total_count: doomed.length, actions_caches: doomed } };
      },
    },
    {
      method: 'DELETE',
      re: /^\/repos\/([^/]+)\/([^/]+)\/actions\/caches\/(\d+)$/,
      name: 'deleteCacheById',
      handle: ([, , , id = '']) => {
        const entry = cacheSource().find((e) => e.id === Number(id));
        if (!entry) throw ghError(404, 'Not Found', `${DOCS}/actions/cache`);
        removeCache(entry);
        return { status: 204 };
      },
    },
  ];

  const identify = (header: string | undefined): GitHubUser | undefined => {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
    if (!m?.[1]) return undefined;
    return tokens.get(m[1]) ?? (opts.tokens ? undefined : ACTIONS_BOT);
  };

  /** Holds a request at its route's barrier until the barrier's count has arrived. */
  const arrive = async (route: RouteName): Promise<void> => {
    const barrier = state.barriers.get(route);
    if (!barrier) return;
    await new Promise<void>((resolve) => {
      barrier.waiting.push(resolve);
      if (barrier.waiting.length >= barrier.count) {
        state.barriers.delete(route);
        barrier.waiting.forEach((release) => release());
      }
    });
  };

  const takeFault = (route: RouteName): FaultKind | undefined => {
    for (const key of [route, '*'] as const) {
      const f = state.faults.get(key);
      if (!f) continue;
      f.remaining--;
      if (f.remaining <= 0) state.faults.delete(key);
      return f.kind;
    }
    return undefined;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void respond().catch(() => res.destroy()));
    const respond = async (): Promise<void> => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(u.searchParams);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // kept as text; a route that needs JSON answers 400 below
      }
      const method = req.method ?? 'GET';
      const route = routes.find((r) => r.method === method && r.re.test(u.pathname));
      const record: RecordedRequest = {
        method,
        path: u.pathname,
        query,
        headers: req.headers,
        body,
        route: route?.name,
        status: 0,
      };
      requests.push(record);

      let reply: Reply;
      try {
        if (typeof body === 'string') {
          throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOCS });
        }
        const user = identify(req.headers.authorization);
        if (!user) throw ghError(401, 'Requires authentication');
        if (!route) throw ghError(404, 'Not Found');
        await arrive(route.name);
        const kind = takeFault(route.name);
        if (kind === 'network') {
          record.status = -1;
          req.socket.destroy();
          return;
        }
        if (kind !== undefined) throw faultError(kind);
        const match = u.pathname.match(route.re) as RegExpMatchArray;
        reply = route.handle(match, { query, body, user, path: u.pathname });
      } catch (err) {
        reply =
          err instanceof HttpError
            ? { status: err.status, payload: err.payload, headers: err.headers }
            : { status: 500, payload: { message: `fake bug: ${String(err)}` } };
      }
      record.status = reply.status;
      const headers: Record<string, string> = {
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': `FAKE:${requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(5000 - requests.length, 1)),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': String(requests.length),
        'x-ratelimit-resource': 'core',
        ...reply.headers,
      };
      if (reply.payload === undefined) {
        res.writeHead(reply.status, headers).end();
        return;
      }
      const text = JSON.stringify(reply.payload);
      res
        .writeHead(reply.status, {
          ...headers,
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
        })
        .end(text);
    };
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: apiUrl,
    state,
    requests,
    fault(route, kind, times = Number.POSITIVE_INFINITY) {
      state.faults.set(route, { kind, remaining: times });
    },
    clearFaults() {
      state.faults.clear();
    },
    barrier(route, count) {
      state.barriers.set(route, { count, waiting: [] });
    },
    addToken(token, user) {
      tokens.set(token, user);
    },
    seedComment(where, body, user = ACTIONS_BOT) {
      const at = now();
      const c: FakeComment = {
        id: state.nextId++,
        ...where,
        body,
        user,
        created_at: at,
        updated_at: at,
      };
      state.comments.push(c);
      return c;
    },
    commentsOn,
    stop() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
