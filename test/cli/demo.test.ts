// `demo` records real runs and shows them; `dashboard` writes the HTML file of a history.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTable, readAllRecords, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const DEMO_OPERATIONS = ['build', 'install_deps', 'integration_tests', 'lint', 'unit_tests'];

describe('dev-metrics demo', () => {
  it('records 20 real runs, one failing, then prints the summary and writes the dashboard', async () => {
    const dir = path.join(tmp.dir, 'demo');
    const result = await runCli(['demo', '--metrics-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');

    const records = readAllRecords(dir);
    expect(records).toHaveLength(20);
    expect([...new Set(records.map((r) => r.name))].sort()).toEqual(DEMO_OPERATIONS);
    const failed = records.filter((r) => r.status === 'failed');
    expect(failed).toMatchObject([
      { name: 'integration_tests', error: 'exit code 1', metadata: { demo: true, round: 3 } },
    ]);
    for (const r of records) {
      const { values, value_info: info, ...rest } = r.metadata;
      expect(rest).toEqual({ demo: true, round: expect.any(Number) });
      // build reports its gzipped bundle through $DEV_METRICS_VALUES, as a user's command would.
      if (r.name === 'build') {
        expect(values).toEqual({ bundle_gz: expect.any(Number) });
        expect(info).toEqual({ bundle_gz: { unit: 'bytes', better: 'smaller' } });
      } else {
        expect(values).toBeUndefined();
      }
      // Real work was timed: each script works for at least ~60 ms before exiting.
      expect(r.duration_ms).toBeGreaterThan(50);
    }

    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Recording 20 demo runs into ${dir}`);
    expect(lines.filter((l) => /^ {2}round \d {2}\S+ +\d/.test(l))).toHaveLength(20);
    const tableText = result.stdout.slice(result.stdout.indexOf('operation '));
    const table = parseTable(tableText.slice(0, tableText.indexOf('\n\n') + 1));
    expect(table.rows.map((r) => [r[0]!.trim(), r[1]!.trim(), r[2]!.trim()])).toEqual([
      ['build', '4', '100.0%'],
      ['build › bundle_gz', '4', '—'],
      ['install_deps', '4', '100.0%'],
      ['integration_tests', '4', '75.0%'],
      ['lint', '4', '100.0%'],
      ['unit_tests', '4', '100.0%'],
    ]);
    const dashboard = path.join(dir, 'dashboard.html');
    expect(result.stdout.endsWith(`\nDashboard: ${dashboard}\n`)).toBe(true);
    const html = readFileSync(dashboard, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('integration_tests');
  });
});

describe('dev-metrics dashboard', () => {
  it('writes the dashboard to --output and reports what it wrote', async () => {
    const dir = path.join(tmp.dir, 'dash');
    const ok = await runCli([
      'run',
      'build',
      '--metrics-dir',
      dir,
      '--',
      process.execPath,
      '-e',
      '',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const output = path.join(tmp.dir, 'site', 'metrics.html');
    const result = await runCli(['dashboard', '--metrics-dir', dir, '--output', output]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `Dashboard written to ${output} (1 operation, 1 run, last 30 days)\n`,
    );
    expect(readFileSync(output, 'utf8')).toContain('build');

    const json = await runCli(['dashboard', '--days', '7', '--json', '--metrics-dir', dir]);
    expect(json.code, json.stderr).toBe(0);
    const written = JSON.parse(json.stdout);
    expect(written).toMatchObject({
      outputFile: path.join(dir, 'dashboard.html'),
      operations: 1,
      records: 1,
    });
    expect(existsSync(written.outputFile)).toBe(true);
  });

  it('rejects a bad --days with usage and exit 2', async () => {
    const result = await runCli(['dashboard', '--days', '-1', '--metrics-dir', tmp.dir]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      "dev-metrics: --days must be a whole number ≥ 1, got '-1'",
    );
  });
});
