import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFileName, writeNewFile } from '../../src/core/new-file.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeNewFile: a new file, never one that exists', () => {
  it('writes the contents under a fresh name with the prefix and suffix', async () => {
    const a = writeNewFile(dir, 'pre-', '.sh', 'echo hi\n');
    const b = writeNewFile(dir, 'pre-', '.sh', 'other');
    expect(a).not.toBe(b);
    expect(path.basename(a)).toMatch(/^pre-[0-9a-z]+-[0-9a-z]+-[0-9a-z]+\.sh$/);
    expect(fs.readFileSync(a, 'utf8')).toBe('echo hi\n');
    expect(fs.readFileSync(b, 'utf8')).toBe('other');
  });

  it('draws again when the name is taken, by a file or by a planted symbolic link', async () => {
    fs.writeFileSync(path.join(dir, 'taken'), 'keep');
    const target = path.join(dir, 'target');
    fs.writeFileSync(target, 'untouched');
    fs.symlinkSync(target, path.join(dir, 'link'));
    const names = ['taken', 'link', 'free'];
    const file = writeNewFile(dir, '', '', 'new', () => names.shift()!);
    expect(path.basename(file)).toBe('free');
    expect(fs.readFileSync(path.join(dir, 'taken'), 'utf8')).toBe('keep');
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched');
  });

  it('gives up with the EEXIST error when every name drawn is taken, and throws other errors', async () => {
    fs.writeFileSync(path.join(dir, 'taken'), '');
    expect(() => writeNewFile(dir, '', '', 'x', () => 'taken')).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(() => writeNewFile(path.join(dir, 'missing'), '', '', 'x')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });

  it('names differ from draw to draw', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempFileName('p', '.txt')));
    expect(names.size).toBe(1000);
  });
});
