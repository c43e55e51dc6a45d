#!/usr/bin/env node
// The `dev-metrics` executable. All logic lives in cli.ts; this file only binds it to the process.
import { runCli } from './cli.js';

// `dev-metrics recent | head -1` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
