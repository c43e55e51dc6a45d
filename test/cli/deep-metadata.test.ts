// The CLI on a history with metadata nested 100,000 levels deep and metadata of several MB:
// summary, recent (text and --json) and dashboard finish, with every record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/core/record.js';
import { bigMetadata, deepArray, deepObject, line } from '../helpers/deep-metadata.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir();
beforeAll(() => {
  const at = formatTimestamp(Date.now() - 60_000);
  fs.writeFileSync(
    path.join(tmp.dir, `${at.slice(0, 10)}.jsonl`),
    [line('deep', deepObject, at), line('deep-array', deepArray, at), line('big', bigMetadata, at)]
      .map((l) => `${l}\n`)
      .join(''),
  );
});
afterAll(() => tmp.cleanup());

const cli = (...args: string[]) => runCli([...args, '--metrics-dir', tmp.dir]);

describe('the CLI on deeply nested and very large metadata', () => {
  it('summary and summary --json', async () => {
    const text = await cli('summary');
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toMatch(/^deep-array /m);
    const json = await cli('summary', '--json');
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(Object.keys(JSON.parse(json.stdout)).sort()).toEqual(['big', 'deep', 'deep-array']);
  });

  it('recent and recent --json (the records as stored, all 100,000 levels)', async () => {
    const text = await cli('recent');
    expect([text.code, text.stderr]).toEqual([0, '']);
    const json = await cli('recent', 'deep', '--json');
    expect([json.code, json.stderr]).toEqual([0, '']);
    let node = JSON.parse(json.stdout)[0].metadata;
    let depth = 0;
    while (typeof node === 'object') {
      node = node.a;
      depth++;
    }
    expect([depth, node]).toEqual([100_000, 1]);
  });

  it('dashboard', async () => {
    const output = path.join(tmp.dir, 'out.html');
    const result = await cli('dashboard', '--output', output, '--json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: 3, records: 3 });
    const html = fs.readFileSync(output, 'utf8');
    const data = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!;
    const model = JSON.parse(data) as { ops: string[]; runs: { op: number; details: string }[] };
    const deep = model.runs.find((r) => model.ops[r.op] === 'deep')!;
    expect(deep.details.startsWith('{"a":{"a":{"a":')).toBe(true); // shown, cut to its limit
  });
});
