import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeMarkdownText,
  escapeProse,
  markdownImage,
  markdownLink,
  truncateText,
  WORD_JOINER,
} from '../../src/report/sanitize.js';
import { HOSTILE, htmlText, renderGfm, tableRows } from './gfm.js';

/** What a reader should see for `s`: the same text, line breaks marked, mentions defused. */
function visible(s: string): string {
  return s
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\r\n|\r|\n/g, ' ⏎ ')
    .replace(/([@#])(?=[\p{L}\p{N}_])/gu, `$1${WORD_JOINER}`);
}

const MARKUP = /<(?:script|img|a |a>|em|strong|del|code|h\d|ul|li|!--)/i;

describe('escapeProse', () => {
  it.each(HOSTILE)('keeps %j literal in a paragraph, after text and in a table cell', (s) => {
    const html = renderGfm(`**Slower:** ${escapeProse(s)}`);
    const inner = /^<p><strong>Slower:<\/strong> (.*)<\/p>\n$/s.exec(html)?.[1];
    expect(inner, html).toBeDefined();
    expect(inner).not.toMatch(MARKUP);
    expect(inner).not.toContain('<a ');
    expect(htmlText(inner ?? '').trim()).toBe(visible(s).trim());
    const alone = renderGfm(escapeProse(s));
    expect(alone).toMatch(/^<p>/);
    expect(alone).not.toMatch(MARKUP);
    const rows = tableRows(renderGfm(`| a | b |\n| --- | --- |\n| ${escapeProse(s)} | ok |\n`));
    expect(rows[1]).toHaveLength(2);
    expect(htmlText(rows[1]![0]!)).toBe(visible(s));
  });

  it('leaves a verdict sentence as written: nothing in it needs escaping', () => {
    const reason =
      '+8.4% slower (96% CI +2.1% to +15.0%, p<0.001, p=0.004, 1 run vs 100 baseline on main); more runs narrow it.';
    expect(escapeProse(reason)).toBe(reason);
    expect(escapeMarkdownText(reason)).toContain('\\+8\\.4\\%');
    expect(htmlText(renderGfm(escapeProse(reason)))).toBe(`${reason}\n`);
  });
});

describe('escapeMarkdownText', () => {
  it.each(HOSTILE)('keeps %j literal and in one table cell', (s) => {
    const md = `| Step | Value |\n| --- | --- |\n| ${escapeMarkdownText(s)} | ok |\n`;
    const html = renderGfm(md);
    const rows = tableRows(html);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(2);
    expect(htmlText(rows[1]![0]!)).toBe(visible(s));
    expect(rows[1]![1]).toBe('ok');
    expect(rows[1]![0]).not.toMatch(MARKUP);
  });

  it.each(HOSTILE)('keeps %j literal as a paragraph and a heading', (s) => {
    for (const [md, tag] of [
      [escapeMarkdownText(s), 'p'],
      [`### ${escapeMarkdownText(s)}`, 'h3'],
    ] as const) {
      const html = renderGfm(md);
      const inner = new RegExp(`^<${tag}>(.*)</${tag}>\n$`, 's').exec(html)?.[1];
      expect(inner, html).toBeDefined();
      expect(inner).not.toMatch(MARKUP);
      expect(htmlText(inner ?? '').trim()).toBe(visible(s).trim());
    }
  });

  it('leaves no bare @mention or #reference in the source (GitHub links those after rendering)', () => {
    const out = escapeMarkdownText('ping @octocat, @github/security and fixes #123 (mail a@b.co)');
    expect(out).not.toMatch(/@[\p{L}\p{N}_]/u);
    expect(out).not.toMatch(/#\d/);
    // and without the joiner the check above would have caught it
    expect('ping @octocat').toMatch(/@[\p{L}\p{N}_]/u);
  });

  it('defuses GH-123 issue references, keeping the text as written', () => {
    const data = 'fixes GH-123 and gh-7, not GH-x or GH- 1';
    const html = renderGfm(escapeMarkdownText(data));
    const text = htmlText(/^<p>(.*)<\/p>\n$/s.exec(html)?.[1] ?? '');
    expect(text).toBe(data.replace(/(gh-)(?=\d)/gi, `$1${WORD_JOINER}`));
    // GitHub's reference filter runs on rendered text: no "GH-<digit>" may survive there
    expect(text).not.toMatch(/gh-\d/i);
    expect(data).toMatch(/gh-\d/i);
  });

  it('renders no image and no link for data shaped like them', () => {
    const html = renderGfm(
      escapeMarkdownText(
        '![x](http://evil.example/x.png) [y](http://evil.example) <http://evil.example> www.evil.example',
      ),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<a ');
  });

  it('drops control and bidi override characters and cuts long text', () => {
    expect(escapeMarkdownText('a\u0000b\u001bc\u202ed')).toBe('abcd');
    expect(escapeMarkdownText('abcdefghij', 5)).toBe('abcd…');
    expect(truncateText('😀😀😀', 2)).toBe('😀…');
  });
});

describe('codeBlock', () => {
  it('holds any text verbatim, even backtick fences and HTML', () => {
    const text =
      'before\n```\n````js\n<script>alert(1)</script>\n@octocat ![x](http://e/x.png)\nafter';
    const html = renderGfm(`${codeBlock(text, 'text')}\n\nafter the block\n`);
    expect(html.match(/<pre>/g)).toHaveLength(1);
    const code = /<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    expect(htmlText(code ?? '')).toBe(`${text}\n`);
    expect(html).toContain('<p>after the block</p>');
    expect(html).not.toContain('<script');
  });

  it('refuses an info string that could inject markup', () => {
    expect(() => codeBlock('x', 'js onload=x')).toThrow(/plain word/);
  });
});

describe('codeSpan', () => {
  it('keeps backticks inside without breaking the span', () => {
    for (const s of ['back`tick``s', '`leading', 'trailing`', 'a ``` b']) {
      const html = renderGfm(`x ${codeSpan(s)} y`);
      expect(html.match(/<code>/g)).toHaveLength(1);
      expect(htmlText(/<code>(.*?)<\/code>/.exec(html)?.[1] ?? '')).toBe(s);
    }
  });

  it('keeps a pipe inside one table cell', () => {
    const md = `| a | b |\n| --- | --- |\n| ${codeSpan('x|y`z', 'table')} | ${escapeMarkdownText('q|r')} |\n`;
    const rows = tableRows(renderGfm(md));
    expect(rows[1]).toHaveLength(2);
    expect(rows[1]![0]).toBe('<code>x|y`z</code>');
    expect(rows[1]![1]).toBe('q|r');
  });
});

describe('markdownImage and markdownLink', () => {
  it('renders an image of an http(s) URL, even with characters that end destinations or cells', () => {
    const url = 'https://charts.example/chart?c=a)b|c<d>e f';
    const md = `| a | b |\n| --- | --- |\n| ${markdownImage('trend of a|b', url)} | x |\n`;
    const rows = tableRows(renderGfm(md));
    expect(rows[1]).toHaveLength(2);
    const img = /<img src="([^"]*)" alt="([^"]*)"/.exec(rows[1]![0]!);
    expect(img?.[1]).toBe('https://charts.example/chart?c=a)b%7Cc%3Cd%3Ee%20f');
    expect(img?.[2]).toBe('trend of a|b');
  });

  it('refuses other schemes', () => {
    expect(markdownImage('x', 'javascript:alert(1)')).toBeNull();
    expect(markdownImage('x', 'data:image/png;base64,AAAA')).toBeNull();
    expect(renderGfm(markdownLink('run', 'javascript:alert(1)'))).not.toContain('<a');
    expect(renderGfm(markdownLink('run', 'https://github.com/o/r/actions/runs/1'))).toContain(
      '<a href="https://github.com/o/r/actions/runs/1">run</a>',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
    );
  });
});
