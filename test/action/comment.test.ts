// The sticky PR comment against the GitHub REST fake, through the real @actions/github octokit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  commentMarker,
  composeCommentBody,
  encodeRows,
  fitCommentBody,
  makeOctokit,
  mergeRows,
  parseCommentRows,
  upsertStickyComment,
  type StickyRow,
  type UpsertStickyCommentOptions,
} from '../../src/action/comment.js';
import {
  ACTIONS_BOT,
  DEPENDABOT,
  OCTOCAT,
  start,
  type FakeGitHubApi,
} from '../fakes/github-api.js';
import {
  buildCommentRow,
  fromStoredRow,
  layoutComment,
  readStoredRow,
  toStoredRow,
} from '../../src/report/comment-body.js';
import { verdict } from '../report/fixtures.js';
import { htmlText, renderGfm, tableRows } from '../report/gfm.js';

let api: FakeGitHubApi;
const where = { owner: 'acme', repo: 'widgets', issueNumber: 12 };
const marker = commentMarker('CI');

beforeAll(async () => {
  api = await start();
  api.addToken('ghp_octocat', OCTOCAT); // a PAT; every other token acts as github-actions[bot]
});
afterAll(() => api.stop());
afterEach(() => {
  api.clearFaults();
  api.state.comments = [];
  api.requests.length = 0;
});

function row(step: string, updatedAt: string, p50 = 100): StickyRow {
  return { step, updatedAt, p50 };
}

/** A renderer in the spirit of the markdown module: one table line per row. */
function render(rows: StickyRow[]): string {
  return ['### dev-metrics', '', ...rows.map((r) => `| ${r.step} | ${String(r.p50)} ms |`)].join(
    '\n',
  );
}

function options(
  extra: Partial<UpsertStickyCommentOptions> = {},
): UpsertStickyCommentOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    octokit: makeOctokit('ghs_fake', api.url),
    ...where,
    marker,
    body: render,
    log: (line) => lines.push(line),
    lines,
    ...extra,
  };
}

const marked = (): ReturnType<FakeGitHubApi['commentsOn']> =>
  api.commentsOn(where.owner, where.repo, where.issueNumber).filter((c) => c.body.includes(marker));

describe('upsertStickyComment', () => {
  it('creates the comment on the first run, then edits that same comment', async () => {
    const first = options({ rows: [row('build', '2025-10-20T10:00:00Z', 100)] });
    const created = await upsertStickyComment(first);
    expect(created).toMatchObject({ ok: true, action: 'created', truncated: false });
    expect(marked()).toHaveLength(1);
    const body = marked()[0]!.body;
    expect(body.startsWith(`${marker}\n### dev-metrics`)).toBe(true);
    expect(body).toContain('| build | 100 ms |');
    expect(parseCommentRows(body)).toEqual([row('build', '2025-10-20T10:00:00Z', 100)]);

    api.requests.length = 0;
    const second = options({ rows: [row('build', '2025-10-21T10:00:00Z', 90)] });
    const updated = await upsertStickyComment(second);
    expect(updated).toMatchObject({ ok: true, action: 'updated' });
    expect(updated.ok && created.ok && updated.commentId === created.commentId).toBe(true);
    expect(marked()).toHaveLength(1);
    expect(marked()[0]!.body).toContain('| build | 90 ms |');
    expect(api.requests.map((r) => r.route)).toEqual([
      'getAuthenticatedUser', // 403 for the job token…
      'graphql', // …whose bot GraphQL's viewer names
      'listComments',
      'getComment',
      'updateComment',
    ]);
    expect(first.lines).toEqual([]);
    expect(second.lines).toEqual([]);
  });

  it('finds its comment among more than 100 comments on later pages, never adding another', async () => {
    for (let i = 0; i < 130; i++) api.seedComment(where, `review remark ${i}`, OCTOCAT);
    const ours = api.seedComment(where, `${marker}\nold table`, ACTIONS_BOT);
    for (let i = 0; i < 40; i++) api.seedComment(where, `more talk ${i}`, OCTOCAT);

    const result = await upsertStickyComment(
      options({ rows: [row('test', '2025-10-20T10:00:00Z')] }),
    );
    expect(result).toMatchObject({ ok: true, action: 'updated', commentId: ours.id });
    expect(marked()).toHaveLength(1);
    expect(api.commentsOn(where.owner, where.repo, where.issueNumber)).toHaveLength(171);
    const pages = api.requests.filter((r) => r.route === 'listComments').map((r) => r.query.page);
    expect(pages).toEqual([undefined, '2']);
    // Re-read just before the write.
    expect(api.requests.slice(-2).map((r) => r.route)).toEqual(['getComment', 'updateComment']);
  });

  it('leaves a human comment that quotes the marker alone and edits the bot’s', async () => {
    const human = api.seedComment(where, `look: ${marker}`, OCTOCAT);
    const bot = api.seedComment(where, `${marker}\nold`, ACTIONS_BOT);
    const result = await upsertStickyComment(options({ body: 'new table' }));
    expect(result).toMatchObject({ ok: true, commentId: bot.id });
    expect(api.state.comments.find((c) => c.id === human.id)?.body).toBe(`look: ${marker}`);
    expect(api.state.comments.find((c) => c.id === bot.id)?.body).toBe(`${marker}\nnew table`);
  });

  it('never adopts a human’s comment that carries the marker and forged rows', async () => {
    // A PR author posts the marker plus a hidden rows block before the first run.
    const forged = encodeRows([
      {
        step: 'evil',
        updatedAt: '2999-01-01T00:00:00Z',
        detailsMarkdown: '![t](https://evil.example/x.png)',
      },
    ]);
    const human = api.seedComment(where, `${marker}\n${forged}`, OCTOCAT);
    const result = await upsertStickyComment(
      options({
        rows: [row('lint', '2025-10-20T10:00:00Z', 5)],
        body: (rows) => rows.map((r) => r.step).join(','),
      }),
    );
    expect(result).toMatchObject({ ok: true, action: 'created' });
    const ours = marked().find((c) => c.id !== human.id)!;
    expect(ours.body).toContain('lint');
    expect(ours.body).not.toContain('evil');
    expect(api.state.comments.find((c) => c.id === human.id)?.body).toBe(`${marker}\n${forged}`);
  });

  it('with the job token, never adopts another bot’s comment that carries the marker', async () => {
    const forged = `${marker}\n${encodeRows([row('evil', '2999-01-01T00:00:00Z')])}`;
    const other = api.seedComment(where, forged, DEPENDABOT);
    const result = await upsertStickyComment(
      options({ rows: [row('lint', '2025-10-20T10:00:00Z')] }),
    );
    expect(result).toMatchObject({ ok: true, action: 'created' });
    expect(api.state.comments.find((c) => c.id === other.id)?.body).toBe(forged);
    const ours = marked().find((c) => c.id !== other.id)!;
    expect(ours.user.login).toBe('github-actions[bot]');
    expect(parseCommentRows(ours.body).map((r) => r.step)).toEqual(['lint']);
    // The next run edits its own comment and still leaves the other bot's alone.
    const again = await upsertStickyComment(
      options({ rows: [row('lint', '2025-10-21T10:00:00Z')] }),
    );
    expect(again).toMatchObject({ ok: true, action: 'updated', commentId: ours.id });
    expect(marked()).toHaveLength(2);
  });

  it('with a PAT, adopts the token user’s comment and neither the bot’s nor another person’s', async () => {
    const bot = api.seedComment(where, `${marker}\nby the job token`, ACTIONS_BOT);
    const someone = api.seedComment(where, `${marker}\nquoted`, {
      ...OCTOCAT,
      login: 'hubot',
      id: 7,
    });
    const mine = api.seedComment(where, `${marker}\nold`, OCTOCAT);
    const o = options({ octokit: makeOctokit('ghp_octocat', api.url), body: 'new table' });
    const result = await upsertStickyComment(o);
    expect(result).toMatchObject({ ok: true, action: 'updated', commentId: mine.id });
    expect(api.state.comments.find((c) => c.id === mine.id)?.body).toBe(`${marker}\nnew table`);
    expect(api.state.comments.find((c) => c.id === bot.id)?.body).toBe(
      `${marker}\nby the job token`,
    );
    expect(api.state.comments.find((c) => c.id === someone.id)?.body).toBe(`${marker}\nquoted`);
    expect(o.lines).toEqual([]);
  });

  it('with a PAT and no comment of its user yet, creates one rather than taking the bot’s', async () => {
    const bot = api.seedComment(where, `${marker}\nby the job token`, ACTIONS_BOT);
    const result = await upsertStickyComment(
      options({ octokit: makeOctokit('ghp_octocat', api.url), body: 'new table' }),
    );
    expect(result).toMatchObject({ ok: true, action: 'created' });
    expect(result.ok && result.commentId).not.toBe(bot.id);
    expect(marked().map((c) => c.user.login)).toEqual(['github-actions[bot]', 'octocat']);
  });

  it('keeps both rows when two steps write one after the other (re-read + merge)', async () => {
    await upsertStickyComment(options({ rows: [row('lint', '2025-10-20T10:00:00Z', 5)] }));
    // Job A and job B each only know their own row; both rendered before either wrote.
    const jobA = options({ rows: [row('build', '2025-10-20T10:01:00Z', 100)] });
    const jobB = options({ rows: [row('test', '2025-10-20T10:01:30Z', 200)] });
    await upsertStickyComment(jobA);
    await upsertStickyComment(jobB);
    expect(marked()).toHaveLength(1);
    const body = marked()[0]!.body;
    expect(parseCommentRows(body).map((r) => r.step)).toEqual(['lint', 'build', 'test']);
    expect(body).toContain('| build | 100 ms |');
    expect(body).toContain('| test | 200 ms |');
    expect(body).toContain('| lint | 5 ms |');
  });

  it('ends with one comment holding both rows when two first runs race to create it', async () => {
    api.barrier('listComments', 2); // both writers list before either creates
    const [a, b] = await Promise.all([
      upsertStickyComment(options({ rows: [row('build', '2025-10-20T10:00:00Z')] })),
      upsertStickyComment(options({ rows: [row('test', '2025-10-20T10:00:01Z')] })),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(api.requests.filter((r) => r.route === 'createComment')).toHaveLength(2);
    expect(marked()).toHaveLength(1);
    expect(
      parseCommentRows(marked()[0]!.body)
        .map((r) => r.step)
        .sort(),
    ).toEqual(['build', 'test']);
  });

  it('documented race: overlapping updates lose a row until that step writes again', async () => {
    await upsertStickyComment(options({ rows: [row('lint', '2025-10-20T10:00:00Z')] }));
    api.barrier('getComment', 2); // both re-read before either PATCHes: the window the header names
    const build = row('build', '2025-10-20T10:01:00Z');
    const test = row('test', '2025-10-20T10:01:00Z');
    await Promise.all([
      upsertStickyComment(options({ rows: [build] })),
      upsertStickyComment(options({ rows: [test] })),
    ]);
    const steps = parseCommentRows(marked()[0]!.body).map((r) => r.step);
    expect(steps).toHaveLength(2); // lint + whichever PATCH landed last
    const lost = steps.includes('build') ? test : build;
    await upsertStickyComment(options({ rows: [{ ...lost, updatedAt: '2025-10-20T10:05:00Z' }] }));
    expect(
      parseCommentRows(marked()[0]!.body)
        .map((r) => r.step)
        .sort(),
    ).toEqual(['build', 'lint', 'test']);
  });

  it('folds duplicates left by an earlier race into the oldest and deletes them', async () => {
    const older = api.seedComment(
      where,
      `${marker}\nx\n${encodeRows([row('a', '2025-10-01T00:00:00Z')])}`,
    );
    api.seedComment(where, `${marker}\ny\n${encodeRows([row('b', '2025-10-01T00:00:00Z')])}`);
    const result = await upsertStickyComment(options({ rows: [row('c', '2025-10-02T00:00:00Z')] }));
    expect(result).toMatchObject({ ok: true, commentId: older.id });
    expect(marked().map((c) => c.id)).toEqual([older.id]);
    expect(parseCommentRows(marked()[0]!.body).map((r) => r.step)).toEqual(['a', 'b', 'c']);
  });

  it('on a fork PR’s read-only token (403) logs one notice naming the permission and does not throw', async () => {
    api.fault('createComment', 403);
    const o = options({ rows: [row('build', '2025-10-20T10:00:00Z')] });
    const result = await upsertStickyComment(o);
    expect(result.ok).toBe(false);
    expect(o.lines).toHaveLength(1);
    expect(o.lines[0]).toContain('pull-requests: write');
    expect(o.lines[0]).toContain('Resource not accessible by integration');
    expect(o.lines[0]).not.toContain('\n');
    expect(marked()).toHaveLength(0);
  });

  it('reports 404, 401, rate limits (429 and 403 with x-ratelimit-remaining: 0) and network errors', async () => {
    const cases: Array<[Parameters<FakeGitHubApi['fault']>[1], RegExp]> = [
      [404, /pull request #12 in acme\/widgets was not found.*pull-requests: write/],
      [401, /HTTP 401: Bad credentials/],
      [429, /rate-limited .*HTTP 429, retry after 60s/],
      ['rate-limit', /rate-limited .*HTTP 403, retry after 60s/],
      ['network', /could not reach the GitHub API while listing/],
    ];
    for (const [kind, expected] of cases) {
      api.fault('listComments', kind);
      const o = options();
      const result = await upsertStickyComment(o);
      expect(result.ok, String(kind)).toBe(false);
      expect(o.lines, String(kind)).toHaveLength(1);
      expect(o.lines[0], String(kind)).toMatch(expected);
      api.clearFaults();
    }
  });

  it('bounds a too-long body to 65,536 characters, keeping the marker and the rows', async () => {
    const rows = [row('build', '2025-10-20T10:00:00Z')];
    const huge = (r: StickyRow[]): string =>
      `${render(r)}\n\n\`\`\`\n${'a line of log output\n'.repeat(5000)}\`\`\`\n`;
    const o = options({ rows, body: huge });
    const result = await upsertStickyComment(o);
    expect(result).toMatchObject({ ok: true, truncated: true });
    const body = marked()[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARS - 200);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('Truncated');
    expect(parseCommentRows(body)).toEqual(rows);
    // The cut closed the code fence so the note renders outside it.
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it('turns a 422 from GitHub into one notice', async () => {
    const strict = await start({ maxBodyLength: 100 });
    try {
      const o = options({ octokit: makeOctokit('ghs_fake', strict.url), body: 'x'.repeat(500) });
      const result = await upsertStickyComment(o);
      expect(result.ok).toBe(false);
      expect(o.lines).toEqual([
        expect.stringMatching(
          /HTTP 422 while creating the comment: Validation Failed: body is too long/,
        ),
      ]);
    } finally {
      await strict.stop();
    }
  });

  it('makeOctokit reads GITHUB_API_URL when no URL is given', async () => {
    process.env.GITHUB_API_URL = api.url;
    try {
      const octokit = makeOctokit('ghs_fake');
      const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' });
      expect(data.default_branch).toBe('main');
    } finally {
      delete process.env.GITHUB_API_URL;
    }
    expect(() => makeOctokit('')).toThrow(/github-token is empty/);
  });
});

describe('rows and body helpers', () => {
  it('merges rows by step, newest updatedAt wins, existing order first', () => {
    const existing = [row('a', '2025-10-02T00:00:00Z', 1), row('b', '2025-10-02T00:00:00Z', 2)];
    const mine = [
      row('b', '2025-10-01T00:00:00Z', 20),
      row('a', '2025-10-03T00:00:00Z', 10),
      row('c', 'x', 3),
    ];
    expect(mergeRows(existing, mine)).toEqual([
      row('a', '2025-10-03T00:00:00Z', 10),
      row('b', '2025-10-02T00:00:00Z', 2),
      row('c', 'x', 3),
    ]);
  });

  it('keeps one row per series: the same step in two matrix legs is two rows', () => {
    const linux = {
      ...row('unit', '2025-10-02T00:00:00Z', 1),
      key: 'unit ["test",["os","ubuntu"]]',
    };
    const windows = {
      ...row('unit', '2025-10-03T00:00:00Z', 2),
      key: 'unit ["test",["os","win"]]',
    };
    const linuxAgain = { ...linux, updatedAt: '2025-10-04T00:00:00Z' };
    expect(mergeRows([linux], [windows])).toEqual([linux, windows]);
    expect(mergeRows([linux, windows], [linuxAgain])).toEqual([linuxAgain, windows]);
  });

  it('round-trips rows through the hidden block and ignores a damaged one', () => {
    const rows = [{ ...row('x', '2025-10-01T00:00:00Z'), note: 'has --> inside' }];
    const block = encodeRows(rows);
    expect(block).not.toContain('has -->');
    expect(parseCommentRows(`text\n${block}\nmore`)).toEqual(rows);
    expect(parseCommentRows('<!-- dev-metrics-data: bm90IGpzb24= -->')).toEqual([]);
    expect(parseCommentRows('no block')).toEqual([]);
  });

  it('keeps a workflow name from closing the marker comment early', () => {
    expect(commentMarker('build --> deploy')).toBe('<!-- dev-metrics:build - deploy -->');
    expect(commentMarker('')).toBe('<!-- dev-metrics:default -->');
  });

  it('never cuts a surrogate pair and closes open <details>', () => {
    const visible = `<details><summary>s</summary>\n\n${'📈'.repeat(200)}`;
    const { body, truncated } = composeCommentBody(marker, visible, [], 300);
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(300);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(body).toContain('</details>');
  });
});

describe('30 tracked steps in one comment', () => {
  /** One job's row, as publish.ts builds it: long name, 500 runs of history, long reason. */
  function job(i: number): StickyRow {
    const name = `step-${String(i).padStart(2, '0')}-${'long-name-'.repeat(9)}`; // 98 characters
    const points = Array.from({ length: 500 }, (_, k) => ({
      t: new Date(Date.UTC(2025, 8, 1) + k * 3_600_000).toISOString(),
      durationMs: 60_000 + ((k * 7919 + i * 104_729) % 50_000) + 0.37,
      failed: (k + i) % 17 === 0,
    }));
    const row = buildCommentRow({
      verdict: verdict({ name, reason: `median slower than main: ${'because '.repeat(55)}` }),
      status: i % 7 === 0 ? 'failed' : 'success',
      chartUrl: null,
      updatedAt: `2025-10-20T10:${String(i).padStart(2, '0')}:00.000Z`,
      baselineBranch: 'main',
      flakiness: { name, flakyCommits: ['c'.repeat(40)], commitsSeen: 10, flakeRate: 0.1 },
    });
    return toStoredRow(row, { points });
  }

  const renderer = (rows: StickyRow[], maxChars: number) =>
    layoutComment({ marker, workflow: 'CI', rows: rows.map(fromStoredRow), maxChars });

  it('every step keeps a visible row, the hidden data gives way, and the body fits', async () => {
    // 30 jobs, each knowing only its own row, write one after the other.
    for (let i = 0; i < 30; i++) {
      const result = await upsertStickyComment(options({ rows: [job(i)], body: renderer }));
      expect(result.ok, String(i)).toBe(true);
    }
    expect(marked()).toHaveLength(1);
    const body = marked()[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    const cells = tableRows(renderGfm(body)).slice(1);
    expect(cells).toHaveLength(30);
    for (let i = 0; i < 30; i++) {
      const name = job(i).step;
      expect(
        cells.some((c) => htmlText(c[0] ?? '').endsWith(name)),
        name,
      ).toBe(true);
    }
    expect(body).not.toContain('not shown');
    // The hidden block still holds every row, so the next writer keeps them all.
    const stored = parseCommentRows(body);
    expect(stored.map((r) => r.step).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => job(i).step).sort(),
    );
  });

  it('gives up the oldest history first, then details, then the rows, before any visible row', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      step: `step-${i}`,
      updatedAt: '2025-10-20T10:00:00Z',
      history: Array.from({ length: 100 }, (_, k) => k),
      details: 'd'.repeat(50),
    }));
    // A table that needs exactly its own length: a smaller budget leaves rows out.
    const table = rows.map((r) => `| ${r.step} |`).join('\n');
    const renderer = (rs: StickyRow[], maxChars: number) =>
      table.length <= maxChars
        ? { markdown: table, rowsLeftOut: 0 }
        : { markdown: table.slice(0, maxChars), rowsLeftOut: rs.length };
    const bodyAt = (limit: number) => fitCommentBody(marker, renderer, rows, limit).body;
    const frame = `${marker}\n`.length + table.length + 2; // + the blank line before the block
    const sizeOf = (stored: StickyRow[]) => frame + encodeRows(stored).length;
    const keep = (n: number) => rows.map((r) => ({ ...r, history: r.history.slice(-n) }));
    const bare = rows.map((r) => ({ step: r.step, updatedAt: r.updatedAt }));

    expect(parseCommentRows(bodyAt(sizeOf(rows)))).toEqual(rows);
    // One character short: the history's older half goes, its newest half stays.
    expect(parseCommentRows(bodyAt(sizeOf(rows) - 1))).toEqual(keep(50));
    expect(parseCommentRows(bodyAt(sizeOf(keep(1)) - 1))).toEqual(
      rows.map((r) => ({ step: r.step, updatedAt: r.updatedAt, details: r.details })),
    );
    expect(parseCommentRows(bodyAt(sizeOf(bare)))).toEqual(bare);
    // No room for even the bare rows next to the table: the table wins.
    const tight = bodyAt(sizeOf(bare) - 1);
    expect(parseCommentRows(tight)).toEqual([]);
    expect(tight).toContain(table);
  });

  it('upgrades rows stored by older versions and never republishes unknown fields', async () => {
    // Version 1: base64 JSON, each row with its chart URL and details under the renderer's names.
    const old = { ...fromStoredRow(job(1)), step: job(1).step, evil: 'x'.repeat(5000) };
    const v1 = Buffer.from(JSON.stringify({ v: 1, rows: [old] })).toString('base64');
    api.seedComment(where, `${marker}\nold table\n\n<!-- dev-metrics-data: ${v1} -->`);
    const result = await upsertStickyComment(
      options({ rows: [job(2)], body: renderer, readRow: readStoredRow }),
    );
    expect(result).toMatchObject({ ok: true, action: 'updated' });
    const body = marked()[0]!.body;
    expect(body).toContain('<!-- dev-metrics-data: {"v":2,');
    const stored = parseCommentRows(body);
    expect(stored.map((r) => r.step)).toEqual([job(1).step, job(2).step]);
    expect(Object.keys(stored[0]!).sort()).toEqual(
      [
        'baselineMedianMs',
        'changePercent',
        'durationMs',
        'status',
        'step',
        'updatedAt',
        'verdict',
      ].sort(),
    );
    expect(tableRows(renderGfm(body)).slice(1)).toHaveLength(2);
  });

  it('stores a row compactly: no chart URL, the history as numbers, escaped JSON', () => {
    const row = job(1);
    const block = encodeRows([row]);
    expect(block.length).toBeLessThan(1500);
    expect(row.history).toHaveLength(40);
    expect(block).not.toMatch(/-->.*-->/s);
    expect(parseCommentRows(block)).toEqual([row]);
    // The chart is redrawn from the stored history.
    expect(fromStoredRow(row).chartUrl).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
  });
});
