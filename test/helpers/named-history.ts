// Day files for reads by name: every name next to names it is a prefix of or that need escaping,
// other steps' lines mentioning them, and the odd lines writers leave (torn, malformed, BOM, CRLF).
import fs from 'node:fs';
import path from 'node:path';
import { serializeRecord, type ExecutionRecord } from '../../src/core/record.js';

export function rec(name: string, startedAt: string, metadata: Record<string, unknown> = {}) {
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

export const NAMES = [
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
export function writeNamedHistory(dir: string): void {
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
