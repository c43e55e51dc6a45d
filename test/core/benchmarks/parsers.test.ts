// Each benchmark parser on real output files of its tool (see test/fixtures/benchmarks/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_TOOLS,
  BenchmarkFormatError,
  parseBenchmarks,
  type BenchmarkTool,
} from '../../../src/core/benchmarks/index.js';
import { valueNameProblem } from '../../../src/core/values.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/benchmarks');
const fixture = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
const parse = (tool: BenchmarkTool, file: string) => parseBenchmarks(tool, fixture(file));

describe('benchmark parsers on real tool output', () => {
  it('customSmallerIsBetter / customBiggerIsBetter: name, unit, value; direction from the tool', () => {
    expect(parse('customSmallerIsBetter', 'gab-customSmallerIsBetter_output.json')).toEqual([
      {
        name: 'My Custom Smaller Is Better Benchmark - CPU Load',
        value: 50,
        unit: 'Percent',
        better: 'smaller',
      },
      {
        name: 'My Custom Smaller Is Better Benchmark - Memory Used',
        value: 100,
        unit: 'Megabytes',
        better: 'smaller',
      },
    ]);
    expect(parse('customBiggerIsBetter', 'gab-customBiggerIsBetter_output.json')).toEqual([
      {
        name: 'My Custom Bigger Is Better Benchmark - Throughput',
        value: 70,
        unit: 'req/s',
        better: 'bigger',
      },
      {
        name: 'My Custom Bigger Is Better Benchmark - Free Memory',
        value: 150,
        unit: 'Megabytes',
        better: 'bigger',
      },
    ]);
  });

  it('googlecpp: real_time in time_unit, smaller is better', () => {
    expect(parse('googlecpp', 'gab-googlecpp_output.json')).toEqual([
      { name: 'fib_10', value: 214.98980114547953, unit: 'ns', better: 'smaller' },
      { name: 'fib_20', value: 27455.600415007055, unit: 'ns', better: 'smaller' },
    ]);
  });

  it('googlecpp with repetitions: the mean/median aggregates, not each repetition or the spread', () => {
    const data = JSON.parse(fixture('gab-googlecpp_output.json')) as {
      benchmarks: Record<string, unknown>[];
    };
    const fib10 = data.benchmarks[0]!;
    data.benchmarks = [
      { ...fib10, repetitions: 2, repetition_index: 0, real_time: 210 },
      { ...fib10, repetitions: 2, repetition_index: 1, real_time: 220 },
      {
        ...fib10,
        name: 'fib_10_mean',
        run_type: 'aggregate',
        aggregate_name: 'mean',
        real_time: 215,
      },
      {
        ...fib10,
        name: 'fib_10_median',
        run_type: 'aggregate',
        aggregate_name: 'median',
        real_time: 215,
      },
      {
        ...fib10,
        name: 'fib_10_stddev',
        run_type: 'aggregate',
        aggregate_name: 'stddev',
        real_time: 7,
      },
    ];
    expect(
      parseBenchmarks('googlecpp', JSON.stringify(data)).map((v) => [v.name, v.value]),
    ).toEqual([
      ['fib_10_mean', 215],
      ['fib_10_median', 215],
    ]);
  });

  it('pytest: stats.ops under the fullname, iter/sec, bigger is better', () => {
    expect(parse('pytest', 'gab-pytest_output.json')).toEqual([
      {
        name: 'bench.py::test_fib_10',
        value: 41513.272817492856,
        unit: 'iter/sec',
        better: 'bigger',
      },
      {
        name: 'bench.py::test_fib_20',
        value: 335.0049328331567,
        unit: 'iter/sec',
        better: 'bigger',
      },
    ]);
    expect(parse('pytest', 'gab-pytest_several_units.json').map((v) => v.value)).toEqual([
      6668618.238403659, 34652.98828915334, 276.8613383807958, 0.49904108083570886,
    ]);
  });

  it('go: the first measurement per benchmark, GOMAXPROCS suffix dropped, "=" kept readable', () => {
    expect(parse('go', 'gab-go_output.txt')).toEqual([
      { name: 'BenchmarkFib10', value: 325, unit: 'ns/op', better: 'smaller' },
      { name: 'BenchmarkFib20', value: 40537.123, unit: 'ns/op', better: 'smaller' },
      {
        name: 'BenchmarkFib/my_tabled_benchmark_-_10',
        value: 325,
        unit: 'ns/op',
        better: 'smaller',
      },
      {
        name: 'BenchmarkFib/my_tabled_benchmark_-_20',
        value: 40537.123,
        unit: 'ns/op',
        better: 'smaller',
      },
      {
        name: 'BenchmarkFib/my/tabled/benchmark_-_20',
        value: 40537.456,
        unit: 'ns/op',
        better: 'smaller',
      },
      {
        name: 'BenchmarkFib/my/tabled/benchmark_-_20,var1:13,var2:14',
        value: 40537.456,
        unit: 'ns/op',
        better: 'smaller',
      },
      { name: 'BenchmarkFib11', value: 262.7, unit: 'ns/op', better: 'smaller' },
      { name: 'BenchmarkFib22', value: 31915, unit: 'ns/op', better: 'smaller' },
    ]);
    expect(parse('go', 'gab-go_single_package_output.txt')).toEqual([
      { name: 'BenchmarkFib10', value: 325, unit: 'ns/op', better: 'smaller' },
      { name: 'BenchmarkFib20', value: 40537, unit: 'ns/op', better: 'smaller' },
    ]);
  });

  it('go: one name in two packages becomes two series, told apart by the package', () => {
    expect(
      parse('go', 'gab-go_fiber_duplicate_names_output.txt').map((v) => [v.name, v.value]),
    ).toEqual([
      ['BenchmarkAppendMsgitem (github.com/gofiber/fiber/v3/middleware/cache)', 55.76],
      ['BenchmarkUnmarshalitem (github.com/gofiber/fiber/v3/middleware/cache)', 174],
      ['BenchmarkAppendMsgitem (github.com/gofiber/fiber/v3/middleware/csrf)', 0.3733],
      ['BenchmarkUnmarshalitem (github.com/gofiber/fiber/v3/middleware/csrf)', 4.36],
    ]);
  });

  it('cargo: libtest bench lines of a current nightly (decimals, thousands commas)', () => {
    expect(parse('cargo', 'cargo-nightly-bench.txt')).toEqual([
      { name: 'tests::bench_fib_10', value: 484.15, unit: 'ns/iter', better: 'smaller' },
      { name: 'tests::bench_fib_20', value: 40203.73, unit: 'ns/iter', better: 'smaller' },
      { name: 'tests::bench_sum_1000', value: 1.21, unit: 'ns/iter', better: 'smaller' },
    ]);
    expect(parse('cargo', 'gab-cargo_output.txt')).toEqual([
      { name: 'bench_fib_10', value: 135, unit: 'ns/iter', better: 'smaller' },
      { name: 'bench_fib_20', value: 18149, unit: 'ns/iter', better: 'smaller' },
    ]);
  });

  it('cargo: other units (cycles/iter smaller, MS/s bigger) and criterion bencher-format names', () => {
    expect(
      parse('cargo', 'gab-cargo_output_units.txt').map((v) => [v.name, v.value, v.unit, v.better]),
    ).toEqual([
      ['cmov', 2835, 'cycles/iter', 'smaller'],
      ['cmov2', 2845, 'cycles/iter', 'smaller'],
      ['mov', 1508, 'cycles/iter', 'smaller'],
      ['upload', 1911, 'MS/s', 'bigger'],
      ['download', 9001, 'MS/s', 'bigger'],
    ]);
    expect(parse('cargo', 'gab-criterion_output.txt').map((v) => [v.name, v.value])).toEqual([
      ['Create Realm', 329],
      ['Symbols (Execution)', 3268],
      ['For loop (Execution)', 12314],
      ['Fibonacci (Execution)', 1672496],
    ]);
  });

  it('every name a parser gives is a valid value name', () => {
    const files: [BenchmarkTool, string][] = [
      ['go', 'gab-go_output.txt'],
      ['cargo', 'gab-criterion_output.txt'],
      ['pytest', 'gab-pytest_several_units.json'],
    ];
    for (const [tool, file] of files) {
      for (const v of parse(tool, file)) expect(valueNameProblem(v.name)).toBeNull();
    }
  });
});

describe('benchmark files that are not the tool format', () => {
  const cases: [BenchmarkTool, string, RegExp][] = [
    ['customSmallerIsBetter', '{"name": "x"}', /^expected an array of \{"name", "unit", "value"\}/],
    [
      'customBiggerIsBetter',
      '[{"name": "x", "value": "12"}]',
      /^entry 0 \("x"\) has no numeric "value"/,
    ],
    ['googlecpp', 'not json', /^not valid JSON \(.*\); expected Google Benchmark JSON/],
    ['pytest', '{"machine_info": {}}', /^no "benchmarks" array; expected pytest-benchmark JSON/],
    ['go', fixture('gab-pytest_output.json'), /^no go benchmark results found in it$/],
    ['cargo', fixture('gab-go_output.txt'), /^no cargo benchmark results found in it$/],
    ['customSmallerIsBetter', '[]', /^no customSmallerIsBetter benchmark results found in it$/],
  ];
  it.each(cases)('%s: one-line BenchmarkFormatError', (tool, text, message) => {
    let error: unknown;
    try {
      parseBenchmarks(tool, text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenchmarkFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('knows exactly the tool names of github-action-benchmark it supports', () => {
    expect(BENCHMARK_TOOLS).toEqual([
      'customSmallerIsBetter',
      'customBiggerIsBetter',
      'googlecpp',
      'pytest',
      'go',
      'cargo',
    ]);
  });
});
