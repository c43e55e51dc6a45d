// The OTLP export end to end in-process: the official exporters send to a loopback receiver that
// decodes the bytes with the official proto definitions (or parses OTLP/JSON), and the tests
// assert what a Collector would see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../src/core/record.js';
import { appendRecord } from '../../src/core/store.js';
import { checkValue, withValues } from '../../src/core/values.js';
import { exportRecords, exportToOtlp, sendExecution } from '../../src/export/export.js';
import { withDeadline } from '../../src/export/otlp.js';
import { resolveOtlpConfig } from '../../src/export/otlp-config.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../fakes/otlp-receiver.js';

const SHA = 'b'.repeat(40);

export function ciRecord(
  name: string,
  o: {
    job?: string;
    runId?: string;
    attempt?: number;
    startedAt?: string;
    endedAt?: string;
    durationMs?: number;
    status?: 'success' | 'failed';
    error?: string | null;
    metadata?: Record<string, unknown>;
  } = {},
): ExecutionRecord {
  return {
    name,
    started_at: o.startedAt ?? '2025-10-20T10:30:05.123456',
    ended_at: o.endedAt ?? '2025-10-20T10:31:10.456789',
    duration_ms: o.durationMs ?? 65333.333,
    status: o.status ?? 'success',
    metadata: {
      ...o.metadata,
      ci: {
        provider: 'github-actions',
        repository: 'octo-org/octo-repo',
        server_url: 'https://github.com',
        sha: SHA,
        ref: 'refs/pull/12/merge',
        branch: 'feature/x',
        event: 'pull_request',
        pr_number: 12,
        base_branch: 'main',
        workflow: 'CI',
        job: o.job ?? 'build',
        run_id: o.runId ?? '4242',
        run_attempt: o.attempt ?? 2,
        runner_os: 'Linux',
        runner_arch: 'X64',
        exit_code: o.status === 'failed' ? 1 : 0,
      },
    },
    error: o.error ?? null,
  };
}

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

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin, ...extra };
}

const byName = (spans: ReceivedSpan[], name: string) => {
  const found = spans.filter((s) => s.name === name);
  expect(found, `span ${name}`).toHaveLength(1);
  return found[0]!;
};

/** Unix nanoseconds of a record timestamp, exactly (no float rounding). */
function nanos(iso: string): string {
  const [whole, fraction = ''] = iso.split('.');
  const seconds = BigInt(Date.parse(`${whole}Z`) / 1000);
  return (seconds * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'))).toString();
}

describe.each(['http/protobuf', 'http/json'])('exportRecords over %s', (protocol) => {
  it('sends spans with their real times, CI/CD and VCS attributes, one trace per run attempt and a parent per job', async () => {
    const records = [
      ciRecord('compile', { job: 'build', metadata: { suite: 'unit', shard: 2, flags: ['a'] } }),
      ciRecord('unit_tests', {
        job: 'test',
        startedAt: '2025-10-20T10:32:00.000001',
        endedAt: '2025-10-20T10:33:00',
        durationMs: 59999.999,
        status: 'failed',
        error: 'exit code 1\nAuthorization: Bearer abcdefghijklmnop1234 was rejected',
        metadata: { values: ['not', 'numeric values'] }, // a user's own key of that name
      }),
      ciRecord('lint', {
        job: 'test',
        startedAt: '2025-10-20T10:33:30',
        endedAt: '2025-10-20T10:34:00',
        durationMs: 30000,
        metadata: withValues({ suite: 'lint' }, [
          checkValue('warnings', 3),
          checkValue('cost', 0.0012, { unit: 'USD' }),
        ]),
      }),
      // Another run: its own trace.
      ciRecord('compile', { job: 'build', runId: '5000', attempt: 1 }),
    ];
    const summary = await exportRecords(records, {
      env: env({
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_SERVICE_NAME: 'ci-timings',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=ci,team=platform%20tools',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-scope-orgid=tenant-1',
      }),
      headers: 'authorization=Bearer%20s3cret',
    });
    expect(summary).toMatchObject({
      executions: 4,
      jobSpans: 3,
      tracesUrl: `${receiver.origin}/v1/traces`,
    });

    const spans = receiver.spans;
    expect(spans).toHaveLength(7);
    const compile = spans.find(
      (s) => s.name === 'compile' && s.attributes['cicd.pipeline.run.id'] === '4242',
    )!;
    const unit = byName(spans, 'unit_tests');
    const lint = byName(spans, 'lint');
    const jobBuild = spans.find(
      (s) => s.name === 'build' && s.attributes['cicd.pipeline.run.id'] === '4242',
    )!;
    const jobTest = byName(spans, 'test');

    // One trace for run 4242 attempt 2, across both jobs; run 5000 has another.
    const trace = compile.traceId;
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    for (const s of [unit, lint, jobBuild, jobTest]) expect(s.traceId).toBe(trace);
    const other = spans.filter((s) => s.attributes['cicd.pipeline.run.id'] === '5000');
    expect(other).toHaveLength(2);
    for (const s of other) expect(s.traceId).not.toBe(trace);

    // Jobs are parents; job spans are roots; ids are all distinct.
    expect(compile.parentSpanId).toBe(jobBuild.spanId);
    expect(unit.parentSpanId).toBe(jobTest.spanId);
    expect(lint.parentSpanId).toBe(jobTest.spanId);
    expect(jobBuild.parentSpanId).toBe('');
    expect(jobTest.parentSpanId).toBe('');
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(7);

    // Real times, to the microsecond; the job spans from first start to last end.
    expect(compile.startTimeUnixNano).toBe(nanos('2025-10-20T10:30:05.123456'));
    expect(compile.endTimeUnixNano).toBe(nanos('2025-10-20T10:31:10.456789'));
    expect(jobTest.startTimeUnixNano).toBe(nanos('2025-10-20T10:32:00.000001'));
    expect(jobTest.endTimeUnixNano).toBe(nanos('2025-10-20T10:34:00'));

    expect(compile.attributes).toEqual({
      'cicd.pipeline.name': 'CI',
      'cicd.pipeline.run.id': '4242',
      'cicd.pipeline.run.url.full':
        'https://github.com/octo-org/octo-repo/actions/runs/4242/attempts/2',
      'cicd.pipeline.task.name': 'compile',
      'cicd.pipeline.task.run.id': '4242/2/build/compile',
      'cicd.pipeline.task.run.url.full':
        'https://github.com/octo-org/octo-repo/actions/runs/4242/attempts/2',
      'cicd.pipeline.task.run.result': 'success',
      'vcs.repository.url.full': 'https://github.com/octo-org/octo-repo',
      'vcs.ref.head.name': 'feature/x',
      'vcs.ref.head.type': 'branch',
      'vcs.ref.head.revision': SHA,
      'vcs.ref.base.name': 'main',
      'vcs.change.id': '12',
      'os.type': 'linux',
      'host.arch': 'amd64',
      'process.exit.code': 0,
      'dev_metrics.ci.event': 'pull_request',
      'dev_metrics.ci.job': 'build',
      'dev_metrics.ci.run_attempt': 2,
      'dev_metrics.duration_ms': 65333.333,
      'dev_metrics.metadata.suite': 'unit',
      'dev_metrics.metadata.shard': 2,
      'dev_metrics.metadata.flags': '["a"]',
    });
    // Values (issue 13): one numeric attribute each, the unit beside it; not as metadata JSON.
    expect(lint.attributes).toMatchObject({
      'dev_metrics.metadata.suite': 'lint',
      'dev_metrics.value.warnings': 3,
      'dev_metrics.value.cost': 0.0012,
      'dev_metrics.value_unit.cost': 'USD',
    });
    expect(Object.keys(lint.attributes).filter((k) => k.includes('value'))).toEqual([
      'dev_metrics.value.warnings',
      'dev_metrics.value.cost',
      'dev_metrics.value_unit.cost',
    ]);
    expect(unit.attributes['dev_metrics.metadata.values']).toBe('["not","numeric values"]');
    expect(compile.status).toEqual({ code: 0, message: '' });
    expect(compile.kind).toBe(1); // SPAN_KIND_INTERNAL
    expect(compile.scope).toBe('dev-metrics');

    // A failure: ERROR status with the redacted error text.
    expect(unit.status.code).toBe(2);
    expect(unit.status.message).toContain('exit code 1');
    expect(unit.status.message).toContain('Authorization: Bearer ***');
    expect(unit.status.message).not.toContain('abcdefghijklmnop1234');
    expect(unit.attributes['cicd.pipeline.task.run.result']).toBe('failure');
    expect(unit.attributes['error.type']).toBe('failed');
    expect(jobTest.status).toEqual({ code: 2, message: '1 of 2 recorded step(s) failed' });
    expect(jobTest.attributes['cicd.pipeline.task.name']).toBe('test');

    // Resource: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (percent-decoded), SDK attributes.
    expect(compile.resource).toMatchObject({
      'service.name': 'ci-timings',
      'deployment.environment.name': 'ci',
      team: 'platform tools',
      'telemetry.sdk.language': 'nodejs',
    });

    // Headers: the variable's and the caller's, on every request; the protocol's content type.
    expect(receiver.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of receiver.requests) {
      expect(request.headers['x-scope-orgid']).toBe('tenant-1');
      expect(request.headers['authorization']).toBe('Bearer s3cret');
      expect(request.contentType).toBe(
        protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
      );
    }
  });

  it('sends a duration histogram in seconds and a count by result, low-cardinality attributes only', async () => {
    const records = [
      ciRecord('unit_tests', { durationMs: 400 }),
      ciRecord('unit_tests', {
        durationMs: 3000,
        startedAt: '2025-10-20T10:40:00',
        endedAt: '2025-10-20T10:40:03',
      }),
      ciRecord('unit_tests', {
        durationMs: 100_000,
        status: 'failed',
        error: 'boom',
        startedAt: '2025-10-20T10:50:00',
        endedAt: '2025-10-20T10:51:40',
      }),
      ciRecord('unit_tests', {
        durationMs: 1000,
        startedAt: '2025-10-20T12:00:00',
        endedAt: '2025-10-20T12:00:01',
      }),
    ];
    await exportRecords(records, { env: env({ OTEL_EXPORTER_OTLP_PROTOCOL: protocol }) });
    const histograms = receiver.points.filter((p) => p.metric === 'dev_metrics.execution.duration');
    const counts = receiver.points.filter((p) => p.metric === 'dev_metrics.executions');
    // Per UTC hour and result: 10:00 success (2), 10:00 failure (1), 12:00 success (1).
    expect(histograms).toHaveLength(3);
    expect(counts).toHaveLength(3);
    const success10 = histograms.find(
      (p) =>
        p.attributes['cicd.pipeline.task.run.result'] === 'success' &&
        p.startTimeUnixNano === nanos('2025-10-20T10:00:00'),
    )!;
    expect(success10).toMatchObject({
      unit: 's',
      type: 'histogram',
      temporality: 1, // delta
      timeUnixNano: nanos('2025-10-20T11:00:00'),
      count: 2,
      sum: 3.4,
      min: 0.4,
      max: 3,
    });
    expect(success10.explicitBounds).toEqual([
      0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200,
    ]);
    expect(success10.bucketCounts).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(success10.attributes).toEqual({
      'cicd.pipeline.task.name': 'unit_tests',
      'cicd.pipeline.name': 'CI',
      'vcs.repository.url.full': 'https://github.com/octo-org/octo-repo',
      'os.type': 'linux',
      'host.arch': 'amd64',
      'dev_metrics.ci.event': 'pull_request',
      'cicd.pipeline.task.run.result': 'success',
    });
    const failures = counts.find(
      (p) => p.attributes['cicd.pipeline.task.run.result'] === 'failure',
    )!;
    expect(failures).toMatchObject({
      type: 'sum',
      isMonotonic: true,
      temporality: 1,
      value: 1,
      unit: '{execution}',
    });
    // No per-run values on metrics: no SHA, run id, branch or PR number.
    for (const p of receiver.points) {
      const values = Object.values(p.attributes).map(String);
      expect(values).not.toContain(SHA);
      expect(values).not.toContain('4242');
      expect(values).not.toContain('feature/x');
      expect(values).not.toContain('12');
    }
  });
});

describe('failures', () => {
  it('a 4xx with a body is one line with the status and the body', async () => {
    receiver.fault({ status: 400, body: 'invalid span\n  field trace_id: wrong length' });
    const error = await exportRecords([ciRecord('a')], { env: env() }).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`trace export to ${receiver.origin}/v1/traces failed: HTTP 400`);
    expect(message).toContain('invalid span field trace_id: wrong length');
    expect(message).toContain('0 execution(s) sent before it');
  });

  it('a black-holed endpoint costs at most the timeout, then says so', async () => {
    receiver.fault({ hang: true });
    const config = resolveOtlpConfig(env({ OTEL_EXPORTER_OTLP_TIMEOUT: '1000' }))!;
    const started = Date.now();
    const error = await withDeadline(
      sendExecution(config, { record: ciRecord('a') }),
      1000,
      'OTLP export',
    ).catch((e: unknown) => e as Error);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/timed out|no answer within 1 s/);
    expect(elapsed).toBeLessThan(1500);
  });

  it('an endpoint that refuses connections (retried) costs at most the timeout', async () => {
    const config = resolveOtlpConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      OTEL_EXPORTER_OTLP_TIMEOUT: '1500',
    })!;
    const started = Date.now();
    const error = await withDeadline(
      sendExecution(config, { record: ciRecord('a') }),
      1500,
      'OTLP export',
    ).catch((e: unknown) => e as Error);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((error as Error).message).toMatch(
      /127\.0\.0\.1:9\/v1\/traces failed: .*(ECONNREFUSED|no answer|timed out)/,
    );
  });
});

describe('exportToOtlp (the library and the CLI backfill)', () => {
  it('reads a .metrics history and sends it, only the last N days when asked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dev-metrics-otlp-'));
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '');
    await appendRecord(
      dir,
      ciRecord('old', {
        startedAt: iso(now - 10 * 86_400_000),
        endedAt: iso(now - 10 * 86_400_000 + 1000),
        durationMs: 1000,
      }),
    );
    await appendRecord(
      dir,
      ciRecord('new', {
        startedAt: iso(now - 3_600_000),
        endedAt: iso(now - 3_600_000 + 1000),
        durationMs: 1000,
      }),
    );
    const progress: number[] = [];
    const summary = await exportToOtlp({
      metricsDir: dir,
      days: 7,
      env: env(),
      onProgress: (n) => progress.push(n),
    });
    expect(summary.executions).toBe(1);
    expect(progress).toEqual([1]);
    expect(receiver.spans.map((s) => s.name).sort()).toEqual(['build', 'new']);
  });

  it('without an endpoint says what to set, and loads nothing', async () => {
    await expect(exportToOtlp({ metricsDir: '/nonexistent', env: {} })).rejects.toThrow(
      /^No OTLP endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
