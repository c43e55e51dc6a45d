import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTION_INPUT_DEFAULTS,
  fromEnv,
  InputError,
  inputEnvName,
  readInputs,
  type ActionInputs,
} from '../../src/action/inputs.js';

const REQUIRED = { INPUT_NAME: 'unit-tests', INPUT_RUN: 'npm test' };

function read(env: Record<string, string>): ActionInputs {
  return readInputs(fromEnv({ ...REQUIRED, ...env }));
}

/** The InputError thrown for env; fails the test if none is thrown. */
function errorFor(env: Record<string, string>): InputError {
  try {
    read(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.message).not.toContain('\n');
    expect(inputError.message).toContain(`Input '${inputError.input}'`);
    return inputError;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(env)}`);
}

describe('defaults', () => {
  it('gives every optional input its default', () => {
    expect(read({})).toEqual({
      name: 'unit-tests',
      run: 'npm test',
      shell: 'bash',
      workingDirectory: '',
      metadata: {},
      metricsDir: '.metrics',
      daysToKeep: 30,
      history: 'cache',
      cacheKey: 'dev-metrics',
      githubToken: '',
      comment: 'auto',
      charts: 'quickchart',
      quickchartUrl: 'https://quickchart.io',
      dashboardArtifact: null, // '' disables; the name default comes from action.yml
      regressionThreshold: 10,
      failOnRegression: false,
      otlpEndpoint: '',
      otlpHeaders: '',
      matrix: {},
      benchmark: null,
    } satisfies ActionInputs);
  });

  it('reading the action.yml defaults gives the same result, with the dashboard on', () => {
    const env = Object.fromEntries(
      Object.entries(ACTION_INPUT_DEFAULTS).map(([name, value]) => [inputEnvName(name), value]),
    );
    expect(read(env)).toEqual({ ...read({}), dashboardArtifact: 'dev-metrics-dashboard' });
  });
});

describe('valid values', () => {
  it('reads every input', () => {
    const inputs = read({
      INPUT_NAME: '  build  ',
      INPUT_RUN: '  make all\n',
      INPUT_SHELL: 'python3 {0}',
      'INPUT_WORKING-DIRECTORY': 'packages/app',
      INPUT_METADATA: '{"suite": "unit", "shard": 2}',
      'INPUT_METRICS-DIR': 'out/metrics',
      'INPUT_DAYS-TO-KEEP': '90',
      INPUT_HISTORY: 'none',
      'INPUT_CACHE-KEY': 'my-metrics',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      INPUT_COMMENT: 'TRUE',
      INPUT_CHARTS: 'none',
      'INPUT_QUICKCHART-URL': 'http://127.0.0.1:8080/',
      'INPUT_DASHBOARD-ARTIFACT': 'dash',
      'INPUT_REGRESSION-THRESHOLD': '12.5%',
      'INPUT_FAIL-ON-REGRESSION': 'True',
      'INPUT_OTLP-ENDPOINT': 'http://otel-collector:4318',
      'INPUT_OTLP-HEADERS': 'authorization=Bearer%20abc, x-tenant=ci',
      INPUT_MATRIX: '{"os": "windows-latest", "node": 24, "include": null}',
      'INPUT_BENCHMARK-FILE': ' out/bench.txt ',
      'INPUT_BENCHMARK-TOOL': 'cargo',
    });
    expect(inputs).toEqual({
      name: 'build',
      run: '  make all\n', // verbatim, like a run: step
      shell: 'python3 {0}',
      workingDirectory: 'packages/app',
      metadata: { suite: 'unit', shard: 2 },
      metricsDir: 'out/metrics',
      daysToKeep: 90,
      history: 'none',
      cacheKey: 'my-metrics',
      githubToken: 'ghs_secret',
      comment: true,
      charts: 'none',
      quickchartUrl: 'http://127.0.0.1:8080',
      dashboardArtifact: 'dash',
      regressionThreshold: 12.5,
      failOnRegression: true,
      otlpEndpoint: 'http://otel-collector:4318',
      otlpHeaders: 'authorization=Bearer%20abc, x-tenant=ci',
      matrix: { os: 'windows-latest', node: '24' },
      benchmark: { file: 'out/bench.txt', tool: 'cargo' },
    } satisfies ActionInputs);
  });

  it.each(['bash', 'sh', 'pwsh', 'powershell', 'python', 'cmd', 'perl {0}'])(
    'accepts shell %s',
    (shell) => {
      expect(read({ INPUT_SHELL: shell }).shell).toBe(shell);
    },
  );

  it.each([
    ['10', 10],
    ['10%', 10],
    ['0.5', 0.5],
    ['25 %', 25],
  ])('accepts regression-threshold %s', (value, expected) => {
    expect(read({ 'INPUT_REGRESSION-THRESHOLD': value }).regressionThreshold).toBe(expected);
  });

  it.each([
    ['auto', 'auto'],
    ['true', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
  ] as const)('accepts comment %s', (value, expected) => {
    expect(read({ INPUT_COMMENT: value }).comment).toBe(expected);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
  ])('accepts fail-on-regression %s as core.getBooleanInput does', (value, expected) => {
    expect(read({ 'INPUT_FAIL-ON-REGRESSION': value }).failOnRegression).toBe(expected);
  });
});

describe('names are data', () => {
  it('accepts any printable name, however path-like: it is never used as a path', () => {
    for (const name of [
      '..',
      '.',
      '/',
      'a/../../b',
      'unit tests (node 20, shard 1/4)',
      'tests ✅ 测试',
      'n'.repeat(100),
      '__proto__',
    ]) {
      expect(read({ INPUT_NAME: name }).name).toBe(name);
    }
  });
});

describe('bad values: one line naming the input', () => {
  it.each([
    [
      { 'INPUT_BENCHMARK-FILE': 'out.json', 'INPUT_BENCHMARK-TOOL': 'benchmarkjs' },
      "Input 'benchmark-tool' must be one of customSmallerIsBetter, customBiggerIsBetter, googlecpp, pytest, go, cargo (github-action-benchmark's names); got 'benchmarkjs'",
    ],
    [
      { 'INPUT_BENCHMARK-TOOL': 'go' },
      "Input 'benchmark-file' is required with 'benchmark-tool': give the path the command writes its go results to, e.g. 'benchmark-file: output.txt'",
    ],
    [
      { 'INPUT_BENCHMARK-FILE': 'out.txt' },
      "Input 'benchmark-tool' is required with 'benchmark-file': say which tool wrote it, one of customSmallerIsBetter, customBiggerIsBetter, googlecpp, pytest, go, cargo",
    ],
    [
      { INPUT_NAME: '   ' },
      "Input 'name' is required: give the operation a name, e.g. 'unit-tests'",
    ],
    [
      { INPUT_RUN: ' \n ' },
      "Input 'run' is required: give the command to run and time, e.g. 'run: npm test'",
    ],
    [
      { INPUT_SHELL: 'fish' },
      "Input 'shell' must be one of bash, sh, pwsh, powershell, python, cmd or a command template containing {0}; got 'fish'",
    ],
    [
      { INPUT_SHELL: 'bash -x' },
      "Input 'shell' must be one of bash, sh, pwsh, powershell, python, cmd or a command template containing {0}; got 'bash -x'",
    ],
    [
      { INPUT_METADATA: '[1, 2]' },
      `Input 'metadata' must be a JSON object, e.g. '{"suite": "unit"}'; got an array`,
    ],
    [
      { INPUT_METADATA: 'null' },
      `Input 'metadata' must be a JSON object, e.g. '{"suite": "unit"}'; got null`,
    ],
    [
      { INPUT_METADATA: '"unit"' },
      `Input 'metadata' must be a JSON object, e.g. '{"suite": "unit"}'; got a string`,
    ],
    [
      { INPUT_METADATA: '42' },
      `Input 'metadata' must be a JSON object, e.g. '{"suite": "unit"}'; got a number`,
    ],
    [
      { 'INPUT_DAYS-TO-KEEP': '-3' },
      "Input 'days-to-keep' must be a whole number of days ≥ 1; got '-3'",
    ],
    [
      { 'INPUT_DAYS-TO-KEEP': '0' },
      "Input 'days-to-keep' must be a whole number of days ≥ 1; got '0'",
    ],
    [
      { 'INPUT_DAYS-TO-KEEP': '1.5' },
      "Input 'days-to-keep' must be a whole number of days ≥ 1; got '1.5'",
    ],
    [
      { 'INPUT_DAYS-TO-KEEP': 'a week' },
      "Input 'days-to-keep' must be a whole number of days ≥ 1; got 'a week'",
    ],
    [{ INPUT_HISTORY: 'artifact' }, "Input 'history' must be 'cache' or 'none'; got 'artifact'"],
    [
      { 'INPUT_CACHE-KEY': 'a,b' },
      "Input 'cache-key' must not contain commas (the cache service rejects them); got 'a,b'",
    ],
    [
      { 'INPUT_CACHE-KEY': 'k'.repeat(513) },
      "Input 'cache-key' must be at most 512 characters; got 513",
    ],
    [{ INPUT_COMMENT: 'yes' }, "Input 'comment' must be 'auto', 'true' or 'false'; got 'yes'"],
    [{ INPUT_CHARTS: 'svg' }, "Input 'charts' must be 'quickchart' or 'none'; got 'svg'"],
    [
      { 'INPUT_QUICKCHART-URL': 'ftp://charts.example' },
      "Input 'quickchart-url' must be an http(s) URL such as https://quickchart.io; got 'ftp://charts.example'",
    ],
    [
      { 'INPUT_QUICKCHART-URL': 'quickchart.io' },
      "Input 'quickchart-url' must be an http(s) URL such as https://quickchart.io; got 'quickchart.io'",
    ],
    [
      { 'INPUT_REGRESSION-THRESHOLD': '0' },
      "Input 'regression-threshold' must be a percentage > 0 such as 10 or 10%; got '0'",
    ],
    [
      { 'INPUT_REGRESSION-THRESHOLD': '-5%' },
      "Input 'regression-threshold' must be a percentage > 0 such as 10 or 10%; got '-5%'",
    ],
    [
      { 'INPUT_REGRESSION-THRESHOLD': 'ten' },
      "Input 'regression-threshold' must be a percentage > 0 such as 10 or 10%; got 'ten'",
    ],
    [
      { 'INPUT_FAIL-ON-REGRESSION': 'yes' },
      "Input 'fail-on-regression' must be true or false (True, TRUE, False, FALSE also work); got 'yes'",
    ],
    [
      { 'INPUT_OTLP-ENDPOINT': 'otel-collector:4318' },
      "Input 'otlp-endpoint' must be an http(s) URL such as http://otel-collector:4318; got 'otel-collector:4318'",
    ],
    [
      { 'INPUT_OTLP-HEADERS': 'Bearer abc123' },
      "Input 'otlp-headers' must be comma-separated key=value pairs, e.g. Authorization=Bearer%20abc,x-tenant=ci; an entry has no key= part",
    ],
    [
      { 'INPUT_OTLP-HEADERS': 'bad header=1' },
      "Input 'otlp-headers': 'bad header' is not a valid HTTP header name",
    ],
  ])('%o', (env, message) => {
    expect(errorFor(env).message).toBe(message);
  });

  it('never quotes an otlp-headers value back: it is a credential', () => {
    const error = errorFor({ 'INPUT_OTLP-HEADERS': 'x-ok=1,s3cr3t-value-only' });
    expect(error.input).toBe('otlp-headers');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('reports the JSON parser message for metadata that is not JSON, on one line', () => {
    const error = errorFor({ INPUT_METADATA: "{suite: 'unit'}" });
    expect(error.input).toBe('metadata');
    expect(error.message).toMatch(
      /^Input 'metadata' must be a JSON object, e.g. '\{"suite": "unit"\}': (Unexpected token|Expected property name).+/,
    );
    const multiline = errorFor({ INPUT_METADATA: '{\n  "a": 1,\n}' });
    expect(multiline.message).toMatch(/^Input 'metadata' must be a JSON object/);
  });

  it('matrix: toJSON(matrix) of a job without a matrix is null, which is no matrix', () => {
    expect(read({ INPUT_MATRIX: 'null' }).matrix).toEqual({});
  });

  it('matrix: anything but a JSON object is one line naming the input and the fix', () => {
    const error = errorFor({ INPUT_MATRIX: '["ubuntu"]' });
    expect(error.input).toBe('matrix');
    expect(error.message).toBe(
      `Input 'matrix' must be a JSON object, e.g. matrix: '\${{ toJSON(matrix) }}'; got '["ubuntu"]'`,
    );
    expect(errorFor({ INPUT_MATRIX: '{os: linux}' }).message).toMatch(
      /^Input 'matrix' must be the job's matrix as JSON, e.g. matrix: '\$\{\{ toJSON\(matrix\) \}\}': [^\n]+$/,
    );
  });

  it('quotes odd values on one line and cuts long ones', () => {
    expect(errorFor({ INPUT_HISTORY: 'a\nb' }).message).toBe(
      "Input 'history' must be 'cache' or 'none'; got 'a\\nb'",
    );
    const long = errorFor({ INPUT_CHARTS: 'x'.repeat(200) }).message;
    expect(long).toBe(`Input 'charts' must be 'quickchart' or 'none'; got '${'x'.repeat(77)}...'`);
  });

  it('name: one line of printable text, at most 100 characters', () => {
    expect(errorFor({ INPUT_NAME: 'unit\ntests' }).message).toBe(
      "Input 'name' must be one line of printable text (no control or bidi characters), e.g. 'unit-tests'; got 'unit\\ntests'",
    );
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u009bb', 'a\u202eb', 'a\u2066b', 'a\tb']) {
      expect(errorFor({ INPUT_NAME: bad }).input).toBe('name');
    }
    // The message itself shows a bidi control escaped, so it cannot reorder the log line.
    expect(errorFor({ INPUT_NAME: 'a\u202eb' }).message).toContain("got 'a\\u202eb'");
    expect(errorFor({ INPUT_NAME: 'x'.repeat(101) }).message).toBe(
      "Input 'name' must be at most 100 characters (it labels a row in every report); got 101, shorten it",
    );
  });

  it('dashboard-artifact: no character the artifact service rejects', () => {
    expect(errorFor({ 'INPUT_DASHBOARD-ARTIFACT': 'reports/dashboard' }).message).toBe(
      `Input 'dashboard-artifact' must not contain " : < > | * ? \\ / or control characters (the artifact service rejects them), e.g. 'dev-metrics-dashboard'; got 'reports/dashboard'`,
    );
    for (const bad of ['a\\b', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', 'a\u0001b']) {
      expect(errorFor({ 'INPUT_DASHBOARD-ARTIFACT': bad }).input).toBe('dashboard-artifact');
    }
    expect(read({ 'INPUT_DASHBOARD-ARTIFACT': 'dashboard (linux) #2' }).dashboardArtifact).toBe(
      'dashboard (linux) #2',
    );
  });

  it('InputError is an Error with the input name', () => {
    const error = errorFor({ 'INPUT_DAYS-TO-KEEP': '-3' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.input).toBe('days-to-keep');
  });
});

describe('fromEnv mimics @actions/core', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  });

  it('uses the same variable names and trimming as core.getInput', () => {
    const env = {
      'INPUT_WORKING-DIRECTORY': '  dir  ',
      INPUT_MY_INPUT: ' spaced name ',
      INPUT_RUN: '  echo hi\n',
    };
    Object.assign(process.env, env);
    const getInput = fromEnv(env);
    for (const name of ['working-directory', 'my input', 'run', 'missing']) {
      expect(getInput(name)).toBe(core.getInput(name));
      expect(getInput(name, { trimWhitespace: false })).toBe(
        core.getInput(name, { trimWhitespace: false }),
      );
    }
    expect(getInput('my input')).toBe('spaced name');
    expect(inputEnvName('working-directory')).toBe('INPUT_WORKING-DIRECTORY');
  });

  it('readInputs defaults to core.getInput (process.env)', () => {
    Object.assign(process.env, { INPUT_NAME: 'from-process-env', INPUT_RUN: 'true' });
    expect(readInputs().name).toBe('from-process-env');
  });
});
