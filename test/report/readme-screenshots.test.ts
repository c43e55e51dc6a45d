// The README screenshots: always renders both pages from the real renderers and checks what they
// hold; with Chromium, screenshots them (UPDATE_SCREENSHOT=1 writes docs/summary.png and
// docs/comment.png). Regenerate: UPDATE_SCREENSHOT=1 npx vitest run test/report/readme-screenshots.test.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from '../helpers/browser.js';
import {
  chartSvg,
  commentMarkdown,
  decodeChartUrl,
  githubPage,
  markdownToHtml,
  parseChartLiteral,
  sampleHistory,
  screenshotPage,
  summaryMarkdown,
} from '../helpers/readme-screenshots.js';
import { htmlText, tableRows } from './gfm.js';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
const history = sampleHistory();
const summaryHtml = githubPage(markdownToHtml(summaryMarkdown(history)), 'summary');
const commentHtml = githubPage(markdownToHtml(commentMarkdown(history)), 'comment');

const imageUrls = (html: string) =>
  [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

describe('README pages from the real renderers', () => {
  it('job summary: two step sections, slower unit_tests with a flaky failure, unchanged lint', () => {
    const headings = [...summaryHtml.matchAll(/<h3>([\s\S]*?)<\/h3>/g)].map((m) => htmlText(m[1]!));
    expect(headings).toEqual(['✅ unit_tests', '✅ lint']);
    const rows = tableRows(summaryHtml).map((r) => r.map(htmlText));
    const results = rows.filter((r) => r[4]?.match(/slower|same|faster/) && r.length === 7);
    expect(results.map((r) => r[4])).toEqual(['🐢 slower', '➖ same']);
    expect(results[0]![3]).toMatch(/^\+1\d\.\d%$/); // ~ +20%: 74.8 s vs 62.3 s
    // unit_tests' Values table: its peak heap ~20% above main's, worse (smaller is better).
    const values = rows.filter((r) => r.length === 6);
    expect(values[0]).toEqual([
      'Value',
      'This run',
      'Baseline median',
      'Change',
      'Verdict',
      'Better',
    ]);
    expect(values.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['peak_heap_mb', '👎 worse', 'smaller'],
    ]);
    expect(values[1]![3]).toMatch(/^\+(1[5-9]|2\d)\.\d%$/);
    // Last-runs tables: 10 newest runs each, the PR's on top, the failed main run in unit_tests'.
    const lastRuns = rows.filter((r) => r.length === 5 && r[0] !== 'Started');
    expect(lastRuns).toHaveLength(20);
    expect(lastRuns[0]![4]).toBe('feat/parallel-fixtures');
    expect(lastRuns.slice(0, 10).some((r) => r[2] === '❌ failed')).toBe(true);
    expect(summaryHtml).toMatch(/Flaky:<\/strong> 1 of 2\d commits/);
    expect(summaryHtml.match(/<details>/g)).toHaveLength(2);
    const charts = imageUrls(summaryHtml);
    expect(charts).toHaveLength(2);
    // The unit_tests chart carries every run, the failure as the one red point.
    const unit = decodeChartUrl(charts[0]!);
    const svg = chartSvg(unit);
    expect(svg.match(/class="failed"/g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('unit_tests: duration per run');
  });

  it('PR comment: one row per step and value, slower / worse / faster / same, each with a sparkline', () => {
    const rows = tableRows(commentHtml).map((r) => r.map(htmlText));
    expect(rows[0]).toEqual(['Step', 'This PR', 'Base', 'Change', 'Verdict', 'Trend']);
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['✅ unit_tests', '🐢 slower'],
      ['✅ unit_tests › peak_heap_mb', '👎 worse'],
      ['✅ build', '🚀 faster'],
      ['✅ lint', '➖ same'],
    ]);
    expect(rows[2]![1]).toMatch(/^\d{3} MB$/);
    expect(rows[3]![3]).toMatch(/^-2\d\.\d%$/); // 98.5 s vs 131 s
    const charts = imageUrls(commentHtml).map(decodeChartUrl);
    // 100×25 CSS px at device pixel ratio 2: 200×50 images in the comment's table.
    expect(
      charts.map((c) => [c.width * c.devicePixelRatio, c.height * c.devicePixelRatio]),
    ).toEqual([
      [200, 50],
      [200, 50],
      [200, 50],
      [200, 50],
    ]);
    expect(commentHtml).toContain('<!-- dev-metrics:CI -->');
    expect(commentHtml).toContain('https://github.com/acme/webapp/actions/runs/');
  });

  it('reads the chart literal as data, never as code', () => {
    expect(parseChartLiteral('{a:[1,-2.5e3,"x\\"}"],"b c":{d:null,e:true}}')).toEqual({
      a: [1, -2500, 'x"}'],
      'b c': { d: null, e: true },
    });
    expect(() => parseChartLiteral('{a:alert(1)}')).toThrow(/value expected/);
  });
});

const browser = browserAvailability();

describe.skipIf(!browser.run && !browser.missingInCi)('README screenshots in Chromium', () => {
  let chromium: Browser;
  beforeAll(async () => {
    if (browser.missingInCi) throw new Error(browser.message);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it.each([
    ['summary', summaryHtml, true, 2],
    ['comment', commentHtml, false, 4],
  ] as const)(
    '%s: every chart drawn locally, nothing else requested',
    async (name, html, open, n) => {
      const shot = await screenshotPage(chromium, html, { openDetails: open });
      expect(shot.blocked).toEqual([]);
      expect(shot.charts).toHaveLength(n);
      expect(shot.images).toHaveLength(n);
      for (const image of shot.images) expect(image.width).toBeGreaterThan(0);
      expect(shot.png.subarray(1, 4).toString('latin1')).toBe('PNG');
      if (process.env.UPDATE_SCREENSHOT === '1')
        writeFileSync(path.join(DOCS, `${name}.png`), shot.png);
    },
  );
});
