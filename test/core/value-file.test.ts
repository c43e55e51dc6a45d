// The DEV_METRICS_VALUES file: parsing (pure) and reading it once, whatever the command left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_VALUES,
  MAX_VALUE_FILE_BYTES,
  createValueFile,
  parseValueFile,
  takeValueFile,
} from '../../src/core/value-file.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-value-file-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseValueFile', () => {
  it('reads CRLF lines, skips blanks and comments, names a bad line by its number', () => {
    const result = parseValueFile('# sizes\r\na=1 KB\r\n\r\nb=x\r\nc=-2.5e3\r\n', 'values.txt');
    expect(result.values).toEqual([
      { name: 'a', value: 1, unit: 'KB', better: 'smaller' },
      { name: 'c', value: -2500, better: 'smaller' },
    ]);
    expect(result.warnings).toEqual([
      'values.txt line 4: value "b" must be a decimal number, got "x"; line skipped: "b=x"',
    ]);
  });

  it('warns about at most ten bad lines, then once for the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => `bad line ${i}`).join('\n');
    const { warnings } = parseValueFile(text, 'f');
    expect(warnings).toHaveLength(11);
    expect(warnings[10]).toBe('f: 15 more lines that do not parse skipped');
  });

  it(`keeps at most ${MAX_VALUES} values`, () => {
    const text = Array.from({ length: MAX_VALUES + 5 }, (_, i) => `v${i}=${i}`).join('\n');
    const result = parseValueFile(text, 'f');
    expect(result.values).toHaveLength(MAX_VALUES);
    expect(result.warnings).toEqual([
      `f: only the first ${MAX_VALUES} values are kept; 5 more skipped`,
    ]);
  });
});

describe('createValueFile / takeValueFile', () => {
  it('creates an empty file, reads what was appended, and removes it', async () => {
    const file = createValueFile(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
    fs.appendFileSync(file, 'size_kb=512 KB\n');
    expect(takeValueFile(file)).toEqual({
      values: [{ name: 'size_kb', value: 512, unit: 'KB', better: 'smaller' }],
      warnings: [],
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads only the first MiB, up to its last whole line, and says so', async () => {
    const file = createValueFile(dir);
    const line = 'x=1\n';
    fs.writeFileSync(file, line.repeat(Math.ceil(MAX_VALUE_FILE_BYTES / line.length) + 10));
    const result = takeValueFile(file);
    // A MiB of lines is also more than MAX_VALUES values: both limits are reported, once each.
    expect(result.values).toHaveLength(MAX_VALUES);
    expect(result.warnings).toEqual([
      `DEV_METRICS_VALUES: only the first ${MAX_VALUES} values are kept; ${MAX_VALUE_FILE_BYTES / line.length - MAX_VALUES} more skipped`,
      `DEV_METRICS_VALUES: only its first ${MAX_VALUE_FILE_BYTES} bytes are read; write fewer lines`,
    ]);
  });

  it('reads a file of exactly the limit whole, and one byte more as cut', () => {
    const exact = createValueFile(dir);
    const last = 'y=2\n';
    fs.writeFileSync(exact, `${'#'.repeat(MAX_VALUE_FILE_BYTES - last.length - 1)}\n${last}`);
    expect(takeValueFile(exact)).toEqual({
      values: [expect.objectContaining({ name: 'y', value: 2 })],
      warnings: [],
    });
    const over = createValueFile(dir);
    fs.writeFileSync(over, `${'#'.repeat(MAX_VALUE_FILE_BYTES - last.length)}\n${last}`);
    const cut = takeValueFile(over);
    expect(cut.values).toEqual([]);
    expect(cut.warnings).toEqual([expect.stringMatching(/only its first \d+ bytes are read/)]);
  });

  it('a file the command deleted gives a warning and no values', () => {
    const file = createValueFile(dir);
    fs.rmSync(file);
    expect(takeValueFile(file)).toEqual({
      values: [],
      warnings: [expect.stringMatching(/could not be read \(ENOENT\)/)],
    });
  });
});
