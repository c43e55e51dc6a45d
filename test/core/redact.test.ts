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

// The shapes people paste into CI logs (issue 8, point 4). Secrets are built at run time.
const SLACK = `https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/${'aB3dE5gH7jK9'.repeat(2)}`;
const DISCORD = `https://discord.com/api/webhooks/1311013439770198016/${'sHyu-dTmZ_'.repeat(6)}`;
const TEAMS =
  'https://contoso.webhook.office.com/webhookb2/5d4473ea-7133-4905-a812-09c8678b4bf6@ce86aad0-' +
  '0f1d-4b27-917f-22ab75cd99dd/IncomingWebhook/31bb486803e14bf6b89acb035572c16e/68d52588-ee8a-' +
  `4a46-8ee6-052d9a2ff0c9/V2${'OwS6KfiRNO'.repeat(4)}`;
const SIG = `VOco_-4vvar98WT0aX7jJL2S${'viHzsybZ'.repeat(2)}`;
const LOGIC =
  'https://prod-05.northeurope.logic.azure.com:443/workflows/d16fda7f5e084f4abf6574b81d11e46d/' +
  `triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`;
const POWER =
  'https://default3016677c32d54346ba5e7dd46f6662.60.environment.api.powerplatform.com:443/' +
  'powerautomate/automations/direct/workflows/4bbf0259c9da4dce95d4358489cad7ee/triggers/manual/' +
  `paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`;

describe('redactSecrets: pasted shapes', () => {
  it.each([
    [
      'curl -u user:pass',
      'curl -sS -u deploy:Hunter2xyz https://x',
      'curl -sS -u deploy:*** https://x',
    ],
    ['curl --user', '+ curl --user deploy:Hunter2xyz -X POST', '+ curl --user deploy:*** -X POST'],
    [
      'curl -uuser:pass',
      'curl -fsSL -udeploy:Hunter2xyz https://x',
      'curl -fsSL -udeploy:*** https://x',
    ],
    [
      'curl -u quoted, with spaces',
      `curl -u "deploy:two words here" https://x`,
      'curl -u "deploy:***" https://x',
    ],
    ['curl -u with an empty user', "curl -u ':Hunter2xyz' https://x", "curl -u ':***' https://x"],
    ['curl --proxy-user', 'curl --proxy-user me:Hunter2xyz x', 'curl --proxy-user me:*** x'],
    [
      'curl -u on a continuation line',
      'curl -X POST \\\n  -u deploy:Hunter2xyz \\\n  https://x',
      'curl -X POST \\\n  -u deploy:*** \\\n  https://x',
    ],
    [
      'Slack webhook',
      `posting to ${SLACK} failed`,
      'posting to https://hooks.slack.com/services/*** failed',
    ],
    [
      'Slack webhook without scheme',
      `url=hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/xyzXYZ123456`,
      'url=hooks.slack.com/services/***',
    ],
    ['Discord webhook', `POST ${DISCORD}: 404`, 'POST https://discord.com/api/webhooks/***: 404'],
    [
      'Teams incoming webhook',
      `curl -d @card.json ${TEAMS}`,
      'curl -d @card.json https://contoso.webhook.office.com/webhookb2/***',
    ],
    ['Teams workflow (Logic Apps) URL', `"${LOGIC}"`, `"${LOGIC.replace(SIG, '***')}"`],
    ['Teams workflow (Power Platform) URL', POWER, POWER.replace(SIG, '***')],
    ['password= unquoted', 'login password=Hunter2xyz ok', 'login password=*** ok'],
    ['passwd: with a quoted value with spaces', 'passwd: "correct horse battery"', 'passwd: "***"'],
    ['pwd= single-quoted with spaces', "pwd='correct horse' next", "pwd='***' next"],
    [
      'quoted password longer than 256 characters',
      `password="${'horse '.repeat(60)}"`,
      'password="***',
    ],
    ['quoted password never closed', 'PASSWORD="correct horse battery', 'PASSWORD="***'],
    [
      'JSON-escaped password in a string',
      '{"body":"{\\"password\\":\\"correct horse\\"}"}',
      '{"body":"{\\"password\\":\\"***\\"}"}',
    ],
    ['_PASS variable assignment', '+ export DB_PASS=Hunter2xyz', '+ export DB_PASS=***'],
    ['_PWD variable assignment', 'SMTP_PWD: Hunter2xyz', 'SMTP_PWD: ***'],
    [
      '--password flag, space-separated',
      'mysql --password Hunter2xyz -h db',
      'mysql --password *** -h db',
    ],
    [
      '--password flag, quoted with spaces',
      `docker login --password 'correct horse' x`,
      `docker login --password '***' x`,
    ],
    [
      'openssl -passin pass:',
      'openssl pkcs12 -passin pass:Hunter2xyz -in a',
      'openssl pkcs12 -passin *** -in a',
    ],
    [
      'Azure SAS signature',
      'GET https://a.blob.core.windows.net/c/f?sv=2022&sig=abc%2Bdef123&se=1',
      'GET https://a.blob.core.windows.net/c/f?sv=2022&sig=***&se=1',
    ],
  ])('redacts %s', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    ['file paths', '/home/runner/work/app/src/password/reset.ts:12:3 error TS2345'],
    ['--password-file', 'docker login --password-file /run/secrets/registry -u bot'],
    ['--password-stdin', 'echo "$PW" | docker login --password-stdin -u bot ghcr.io'],
    ['PASSWORD_FILE=', 'POSTGRES_PASSWORD_FILE=/run/secrets/db docker compose up'],
    ['masked password', 'password: ********'],
    ['URLs without credentials', 'fetching https://example.com/api/v1/users?page=2&per_page=50'],
    ['Slack docs URL', 'see https://api.slack.com/messaging/webhooks for setup'],
    ['PWD in an env dump', 'PWD=/home/runner/work/repo\nOLDPWD=/home/runner'],
    ['test counts', 'pass=12 fail=0 skipped=3'],
    ['sort -u and set -u', 'sort -u names.txt; set -u; git push -u origin main'],
    ['docker -u uid:gid', 'docker run -u 1000:1000 node:20 npm test'],
    ['curl -u without a password', 'curl -u deploy https://x'],
    ['help text placeholders', '  --password PASSWORD   the password\n  --token <token>'],
  ])('leaves %s unchanged', (_label, text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('stays fast on hostile input for the new rules', () => {
    const hostile = [
      `curl ${'-u a:b '.repeat(50_000)}`,
      `${'curl \\\n'.repeat(50_000)}`,
      `${'hooks.slack.com/services/'.repeat(20_000)}`,
      `password="${'a'.repeat(400_000)}`,
      `${'DB_PASS='.repeat(50_000)}`,
      `${'\\"password\\":\\"'.repeat(30_000)}`,
      `${'--password '.repeat(40_000)}`,
      `${'&sig='.repeat(80_000)}`,
    ];
    const start = performance.now();
    for (const text of hostile) redactSecrets(text);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('secretValuesFromEnv: _PASS and _PWD', () => {
  it('takes the values of variables named *_PASS and *_PWD, not PWD itself', () => {
    const values = secretValuesFromEnv({
      DB_PASS: 'db-pass-value-1',
      SMTP_PWD: 'smtp-pwd-value-2',
      PWD: '/home/runner/work/repo',
      OLDPWD: '/home/runner',
      BYPASS: 'bypass-value-123',
    });
    expect(values.sort()).toEqual(['db-pass-value-1', 'smtp-pwd-value-2']);
  });
});

describe('redactSecrets: edges of the pasted shapes', () => {
  it('leaves an empty quoted value and the next line alone', () => {
    expect(redactSecrets('{"password": "", "user": "bob"}')).toBe(
      '{"password": "", "user": "bob"}',
    );
    expect(redactSecrets('password:\n  user: bob')).toBe('password:\n  user: bob');
  });

  it('is idempotent: a report re-redacting a redacted record changes nothing', () => {
    const texts = [
      'curl -u "deploy:two words" https://x',
      `${SLACK} ${DISCORD} ${TEAMS} ${LOGIC} ${POWER}`,
      'PASSWORD="correct horse battery',
      '{"body":"{\\"password\\":\\"correct horse\\"}"}',
      'mysql --password Hunter2xyz; DB_PASS=Hunter2xyz; -passin pass:Hunter2xyz',
    ];
    for (const text of texts) {
      const once = redactSecrets(text);
      expect(redactSecrets(once)).toBe(once);
    }
  });
});
