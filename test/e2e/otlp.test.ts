/**
 * End-to-end OTLP: the bundle (dist/index.js) run as the runner runs it, main then post, with
 * `otlp-endpoint` set, against a loopback OTLP/HTTP receiver that decodes the protobuf with the
 * official proto definitions. Two jobs of one run land in one trace under their job spans; a
 * black-holed endpoint costs at most the bound, one warning, and never the step's outcome.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver } from '../fakes/otlp-receiver.js';
import { makeWorkspace, nodeBinaries, runStep, type RunStepOptions } from '../helpers/runner.js';
import { commands, pushEvent } from './helpers.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver.close();
});
afterEach(() => {
  receiver.spans.length = 0;
  receiver.points.length = 0;
  receiver.requests.length = 0;
  receiver.fault(null);
});

const QUIET = { history: 'none', 'dashboard-artifact': '', charts: 'none', comment: 'false' };

function step(
  bin: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  o: Partial<RunStepOptions> = {},
) {
  const ev = pushEvent();
  return runStep({
    ws: makeWorkspace(),
    node: bin,
    inputs: { ...QUIET, ...inputs },
    event: ev.event,
    env: { ...ev.env, GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '3', ...env },
    ...o,
  });
}

describe.each(nodeBinaries())('OTLP export from the action on $label', ({ bin }) => {
  it('two jobs of one run: one trace, a parent span per job, metrics, headers; secrets masked', async () => {
    const otlp = {
      'otlp-endpoint': receiver.origin,
      'otlp-headers': 'x-api-key=s3cret%2Dkey-value,x-tenant=ci',
    };
    const build = await step(
      bin,
      { name: 'compile', run: 'echo compiled', ...otlp },
      { GITHUB_JOB: 'build' },
    );
    const test = await step(
      bin,
      {
        name: 'unit_tests',
        run: 'echo "token=ghp_abcdefghijklmnopqrstuvwxyz0123456789" && exit 3',
        ...otlp,
      },
      { GITHUB_JOB: 'test' },
    );
    expect(build.exitCode, build.stdout + build.stderr).toBe(0);
    // The command's outcome, exactly as without OTLP.
    expect(test.exitCode).toBe(3);
    expect(commands(test.stdout, 'error')).toEqual(['unit_tests failed: exit code 3.']);
    for (const run of [build, test, build.post!, test.post!]) {
      expect(commands(run.stdout, 'warning')).toEqual([]);
    }

    const spans = receiver.spans;
    expect(spans.map((s) => s.name).sort()).toEqual(['build', 'compile', 'test', 'unit_tests']);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    const span = (name: string) => spans.find((s) => s.name === name)!;
    expect(span('compile').parentSpanId).toBe(span('build').spanId);
    expect(span('unit_tests').parentSpanId).toBe(span('test').spanId);
    expect(span('build').parentSpanId).toBe('');
    expect(span('unit_tests').status.code).toBe(2);
    expect(span('unit_tests').status.message).toContain('exit code 3');
    expect(span('unit_tests').status.message).not.toContain(
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    );
    expect(span('compile').attributes).toMatchObject({
      'cicd.pipeline.name': 'CI',
      'cicd.pipeline.run.id': '777',
      'cicd.pipeline.task.name': 'compile',
      'cicd.pipeline.task.run.result': 'success',
      'vcs.ref.head.name': 'master',
      'os.type': 'linux',
      'host.arch': 'amd64',
      'process.exit.code': 0,
    });
    expect(span('unit_tests').attributes['process.exit.code']).toBe(3);
    expect(span('compile').resource['service.name']).toBe('dev-metrics');

    const counts = receiver.points.filter((p) => p.metric === 'dev_metrics.executions');
    expect(
      counts
        .map((p) => [
          p.attributes['cicd.pipeline.task.name'],
          p.attributes['cicd.pipeline.task.run.result'],
          p.value,
        ])
        .sort(),
    ).toEqual([
      ['compile', 'success', 1],
      ['unit_tests', 'failure', 1],
    ]);

    // Header values reached the receiver, percent-decoded, and were masked in the log.
    expect(receiver.requests.every((r) => r.headers['x-api-key'] === 's3cret-key-value')).toBe(
      true,
    );
    expect(build.stdout).toContain('::add-mask::s3cret-key-value');
    for (const run of [build, test, build.post!, test.post!]) {
      const leaks = run.stdout
        .split('\n')
        .filter((l) => l.includes('s3cret') && !l.startsWith('::add-mask::'));
      expect(leaks).toEqual([]);
    }
  });
});

describe('OTLP export never in the way', () => {
  it('a black-holed endpoint: at most the 5 s default bound, one warning, the step outcome unchanged', async () => {
    receiver.fault({ hang: true });
    const started = Date.now();
    const run = await step(
      process.execPath,
      { name: 'compile', run: 'echo ok', 'otlp-endpoint': receiver.origin },
      { GITHUB_JOB: 'build' },
      { post: false },
    );
    const elapsed = Date.now() - started;
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('success');
    const warnings = commands(run.stdout, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^dev-metrics: OTLP export skipped \(.*(no answer within 5 s|timed out).*\); the step's result is unchanged\.$/,
    );
    expect(elapsed).toBeGreaterThan(4500);
    expect(elapsed).toBeLessThan(5000 + 3000); // the bound, plus starting node and the step itself
  }, 30_000);

  it('after a failed export the post step stays quiet (one warning per step, not two)', async () => {
    const run = await step(
      process.execPath,
      { name: 'compile', run: 'echo ok', 'otlp-endpoint': 'http://127.0.0.1:9' },
      { GITHUB_JOB: 'build', OTEL_EXPORTER_OTLP_TIMEOUT: '1000' },
    );
    expect(run.exitCode).toBe(0);
    expect(commands(run.stdout, 'warning')).toHaveLength(1);
    expect(commands(run.post!.stdout, 'warning')).toEqual([]);
  }, 30_000);

  it('a bad OTEL_* variable is one warning; the step runs and passes', async () => {
    const run = await step(
      process.execPath,
      { name: 'compile', run: 'echo ok' },
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      { post: false },
    );
    expect(run.exitCode).toBe(0);
    expect(commands(run.stdout, 'warning')).toEqual([
      "dev-metrics: OTLP export skipped: OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported by dev-metrics; use http/protobuf (the Collector's port 4318) or http/json",
    ]);
    expect(receiver.requests).toHaveLength(0);
  });
});
