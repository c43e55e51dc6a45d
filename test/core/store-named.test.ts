// A read by name (a step reading its own runs) scans the day files' bytes for the name and parses
// only the lines holding it: it must return exactly what a full read returns for that name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import { readRecords, scanRecords, type ReadOptions } from '../../src/core/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-named-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function rec(name: string, startedAt: string, metadata: Record<string, unknown> = {}) {
  return {
    name,
    started_at: startedAt,
    ended_at: startedAt,
    duration_ms: 12.5,
    status: 'success',
    metadata,
    error: null,
  } satisfies ExecutionRecord;
}

async function scan(options: ReadOptions) {
  const records: unknown[] = [];
  const report = await scanRecords(dir, { onWarning: null, ...options }, (r) => {
    records.push(r);
  });
  return { records, report };
}

const NAMES = [
  'step_1',
  'step_10', // step_1 is a prefix of it
  'step_1 ', // and of this one
  'my_step_1', // ends with step_1
  'a/b', // escaped as a\/b by some writers
  'say "hi"', // needs escaping: every line is parsed
  'bündle', // \u00fc in Python's output
  'tab\there',
  'x',
];

/** Day files mixing every name, other steps naming them in metadata, and the odd lines writers leave. */
function writeHistory(): void {
  let n = 0;
  const line = (name: string, day: string, extra: Record<string, unknown> = {}) => {
    n++;
    const minute = String(n % 60).padStart(2, '0');
    return serializeRecord(rec(name, `${day}T10:${minute}:00`, { i: n, ...extra }));
  };
  for (const [d, day] of ['2025-10-18', '2025-10-19', '2025-10-20'].entries()) {
    const lines: string[] = [];
    if (d === 1) lines.push('\uFEFF' + line('step_1', day)); // a byte-order mark first
    for (let i = 0; i < 300; i++) {
      const name = NAMES[i % NAMES.length]!;
      lines.push(line(name, day, i % 7 === 0 ? { note: `after "step_1" and "x"` } : {}));
      if (i % 50 === 3) lines.push('', '   '); // blank lines
      if (i % 61 === 5) lines.push('garbage "step_1" {{{'); // malformed, names step_1
      if (i % 67 === 6) lines.push('garbage "step_10"');
    }
    // Python's spelling: \u escapes, escaped slash, spaces after separators.
    lines.push(
      JSON.stringify(rec('bündle', `${day}T11:00:00`)).replace('bündle', 'b\\u00fcndle'),
      JSON.stringify(rec('a/b', `${day}T11:01:00`)).replace('a/b', 'a\\/b'),
      JSON.stringify(rec('step_1', `${day}T11:02:00`), null, 1).replace(/\n/g, ''),
    );
    // A torn line: a record appended onto a truncated one.
    lines.push(line('step_10', day).slice(0, 40) + line('step_1', day));
    // NaN duration: readable but unmeasured.
    lines.push(line('step_1', day).replace('"duration_ms":12.5', '"duration_ms":NaN'));
    const text = lines.join(d === 2 ? '\r\n' : '\n');
    // The last file ends without a line break.
    fs.writeFileSync(path.join(dir, `${day}.jsonl`), d === 0 ? text : `${text}\n`);
  }
}

describe('read by name: the same records as a full read, from the lines holding the name', () => {
  it('for names that are prefixes of others, need escaping, or that other lines mention', async () => {
    writeHistory();
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
    writeHistory();
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
    writeHistory();
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
