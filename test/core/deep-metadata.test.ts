// Metadata nested 100,000 levels deep, and metadata of several MB: the library reads, summarises,
// lists and writes such records without a crash (JSON.stringify alone runs out of stack).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import { stringifyJson } from '../../src/core/json-text.js';
import { parseRecord, serializeRecord, type ExecutionRecord } from '../../src/core/record.js';
import { readRecords } from '../../src/core/store.js';
import { bigMetadata, deepArray, deepObject, line } from '../helpers/deep-metadata.js';

const AT = '2025-10-20T10:00:00';
const NOW = Date.UTC(2025, 9, 20, 12);
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-deep-'));
  fs.writeFileSync(
    path.join(dir, '2025-10-20.jsonl'),
    [line('deep', deepObject, AT), line('deep-array', deepArray, AT), line('big', bigMetadata, AT)]
      .map((l) => `${l}\n`)
      .join(''),
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('deeply nested and very large metadata', () => {
  it('library: summary, recent records and readRecords', async () => {
    const warnings: string[] = [];
    const collector = new DevMetricsCollector({
      metricsDir: dir,
      now: () => NOW,
      onWarning: (m) => warnings.push(m),
    });
    expect(Object.keys(await collector.getMetricsSummary())).toEqual(['deep', 'deep-array', 'big']);
    expect((await collector.getRecentMetrics()).map((r) => r.name).sort()).toEqual([
      'big',
      'deep',
      'deep-array',
    ]);
    const read: ExecutionRecord[] = [];
    for await (const r of readRecords(dir, { onWarning: null })) read.push(r);
    expect(read).toHaveLength(3);
    expect(warnings).toEqual([]);
  });

  it('a deep record read back can be written again and reads back the same', async () => {
    const record = parseRecord(line('deep', deepObject, AT))!;
    expect(serializeRecord(record)).toBe(line('deep', deepObject, AT).replace('"boom"', '"boom"'));
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-deep-copy-'));
    try {
      await new DevMetricsCollector({ metricsDir: copy }).recordExecution(record);
      const text = fs.readFileSync(path.join(copy, '2025-10-20.jsonl'), 'utf8');
      expect(text).toBe(`${line('deep', deepObject, AT)}\n`);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('stringifyJson', () => {
  const samples: unknown[] = [
    {
      a: [1, 'two', null, true, { b: [] }, {}],
      c: { d: undefined, e: NaN, f: -Infinity },
      g: 'é"\n',
    },
    [undefined, () => 1, 3],
    'text',
    0,
    null,
    { toJSON: () => ({ x: 1 }) },
    JSON.parse('{"__proto__": {"x": 1}, "y": [[], [[]]]}'),
  ];
  it('matches JSON.stringify, compact and indented', () => {
    for (const sample of samples) {
      for (const space of [undefined, 2]) {
        expect(stringifyJson(sample, space)).toBe(JSON.stringify(sample, null, space));
      }
    }
  });

  it('writes 100,000 levels, compact and indented, that parse back', () => {
    const value = JSON.parse(deepObject) as unknown;
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(stringifyJson(value)).toBe(deepObject);
    const indented = stringifyJson(JSON.parse(deepArray), 2);
    expect(JSON.stringify(JSON.parse(indented).list.length)).toBe('1');
    expect(indented.startsWith('{\n  "list": [\n    [\n')).toBe(true);
  });

  it('still refuses a circular structure', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => stringifyJson(a)).toThrow(TypeError);
  });
});
