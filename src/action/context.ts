import { readFileSync } from 'node:fs';

// The CiContext type and the parser of `metadata.ci` read back live in the core (src/core/ci.ts);
// this module builds the context of the running job.
import type { CiContext } from '../core/ci.js';
export type { CiContext } from '../core/ci.js';

// ---------------------------------------------------------------------------------------------
// Implementation: everything comes from the runner's GITHUB_* / RUNNER_* variables plus the
// webhook payload the runner writes to GITHUB_EVENT_PATH. No @actions/github import: its Context
// reads process.env at construction time, and this stays testable with a plain env object.

type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

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
export function readCiContext(env: Env = process.env, eventPayload?: unknown): CiContext {
  const payload = asObject(
    eventPayload === undefined ? readEventPayload(env.GITHUB_EVENT_PATH) : eventPayload,
  );
  const event = nonEmpty(env.GITHUB_EVENT_NAME);
  const ref = nonEmpty(env.GITHUB_REF);
  const repository = asObject(payload?.repository);
  const prEvent = event !== undefined && PULL_REQUEST_EVENTS.has(event);
  const pr = prEvent ? asObject(payload?.pull_request) : undefined;
  const head = asObject(pr?.head);
  const base = asObject(pr?.base);

  const context: CiContext = {
    provider: 'github-actions',
    repository: nonEmpty(env.GITHUB_REPOSITORY) ?? str(repository?.full_name),
    server_url: nonEmpty(env.GITHUB_SERVER_URL),
    sha: (pr ? str(head?.sha) : undefined) ?? nonEmpty(env.GITHUB_SHA),
    ref,
    branch: prEvent ? (nonEmpty(env.GITHUB_HEAD_REF) ?? str(head?.ref)) : branchOf(env, ref),
    event,
    pr_number: prEvent
      ? (int(pr?.number) ?? int(payload?.number) ?? prNumberOfRef(ref))
      : prNumberOfRef(ref),
    base_branch: prEvent ? (nonEmpty(env.GITHUB_BASE_REF) ?? str(base?.ref)) : undefined,
    // Scheduled runs always run on the default branch, whatever their payload carries.
    default_branch:
      str(repository?.default_branch) ?? (event === 'schedule' ? branchOf(env, ref) : undefined),
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
    run_id: nonEmpty(env.GITHUB_RUN_ID),
    run_attempt: int(env.GITHUB_RUN_ATTEMPT),
    runner_os: nonEmpty(env.RUNNER_OS),
    runner_arch: nonEmpty(env.RUNNER_ARCH),
  };
  // Drop absent fields so records carry no `"x": undefined` noise (and compare cleanly).
  for (const key of Object.keys(context) as (keyof CiContext)[]) {
    if (context[key] === undefined) delete context[key];
  }
  return context;
}

/** Parses the webhook payload file; undefined when the path is unset, unreadable or not JSON. */
export function readEventPayload(path: string | undefined): Json | undefined {
  if (!path) return undefined;
  try {
    return asObject(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Branch for non-PR runs: GITHUB_REF_NAME when the ref is a branch. Tag pushes have a
 * GITHUB_REF_NAME too (the tag), which is not a branch, so it is left out.
 */
function branchOf(env: Env, ref: string | undefined): string | undefined {
  if (ref?.startsWith('refs/heads/'))
    return nonEmpty(env.GITHUB_REF_NAME) ?? ref.slice('refs/heads/'.length);
  if (ref === undefined && env.GITHUB_REF_TYPE === 'branch') return nonEmpty(env.GITHUB_REF_NAME);
  return undefined;
}

/** refs/pull/12/merge → 12: the PR number when the payload is unavailable. */
function prNumberOfRef(ref: string | undefined): number | undefined {
  const match = ref ? /^refs\/pull\/(\d+)\//.exec(ref) : null;
  return match ? Number(match[1]) : undefined;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function int(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}
