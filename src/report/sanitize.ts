/**
 * Neutralising user data (operation names, metadata, error text) for GitHub Markdown, so that
 * nothing a user wrote renders as markup, raw HTML, a link, an image, an @mention or an issue
 * reference. Every report builds its Markdown from these helpers; no data goes in unescaped.
 */
import { markdownTable } from 'markdown-table';

/**
 * U+2060 WORD JOINER: invisible and not a line-break opportunity. Put after "@", "#" and "GH-" it
 * stops GitHub's mention and issue-reference filters, which run on the rendered text, where a
 * backslash escape is already gone.
 */
export const WORD_JOINER = '\u2060';

/** Shown where a line break in data stood (table cells cannot hold one; raw <br> is HTML). */
export const NEWLINE_MARK = ' ⏎ ';

// C0/C1 controls (tab is handled separately) and bidi overrides/isolates ("Trojan Source").
const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// CommonMark lets any ASCII punctuation be backslash-escaped and renders it literally; escaping
// all of it (":" and "." too) also stops GFM's extended autolinks (www., http://, a@b.c).
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Text for a table cell or inline Markdown (headings, paragraphs, link text, image alt text):
 * escapes every ASCII punctuation character (so | \ ` * _ [ ] < > # ! & and friends are
 * literal), turns line breaks into " ⏎ ", drops control and bidi-override characters, and puts a
 * word joiner after "@" and "#" when a word or digit follows, and after "GH-" when a digit
 * follows (no mention, no issue link).
 * `maxChars` (optional) shortens the input first, with "…".
 */
export function escapeMarkdownText(text: string, maxChars?: number): string {
  let s = cleanText(text);
  if (maxChars !== undefined) s = truncateText(s, maxChars);
  s = s.replace(/\r\n|\r|\n/g, NEWLINE_MARK).replace(/\t/g, ' ');
  s = s.replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
  // The Unicode class costs a step ~1 ms to compile on first use: only text with "@"/"#" needs it.
  if (MENTION_MARK.test(s)) s = s.replace(/\\([@#])(?=[\p{L}\p{N}_])/gu, `\\$1${WORD_JOINER}`);
  return s.replace(/(gh)\\-(?=\d)/gi, `$1\\-${WORD_JOINER}`);
}

const MENTION_MARK = /[@#]/;
/** Matches nothing: a replace that has nothing to do. */
const NEVER = /(?!)/g;

/**
 * Text for inline prose people read both rendered and raw (the verdict sentence): like
 * escapeMarkdownText it cannot render as markup, a link, raw HTML, a mention or an issue
 * reference, but it escapes only characters that could: "+8.4% (p<0.001)" stays as written.
 */
export function escapeProse(text: string, maxChars?: number): string {
  let s = cleanText(text);
  if (maxChars !== undefined) s = truncateText(s, maxChars);
  s = s.replace(/\r\n|\r|\n/g, NEWLINE_MARK).replace(/\t/g, ' ');
  return (
    s
      // Emphasis, code, links, tables, strikethrough, math, and the escape character itself.
      .replace(/[\\`*_[\]|~$]/g, (ch) => `\\${ch}`)
      // Raw HTML needs "<" before a letter, "/", "!" or "?"; entities need "&" before a name.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/&(?=[#A-Za-z0-9])/g, '\\&')
      // Autolinks: "www." and "scheme://".
      .replace(/(www)\./gi, '$1\\.')
      .replace(/:(?=\/\/)/g, '\\:')
      // Mentions, issue references and e-mail autolinks: a word joiner after "@", "#" and "GH-".
      .replace(MENTION_MARK.test(s) ? /([@#])(?=[\p{L}\p{N}_])/gu : NEVER, `$1${WORD_JOINER}`)
      .replace(/(gh)-(?=\d)/gi, `$1-${WORD_JOINER}`)
      // A block marker at the very start (list, heading, quote) when the text begins a line.
      .replace(/^(?:>|(?:[-+]|#{1,6}|\d{1,9}[.)])(?=\s|$))/, (m) => `\\${m}`)
  );
}

/**
 * A fenced code block holding `text` verbatim. The fence is a backtick run longer than any in
 * the text, so nothing inside can close it; raw HTML, links and mentions inside are inert.
 * `info` (e.g. "text") must be a plain word.
 */
export function codeBlock(text: string, info = ''): string {
  if (!/^[A-Za-z0-9_+-]*$/.test(info))
    throw new Error(`codeBlock: info string must be a plain word`);
  const body = cleanText(text).replace(/\r\n|\r/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}${fence}`;
}

/**
 * An inline code span holding `text` (one line). Its backtick fence is longer than any run
 * inside. In a table cell (`context: 'table'`), "|" must still be escaped: GFM splits cells
 * before it parses code spans, and un-escapes "\|" in cells (outside tables it would show).
 */
export function codeSpan(text: string, context: 'inline' | 'table' = 'inline'): string {
  let body = cleanText(text).replace(/\r\n|\r|\n/g, ' ');
  if (context === 'table') body = body.replace(/\|/g, '\\|');
  if (body === '') return '';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  // A space on each side lets the body start or end with a backtick; CommonMark strips one.
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A Markdown image of an http(s) URL, or null when `url` is not one. The destination is
 * written in <…> form with |, <, > and whitespace percent-encoded, so the URL can neither end
 * the destination early nor split a table cell. Alt text is escaped data.
 */
export function markdownImage(alt: string, url: string): string | null {
  const dest = safeHttpUrl(url);
  return dest === null ? null : `![${escapeMarkdownText(alt, 200)}](<${dest}>)`;
}

/** A Markdown link to an http(s) URL with escaped text; plain escaped text when `url` is not one. */
export function markdownLink(text: string, url: string): string {
  const dest = safeHttpUrl(url);
  const label = escapeMarkdownText(text, 200);
  return dest === null ? label : `[${label}](<${dest}>)`;
}

/** Shortens to at most `maxChars` characters, ending in "…" when cut (no split surrogates). */
export function truncateText(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/**
 * Escapes text for an HTML context we write ourselves (e.g. a <summary> line): & < > " '.
 * Reports keep data out of HTML; this exists for the rare fixed-structure exception.
 */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A collapsible block; the summary text is ours (fixed words and numbers), never data. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A GFM table of already-escaped cells; delimiters unaligned (padding would repeat long cells). */
export function table(rows: string[][], align: string[]): string {
  return markdownTable(rows, { align, alignDelimiters: false });
}

function safeHttpUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return parsed.href.replace(
    /[|<>\s`\\]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function cleanText(text: string): string {
  return String(text).replace(INVISIBLE_OR_CONTROL, '');
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === ch ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}
