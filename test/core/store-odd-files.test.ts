// The store against accidents: a torn last line (SIGKILL mid-write, a full disk), and directories,
// FIFOs or symlinks named like day files. No record may be swallowed and no link followed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import { serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import {
  appendRecord,
  appendRecordSync,
  listDayFiles,
  pruneDayFiles,
  readRecords,
} from '../../src/core/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-odd-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function rec(name: string, started_at = '2025-10-20T10:00:00'): ExecutionRecord {
  return {
    name,
    started_at,
    ended_at: started_at,
    duration_ms: 5,
    status: 'success',
    metadata: {},
    error: null,
  };
}

async function readNames(metricsDir = dir): Promise<{ names: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const names: string[] = [];
  for await (const r of readRecords(metricsDir, { onWarning: (m) => warnings.push(m) })) {
    names.push(r.name);
  }
  return { names, warnings };
}

describe('a torn last line', () => {
  for (const [label, append] of [
    ['appendRecord', (r: ExecutionRecord) => appendRecord(dir, r)],
    ['appendRecordSync', async (r: ExecutionRecord) => appendRecordSync(dir, r)],
  ] as const) {
    it(`${label}: the next record starts on a new line and is read back`, async () => {
      const file = path.join(dir, '2025-10-20.jsonl');
      const torn = serializeRecord(rec('torn'));
      fs.writeFileSync(file, `${serializeRecord(rec('before'))}\n${torn.slice(0, 40)}`);
      await append(rec('after'));
      await append(rec('after-2'));
      const { names, warnings } = await readNames();
      expect(names).toEqual(['before', 'after', 'after-2']);
      expect(warnings).toEqual([
        `dev-metrics: skipped 1 malformed line(s) in ${dir} (first: 2025-10-20.jsonl:2)`,
      ]);
      // One newline added, not one per append: the file stays one record per line.
      expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(5);
    });
  }

  it('a record another writer appended onto a torn line (no mending) is still read', async () => {
    // What the Python tool, or this tool before the fix, leaves: fragment and record on one line.
    const python = (name: string): string =>
      `{"name": "${name}", "started_at": "2025-10-20T10:00:00", "ended_at": "2025-10-20T10:00:00", ` +
      '"duration_ms": 5.0, "status": "success", "metadata": {"note": "{\\"name\\": x"}, "error": null}';
    fs.writeFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      `${python('a')}\n${python('torn').slice(0, 50)}${python('swallowed')}\n` +
        `{"name": "x", "metadata": {"name": 1}${serializeRecord(rec('also-swallowed'))}\n`,
    );
    const { names, warnings } = await readNames();
    expect(names).toEqual(['a', 'swallowed', 'also-swallowed']);
    expect(warnings).toEqual([
      `dev-metrics: skipped 2 malformed line(s) in ${dir} (first: 2025-10-20.jsonl:2)`,
    ]);
  });

  it('an empty day file gets no leading blank line', async () => {
    const file = path.join(dir, '2025-10-20.jsonl');
    fs.writeFileSync(file, '');
    await appendRecord(dir, rec('a'));
    expect(fs.readFileSync(file, 'utf8')).toBe(`${serializeRecord(rec('a'))}\n`);
  });

  it('blank lines (two appenders racing to mend the same torn line) are not malformed', async () => {
    fs.writeFileSync(
      path.join(dir, '2025-10-20.jsonl'),
      `${serializeRecord(rec('a'))}\n\n  \r\n${serializeRecord(rec('b'))}\n`,
    );
    expect(await readNames()).toEqual({ names: ['a', 'b'], warnings: [] });
  });
});

describe('non-regular files named like day files', () => {
  it('a directory named like a day file: read skips it (one warning), prune leaves it', async () => {
    fs.mkdirSync(path.join(dir, '2025-10-19.jsonl'));
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), `${serializeRecord(rec('a'))}\n`);
    const { names, warnings } = await readNames();
    expect(names).toEqual(['a']);
    expect(warnings).toEqual([
      `dev-metrics: skipped 1 unreadable file(s) in ${dir} (first: 2025-10-19.jsonl (a directory, not a regular file))`,
    ]);
    expect((await listDayFiles(dir)).map((f) => f.name)).toEqual(['2025-10-20.jsonl']);
    expect(await pruneDayFiles(dir, 0, Date.UTC(2030, 0, 1))).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['2025-10-19.jsonl']);
    const collector = new DevMetricsCollector({ metricsDir: dir, onWarning: null });
    await expect(collector.clearOldMetrics(0)).resolves.toBe(0);
  });

  it('a symlinked day file is never followed: not read, not deleted, not written through', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-outside-'));
    try {
      const target = path.join(outside, 'secret.jsonl');
      const secret = `${serializeRecord(rec('secret'))}\n`;
      fs.writeFileSync(target, secret);
      fs.symlinkSync(target, path.join(dir, '2025-10-20.jsonl'));
      fs.writeFileSync(path.join(dir, '2025-10-21.jsonl'), `${serializeRecord(rec('mine'))}\n`);
      const { names, warnings } = await readNames();
      expect(names).toEqual(['mine']);
      expect(warnings).toEqual([
        `dev-metrics: skipped 1 unreadable file(s) in ${dir} (first: 2025-10-20.jsonl (a symbolic link, not followed))`,
      ]);
      await expect(appendRecord(dir, rec('x'))).rejects.toThrow(
        /^Cannot write metrics to .*2025-10-20\.jsonl \(a symbolic link, not followed\); replace it with a regular file or set DEV_METRICS_DIR$/,
      );
      expect(() => appendRecordSync(dir, rec('x'))).toThrow(/a symbolic link, not followed/);
      expect(await pruneDayFiles(dir, 0, Date.UTC(2030, 0, 1))).toBe(1);
      expect(fs.lstatSync(path.join(dir, '2025-10-20.jsonl')).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(target, 'utf8')).toBe(secret);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a FIFO named like a day file: read skips it without blocking, append refuses it', async () => {
    const fifo = path.join(dir, '2025-10-20.jsonl');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    const { names, warnings } = await readNames();
    expect(names).toEqual([]);
    expect(warnings[0]).toMatch(/2025-10-20\.jsonl \(not a regular file\)/);
    await expect(appendRecord(dir, rec('x'))).rejects.toThrow(/not a regular file/);
    expect(await pruneDayFiles(dir, 0, Date.UTC(2030, 0, 1))).toBe(0);
  });

  it('a directory named like a day file: append says so in one line', async () => {
    fs.mkdirSync(path.join(dir, '2025-10-20.jsonl'));
    await expect(appendRecord(dir, rec('x'))).rejects.toThrow(
      /^Cannot write metrics to .*2025-10-20\.jsonl \(a directory, not a regular file\); replace it with a regular file or set DEV_METRICS_DIR$/,
    );
  });
});
