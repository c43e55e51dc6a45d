/**
 * Headless Chromium for browser tests: playwright-core driving Debian's `chromium` package.
 * Pages are served from a loopback HTTP server; every request that is not to that server is
 * aborted and recorded, so a test can assert the page tried to reach nothing else.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserAvailability {
  /** Run the browser tests. */
  run: boolean;
  /** Chromium is missing although CI is set: a test must fail. */
  missingInCi: boolean;
  message: string;
}

/** Browser tests skip (with this message) only off CI; in CI a missing browser is a failure. */
export function browserAvailability(): BrowserAvailability {
  if (existsSync(CHROMIUM_PATH)) return { run: true, missingInCi: false, message: '' };
  const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  const message =
    `${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install chromium) ` +
    'or set CHROMIUM_PATH';
  return { run: false, missingInCi: inCi, message };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface StaticServer {
  /** URL of the page, e.g. http://127.0.0.1:41234/dashboard.html */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serves one HTML document at /dashboard.html on 127.0.0.1 (everything else: 404). */
export async function serveHtml(html: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/dashboard.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/dashboard.html`,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface WatchedPage {
  page: Page;
  /** Console messages of type error (including CSP violation reports). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Requests aborted because they left the allowed origin. */
  blockedRequests: string[];
  /** Every request the page made, allowed or not. */
  requests: string[];
}

/** A new page that allows requests only to `allowedOrigin` and records errors. */
export async function watchedPage(
  browser: Browser,
  allowedOrigin: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const watched: WatchedPage = {
    page,
    consoleErrors: [],
    pageErrors: [],
    blockedRequests: [],
    requests: [],
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => watched.pageErrors.push(String(error)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    watched.requests.push(url);
    if (url === allowedOrigin || url.startsWith(`${allowedOrigin}/`)) {
      await route.continue();
    } else {
      watched.blockedRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return watched;
}
