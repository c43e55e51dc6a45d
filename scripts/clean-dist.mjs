// Empties the bundle's folder before `npm run package` writes it: ncc leaves the chunk files of
// earlier builds behind, and a stale chunk committed in dist/ would ship as dead weight.
import { rmSync } from 'node:fs';

rmSync(process.argv[2] ?? 'dist', { recursive: true, force: true });
