import { describe, expect, it } from 'vitest';
import {
  formatChangePercent,
  formatDuration,
  formatPercent,
  formatTimestamp,
  verdictLabel,
} from '../../src/report/format.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.42, '0.42 ms'],
    [850, '850 ms'],
    [999.4, '999 ms'],
    [999.6, '1.0 s'],
    [1234, '1.2 s'],
    [42_000, '42.0 s'],
    [59_960, '1 min 00 s'],
    [184_000, '3 min 04 s'],
    [3_599_600, '1 h 00 min'],
    [3_720_000, '1 h 02 min'],
    [null, '—'],
    [Number.NaN, '—'],
    [-5, '—'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('percentages', () => {
  it('formats signed changes and shares', () => {
    expect(formatChangePercent(12.345)).toBe('+12.3%');
    expect(formatChangePercent(-4)).toBe('-4.0%');
    expect(formatChangePercent(0.01)).toBe('0.0%');
    expect(formatChangePercent(null)).toBe('—');
    expect(formatPercent(98.5)).toBe('98.5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('labels and times', () => {
  it('names verdicts as the issue does', () => {
    expect(verdictLabel('no change')).toBe('➖ same');
    expect(verdictLabel('slower')).toBe('🐢 slower');
  });

  it('reads record timestamps as UTC', () => {
    expect(formatTimestamp('2025-10-20T10:30:05.123000')).toBe('2025-10-20 10:30 UTC');
    expect(formatTimestamp('2025-10-20T12:30:05+02:00')).toBe('2025-10-20 10:30 UTC');
    expect(formatTimestamp('garbage')).toBe('—');
  });
});
