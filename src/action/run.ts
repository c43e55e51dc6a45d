/**
 * What the bundle's entry runs, for both `main` and `post` (entry.ts loads it once Node's compile
 * cache is on). Nothing here may throw a stack trace at users: unexpected errors become one
 * failure line.
 */
// First: lazy compilation back on before anything else loads (see entry.ts, lazyCompilation).
import './lazy-compile.js';
import * as core from './runner-io.js';
// Static: main and what it needs come in the one chunk entry.ts imports (each further chunk is one
// more module resolution and load for every wrapped step). post.ts stays a chunk of its own.
import { runMain } from './main.js';
import { State, isPost, saveState } from './state.js';

async function entry(): Promise<void> {
  try {
    // A post step that has nothing to do loads nothing (entry.ts); the job owner's post loads post.ts.
    if (isPost()) {
      await (await import('./post.js')).runPost();
    } else {
      // First of all, so that the post step knows it is the post step even when main fails early.
      saveState(State.IsPost, 'true');
      await runMain();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.debug(error instanceof Error && error.stack ? error.stack : message);
    core.setFailed(`dev-metrics: ${message}`);
  }
}

await entry();
// End here, once the output is flushed: an abandoned cache call (the official client retries for
// minutes and sets no timeout of its own) must not hold the step past DEV_METRICS_CACHE_TIMEOUT_MS.
process.stdout.write('', () => process.exit());
