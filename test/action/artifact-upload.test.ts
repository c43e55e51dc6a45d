// The artifact wire without the client: the zip is one a standard unzip accepts (CRC checked),
// and the backend ids come from the runtime token's Actions.Results scope as the client reads them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendIds, zipOne } from '../../src/action/artifact-upload.js';

const jwt = (payload: object): string =>
  ['{"alg":"none"}', JSON.stringify(payload), '']
    .map((p) => Buffer.from(p).toString('base64url'))
    .join('.');

describe('zipOne', () => {
  it('writes a zip that unzip tests and extracts byte for byte', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-one-'));
    try {
      const data = Buffer.from(`<!doctype html>${'<p>é dashboard</p>\n'.repeat(2000)}`);
      writeFileSync(path.join(dir, 'a.zip'), zipOne('dev-metrics-dashboard.html', data));
      const test = execFileSync('unzip', ['-t', 'a.zip'], { cwd: dir, encoding: 'utf8' });
      expect(test).toMatch(/No errors detected/);
      execFileSync('unzip', ['-q', 'a.zip', '-d', 'out'], { cwd: dir });
      expect(readFileSync(path.join(dir, 'out', 'dev-metrics-dashboard.html'))).toEqual(data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backendIds', () => {
  it('reads the run and job ids of the Actions.Results scope', () => {
    const token = jwt({ scp: 'Actions.ExampleScope Actions.Results:run-1:job-2' });
    expect(backendIds(token)).toEqual({ run: 'run-1', job: 'job-2' });
  });
  it.each([
    ['no scp', jwt({})],
    ['no Actions.Results scope', jwt({ scp: 'Actions.Other:x:y' })],
    ['a scope missing the job', jwt({ scp: 'Actions.Results:run-1' })],
    ['not a JWT', 'ghs_plain'],
  ])('%s: an error saying the token is invalid', (_label, token) => {
    expect(() => backendIds(token)).toThrow(/JWT token is invalid/);
  });
});
