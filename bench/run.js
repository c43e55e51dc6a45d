// `npm run bench` (after the build): the summary benchmark, then the detector benchmark when it
// exists, then the action-overhead benchmark. bench/detector-bench.js may export `run` (or a
// default function), awaited here; a module without one is taken to run on import. A `false`
// result or a throw marks a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runSummaryBench } from './summary-bench.js';

let ok = await runSummaryBench();

const detector = fileURLToPath(new URL('./detector-bench.js', import.meta.url));
if (existsSync(detector)) {
  console.log('');
  try {
    const mod = await import(new URL('./detector-bench.js', import.meta.url).href);
    const run = typeof mod.run === 'function' ? mod.run : mod.default;
    if (typeof run === 'function' && (await run()) === false) ok = false;
  } catch (error) {
    console.error(`detector bench failed: ${error instanceof Error ? error.message : error}`);
    ok = false;
  }
}

/**
 * The action-overhead bench is TypeScript (it drives the test fakes and runner): compile it with
 * what it imports into the scratch folder .bench-build/, run it, remove the folder.
 */
async function runActionOverhead() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = fileURLToPath(new URL('../.bench-build/', import.meta.url));
  rmSync(out, { recursive: true, force: true });
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) {
      console.error('action overhead bench: tsc -p tsconfig.bench.json failed');
      return false;
    }
    const mod = await import(
      new URL('../.bench-build/bench/action-overhead.js', import.meta.url).href
    );
    const run = typeof mod.run === 'function' ? mod.run : mod.default;
    return typeof run !== 'function' || (await run()) !== false;
  } catch (error) {
    console.error(
      `action overhead bench failed: ${error instanceof Error ? error.message : error}`,
    );
    return false;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

console.log('');
if (!(await runActionOverhead())) ok = false;

// The dashboard of 100,000 operations × 3 runs: build time, file size, load in Chromium.
console.log('');
try {
  const { runDashboardBench } = await import('./dashboard-bench.js');
  if ((await runDashboardBench()) === false) ok = false;
} catch (error) {
  console.error(`dashboard bench failed: ${error instanceof Error ? error.message : error}`);
  ok = false;
}

process.exitCode = ok ? 0 : 1;
