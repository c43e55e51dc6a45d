import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  redactSecrets,
  sanitizeErrorText,
  secretValuesFromEnv,
  truncateError,
} from '../../src/core/redact.js';

// Built at run time so that no secret-shaped literal sits in the repository (scanners).
const gh = (prefix: string) => `${prefix}${'A1b2C3d4E5'.repeat(4)}`;
const AWS_ID = `AKIA${'IOSFODNN7EXAMPLE'}`;
const AWS_SECRET = `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`;
const JWT = [
  'eyJhbGciOiJIUzI1NiJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
].join('.');

describe('redactSecrets', () => {
  it.each([
    ['classic PAT', `push failed for ${gh('ghp_')} oops`, gh('ghp_')],
    ['OAuth token', `t=${gh('gho_')}`, gh('gho_')],
    ['user-to-server token', gh('ghu_'), gh('ghu_')],
    ['installation token', `x ${gh('ghs_')} y`, gh('ghs_')],
    ['refresh token', gh('ghr_'), gh('ghr_')],
    ['fine-grained PAT', `github_pat_11ABCDEFG0_${'x'.repeat(40)}`, `11ABCDEFG0_${'x'.repeat(40)}`],
    ['Bearer value', 'curl -H "Authorization: Bearer abc.def-123_XYZ"', 'abc.def-123_XYZ'],
    ['Bearer in prose', 'sent Bearer sk123456789abcdef to server', 'sk123456789abcdef'],
    [
      'token scheme',
      `GET /user with header token 0123456789abcdefABCDEF`,
      '0123456789abcdefABCDEF',
    ],
    ['AWS access key id', `aws configure set id ${AWS_ID}`, AWS_ID],
    ['AWS secret assignment', `aws_secret_access_key=${AWS_SECRET}`, AWS_SECRET],
    ['AWS secret env', `AWS_SECRET_ACCESS_KEY: "${AWS_SECRET}"`, AWS_SECRET],
    ['URL password', 'fatal: https://deploy:hunter2pass@git.example.com/repo.git', 'hunter2pass'],
    ['URL token password', `https://x-access-token:${gh('ghs_')}@github.com/o/r`, gh('ghs_')],
    ['password=', 'mysql --password=s3cr3t! -h db', 's3cr3t!'],
    ['secret: in YAML', 'client_secret: abcdef123456', 'abcdef123456'],
    ['api_key in JSON', '{"api_key": "k-123456"}', 'k-123456'],
    ['apiKey in query', 'GET /v1?apiKey=zzz999&x=1', 'zzz999'],
    ['JWT', `cookie: session=${JWT}`, JWT],
  ])('redacts a %s', (_label, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each([
    [
      'URL with an empty user',
      'redis://:secretpass@cache.internal:6379/0',
      'redis://:***@cache.internal:6379/0',
    ],
    ['URL password holding "@"', 'https://user:p@ss@host/', 'https://user:***@host/'],
    [
      'URL password holding "@" and ":"',
      'git clone https://me:a:b@c@git.example.com x',
      'git clone https://me:***@git.example.com x',
    ],
    [
      'quoted password with spaces',
      '{"password": "hunter2 with spaces", "user": "bob"}',
      '{"password": "***", "user": "bob"}',
    ],
    [
      'single-quoted secret with spaces',
      "client_secret = 'two words'; next",
      "client_secret = '***'; next",
    ],
    ['quoted value with an escaped quote', '{"password": "a\\"b c"}', '{"password": "***"}'],
    ['GitHub token followed by "_"', `${gh('ghp_')}_extra`, '***_extra'],
    ['GitHub token after "_"', `FOO_${gh('ghp_')}`, 'FOO_***'],
    ['AWS key id followed by "_"', `${AWS_ID}_prod`, '***_prod'],
    ['npm token followed by "_"', `npm_${'a1B2c3'.repeat(6)}_x`, '***_x'],
    [
      'aws_secret_access_key with spaces',
      `aws_secret_access_key = ${AWS_SECRET}`,
      'aws_secret_access_key = ***',
    ],
    ['"secret key:" prose', `secret key: ${AWS_SECRET}`, 'secret key: ***'],
    [
      'AWS_SECRET_ACCESS_KEY=',
      `AWS_SECRET_ACCESS_KEY=${AWS_SECRET} aws s3 ls`,
      'AWS_SECRET_ACCESS_KEY=*** aws s3 ls',
    ],
    [
      'aws configure prompt',
      `AWS Secret Access Key [None]: ${AWS_SECRET}`,
      'AWS Secret Access Key [None]: ***',
    ],
  ])('redacts a %s exactly', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves bare 40-character strings (commit shas, hashes) alone', () => {
    const text = `HEAD is ${'0123456789abcdef0123'.repeat(2)}; blob ${AWS_SECRET} ok`;
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts a whole private key block, and one cut off either end', () => {
    const body = Array.from({ length: 8 }, (_, i) => `MIIEow${String(i).repeat(58)}`).join('\n');
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    for (const text of [
      `before\n${block}\nafter`,
      `before\n${block.slice(0, 200)}`, // END cut off
      `${block.slice(block.indexOf('\n') + 1)}\nafter`, // BEGIN cut off
    ]) {
      const out = redactSecrets(text);
      expect(out).not.toMatch(/MIIEow/);
      expect(out).toContain(REDACTED);
    }
    expect(redactSecrets(`before\n${block}\nafter`)).toMatch(/^before\n.*\nafter$/);
  });

  it('redacts literal known secrets, longest first', () => {
    expect(
      redactSecrets('a pw=xy12 and abcdef1234 and abcdef', ['abcdef', 'abcdef1234', 'ab']),
    ).toBe('a pw=xy12 and *** and ***');
  });

  it('leaves ordinary text alone', () => {
    const text =
      'FAIL src/token.test.ts > token expired after 5 s\nexpected 3 passwords to match\nAKIA is a prefix';
    expect(redactSecrets(text)).toBe(text);
  });

  it('stays fast on hostile input (no catastrophic backtracking)', () => {
    const hostile = [
      'a.'.repeat(200_000),
      'A'.repeat(400_000) + '\n',
      `${'QUFB'.repeat(16)}\n`.repeat(20_000),
      'password="'.repeat(40_000),
      `https://u:${'@'.repeat(400_000)}`,
      `${'secret key: '.repeat(30_000)}\n`,
      `"token": "${'\\'.repeat(400_000)}`,
    ];
    const start = performance.now();
    for (const text of hostile) redactSecrets(text);
    expect(performance.now() - start).toBeLessThan(10_000); // no catastrophic backtracking (minutes)
  });
});

describe('truncateError', () => {
  it('keeps the end within the limit and says how much was omitted', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const out = truncateError(lines, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).toMatch(/^… \((\d+) characters omitted\)\n/);
    expect(out.endsWith('line 999')).toBe(true);
    const omitted = Number(/\((\d+) characters/.exec(out)?.[1]);
    expect(lines.slice(omitted)).toBe(out.slice(out.indexOf('\n') + 1));
    // the kept part starts at a line start
    expect(out.split('\n')[1]).toMatch(/^line \d+$/);
  });

  it('returns short text unchanged and never splits a surrogate pair', () => {
    expect(truncateError('short', 100)).toBe('short');
    const out = truncateError('😀'.repeat(500), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.split('\n')[1]).toMatch(/^(?:😀)+$/u);
  });

  it('redacts before cutting, so a key block cut in half does not leak its body', () => {
    const body = Array.from({ length: 30 }, () => 'B'.repeat(64)).join('\n');
    const text = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\ndone`;
    const out = sanitizeErrorText(text, 500);
    expect(out).not.toContain('BBBBBBBB');
    expect(out.endsWith('done')).toBe(true);
  });
});

describe('sanitizeErrorText', () => {
  it('handles megabytes of output quickly, counting everything omitted', () => {
    const line = `${'x'.repeat(70)} password=hunter2xx\n`;
    const text = line.repeat(50_000); // ~4.5 MB
    const start = performance.now();
    const out = sanitizeErrorText(text, 4000);
    expect(performance.now() - start).toBeLessThan(10_000); // no catastrophic backtracking (minutes)
    expect(out.length).toBeLessThanOrEqual(4000);
    expect(out).not.toContain('hunter2xx');
    const omitted = Number(/^… \((\d+) characters omitted\)/.exec(out)?.[1]);
    // N counts the redacted text (each "hunter2xx" became "***"), so it is a little under.
    expect(omitted).toBeGreaterThan(text.length - 10_000);
    expect(omitted).toBeLessThan(text.length);
  });
});

describe('secretValuesFromEnv', () => {
  it('takes the values of secret-looking variables, and nothing else', () => {
    const values = secretValuesFromEnv({
      DEPLOY_TOKEN: 's3cr3t-deploy-value',
      AWS_SECRET_ACCESS_KEY: AWS_SECRET,
      NPM_AUTH: 'npm-auth-value-123',
      SSH_KEY: 'ssh-key-material-xyz',
      MY_PASSWORD: 'hunter2-but-longer',
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      GITHUB_SHA: 'a'.repeat(40),
      SHORT_TOKEN: 'abc',
      FEATURE_TOKEN_ENABLED: 'true',
      KEY_COUNT: '12345678',
    });
    expect(values.sort()).toEqual(
      [
        's3cr3t-deploy-value',
        AWS_SECRET,
        'npm-auth-value-123',
        'ssh-key-material-xyz',
        'hunter2-but-longer',
      ].sort(),
    );
  });

  it('feeds redactSecrets, so a printed secret never reaches a report', () => {
    const env = { DEPLOY_KEY: 'plain-deploy-key-value' };
    const error = 'deploying with plain-deploy-key-value failed';
    expect(redactSecrets(error, secretValuesFromEnv(env))).toBe('deploying with *** failed');
  });
});
