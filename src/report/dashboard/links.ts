/**
 * Commit, branch and run links for the dashboard, built only from validated parts: an http(s)
 * server without credentials, an owner/name repository, a hex sha, a numeric run id. Anything
 * else (a `javascript:` server_url, a repository with a slash too many) gives no link at all.
 */

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SHA = /^[0-9a-f]{7,64}$/i;
const RUN_ID = /^\d{1,20}$/;

/** `https://github.com/owner/name`, or null when either part is not safe to link to. */
export function repositoryUrl(serverUrl: unknown, repository: unknown): string | null {
  if (typeof repository !== 'string' || !REPOSITORY.test(repository)) return null;
  if (repository.split('/').some((part) => part === '.' || part === '..')) return null;
  const server =
    typeof serverUrl === 'string' && serverUrl !== '' ? serverUrl : 'https://github.com';
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  return `${base}/${repository}`;
}

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && SHA.test(value);
}

export function commitUrl(repoUrl: string | null, sha: unknown): string | null {
  return repoUrl !== null && isSha(sha) ? `${repoUrl}/commit/${sha.toLowerCase()}` : null;
}

/** The branch's tree page; null for a name with a "." or ".." segment (it would leave the repo). */
export function branchUrl(repoUrl: string | null, branch: unknown): string | null {
  if (repoUrl === null || typeof branch !== 'string' || branch === '') return null;
  const segments = branch.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  return `${repoUrl}/tree/${segments.map(encodeURIComponent).join('/')}`;
}

export function runUrl(repoUrl: string | null, runId: unknown): string | null {
  const id = typeof runId === 'number' && Number.isInteger(runId) ? String(runId) : runId;
  return repoUrl !== null && typeof id === 'string' && RUN_ID.test(id)
    ? `${repoUrl}/actions/runs/${id}`
    : null;
}

export function pullUrl(repoUrl: string | null, prNumber: unknown): string | null {
  return repoUrl !== null &&
    typeof prNumber === 'number' &&
    Number.isInteger(prNumber) &&
    prNumber > 0
    ? `${repoUrl}/pull/${prNumber}`
    : null;
}
