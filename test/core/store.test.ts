import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import { serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import {
  DAY_MS,
  appendRecord,
  appendRecordSync,
  listDayFiles,
  pruneDayFiles,
  readRecords,
  readTextChunks,
  scanRecords,
  type ReadOptions,
} from '../../src/core/store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function rec(
  name: string,
  started_at: string,
  extra: Partial<ExecutionRecord> = {},
): ExecutionRecord {
  return {
    name,
    started_at,
    ended_at: started_at,
    duration_ms: 10,
    status: 'success',
    metadata: {},
    error: null,
    ...extra,
  };
}

async function readAll(
  options: ReadOptions = {},
): Promise<{ records: ExecutionRecord[]; warnings: string[] }> {
  const warnings: string[] = [];
  const records: ExecutionRecord[] = [];
  for await (const r of readRecords(dir, { onWarning: (m) => warnings.push(m), ...options })) {
    records.push(r);
  }
  return { records, warnings };
}

describe('append', () => {
  it('creates the directory and appends one line per record to the started_at day file', async () => {
    const nested = path.join(dir, 'a', 'b');
    const file = await appendRecord(nested, rec('x', '2025-10-20T23:59:59.999999'));
    appendRecordSync(nested, rec('y', '2025-10-20T00:00:00'));
    await appendRecord(nested, rec('z', '2025-10-21T00:00:00'));
    expect(path.basename(file)).toBe('2025-10-20.jsonl');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(['x', 'y']);
    expect(fs.readdirSync(nested).sort()).toEqual(['2025-10-20.jsonl', '2025-10-21.jsonl']);
  });

  it('8 processes × 2,000 appends to one day file: exactly 16,000 whole lines, none lost', async () => {
    // Workers run the compiled store (test/setup/build-lib.ts builds lib/ before the tests).
    const storeUrl = pathToFileURL(path.join(root, 'lib/core/store.js')).href;
    const worker = path.join(dir, 'worker.mjs');
    fs.writeFileSync(
      worker,
      `import { appendRecord, appendRecordSync } from ${JSON.stringify(storeUrl)};
const [metricsDir, id, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const record = {
    name: 'worker-' + id,
    started_at: '2025-10-20T10:30:05.' + String(i).padStart(6, '0'),
    ended_at: '2025-10-20T10:30:06',
    duration_ms: i,
    status: 'success',
    // Some lines far longer than PIPE_BUF (4096): atomicity must not depend on line size.
    metadata: { worker: Number(id), i, pad: 'x'.repeat(i % 97 === 0 ? 9000 : 40) },
    error: null,
  };
  if (Number(id) % 2 === 0) await appendRecord(metricsDir, record);
  else appendRecordSync(metricsDir, record);
}
`,
    );
    const metricsDir = path.join(dir, 'metrics');
    const workers = 8;
    const appends = 2000;
    await Promise.all(
      Array.from({ length: workers }, (_, id) => {
        return new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [worker, metricsDir, String(id), String(appends)], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) =>
            code === 0 ? resolve() : reject(new Error(`worker ${id} exited ${code}: ${stderr}`)),
          );
        });
      }),
    );
    expect(fs.readdirSync(metricsDir)).toEqual(['2025-10-20.jsonl']);
    const text = fs.readFileSync(path.join(metricsDir, '2025-10-20.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    // A busy machine can make a write in progress look like a torn line for longer than the
    // store waits; mending it then leaves a blank line, which every reader skips. Never a lost one.
    const lines = text
      .slice(0, -1)
      .split('\n')
      .filter((line) => line !== '');
    expect(lines).toHaveLength(workers * appends);
    const seen = new Set<string>();
    for (const line of lines) {
      const r = JSON.parse(line) as ExecutionRecord; // throws on a torn or interleaved line
      const { worker: w, i } = r.metadata as { worker: number; i: number };
      expect(r.name).toBe(`worker-${w}`);
      seen.add(`${w}:${i}`);
    }
    expect(seen.size).toBe(workers * appends);
    // And the reader agrees, with nothing skipped.
    const warnings: string[] = [];
    const collector = new DevMetricsCollector({ metricsDir, onWarning: (m) => warnings.push(m) });
    const summary = await collector.getMetricsSummary({ days: 36500 });
    expect(Object.values(summary).map((s) => s.total_executions)).toEqual(Array(8).fill(2000));
    expect(warnings).toEqual([]);
  });
});

describe('read', () => {
  const valid1 = serializeRecord(rec('a', '2025-10-20T01:00:00'));
  const valid2 = serializeRecord(rec('b', '2025-10-20T02:00:00.5'));
  const valid3 = serializeRecord(rec('a', '2025-10-20T03:00:00', { status: 'failed', error: 'x' }));

  it('reads every valid record, counts garbage, invalid and truncated lines (not blank ones), warns once', async () => {
    fs.writeFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      [
        valid1,
        'garbage {{{',
        valid2,
        '',
        JSON.stringify({ ...rec('c', '2025-10-20T04:00:00'), status: 'ok' }),
        valid3,
        valid1.slice(0, 30), // truncated last line, no newline
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, '2025-10-21.jsonl'), `${valid1}\r\n[1,2]\n`);
    const { records, warnings } = await readAll();
    expect(records.map((r) => r.name)).toEqual(['a', 'b', 'a', 'a']);
    expect(warnings).toEqual([
      `dev-metrics: skipped 4 malformed line(s) in ${dir} (first: 2025-10-20.jsonl:2)`,
    ]);
    const report = await scanRecords(dir, { onWarning: null }, () => {});
    expect(report).toMatchObject({ filesRead: 2, records: 4, skippedLines: 4, unreadableFiles: 0 });
  });

  it('never throws on an unreadable day file: counts it and reads the rest', async () => {
    fs.mkdirSync(path.join(dir, '2025-10-19.jsonl')); // a directory where a file should be
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${valid1}\n`);
    const { records, warnings } = await readAll();
    expect(records).toHaveLength(1);
    expect(warnings).toEqual([
      `dev-metrics: skipped 1 unreadable file(s) in ${dir} (first: 2025-10-19.jsonl (a directory, not a regular file))`,
    ]);
  });

  it('treats a missing directory as an empty history, and a file as one unreadable', async () => {
    expect((await readAll({})).warnings).toEqual([]);
    const missing = path.join(dir, 'missing');
    const report = await scanRecords(missing, { onWarning: null }, () => {});
    expect(report.records).toBe(0);
    const notDir = path.join(dir, 'plain-file');
    fs.writeFileSync(notDir, 'x');
    const warnings: string[] = [];
    await scanRecords(notDir, { onWarning: (m) => warnings.push(m) }, () => {});
    expect(warnings[0]).toMatch(
      /skipped 1 unreadable file\(s\) in .*plain-file \(first: .*ENOTDIR/,
    );
  });

  it('reads a line longer than the read buffer and multi-byte text split across reads', async () => {
    const long = rec('long', '2025-10-20T05:00:00', {
      metadata: { text: 'é€😀'.repeat(400_000) }, // ~3.6 MB of multi-byte UTF-8
    });
    fs.writeFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      `${valid1}\n${serializeRecord(long)}\n${valid2}\n`,
    );
    const { records, warnings } = await readAll();
    expect(warnings).toEqual([]);
    expect(records.map((r) => r.name)).toEqual(['a', 'long', 'b']);
    expect(records[1]?.metadata.text).toBe('é€😀'.repeat(400_000));
  });

  it('leaves files that are not YYYY-MM-DD.jsonl alone, when reading and when pruning', async () => {
    const line = `${valid1}\n`;
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), line);
    const others = ['notes.txt', '2025-10-20.jsonl.bak', '2025-1-20.jsonl', 'x2025-10-20.jsonl'];
    for (const name of others) fs.writeFileSync(path.join(dir, name), line);
    fs.writeFileSync(path.join(dir, '2025-13-40.jsonl'), line); // right shape, not a date
    const { records } = await readAll();
    expect(records).toHaveLength(1);
    expect((await listDayFiles(dir)).map((f) => f.name)).toEqual(['2025-10-20.jsonl']);
    const deleted = await pruneDayFiles(dir, 0, Date.UTC(2030, 0, 1));
    expect(deleted).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual([...others, '2025-13-40.jsonl'].sort());
    for (const name of others) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(line);
  });

  it('filters by window and name, using file names to skip days (with a day of margin)', async () => {
    const day = (d: string, ...records: ExecutionRecord[]): void =>
      fs.writeFileSync(
        path.join(dir, `${d}.jsonl`),
        records.map((r) => `${serializeRecord(r)}\n`).join(''),
      );
    day('2025-10-10', rec('old', '2025-10-10T12:00:00'));
    // A writer that named files by local date: 23:30 at −02:00 is 01:30 UTC the next day.
    day(
      '2025-10-19',
      rec('late', '2025-10-19T23:30:00-02:00'),
      rec('early', '2025-10-19T12:00:00'),
    );
    day('2025-10-20', rec('a', '2025-10-20T10:00:00'), rec('b', '2025-10-20T11:00:00'));
    fs.writeFileSync(path.join(dir, '2025-10-01.jsonl'), 'garbage\n'); // outside: never read
    const since = Date.UTC(2025, 9, 20);
    const { records, warnings } = await readAll({ since });
    expect(records.map((r) => r.name)).toEqual(['late', 'a', 'b']);
    expect(warnings).toEqual([]);
    const until = Date.UTC(2025, 9, 20, 10, 30);
    expect((await readAll({ since, until })).records.map((r) => r.name)).toEqual(['late', 'a']);
    expect((await readAll({ name: 'b' })).records.map((r) => r.name)).toEqual(['b']);
    const report = await scanRecords(dir, { since, onWarning: null }, () => {});
    expect(report.filesRead).toBe(2);
    const newestFirst: string[] = [];
    await scanRecords(dir, { newestFirst: true, since: since - DAY_MS, onWarning: null }, (r) => {
      newestFirst.push(r.name);
    });
    expect(newestFirst).toEqual(['a', 'b', 'late', 'early']);
  });
});

describe('read by name', () => {
  it("parses only the lines that can hold the operation (a step reads its runs, not every step's)", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) {
      lines.push(
        serializeRecord(rec(i % 20 === 0 ? 'build_web' : `step_${i % 20}`, '2025-10-20T01:00:00')),
      );
    }
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${lines.join('\n')}\n`);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const { records } = await readAll({ name: 'build_web' });
      expect(records).toHaveLength(10);
      expect(parse.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      parse.mockRestore();
    }
  });

  it('finds names other writers spell differently: \\u escapes (Python), escaped slashes', async () => {
    const python = serializeRecord(rec('bündle/web', '2025-10-20T01:00:00')).replace(
      'bündle/web',
      'b\\u00fcndle\\/web',
    );
    const quoted = serializeRecord(rec('say "hi"', '2025-10-20T02:00:00'));
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${python}\n${quoted}\n`);
    expect((await readAll({ name: 'bündle/web' })).records.map((r) => r.name)).toEqual([
      'bündle/web',
    ]);
    expect((await readAll({ name: 'say "hi"' })).records).toHaveLength(1);
  });
});

describe('read memory', () => {
  it('reads a month of day files through one read buffer, not one per file', async () => {
    for (let d = 1; d <= 12; d++) {
      const day = `2025-10-${String(d).padStart(2, '0')}`;
      fs.writeFileSync(
        path.join(dir, `${day}.jsonl`),
        `${serializeRecord(rec('a', `${day}T01:00:00`))}\n`,
      );
    }
    const alloc = vi.spyOn(Buffer, 'allocUnsafe');
    try {
      expect((await readAll()).records).toHaveLength(12);
      expect((await readAll()).records).toHaveLength(12);
      const big = alloc.mock.calls.filter(([size]) => size >= 1 << 16);
      expect(big.length).toBeLessThanOrEqual(1);
    } finally {
      alloc.mockRestore();
    }
  });
});

describe('read pieces', () => {
  it('yields pieces of at most 64 KiB (young-generation strings, not large objects)', async () => {
    const file = path.join(dir, '2025-10-20.jsonl');
    const line = serializeRecord(
      rec('a', '2025-10-20T01:00:00', { metadata: { pad: 'x'.repeat(150) } }),
    );
    fs.writeFileSync(file, `${Array.from({ length: 6000 }, () => line).join('\n')}\n`);
    const pieces: string[] = [];
    for await (const piece of readTextChunks(file)) pieces.push(piece);
    expect(pieces.join('')).toBe(fs.readFileSync(file, 'utf8'));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('prune', () => {
  it('deletes day files dated before today − daysToKeep and returns the count', async () => {
    for (const d of ['2025-09-19', '2025-09-20', '2025-09-21', '2025-10-20', '2025-10-21']) {
      fs.writeFileSync(path.join(dir, `${d}.jsonl`), '');
    }
    const now = Date.UTC(2025, 9, 20, 15, 0); // today is 2025-10-20
    expect(await pruneDayFiles(dir, 30, now)).toBe(1); // keeps 2025-09-20 onwards
    expect(fs.readdirSync(dir).sort()).toEqual([
      '2025-09-20.jsonl',
      '2025-09-21.jsonl',
      '2025-10-20.jsonl',
      '2025-10-21.jsonl',
    ]);
    expect(await pruneDayFiles(dir, 0, now)).toBe(2);
    expect(await pruneDayFiles(path.join(dir, 'missing'), 0, now)).toBe(0);
    await expect(pruneDayFiles(dir, -1, now)).rejects.toThrow(/daysToKeep must be a whole number/);
  });
});
