/**
 * The bundle's entry (dist/index.js), run by the runner for both `main` and `post`. Kept tiny:
 * it turns on Node's module compile cache (Node 22.1+; a no-op on older Node) under RUNNER_TEMP,
 * so the second and later wrapped steps of a job reuse the compiled code of the first instead of
 * parsing the bundle again, and only then loads the rest.
 */
import module from 'node:module';
import path from 'node:path';

const env = process.env;
/**
 * A post step with nothing to do loads nothing: not the job's owner (whose post saves and
 * publishes), and its main recorded its run or never started a command. The names are state.ts's
 * (State.IsPost, Owner, Recorded, StartedAt) as the runner hands them over.
 */
const idlePost =
  env['STATE_isPost'] === 'true' &&
  env['STATE_owner'] !== 'true' &&
  (Boolean(env['STATE_recorded']) || !env['STATE_startedAt']);

const temp = env['RUNNER_TEMP'];
if (!idlePost) await start();

async function start(): Promise<void> {
  try {
    // Absent on Node 20: the action then just compiles as before.
    (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache?.(
      temp ? path.join(temp, 'dev-metrics', 'compile-cache') : undefined,
    );
  } catch {
    // A cache that cannot be written only costs time.
  }
  await import('./run.js');
}
