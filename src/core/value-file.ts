/**
 * The value file a wrapped command writes to, like GITHUB_OUTPUT: its path is in the environment
 * variable DEV_METRICS_VALUES, and each line is `name=number [unit] [bigger-is-better]`. The CLI
 * and the action create it empty before the command starts and read it after it exits.
 * A line that does not parse is skipped with one warning naming its line number and text: a value
 * never changes the outcome of the command.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { describeValue } from './errors.js';
import { writeNewFile } from './new-file.js';
import { readUpToSync, removeQuietly } from './sync-io.js';
import { parseValueLine, type RunValue } from './values.js';

/** The environment variable naming the value file. */
export const VALUES_ENV = 'DEV_METRICS_VALUES';

/** What a value file holds beyond this is not read (a runaway loop must not fill the record). */
export const MAX_VALUE_FILE_BYTES = 1024 * 1024;
/** At most this many values per run; later lines are skipped with one warning. */
export const MAX_VALUES = 1000;
/** Warnings about single bad lines, at most; then one line saying how many more were skipped. */
const MAX_LINE_WARNINGS = 10;

export interface ValueFileResult {
  values: RunValue[];
  /** One-line warnings, each naming the file, for the caller to print. */
  warnings: string[];
}

/** Parses the text of a value file; `label` names it in warnings. Pure. */
export function parseValueFile(text: string, label: string): ValueFileResult {
  const values: RunValue[] = [];
  const warnings: string[] = [];
  let bad = 0;
  let dropped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const parsed = parseValueLine(line);
    if (parsed === null) return;
    if ('problem' in parsed) {
      bad++;
      if (bad <= MAX_LINE_WARNINGS) {
        warnings.push(
          `${label} line ${index + 1}: ${parsed.problem}; line skipped: ${describeValue(line)}`,
        );
      }
      return;
    }
    if (values.length >= MAX_VALUES) {
      dropped++;
      return;
    }
    values.push(parsed);
  });
  if (bad > MAX_LINE_WARNINGS) {
    warnings.push(`${label}: ${bad - MAX_LINE_WARNINGS} more lines that do not parse skipped`);
  }
  if (dropped > 0) {
    warnings.push(
      `${label}: only the first ${MAX_VALUES} values are kept; ${dropped} more skipped`,
    );
  }
  return { values, warnings };
}

/** Creates an empty value file in `dir` (a temp directory); returns its path. */
export function createValueFile(dir: string): string {
  return writeNewFile(dir, 'dev-metrics-values-', '.txt', '');
}

/**
 * Reads and removes a value file. Never throws: a file the command deleted or made unreadable
 * gives a warning and no values. Synchronous, like createValueFile: it is on every wrapped step's
 * way from its command's end to its record.
 */
export function takeValueFile(file: string, label = VALUES_ENV): ValueFileResult {
  let text: string;
  let truncated = false;
  try {
    const fd = openSync(file, 'r');
    try {
      // As large as the file (usually empty), never more than the limit and one byte.
      const size = Math.min(fstatSync(fd).size, MAX_VALUE_FILE_BYTES) + 1;
      const buffer = Buffer.alloc(size);
      const bytesRead = readUpToSync(fd, buffer, size, 0);
      truncated = bytesRead > MAX_VALUE_FILE_BYTES;
      let end = Math.min(bytesRead, MAX_VALUE_FILE_BYTES);
      // Cut at the last whole line, so no half-written value is read.
      if (truncated) end = buffer.lastIndexOf(0x0a, end - 1) + 1;
      text = buffer.subarray(0, end).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      values: [],
      warnings: [
        `${label} (${file}) could not be read (${code}); no values recorded from it — write values with e.g. echo "size_kb=512 KB" >> "$${VALUES_ENV}"`,
      ],
    };
  } finally {
    removeQuietly(file);
  }
  const result = parseValueFile(text, label);
  if (truncated) {
    result.warnings.push(
      `${label}: only its first ${MAX_VALUE_FILE_BYTES} bytes are read; write fewer lines`,
    );
  }
  return result;
}
