// Lines as the Python tool and editors write them: json.dumps's bare NaN/Infinity/-Infinity, a
// UTF-8 byte-order mark, CRLF line ends. The lines come from the real python3 json module.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DevMetricsCollector } from '../../src/core/collector.js';
import { BLANK_LINE, parseJsonLine } from '../../src/core/json-line.js';
import { parseRecord } from '../../src/core/record.js';
import { generateDashboard } from '../../src/report/dashboard/index.js';

/** json.dumps of each Python expression, one line each, by python3 itself. */
function pythonDumps(...expressions: string[]): string[] {
  const script =
    'import json, sys\n' + 'for e in sys.argv[1:]:\n' + '    print(json.dumps(eval(e)))\n';
  return execFileSync('python3', ['-c', script, ...expressions], { encoding: 'utf8' })
    .trimEnd()
    .split('\n');
}

const base = (name: string, duration: string, metadata: string): string =>
  `{"name": ${JSON.stringify(name)}, "started_at": "2025-10-20T09:00:00", ` +
  `"ended_at": "2025-10-20T09:00:01", "duration_ms": ${duration}, "status": "success", ` +
  `"metadata": ${metadata}, "error": None}`;

let lines: string[];
beforeAll(() => {
  lines = pythonDumps(
    base(
      'meta',
      '1000.0',
      `{"ratio": float("nan"), "up": float("inf"), "down": -float("inf"), "text": "NaN Infinity -Infinity \\"NaN\\"", "list": [float("nan"), 1]}`,
    ),
    base('nan-duration', 'float("nan")', '{}'),
    base('inf-duration', 'float("inf")', '{}'),
    base('proto', '3.0', '{"__proto__": float("nan"), "n": {"NaN": float("-inf")}}'),
    base('ok', '20.0', '{}'),
  );
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-nonfinite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lines with NaN and Infinity, as python3 json.dumps writes them', () => {
  it('python3 really writes bare tokens (the fixture is what the test claims)', () => {
    expect(lines[0]).toContain('"ratio": NaN, "up": Infinity, "down": -Infinity');
    expect(lines[1]).toContain('"duration_ms": NaN');
  });

  it('NaN and Infinity in metadata: the record is read, strings that say NaN are untouched', () => {
    const record = parseRecord(lines[0]!);
    expect(record).not.toBeNull();
    expect(record!.metadata).toEqual({
      ratio: NaN,
      up: Infinity,
      down: -Infinity,
      text: 'NaN Infinity -Infinity "NaN"',
      list: [NaN, 1],
    });
    const proto = parseRecord(lines[3]!)!;
    expect(Object.getPrototypeOf(proto.metadata)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto.metadata, '__proto__')?.value).toBeNaN();
    expect(proto.metadata.n).toEqual({ NaN: -Infinity });
  });

  it('a NaN or infinite duration: counted apart, left out of the summary, never "malformed"', async () => {
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), lines.map((l) => `${l}\n`).join(''));
    const warnings: string[] = [];
    const collector = new DevMetricsCollector({
      metricsDir: dir,
      now: () => Date.UTC(2025, 9, 20, 12),
      onWarning: (m) => warnings.push(m),
    });
    const summary = await collector.getMetricsSummary({ days: 7 });
    expect(Object.keys(summary)).toEqual(['meta', 'proto', 'ok']);
    expect(summary.meta!.avg_duration_ms).toBe(1000);
    expect(warnings).toEqual([
      `dev-metrics: skipped 2 record(s) whose duration_ms is NaN or infinite in ${dir} (first: 2025-10-20.jsonl:2)`,
    ]);
    const recent = await collector.getRecentMetrics({ limit: 10 });
    expect(recent.map((r) => r.name).sort()).toEqual(['meta', 'ok', 'proto']);
    // The dashboard counts them among the records it skipped, as it does a NaN given to it.
    const outputFile = path.join(dir, 'dashboard.html');
    await generateDashboard({
      metricsDir: dir,
      outputFile,
      generatedAt: new Date(Date.UTC(2025, 9, 20, 12)),
      onWarning: null,
    });
    const html = fs.readFileSync(outputFile, 'utf8');
    const data = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(data).totals).toMatchObject({ records: 3, skipped: 2, operations: 3 });
  });

  it('a byte-order mark and CRLF line ends (an editor on Windows): every record is read', async () => {
    const text = `\uFEFF${lines[4]}\r\n${lines[0]}\r\n${lines[4]}\r\n`;
    fs.writeFileSync(path.join(dir, '2025-10-20.jsonl'), text, 'utf8');
    const warnings: string[] = [];
    const collector = new DevMetricsCollector({
      metricsDir: dir,
      onWarning: (m) => warnings.push(m),
    });
    const names: string[] = [];
    for await (const r of collector.readRecords()) names.push(r.name);
    expect(names).toEqual(['ok', 'meta', 'ok']);
    expect(warnings).toEqual([]);
  });
});

describe('parseJsonLine', () => {
  it('strict JSON, blank lines, BOM', () => {
    expect(parseJsonLine('{"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonLine('')).toBe(BLANK_LINE);
    expect(parseJsonLine(' \r')).toBe(BLANK_LINE);
    expect(parseJsonLine('\uFEFF{"a": NaN}')).toEqual({ a: NaN });
  });

  it('refuses what is unreadable even with NaN in it', () => {
    expect(parseJsonLine('{NaN: 1}')).toBeUndefined();
    expect(parseJsonLine('{"a": NaNa}')).toBeUndefined();
    expect(parseJsonLine('{"a": NaN')).toBeUndefined();
    expect(parseJsonLine('{"a": nan}')).toBeUndefined();
    expect(parseJsonLine('garbage NaN')).toBeUndefined();
  });

  it('a string equal to the internal placeholder stays a string', () => {
    const tricky = '\u0000dev-metrics-non-finite-0-2';
    expect(parseJsonLine(`{"s": ${JSON.stringify(tricky)}, "n": NaN}`)).toEqual({
      s: tricky,
      n: NaN,
    });
  });

  it('escaped quotes inside strings do not confuse the tokenizer', () => {
    expect(parseJsonLine('{"s": "a\\\\", "t": "\\" NaN \\"", "n": Infinity}')).toEqual({
      s: 'a\\',
      t: '" NaN "',
      n: Infinity,
    });
  });

  it('100,000 levels of nesting with a NaN at the bottom', () => {
    const depth = 100_000;
    const value = parseJsonLine(`${'{"a":'.repeat(depth)}NaN${'}'.repeat(depth)}`);
    let node = value as Record<string, unknown>;
    for (let i = 0; i < depth - 1; i++) node = node.a as Record<string, unknown>;
    expect(node.a).toBeNaN();
  });
});
