// src/action/post-entry.cjs (dist/post.cjs, action.yml `post:`): a post step with nothing to do
// exits without loading the bundle; every other post runs it. Run here as the runner runs it,
// next to a stand-in bundle entry that leaves a mark when it is loaded.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = path.resolve(import.meta.dirname, '../../src/action/post-entry.cjs');

/** Whether the post entry loaded index.js, given the STATE_* variables main left. */
function loadsBundle(state: Record<string, string>): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-post-entry-'));
  try {
    const mark = path.join(dir, 'loaded');
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      path.join(dir, 'index.js'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(mark)}, '');\n`,
    );
    copyFileSync(ENTRY, path.join(dir, 'post.cjs'));
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] };
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    execFileSync(process.execPath, [path.join(dir, 'post.cjs')], { env, stdio: 'pipe' });
    return existsSync(mark);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the post entry', () => {
  it('loads nothing for a later step whose main recorded its run', () => {
    expect(
      loadsBundle({ isPost: 'true', recorded: 'true', startedAt: '2026-01-01T00:00:00Z' }),
    ).toBe(false);
    // Cancelled before the command ran: main recorded that there was nothing to record.
    expect(
      loadsBundle({ isPost: 'true', recorded: 'none', startedAt: '2026-01-01T00:00:00Z' }),
    ).toBe(false);
  });

  it('loads nothing for a later step whose main never started a command', () => {
    expect(loadsBundle({ isPost: 'true' })).toBe(false);
  });

  it('runs the bundle for the job owner, which saves and publishes', () => {
    expect(
      loadsBundle({
        isPost: 'true',
        owner: 'true',
        recorded: 'true',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    ).toBe(true);
  });

  it('runs the bundle when main started the command and did not record it (killed)', () => {
    expect(loadsBundle({ isPost: 'true', startedAt: '2026-01-01T00:00:00Z' })).toBe(true);
  });

  it('runs the bundle when main did not even save that this is the post step', () => {
    expect(loadsBundle({})).toBe(true);
  });
});
