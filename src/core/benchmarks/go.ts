/**
 * `go test -bench` text output: `BenchmarkFib10-8   5000000   325 ns/op   0 B/op ...`. Each
 * benchmark's first measurement (ns/op: smaller is better) is its value. The `-8` GOMAXPROCS
 * suffix is dropped so a runner with another CPU count continues the same series; names that then
 * collide (`-cpu 1,2,4`, or one name in two packages) keep the suffix, then get the package.
 */
import { defaultBetter, type RunValue } from '../values.js';
import { BenchmarkFormatError, benchmarkValue } from './common.js';

const LINE = /^(Benchmark\S*)\s+(\d+)\s+([-+]?\d[\d.eE+-]*)\s+(\S+)/;
const PROCS = /^(.+?)-(\d+)$/;

interface Entry {
  base: string;
  procs: string | null;
  pkg: string | null;
  value: number;
  unit: string;
}

export function parseGoBench(text: string): RunValue[] {
  const entries: Entry[] = [];
  let pkg: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('pkg:')) {
      pkg = line.slice(4).trim();
      continue;
    }
    const match = LINE.exec(line);
    if (match === null) continue;
    const [, fullName, , number, unit] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const value = Number(number);
    if (!Number.isFinite(value)) {
      throw new BenchmarkFormatError(
        `benchmark "${fullName}" has no number: ${JSON.stringify(line)}`,
      );
    }
    const procs = PROCS.exec(fullName);
    entries.push({
      base: procs ? (procs[1] as string) : fullName,
      procs: procs ? (procs[2] as string) : null,
      pkg,
      value,
      unit,
    });
  }
  const names = uniqueNames(entries);
  return entries.map((e, i) =>
    benchmarkValue(names[i] as string, e.value, e.unit, defaultBetter(e.unit)),
  );
}

function uniqueNames(entries: readonly Entry[]): string[] {
  let names = entries.map((e) => e.base);
  // Each step applies only to names still shared, and only when it tells them apart.
  const steps: ((e: Entry, name: string) => string)[] = [
    (e, name) => (e.procs === null ? name : `${name}-${e.procs}`),
    (e, name) => (e.pkg === null ? name : `${name} (${e.pkg})`),
  ];
  for (const step of steps) {
    const groups = new Map<string, number[]>();
    names.forEach((n, i) => groups.set(n, [...(groups.get(n) ?? []), i]));
    const next = [...names];
    for (const indexes of groups.values()) {
      if (indexes.length < 2) continue;
      const renamed = indexes.map((i) => step(entries[i] as Entry, names[i] as string));
      if (new Set(renamed).size === 1) continue; // no help: keep the shorter name
      indexes.forEach((i, k) => (next[i] = renamed[k] as string));
    }
    names = next;
  }
  return names;
}
