/**
 * `cargo bench` output of the built-in (nightly `#[bench]`) harness, and of harnesses that print
 * the same "bencher" lines (criterion's `--output-format bencher`):
 *   test tests::bench_fib_10 ... bench:         484.15 ns/iter (+/- 1,084.47)
 * The value is the median per iteration in the line's unit; rates (`MB/s`) are bigger-is-better.
 */
import { defaultBetter, type RunValue } from '../values.js';
import { benchmarkValue, parseGroupedNumber } from './common.js';

const LINE = /^test\s+(.+?)\s+\.\.\.\s+bench:\s+(\d[\d,]*(?:\.\d+)?)\s+(\S+)\s+\(\+\/-\s+[\d,.]+\)/;

export function parseCargoBench(text: string): RunValue[] {
  const out: RunValue[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const match = LINE.exec(raw.trim());
    if (match === null) continue;
    const [, name, number, unit] = match as unknown as [string, string, string, string];
    out.push(benchmarkValue(name, parseGroupedNumber(number), unit, defaultBetter(unit)));
  }
  return out;
}
