// scripts/merge-licenses.mjs: ncc writes one license file per bundle chunk; dist/licenses.txt must
// list every bundled package once (before it, the lazily loaded OpenTelemetry chunks overwrote
// the main chunk's file and the @actions/* licenses were lost).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/merge-licenses.mjs');

const entry = (name: string, license: string, text: string) => `${name}\n${license}\n${text}`;

describe('merge-licenses', () => {
  it('joins the chunk files, main first, each package once, and removes them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-licenses-'));
    const core = entry('@actions/core', 'MIT', 'The MIT License (MIT)\n\nCopyright GitHub\n');
    const api = entry('@opentelemetry/api', 'Apache-2.0', 'Apache License\n\n   1. Definitions.\n');
    const sdk = entry('@opentelemetry/sdk-metrics', 'Apache-2.0', 'Apache License\n');
    writeFileSync(path.join(dir, 'licenses-main.txt'), `${core}\n\n${api}`);
    writeFileSync(path.join(dir, 'licenses-965.txt'), `${api}\n\n${sdk}`);
    execFileSync(process.execPath, [SCRIPT, dir], { stdio: 'pipe' });
    expect(readdirSync(dir)).toEqual(['licenses.txt']);
    expect(readFileSync(path.join(dir, 'licenses.txt'), 'utf8')).toBe(
      `${core}\n\n${api}\n\n${sdk}`,
    );
  });

  it('leaves a single (unchunked) license file byte for byte as ncc wrote it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-licenses-'));
    const text = `${entry('a', 'MIT', 'text\n\nmore\n')}\n\n${entry('@b/c', 'ISC', 'isc text')}\n`;
    writeFileSync(path.join(dir, 'licenses-main.txt'), text);
    execFileSync(process.execPath, [SCRIPT, dir], { stdio: 'pipe' });
    expect(readFileSync(path.join(dir, 'licenses.txt'), 'utf8')).toBe(text);
  });
});
