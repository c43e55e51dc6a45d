/**
 * The dashboard in real headless Chromium (Debian's chromium via playwright-core), served from a
 * loopback server with every other request blocked: no console errors, charts drawn, tooltips,
 * filters, and a hostile history runs none of its payloads.
 * Set UPDATE_SCREENSHOT=1 to rewrite docs/dashboard.png from the demo history.
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDashboard } from '../../src/report/dashboard/index.js';
import {
  browserAvailability,
  launchChromium,
  serveHtml,
  watchedPage,
  type StaticServer,
  type WatchedPage,
} from '../helpers/browser.js';
import type { ExecutionRecord } from '../../src/core/record.js';
import {
  demoHistory,
  record,
  xssHistory,
  XSS_IMG,
  XSS_SCRIPT,
} from '../helpers/dashboard-history.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = Date.UTC(2025, 9, 20, 15, 30, 0);
const generatedAt = new Date(NOW);
const availability = browserAvailability();

if (!availability.run && !availability.missingInCi) {
  console.warn(`dashboard browser tests skipped: ${availability.message}`);
}

describe('browser availability', () => {
  it.runIf(availability.missingInCi)('Chromium is installed when CI is set', () => {
    expect.fail(`CI is set but ${availability.message}`);
  });
});

describe.runIf(availability.run)('dashboard in headless Chromium', () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  async function open(
    html: string,
    viewport?: { width: number; height: number },
  ): Promise<WatchedPage> {
    const server = await serveHtml(html);
    servers.push(server);
    const watched = await watchedPage(browser, server.origin, viewport);
    await watched.page.goto(server.url);
    await watched.page.waitForSelector('html[data-ready="1"]');
    return watched;
  }

  function expectClean(w: WatchedPage): void {
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.blockedRequests).toEqual([]);
  }

  describe('demo history', () => {
    let w: WatchedPage;
    beforeAll(async () => {
      w = await open(
        renderDashboard(demoHistory(NOW), { generatedAt, title: 'acme/storefront · CI timings' }),
      );
    });

    it('loads with no errors and requests nothing but the page itself', () => {
      expectClean(w);
      expect(w.requests.filter((u) => !u.endsWith('/dashboard.html'))).toEqual([]);
    });

    it('shows the attention panel first, with the slower, flaky and failing operations', async () => {
      const firstSection = await w.page.locator('main > section').first().getAttribute('id');
      expect(firstSection).toBe('attention');
      const items = await w.page.locator('#attention-body li').allTextContents();
      expect(items.some((t) => t.includes('Slower') && t.includes('build'))).toBe(true);
      expect(items.some((t) => t.includes('Flaky') && t.includes('unit tests'))).toBe(true);
      expect(items.some((t) => t.includes('Failing') && t.includes('e2e tests'))).toBe(true);
    });

    it('draws an overview row with a sparkline per operation, and formatted numbers', async () => {
      await expect.poll(() => w.page.locator('#overview-rows tr').count()).toBe(6);
      expect(await w.page.locator('#overview-rows svg.spark path.line').count()).toBe(6);
      const row = await w.page.locator('#overview-rows tr', { hasText: 'e2e tests' }).textContent();
      expect(row).toMatch(/\d min \d\d s/);
    });

    it('draws a chart per operation: a line path, failure marks and a median line', async () => {
      expect(await w.page.locator('#charts-body svg.chart').count()).toBe(6);
      const lines = await w.page
        .locator('#charts-body svg.chart path.line')
        .evaluateAll((ps) =>
          ps.map((p) => (p as unknown as { getTotalLength(): number }).getTotalLength()),
        );
      expect(lines).toHaveLength(6);
      for (const length of lines) expect(length).toBeGreaterThan(100);
      const e2eFailures = await w.page
        .locator('.chart-card', { hasText: 'e2e tests' })
        .locator('circle.fail')
        .count();
      expect(e2eFailures).toBeGreaterThan(0);
      expect(await w.page.locator('#charts-body line.median').count()).toBe(6);
    });

    it('shows a tooltip with time, duration, status, branch and commit on hover', async () => {
      const card = w.page.locator('.chart-card', { hasText: 'build' }).first();
      const overlay = card.locator('rect.overlay');
      await overlay.scrollIntoViewIfNeeded();
      const box = await overlay.boundingBox();
      if (box === null) throw new Error('no overlay box');
      await w.page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      const tip = card.locator('.tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const text = (await tip.textContent()) ?? '';
      expect(text).toMatch(/\d+\.\d+ s/);
      expect(text).toMatch(/2025-\d\d-\d\d \d\d:\d\d UTC/);
      expect(text).toMatch(/Status(success|failed)/);
      expect(text).toMatch(/Branch/);
      expect(text).toMatch(/Commit[0-9a-f]{7}/);
      await w.page.mouse.move(1, 1);
      await expect.poll(() => tip.isVisible()).toBe(false);
    });

    it('filters by operation, branch and time range', async () => {
      const { page } = w;
      const runRows = () => page.locator('#runs-rows tr').count();
      expect(await runRows()).toBe(25);
      await page.click('#runs-more');
      expect(await runRows()).toBe(75);

      await page.selectOption('#f-op', { label: 'lint' });
      expect(await page.locator('#overview-rows tr').count()).toBe(1);
      expect(await page.locator('#charts-body svg.chart').count()).toBe(1);
      const lintOps = await page.locator('#runs-rows tr td:nth-child(2)').allTextContents();
      expect(lintOps.length).toBe(25);
      expect(new Set(lintOps)).toEqual(new Set(['lint']));

      await page.selectOption('#f-op', { label: 'All operations' });
      const runsOf = async (op: string): Promise<number> =>
        Number(
          (
            await page
              .locator('#overview-rows tr', { hasText: op })
              .locator('td')
              .nth(1)
              .textContent()
          )?.replace(/,/g, ''),
        );
      const allBuilds = await runsOf('build');
      await page.selectOption('#f-branch', { label: 'fix/cart-rounding' });
      const branches = await page.locator('#runs-rows tr td:nth-child(5)').allTextContents();
      expect(branches.length).toBeGreaterThan(0);
      for (const b of branches) expect(b).toContain('fix/cart-rounding');
      const branchBuilds = await runsOf('build');
      expect(branchBuilds).toBeGreaterThan(0);
      expect(branchBuilds).toBeLessThan(allBuilds / 2);

      await page.selectOption('#f-branch', { label: 'All branches' });
      const failMarksAll = await page
        .locator('.chart-card', { hasText: 'unit tests' })
        .locator('circle.fail')
        .count();
      await page.selectOption('#f-range', { label: '7 days' });
      const weekBuilds = await runsOf('build');
      expect(weekBuilds).toBeGreaterThan(0);
      expect(weekBuilds).toBeLessThan(allBuilds / 2);
      const failMarksWeek = await page
        .locator('.chart-card', { hasText: 'unit tests' })
        .locator('circle.fail')
        .count();
      expect(failMarksWeek).toBeLessThan(failMarksAll);
      const times = await page.locator('#runs-rows tr td:nth-child(1)').allTextContents();
      const oldest = Math.min(
        ...times.map((t) => Date.parse(t.replace(' UTC', 'Z').replace(' ', 'T'))),
      );
      expect(oldest).toBeGreaterThanOrEqual(NOW - 7 * 86_400_000);

      // The attention panel's operation button is a filter too.
      await page.locator('#attention-body button', { hasText: 'e2e tests' }).first().click();
      expect(await page.locator('#f-op option:checked').textContent()).toBe('e2e tests');
      expect(await page.locator('#overview-rows tr').count()).toBe(1);
      expectClean(w);
    });

    it('a card with values offers a selector; a chosen value redraws chart, stats and row in its unit', async () => {
      // A page of its own: the filters test leaves the shared one narrowed.
      const v = await open(
        renderDashboard(demoHistory(NOW), { generatedAt, title: 'acme/storefront · CI timings' }),
      );
      const card = v.page.locator('.chart-card', { hasText: 'build' }).first();
      const select = card.locator('select.measure-select');
      expect(await select.locator('option').allTextContents()).toEqual([
        'Duration',
        'bundle_size (kB)',
      ]);
      // Cards without values have no selector.
      const lint = v.page.locator('.chart-card', {
        has: v.page.locator('h3', { hasText: /^lint$/ }),
      });
      expect(await lint.locator('select').count()).toBe(0);
      const durationMeta = await card.locator('.meta').textContent();
      expect(durationMeta).toMatch(/runs · \d+ failed · p50 \d+(\.\d+)? s/);

      await select.selectOption({ label: 'bundle_size (kB)' });
      const meta = v.page.locator('.chart-card', { hasText: 'build' }).first().locator('.meta');
      await expect.poll(() => meta.textContent()).toMatch(/values · median 4\d\d(\.\d)? kB/);
      const text = (await meta.textContent()) ?? '';
      expect(text).toMatch(/p95 4\d\d(\.\d)? kB · min 4\d\d(\.\d)? kB · max 4\d\d(\.\d)? kB/);
      expect(text).toContain('lower is better');
      const chart = v.page
        .locator('.chart-card', { hasText: 'build' })
        .first()
        .locator('svg.chart');
      expect(await chart.getAttribute('aria-label')).toBe('bundle_size (kB) over time of build');
      expect(await chart.locator('text.median-label').textContent()).toMatch(
        /^median 4\d\d(\.\d)? kB$/,
      );
      // The axis spans the values (around 412–440 kB), not 0 to the slowest duration.
      const ticks = (
        await chart.locator('text[text-anchor="end"]:not(.median-label)').allTextContents()
      ).map(Number);
      expect(ticks.length).toBeGreaterThan(2);
      for (const t of ticks) expect(t).toBeGreaterThanOrEqual(380);
      for (const t of ticks) expect(t).toBeLessThanOrEqual(480);
      const row = v.page.locator('#overview-rows tr', { hasText: 'build' });
      expect(await row.getAttribute('data-value')).toBe('bundle_size (kB)');
      expect(await row.textContent()).toMatch(/4\d\d(\.\d)? kB.*4\d\d(\.\d)? kB/);
      // Tooltip in the value's unit.
      const box = await chart.boundingBox();
      await v.page.mouse.move(box!.x + box!.width * 0.7, box!.y + box!.height / 2);
      const tip = v.page.locator('.chart-card', { hasText: 'build' }).first().locator('.tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.locator('.dur').textContent()).toMatch(/^4\d\d(\.\d)? kB$/);

      // A bigger-is-better value says so: a drop is the worse side.
      const tests = v.page.locator('.chart-card', { hasText: 'unit tests' }).first();
      await tests.locator('select.measure-select').selectOption({ label: 'coverage (%)' });
      const unitMeta = v.page
        .locator('.chart-card', { hasText: 'unit tests' })
        .first()
        .locator('.meta');
      await expect
        .poll(() => unitMeta.textContent())
        .toMatch(/median 8\d(\.\d)?% .*higher is better/);
      expect(
        await v.page
          .locator('.chart-card', { hasText: 'unit tests' })
          .first()
          .locator('svg.chart text.direction')
          .textContent(),
      ).toBe('\u2191 higher is better');

      // Back to the duration.
      await v.page
        .locator('.chart-card', { hasText: 'build' })
        .first()
        .locator('select.measure-select')
        .selectOption({ label: 'Duration' });
      await expect
        .poll(() =>
          v.page
            .locator('.chart-card', { hasText: 'build' })
            .first()
            .locator('.meta')
            .textContent(),
        )
        .toBe(durationMeta);
      expectClean(v);
      await v.page.context().close();
    });

    it('builds links to the commit, branch and run on the server', async () => {
      const { page } = w;
      await page.selectOption('#f-op', { label: 'All operations' });
      const hrefs = await page
        .locator('#runs-rows a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs)
        expect(href).toMatch(
          /^https:\/\/github\.com\/acme\/storefront\/(commit|tree|actions\/runs|pull)\//,
        );
    });

    it('renders a screenshot of the demo', async () => {
      // Tall enough for the first row of charts; the build card shows its bundle size (a value).
      const fresh = await open(
        renderDashboard(demoHistory(NOW), { generatedAt, title: 'acme/storefront · CI timings' }),
        { width: 1280, height: 1080 },
      );
      await fresh.page
        .locator('.chart-card', { hasText: 'build' })
        .first()
        .locator('select.measure-select')
        .selectOption({ label: 'bundle_size (kB)' });
      await fresh.page.locator('#overview-rows tr[data-value]').waitFor();
      const update = process.env.UPDATE_SCREENSHOT === '1';
      const dir = update ? path.join(ROOT, 'docs') : path.join(tmpdir(), 'dev-metrics-dashboard');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'dashboard.png');
      await fresh.page.screenshot({ path: file, fullPage: false });
      if (process.env.DASHBOARD_SECTION_SHOTS === '1') {
        // For looking at the design: each section on its own, in a temp dir.
        for (const id of ['attention', 'overview', 'charts', 'runs']) {
          await fresh.page
            .locator(`#${id}`)
            .screenshot({ path: path.join(tmpdir(), `dm-${id}.png`) });
        }
      }
      expectClean(fresh);
      await fresh.page.evaluate('window.scrollTo(0, 0)');
      await fresh.page.emulateMedia({ colorScheme: 'dark' });
      const darkBackground = await fresh.page.evaluate(
        'getComputedStyle(document.body).backgroundColor',
      );
      expect(darkBackground).toBe('rgb(13, 17, 23)');
      await fresh.page.screenshot({ path: path.join(tmpdir(), 'dm-dashboard-dark.png') });
      await fresh.page.context().close();
    });
  });

  describe('edge cases', () => {
    it('an empty history loads cleanly and says there is nothing to show', async () => {
      const w = await open(renderDashboard([], { generatedAt }));
      expect(await w.page.locator('#overview-empty').isVisible()).toBe(true);
      expect(await w.page.locator('#charts-body').textContent()).toContain('No runs');
      expect(await w.page.locator('#attention-body').textContent()).toContain(
        'Nothing needs attention',
      );
      expectClean(w);
      await w.page.context().close();
    });

    it('fits a phone-sized screen without horizontal page scrolling', async () => {
      const html = renderDashboard(demoHistory(NOW), { generatedAt });
      const w = await open(html, { width: 390, height: 844 });
      const overflow = await w.page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expectClean(w);
      await w.page.context().close();
    });
  });

  describe('100,000-operation scale, in small: 2,000 operations', () => {
    it('charts the 50 most relevant, states the bound, and lists the rest in a sortable, filterable table', async () => {
      const records: ExecutionRecord[] = [];
      const name = (i: number) => `suite/test_${String(i).padStart(4, '0')}`;
      for (let i = 0; i < 2000; i++) {
        const runs = i % 100 === 0 ? 6 : 2;
        for (let k = 0; k < runs; k++) {
          records.push(
            record(name(i), NOW - (k + 1) * 3_600_000 - i * 1000, 100 + i, k > 0 || i % 7 !== 0),
          );
        }
      }
      const w = await open(renderDashboard(records, { generatedAt }));
      const { page } = w;
      expect(await page.locator('#charts-body svg.chart').count()).toBe(50);
      expect(await page.locator('#overview-rows tr').count()).toBe(50);
      expect(await page.locator('#f-op option').count()).toBe(51);
      expect(await page.locator('#bound').textContent()).toBe(
        'Showing charts for the 50 most relevant of 2,000 operations (those that need attention first, then the most runs); the other 1,950 are in the table below.',
      );
      expect(await page.locator('#others-rows tr').count()).toBe(100);
      expect(await page.locator('#others-count').textContent()).toBe('showing 100 of 1,950');
      const header = await page.locator('#others thead th').allTextContents();
      expect(header).toEqual(['Operation', 'Runs', 'Success', 'Median', 'p95', 'Last run']);

      await page.click('#others-more');
      expect(await page.locator('#others-rows tr').count()).toBe(300);

      // Filter by name: a substring, case-insensitive.
      await page.fill('#others-filter', 'TEST_19');
      const filtered = await page.locator('#others-rows tr td:first-child').allTextContents();
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThanOrEqual(100);
      for (const n of filtered) expect(n).toContain('test_19');
      await page.fill('#others-filter', 'no such operation');
      expect(await page.locator('#others-rows tr').count()).toBe(0);
      expect(await page.locator('#others-empty').isVisible()).toBe(true);
      await page.fill('#others-filter', '');

      // Sort by median: largest first, then smallest first on a second click.
      const medians = async () =>
        (await page.locator('#others-rows tr td:nth-child(4)').allTextContents()).slice(0, 20);
      const ms = (t: string) =>
        t.endsWith(' ms') ? Number(t.slice(0, -3)) : Number(t.slice(0, -2)) * 1000;
      await page.click('#others th[data-sort="p50"] button');
      expect(await page.locator('#others th[data-sort="p50"]').getAttribute('aria-sort')).toBe(
        'descending',
      );
      const down = (await medians()).map(ms);
      expect(down).toEqual([...down].sort((a, b) => b - a));
      await page.click('#others th[data-sort="p50"] button');
      const up = (await medians()).map(ms);
      expect(up).toEqual([...up].sort((a, b) => a - b));
      expect(up[0]).toBeLessThan(down[0]!);
      await page.click('#others th[data-sort="name"] button');
      const names = (await page.locator('#others-rows tr td:first-child').allTextContents()).slice(
        0,
        20,
      );
      expect(names).toEqual([...names].sort());
      expectClean(w);
      await w.page.context().close();
    });

    it('a small history shows no bound and no table of other operations', async () => {
      const w = await open(renderDashboard(demoHistory(NOW), { generatedAt }));
      expect(await w.page.locator('#bound').isVisible()).toBe(false);
      expect(await w.page.locator('#others').isVisible()).toBe(false);
      expectClean(w);
      await w.page.context().close();
    });
  });

  describe('hostile history', () => {
    it('runs none of the payloads and shows them as text', async () => {
      const w = await open(renderDashboard(xssHistory(NOW), { generatedAt, title: XSS_SCRIPT }));
      const { page } = w;
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      // Exercise every interactive path too: hovers and filters.
      for (const overlay of await page.locator('rect.overlay').all()) {
        const box = await overlay.boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      }
      await page.selectOption('#f-branch', { index: 1 });
      await page.selectOption('#f-branch', { index: 0 });
      for (const el of (await page.locator('#runs-rows td').all()).slice(0, 14))
        await el.hover({ force: true });
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');

      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('[onerror], [onload], [onmouseover]').count()).toBe(0);
      expect(await page.title()).toBe(XSS_SCRIPT);
      expect(await page.locator('#title').textContent()).toBe(XSS_SCRIPT);
      const overview = await page.locator('#overview-rows').textContent();
      expect(overview).toContain(XSS_SCRIPT);
      expect(overview).toContain(XSS_IMG);
      const errors = await page.locator('#runs-rows code').allTextContents();
      expect(errors.some((e) => e.includes(XSS_IMG))).toBe(true);
      // No javascript: (or any) link was built from the hostile server_url/repository.
      expect(await page.locator('a[href]').count()).toBe(0);
      expectClean(w);
    });
  });
});
