// `npm run bench` (after the build): the summary benchmark, then the detector benchmark when it
// exists. bench/detector-bench.js may export `run` (or a default function), awaited here; a
// module without one is taken to run on import. A `false` result or a throw marks a failure.
import { existsSync } from 'node:fs';
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

process.exitCode = ok ? 0 : 1;
