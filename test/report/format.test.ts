import { describe, expect, it } from 'vitest';
import {
  formatChangePercent,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatValue,
  changeDirectionWord,
  verdictLabel,
  verdictWord,
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

describe('formatValue', () => {
  it.each([
    [512, 'KB', '512 KB'],
    [1200, 'tokens', '1,200 tokens'],
    [1234.5, undefined, '1,235'],
    [1_234_567, 'B', '1,234,567 B'],
    [1.23e9, undefined, '1.23e9'],
    [1e9, 'ops/s', '1e9 ops/s'],
    [-4.56e12, undefined, '-4.56e12'],
    [0.0012, 'USD', '0.0012 USD'],
    [0.00123456, 'USD', '0.00123 USD'],
    [1.5e-7, 's', '1.5e-7 s'],
    [12.345, 's', '12.35 s'],
    [123.456, undefined, '123.5'],
    [9.9996, undefined, '10'],
    [999.96, undefined, '1,000'],
    [1.5, undefined, '1.5'],
    [2, undefined, '2'],
    [-3.25, 'KB', '-3.25 KB'],
    [0, 'errors', '0 errors'],
    [85.5, '%', '85.5%'],
    [null, 'KB', '—'],
    [Number.NaN, 'KB', '—'],
    [Infinity, undefined, '—'],
  ])('%s %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('direction wording', () => {
  it('says better/worse for values where durations say faster/slower', () => {
    expect(verdictWord('slower')).toBe('slower');
    expect(verdictWord('slower', 'value')).toBe('worse');
    expect(verdictWord('faster', 'value')).toBe('better');
    expect(verdictWord('no change', 'value')).toBe('same');
    expect(verdictLabel('slower', 'value')).toBe('👎 worse');
    expect(verdictLabel('faster', 'value')).toBe('👍 better');
    expect(verdictLabel('faster')).toBe('🚀 faster');
  });

  it('reads a change in the value own direction', () => {
    // A bigger-is-better value that drops 20% got worse; a smaller-is-better one got better.
    expect(changeDirectionWord(-20, 'bigger')).toBe('worse');
    expect(changeDirectionWord(-20, 'smaller')).toBe('better');
    expect(changeDirectionWord(5, 'bigger')).toBe('better');
    expect(changeDirectionWord(5, 'smaller')).toBe('worse');
    expect(changeDirectionWord(0, 'smaller')).toBe('same');
    expect(changeDirectionWord(null, 'smaller')).toBe('—');
  });
});
