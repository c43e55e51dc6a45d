import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCiContext, readEventPayload, type CiContext } from '../../src/action/context.js';

// Real webhook payloads, as GitHub sends them (and the runner writes to GITHUB_EVENT_PATH).
interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples/api.github.com/index.json',
) as Definition[];

function example(
  event: string,
  match: (payload: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const found = definitions.find((d) => d.name === event)?.examples.find(match);
  if (!found) throw new Error(`no ${event} example`);
  return found;
}

const prOpened = example('pull_request', (p) => p.action === 'opened');
const prSynchronize = example('pull_request', (p) => p.action === 'synchronize');
const branchPush = example('push', (p) => p.ref === 'refs/heads/master');
const tagPush = example('push', (p) => p.ref === 'refs/tags/simple-tag');

const PR_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'; // pull_request.head.sha in the examples
const MERGE_SHA = '1111111111111111111111111111111111111111'; // what GITHUB_SHA is on a PR run

/** The variables the runner sets on every job. */
const RUNNER_ENV = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'test',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '2',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
};

const PR_ENV = {
  ...RUNNER_ENV,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_SHA: MERGE_SHA,
  GITHUB_REF: 'refs/pull/2/merge',
  GITHUB_REF_NAME: '2/merge',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_HEAD_REF: 'changes',
  GITHUB_BASE_REF: 'master',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dm-context-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pull_request runs', () => {
  it.each([
    ['opened', prOpened],
    ['synchronize', prSynchronize],
  ])('%s: records the head commit, not the merge commit', (_action, payload) => {
    expect(readCiContext(PR_ENV, payload)).toEqual({
      provider: 'github-actions',
      repository: 'Codertocat/Hello-World',
      server_url: 'https://github.com',
      sha: PR_HEAD_SHA,
      ref: 'refs/pull/2/merge',
      branch: 'changes',
      event: 'pull_request',
      pr_number: 2,
      base_branch: 'master',
      default_branch: 'master',
      workflow: 'CI',
      job: 'test',
      run_id: '9876543210',
      run_attempt: 2,
      runner_os: 'Linux',
      runner_arch: 'X64',
    } satisfies CiContext);
  });

  it('pull_request_target: head sha and branches from the payload', () => {
    // On pull_request_target GITHUB_SHA is the base branch tip and GITHUB_REF the base branch.
    const context = readCiContext(
      {
        ...RUNNER_ENV,
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_REF: 'refs/heads/master',
        GITHUB_HEAD_REF: '',
        GITHUB_BASE_REF: '',
      },
      prOpened,
    );
    expect(context).toMatchObject({
      sha: PR_HEAD_SHA,
      branch: 'changes',
      base_branch: 'master',
      pr_number: 2,
    });
  });

  it('reads the payload from GITHUB_EVENT_PATH', async () => {
    const file = path.join(dir, 'event.json');
    await writeFile(file, JSON.stringify(prSynchronize));
    const context = readCiContext({ ...PR_ENV, GITHUB_EVENT_PATH: file });
    expect(context.sha).toBe(PR_HEAD_SHA);
    expect(context.default_branch).toBe('master');
    expect(context.pr_number).toBe(2);
  });

  it('without a readable payload falls back to env: merge sha, PR number from the ref', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    for (const eventPath of [bad, path.join(dir, 'missing.json'), '']) {
      expect(readCiContext({ ...PR_ENV, GITHUB_EVENT_PATH: eventPath })).toEqual({
        provider: 'github-actions',
        repository: 'Codertocat/Hello-World',
        server_url: 'https://github.com',
        sha: MERGE_SHA,
        ref: 'refs/pull/2/merge',
        branch: 'changes',
        event: 'pull_request',
        pr_number: 2,
        base_branch: 'master',
        workflow: 'CI',
        job: 'test',
        run_id: '9876543210',
        run_attempt: 2,
        runner_os: 'Linux',
        runner_arch: 'X64',
      } satisfies CiContext);
    }
  });
});

describe('push runs', () => {
  it('branch push: GITHUB_SHA and GITHUB_REF_NAME, no PR fields', () => {
    const env = {
      ...RUNNER_ENV,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: branchPush.after as string,
      GITHUB_REF: 'refs/heads/master',
      GITHUB_REF_NAME: 'master',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_HEAD_REF: '', // the runner sets these empty outside pull requests
      GITHUB_BASE_REF: '',
    };
    expect(readCiContext(env, branchPush)).toEqual({
      provider: 'github-actions',
      repository: 'Codertocat/Hello-World',
      server_url: 'https://github.com',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/heads/master',
      branch: 'master',
      event: 'push',
      default_branch: 'master',
      workflow: 'CI',
      job: 'test',
      run_id: '9876543210',
      run_attempt: 2,
      runner_os: 'Linux',
      runner_arch: 'X64',
    } satisfies CiContext);
  });

  it('tag push: the tag is not a branch', () => {
    const context = readCiContext(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/tags/simple-tag',
        GITHUB_REF_NAME: 'simple-tag',
        GITHUB_REF_TYPE: 'tag',
      },
      tagPush,
    );
    expect(context.branch).toBeUndefined();
    expect(context.ref).toBe('refs/tags/simple-tag');
  });

  it('a push payload that happens to carry pull_request is not treated as a PR', () => {
    const context = readCiContext(
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'abc', GITHUB_REF: 'refs/heads/x' },
      { ...branchPush, pull_request: { head: { sha: 'nope' } } },
    );
    expect(context).toMatchObject({ sha: 'abc', branch: 'x' });
    expect(context.pr_number).toBeUndefined();
  });
});

describe('robustness', () => {
  it('an empty environment gives just the provider', () => {
    expect(readCiContext({}, undefined)).toEqual({ provider: 'github-actions' });
  });

  it('ignores payloads of the wrong shape and odd numbers', () => {
    for (const payload of [null, [], 'text', 42, { pull_request: 'x', repository: [] }]) {
      const context = readCiContext(
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'abc', GITHUB_RUN_ATTEMPT: 'x' },
        payload,
      );
      expect(context).toEqual({ provider: 'github-actions', event: 'pull_request', sha: 'abc' });
    }
  });

  it('repository falls back to the payload', () => {
    expect(readCiContext({}, branchPush).repository).toBe('Codertocat/Hello-World');
  });

  it('readEventPayload is safe on anything', async () => {
    const file = path.join(dir, 'array.json');
    await writeFile(file, '[1]');
    expect(readEventPayload(undefined)).toBeUndefined();
    expect(readEventPayload(file)).toBeUndefined();
    expect(readEventPayload(dir)).toBeUndefined(); // a directory
  });

  it('reads process.env by default', () => {
    const before = process.env.GITHUB_JOB;
    process.env.GITHUB_JOB = 'from-process-env';
    try {
      expect(readCiContext().job).toBe('from-process-env');
    } finally {
      if (before === undefined) delete process.env.GITHUB_JOB;
      else process.env.GITHUB_JOB = before;
    }
  });
});

describe('schedule events', () => {
  it('take the default branch from the ref when the payload has no repository', () => {
    const ctx = readCiContext(
      {
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_REF: 'refs/heads/trunk',
        GITHUB_REF_NAME: 'trunk',
      },
      { schedule: '0 3 * * *' },
    );
    expect(ctx).toMatchObject({ event: 'schedule', branch: 'trunk', default_branch: 'trunk' });
  });
});
