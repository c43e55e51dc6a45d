// The page inlines src/report/dashboard/client.generated.ts, bundled from client/*.ts: the library
// build, the action bundle, the tests and the demo all read that committed file, so it must be
// exactly what the bundler makes of today's TypeScript.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_CLIENT_JS } from '../../src/report/dashboard/client.generated.js';
import { contentSecurityPolicy, renderDashboard } from '../../src/report/dashboard/index.js';
import { DASHBOARD_CSS } from '../../src/report/dashboard/css.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the dashboard client bundle', () => {
  it('client.generated.ts is a fresh bundle of client/*.ts (run `npm run build:client`)', () => {
    const check = (): string =>
      execFileSync(process.execPath, ['scripts/build-dashboard-client.mjs', '--check'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(check).not.toThrow();
  });

  it('is the script the page runs, and the one its Content-Security-Policy allows', () => {
    const html = renderDashboard([], { generatedAt: new Date(Date.UTC(2025, 9, 20)) });
    expect(html).toContain(`<script>${DASHBOARD_CLIENT_JS}</script>`);
    expect(html).toContain(contentSecurityPolicy(DASHBOARD_CLIENT_JS, DASHBOARD_CSS));
    // A strict-mode classic script with no module syntax left in it.
    expect(DASHBOARD_CLIENT_JS.slice(0, 40)).toMatch(/^\(function\(\) \{\s*"use strict";/);
    expect(DASHBOARD_CLIENT_JS).not.toMatch(/^\s*(import|export)\s/m);
  });
});
