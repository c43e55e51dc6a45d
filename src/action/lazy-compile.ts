/**
 * Turns V8's lazy compilation back on (entry.ts turns it off while the bundle's chunk is compiled,
 * so that the compile cache holds it whole). run.ts imports this module first: evaluating it is the
 * first thing the chunk does once compiled, before any of Node's built-in modules is loaded.
 * entry.ts must not import it (it would then run in the entry chunk, before the chunk's compile).
 */
export {};
try {
  process.getBuiltinModule?.('node:v8')?.setFlagsFromString('--lazy');
} catch {
  // Only speed is at stake.
}
