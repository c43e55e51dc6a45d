/**
 * Uploads the HTML dashboard as a workflow artifact, as the official `@actions/artifact` client
 * does it (`artifact-upload.ts`, without loading the client and its storage SDK).
 * The dashboard is a convenience: any failure (no Actions runtime, service errors, a name already
 * taken in this run) becomes ONE line through the injected `log` (wire it to core.warning) and
 * `{ ok: false }`; it never fails the step.
 *
 * Artifact names are unique per workflow run, so a second step or matrix job uploading the same
 * name gets 409 Conflict; we then retry once with the caller's suffix (job/step) appended.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { uploadFileArtifact } from './artifact-upload.js';

export interface UploadDashboardOptions {
  /** Artifact name, e.g. `dev-metrics-dashboard`. */
  name: string;
  /** The dashboard file; it is stored at the root of the artifact's zip. */
  filePath: string;
  /** 1–90; default: the repository's retention setting. */
  retentionDays?: number;
  /** Makes the name unique when it is taken in this run, e.g. `${job}-${step}`. */
  uniqueSuffix?: string;
  /** Receives one line when the upload fails (core.warning). */
  log: (line: string) => void;
}

export type UploadDashboardResult =
  { ok: true; id: number; size: number; name: string } | { ok: false; reason: string };

/** Characters the artifact service rejects in names (NTFS limits), and whitespace. */
const UNSAFE_NAME_CHARS = /["<>|*?:\\/\s]+/g;

export function artifactNameWithSuffix(name: string, suffix: string): string {
  const clean = suffix
    .replace(UNSAFE_NAME_CHARS, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return clean ? `${name}-${clean}` : name;
}

function isConflict(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /\(409\)|Conflict|already exists/i.test(message);
}

function describe(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(e.message)) {
    return 'the Actions runtime is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are unset); artifacts can only be uploaded from a GitHub Actions job';
  }
  if (e.name === 'GHESNotSupportedError') {
    return 'GitHub Enterprise Server does not support this artifact service; use dashboard-artifact: "" there';
  }
  // The client's messages can span lines (help text); the first line carries the cause.
  const first = (e.message.split('\n').find((l) => l.trim()) ?? e.name).trim();
  return first.length > 300 ? `${first.slice(0, 299)}…` : first;
}

/** Uploads `filePath` as artifact `name`; never throws. */
export async function uploadDashboard(o: UploadDashboardOptions): Promise<UploadDashboardResult> {
  const fail = (reason: string): UploadDashboardResult => {
    o.log(`dev-metrics: dashboard artifact not uploaded: ${reason}`);
    return { ok: false, reason };
  };
  const file = path.resolve(o.filePath);
  try {
    if (!(await stat(file)).isFile()) return fail(`${o.filePath} is not a file`);
  } catch {
    return fail(`${o.filePath} does not exist`);
  }
  const upload = async (name: string): Promise<UploadDashboardResult> => {
    const res = await uploadFileArtifact(name, file, o.retentionDays);
    if (!Number.isFinite(res.id)) throw new Error('the artifact service returned no artifact id');
    return { ok: true, id: res.id, size: res.size, name };
  };
  try {
    return await upload(o.name);
  } catch (err) {
    const unique = o.uniqueSuffix ? artifactNameWithSuffix(o.name, o.uniqueSuffix) : o.name;
    if (!isConflict(err)) return fail(describe(err));
    if (unique === o.name) {
      return fail(
        `an artifact named "${o.name}" already exists in this run; give each step a different dashboard-artifact name`,
      );
    }
    try {
      return await upload(unique);
    } catch (again) {
      return fail(`${describe(again)} (also tried the name "${unique}")`);
    }
  }
}

// Kept here for callers of this module; they live apart so a step need not load the client.
export { dashboardOutputFile, stepFolder } from './dashboard-path.js';
