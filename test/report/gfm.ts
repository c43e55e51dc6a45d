// Renders Markdown with the real cmark-gfm binary, as strict as it gets: --unsafe lets raw HTML
// through (so any raw HTML that slips out of data is visible in the output) and no tagfilter
// (which would hide <script> by mangling it). GitHub is stricter still; this is the worst case.
import { execFileSync } from 'node:child_process';

export function renderGfm(markdown: string): string {
  return execFileSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-t', 'html'],
    { input: markdown, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Cells (inner HTML of th/td) of every row of every table, in order. */
export function tableRows(html: string): string[][] {
  const rows: string[][] = [];
  for (const tr of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const body = tr[1] ?? '';
    rows.push(
      [...body.matchAll(/<t[hd](?: align="\w+")?>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1] ?? ''),
    );
  }
  return rows;
}

/** Decodes the few entities cmark-gfm writes, for comparing cell text with the data. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Data a hostile user could put in a step name, metadata or error output. */
export const HOSTILE = [
  'a|b',
  'back`tick``s',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![x](http://evil.example/p.png)',
  '[click](javascript:alert(1))',
  '@octocat and @github/security',
  'fixes #123',
  '**bold** _it_ ~~s~~',
  'line1\nline2\r\nline3',
  '\\|escaped pipe\\',
  '&lt;not an entity&gt; &#60;',
  'www.evil.example http://evil.example a@b.example',
  '# heading',
  '- list',
  '<!-- comment -->',
  '\u202eevil bidi',
];
