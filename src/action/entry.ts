/**
 * The bundle's entry (dist/index.js), run by the runner for both `main` and `post`.
 * Nothing here may throw a stack trace at users: unexpected errors become one failure line.
 */
import './quiet-deprecations.js';
import * as core from '@actions/core';
import { runMain, runPost } from './main.js';
import { isPost } from './state.js';

async function entry(): Promise<void> {
  try {
    if (isPost()) await runPost();
    else await runMain();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.debug(error instanceof Error && error.stack ? error.stack : message);
    core.setFailed(`dev-metrics: ${message}`);
  }
}

await entry();
