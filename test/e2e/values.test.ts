/**
 * End-to-end of values (issue 13): the bundle (dist/index.js) run as the runner runs it, with
 * history off (no services needed). A wrapped step appends lines to $DEV_METRICS_VALUES (one of
 * them bad) and writes a Google Benchmark JSON file; both land in its record, the bad line is one
 * warning, and the step's outcome is the command's.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, makeWorkspace, nodeBinaries, runStep } from '../helpers/runner.js';
import { commands, pushEvent, readHistory } from './helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/benchmarks/gab-googlecpp_output.json');

describe.each(nodeBinaries())('values on $label', ({ bin }) => {
  it('a step writes values and a benchmark file: all in its record, a bad line is one warning', async () => {
    const ws = makeWorkspace();
    copyFileSync(FIXTURE, path.join(ws.workspace, 'seed.json'));
    const ev = pushEvent();
    const run = await runStep({
      ws,
      node: bin,
      inputs: {
        name: 'bench',
        run: [
          'echo "bundle_kb=512 KB" >> "$DEV_METRICS_VALUES"',
          'echo "oops" >> "$DEV_METRICS_VALUES"',
          'echo "hit_rate=0.9 bigger-is-better" >> "$DEV_METRICS_VALUES"',
          'cp seed.json bench.json',
        ].join('\n'),
        history: 'none',
        comment: 'false',
        charts: 'none',
        'dashboard-artifact': '',
        'benchmark-file': 'bench.json',
        'benchmark-tool': 'googlecpp',
      },
      event: ev.event,
      env: ev.env,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('success');
    expect(commands(run.stdout, 'warning')).toEqual([
      'dev-metrics: DEV_METRICS_VALUES line 2: expected name=number [unit], got "oops"; line skipped: "oops"',
    ]);
    const [record] = readHistory(path.join(ws.workspace, '.metrics'));
    expect(record?.metadata['values']).toEqual({
      bundle_kb: 512,
      hit_rate: 0.9,
      fib_10: 214.98980114547953,
      fib_20: 27455.600415007055,
    });
    expect(record?.metadata['value_info']).toEqual({
      bundle_kb: { unit: 'KB', better: 'smaller' },
      hit_rate: { better: 'bigger' },
      fib_10: { unit: 'ns', better: 'smaller' },
      fib_20: { unit: 'ns', better: 'smaller' },
    });
  });

  it('a missing benchmark file of a failing command: the failure is the command’s, record written', async () => {
    const ws = makeWorkspace();
    const ev = pushEvent();
    const run = await runStep({
      ws,
      node: bin,
      inputs: {
        name: 'bench',
        run: 'exit 5',
        history: 'none',
        comment: 'false',
        charts: 'none',
        'dashboard-artifact': '',
        'benchmark-file': 'out.txt',
        'benchmark-tool': 'go',
      },
      event: ev.event,
      env: ev.env,
    });
    expect(run.exitCode).toBe(5);
    expect(commands(run.stdout, 'warning')).toEqual([
      expect.stringMatching(
        /^dev-metrics: Input 'benchmark-file': 'out.txt' \(.*\) does not exist after the command ran; make the command write its go results there/,
      ),
    ]);
    expect(commands(run.stdout, 'error')).toEqual([expect.stringContaining('exit code 5')]);
    expect(readHistory(path.join(ws.workspace, '.metrics'))).toMatchObject([
      { name: 'bench', status: 'failed' },
    ]);
  });
});
