// Values (issue 13) in `recent` and `compare`: a values column, the records as stored in --json,
// a row per value series under its operation, judged in the value's own direction.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, type ExecutionRecord } from '../../src/core/record.js';
import { checkValue, withValues, type RunValue } from '../../src/core/values.js';
import { parseTable, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
const dir = path.join(tmp.dir, 'history');
const records: ExecutionRecord[] = [];

beforeAll(() => {
  // 12 main runs of `bench` (ops/s bigger-is-better, bundle size in KB), then 4 runs of a pull
  // request where ops/s drops 20% (worse) and the size is unchanged; `lint` has no values.
  let t = Date.now() - 6 * 3_600_000;
  const add = (name: string, ms: number, ci: Record<string, unknown>, values: RunValue[]) => {
    t += 60_000;
    records.push({
      name,
      started_at: formatTimestamp(t),
      ended_at: formatTimestamp(t + ms),
      duration_ms: ms,
      status: 'success',
      metadata: withValues({ ci: { provider: 'github-actions', ...ci } }, values),
      error: null,
    });
  };
  const wiggle = (i: number) => 1 + 0.02 * Math.sin(i * 2.1);
  for (let i = 0; i < 12; i++) {
    add('bench', 1000 * wiggle(i + 3), { branch: 'main' }, [
      checkValue('ops', 1000 * wiggle(i), { unit: 'ops/s' }),
      checkValue('size_kb', 512 * wiggle(i + 1), { unit: 'KB' }),
    ]);
    add('lint', 300 * wiggle(i), { branch: 'main' }, []);
  }
  for (let i = 0; i < 4; i++) {
    add('bench', 1000 * wiggle(i + 5), { branch: 'feature', pr_number: 7 }, [
      checkValue('ops', 800 * wiggle(i + 7), { unit: 'ops/s' }),
      checkValue('size_kb', 512 * wiggle(i + 2), { unit: 'KB' }),
    ]);
  }
  add('bench', 1000, { branch: 'feature', pr_number: 7 }, [
    checkValue('tokens', 1200),
    checkValue('size_kb', 512, { unit: 'KB' }),
  ]);
  mkdirSync(dir, { recursive: true });
  for (const r of records) {
    writeFileSync(path.join(dir, `${r.started_at.slice(0, 10)}.jsonl`), JSON.stringify(r) + '\n', {
      flag: 'a',
    });
  }
});
afterAll(() => tmp.cleanup());

describe('recent with values', () => {
  it('shows a values column: name, number and unit', async () => {
    const result = await runCli(['recent', '--limit', '2', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const table = parseTable(result.stdout);
    expect(table.header).toEqual([
      'started (UTC)',
      'operation',
      'duration',
      'status',
      'values',
      'error',
    ]);
    const cells = table.rows.map((r) => r.map((c) => c.trim()));
    expect(cells.map((r) => r[4])).toEqual([
      'tokens 1,200, size_kb 512 KB',
      'ops 813.4 ops/s, size_kb 503 KB', // 800·(1 + 0.02·sin 21), 512·(1 + 0.02·sin 10.5)
    ]);
  });

  it('has no values column when no run shown has values', async () => {
    const result = await runCli(['recent', 'lint', '--limit', '2', '--metrics-dir', dir]);
    expect(parseTable(result.stdout).header).toEqual([
      'started (UTC)',
      'operation',
      'duration',
      'status',
      'error',
    ]);
  });

  it('--json prints the records as stored, values and their info included', async () => {
    const result = await runCli([
      'recent',
      'bench',
      '--limit',
      '1',
      '--json',
      '--metrics-dir',
      dir,
    ]);
    expect(JSON.parse(result.stdout)).toEqual([records.at(-1)]);
    expect(JSON.parse(result.stdout)[0].metadata.value_info.size_kb).toEqual({
      unit: 'KB',
      better: 'smaller',
    });
  });
});

describe('compare with values', () => {
  it('adds a row per value under its operation, a 20% drop of a bigger-is-better value "worse"', async () => {
    const result = await runCli(['compare', '--all', '--base', 'main', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const table = parseTable(result.stdout.split('\n').slice(2).join('\n'));
    const cells = table.rows.map((r) => r.map((c) => c.trim()));
    expect(cells.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['bench', 'no change', '12 / 5'],
      ['bench › ops', 'worse', '12 / 4'],
      ['bench › size_kb', 'no change', '12 / 5'],
      ['bench › tokens', 'not enough data', '0 / 1'],
      ['lint', 'not enough data', '12 / 0'],
    ]);
    const ops = cells[1]!;
    expect(ops[2]).toMatch(/^-(19|2\d)\.\d%$/); // the value's own change, not 1/x's (+24%)
    expect(ops[3]).toMatch(/^(9\d\d(\.\d)?|1,0\d\d) ops\/s$/);
    expect(ops[4]).toMatch(/^8\d\d(\.\d)? ops\/s$/);
    expect(ops[6]).toMatch(/^−(19|2\d)\.\d% worse \(96% CI/);
    expect(cells[2]![3]).toMatch(/^5\d\d(\.\d+)? KB$/);
  });

  it('--json adds the value verdicts', async () => {
    const result = await runCli([
      'compare',
      'bench',
      '--base',
      'main',
      '--branch',
      'feature',
      '--json',
      '--metrics-dir',
      dir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.verdicts.map((v: { name: string }) => v.name)).toEqual(['bench']);
    expect(out.values.map((v: { name: string; verdict: string }) => [v.name, v.verdict])).toEqual([
      ['bench › ops', 'slower'],
      ['bench › size_kb', 'no change'],
      ['bench › tokens', 'not enough data'],
    ]);
    expect(out.values[0]).toMatchObject({
      step: 'bench',
      valueName: 'ops',
      unit: 'ops/s',
      better: 'bigger',
    });
    expect(out.values[0].changePercent).toBeLessThan(-15);
  });

  it('--json without values is unchanged', async () => {
    const result = await runCli([
      'compare',
      'lint',
      '--base',
      'main',
      '--branch',
      'feature',
      '--json',
      '--metrics-dir',
      dir,
    ]);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['base', 'branch', 'verdicts']);
  });
});

describe('summary with values', () => {
  it('adds a row per value under its operation, in the value’s unit and direction', async () => {
    const result = await runCli(['summary', '--days', '2', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parseTable(result.stdout).rows.map((r) => r.map((c) => c.trim()));
    const names = rows.map((r) => r[0]);
    expect(names).toEqual(['bench', 'bench › ops', 'bench › size_kb', 'bench › tokens', 'lint']);
    const ops = rows[1]!;
    expect(ops[1]).toBe('16');
    expect(ops[4]).toMatch(/ ops\/s$/);
    expect(ops[8]).toBe('bigger is better');
    expect(rows[2]![8]).toBe('smaller is better');
    expect(rows[2]![4]).toMatch(/ KB$/);
    expect(rows[3]![1]).toBe('1');
  });
});
