// The job's index of metrics-dir by step name (written by the first step, read by the others) must
// give a read by name exactly what the search of every day file gives, also once the folder has
// changed since it was written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readNameIndex, scanIndexedRecords, writeNameIndex } from '../../src/core/name-index.js';
import { serializeRecord } from '../../src/core/record.js';
import { scanRecords, type ReadOptions } from '../../src/core/store.js';
import { NAMES, rec, writeNamedHistory } from '../helpers/named-history.js';

let root: string;
let dir: string;
let indexDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-index-'));
  dir = path.join(root, 'metrics');
  indexDir = path.join(root, 'job.names');
  fs.mkdirSync(dir);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

type Read = { records: unknown[]; files: string[]; report: unknown; warning: string | null };

async function searched(options: ReadOptions & { name: string }): Promise<Read> {
  const out: Read = { records: [], files: [], report: null, warning: null };
  out.report = await scanRecords(
    dir,
    { ...options, onWarning: (m) => void (out.warning = m) },
    (record, startedMs, file) => {
      out.records.push([record, startedMs]);
      out.files.push(file.name);
    },
  );
  return out;
}

async function indexed(options: ReadOptions & { name: string }): Promise<Read | null> {
  const out: Read = { records: [], files: [], report: null, warning: null };
  out.report = await scanIndexedRecords(
    indexDir,
    dir,
    { ...options, onWarning: (m) => void (out.warning = m) },
    (record, startedMs, file) => {
      out.records.push([record, startedMs]);
      out.files.push(file.name);
    },
  );
  return out.report === null ? null : out;
}

/** Every plain name (and one absent from the folder) reads the same through the index. */
async function expectSameReads(names: readonly string[] = NAMES): Promise<void> {
  let compared = 0;
  for (const name of [...names, 'never_ran']) {
    for (const since of [undefined, Date.parse('2025-10-19T10:30:00Z')]) {
      const options = { name, ...(since === undefined ? {} : { since }) };
      const viaIndex = await indexed(options);
      if (viaIndex === null) continue; // a name that is not plain: read as before
      expect(viaIndex, `${name} since ${since}`).toEqual(await searched(options));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(names.length);
}

function line(name: string, startedAt: string, metadata: Record<string, unknown> = {}): string {
  return serializeRecord(rec(name, startedAt, metadata));
}

describe('a read through the name index', () => {
  it('gives every name what the search of the day files gives: records, counts, first problem', async () => {
    writeNamedHistory(dir);
    await writeNameIndex(dir, indexDir);
    await expectSameReads();
    // The malformed lines and the unmeasured records are counted as by the search.
    const one = await indexed({ name: 'step_1' });
    expect(one?.report).toMatchObject({ skippedLines: 18, unmeasuredRecords: 3, filesRead: 3 });
    expect(one?.warning).toMatch(/^dev-metrics: skipped 18 malformed line\(s\)/);
  });

  it('reads what was appended since, and files that appeared since', async () => {
    writeNamedHistory(dir);
    await writeNameIndex(dir, indexDir);
    // The last file ended without a line break: its last line was left to the appended part.
    fs.appendFileSync(
      path.join(dir, '2025-10-18.jsonl'),
      `\n${line('step_1', '2025-10-18T12:00:00')}\n`,
    );
    fs.appendFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      `${line('x', '2025-10-20T12:00:00')}\ngarbage "x"\n`,
    );
    fs.writeFileSync(path.join(dir, '2025-10-21.jsonl'), `${line('x', '2025-10-21T01:00:00')}\n`);
    await expectSameReads();
    expect(
      (await indexed({ name: 'x' }))?.files.filter((f) => f === '2025-10-21.jsonl'),
    ).toHaveLength(1);
  });

  it('reads a file whole that changed other than by appending: rewritten, shortened, removed', async () => {
    writeNamedHistory(dir);
    await writeNameIndex(dir, indexDir);
    const file = path.join(dir, '2025-10-19.jsonl');
    const text = fs.readFileSync(file, 'utf8');
    // As long, but other records (written a moment later: another mtime).
    fs.writeFileSync(file, text.replaceAll('step_1"', 'step_9"'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    await expectSameReads();
    // Longer: another history copied over it.
    const other = text.split('\n').reverse().join('\n');
    fs.writeFileSync(file, `${other}\n${line('x', '2025-10-19T13:00:00')}\n`);
    await expectSameReads();
    // Replaced by a copy (another inode), though the same bytes and more: not taken as indexed.
    fs.writeFileSync(`${file}.new`, `${text}${line('x', '2025-10-19T13:00:00')}\n`);
    fs.renameSync(`${file}.new`, file);
    await writeNameIndex(dir, indexDir);
    fs.writeFileSync(`${file}.new`, fs.readFileSync(file));
    fs.renameSync(`${file}.new`, file);
    const pick = readNameIndex(indexDir, 'x')!;
    expect(pick({ name: '2025-10-19.jsonl', path: file, dayMs: 0 })).toBeUndefined();
    await expectSameReads();
    // Other bytes at its start only.
    fs.writeFileSync(file, `${line('x', '2025-10-19T00:00:01')}\n${text}`);
    await expectSameReads();
    // Shorter.
    fs.writeFileSync(file, text.slice(0, text.length / 2));
    await expectSameReads();
    fs.rmSync(file);
    await expectSameReads();
  });

  it('does not open a day file that is as indexed and holds none of the name’s lines', async () => {
    fs.writeFileSync(path.join(dir, '2025-10-19.jsonl'), `${line('a', '2025-10-19T01:00:00')}\n`);
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${line('b', '2025-10-20T01:00:00')}\n`);
    await writeNameIndex(dir, indexDir);
    const day = (name: string) => ({ name, path: path.join(dir, name), dayMs: 0 });
    const pick = readNameIndex(indexDir, 'b')!;
    expect(pick(day('2025-10-19.jsonl'))).toBeNull();
    expect(pick(day('2025-10-20.jsonl'))).toMatchObject({ indexedSize: expect.any(Number) });
    // Appended since: its new bytes are read (and checked first), though no line of b is indexed.
    fs.appendFileSync(path.join(dir, '2025-10-19.jsonl'), `${line('b', '2025-10-19T02:00:00')}\n`);
    expect(pick(day('2025-10-19.jsonl'))).toMatchObject({ indexedSize: expect.any(Number) });
    expect((await indexed({ name: 'b' }))?.records).toHaveLength(2);
  });

  it('reads only the lines of the name and the lines it cannot tell the name of', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      lines.push(line(i % 100 === 0 ? 'rare' : `busy_${i % 7}`, '2025-10-20T01:00:00', { i }));
    }
    lines.push('garbage "rare"');
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${lines.join('\n')}\n`);
    await writeNameIndex(dir, indexDir);
    const read = vi.spyOn(fs, 'readSync');
    let bytes = 0;
    try {
      const viaIndex = await indexed({ name: 'rare' });
      expect(viaIndex?.records).toHaveLength(20);
      expect(viaIndex?.report).toMatchObject({ skippedLines: 1 });
      bytes = read.mock.results.reduce((sum, r) => sum + (r.value as number), 0);
    } finally {
      read.mockRestore();
    }
    const folder = fs.statSync(path.join(dir, '2025-10-20.jsonl')).size;
    // Its 20 lines and the garbage line (through readFileSync), and the few bytes checked here.
    expect(bytes).toBeLessThan(folder / 50);
  });

  it('spells out lines the way the Python tool writes them, and CRLF files', async () => {
    const python = (name: string, at: string) =>
      JSON.stringify(rec(name, at)).replace(/":/g, '": ').replace(/,"/g, ', "');
    fs.writeFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      [python('py', '2025-10-20T01:00:00'), line('py', '2025-10-20T02:00:00'), ''].join('\r\n'),
    );
    await writeNameIndex(dir, indexDir);
    expect((await indexed({ name: 'py' }))?.records).toHaveLength(2);
    await expectSameReads(['py']);
    // Both lines are py's own: the index holds no line of unknown name.
    expect(fs.existsSync(path.join(indexDir, 'other.json'))).toBe(false);
  });

  it('reads a large folder right where one name is every third line', async () => {
    const pad = 'p'.repeat(900);
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++)
      lines.push(line(`op_${i % 3}`, '2025-10-20T01:00:00', { pad, i }));
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${lines.join('\n')}\n`); // ~11 MB
    await writeNameIndex(dir, indexDir);
    const viaIndex = await indexed({ name: 'op_1' });
    expect(viaIndex).toEqual(await searched({ name: 'op_1' }));
    expect(viaIndex?.records).toHaveLength(4000);
  });

  it('is not used when it is missing, half written, of another version, or not this name', async () => {
    writeNamedHistory(dir);
    expect(readNameIndex(indexDir, 'x')).toBeUndefined(); // never written
    await writeNameIndex(dir, indexDir);
    expect(readNameIndex(indexDir, 'x')).toBeTypeOf('function');
    const index = path.join(indexDir, 'index.json');
    const text = fs.readFileSync(index, 'utf8');
    fs.writeFileSync(index, text.replace('"v":1', '"v":2'));
    expect(readNameIndex(indexDir, 'x')).toBeUndefined();
    fs.writeFileSync(index, text.slice(0, 10));
    expect(readNameIndex(indexDir, 'x')).toBeUndefined();
    fs.writeFileSync(index, text);
    // A name file that names another step (a hash collision), or torn: not used.
    const own = fs
      .readdirSync(indexDir)
      .find(
        (f) =>
          f.endsWith('.json') &&
          f !== 'index.json' &&
          fs.readFileSync(path.join(indexDir, f), 'utf8').includes('"name":"x"'),
      )!;
    const header = fs.readFileSync(path.join(indexDir, own), 'utf8');
    fs.writeFileSync(path.join(indexDir, own), header.replace('"name":"x"', '"name":"z"'));
    expect(readNameIndex(indexDir, 'x')).toBeUndefined();
    fs.writeFileSync(path.join(indexDir, own), header.slice(0, -20));
    expect(readNameIndex(indexDir, 'x')).toBeUndefined();
    // A name that is not plain is read by the search, as before.
    expect(await indexed({ name: 'say "hi"' })).toBeNull();
  });
});
