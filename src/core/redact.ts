/**
 * Redaction of secret-shaped text and truncation of error output. The one redaction of the
 * project: every record's `error` is redacted when it is written (the action's records, and the
 * library's trackExecution/DevMetricsCollector), and every report (job summary, dashboard)
 * redacts again what it publishes, since a history may hold records from older writers.
 * Redaction is best effort by shape; callers also pass known secret values (the token, values of
 * secret-named environment variables) as `extraSecrets`.
 */

/** What a secret is replaced by. */
export const REDACTED = '***';

type Rule = { pattern: RegExp; replace: string | ((match: string, ...groups: string[]) => string) };

/**
 * Order matters: whole blocks first (a private key contains base64 that later rules would only
 * partly catch), then assignments and headers that name what follows, then bare token shapes.
 * Every pattern stays linear on hostile input (megabytes of one character class): repetitions
 * that could rescan from many start positions are bounded.
 */
const RULES: readonly Rule[] = [
  // PEM private keys, including a block cut off before its END line.
  {
    pattern:
      /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    replace: (_m, kind) =>
      `-----BEGIN ${kind}PRIVATE KEY----- ${REDACTED} -----END ${kind}PRIVATE KEY-----`,
  },
  // Incoming-webhook URLs, where the path itself is the credential: Slack (services, workflow and
  // trigger hooks), Discord, Teams' Office 365 connectors. Matched with or without a scheme;
  // Teams' by the literal after the tenant's host (a scan from every word start costs 40×).
  {
    pattern:
      /((?<![\w.-])(?:https?:\/\/)?hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)[\w/-]+/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  {
    pattern:
      /((?<![\w.-])(?:https?:\/\/)?(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/)[\w/-]+/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  {
    pattern:
      /((?:\.webhook\.office\.com\/webhookb2|(?<![\w.-])outlook\.office(?:365)?\.com\/webhook(?:b2)?)\/)[\w@/.%-]+/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // Signed URLs: the signature is the credential. Teams/Power Automate workflow URLs
  // (*.logic.azure.com, *.environment.api.powerplatform.com: `…/invoke?…&sig=…`), Azure SAS,
  // S3 and GCS presigned URLs.
  {
    pattern: /([?&](?:sig|signature|x-amz-signature|x-goog-signature)=)(?!\*\*\*)[^&\s"'#<>]+/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // URLs with credentials: scheme://user:password@host (the user stays, it helps debugging).
  // The user may be empty (redis://:pw@host); the password runs to the LAST "@" before the path,
  // since an unencoded "@" in a password is common and the part after it would leak.
  {
    pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:/?#@'"]*):[^\s/?#'"]+@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`,
  },
  // HTTP Authorization headers: keep the scheme word, drop the credentials.
  {
    pattern: /\b(authorization["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|digest)\s+)?[^\s"',;]+/gi,
    replace: (_m, head, scheme) => `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  },
  // `Bearer xxx` anywhere (curl -H, logs).
  {
    pattern: /\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi,
    replace: (_m, scheme) => `${scheme} ${REDACTED}`,
  },
  // `token xxx` as GitHub's API accepts it; the value must look like a credential (has a digit
  // and 16+ characters) so prose such as "token expired" is left alone.
  {
    pattern: /\b(token)(\s+)(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*/gi,
    replace: (_m, word, space) => `${word}${space}${REDACTED}`,
  },
  // AWS secret access keys after a name that says so (aws_secret_access_key = …, secret key: …,
  // the `aws configure` prompt). A bare 40-character string is left alone: hashes look the same.
  {
    pattern:
      /(?<![A-Za-z0-9])((?:aws[ _-]?)?secret[ _-]?(?:access[ _-]?)?key["']?[ \t]*(?:\[[^\]\r\n]{0,64}\][ \t]*)?[:=][ \t]*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // `--password VALUE` and openssl's `-passin pass:VALUE`: a flag naming a secret, then its value
  // after blanks. Help-text placeholders (PASSWORD, <token>), masks and openssl's non-literal
  // sources (env:, file:, fd:, stdin) are left; `--password-file`/`--password-stdin` never match.
  {
    pattern:
      /(?<![\w-])(--(?:password|passwd|pass|passphrase|client-secret|api-key|token)|-pass(?:in|out)?)(?![\w-])([ \t]+)("[^"\r\n]{1,256}"|'[^'\r\n]{1,256}'|[^\s"']+)/gi,
    replace: (match, flag, space, value) => {
      if (isPlaceholder(value)) return match;
      const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
      return `${flag}${space}${quote}${REDACTED}${quote}`;
    },
  },
  // key=value / key: value / "key": "value" where the key names a secret. A quoted value is
  // redacted to its closing quote (it may hold spaces), also inside a JSON string (\"…\"); the
  // length bound keeps the search short, and a quote not closed within it (a long value, or the
  // line was cut) is redacted to the end of the line. Unquoted, it ends at a separator. Keys that
  // name where a secret is rather than the secret (`PASSWORD_FILE`, `PWD=/path`) are left.
  {
    pattern:
      /\b([\w.-]{0,40}?(?:password|passwd|pwd|[_.-]pass(?![a-z0-9])|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|client[_-]?secret|private[_-]?key|token)[\w.-]{0,40})(\\?["']?[ \t]*[:=][ \t]*)(?:\\"((?:[^"\\\r\n]|\\[^"\r\n]){0,256})\\"|"((?:[^"\\\r\n]|\\.){0,256})"|'([^'\r\n]{0,256})'|(\\?["'])[^\r\n]*|(?!\*\*\*)[^\s"',;&]+)/gi,
    replace: (match, key, sep, escaped, double, single, open) => {
      if (NOT_A_SECRET_KEY.test(key) || (escaped ?? double ?? single) === '') return match;
      if (
        /^(?:old)?pwd$/i.test(key) &&
        /^(?:[/~]|[A-Za-z]:[\\/])/.test(match.slice(key.length + sep.length))
      )
        return match; // the working directory in an env dump
      if (escaped !== undefined) return `${key}${sep}\\"${REDACTED}\\"`;
      if (double !== undefined) return `${key}${sep}"${REDACTED}"`;
      if (single !== undefined) return `${key}${sep}'${REDACTED}'`;
      if (open !== undefined) return `${key}${sep}${open}${REDACTED}`;
      return `${key}${sep}${REDACTED}`;
    },
  },
  // Bare token shapes are bounded by "not a letter or digit" rather than \b, which counts "_" as a
  // word character and so missed `ghp_…_suffix` and `PREFIX_ghp_…`.
  // GitHub tokens: classic (ghp_/gho_/ghu_/ghs_/ghr_) and fine-grained (github_pat_).
  {
    pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{20,255}(?![A-Za-z0-9])/g,
    replace: REDACTED,
  },
  {
    pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,255}(?![A-Za-z0-9_])/g,
    replace: REDACTED,
  },
  // AWS access key ids.
  {
    pattern:
      /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    replace: REDACTED,
  },
  // JSON Web Tokens: header.payload.signature, header and payload base64url JSON ("eyJ").
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, replace: REDACTED },
  // A few other common token shapes: npm, Slack, GitLab, Google API keys.
  { pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, replace: REDACTED },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, replace: REDACTED },
  { pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, replace: REDACTED },
];

/** Keys that say where a secret is kept, not what it is. */
const NOT_A_SECRET_KEY =
  /[_.-](?:file|path|dir|stdin|fd|env|length|len|policy|prompt|hint|field)$/i;

/** Values after a secret-named flag that are not secrets: help placeholders, masks, sources. */
function isPlaceholder(value: string): boolean {
  return /^(?:[A-Z_]{1,20}|<[^>]*>|\[[^\]]*\]|\*+|stdin|(?:env|file|fd):.*)$/.test(value);
}

/**
 * Replaces secret-shaped substrings with "***": GitHub tokens, Bearer/token auth values,
 * Authorization headers, AWS access key ids and secret-key assignments, URL passwords,
 * `curl -u user:password`, Slack/Discord/Teams webhook URLs, URL signatures (`sig=`),
 * password=/secret=/api_key=/token=/…_PASS= assignments and `--password VALUE` flags, PEM
 * private keys, JWTs, and any literal value in `extraSecrets` (values shorter than 4 characters
 * are ignored: they would mangle the text).
 */
export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  // Known values first and longest first, so a secret containing another is replaced whole.
  const literals = [...new Set(extraSecrets)].filter((s) => s.length >= 4);
  literals.sort((a, b) => b.length - a.length);
  for (const secret of literals) out = out.split(secret).join(REDACTED);
  out = redactOrphanKeyTails(out);
  out = redactCurlUsers(out);
  for (const rule of RULES) {
    out = out.replace(rule.pattern, rule.replace as (match: string, ...groups: string[]) => string);
  }
  return out;
}

/**
 * The tail of a key block whose BEGIN line is not in the text (output cut before it reached
 * us): the base64 lines right above each END line. Found from the END line backwards, since a
 * regex anchored on base64 lines would rescan every line of a large base64 dump.
 */
function redactOrphanKeyTails(text: string): string {
  const end = /^-----END ([A-Z0-9 ]*)PRIVATE KEY-----/gm;
  let out = '';
  let last = 0;
  for (let m = end.exec(text); m !== null; m = end.exec(text)) {
    let start = m.index;
    for (;;) {
      const prevEnd = start - 1; // the newline before the current line
      if (prevEnd < last) break;
      const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
      const line = text.slice(prevStart, prevEnd).replace(/\r$/, '');
      if (!/^[A-Za-z0-9+/=]{16,}$/.test(line) || prevStart < last) break;
      start = prevStart;
    }
    if (start < m.index) {
      out += `${text.slice(last, start)}${REDACTED}\n`;
      last = m.index;
    }
  }
  return out + text.slice(last);
}

const CURL = /(?<![\w.-])curl(?:\.exe)?(?![\w.-])/gi;
/** curl's credential options: -u/-U/--user/--proxy-user user:password (also -uuser:password). */
const CURL_USER =
  /(\s(?:-[uU][ \t]*|--(?:proxy-)?user(?:[ \t]+|=)))(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"']+))/g;
/** How far a curl command is followed across continuation lines. */
const CURL_SPAN_MAX = 16_384;

/**
 * `curl -u user:password`: the password after the first ":" is dropped, the user kept. Only
 * within a curl command (its line and its `\` / PowerShell "`" / cmd `^` continuation lines),
 * since `-u` means something else to most tools (`sort -u`, `docker run -u 1000:1000`).
 */
function redactCurlUsers(text: string): string {
  CURL.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = CURL.exec(text); m !== null; m = CURL.exec(text)) {
    const start = m.index + m[0].length;
    let end = start;
    for (;;) {
      const newline = text.indexOf('\n', end);
      end = newline === -1 ? text.length : newline;
      if (newline === -1 || end - start >= CURL_SPAN_MAX) break;
      if (!/[\\`^]\r?$/.test(text.slice(Math.max(start, end - 2), end))) break;
      end += 1; // continued on the next line
    }
    end = Math.min(end, start + CURL_SPAN_MAX);
    const span = text.slice(start, end).replace(CURL_USER, (match, head, double, single, bare) => {
      const value = (double ?? single ?? bare) as string;
      const colon = value.indexOf(':');
      if (colon === -1) return match; // no password given: curl prompts for it
      const quote = double !== undefined ? '"' : single !== undefined ? "'" : '';
      return `${head}${quote}${value.slice(0, colon)}:${REDACTED}${quote}`;
    });
    out += text.slice(last, start) + span;
    last = end;
    CURL.lastIndex = end;
  }
  return out + text.slice(last);
}

/**
 * Keeps the END of `text` (the last lines of a failing command say what went wrong), within
 * `maxChars` in total, behind a first line "… (N characters omitted)". The cut is moved to a
 * line start when one is near, and never splits a surrogate pair. `omittedBefore` counts
 * characters already dropped from the front by the caller.
 */
export function truncateError(text: string, maxChars: number, omittedBefore = 0): string {
  if (text.length <= maxChars && omittedBefore === 0) return text;
  // The marker's width depends on N; reserve for the longest N possible.
  const reserve = `… (${text.length + omittedBefore} characters omitted)\n`.length;
  const budget = Math.max(0, maxChars - reserve);
  let start = Math.max(0, text.length - budget);
  const newline = text.indexOf('\n', start);
  if (newline !== -1 && newline + 1 < text.length && newline - start < budget / 5) {
    start = newline + 1;
  }
  if (start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start))) start += 1;
  return `… (${start + omittedBefore} characters omitted)\n${text.slice(start)}`;
}

/**
 * Redacts, then keeps the end: the order keeps a key block's END line from surviving its BEGIN.
 * Only a window of the text's end is redacted (the regexes cost time on megabytes of output);
 * the window starts at a line start far before anything kept, so no secret cut by the window
 * edge can reach the result.
 */
export function sanitizeErrorText(
  text: string,
  maxChars: number,
  extraSecrets: readonly string[] = [],
): string {
  let start = Math.max(0, text.length - Math.max(maxChars * 2, maxChars + 65_536));
  if (start > 0) {
    const newline = text.indexOf('\n', start);
    start = newline === -1 ? start : newline + 1;
  }
  return truncateError(redactSecrets(text.slice(start), extraSecrets), maxChars, start);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Variable names whose values are treated as secrets (as most CI log maskers guess them). */
const SECRET_NAME =
  /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY|AUTH|_KEY$|^KEY_|_PAT$|_PASS$|_PWD$)/i;

/**
 * The values of environment variables whose names look secret (`DEPLOY_TOKEN`, `NPM_AUTH`,
 * `AWS_SECRET_ACCESS_KEY`, `DB_PASS`, `SMTP_PWD`, …; not `PWD`, the working directory), for
 * redaction: the runner masks secrets in the log, but a record's error text, the job summary and
 * the dashboard are copies it does not see. Values shorter than 8 characters and plain booleans
 * or numbers are left out (they would mangle ordinary text).
 */
export function secretValuesFromEnv(env: Record<string, string | undefined>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < 8 || !SECRET_NAME.test(name)) continue;
    if (/^(true|false|\d+)$/i.test(value)) continue;
    values.add(value);
  }
  return [...values];
}
