/**
 * Every place that publishes a record's error text goes through core/redact.ts: the job summary,
 * the dashboard, and the CLI's `recent` table (CI logs are published too). Fed a record as an
 * older writer (the Python tool, an older version) could have stored it: unredacted.
 */
import { describe, expect, it } from 'vitest';
import { renderRecentTable } from '../../src/cli/commands/recent.js';
import { buildDashboardModel } from '../../src/report/dashboard/index.js';
import { renderStepSummary } from '../../src/report/summary.js';
import { record as dashboardRecord } from '../helpers/dashboard-history.js';
import { record, verdict } from './fixtures.js';

const WEBHOOK = `https://hooks.slack.com/services/T0AAAA/B0BBBB/${'xYz123'.repeat(4)}`;
const SIG = `VOco_-4vvar98WT0aX7jJL${'viHzsybZ'.repeat(2)}`;
const FLOW =
  'https://prod-05.northeurope.logic.azure.com:443/workflows/d16fda7f5e08/triggers/manual/' +
  `paths/invoke?api-version=2016-10-01&sv=1.0&sig=${SIG}`;
const ERROR = `curl -u bot:Hunter2xyz ${WEBHOOK}\nPOST ${FLOW} -> 401\nDB_PASS=db-pass-value-0123`;
const LEAKS = ['Hunter2xyz', 'xYz123xYz123', SIG, 'db-pass-value-0123'];

describe('published error text is redacted on every path', () => {
  it('job summary', () => {
    const run = record({ i: 1, status: 'failed', error: ERROR });
    const md = renderStepSummary({
      run,
      verdict: verdict(),
      history: [run],
      baselineBranch: 'main',
    });
    expect(md).toContain('curl -u bot:***');
    for (const leak of LEAKS) expect(md).not.toContain(leak);
  });

  it('dashboard model (what the HTML embeds)', () => {
    const now = Date.UTC(2025, 9, 20, 12);
    const model = buildDashboardModel(
      [dashboardRecord('deploy', now - 3_600_000, 1000, false, {}, ERROR)],
      {
        generatedAt: new Date(now),
      },
    );
    const json = JSON.stringify(model);
    expect(json).toContain('curl -u bot:***');
    for (const leak of LEAKS) expect(json).not.toContain(leak);
  });

  it('CLI recent table: redacted before it is cut to one line', () => {
    // The cut at 60 characters falls inside the webhook path, after its host: cut first, the
    // rest of the URL would no longer look like a webhook.
    const error = `notify: POST ${WEBHOOK}`;
    const table = renderRecentTable([record({ i: 1, status: 'failed', error })]);
    expect(table).toContain('hooks.slack.com/services/***');
    expect(table).not.toContain('T0AAAA');
  });
});
