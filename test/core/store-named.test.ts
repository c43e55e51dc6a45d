// A read by name (a step reading its own runs) scans the day files' bytes for the name and parses
// only the lines holding it: it must return exactly what a full read returns for that name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import { NAMES, rec, writeNamedHistory } from '../helpers/named-history.js';
import { readRecords, scanRecords, type ReadOptions } from '../../src/core/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-named-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scan(options: ReadOptions) {
  const records: unknown[] = [];
  const report = await scanRecords(dir, { onWarning: null, ...options }, (r) => {
    records.push(r);
  });
  return { records, report };
}

describe('read by name: the same records as a full read, from the lines holding the name', () => {
  it('for names that are prefixes of others, need escaping, or that other lines mention', async () => {
    writeNamedHistory(dir);
    const all = (await scan({})).records as ExecutionRecord[];
    for (const name of NAMES) {
      const expected = all.filter((r) => r.name === name);
      const { records } = await scan({ name });
      expect(records, name).toEqual(expected);
      expect(records.length, name).toBeGreaterThan(30);
    }
    // Through the iterator too (normalized records).
    const iterated: ExecutionRecord[] = [];
    for await (const r of readRecords(dir, { name: 'step_1', onWarning: null })) iterated.push(r);
    expect(iterated.map((r) => r.metadata)).toEqual(
      all.filter((r) => r.name === 'step_1').map((r) => r.metadata),
    );
  });

  it('counts and places only the malformed lines that hold the name', async () => {
    writeNamedHistory(dir);
    const { report } = await scan({ name: 'step_1' });
    // Per file: 5 'garbage "step_1"' lines, the torn line (its step_1 record recovered) and the
    // NaN record (unmeasured, not malformed).
    expect(report).toMatchObject({ skippedLines: 18, unmeasuredRecords: 3, filesRead: 3 });
    const first = fs
      .readFileSync(path.join(dir, '2025-10-18.jsonl'), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('garbage "step_1"'));
    expect(report.firstProblem).toBe(`2025-10-18.jsonl:${first + 1}`);
    const ten = await scan({ name: 'step_10' });
    // 'garbage "step_10"' lines, and the torn lines (their step_10 part names it; the record
    // recovered from them is step_1's, not returned).
    expect(ten.report.skippedLines).toBe(18);
    expect(ten.records.every((r) => (r as ExecutionRecord).name === 'step_10')).toBe(true);
    expect((await scan({ name: 'x' })).report.skippedLines).toBe(0);
  });

  it('reads files of several pieces, lines longer than a piece, and numbers lines across pieces', async () => {
    const file = path.join(dir, '2025-10-20.jsonl');
    const filler = serializeRecord(rec('other', '2025-10-20T01:00:00', { pad: 'é'.repeat(300) }));
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) lines.push(filler); // ~3.7 MB: several 1 MiB pieces
    lines.push(
      serializeRecord(rec('step_1', '2025-10-20T02:00:00', { text: 'é€😀'.repeat(300_000) })),
    );
    lines.push('garbage "step_1"');
    lines.push(serializeRecord(rec('step_1', '2025-10-20T03:00:00')));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const { records, report } = await scan({ name: 'step_1' });
    expect(records).toHaveLength(2);
    expect((records[0] as ExecutionRecord).metadata.text).toBe('é€😀'.repeat(300_000));
    expect(report.skippedLines).toBe(1);
    expect(report.firstProblem).toBe('2025-10-20.jsonl:6002');
  });

  it("stops when the visitor says so, and never decodes the other steps' lines", async () => {
    writeNamedHistory(dir);
    let seen = 0;
    await scanRecords(dir, { name: 'x', onWarning: null }, () => ++seen < 5);
    expect(seen).toBe(5);
    const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)));
    const holding = files
      .flatMap((b) => b.toString('utf8').split('\n'))
      .filter((l) => l.includes('"step_10"'));
    const decode = vi.spyOn(Buffer.prototype, 'toString');
    let decoded = 0;
    try {
      await scan({ name: 'step_10' });
      for (const [i, call] of decode.mock.calls.entries()) {
        const self = decode.mock.contexts[i] as Buffer;
        decoded += ((call[2] as number | undefined) ?? self.length) - ((call[1] as number) ?? 0);
      }
    } finally {
      decode.mockRestore();
    }
    const total = files.reduce((sum, b) => sum + b.length, 0);
    const needed = holding.reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);
    expect(needed).toBeLessThan(total / 5);
    expect(decoded).toBeLessThanOrEqual(needed);
  });
});
