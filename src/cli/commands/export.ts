/**
 * `export [--days N] [--endpoint URL]`: sends the history to an OpenTelemetry receiver over OTLP
 * (spans with their original times, job parent spans, hourly metric points), in batches, with
 * progress on stderr. The SDK is loaded only when this command runs.
 */
import { UsageError, parseWholeNumber } from '../args.js';
import type { Command } from '../context.js';
import { printJson } from '../context.js';

/** A progress line every this many executions (about one a second on a laptop). */
const PROGRESS_EVERY = 10_000;

export const exportCommand: Command = {
  spec: {
    name: 'export',
    summary: 'send the history to an OpenTelemetry Collector over OTLP',
    synopsis: '[--days N] [--endpoint URL] [--batch-size N]',
    details:
      'Sends every record (or those of the last N days) as a span with its original start and end,\n' +
      'one parent span per CI job, and hourly points of the dev_metrics.execution.duration\n' +
      'histogram and the dev_metrics.executions count, over OTLP/HTTP (protobuf, or JSON with\n' +
      'OTEL_EXPORTER_OTLP_PROTOCOL=http/json). The endpoint is --endpoint, else\n' +
      'OTEL_EXPORTER_OTLP_ENDPOINT (or the _TRACES_/_METRICS_ variants); headers (credentials)\n' +
      'come from OTEL_EXPORTER_OTLP_HEADERS, service and resource from OTEL_SERVICE_NAME and\n' +
      'OTEL_RESOURCE_ATTRIBUTES. Ids are derived from the records: sending twice sends the same spans.\n' +
      '--json prints {"executions", "jobSpans", "metricPoints", "requests", "tracesUrl", "metricsUrl", "seconds"}.',
    options: {
      days: {
        type: 'string',
        value: 'N',
        description: 'only runs from the last N days (default: all)',
      },
      endpoint: {
        type: 'string',
        value: 'URL',
        description: 'OTLP/HTTP base URL (default: $OTEL_EXPORTER_OTLP_ENDPOINT)',
      },
      'batch-size': {
        type: 'string',
        value: 'N',
        description: 'spans or metric points per request (default: 1000)',
      },
    },
    positionals: [],
    examples: [
      'OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 dev-metrics export',
      'dev-metrics export --days 365 --endpoint https://otlp.example.com',
    ],
  },

  async execute(args, context) {
    const days =
      args.options.days === undefined
        ? undefined
        : parseWholeNumber('--days', String(args.options.days), 1, 'export');
    const batchSize =
      args.options['batch-size'] === undefined
        ? undefined
        : parseWholeNumber('--batch-size', String(args.options['batch-size']), 1, 'export');
    const endpoint = args.options.endpoint as string | undefined;
    if (endpoint === '') throw new UsageError('--endpoint must not be empty', 'export');
    const { exportToOtlp } = await import('../../export/export.js');
    const started = Date.now();
    let nextProgress = PROGRESS_EVERY;
    const summary = await exportToOtlp({
      metricsDir: context.metricsDir,
      days,
      endpoint,
      batchSize,
      env: context.env,
      onWarning: (message) => context.stderr.write(`${message}\n`),
      onProgress: (sent) => {
        if (sent < nextProgress) return;
        nextProgress = (Math.floor(sent / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        context.stderr.write(`dev-metrics: export: ${sent} executions sent (${seconds} s)\n`);
      },
    });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (context.json) {
      printJson(context, { ...summary, seconds });
      return 0;
    }
    const to = [summary.tracesUrl, summary.metricsUrl].filter((u) => u !== null).join(' and ');
    context.stdout.write(
      `Exported ${summary.executions} execution${summary.executions === 1 ? '' : 's'} ` +
        `(${summary.jobSpans} job spans, ${summary.metricPoints} metric points) ` +
        `to ${to} in ${seconds} s (${summary.requests} requests).\n`,
    );
    return 0;
  },
};
