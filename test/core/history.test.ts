import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCi } from '../../src/core/ci.js';
import { CANCELLED, ColumnarHistory, FAILED, NONE } from '../../src/core/history.js';
import { readHistory } from '../../src/core/history-read.js';
import { parseTimestamp, serializeRecord, type ExecutionRecord } from '../../src/core/record.js';

function rec(
  name: string,
  started_at: string,
  ci: Record<string, unknown> | null,
  extra: Partial<ExecutionRecord> = {},
): ExecutionRecord {
  return {
    name,
    started_at,
    ended_at: started_at,
    duration_ms: 10,
    status: 'success',
    metadata: ci === null ? {} : { ci },
    error: null,
    ...extra,
  };
}

describe('parseCi', () => {
  it('keeps the well-typed fields of metadata.ci and nothing else', () => {
    expect(
      parseCi({
        ci: {
          provider: 'github-actions',
          sha: 'abc',
          branch: '',
          event: 'push',
          pr_number: 'twelve',
          run_id: 4711,
          run_attempt: 2,
          job: 'test',
          runner_os: 42,
          matrix: { node: 20, os: 'linux', gone: null },
          default_branch: 'main',
          surprise: 'kept out',
        },
      }),
    ).toEqual({
      provider: 'github-actions',
      sha: 'abc',
      event: 'push',
      run_id: '4711',
      run_attempt: 2,
      job: 'test',
      matrix: { node: '20', os: 'linux' },
      default_branch: 'main',
    });
  });

  it('is undefined without a ci object, whatever metadata is', () => {
    for (const metadata of [null, undefined, 'ci', [], {}, { ci: null }, { ci: ['x'] }]) {
      expect(parseCi(metadata)).toBeUndefined();
    }
    expect(parseCi({ ci: {} })).toEqual({});
  });
});

describe('ColumnarHistory', () => {
  it('reads each ci field as parseCi does, odd shapes included (compact or not)', () => {
    const odd: unknown[] = [
      { sha: '', branch: '', default_branch: '' },
      { sha: 12, branch: null, default_branch: ['main'], pr_number: '7' },
      { sha: 'abc', branch: 'main', default_branch: 'main', pr_number: Number.NaN },
      { pr_number: Infinity, job: '', runner_os: 3, run_id: 42 },
      { pr_number: -3, sha: 'x', run_id: Number.POSITIVE_INFINITY },
      [],
      null,
      'ci',
    ];
    const records = odd.map((ci, i) => ({
      ...rec(`op${i}`, '2025-10-20T10:00:00', null),
      metadata: { ci } as Record<string, unknown>,
    }));
    records.push({ ...rec('array metadata', '2025-10-20T10:00:00', null), metadata: [] as never });
    for (const compact of [false, true]) {
      const history = ColumnarHistory.of(records, { compact });
      records.forEach((record, row) => {
        const ci = parseCi(record.metadata) ?? {};
        expect(history.text(history.sha[row]!), `${row} sha`).toBe(ci.sha);
        expect(history.text(history.branch[row]!), `${row} branch`).toBe(ci.branch);
        expect(history.text(history.defaultBranch[row]!)).toBe(ci.default_branch);
        expect(history.prNumber[row], `${row} pr`).toBe(ci.pr_number ?? NaN);
        if (!compact) {
          expect(history.text(history.job[row]!)).toBe(ci.job);
          expect(history.text(history.runnerOs[row]!)).toBe(ci.runner_os);
          expect(history.text(history.runId[row]!), `${row} run id`).toBe(ci.run_id);
        }
      });
    }
  });

  it('keeps each run as a row: interned texts, times and durations in typed arrays', () => {
    const history = ColumnarHistory.of([
      rec('build', '2025-10-20T10:00:00', { sha: 'a1', branch: 'main', run_id: '7' }),
      rec(
        'test',
        '2025-10-20T10:01:00.5',
        { sha: 'a1', branch: 'feature', pr_number: 12, job: 'unit', matrix: { node: '24' } },
        { status: 'failed', duration_ms: 2.5 },
      ),
      rec('build', 'not a time', null, { error: 'cancelled' }),
    ]);
    expect(history.length).toBe(3);
    expect(history.name).toBeInstanceOf(Int32Array);
    expect(history.startedMs).toBeInstanceOf(Float64Array);
    expect([...history.name.subarray(0, 3)].map((id) => history.text(id))).toEqual([
      'build',
      'test',
      'build',
    ]);
    // The same text is stored once.
    expect(history.texts.filter((t) => t === 'a1')).toHaveLength(1);
    expect(history.sha[0]).toBe(history.sha[1]);
    expect(history.sha[2]).toBe(NONE);
    expect(history.startedMs[1]).toBe(parseTimestamp('2025-10-20T10:01:00.5'));
    expect(history.startedMs[2]).toBeNaN();
    expect(history.durationMs[1]).toBe(2.5);
    expect(history.flags[0]).toBe(0);
    expect(history.flags[1]).toBe(FAILED);
    expect(history.flags[2]).toBe(CANCELLED);
    expect(history.prNumber[0]).toBeNaN();
    expect(history.prNumber[1]).toBe(12);
    expect(history.text(history.job[1]!)).toBe('unit');
    expect(history.text(history.matrix[1]!)).toBe('[["node","24"]]');
    expect(history.text(history.runId[0]!)).toBe('7');
    expect([...history.rowsByName()].map(([name, rows]) => [name, [...rows]])).toEqual([
      ['build', [0, 2]],
      ['test', [1]],
    ]);
  });

  it('grows past its first allocation without losing or mixing rows', () => {
    const records: ExecutionRecord[] = [];
    for (let i = 0; i < 5000; i++) {
      const ms = Date.UTC(2025, 0, 1) + i * 1000;
      records.push({
        ...rec(`op${i % 3}`, new Date(ms).toISOString().slice(0, 19), { sha: `s${i % 7}` }),
        duration_ms: i,
      });
    }
    const history = ColumnarHistory.of(records);
    expect(history.length).toBe(5000);
    for (const i of [0, 1023, 1024, 2047, 2048, 4999]) {
      expect(history.durationMs[i]).toBe(i);
      expect(history.text(history.sha[i]!)).toBe(`s${i % 7}`);
      expect(history.text(history.name[i]!)).toBe(`op${i % 3}`);
    }
    expect(history.rowsByName().get('op1')).toHaveLength(1667);
  });

  it("names the newest run's default branch, the later row winning a tie", () => {
    const history = ColumnarHistory.of([
      rec('a', '2025-10-20T10:00:00', { default_branch: 'trunk' }),
      rec('a', '2025-10-22T10:00:00', { default_branch: 'main' }),
      rec('a', '2025-10-22T10:00:00', { default_branch: 'develop' }),
      rec('a', '2025-10-21T10:00:00', { default_branch: 'old' }),
      rec('a', '2025-10-23T10:00:00', {}),
    ]);
    expect(history.newestDefaultBranch()).toBe('develop');
    expect(history.newestDefaultBranch([0, 3])).toBe('old');
    expect(history.newestStart()).toBe(parseTimestamp('2025-10-23T10:00:00'));
    expect(ColumnarHistory.of([]).newestDefaultBranch()).toBeUndefined();
  });
});

describe('readHistory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-history-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams the window of the store into columns, skipping bad lines as the reader does', async () => {
    const lines = [
      serializeRecord(rec('build', '2025-10-20T10:00:00', { sha: 'a1' })),
      '{"name": "torn',
      serializeRecord(rec('test', '2025-10-20T11:00:00', { sha: 'a1' })),
    ];
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${lines.join('\n')}\n`);
    fs.writeFileSync(
      path.join(dir, '2025-10-10.jsonl'),
      `${serializeRecord(rec('old', '2025-10-10T10:00:00', null))}\n`,
    );
    const seen: string[] = [];
    const { history, report } = await readHistory(
      dir,
      { since: parseTimestamp('2025-10-15T00:00:00'), onWarning: null },
      (record, row) => seen.push(`${row}:${record.name}`),
    );
    expect(history.length).toBe(2);
    expect(seen).toEqual(['0:build', '1:test']);
    expect(report.skippedLines).toBe(1);
    expect([...history.rowsByName().keys()]).toEqual(['build', 'test']);
  });

  it('sizes its columns once from the first megabyte read, not by growth steps', async () => {
    // 6 day files of ~400 KB: rows per byte from the first files × all bytes.
    let rows = 0;
    for (let d = 1; d <= 6; d++) {
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const at = `2025-10-0${d}T${String(Math.floor(i / 100)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
        lines.push(
          serializeRecord(rec(`step-${i % 7}`, at, { sha: `s${d}-${i}`, branch: 'main' })),
        );
      }
      rows += lines.length;
      fs.writeFileSync(path.join(dir, `2025-10-0${d}.jsonl`), `${lines.join('\n')}\n`);
    }
    const { history } = await readHistory(dir, { onWarning: null });
    expect(history.length).toBe(rows);
    // Growth by halves from 1024 would end at 17,496 rows of room; sized: 2% and 1024 rows over.
    expect(history.startedMs.length).toBeGreaterThanOrEqual(rows);
    expect(history.startedMs.length).toBeLessThan(rows * 1.03 + 1024);
  });
});

describe('compact ColumnarHistory', () => {
  it('keeps what per-name statistics read and refuses series work', () => {
    const r = rec('build', '2025-10-01T00:00:00', {
      sha: 'abc',
      branch: 'main',
      job: 'test',
      runner_os: 'Linux',
      run_id: '7',
      pr_number: 3,
      default_branch: 'main',
    });
    const compact = ColumnarHistory.of([r, r], { compact: true });
    const full = ColumnarHistory.of([r, r]);
    expect(compact.length).toBe(2);
    for (const field of ['sha', 'branch', 'defaultBranch'] as const) {
      expect(compact.text(compact[field][1]!)).toBe(full.text(full[field][1]!));
    }
    expect(compact.prNumber[1]).toBe(3);
    expect(compact.job.length).toBe(0);
    expect(() => compact.requireLegs('seriesOfHistory')).toThrow(/not a compact history/);
    expect(() => full.requireLegs('seriesOfHistory')).not.toThrow();
  });
});
