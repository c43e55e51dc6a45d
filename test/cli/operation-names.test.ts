// The CLI with operations named like Object.prototype members: each is listed like any other, in
// text and in --json, by summary, recent, compare and dashboard.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import { parseTable, runCli, tempDir } from './helpers.js';

const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const tmp = tempDir();
const now = Date.now();

beforeAll(() => {
  const records: ExecutionRecord[] = ODD_NAMES.flatMap((name, index) =>
    Array.from({ length: 12 }, (_, i) => {
      const start = now - (12 - i) * 3_600_000 - index * 60_000;
      const duration = 100 * (index + 1) + i;
      return {
        name,
        started_at: formatTimestamp(start),
        ended_at: formatTimestamp(start + duration),
        duration_ms: duration,
        status: 'success',
        metadata: { ci: { sha: `sha${i}`, branch: i >= 9 ? 'feature' : 'main' } },
        error: null,
      } satisfies ExecutionRecord;
    }),
  );
  for (const r of records) {
    fs.appendFileSync(
      path.join(tmp.dir, `${r.started_at.slice(0, 10)}.jsonl`),
      `${serializeRecord(r)}\n`,
    );
  }
});
afterAll(() => tmp.cleanup());

const cli = (...args: string[]) => runCli([...args, '--metrics-dir', tmp.dir]);

describe('operations named __proto__, constructor, toString… in the CLI', () => {
  it('summary --json: one own key per operation', async () => {
    const result = await cli('summary', '--json');
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as object;
    expect(Object.keys(json).sort()).toEqual([...ODD_NAMES].sort());
    const proto = Object.getOwnPropertyDescriptor(json, '__proto__')?.value;
    expect(proto).toMatchObject({ name: '__proto__', total_executions: 12 });
  });

  it('summary: one row per operation', async () => {
    const result = await cli('summary');
    expect(result.code).toBe(0);
    const { rows } = parseTable(result.stdout);
    expect(rows.map((r) => r[0]!.trim()).sort()).toEqual([...ODD_NAMES].sort());
  });

  it('recent, text and --json', async () => {
    for (const name of ODD_NAMES) {
      const json = JSON.parse((await cli('recent', name, '--limit', '2', '--json')).stdout);
      expect(json.map((r: ExecutionRecord) => r.name)).toEqual([name, name]);
      const { rows } = parseTable((await cli('recent', name, '--limit', '2')).stdout);
      expect(rows.map((r) => r[1]!.trim())).toEqual([name, name]);
    }
  });

  it('compare --all --json and compare NAME', async () => {
    const result = await cli('compare', '--all', '--base', 'main', '--branch', 'feature', '--json');
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as {
      verdicts: { name: string; baselineCount: number }[];
    };
    expect(json.verdicts.map((v) => [v.name, v.baselineCount])).toEqual(
      [...ODD_NAMES].sort().map((n) => [n, 9]),
    );
    const text = await cli('compare', '__proto__', '--base', 'main');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^__proto__ /m);
  });

  it('dashboard lists every operation', async () => {
    const output = path.join(tmp.dir, 'out.html');
    const result = await cli('dashboard', '--output', output, '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: ODD_NAMES.length });
  });
});
