// Stored names and errors are printed by `recent` and `summary`: they must never reach the
// terminal as control sequences (title change, screen clear, carriage-return overwrites).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const EVIL_NAME = 'evil\u001b]0;pwned\u0007\u001b[2J';
const EVIL_ERROR = 'x\u001b[31mRED\r\rOVERWRITE\tTAB\u0085C1\u202eBIDI';

function writeHistory(): string {
  const dir = path.join(tmp.dir, 'evil');
  mkdirSync(dir, { recursive: true });
  const start = Date.now() - 60_000;
  const records: ExecutionRecord[] = [
    {
      name: EVIL_NAME,
      started_at: formatTimestamp(start),
      ended_at: formatTimestamp(start + 1200),
      duration_ms: 1200,
      status: 'failed',
      metadata: {},
      error: EVIL_ERROR,
    },
    {
      name: 'plain',
      started_at: formatTimestamp(start + 2000),
      ended_at: formatTimestamp(start + 2500),
      duration_ms: 500,
      status: 'success',
      metadata: {},
      error: null,
    },
  ];
  const file = path.join(dir, `${records[0]!.started_at.slice(0, 10)}.jsonl`);
  writeFileSync(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
  return dir;
}

/** Every character of `text` that could drive a terminal, with its index (LF allowed). */
function controls(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const bad =
      (code < 0x20 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    if (bad) found.push(`U+${code.toString(16).padStart(4, '0')}`);
  }
  return found;
}

describe('control characters in stored data', () => {
  const dir = writeHistory();

  it.each([['recent'], ['summary']])('`%s` prints none of them, but the text', async (command) => {
    const result = await runCli([command, '--metrics-dir', dir], { env: { NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(controls(result.stdout)).toEqual([]);
    // The printable parts are still shown, so the user can find the record.
    expect(result.stdout).toContain('evil]0;pwned[2J');
    if (command === 'recent') expect(result.stdout).toContain('x[31mRED  OVERWRITE TAB');
    // Rows still line up: every line of the table is a row of the same layout.
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
  });
});

describe('boolean global options given a value', () => {
  it.each([[['--json=1', 'recent']], [['recent', '--json=1']]])(
    '%j is refused with exit 2',
    async (args) => {
      const result = await runCli([...args, '--metrics-dir', path.join(tmp.dir, 'none')]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe('dev-metrics: --json takes no value');
    },
  );
});
