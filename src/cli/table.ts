/**
 * Aligned plain-text tables for human output: header row, a rule, widths by content, numbers
 * right-aligned. Colour is applied after padding, so escape codes never disturb the alignment.
 */

import { terminalSafe } from './format.js';

export type Tone = 'good' | 'bad' | 'dim';

export interface StyledCell {
  text: string;
  tone?: Tone;
}

export type Cell = string | StyledCell;

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

const TONE_CODES: Record<Tone | 'header', [string, string]> = {
  good: ['\u001b[32m', '\u001b[39m'],
  bad: ['\u001b[31m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  header: ['\u001b[1m', '\u001b[22m'],
};

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Terminal columns a string takes; counts code points so 'µ' or '…' count as one. */
export function displayWidth(text: string): number {
  return [...text].length;
}

export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: { color?: boolean } = {},
): string {
  // Cells often hold stored names and errors: never let them drive the terminal.
  const text = (cell: Cell | undefined): string =>
    terminalSafe(cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text);
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(text(row[i])))),
  );
  const paint = (value: string, tone: Tone | 'header' | undefined): string => {
    if (!options.color || tone === undefined || value === '') return value;
    const [open, close] = TONE_CODES[tone];
    return `${open}${value}${close}`;
  };
  const line = (cells: readonly (Cell | undefined)[], header: boolean): string => {
    const parts = columns.map((column, i) => {
      const cell = cells[i];
      const value = text(cell);
      const pad = ' '.repeat((widths[i] as number) - displayWidth(value));
      const tone = header ? 'header' : typeof cell === 'object' ? cell.tone : undefined;
      const painted = paint(value, tone);
      return column.align === 'right' ? pad + painted : painted + pad;
    });
    return parts.join('  ').trimEnd();
  };
  const headerCells = columns.map((c) => c.header);
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headerCells, true), rule, ...rows.map((row) => line(row, false))].join('\n') + '\n';
}
