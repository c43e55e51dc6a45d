/**
 * Records the library writes are redacted like the action's: trackExecution, endExecution(Sync)
 * and recordExecution never put a secret the error text carries into a day file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DevMetricsCollector, trackExecution, type ExecutionRecord } from '../../src/index.js';

// Built at run time so that no secret-shaped literal sits in the repository (scanners).
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const WEBHOOK = `https://hooks.slack.com/services/T0AAAA/B0BBBB/${'xYz123'.repeat(4)}`;

let dir: string;
let collector: DevMetricsCollector;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-redaction-'));
  collector = new DevMetricsCollector({ metricsDir: dir, onWarning: null });
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The day files' text and records, read straight from disk. */
function onDisk(): { text: string; records: ExecutionRecord[] } {
  const text = fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('');
  const records = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ExecutionRecord);
  return { text, records };
}

describe('library records are redacted', () => {
  it('trackExecution: a sync throw carrying a token is recorded redacted, rethrown unchanged', () => {
    const thrown = new Error(`push rejected for ${TOKEN}`);
    expect(() =>
      trackExecution(
        'push',
        () => {
          throw thrown;
        },
        { collector },
      ),
    ).toThrow(thrown);
    expect(thrown.message).toContain(TOKEN); // the caller's error is theirs: untouched
    const { text, records } = onDisk();
    expect(records[0]?.error).toBe('push rejected for ***');
    expect(text).not.toContain(TOKEN);
  });

  it('trackExecution: an async rejection carrying curl -u and a webhook is recorded redacted', async () => {
    const reason = new Error(`curl -u bot:Hunter2xyz ${WEBHOOK} failed`);
    await expect(
      trackExecution('notify', () => Promise.reject(reason), { collector }),
    ).rejects.toBe(reason);
    const { text, records } = onDisk();
    expect(records[0]?.error).toBe('curl -u bot:*** https://hooks.slack.com/services/*** failed');
    expect(text).not.toContain('Hunter2xyz');
  });

  it('endExecution and endExecutionSync redact a string error', async () => {
    const a = collector.startExecution('a');
    await collector.endExecution(a, { status: 'failed', error: `password="two words" ${TOKEN}` });
    const b = collector.startExecution('b');
    collector.endExecutionSync(b, { status: 'failed', error: new Error(`token=${TOKEN}`) });
    const { text, records } = onDisk();
    expect(records.map((r) => r.error)).toEqual(['password="***" ***', 'token=***']);
    expect(text).not.toContain(TOKEN);
  });

  it('redacts the values of secret-named environment variables (DB_PASS, …)', async () => {
    vi.stubEnv('DB_PASS', 'db-pass-value-0123');
    const id = collector.startExecution('migrate');
    const record = await collector.endExecution(id, {
      status: 'failed',
      error: 'auth failed with db-pass-value-0123',
    });
    expect(record.error).toBe('auth failed with ***');
    expect(onDisk().text).not.toContain('db-pass-value-0123');
  });

  it('recordExecution redacts the error of a ready-made record', async () => {
    const written = await collector.recordExecution({
      name: 'deploy',
      started_at: '2026-01-02T03:04:05.000000',
      ended_at: '2026-01-02T03:04:06.000000',
      duration_ms: 1000,
      status: 'failed',
      metadata: {},
      error: `fatal: https://x-access-token:${TOKEN}@github.com/o/r`,
    });
    expect(written.error).toBe('fatal: https://x-access-token:***@github.com/o/r');
    expect(onDisk().text).not.toContain(TOKEN);
  });

  it('leaves an ordinary error message alone', async () => {
    const id = collector.startExecution('build');
    const record = await collector.endExecution(id, {
      status: 'failed',
      error: 'ENOENT: no such file /home/runner/work/app/src/password/reset.ts',
    });
    expect(record.error).toBe('ENOENT: no such file /home/runner/work/app/src/password/reset.ts');
  });
});
