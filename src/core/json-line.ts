/**
 * Parsing one line of a day file as other writers leave it. JSON.parse does the work; only when it
 * fails does the line get a second look, for what the Python tool and editors write that strict
 * JSON refuses: a UTF-8 byte-order mark, and bare `NaN`, `Infinity`, `-Infinity` (Python's
 * json.dumps default). CRLF needs nothing: '\r' is JSON whitespace.
 */

const BOM = 0xfeff;

/** What parseJsonLine returns for a line with nothing on it (not a record, not malformed). */
export const BLANK_LINE: unique symbol = Symbol('blank line');

const NON_FINITE = [
  ['-Infinity', -Infinity],
  ['Infinity', Infinity],
  ['NaN', NaN],
] as const;

/**
 * The parsed value of a JSON line, BLANK_LINE for an empty or whitespace-only line, or undefined
 * when the line is unreadable. Never throws; iterative, so any nesting depth is safe.
 */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    // fall through to the second look: the strict parse is the hot path
  }
  const text = line.charCodeAt(0) === BOM ? line.slice(1) : line;
  if (text.trim().length === 0) return BLANK_LINE;
  if (text !== line) {
    try {
      return JSON.parse(text);
    } catch {
      // a BOM and NaN together: go on
    }
  }
  return parseWithNonFinite(text);
}

/**
 * JSON.parse for a line with bare NaN/Infinity/-Infinity tokens: a tokenizer that knows where
 * strings are swaps each bare token (never text inside a string) for a sentinel string, JSON.parse
 * reads the result, and a walk puts the numbers back. A string of the line that happens to equal
 * the sentinel shows up as an extra hit; then another sentinel is tried.
 */
function parseWithNonFinite(text: string): unknown {
  if (!text.includes('NaN') && !text.includes('Infinity')) return undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const sentinel = `\u0000dev-metrics-non-finite-${attempt}-`;
    const rewritten = replaceBareTokens(text, sentinel);
    if (rewritten === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(rewritten.text);
    } catch {
      return undefined;
    }
    const restored = restoreNonFinite(value, sentinel);
    if (restored === 'invalid') return undefined;
    if (restored === rewritten.count) return value;
    // A string of the line equals a sentinel: try another.
  }
  return undefined;
}

/** The line with each bare non-finite token replaced by the string sentinel + index; null if none. */
function replaceBareTokens(text: string, sentinel: string): { text: string; count: number } | null {
  let out = '';
  let last = 0;
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 78 /* N */ || c === 73 /* I */ || c === 45 /* - */) {
      const index = NON_FINITE.findIndex(([token]) => text.startsWith(token, i));
      if (index !== -1) {
        out += text.slice(last, i) + JSON.stringify(`${sentinel}${index}`);
        i += NON_FINITE[index]![0].length;
        last = i;
        count++;
        continue;
      }
    }
    i++;
  }
  return count === 0 ? null : { text: out + text.slice(last), count };
}

/**
 * Replaces sentinel strings in objects and arrays (in place) by their numbers; returns how many, or
 * 'invalid' when a sentinel is a key (the line had a bare NaN where a key goes). Explicit stack:
 * metadata may nest deeper than the call stack.
 */
function restoreNonFinite(root: unknown, sentinel: string): number | 'invalid' {
  const decode = (v: unknown): number | undefined => {
    if (typeof v !== 'string' || !v.startsWith(sentinel)) return undefined;
    const entry = NON_FINITE[Number(v.slice(sentinel.length))];
    return entry === undefined || v.length !== sentinel.length + 1 ? undefined : entry[1];
  };
  const top = decode(root);
  if (top !== undefined) return 1; // a bare NaN line is not a record; counted all the same
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      if (decode(key) !== undefined) return 'invalid';
      const child = container[key];
      const number = decode(child);
      if (number !== undefined) {
        // defineProperty: a plain assignment to a "__proto__" key would hit the setter.
        Object.defineProperty(container, key, { value: number });
        count++;
      } else if (typeof child === 'object' && child !== null) {
        stack.push(child);
      }
    }
  }
  return count;
}
