/** Shared set-up for the end-to-end tests of the bundled action against the loopback fakes. */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExecutionRecord } from '../../src/core/record.js';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples/api.github.com/index.json',
) as Definition[];

// Webhook payloads are deep JSON read field by field in tests; typing them adds nothing here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;

/** A real webhook payload from @octokit/webhooks-examples. */
export function webhook(event: string, match: (payload: Payload) => boolean): Payload {
  const found = definitions.find((d) => d.name === event)?.examples.find(match);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** The runner's variables for a push of `branch` (payload: the real branch-push example). */
export function pushEvent(branch = 'master'): {
  event: { name: string; payload: unknown };
  env: Record<string, string>;
} {
  const payload = webhook('push', (p) => String(p.ref).startsWith('refs/heads/'));
  payload.ref = `refs/heads/${branch}`;
  return {
    event: { name: 'push', payload },
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_REF_NAME: branch,
      GITHUB_SHA: payload.after,
    },
  };
}

/** The runner's variables for a pull_request (synchronize) event: PR #2, changes → master. */
export function pullRequestEvent(): {
  event: { name: string; payload: unknown };
  env: Record<string, string>;
} {
  const payload = webhook('pull_request', (p) => p.action === 'synchronize');
  const pr = payload.pull_request;
  return {
    event: { name: 'pull_request', payload },
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_REF: `refs/pull/${payload.number}/merge`,
      GITHUB_REF_NAME: `${payload.number}/merge`,
      GITHUB_HEAD_REF: pr.head.ref,
      GITHUB_BASE_REF: pr.base.ref,
      GITHUB_SHA: 'f'.repeat(40), // the merge commit; the action must record the head sha instead
    },
  };
}

export function readHistory(metricsDir: string): ExecutionRecord[] {
  if (!existsSync(metricsDir)) return [];
  return readdirSync(metricsDir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(metricsDir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as ExecutionRecord),
    );
}

/** Workflow commands (`::warning ...::msg`) the step printed, by kind. */
export function commands(stdout: string, kind: 'warning' | 'error' | 'notice'): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => line.slice(line.indexOf('::', 2) + 2));
}
