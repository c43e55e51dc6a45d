// The CLI's pure parts: argument parsing, tables, human formats, and how outcomes become records.
import { describe, expect, it } from 'vitest';
import {
  UsageError,
  parseCommandArgs,
  parseWholeNumber,
  type CommandSpec,
} from '../../src/cli/args.js';
import { formatDuration, formatStoredTime, truncateLine } from '../../src/cli/format.js';
import { judgeOutcome } from '../../src/cli/run.js';
import { renderTable, shouldUseColor } from '../../src/cli/table.js';

const RUN: CommandSpec = {
  name: 'run',
  summary: '',
  synopsis: '',
  options: { metadata: { type: 'string', value: 'JSON', description: '' } },
  positionals: [{ name: 'NAME', required: true, description: '' }],
  passthrough: true,
};

describe('parseCommandArgs', () => {
  it('hands everything after -- to the wrapped command untouched', () => {
    const parsed = parseCommandArgs(RUN, [
      'x',
      '--metadata={"a":1}',
      '--',
      'npm',
      '--json',
      '--',
      '-h',
    ]);
    expect(parsed).toEqual({
      options: { metadata: '{"a":1}' },
      positionals: ['x'],
      rest: ['npm', '--json', '--', '-h'],
      lists: {},
    });
  });

  it('keeps every value of a repeatable option, in order (run --value)', () => {
    const spec: CommandSpec = {
      ...RUN,
      options: {
        ...RUN.options,
        value: { type: 'string', description: '', repeatable: true },
      },
    };
    const parsed = parseCommandArgs(spec, ['x', '--value', 'a=1', '--value=b=2 KB', '--', 'true']);
    expect(parsed.lists).toEqual({ value: ['a=1', 'b=2 KB'] });
    expect(() =>
      parseCommandArgs(RUN, ['x', '--metadata', '{}', '--metadata', '{}', '--', 'true']),
    ).toThrow('--metadata is given more than once');
  });

  it('keeps global options given before the command and refuses them twice', () => {
    const parsed = parseCommandArgs(RUN, ['x', '--', 'true'], { json: true });
    expect(parsed.options).toEqual({ json: true });
    expect(() => parseCommandArgs(RUN, ['x', '--json', '--', 'true'], { json: true })).toThrow(
      '--json is given more than once',
    );
  });

  it('names the command in its errors, so usage can follow', () => {
    try {
      parseCommandArgs(RUN, ['x', '--metdata', '{}', '--', 'true']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).command).toBe('run');
      expect((error as Error).message).toBe(
        "unknown option '--metdata' for 'run' (did you mean --metadata?)",
      );
    }
  });

  it('parses whole numbers strictly', () => {
    expect(parseWholeNumber('--days', '30', 1)).toBe(30);
    for (const bad of ['', ' 3', '3.0', '1e3', '0x10', '-1', '99999999999999999999']) {
      expect(() => parseWholeNumber('--days', bad, 1)).toThrow(
        `--days must be a whole number ≥ 1, got '${bad}'`,
      );
    }
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [849.6, '850 ms'],
    [999.4, '999 ms'],
    [999.6, '1.00 s'],
    [1234, '1.23 s'],
    [59_994, '59.99 s'],
    [59_996, '1 min 00 s'],
    [125_000, '2 min 05 s'],
    [3_599_400, '59 min 59 s'],
    [3_725_000, '1 h 02 min'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formats', () => {
  it('shows stored timestamps in UTC, whatever form they were written in', () => {
    expect(formatStoredTime('2025-10-20T10:30:05.123000')).toBe('2025-10-20 10:30:05');
    expect(formatStoredTime('2025-10-20T12:30:05+02:00')).toBe('2025-10-20 10:30:05');
    expect(formatStoredTime('garbage')).toBe('garbage');
  });

  it('cuts errors to one line', () => {
    expect(truncateLine('a\nb', 10)).toBe('a ⏎ b');
    expect(truncateLine('abcdefghijkl', 5)).toBe('abcd…');
  });
});

describe('renderTable', () => {
  const columns = [{ header: 'name' }, { header: 'n', align: 'right' as const }];
  const rows = [
    ['µs-op', { text: '1', tone: 'good' as const }],
    ['b', '1000'],
  ];

  it('aligns by content, right-aligning numbers, with no trailing spaces', () => {
    expect(renderTable(columns, rows)).toBe('name      n\n-----  ----\nµs-op     1\nb      1000\n');
  });

  it('colours after padding, so alignment survives escape codes', () => {
    const coloured = renderTable(columns, rows, { color: true });
    expect(coloured).toContain('\u001b[32m1\u001b[39m');
    const plain = coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '');
    expect(plain).toBe(renderTable(columns, rows));
  });

  it('uses colour only on a terminal without NO_COLOR', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('judgeOutcome', () => {
  it('follows shell conventions for exit codes', () => {
    expect(judgeOutcome('npm', { kind: 'exited', code: 0, interruptedBy: null })).toEqual({
      status: 'success',
      error: null,
      exitCode: 0,
    });
    expect(
      judgeOutcome('npm', { kind: 'killed', signal: 'SIGTERM', interruptedBy: 'SIGTERM' }),
    ).toEqual({ status: 'failed', error: 'killed by SIGTERM', exitCode: 143 });
    expect(
      judgeOutcome('./x.sh', { kind: 'not-started', reason: 'not-executable', message: 'EACCES' }),
    ).toEqual({ status: 'failed', error: 'command not executable: ./x.sh', exitCode: 126 });
  });
});
