/**
 * JSON.stringify that survives any nesting depth. Metadata read from a day file can nest deeper
 * than the call stack (JSON.parse is iterative, JSON.stringify is not: 100,000 levels throw
 * "Maximum call stack size exceeded"). The native call stays the fast path; only when it runs out
 * of stack does an iterative writer with the same output for JSON data take over.
 */

type Frame = {
  /** Keys of an object, or null for an array. */
  keys: string[] | null;
  container: Record<string, unknown> | unknown[];
  next: number;
  /** Indentation of the container's own line; members go one step deeper. */
  indent: string;
  /** Nesting depth of the container (the root is 0). */
  depth: number;
  /** Whether a member was written (decides the comma and the closing line break). */
  wrote: boolean;
};

/**
 * Indented output stops indenting below this depth (those members are written compact, still valid
 * JSON): indenting 100,000 levels would take 10^10 characters of spaces.
 */
const MAX_INDENTED_DEPTH = 100;

/**
 * JSON text of `value` (plain JSON data: what a day file holds), like
 * JSON.stringify(value, null, space), whatever its depth.
 */
export function stringifyJson(value: unknown, space?: number): string {
  try {
    return JSON.stringify(value, null, space);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return stringifyIteratively(value, space === undefined ? '' : ' '.repeat(Math.min(10, space)));
}

/** What a member's value becomes, as JSON.stringify decides it (toJSON, then type). */
function prepare(value: unknown, key: string): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

/** A scalar's JSON text, or undefined for what JSON leaves out (undefined, functions, symbols). */
function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value); // throws the native TypeError
    default:
      return value === null ? 'null' : undefined;
  }
}

function stringifyIteratively(root: unknown, step: string): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const seen = new Set<object>();

  /** Writes a scalar, or opens a container (pushing its frame); false when nothing is written. */
  const open = (value: unknown, indent: string, depth: number): boolean => {
    if (typeof value !== 'object' || value === null) {
      const text = scalarText(value);
      if (text === undefined) return false;
      out.push(text);
      return true;
    }
    if (seen.has(value)) throw new TypeError('Converting circular structure to JSON');
    seen.add(value);
    const isArray = Array.isArray(value);
    out.push(isArray ? '[' : '{');
    stack.push({
      keys: isArray ? null : Object.keys(value),
      container: value as Record<string, unknown>,
      next: 0,
      indent,
      depth,
      wrote: false,
    });
    return true;
  };

  const top = open(prepare(root, ''), '', 0);
  if (!top) return undefined as unknown as string; // as JSON.stringify(undefined)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const pretty = step !== '' && frame.depth < MAX_INDENTED_DEPTH;
    const newline = pretty ? '\n' : '';
    const inner = pretty ? frame.indent + step : '';
    const length = frame.keys === null ? (frame.container as unknown[]).length : frame.keys.length;
    if (frame.next >= length) {
      stack.pop();
      seen.delete(frame.container);
      if (frame.wrote && pretty) out.push(`\n${frame.indent}`);
      out.push(frame.keys === null ? ']' : '}');
      continue;
    }
    const index = frame.next++;
    const key = frame.keys === null ? String(index) : frame.keys[index]!;
    const value = prepare((frame.container as Record<string, unknown>)[key], key);
    const separator = (frame.wrote ? ',' : '') + newline + inner;
    if (frame.keys === null) {
      out.push(separator);
      if (!open(value, inner, frame.depth + 1)) out.push('null');
      frame.wrote = true;
    } else {
      const mark = out.length;
      out.push(separator + JSON.stringify(key) + (pretty ? ': ' : ':'));
      if (open(value, inner, frame.depth + 1)) frame.wrote = true;
      else out.length = mark; // undefined, a function: the key is left out
    }
  }
  return out.join('');
}
