// runner-io.ts must speak to the runner exactly as @actions/core does: the same calls through both,
// the same bytes on stdout and in the file commands.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as io from '../../src/action/runner-io.js';
import { parseFileCommand } from '../helpers/runner.js';

type Impl = typeof io;
const impls: Array<[string, Impl]> = [
  ['@actions/core', core as unknown as Impl],
  ['runner-io', io],
];

let root: string;
const saved = { ...process.env };
const savedExitCode = process.exitCode;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-io-'));
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = savedExitCode;
  fs.rmSync(root, { recursive: true, force: true });
});

/** What `fn` writes to stdout (not passed through). */
function stdoutOf(fn: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

// @actions/core's delimiter is random, runner-io's is chosen to be absent from the value: the same
// format either way, so both are compared with the delimiter blanked (and parsed by the runner's
// rules, test/helpers/runner.ts, to the same values).
const sameDelimiter = (text: string) =>
  text.replace(/ghadelimiter_(?:[0-9a-f-]{36}|dev-metrics(?:_\d+)?)$/gm, 'ghadelimiter_X');

describe('runner-io writes what @actions/core writes', () => {
  it('workflow commands on stdout', () => {
    const [a, b] = impls.map(([, c]) =>
      stdoutOf(() => {
        c.warning('slow: 50%\nsecond line', { title: 'dev-metrics: a, b regressed' });
        c.warning(new Error('boom'));
        c.notice('a notice');
        c.error('an error', { file: 'x.ts', startLine: 3 });
        c.debug('debug %0A line\r');
        c.setSecret('s3cr3t');
        c.info('plain line');
        c.setFailed('failed: 1');
        delete process.env['GITHUB_OUTPUT'];
        delete process.env['GITHUB_STATE'];
        c.setOutput('o', { json: true });
        c.saveState('s', 'v');
      }),
    );
    expect(b).toBe(a);
    expect(a).toContain('::warning title=dev-metrics%3A a%2C b regressed::slow: 50%25%0Asecond');
  });

  it('outputs and state through GITHUB_OUTPUT / GITHUB_STATE', () => {
    const files = impls.map(([name, c]) => {
      const out = path.join(root, `${name.replace('/', '_')}-out`);
      const state = path.join(root, `${name.replace('/', '_')}-state`);
      fs.writeFileSync(out, '');
      fs.writeFileSync(state, '');
      process.env['GITHUB_OUTPUT'] = out;
      process.env['GITHUB_STATE'] = state;
      c.setOutput('duration-ms', 1234);
      c.setOutput('multi', 'line 1\nline 2');
      c.saveState('setup', JSON.stringify({ a: 1 }));
      return fs.readFileSync(out, 'utf8') + fs.readFileSync(state, 'utf8');
    });
    expect(sameDelimiter(files[1]!)).toBe(sameDelimiter(files[0]!));
    expect(parseFileCommand(files[1]!)).toEqual(parseFileCommand(files[0]!));
    expect(parseFileCommand(files[1]!)).toEqual({
      'duration-ms': '1234',
      multi: 'line 1\nline 2',
      setup: '{"a":1}',
    });
    process.env['GITHUB_OUTPUT'] = path.join(root, 'missing');
    expect(() => io.setOutput('x', 'y')).toThrow(/Missing file at path/);
  });

  it('inputs, booleans and state', () => {
    process.env['INPUT_FAIL-ON-REGRESSION'] = ' True ';
    process.env['INPUT_MY_INPUT'] = '  spaced  ';
    process.env['INPUT_BAD'] = 'yes';
    process.env['STATE_owner'] = 'true';
    for (const [, c] of impls) {
      expect(c.getBooleanInput('fail-on-regression')).toBe(true);
      expect(c.getInput('my input')).toBe('spaced');
      expect(c.getInput('my input', { trimWhitespace: false })).toBe('  spaced  ');
      expect(c.getInput('absent')).toBe('');
      expect(() => c.getInput('absent', { required: true })).toThrow(
        'Input required and not supplied: absent',
      );
      expect(c.getState('owner')).toBe('true');
    }
    const messages = impls.map(([, c]) => {
      try {
        c.getBooleanInput('bad');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages[1]).toBe(messages[0]);
  });

  it('the job summary: appended, and a clear error when the runner gives no file', async () => {
    const texts: string[] = [];
    for (const [name, c] of impls) {
      const file = path.join(root, `${name.replace('/', '_')}-summary`);
      fs.writeFileSync(file, 'before\n');
      process.env['GITHUB_STEP_SUMMARY'] = file;
      await c.summary.addRaw('## section', true).write();
      await c.summary.addRaw('more').write();
      texts.push(fs.readFileSync(file, 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    delete process.env['GITHUB_STEP_SUMMARY'];
    await expect(io.summary.addRaw('x').write()).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
  });

  it('a value containing the delimiter gets another one, and reads back whole', () => {
    const out = path.join(root, 'out');
    fs.writeFileSync(out, '');
    process.env['GITHUB_OUTPUT'] = out;
    const tricky = 'a\nghadelimiter_dev-metrics\nb=1\nghadelimiter_dev-metrics_1\nc';
    io.setOutput('tricky', tricky);
    io.setOutput('plain', 'x');
    io.setOutput('ghadelimiter_dev-metrics', 'key holds it');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('tricky<<ghadelimiter_dev-metrics_2\n');
    expect(text).toContain('plain<<ghadelimiter_dev-metrics\n');
    expect(parseFileCommand(text)).toEqual({
      tricky,
      plain: 'x',
      'ghadelimiter_dev-metrics': 'key holds it',
    });
    expect(io.fileCommandDelimiter('k', 'ghadelimiter_dev-metrics_12')).toBe(
      'ghadelimiter_dev-metrics_2',
    );
  });
});
