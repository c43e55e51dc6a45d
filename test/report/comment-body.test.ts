import { describe, expect, it } from 'vitest';
import { trendChartUrl } from '../../src/report/charts.js';
import {
  buildCommentRow,
  fromStoredRow,
  layoutComment,
  renderComment,
  STORED_HISTORY_POINTS,
  toStoredRow,
  type CommentRow,
} from '../../src/report/comment-body.js';
import { verdict } from './fixtures.js';
import { htmlText, renderGfm, tableRows } from './gfm.js';

const MARKER = '<!-- dev-metrics:ci.yml -->';
const RUN_URL = 'https://github.com/o/r/actions/runs/42';

function chart(seed: number): string {
  const points = Array.from({ length: 500 }, (_, i) => ({
    t: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`,
    durationMs: 1000 + ((i * 7919 + seed * 104729) % 100_000) + 0.123,
    failed: (i + seed) % 13 === 0,
  }));
  return trendChartUrl(points, { size: 'small', baselineMedianMs: 50_000 })!;
}

function row(i: number, overrides: Partial<CommentRow> = {}): CommentRow {
  return {
    name: `step-${i}`,
    status: 'success',
    durationMs: 61_000 + i,
    baselineMedianMs: 60_000,
    changePercent: 1.7,
    verdict: 'no change',
    chartUrl: chart(i),
    updatedAt: `2025-10-20T10:${String(i % 60).padStart(2, '0')}:00`,
    detailsMarkdown: `- details of step ${i}\n- ${'more words '.repeat(300)}`,
    ...overrides,
  };
}

describe('renderComment', () => {
  it('renders marker, one row per step, trend images, details and footer', () => {
    const rows = [row(1), row(2, { status: 'failed', verdict: 'slower', changePercent: 25 })];
    const md = renderComment({ marker: MARKER, workflow: 'CI', rows, runUrl: RUN_URL });
    expect(md.startsWith(`${MARKER}\n`)).toBe(true);
    const html = renderGfm(md);
    expect(html).toContain('<h2>⏱️ Step timings: CI</h2>');
    const cells = tableRows(html);
    expect(cells[0]).toEqual(['Step', 'This PR', 'Base', 'Change', 'Verdict', 'Trend']);
    expect(cells[1]!.slice(0, 5)).toEqual([
      '✅ step-1',
      '1 min 01 s',
      '1 min 00 s',
      '+1.7%',
      '➖ same',
    ]);
    expect(cells[2]!.slice(0, 5)).toEqual([
      '❌ step-2',
      '1 min 01 s',
      '1 min 00 s',
      '+25.0%',
      '🐢 slower',
    ]);
    const src = /<img src="([^"]+)"/.exec(cells[1]![5]!)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toBe(rows[0]!.chartUrl);
    expect(html).toContain('<details><summary>Details</summary>');
    expect(html).toContain('<h4>✅ step-1</h4>');
    expect(html).toContain(`<a href="${RUN_URL}">workflow run</a>`);
    expect(htmlText(html)).toContain('Updated 2025-10-20 10:02 UTC');
  });

  it('keeps a hostile step name in its cell, with no mention, image or HTML', () => {
    const name = 'a|b `c` <img src=x onerror=alert(1)> @octocat ![x](http://evil.example/x.png)';
    const md = renderComment({
      marker: MARKER,
      rows: [row(1, { name, chartUrl: null, detailsMarkdown: null })],
    });
    const html = renderGfm(md);
    const cells = tableRows(html);
    expect(cells[1]).toHaveLength(6);
    expect(cells[1]![5]).toBe('—');
    expect(html).not.toMatch(/<img|<a /);
    expect(md).not.toMatch(/@[\p{L}\p{N}_]/u);
  });

  it('shows no image for a stored chart URL that is not http(s) or is over the bound', () => {
    const md = renderComment({
      marker: MARKER,
      rows: [
        row(1, { chartUrl: 'javascript:alert(1)' }),
        row(2, { chartUrl: `https://q.example/${'x'.repeat(4000)}` }),
      ],
    });
    expect(renderGfm(md)).not.toContain('<img');
  });

  it('drops details first, then charts, then rows, staying under the limit', () => {
    // a few rows: everything fits
    const few = renderComment({ marker: MARKER, rows: [1, 2, 3].map((i) => row(i)) });
    expect(few).toContain('<details>');
    // 15 rows with ~3.4 KB details each: details go, charts stay
    const some = renderComment({
      marker: MARKER,
      rows: Array.from({ length: 15 }, (_, i) => row(i)),
    });
    expect(some.length).toBeLessThanOrEqual(65_536);
    expect(some).not.toContain('<details>');
    expect(renderGfm(some).match(/<img /g)).toHaveLength(15);
    expect(some).toContain('details omitted');
    // The limit is written the way the action's truncation note writes it.
    expect(some).toContain('GitHub limits a comment to 65,536 characters');
    // 60 rows: charts go too, all rows stay
    const many = renderComment({
      marker: MARKER,
      rows: Array.from({ length: 60 }, (_, i) => row(i)),
    });
    expect(many.length).toBeLessThanOrEqual(65_536);
    expect(many).not.toContain('<img');
    expect(tableRows(renderGfm(many))).toHaveLength(61);
    expect(many).toContain('details and trend images omitted');
  });

  it('with thousands of rows keeps failed and slower steps and counts the rest', () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row(i, {
        name: `step-${i}-${'n'.repeat(90)}`,
        ...(i === 2500 ? { status: 'failed' as const } : {}),
        ...(i === 2999 ? { verdict: 'slower' as const } : {}),
      }),
    );
    const md = renderComment({ marker: MARKER, rows, runUrl: RUN_URL });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.startsWith(MARKER)).toBe(true);
    const html = renderGfm(md);
    const shown = tableRows(html).length - 1;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(`+${3000 - shown} more steps not shown`);
    expect(html).toContain('❌ step-2500-');
    expect(html).toContain('step-2999-');
    expect(html).toContain('workflow run');
  });

  it('honours a smaller maxChars (room for hidden JSON)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i));
    const md = renderComment({ marker: MARKER, rows, maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
  });

  it('handles no rows and refuses a bad marker', () => {
    expect(renderGfm(renderComment({ marker: MARKER, rows: [] }))).toContain(
      'No tracked steps yet.',
    );
    expect(() => renderComment({ marker: 'dev-metrics', rows: [] })).toThrow(/marker/);
    expect(() => renderComment({ marker: '<!-- a --> <script> <!-- b -->', rows: [] })).toThrow(
      /marker/,
    );
  });
});

describe('buildCommentRow', () => {
  it('builds a plain-JSON row from a verdict', () => {
    const r = buildCommentRow({
      verdict: verdict(),
      status: 'success',
      chartUrl: null,
      updatedAt: '2025-10-20T10:00:00',
      baselineBranch: 'main',
      flakiness: {
        name: 'unit_tests',
        flakyCommits: ['c'.repeat(40)],
        commitsSeen: 10,
        flakeRate: 0.1,
      },
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({
      name: 'unit_tests',
      durationMs: 67_500,
      baselineMedianMs: 60_000,
      changePercent: 12.5,
      verdict: 'slower',
    });
    const html = htmlText(renderGfm(r.detailsMarkdown!));
    expect(html).toContain('Base on main: 20 runs, median 1 min 00 s, p95 1 min 12 s');
    expect(html).toContain('This PR: 3 runs, median 1 min 08 s');
    expect(html).toContain('Flaky on 1 of 10 commits (10%): ccccccc');
  });
});

describe('layoutComment', () => {
  it('says how many rows and optional parts it left out', () => {
    const few = layoutComment({ marker: MARKER, rows: [1, 2].map((i) => row(i)) });
    expect(few).toMatchObject({ rowsLeftOut: 0, partsLeftOut: 0 });
    expect(few.markdown).toBe(renderComment({ marker: MARKER, rows: [1, 2].map((i) => row(i)) }));
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    expect(layoutComment({ marker: MARKER, rows })).toMatchObject({
      rowsLeftOut: 0,
      partsLeftOut: 2,
    });
    const tight = layoutComment({ marker: MARKER, rows, maxChars: 3000 });
    expect(tight.rowsLeftOut).toBeGreaterThan(0);
    expect(tableRows(renderGfm(tight.markdown))).toHaveLength(61 - tight.rowsLeftOut);
  });
});

describe('stored rows', () => {
  const points = Array.from({ length: 300 }, (_, k) => ({
    t: `2025-10-01T10:00:00`,
    durationMs: 1000 + k * 10.4,
    failed: k % 50 === 7,
  }));

  it('stores the chart as at most 40 whole-millisecond durations, failures negative', () => {
    const stored = toStoredRow(row(1), { points });
    expect(stored).not.toHaveProperty('chartUrl');
    expect(stored.step).toBe('step-1');
    expect(stored.history).toHaveLength(STORED_HISTORY_POINTS);
    expect(stored.history!.at(-1)).toBe(Math.round(1000 + 299 * 10.4)); // the newest run is kept
    expect(stored.history!.filter((v) => v < 0).length).toBeGreaterThan(0);
    expect(stored.history!.every(Number.isInteger)).toBe(true);
    const back = fromStoredRow(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>);
    expect(back).toMatchObject({ name: 'step-1', status: 'success', durationMs: 61_001 });
    expect(back.detailsMarkdown).toBe(row(1).detailsMarkdown);
    expect(back.chartUrl).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
    // With charts off no history is stored, so no chart can be drawn from it later.
    const off = toStoredRow(row(1), null);
    expect(off).not.toHaveProperty('history');
    expect(fromStoredRow(off).chartUrl).toBeNull();
    // A self-hosted QuickChart is remembered, so other writers draw the chart there too.
    const own = toStoredRow(row(1), { points, quickchartUrl: 'https://charts.example.com/qc' });
    expect(fromStoredRow(own).chartUrl).toMatch(/^https:\/\/charts\.example\.com\/qc\/chart\?/);
  });

  it('reads damaged or hostile stored fields as no value', () => {
    const back = fromStoredRow({
      step: 'x',
      updatedAt: '2025-10-20T10:00:00Z',
      status: 'pwned',
      durationMs: 'NaN',
      verdict: '<script>',
      history: ['1', null, 5],
      quickchartUrl: 'javascript:alert(1)',
      details: { toString: 1 },
    });
    expect(back).toMatchObject({
      name: 'x',
      status: 'success',
      durationMs: null,
      verdict: 'not enough data',
      chartUrl: null,
      detailsMarkdown: null,
    });
    expect(renderGfm(renderComment({ marker: MARKER, rows: [back] }))).not.toContain('<script');
  });
});
