import { describe, expect, it } from 'vitest';
import { DevMetricsError } from '../../src/core/errors.js';
import {
  RECORD_KEYS,
  dayFileName,
  formatTimestamp,
  parseRecord,
  parseTimestamp,
  recordProblem,
  serializeRecord,
  validRecordStartMs,
  type ExecutionRecord,
} from '../../src/core/record.js';

const sample: ExecutionRecord = {
  name: 'unit-tests',
  started_at: '2025-10-20T10:30:05.123000',
  ended_at: '2025-10-20T10:30:06.623000',
  duration_ms: 1500,
  status: 'success',
  metadata: { branch: 'main', ci: { provider: 'github-actions', run_attempt: 1 } },
  error: null,
};

describe('formatTimestamp', () => {
  it('writes Python isoformat: UTC, no offset, 6 fraction digits', () => {
    expect(formatTimestamp(new Date('2025-10-20T10:30:05.123Z'))).toBe(
      '2025-10-20T10:30:05.123000',
    );
    expect(formatTimestamp(new Date('2025-01-02T03:04:05.007Z'))).toBe(
      '2025-01-02T03:04:05.007000',
    );
  });

  it('omits the fraction when it is zero, as Python does', () => {
    expect(formatTimestamp(new Date('2025-10-20T10:30:05.000Z'))).toBe('2025-10-20T10:30:05');
    expect(formatTimestamp(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00');
  });

  it('keeps microseconds given as fractional epoch milliseconds', () => {
    expect(formatTimestamp(Date.UTC(2025, 9, 20, 10, 30, 5) + 123.456)).toBe(
      '2025-10-20T10:30:05.123456',
    );
    expect(formatTimestamp(Date.UTC(2025, 9, 20, 10, 30, 5) + 0.001)).toBe(
      '2025-10-20T10:30:05.000001',
    );
    // Rounding up to the next second carries into the seconds field.
    expect(formatTimestamp(Date.UTC(2025, 9, 20, 23, 59, 59) + 999.9999)).toBe(
      '2025-10-21T00:00:00',
    );
  });

  it('rejects an invalid date with a DevMetricsError', () => {
    expect(() => formatTimestamp(new Date('nope'))).toThrow(DevMetricsError);
    expect(() => formatTimestamp(NaN)).toThrow(/valid Date/);
  });
});

describe('parseTimestamp', () => {
  const at = Date.UTC(2025, 9, 20, 10, 30, 5, 123);

  it('reads the Python form as UTC', () => {
    expect(parseTimestamp('2025-10-20T10:30:05.123000')).toBe(at);
    expect(parseTimestamp('2025-10-20T10:30:05')).toBe(at - 123);
  });

  it('reads Z and offsets', () => {
    expect(parseTimestamp('2025-10-20T10:30:05.123Z')).toBe(at);
    expect(parseTimestamp('2025-10-20T12:30:05.123+02:00')).toBe(at);
    expect(parseTimestamp('2025-10-20T05:00:05.123-05:30')).toBe(at);
    expect(parseTimestamp('2025-10-20T05:00:05.123-0530')).toBe(at);
    expect(parseTimestamp('2025-10-21T00:30:05.123+14:00')).toBe(at);
  });

  it('reads 1 to 9 fraction digits', () => {
    expect(parseTimestamp('2025-10-20T10:30:05.1')).toBe(at - 23);
    expect(parseTimestamp('2025-10-20T10:30:05.123')).toBe(at);
    expect(parseTimestamp('2025-10-20T10:30:05.123456')).toBeCloseTo(at + 0.456, 6);
    expect(parseTimestamp('2025-10-20T10:30:05.123456789Z')).toBeCloseTo(at + 0.456789, 6);
    expect(parseTimestamp('2025-10-20T10:30:05.1234567891')).toBeNaN();
  });

  it('round-trips with formatTimestamp, zero fraction included', () => {
    for (const text of [
      '2025-10-20T10:30:05.123000',
      '2025-10-20T10:30:05',
      '2025-10-20T10:30:05.000001',
      '2024-02-29T23:59:59.999999',
      '1999-12-31T00:00:00.500000',
    ]) {
      expect(formatTimestamp(parseTimestamp(text))).toBe(text);
    }
    for (const date of [new Date(at), new Date(Date.UTC(2025, 0, 1)), new Date(0)]) {
      expect(parseTimestamp(formatTimestamp(date))).toBe(date.getTime());
    }
    // Z / offset inputs come back in the Python form.
    expect(formatTimestamp(parseTimestamp('2025-10-20T12:30:05+02:00'))).toBe(
      '2025-10-20T10:30:05',
    );
  });

  it('returns NaN for anything else', () => {
    for (const text of [
      '',
      'yesterday',
      '2025-10-20',
      '2025-10-20_10:30:05', // a space is fine (Python's str(datetime)): python-str-datetime.test.ts
      '2025-13-01T00:00:00',
      '2025-02-29T00:00:00',
      '2025-04-31T00:00:00',
      '2025-10-20T24:00:00',
      '2025-10-20T10:60:00',
      '2025-10-20T10:30:05.',
      '2025-10-20T10:30:05+2:00',
      '2025-10-20T10:30:05+02:00:00',
      '2025-10-20T10:30:05ZZ',
      ' 2025-10-20T10:30:05',
    ]) {
      expect(parseTimestamp(text), text).toBeNaN();
    }
    expect(parseTimestamp(12 as unknown as string)).toBeNaN();
  });

  it('agrees with a Date.UTC reading on every date, whatever dates came before (the day cache)', () => {
    // parseTimestamp keeps the last valid date's day count; a sequence that revisits dates,
    // crosses months and leap days, and mixes invalid dates in must give each text its own value.
    // The oracle: the fields through Date.UTC, valid when they come back unchanged (Date.parse
    // itself is no oracle: V8 reads 2023-02-29 as March 1).
    const oracle = (text: string): number => {
      const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(text);
      if (m === null) return NaN;
      const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const date = new Date(0);
      date.setUTCFullYear(y, mo - 1, d);
      date.setUTCHours(h, mi, s, 0);
      const same =
        date.getUTCFullYear() === y &&
        date.getUTCMonth() === mo - 1 &&
        date.getUTCDate() === d &&
        date.getUTCHours() === h &&
        date.getUTCMinutes() === mi &&
        date.getUTCSeconds() === s;
      return same ? date.getTime() + Number((m[7] ?? '').padEnd(9, '0')) / 1e6 : NaN;
    };
    const dates = [
      '2024-02-29',
      '2023-02-29', // not a leap year: invalid right after a valid Feb 29
      '2024-02-29',
      '2000-02-29',
      '1900-02-29', // not a leap year
      '2025-12-31',
      '2026-01-01',
      '2025-04-31',
      '2025-04-30',
      '0000-01-01',
      '0099-03-01',
      '9999-12-31',
      '2025-00-10',
      '2025-10-00',
      '2025-1a-10',
      '2025-10-20',
    ];
    const times = ['T00:00:00', 'T23:59:59.999999', ' 10:30:05.1', 'T10:30:05.123456', 'T23:60:00'];
    let valid = 0;
    for (let round = 0; round < 2; round++) {
      for (const date of dates) {
        for (const time of times) {
          const text = date + time;
          const expected = oracle(text);
          if (Number.isNaN(expected)) expect(parseTimestamp(text), text).toBeNaN();
          else expect(parseTimestamp(text), text).toBe(expected);
          if (!Number.isNaN(expected)) valid++;
        }
      }
    }
    expect(valid).toBe(2 * 10 * 4);
  });
});

describe('dayFileName', () => {
  it('names the file after the UTC date of started_at', () => {
    expect(dayFileName('2025-10-20T10:30:05.123000')).toBe('2025-10-20.jsonl');
    expect(dayFileName('2025-10-20T23:30:00-02:00')).toBe('2025-10-21.jsonl');
    expect(dayFileName(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01.jsonl');
    expect(dayFileName(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29.jsonl');
  });

  it('rejects a started_at that is not a timestamp', () => {
    expect(() => dayFileName('20/10/2025')).toThrow(DevMetricsError);
  });
});

describe('serializeRecord / parseRecord', () => {
  it('writes one line with the keys in RECORD_KEYS order', () => {
    const shuffled = {
      error: null,
      metadata: sample.metadata,
      status: 'success',
      duration_ms: 1500,
      ended_at: sample.ended_at,
      started_at: sample.started_at,
      name: 'unit-tests',
    } as const;
    const line = serializeRecord(shuffled);
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual([...RECORD_KEYS]);
    expect(line.startsWith('{"name":"unit-tests","started_at":"2025-10-20T10:30:05.123000"')).toBe(
      true,
    );
  });

  it('round-trips a record', () => {
    expect(parseRecord(serializeRecord(sample))).toEqual(sample);
    expect(parseRecord(sample)).toEqual(sample);
  });

  it('drops extra top-level keys and returns keys in file order', () => {
    const parsed = parseRecord({ extra: 1, ...sample });
    expect(parsed).toEqual(sample);
    expect(Object.keys(parsed!)).toEqual([...RECORD_KEYS]);
  });

  it('accepts Z, offsets and error strings', () => {
    const r = parseRecord({
      ...sample,
      started_at: '2025-10-20T10:30:05Z',
      ended_at: '2025-10-20T12:30:06+02:00',
      status: 'failed',
      error: 'boom',
    });
    expect(r?.status).toBe('failed');
    expect(r?.error).toBe('boom');
  });

  it('is strict about types', () => {
    const bad: Array<[string, unknown]> = [
      ['not json', '{"name": '],
      ['array', [sample]],
      ['null', null],
      ['empty name', { ...sample, name: '' }],
      ['numeric name', { ...sample, name: 3 }],
      ['bad started_at', { ...sample, started_at: '20/10/2025' }],
      ['missing ended_at', { ...sample, ended_at: undefined }],
      ['string duration', { ...sample, duration_ms: '1500' }],
      ['negative duration', { ...sample, duration_ms: -1 }],
      ['infinite duration', { ...sample, duration_ms: Infinity }],
      ['NaN duration', { ...sample, duration_ms: NaN }],
      ['bad status', { ...sample, status: 'ok' }],
      ['array metadata', { ...sample, metadata: [] }],
      ['null metadata', { ...sample, metadata: null }],
      ['date metadata', { ...sample, metadata: new Date() }],
      ['numeric error', { ...sample, error: 1 }],
      // A missing error is read as null (the Python tool omits it): python-str-datetime.test.ts
    ];
    for (const [label, value] of bad) {
      expect(parseRecord(value), label).toBeNull();
      if (typeof value !== 'string') {
        expect(recordProblem(value), label).not.toBeNull();
        expect(validRecordStartMs(value), label).toBeNaN();
      }
    }
    expect(recordProblem(sample)).toBeNull();
    expect(validRecordStartMs(sample)).toBe(parseTimestamp(sample.started_at));
  });

  it('refuses to write what the reader would skip', () => {
    expect(() => serializeRecord({ ...sample, status: 'ok' as 'success' })).toThrow(
      /status is not "success" or "failed"/,
    );
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => serializeRecord({ ...sample, metadata: circular })).toThrow(DevMetricsError);
  });
});
