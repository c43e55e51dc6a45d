// The GitHub REST fake, driven by the real @actions/github client (octokit) over loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OCTOCAT, start, type CacheEntry, type FakeGitHubApi } from './github-api.js';

type GetOctokit = typeof import('@actions/github').getOctokit;

let api: FakeGitHubApi;
let getOctokit: GetOctokit;
let external: CacheEntry[];
const deleted: CacheEntry[] = [];
const where = { owner: 'acme', repo: 'widgets', issueNumber: 7 };

function cache(id: number, key: string, ref: string, sizeMb: number, day: number): CacheEntry {
  const at = `2025-10-${String(day).padStart(2, '0')}T10:00:00Z`;
  return {
    id,
    key,
    version: 'a'.repeat(64),
    ref,
    created_at: at,
    size_in_bytes: sizeMb * 1024 * 1024,
    last_accessed_at: at,
  };
}

beforeAll(async () => {
  external = [
    cache(1, 'dev-metrics-Linux-main-1', 'refs/heads/main', 3, 1),
    cache(2, 'dev-metrics-Linux-main-2', 'refs/heads/main', 1, 3),
    cache(3, 'dev-metrics-Linux-pr-9', 'refs/pull/9/merge', 2, 2),
    cache(4, 'node-modules-abc', 'refs/heads/main', 9, 4),
  ];
  api = await start({
    defaultBranch: 'trunk',
    cacheEntries: () => external,
    onDeleteCache: (e) => deleted.push(e),
  });
  // @actions/github reads GITHUB_API_URL when it is first imported, as on a runner.
  process.env.GITHUB_API_URL = api.url;
  ({ getOctokit } = await import('@actions/github'));
});

afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  await api.stop();
});

afterEach(() => {
  api.clearFaults();
  api.state.comments = [];
  api.requests.length = 0;
});

describe('fake GitHub REST API', () => {
  it('answers the real client at GITHUB_API_URL and records the token it sent', async () => {
    const octokit = getOctokit('ghs_fake');
    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(data.default_branch).toBe('trunk');
    expect(data.full_name).toBe('acme/widgets');
    expect(api.requests[0]?.headers.authorization).toBe('token ghs_fake');
    expect(api.requests[0]?.route).toBe('getRepo');
  });

  it('rejects requests without a token like GitHub (401)', async () => {
    const res = await fetch(`${api.url}/repos/acme/widgets`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Requires authentication' });
    const bearer = await fetch(`${api.url}/repos/acme/widgets`, {
      headers: { authorization: 'Bearer ghs_fake' },
    });
    expect(bearer.status).toBe(200);
  });

  it('answers GET /user like GitHub: 403 for the job (installation) token, the user for a PAT', async () => {
    api.addToken('ghp_octocat', OCTOCAT);
    await expect(getOctokit('ghs_fake').rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    const { data } = await getOctokit('ghp_octocat').rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'octocat', type: 'User' });
    // GraphQL's viewer works for both kinds of token.
    const viewer = await getOctokit('ghs_fake').graphql<{ viewer: { login: string } }>(
      '{ viewer { login } }',
    );
    expect(viewer.viewer.login).toBe('github-actions[bot]');
    // A comment posted with the PAT is the user's, with the job token the bot's.
    const byPat = await getOctokit('ghp_octocat').rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      body: 'by hand',
    });
    expect(byPat.data.user).toMatchObject({ login: 'octocat', type: 'User' });
  });

  it('creates, reads and updates comments with realistic shapes', async () => {
    const octokit = getOctokit('ghs_fake');
    const created = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      body: 'hello',
    });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(created.data.html_url).toBe(
      `https://github.com/acme/widgets/pull/7#issuecomment-${created.data.id}`,
    );
    expect(created.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const updated = await octokit.rest.issues.updateComment({
      owner: 'acme',
      repo: 'widgets',
      comment_id: created.data.id,
      body: 'hello again',
    });
    expect(updated.data.body).toBe('hello again');
    const read = await octokit.rest.issues.getComment({
      owner: 'acme',
      repo: 'widgets',
      comment_id: created.data.id,
    });
    expect(read.data.body).toBe('hello again');
    await expect(
      octokit.rest.issues.updateComment({
        owner: 'acme',
        repo: 'widgets',
        comment_id: 1,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('paginates with a Link header shaped like GitHub’s, so octokit.paginate sees every page', async () => {
    for (let i = 0; i < 250; i++) api.seedComment(where, `comment ${i}`, OCTOCAT);
    const octokit = getOctokit('ghs_fake');
    const first = await octokit.rest.issues.listComments({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      per_page: 100,
    });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toBe(
      `<${api.url}/repos/acme/widgets/issues/7/comments?per_page=100&page=2>; rel="next", ` +
        `<${api.url}/repos/acme/widgets/issues/7/comments?per_page=100&page=3>; rel="last"`,
    );
    const last = await octokit.rest.issues.listComments({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      per_page: 100,
      page: 3,
    });
    expect(last.data).toHaveLength(50);
    expect(last.headers.link).toContain('rel="prev"');
    expect(last.headers.link).toContain('rel="first"');
    expect(last.headers.link).not.toContain('rel="next"');

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
  });

  it('refuses bodies over 65,536 characters (code points) with GitHub’s 422 shape', async () => {
    const octokit = getOctokit('ghs_fake');
    const args = { owner: 'acme', repo: 'widgets', issue_number: 7 };
    // 65,536 emoji are 131,072 UTF-16 units but 65,536 characters to GitHub: accepted.
    await expect(
      octokit.rest.issues.createComment({ ...args, body: '📈'.repeat(65_536) }),
    ).resolves.toMatchObject({
      status: 201,
    });
    const err = await octokit.rest.issues
      .createComment({ ...args, body: 'x'.repeat(65_537) })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)',
            },
          ],
        },
      },
    });
  });

  it('injects per-route faults with GitHub’s statuses, headers and bodies', async () => {
    const octokit = getOctokit('ghs_fake');
    const args = { owner: 'acme', repo: 'widgets', issue_number: 7, body: 'x' };

    api.fault('createComment', 403, 1);
    await expect(octokit.rest.issues.createComment(args)).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    await expect(octokit.rest.issues.createComment(args)).resolves.toMatchObject({ status: 201 });

    api.fault('createComment', 'rate-limit', 1);
    await expect(octokit.rest.issues.createComment(args)).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '60' } },
    });

    api.fault('*', 429, 1);
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({
      status: 429,
      response: { headers: { 'retry-after': '60' } },
    });

    api.fault('listComments', 'network', 1);
    const net = await octokit.rest.issues.listComments(args).catch((e: unknown) => e);
    expect(net).toMatchObject({ name: 'HttpError' });
    expect((net as { response?: unknown }).response).toBeUndefined();

    api.fault('getRepo', 404);
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists Actions caches from the injected source with key prefix, ref, sort and direction', async () => {
    const octokit = getOctokit('ghs_fake');
    const { data } = await octokit.rest.actions.getActionsCacheList({
      owner: 'acme',
      repo: 'widgets',
      key: 'dev-metrics-',
      ref: 'refs/heads/main',
      sort: 'size_in_bytes',
      direction: 'asc',
      per_page: 100,
    });
    expect(data.total_count).toBe(2);
    expect(data.actions_caches.map((c) => c.id)).toEqual([2, 1]);

    const byDefault = await octokit.rest.actions.getActionsCacheList({
      owner: 'acme',
      repo: 'widgets',
    });
    // GitHub's default order: last_accessed_at, newest first.
    expect(byDefault.data.actions_caches.map((c) => c.id)).toEqual([4, 2, 3, 1]);
  });

  it('deletes caches by key (and ref) and reports them to the source', async () => {
    const octokit = getOctokit('ghs_fake');
    const res = await octokit.rest.actions.deleteActionsCacheByKey({
      owner: 'acme',
      repo: 'widgets',
      key: 'dev-metrics-Linux-pr-9',
      ref: 'refs/pull/9/merge',
    });
    expect(res.data.total_count).toBe(1);
    expect(deleted.map((e) => e.id)).toEqual([3]);
    const left = await octokit.rest.actions.getActionsCacheList({ owner: 'acme', repo: 'widgets' });
    expect(left.data.actions_caches.map((c) => c.id)).not.toContain(3);
    await expect(
      octokit.rest.actions.deleteActionsCacheByKey({ owner: 'acme', repo: 'widgets', key: 'nope' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(api.requests.at(-1)?.query).toEqual({ key: 'nope' });
  });
});
