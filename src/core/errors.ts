/**
 * The one error type the library throws for caller mistakes (bad argument, unknown id, invalid
 * record). Its message is a single line naming the argument and the fix, so the CLI and the Action
 * can print it as is, without a stack trace.
 */
export class DevMetricsError extends Error {
  override readonly name = 'DevMetricsError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Checks a count-of-days-like argument: a non-negative integer, or a one-line error naming it. */
export function requireNonNegativeInteger(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DevMetricsError(
      `${argument} must be a whole number >= 0, got ${describeValue(value)}; pass e.g. 7`,
    );
  }
  return value;
}

/** A short, safe rendering of a bad argument for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
