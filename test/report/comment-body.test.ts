import { describe, expect, it } from 'vitest';
import { trendChartUrl } from '../../src/report/charts.js';
import {
  buildCommentRow,
  COMMENT_MAX_CHARS,
  COMMENT_MAX_CHARS_TEXT,
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

describe('value rows (issue 13)', () => {
  const valueRow = (overrides: Partial<CommentRow> = {}): CommentRow =>
    row(1, {
      name: 'bench › ops',
      durationMs: 400,
      baselineMedianMs: 500,
      changePercent: -20,
      verdict: 'slower',
      unit: 'ops/s',
      better: 'bigger',
      chartUrl: null,
      ...overrides,
    });

  it('shows value medians with their unit and says worse/better', () => {
    const rows = [
      row(1, { chartUrl: null }),
      valueRow(),
      valueRow({
        name: 'bench › size',
        durationMs: 1234.5,
        baselineMedianMs: 0.0012,
        changePercent: -5,
        verdict: 'faster',
        unit: '<b>KB</b>*',
        better: 'smaller',
      }),
    ];
    const html = renderGfm(renderComment({ marker: MARKER, rows }));
    const cells = tableRows(html);
    expect(cells[1]!.slice(0, 5)).toEqual([
      '✅ step-1',
      '1 min 01 s',
      '1 min 00 s',
      '+1.7%',
      '➖ same',
    ]);
    expect(cells[2]!.slice(0, 5)).toEqual([
      '✅ bench › ops',
      '400 ops/s',
      '500 ops/s',
      '-20.0%',
      '👎 worse',
    ]);
    expect(cells[3]!.slice(0, 5)).toEqual([
      '✅ bench › size',
      '1,235 &lt;b&gt;KB&lt;/b&gt;*', // the unit is text, not HTML
      '0.0012 &lt;b&gt;KB&lt;/b&gt;*',
      '-5.0%',
      '👍 better',
    ]);
    expect(html).not.toContain('<b>KB');
  });

  it('buildCommentRow makes a value row from a value verdict, details in the value unit', () => {
    const r = buildCommentRow({
      verdict: verdict({
        name: 'bench › ops',
        changePercent: -20,
        ciLowPercent: -24,
        ciHighPercent: -16,
        baselineMedianMs: 500,
        baselineP95Ms: 520,
        candidateMedianMs: 400,
        reason: '−20.0% worse (96% CI −24.0% to −16.0%)',
      }),
      status: 'success',
      chartUrl: null,
      updatedAt: '2025-10-20T10:00:00',
      baselineBranch: 'main',
      unit: 'ops/s',
      better: 'bigger',
    });
    expect(r).toMatchObject({
      durationMs: 400,
      unit: 'ops/s',
      better: 'bigger',
      verdict: 'slower',
    });
    const text = htmlText(renderGfm(r.detailsMarkdown!));
    expect(text).toContain('👎 worse: −20.0% worse');
    expect(text).toContain('Base on main: 20 runs, median 500 ops/s, p95 520 ops/s');
    expect(text).toContain('This PR: 3 runs, median 400 ops/s');
    expect(text).toContain('Bigger is better');
    // A duration row stays as it was: no unit, no direction.
    const plain = buildCommentRow({
      verdict: verdict(),
      status: 'success',
      chartUrl: null,
      updatedAt: 'x',
    });
    expect(plain).not.toHaveProperty('better');
    expect(plain).not.toHaveProperty('unit');
  });

  it('stores unit, direction and the values (any sign, 4 digits), and reads them back', () => {
    const valuePoints = Array.from({ length: 60 }, (_, k) => ({
      t: '2025-10-01T10:00:00',
      value: k === 59 ? -0.001234567 : 512.345678 + k,
      failed: false,
    }));
    const stored = toStoredRow(valueRow(), { points: [], valuePoints });
    expect(stored).toMatchObject({ unit: 'ops/s', better: 'bigger' });
    expect(stored.history).toHaveLength(STORED_HISTORY_POINTS);
    expect(stored.history![0]).toBe(512.3);
    expect(stored.history!.at(-1)).toBe(-0.001235);
    const back = fromStoredRow(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>);
    expect(back).toMatchObject({
      name: 'bench › ops',
      unit: 'ops/s',
      better: 'bigger',
      durationMs: 400,
    });
    const c = new URL(back.chartUrl!).searchParams.get('c')!;
    expect(c).toContain('"bench › ops (ops/s)"');
    expect(c).toContain('-0.00123');
    expect(fromStoredRow(toStoredRow(valueRow({ unit: undefined }), null))).not.toHaveProperty(
      'unit',
    );
  });

  it('reads rows stored before values as duration rows, and a damaged direction from the unit', () => {
    const old = {
      step: 'build',
      updatedAt: '2025-10-20T10:00:00Z',
      status: 'success',
      durationMs: 1000,
      baselineMedianMs: 900,
      changePercent: 11.1,
      verdict: 'slower',
      history: [900, 1000.5, -1001],
    };
    const back = fromStoredRow(old);
    expect(back).not.toHaveProperty('better');
    expect(back).not.toHaveProperty('unit');
    expect(toStoredRow(back, null)).not.toHaveProperty('better');
    expect(
      fromStoredRow({ ...old, history: undefined, unit: 'ops/s', better: 'worse' }),
    ).toMatchObject({
      unit: 'ops/s',
      better: 'bigger',
    });
    const hostile = fromStoredRow({ ...old, unit: 'a\u0007b', better: 'smaller' });
    expect(hostile.better).toBe('smaller');
    expect(hostile).not.toHaveProperty('unit');
    expect(hostile.chartUrl).not.toBeNull(); // a value row: its history read as values
  });
});

describe('COMMENT_MAX_CHARS_TEXT', () => {
  it('is the limit as en-US writes it (spelled out: toLocaleString loads ICU, ~22 ms cold)', () => {
    expect(COMMENT_MAX_CHARS_TEXT).toBe(COMMENT_MAX_CHARS.toLocaleString('en-US'));
  });
});
