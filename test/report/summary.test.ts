import { describe, expect, it } from 'vitest';
import { MAX_CHART_URL_LENGTH } from '../../src/report/charts.js';
import { renderStepSummary, STEP_SUMMARY_MAX_BYTES } from '../../src/report/summary.js';
import { WORD_JOINER } from '../../src/report/sanitize.js';
import { checkValue, withValues } from '../../src/core/values.js';
import type { ValueVerdict } from '../../src/insight/types.js';
import { record, verdict } from './fixtures.js';
import { htmlText, renderGfm, tableRows } from './gfm.js';

const history = Array.from({ length: 30 }, (_, i) =>
  record({ i, status: i % 11 === 5 ? 'failed' : 'success' }),
);

describe('renderStepSummary', () => {
  it('renders the result table, verdict, chart and last runs', () => {
    const run = record({ i: 30, duration_ms: 67_500 });
    const md = renderStepSummary({ run, verdict: verdict(), history, baselineBranch: 'main' });
    const html = renderGfm(md);
    expect(html).toMatch(/<h3>✅ unit_tests<\/h3>/);
    const rows = tableRows(html);
    expect(rows[0]).toEqual([
      'This run',
      'Baseline median',
      'Baseline p95',
      'Change',
      'Verdict',
      'Success rate',
      'Runs',
    ]);
    expect(rows[1]).toEqual([
      '1 min 08 s',
      '1 min 00 s',
      '1 min 12 s',
      '+12.5%',
      '🐢 slower',
      '90.3%',
      '31',
    ]);
    // The verdict word, then the detector's own reason (which carries the change and interval).
    expect(htmlText(html)).toContain('🐢 slower: median 12.5% slower than main over 20 runs.');
    expect(htmlText(html)).toContain('Baseline: 20 successful runs');
    const img = /<img src="([^"]+)" alt="Trend of unit_tests: duration per run"/.exec(html);
    expect(img?.[1]).toMatch(/^https:\/\/quickchart\.io\/chart\?c=/);
    expect(img![1]!.length).toBeLessThanOrEqual(MAX_CHART_URL_LENGTH);
    // last runs, newest first, in a details block
    expect(html).toContain('<details><summary>Last 10 runs</summary>');
    const started = rows
      .filter((r) => r.length === 5)
      .slice(1)
      .map((r) => r[0]);
    expect(started).toHaveLength(10);
    expect(started[0]).toBe('2025-10-02 06:00 UTC');
    const runRow = rows.find((r) => r[0] === '2025-10-02 06:00 UTC')!;
    expect(runRow).toEqual([
      '2025-10-02 06:00 UTC',
      '1 min 08 s',
      '✅ success',
      '<code>abc001e</code>',
      'main',
    ]);
  });

  it('uses window statistics when given, and notes charts: none', () => {
    const run = record({ i: 30 });
    const md = renderStepSummary({
      run,
      verdict: verdict({
        verdict: 'not enough data',
        changePercent: null,
        ciLowPercent: null,
        ciHighPercent: null,
      }),
      history,
      charts: 'none',
      window: {
        name: 'unit_tests',
        total_executions: 500,
        successes: 490,
        failures: 10,
        success_rate: 0.98,
        avg_duration_ms: 1,
        min_duration_ms: 1,
        max_duration_ms: 1,
        p50_duration_ms: 1,
        p90_duration_ms: 1,
        p95_duration_ms: 1,
        p99_duration_ms: 1,
        stddev_duration_ms: 0,
        last_status: 'success',
        last_run_at: '',
      },
    });
    const html = renderGfm(md);
    expect(tableRows(html)[1]!.slice(3)).toEqual(['—', '❔ not enough data', '98%', '500']);
    expect(html).not.toContain('<img');
    expect(md).toContain('charts: none');
    expect(md).not.toContain('quickchart');
  });

  it('shows flaky commits', () => {
    const md = renderStepSummary({
      run: record({ i: 30 }),
      verdict: verdict(),
      history,
      flakiness: {
        name: 'unit_tests',
        flakyCommits: ['a'.repeat(40), 'b'.repeat(40)],
        commitsSeen: 20,
        flakeRate: 0.1,
      },
    });
    expect(htmlText(renderGfm(md))).toContain(
      'Flaky: 2 of 20 commits (10%) had both a passing and a failing run: aaaaaaa, bbbbbbb.',
    );
  });

  it('writes the verdict sentence as plain prose, in the raw Markdown and rendered', () => {
    const reason = '+8.4% slower (96% CI +2.1% to +15.0%, p=0.004, 1 run vs 100 baseline on main)';
    const md = renderStepSummary({
      run: record({ i: 30 }),
      verdict: verdict({ reason }),
      baselineBranch: 'release/1.2',
      charts: 'none',
    });
    const sentence = `**🐢 slower:** ${reason}. Baseline: 20 successful runs on release/1.2; compared: 3 runs.`;
    expect(md).toContain(sentence);
    expect(htmlText(renderGfm(md))).toContain(sentence.replace(/\*\*/g, ''));
  });

  it('neutralises a hostile name, metadata and error text', () => {
    const name = 'a|b `x` <script>alert(1)</script> @octocat ![i](http://evil.example/i.png)';
    const secret = `ghp_${'Z9'.repeat(18)}`;
    const run = record({
      i: 30,
      name,
      status: 'failed',
      error: `step failed\n<img src=x onerror=alert(1)>\n![x](http://evil.example/x.png)\n\`\`\`\nAuthorization: Bearer ${secret}\n@octocat`,
      metadata: { ci: { sha: '<b>not a sha</b>', branch: 'feat|`x`<i>@team' } },
    });
    const md = renderStepSummary({
      run,
      verdict: verdict({ name, reason: '<b>why</b> | @octocat' }),
      history: [run],
    });
    const html = renderGfm(md);
    // the only image is our chart; no raw HTML from data anywhere
    const images = html.match(/<img [^>]*>/g) ?? [];
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^<img src="https:\/\/quickchart\.io\/chart\?/);
    expect(html.replace(images[0]!, '')).not.toMatch(/<(?:script|img|b|i)[\s>]/);
    // no bare @mention outside the code block (GitHub makes no mentions inside code)
    const outsideCode = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/m, '');
    expect(outsideCode).not.toBe(md);
    expect(outsideCode).not.toMatch(/@[\p{L}\p{N}_]/u);
    expect(md).not.toContain(secret);
    expect(htmlText(/<h3>(.*)<\/h3>/.exec(html)![1]!)).toBe(
      `❌ ${name.replace('@', `@${WORD_JOINER}`)}`,
    );
    // the error is one code block holding the redacted text
    const code = /<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    expect(htmlText(code ?? '')).toContain('<img src=x onerror=alert(1)>');
    expect(htmlText(code ?? '')).toContain('Authorization: Bearer ***');
    // the runs table still has 5 cells per row
    const runRows = tableRows(html).filter((r) => r[0]?.includes('UTC'));
    expect(runRows).toHaveLength(1);
    expect(runRows[0]).toHaveLength(5);
    expect(htmlText(runRows[0]![4]!)).toBe('feat|`x`<i>@team'.replace('@', `@${WORD_JOINER}`));
  });

  it(`stays under ${STEP_SUMMARY_MAX_BYTES} bytes with a huge history and a huge error`, () => {
    const big = Array.from({ length: 100_000 }, (_, i) =>
      record({ i, status: i % 97 === 0 ? 'failed' : 'success' }),
    );
    const run = record({
      i: 100_000,
      name: '💥'.repeat(5000),
      status: 'failed',
      error: '😀 error line with <html> and `ticks`\n'.repeat(200_000),
      metadata: { ci: { sha: 'f'.repeat(40), branch: 'b'.repeat(10_000) } },
    });
    const md = renderStepSummary({
      run,
      verdict: verdict({ reason: 'r'.repeat(100_000) }),
      history: big,
    });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(200_000);
    const html = renderGfm(md);
    expect(html).toContain('<details><summary>Last 10 runs</summary>');
    expect(html).toMatch(/<summary>Error output of this run/);
    expect(html).toMatch(/characters omitted\)/);
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it('drops the growing parts when a tight cap demands it, keeping valid Markdown', () => {
    const run = record({ i: 30, status: 'failed', error: 'boom\n'.repeat(1000) });
    const full = renderStepSummary({ run, verdict: verdict(), history });
    const capped = renderStepSummary({
      run,
      verdict: verdict(),
      history,
      maxBytes: Buffer.byteLength(full) - 1,
    });
    expect(Buffer.byteLength(capped)).toBeLessThan(Buffer.byteLength(full));
    const html = renderGfm(capped);
    expect(html).toContain('<details><summary>Error output');
    expect(html).not.toContain('Last 10 runs');
    expect(html.match(/<details>/g)!.length).toBe(html.match(/<\/details>/g)!.length);
  });
});

describe('renderStepSummary: names are data', () => {
  it.each(['..', '/', 'a/../../b', 'nul\u0000ctl\u0001\u001b[2J', 'two\nlines', 'x'.repeat(300)])(
    'the step named %j is one escaped heading, with no anchor or id built from it',
    (name) => {
      const run = record({ i: 30, name });
      const md = renderStepSummary({ run, verdict: verdict({ name }), history: [run] });
      const html = renderGfm(md);
      const headings = [...html.matchAll(/<h3>([\s\S]*?)<\/h3>/g)].map((m) => m[1] ?? '');
      expect(headings).toHaveLength(1);
      expect(html).not.toMatch(/\s(id|name)="/);
      // eslint-disable-next-line no-control-regex -- no control character reaches the page
      expect(htmlText(headings[0]!)).not.toMatch(/[\u0000-\u001f]/);
      expect(Array.from(htmlText(headings[0]!)).length).toBeLessThanOrEqual(2 + 200);
    },
  );
});

describe('renderStepSummary: values (issue 13)', () => {
  const run = record({
    i: 30,
    metadata: withValues({ ci: { branch: 'feature' } }, [
      checkValue('bundle_kb', 512, { unit: 'KB' }),
      checkValue('ops', 800, { unit: 'ops/s' }),
      checkValue('<img src:x>', 3),
    ]),
  });
  const valueVerdict = (name: string, over: Partial<ValueVerdict>): ValueVerdict => ({
    ...verdict({ name: `unit_tests › ${name}` }),
    step: 'unit_tests',
    valueName: name,
    better: 'smaller',
    ...over,
  });

  it('adds a row per value of the run: this run, the baseline median, the change, worse/better', () => {
    const md = renderStepSummary({
      run,
      verdict: verdict(),
      history,
      valueVerdicts: [
        valueVerdict('bundle_kb', { verdict: 'no change', baselineMedianMs: 498, unit: 'KB' }),
        valueVerdict('ops', { verdict: 'slower', baselineMedianMs: 1000, better: 'bigger' }),
      ],
    });
    const html = renderGfm(md);
    const rows = tableRows(html);
    const at = rows.findIndex((r) => r[0] === 'Value');
    expect(rows[at]).toEqual([
      'Value',
      'This run',
      'Baseline median',
      'Change',
      'Verdict',
      'Better',
    ]);
    expect(rows.slice(at + 1, at + 4)).toEqual([
      ['bundle_kb', '512 KB', '498 KB', '+2.8%', '➖ same', 'smaller'],
      ['ops', '800 ops/s', '1,000 ops/s', '-20.0%', '👎 worse', 'bigger'],
      ['&lt;img src:x&gt;', '3', '—', '—', '—', 'smaller'],
    ]);
    expect(html).not.toContain('<img src:x>');
    // The duration table and sentence are untouched.
    expect(rows[1]![4]).toBe('🐢 slower');
  });

  it('has no values table for a run without values', () => {
    const md = renderStepSummary({ run: record({ i: 30 }), verdict: verdict(), history });
    expect(tableRows(renderGfm(md)).some((r) => r[0] === 'Value')).toBe(false);
  });
});
