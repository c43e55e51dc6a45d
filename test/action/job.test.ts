import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimJob,
  jobStateFile,
  newJobState,
  readJob,
  type JobIdentity,
} from '../../src/action/job.js';
import { fnv1a64 } from '../../src/core/fnv.js';

let temp: string;
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'job-state-'));
});
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

const id: JobIdentity = {
  runId: '42',
  runAttempt: 1,
  job: 'test',
  metricsDir: '/ws/.metrics',
  history: 'cache:dev-metrics:Linux',
};

describe('the job file', () => {
  it('fnv1a64 is 64-bit FNV-1a (published test vectors), over UTF-8', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00e9'.normalize('NFD')));
  });

  it('one name per run, attempt, job, metrics folder and history; the same for every step', () => {
    const file = jobStateFile(temp, id);
    expect(path.dirname(file)).toBe(path.join(temp, 'dev-metrics'));
    expect(path.basename(file)).toMatch(/^job-[0-9a-f]{16}\.json$/);
    expect(jobStateFile(temp, { ...id })).toBe(file);
    expect(jobStateFile(temp, { ...id, runAttempt: '1' })).toBe(file);
    const others = [
      { ...id, runId: '43' },
      { ...id, runAttempt: 2 },
      { ...id, job: 'lint' },
      { ...id, metricsDir: '/ws/other' },
      { ...id, history: 'none' },
      // Fields are delimited: moving text from one to the next is another job.
      { ...id, runId: '4', job: '2test' },
    ].map((other) => jobStateFile(temp, other));
    expect(new Set([file, ...others]).size).toBe(others.length + 1);
  });

  it('the first claim owns the job and works out its state; later claims read it', async () => {
    const file = jobStateFile(temp, id);
    let made = 0;
    const initial = () => {
      made++;
      return newJobState('step_1', '/tmp/dev-metrics/step_1-abc/dashboard.html');
    };
    const first = claimJob(file, initial);
    expect(first.owner).toBe(true);
    expect(first.state?.dashboardFile).toBe('/tmp/dev-metrics/step_1-abc/dashboard.html');
    const second = claimJob(file, initial);
    expect(second.owner).toBe(false);
    expect(second.state).toEqual(first.state);
    expect(made).toBe(1);
    expect(readJob(file)).toEqual(first.state);
    expect(newJobState('x')).not.toHaveProperty('dashboardFile');
  });
});
