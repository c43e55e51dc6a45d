// A read of every name scans each line's bytes in place (RecordScanner) instead of JSON.parse +
// validation + ColumnarHistory.add. It must give exactly the history, the counts and the warning
// that the parse gives, for every line: those it takes, and those it leaves to the parse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColumnarHistory, type HistoryOptions } from '../../src/core/history.js';
import { readHistoryRows } from '../../src/core/history-read.js';
import { parseTimestamp } from '../../src/core/record.js';
import { RecordScanner } from '../../src/core/record-scan.js';
import { scanRecords, type ReadOptions } from '../../src/core/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-scan-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAY = '2025-10-20';

/** The history the parse builds: what readHistory did before the scanner (store reader + add). */
async function parsed(options: ReadOptions, history: HistoryOptions = {}) {
  const out = new ColumnarHistory(history);
  const warnings: string[] = [];
  const report = await scanRecords(
    dir,
    { ...options, onWarning: (m) => void warnings.push(m) },
    (record, startedMs) => void out.add(record, startedMs),
  );
  return { history: out, report, warnings };
}

/** readHistory through the scanner, whatever the size of the files (see SCAN_FROM_BYTES). */
async function scanned(options: ReadOptions, history: HistoryOptions = {}) {
  const warnings: string[] = [];
  const result = await readHistoryRows(
    dir,
    { ...options, onWarning: (m) => void warnings.push(m) },
    undefined,
    new ColumnarHistory(history),
    0,
  );
  return { ...result, warnings };
}

/** Every column and table of a history, as plain data (NaN kept apart from null by Object.is). */
function snapshot(h: ColumnarHistory) {
  const n = h.length;
  const cut = (column: ArrayLike<number>) => Array.from({ length: n }, (_, i) => column[i]!);
  return {
    length: n,
    texts: h.texts,
    name: cut(h.name),
    startedMs: cut(h.startedMs).map(String),
    durationMs: cut(h.durationMs).map((x) => (Object.is(x, -0) ? '-0' : String(x))),
    flags: cut(h.flags),
    prNumber: cut(h.prNumber).map(String),
    sha: cut(h.sha),
    branch: cut(h.branch),
    job: cut(h.job),
    runnerOs: cut(h.runnerOs),
    runnerArch: cut(h.runnerArch),
    matrix: cut(h.matrix),
    runId: cut(h.runId),
    defaultBranch: cut(h.defaultBranch),
    values: [...h.values.values()].map((v) => ({
      ...v,
      rows: Array.from(v.rows.subarray(0, v.length)),
      numbers: Array.from(v.numbers.subarray(0, v.length)),
    })),
  };
}

async function expectSameRead(options: ReadOptions = {}, history: HistoryOptions = {}) {
  const a = await parsed(options, history);
  const b = await scanned(options, history);
  expect(snapshot(b.history)).toEqual(snapshot(a.history));
  expect(b.report).toEqual(a.report);
  expect(b.warnings).toEqual(a.warnings);
  return b;
}

function writeLines(lines: string[], file = `${DAY}.jsonl`, end = '\n') {
  fs.writeFileSync(path.join(dir, file), lines.join('\n') + end);
}

const CI = {
  provider: 'github-actions',
  repository: 'acme/platform',
  sha: 'a'.repeat(40),
  ref: 'refs/pull/7/merge',
  branch: 'feature/x',
  event: 'pull_request',
  pr_number: 7,
  base_branch: 'main',
  default_branch: 'main',
  workflow: 'CI',
  job: 'test',
  run_id: '17000000001',
  run_attempt: 1,
  runner_os: 'Linux',
  runner_arch: 'X64',
};

function record(overrides: Record<string, unknown> = {}, ci: Record<string, unknown> = CI) {
  return {
    name: 'unit tests',
    started_at: `${DAY}T10:00:00.123456`,
    ended_at: `${DAY}T10:00:01.623456`,
    duration_ms: 1500,
    status: 'success',
    metadata: { command: 'npm test', exit_code: 0, ci },
    error: null,
    ...overrides,
  };
}

/** json.dumps' default separators, as the Python tool writes. */
function pythonStyle(value: unknown): string {
  return JSON.stringify(value).replace(/","/g, '", "').replace(/":/g, '": ');
}

// Lines the scanner must take, or leave to the parse, with the same outcome either way.
const LINES: Record<string, string> = {
  plain: JSON.stringify(record()),
  python: pythonStyle(record()),
  spaced: `  { "name" :\t"spaced" , "started_at": "${DAY}T10:00:00", "ended_at":"${DAY}T10:00:00Z", "duration_ms" : 1 , "status":"failed","metadata":{ } }\r`,
  reordered: JSON.stringify({
    metadata: { ci: { runner_os: 'macOS', sha: 'b'.repeat(40) } },
    error: 'boom',
    status: 'failed',
    duration_ms: 0.1,
    ended_at: `${DAY} 10:00:00`,
    started_at: `${DAY} 09:59:59.5+02:00`,
    name: 'reordered',
    extra: { nested: [1, 2, { deep: [null, true, false, -0.5e-3, 'x'] }], empty: {}, list: [] },
  }),
  cancelled: JSON.stringify(record({ status: 'failed', error: 'cancelled' })),
  cancelledEscaped: JSON.stringify(record({ status: 'failed' })).replace(
    '"error":null',
    '"error":"cancell\\u0065d"',
  ),
  notCancelled: JSON.stringify(record({ status: 'failed', error: 'cancelled ' })),
  noError: JSON.stringify({ ...record(), error: undefined }),
  errorNumber: JSON.stringify(record({ error: 5 })),
  escapedName: JSON.stringify(record({ name: 'say "hi"\\ \t\u00e9\u4e2d\ud83d\ude00' })),
  unicodeEscapes: JSON.stringify(record()).replace('"unit tests"', '"unit \\u0074ests"'),
  nonAsciiName: JSON.stringify(record({ name: 'tests ünïcode 中文 😀' })),
  escapedBranch: JSON.stringify(record({}, { ...CI, branch: 'feat/\u00e9t\u00e9 "q"' })),
  emptyName: JSON.stringify(record({ name: '' })),
  numberName: JSON.stringify(record({ name: 12 })),
  badStatus: JSON.stringify(record({ status: 'ok' })),
  negativeDuration: JSON.stringify(record({ duration_ms: -1 })),
  negativeZero: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":-0'),
  exponent: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":1.5E3'),
  smallExponent: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":15e-2'),
  manyDigits: JSON.stringify(record()).replace(
    '"duration_ms":1500',
    '"duration_ms":1234567.8901234567890123',
  ),
  fraction: JSON.stringify(record({ duration_ms: 0.30000000000000004 })),
  decimals: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":12.345000'),
  infinite: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":1e999'),
  nan: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":NaN'),
  durationText: JSON.stringify(record({ duration_ms: '1500' })),
  durationNull: JSON.stringify(record({ duration_ms: null })),
  leadingZero: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":01500'),
  badNumber: JSON.stringify(record()).replace('"duration_ms":1500', '"duration_ms":1.'),
  prFloat: JSON.stringify(record({}, { ...CI, pr_number: 7.5 })),
  prText: JSON.stringify(record({}, { ...CI, pr_number: '7' })),
  prNull: JSON.stringify(record({}, { ...CI, pr_number: null })),
  prHuge: JSON.stringify(record()).replace('"pr_number":7', '"pr_number":1e400'),
  runIdNumber: JSON.stringify(record({}, { ...CI, run_id: 17000000002 })),
  runIdBig: JSON.stringify(record()).replace(
    '"run_id":"17000000001"',
    '"run_id":12345678901234567890',
  ),
  runIdEmpty: JSON.stringify(record({}, { ...CI, run_id: '' })),
  runIdNull: JSON.stringify(record({}, { ...CI, run_id: null })),
  emptySha: JSON.stringify(record({}, { ...CI, sha: '' })),
  numberSha: JSON.stringify(record({}, { ...CI, sha: 5, branch: ['x'], job: {} })),
  matrix: JSON.stringify(record({}, { ...CI, matrix: { os: 'linux', node: 20, x: null } })),
  matrixNull: JSON.stringify(record({}, { ...CI, matrix: null })),
  matrixEmpty: JSON.stringify(record({}, { ...CI, matrix: {} })),
  matrixText: JSON.stringify(record({}, { ...CI, matrix: 'linux' })),
  matrixNested: JSON.stringify(record({}, { ...CI, matrix: { inc: { a: [1, '2'] } } })),
  ciNull: JSON.stringify(record({}, null as unknown as Record<string, unknown>)),
  ciArray: JSON.stringify(record({}, [] as unknown as Record<string, unknown>)),
  ciText: JSON.stringify(record({}, 'ci' as unknown as Record<string, unknown>)),
  ciEmpty: JSON.stringify(record({}, {})),
  noCi: JSON.stringify(record({ metadata: { command: 'x' } })),
  metadataNull: JSON.stringify(record({ metadata: null })),
  metadataArray: JSON.stringify(record({ metadata: [] })),
  noMetadata: JSON.stringify({ ...record(), metadata: undefined }),
  values: JSON.stringify(
    record({
      metadata: { ci: CI, values: { bundle_kb: 12.5 }, value_info: { bundle_kb: { unit: 'KB' } } },
    }),
  ),
  dupName: JSON.stringify(record()).replace('{"name":"unit tests"', '{"name":"first","name":"b"'),
  dupCi: JSON.stringify(record()).replace(
    '"ci":{',
    '"ci":{"sha":"c","job":"j","matrix":{"a":"b"},"pr_number":3},"ci":{',
  ),
  dupSha: JSON.stringify(record()).replace('"sha":"', '"sha":"' + 'd'.repeat(40) + '","sha":"'),
  dupMetadata: JSON.stringify(record()).replace('"error":null', '"metadata":{},"error":null'),
  dupExtra: JSON.stringify({ ...record(), x: 1 }).replace('"x":1', '"x":1,"x":2'),
  escapedKey: JSON.stringify(record()).replace('"name":', '"n\\u0061me":'),
  escapedCiKey: JSON.stringify(record()).replace('"branch":', '"br\\u0061nch":'),
  escapedOtherKey: JSON.stringify({ ...record(), 'x"y': 1 }),
  protoKeys: JSON.stringify(record()).replace('"metadata":{', '"metadata":{"__proto__":{"ci":1},'),
  protoTop: JSON.stringify(record()).replace('{"name"', '{"__proto__":{"name":"p"},"name"'),
  rawTab: JSON.stringify(record()).replace('"unit tests"', '"unit\ttests"'),
  rawControl: JSON.stringify(record()).replace('"npm test"', '"npm\u0001test"'),
  badEscape: JSON.stringify(record()).replace('"npm test"', '"npm\\xtest"'),
  shortUnicode: JSON.stringify(record()).replace('"npm test"', '"npm\\u12"'),
  shortUnicode3: JSON.stringify(record()).replace('"npm test"', '"npm\\u123"'),
  loneSurrogate: JSON.stringify(record()).replace('"npm test"', '"npm\\ud800"'),
  truncated: JSON.stringify(record()).slice(0, 120),
  trailingGarbage: `${JSON.stringify(record())} x`,
  twoRecords: `${JSON.stringify(record())}${JSON.stringify(record({ name: 'second' }))}`,
  tornThenRecord: `{"name": "torn", "start${JSON.stringify(record({ name: 'after torn' }))}`,
  trailingComma: JSON.stringify(record()).replace(/}$/, ',}'),
  innerTrailingComma: JSON.stringify(record()).replace('"exit_code":0', '"exit_code":0,'),
  missingColon: JSON.stringify(record()).replace('"status":', '"status"'),
  emptyObject: '{}',
  array: '[1,2]',
  bare: '"text"',
  blank: '',
  spaces: '   \t ',
  deep: JSON.stringify(record()).replace(
    '"exit_code":0',
    `"deep":${'['.repeat(200)}${']'.repeat(200)}`,
  ),
  deepObject: JSON.stringify(record()).replace(
    '"exit_code":0',
    `"deep":${'{"a":'.repeat(70)}1${'}'.repeat(70)}`,
  ),
  startOffset: JSON.stringify(record({ started_at: `${DAY}T23:30:00-01:00` })),
  startZ: JSON.stringify(record({ started_at: `${DAY}T10:00:00.5Z` })),
  startBad: JSON.stringify(record({ started_at: '2025-02-30T10:00:00' })),
  startText: JSON.stringify(record({ started_at: 'yesterday' })),
  startEscaped: JSON.stringify(record()).replace(`"started_at":"2025`, `"started_at":"\\u00325`),
  endBad: JSON.stringify(record({ ended_at: '2025-10-20T25:00:00' })),
  endNumber: JSON.stringify(record({ ended_at: 5 })),
  literals: JSON.stringify({ ...record(), a: true, b: false, c: null }),
  badLiteral: JSON.stringify(record()).replace('"error":null', '"error":nul'),
  truish: JSON.stringify({ ...record(), a: true }).replace('"a":true', '"a":tru'),
};

describe('RecordScanner: the same history as the parse', () => {
  it('for every kind of line, each alone in a file', async () => {
    for (const [kind, line] of Object.entries(LINES)) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
      writeLines([line]);
      try {
        await expectSameRead();
        await expectSameRead({}, { compact: true });
      } catch (error) {
        throw new Error(`line kind "${kind}": ${(error as Error).message}`);
      }
    }
  });

  it('for all of them in one file, CRLF, a BOM, no final newline, in and out of a window', async () => {
    const lines = Object.values(LINES);
    writeLines(lines);
    const all = await expectSameRead();
    expect(all.history.length).toBeGreaterThan(30);
    expect(all.report.skippedLines).toBeGreaterThan(20);
    fs.writeFileSync(path.join(dir, '2025-10-21.jsonl'), `\ufeff${lines.join('\r\n')}`);
    fs.writeFileSync(path.join(dir, '2025-10-22.jsonl'), lines.reverse().join('\n'));
    await expectSameRead();
    await expectSameRead({ since: Date.parse(`${DAY}T10:00:00.5Z`) });
    await expectSameRead({ until: Date.parse(`${DAY}T10:00:00.2Z`), newestFirst: true });
  });

  it('takes the lines our writer and the Python tool write, and leaves the odd ones', () => {
    const scanner = new RecordScanner();
    const taken = (line: string) => !Number.isNaN(scanner.scan(Buffer.from(`${line}\n`), 0));
    for (const kind of ['plain', 'python', 'spaced', 'reordered', 'cancelled', 'escapedName']) {
      expect(taken(LINES[kind]!), kind).toBe(true);
    }
    for (const kind of ['values', 'dupName', 'escapedKey', 'nan', 'truncated', 'blank']) {
      expect(taken(LINES[kind]!), kind).toBe(false);
    }
    // Never past the line's '\n', whatever follows it.
    const bytes = Buffer.from(`${LINES.truncated}\n${LINES.plain}\n`);
    expect(scanner.scan(bytes, 0)).toBeNaN();
  });

  it('reads started_at and ended_at as parseTimestamp does, form by form', () => {
    const forms = [
      `${DAY}T10:00:00`,
      `${DAY} 10:00:00`,
      `${DAY}T10:00:00.1`,
      `${DAY}T10:00:00.123456789`,
      `${DAY}T10:00:00.1234567890`,
      `${DAY}T10:00:00.`,
      `${DAY}T10:00:00Z`,
      `${DAY}T10:00:00.5Z`,
      `${DAY}T10:00:00ZZ`,
      `${DAY}T10:00:00+02:00`,
      `${DAY}T10:00:00-0130`,
      `${DAY}T10:00:00+2:00`,
      `${DAY}T10:00:00+24:00`,
      `${DAY}T10:00:00+02:60`,
      `${DAY}T10:00:00+02:00:00`,
      `${DAY}T24:00:00`,
      `${DAY}T10:60:00`,
      `${DAY}T10:00:60`,
      '2024-02-29T00:00:00',
      '2025-02-29T00:00:00',
      '1900-02-29T00:00:00',
      '2000-02-29T00:00:00',
      '2025-13-01T00:00:00',
      '2025-00-10T00:00:00',
      '2025-04-31T00:00:00',
      '0001-01-01T00:00:00',
      '2025/10/20T10:00:00',
      `${DAY}X10:00:00`,
      `${DAY}T10-00:00`,
      `${DAY}T10:00`,
      `${DAY}T1a:00:00`,
      `${DAY}T10:00:00é`,
      '',
    ];
    const scanner = new RecordScanner();
    const scan = (line: string) => scanner.scan(Buffer.from(`${line}\n`), 0);
    for (const form of forms) {
      const ms = parseTimestamp(form);
      expect(scan(JSON.stringify(record({ started_at: form }))), form).toBe(ms);
      const ended = scan(JSON.stringify(record({ ended_at: form })));
      expect(Number.isNaN(ended), form).toBe(Number.isNaN(ms));
    }
  });

  it('for lines with random damage (seeded): 3,000 mutations of valid lines', async () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const bases = ['plain', 'python', 'reordered', 'matrix', 'escapedBranch', 'runIdNumber'].map(
      (kind) => LINES[kind]!,
    );
    const significant = [
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '0',
      '-',
      '.',
      'e',
      'n',
      '\t',
    ];
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let line = pick(bases);
      for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
        const at = Math.floor(random() * line.length);
        const what = random();
        const char = random() < 0.8 ? pick(significant) : String.fromCharCode(random() * 128);
        if (what < 0.35) line = line.slice(0, at) + line.slice(at + 1);
        else if (what < 0.7) line = line.slice(0, at) + char + line.slice(at);
        else line = line.slice(0, at) + char + line.slice(at + 1);
      }
      lines.push(line.replace(/\n/g, ''));
    }
    writeLines(lines);
    const { report } = await expectSameRead();
    expect(report.skippedLines).toBeGreaterThan(500);
    expect(report.records).toBeGreaterThan(500);
    // Both ways are exercised: most valid mutants are taken by the scanner, not parsed.
    const scanner = new RecordScanner();
    const taken = lines.filter((l) => !Number.isNaN(scanner.scan(Buffer.from(`${l}\n`), 0)));
    expect(taken.length).toBeGreaterThan(report.records * 0.7);
  });

  it('gives visitors each row with its record (parsed on demand) and its started_at as stored', async () => {
    writeLines([LINES.plain!, LINES.values!, LINES.python!, LINES.startOffset!]);
    for (const scanFromBytes of [0, undefined]) {
      // Scanned (0), and parsed (a small read: below SCAN_FROM_BYTES).
      const seen: { row: number; name: string; startedAt: string; hasValues: boolean }[] = [];
      const { history } = await readHistoryRows(
        dir,
        { onWarning: null },
        (row, source) => {
          seen.push({
            row,
            name: source.record().name,
            startedAt: source.startedAt(),
            hasValues: source.hasValues,
          });
        },
        new ColumnarHistory(),
        scanFromBytes,
      );
      expect(history.length).toBe(4);
      expect(seen).toEqual([
        { row: 0, name: 'unit tests', startedAt: `${DAY}T10:00:00.123456`, hasValues: false },
        { row: 1, name: 'unit tests', startedAt: `${DAY}T10:00:00.123456`, hasValues: true },
        { row: 2, name: 'unit tests', startedAt: `${DAY}T10:00:00.123456`, hasValues: false },
        { row: 3, name: 'unit tests', startedAt: `${DAY}T23:30:00-01:00`, hasValues: false },
      ]);
    }
  });

  it('keeps no view of the read buffer in its texts (a later read cannot change them)', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify(
        record({ name: `step ${i % 7}` }, { ...CI, sha: String(i).padStart(40, '0') }),
      ),
    );
    writeLines(lines);
    const { history } = await expectSameRead();
    expect(history.texts).toContain('0'.repeat(36) + '4999');
    expect(history.text(history.sha[0]!)).toBe('0'.repeat(40));
  });
});
