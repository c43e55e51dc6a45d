/**
 * A loopback fake of the Actions artifact service (the "results" Twirp API that `@actions/artifact`
 * v2+ talks to) plus the Azure blob endpoint its signed URLs point at (the shared BlobStore).
 *
 * Twirp JSON under `/twirp/github.actions.results.api.v1.ArtifactService/`:
 *   CreateArtifact        → { ok, signed_upload_url }   409 already_exists for a name taken in the run
 *   FinalizeArtifact      → { ok, artifact_id }         checks the blob exists, its size and sha256
 *   ListArtifacts         → { artifacts: [...] }         name_filter / id_filter, finalized only
 *   GetSignedArtifactURL  → { signed_url }               a read SAS for the blob
 *   DeleteArtifact        → { ok, artifact_id }
 * Requests need `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`: an HS256 JWT (see runtimeToken)
 * whose `scp` holds `Actions.Results:<runBackendId>:<jobBackendId>` matching the request's ids.
 * Errors use Twirp's shape `{ code, msg }` and HTTP status, which the real client reads.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import zlib from 'node:zlib';
import { BlobStore } from './blob-store.js';
import { TWIRP_CODES, listen, readBody, sendJson } from './http.js';

export type ArtifactMethod =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  | 'GetSignedArtifactURL'
  | 'DeleteArtifact';

/** Twirp error statuses (500/503 are retried by the client, 400/401/403/404/409 are not). */
export type ArtifactFault = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503 | 'network';

export interface FakeArtifact {
  id: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blobPath: string;
  mimeType: string | undefined;
  version: number;
  expiresAt: string | undefined;
  createdAt: string;
  finalized: boolean;
  size: number | undefined;
  digest: string | undefined;
}

export interface ArtifactRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

export interface StartArtifactOptions {
  runBackendId?: string;
  jobBackendId?: string;
  /** HS256 secret for runtime tokens; tokens signed otherwise are rejected (401). */
  secret?: string;
}

export interface FakeArtifactService {
  /** Origin for ACTIONS_RESULTS_URL. */
  url: string;
  runBackendId: string;
  jobBackendId: string;
  /** A runtime token for this run/job (ACTIONS_RUNTIME_TOKEN). */
  runtimeToken: string;
  /** The environment the real client reads: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL. */
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string };
  state: { artifacts: FakeArtifact[]; blobs: BlobStore };
  /** Twirp calls only (blob traffic is not recorded). */
  requests: ArtifactRequest[];
  /** Make `method` fail with `kind` for `times` calls (default: until cleared). */
  fault(method: ArtifactMethod, kind: ArtifactFault, times?: number): void;
  clearFaults(): void;
  /** The uploaded zip of a finalized artifact, by name. */
  zipOf(name: string): Buffer | undefined;
  stop(): Promise<void>;
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService';

class TwirpError extends Error {
  constructor(
    readonly status: Exclude<ArtifactFault, 'network'>,
    msg: string,
  ) {
    super(msg);
  }
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** An HS256 JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN. */
export function runtimeToken(opts: {
  runBackendId: string;
  jobBackendId: string;
  secret?: string;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const payload = b64url(
    JSON.stringify({
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: `Actions.ExampleScope Actions.Results:${opts.runBackendId}:${opts.jobBackendId}`,
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vso:fake',
      nbf: now - 60,
      exp: now + 6 * 3600,
    }),
  );
  const sig = crypto
    .createHmac('sha256', opts.secret ?? 'fake-secret')
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${sig}`;
}

/** The (run, job) ids a valid token grants, or undefined. */
function verifyToken(
  authorization: string | undefined,
  secret: string,
): [string, string] | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const [header, payload, sig] = token?.split('.') ?? [];
  if (!header || !payload || !sig) return undefined;
  const expected = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      scp?: string;
    };
    for (const scope of (claims.scp ?? '').split(' ')) {
      const [name, run, job] = scope.split(':');
      if (name === 'Actions.Results' && run && job) return [run, job];
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The files in a zip archive, by name. Reads the central directory (archiver writes sizes only
 * there, behind data descriptors) and inflates each entry; enough for stored/deflated entries.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header: ${name}`);
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (name.endsWith('/')) continue;
    if (method === 0) files.set(name, Buffer.from(raw));
    else if (method === 8) files.set(name, zlib.inflateRawSync(raw));
    else throw new Error(`unsupported zip compression method ${method} for ${name}`);
  }
  return files;
}

export async function start(opts: StartArtifactOptions = {}): Promise<FakeArtifactService> {
  const runBackendId = opts.runBackendId ?? crypto.randomUUID();
  const jobBackendId = opts.jobBackendId ?? crypto.randomUUID();
  const secret = opts.secret ?? 'fake-secret';
  const blobs = new BlobStore();
  const artifacts: FakeArtifact[] = [];
  const requests: ArtifactRequest[] = [];
  const faults = new Map<ArtifactMethod, { kind: ArtifactFault; remaining: number }>();
  let nextId = 4_200_000_001;
  let origin = '';

  const takeFault = (method: ArtifactMethod): ArtifactFault | undefined => {
    const f = faults.get(method);
    if (!f) return undefined;
    if (--f.remaining <= 0) faults.delete(method);
    return f.kind;
  };

  const find = (run: string, name: string): FakeArtifact | undefined =>
    artifacts.find((a) => a.runBackendId === run && a.name === name);

  const str = (body: Record<string, unknown>, field: string): string => {
    const value = body[field];
    if (typeof value !== 'string' || value === '') {
      throw new TwirpError(400, `${field} is required`);
    }
    return value;
  };

  const handlers: Record<ArtifactMethod, (body: Record<string, unknown>) => unknown> = {
    CreateArtifact(body) {
      const run = str(body, 'workflow_run_backend_id');
      const job = str(body, 'workflow_job_run_backend_id');
      const name = str(body, 'name');
      if (find(run, name)) {
        throw new TwirpError(409, 'an artifact with this name already exists on the workflow run');
      }
      const digest = crypto.createHash('sha256').update(`${run}/${name}`).digest('hex');
      const artifact: FakeArtifact = {
        id: nextId++,
        runBackendId: run,
        jobBackendId: job,
        name,
        blobPath: `actions-results/${run}/workflow-job-run-${job}/artifacts/${digest}.zip`,
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
        version: typeof body.version === 'number' ? body.version : 0,
        expiresAt: typeof body.expires_at === 'string' ? body.expires_at : undefined,
        createdAt: new Date().toISOString(),
        finalized: false,
        size: undefined,
        digest: undefined,
      };
      artifacts.push(artifact);
      return { ok: true, signed_upload_url: blobs.signedUrl(origin, artifact.blobPath, ['write']) };
    },
    FinalizeArtifact(body) {
      const run = str(body, 'workflow_run_backend_id');
      const name = str(body, 'name');
      const artifact = find(run, name);
      if (!artifact) throw new TwirpError(404, 'artifact not found');
      const blob = blobs.blobs.get(artifact.blobPath);
      if (!blob) throw new TwirpError(400, 'artifact content was not uploaded');
      if (String(body.size) !== String(blob.data.length)) {
        throw new TwirpError(400, `size ${String(body.size)} does not match ${blob.data.length}`);
      }
      const sha = `sha256:${crypto.createHash('sha256').update(blob.data).digest('hex')}`;
      if (body.hash !== undefined && body.hash !== sha) {
        throw new TwirpError(400, `hash ${String(body.hash)} does not match the uploaded content`);
      }
      Object.assign(artifact, { finalized: true, size: blob.data.length, digest: sha });
      return { ok: true, artifact_id: String(artifact.id) };
    },
    ListArtifacts(body) {
      const run = str(body, 'workflow_run_backend_id');
      const nameFilter = body.name_filter;
      const idFilter = body.id_filter;
      return {
        artifacts: artifacts
          .filter((a) => a.finalized && a.runBackendId === run)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || String(a.id) === String(idFilter))
          .map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size ?? 0),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          })),
      };
    },
    GetSignedArtifactURL(body) {
      const artifact = find(str(body, 'workflow_run_backend_id'), str(body, 'name'));
      if (!artifact?.finalized) throw new TwirpError(404, 'artifact not found');
      return { signed_url: blobs.signedUrl(origin, artifact.blobPath, ['read']) };
    },
    DeleteArtifact(body) {
      const artifact = find(str(body, 'workflow_run_backend_id'), str(body, 'name'));
      if (!artifact) throw new TwirpError(404, 'artifact not found');
      artifacts.splice(artifacts.indexOf(artifact), 1);
      blobs.blobs.delete(artifact.blobPath);
      return { ok: true, artifact_id: String(artifact.id) };
    },
  };

  const handleTwirp = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const raw = await readBody(req);
    const record: ArtifactRequest = { method: '', path: url.pathname, body: undefined, status: 0 };
    requests.push(record);
    const reply = (status: number, payload: unknown): void => {
      record.status = status;
      sendJson(res, status, payload);
    };
    const method = url.pathname.slice(`/twirp/${SERVICE}/`.length) as ArtifactMethod;
    record.method = method;
    try {
      if (req.method !== 'POST' || !url.pathname.startsWith(`/twirp/${SERVICE}/`)) {
        return reply(404, { code: 'bad_route', msg: `no handler for path "${url.pathname}"` });
      }
      const handler = handlers[method];
      if (!handler) {
        return reply(404, { code: 'bad_route', msg: `no handler for path "${url.pathname}"` });
      }
      if (!String(req.headers['content-type']).startsWith('application/json')) {
        throw new TwirpError(400, 'only application/json is supported by this fake');
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new TwirpError(400, 'the request body is not JSON');
      }
      record.body = body;
      const ids = verifyToken(req.headers.authorization, secret);
      if (!ids) throw new TwirpError(401, 'invalid or missing runtime token');
      if (body.workflow_run_backend_id !== undefined && body.workflow_run_backend_id !== ids[0]) {
        throw new TwirpError(403, 'the token does not grant access to this workflow run');
      }
      const fault = takeFault(method);
      if (fault === 'network') {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault !== undefined) throw new TwirpError(fault, `injected fault ${fault}`);
      reply(200, handler(body));
    } catch (err) {
      if (!(err instanceof TwirpError)) throw err;
      reply(err.status, { code: TWIRP_CODES[err.status], msg: err.message });
    }
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (blobs.handles(url)) return blobs.handle(req, res, url);
    return handleTwirp(req, res, url);
  });
  origin = server.origin;
  const token = runtimeToken({ runBackendId, jobBackendId, secret });

  return {
    url: origin,
    runBackendId,
    jobBackendId,
    runtimeToken: token,
    env: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${origin}/` },
    state: { artifacts, blobs },
    requests,
    fault(method, kind, times = Number.POSITIVE_INFINITY) {
      faults.set(method, { kind, remaining: times });
    },
    clearFaults() {
      faults.clear();
    },
    zipOf(name) {
      const artifact = artifacts.find((a) => a.name === name && a.finalized);
      return artifact ? blobs.blobs.get(artifact.blobPath)?.data : undefined;
    },
    stop: () => server.close(),
  };
}
