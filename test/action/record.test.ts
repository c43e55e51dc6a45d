/**
 * The action's record of a failed command: its `error` is the redacted end of the output, at most
 * ERROR_MAX_BYTES. Real bash through runCommand, so the tail window and the cut are the ones the
 * action uses: a secret whose label falls just before the 4 KB cut must not survive it.
 */
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/action/command.js';
import { buildRecord, ERROR_MAX_BYTES, ERROR_MAX_LINES } from '../../src/action/record.js';
import { secretValuesFromEnv } from '../../src/core/redact.js';

class Discard extends Writable {
  override _write(_chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    done();
  }
}

let tempDir: string;
beforeAll(async () => {
  tempDir = await realpath(await mkdtemp(path.join(tmpdir(), 'dm record ')));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

/** Runs a bash step that prints `output` (no trailing newline added) and fails. */
async function errorOf(output: string, secrets: readonly string[] = []): Promise<string> {
  const file = path.join(tempDir, 'out.txt');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, output);
  const result = await runCommand({
    script: `cat '${file}'; exit 3`,
    shell: 'bash',
    tempDir,
    workspace: tempDir,
    stdout: new Discard(),
    stderr: new Discard(),
  });
  const record = buildRecord({
    name: 'deploy',
    metadata: {},
    ci: { provider: 'github-actions' },
    result,
    secrets,
  });
  expect(record.status).toBe('failed');
  return record.error ?? '';
}

/** One long line whose last ERROR_MAX_BYTES bytes start `cutAt` characters into `secretPart`. */
function lineCutInside(label: string, value: string, cutAt: number): string {
  const after = ` and then the deploy failed ${'.'.repeat(ERROR_MAX_BYTES)}`;
  const end = `${value.slice(cutAt)}${after}`.slice(0, ERROR_MAX_BYTES - 1);
  const kept = `${label}${value.slice(0, cutAt)}${end}\n`;
  return `${'x'.repeat(20_000)} ${kept}`;
}

describe('buildRecord: redaction before the 4 KB cut', () => {
  const PASSWORD = 'Hunter2-correct-horse-battery';
  it.each([
    ['password= label cut off', 'password=', PASSWORD, 0, 'correct-horse'],
    ['curl -u label cut off', 'curl -u deploy:', PASSWORD, 0, 'correct-horse'],
    [
      'Teams webhook cut after its host',
      'https://contoso.webhook.office.com/webhookb2/',
      `5d4473ea-7133-4905-a812-09c8678b4bf6@ce86aad0/IncomingWebhook/31bb4868/V2${'Ow6K'.repeat(8)}`,
      20,
      'IncomingWebhook',
    ],
    ['GitHub token cut in half', '', `ghp_${'A1b2C3d4E5'.repeat(4)}`, 10, 'C3d4E5A1b2'],
  ])('%s: the secret does not reach the record', async (_label, label, value, cutAt, leak) => {
    const error = await errorOf(lineCutInside(label, value, cutAt));
    expect(error).not.toContain(leak);
    expect(Buffer.byteLength(error)).toBeLessThanOrEqual(ERROR_MAX_BYTES);
    expect(error.startsWith('exit code 3\n')).toBe(true);
    expect(error.endsWith('...')).toBe(true); // the end of the output is kept
  });

  it('a known secret value straddling the cut is redacted whole', async () => {
    const env = { DEPLOY_TOKEN: 'tok-0123456789-abcdefghij', DB_PASS: 'db-pass-0123456789' };
    for (const value of Object.values(env)) {
      const error = await errorOf(lineCutInside('using ', value, 8), secretValuesFromEnv(env));
      expect(error).not.toContain(value.slice(8, 16));
    }
  });

  it('keeps at most ERROR_MAX_LINES lines and ERROR_MAX_BYTES bytes, cut at a line start', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} of the build, password=pw${i}`);
    const error = await errorOf(`${lines.join('\n')}\n`);
    expect(Buffer.byteLength(error)).toBeLessThanOrEqual(ERROR_MAX_BYTES);
    const kept = error.split('\n');
    expect(kept[0]).toBe('exit code 3');
    expect(kept.length - 1).toBe(ERROR_MAX_LINES);
    expect(kept.at(-1)).toBe('line 1999 of the build, password=***');
    expect(error).not.toMatch(/password=pw\d/);
  });

  it('cuts a long last line on a character boundary, never leaving a broken character', async () => {
    const error = await errorOf(`${'€'.repeat(5000)}\n`);
    expect(Buffer.byteLength(error)).toBeLessThanOrEqual(ERROR_MAX_BYTES);
    expect(error).toMatch(/^exit code 3\n…€+$/);
  });

  it('short output is kept whole, redacted', async () => {
    expect(
      await errorOf('npm ERR! 401 for https://deploy:Hunter2xyz@registry.example.com/\n'),
    ).toBe('exit code 3\nnpm ERR! 401 for https://deploy:***@registry.example.com/');
  });
});
