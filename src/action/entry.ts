/**
 * The bundle's entry (dist/index.js), run by the runner for `main`, and for the `post` steps that
 * have something to do (dist/post.cjs, post-entry.cjs, lets the others exit first). Kept tiny:
 * it turns on Node's module compile cache (Node 22.1+; a no-op on older Node) under RUNNER_TEMP,
 * so the second and later wrapped steps of a job reuse the compiled code of the first instead of
 * parsing the bundle again, and only then loads the rest.
 */
import module from 'node:module';
import path from 'node:path';

const temp = process.env['RUNNER_TEMP'];
await start();

async function start(): Promise<void> {
  let cached = false;
  try {
    // Absent on Node 20: the action then just compiles as before.
    const status = (
      module as { enableCompileCache?: (dir?: string) => { status?: number } | undefined }
    ).enableCompileCache?.(
      temp ? path.join(temp, 'dev-metrics', 'compile-cache') : undefined,
    )?.status;
    // 1: enabled, 2: already enabled (module.constants.compileCacheStatus).
    cached = status === 1 || status === 2;
  } catch {
    // A cache that cannot be written only costs time.
  }
  if (cached) lazyCompilation(false);
  try {
    await import('./run.js');
  } finally {
    if (cached) lazyCompilation(true); // done by run.ts's first import unless the load failed
  }
}

/**
 * Node saves a module's code cache right after compiling it, so it holds only what V8 compiled
 * eagerly: every function body of the bundle (module bodies are its functions) was compiled again
 * from source in every step, about a tenth of a later step's time. With V8's lazy compilation off
 * while the bundle's chunk is compiled, the first step of the job compiles it whole once (a few
 * ms more) and caches it; later steps load it compiled. It is back on (lazy-compile.ts, the first
 * module run.ts evaluates; never imported here, or it would run now) before anything else is
 * compiled: Node's own modules keep their built-in code caches, made with the default flags.
 * Only with the compile cache on (Node 22.1+): without it every step would compile it all.
 */
function lazyCompilation(on: boolean): void {
  try {
    process.getBuiltinModule?.('node:v8')?.setFlagsFromString(on ? '--lazy' : '--no-lazy');
  } catch {
    // Only speed is at stake.
  }
}
