/** Where the dashboard is written: pure path helpers, apart from the artifact client. */
import path from 'node:path';

/**
 * Where a step's dashboard is written: `<tempDir>/dev-metrics/<folder>/dashboard.html`. The step
 * name is data, so the folder is only letters, digits, `_` and `-` (never `.`, `..`, a separator
 * or a control character), at most 60 of them, plus a hash of the whole name so that different
 * names (`a b`, `a/b`, two long names with one prefix) never share, and overwrite, a folder.
 */
export function dashboardOutputFile(tempDir: string, stepName: string): string {
  return path.join(tempDir, 'dev-metrics', stepFolder(stepName), 'dashboard.html');
}

/** A readable, file-system-safe folder name for a step, unique per name: `unit-tests-1a2b3c4d`. */
export function stepFolder(stepName: string): string {
  const readable = stepName
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  // Loaded on first use, not with the module: a step that never names a folder (a non-first
  // wrapped step reads its job's dashboard path from the job file) never pays for node:crypto.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(stepName, 'utf8').digest('hex').slice(0, 8);
  return readable ? `${readable}-${hash}` : hash;
}
