/**
 * An in-memory emulation of the Azure Blob Storage REST calls that GitHub's signed cache/artifact
 * URLs receive, as the real `@azure/storage-blob` SDK and `@actions/http-client` send them:
 *   PUT  Put Blob (x-ms-blob-type: BlockBlob), PUT ?comp=block&blockid=, PUT ?comp=blocklist (XML),
 *   HEAD Get Blob Properties, GET Download (whole, or ranged by `x-ms-range`/`Range` -> 206), DELETE.
 * URLs are path-style (`/<account>/<container>/<blob>?<SAS>`), which is how the SDK reads an IP host.
 * Every request must carry a `sig` this store issued for that blob and operation, like a SAS.
 * Shared by the cache fake and the artifact fake: mount it with `handles()` + `handle()`.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { readBody } from './http.js';

export interface StoredBlob {
  data: Buffer;
  contentType: string;
  etag: string;
  createdOn: Date;
  lastModified: Date;
}

type Permission = 'read' | 'write';

interface Signature {
  blobPath: string;
  permissions: ReadonlySet<Permission>;
  expiresAt: number;
}

const API_VERSION = '2025-11-05';

export class BlobStore {
  /** Committed blobs by `<container>/<blob>`. Public so tests can inspect or corrupt them. */
  readonly blobs = new Map<string, StoredBlob>();
  private readonly uncommitted = new Map<string, Map<string, Buffer>>();
  private readonly committedBlocks = new Map<string, Map<string, Buffer>>();
  private readonly signatures = new Map<string, Signature>();

  constructor(readonly account = 'fakeactionsstore') {}

  /** A SAS-like URL for one blob: `read` for downloads, `write` for uploads. */
  signedUrl(
    origin: string,
    blobPath: string,
    permissions: Permission[],
    ttlMs = 6 * 60 * 60 * 1000,
  ): string {
    const sig = crypto.randomBytes(24).toString('base64');
    const expiresAt = Date.now() + ttlMs;
    this.signatures.set(sig, { blobPath, permissions: new Set(permissions), expiresAt });
    const query = new URLSearchParams({
      sv: API_VERSION,
      sr: 'b',
      sp: permissions.includes('write') ? 'cw' : 'r',
      se: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z'),
      sig,
    });
    return `${origin}/${this.account}/${blobPath}?${query.toString()}`;
  }

  /** True when the request path belongs to this store's account. */
  handles(url: URL): boolean {
    return url.pathname.startsWith(`/${this.account}/`);
  }

  /** Stores `data` as a committed blob, as if uploaded: for tests that serve crafted bytes. */
  put(blobPath: string, data: Buffer, contentType = 'application/octet-stream'): void {
    this.commit(blobPath, data, contentType);
  }

  /** Flips bytes in the middle of a stored blob: the download then fails to decompress. */
  corrupt(blobPath: string): boolean {
    const blob = this.blobs.get(blobPath);
    if (!blob || blob.data.length === 0) return false;
    const data = Buffer.from(blob.data);
    const from = Math.floor(data.length / 3);
    for (let i = from; i < Math.min(data.length, from + 64); i++) data[i] = data[i]! ^ 0xff;
    this.blobs.set(blobPath, { ...blob, data, etag: newEtag(), lastModified: new Date() });
    return true;
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const blobPath = decodeURIComponent(url.pathname.slice(this.account.length + 2));
    const method = req.method ?? 'GET';
    const comp = url.searchParams.get('comp');
    const needed: Permission = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
    const denial = this.checkSignature(url, blobPath, needed);
    const body = method === 'PUT' || method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    if (denial) return sendError(req, res, 403, 'AuthenticationFailed', denial);
    if (!blobPath.includes('/')) {
      return sendError(req, res, 400, 'InvalidUri', 'The requested URI does not name a blob.');
    }

    if (method === 'PUT' && comp === null) return this.putBlob(req, res, blobPath, body);
    if (method === 'PUT' && comp === 'block') return this.putBlock(req, res, blobPath, url, body);
    if (method === 'PUT' && comp === 'blocklist')
      return this.putBlockList(req, res, blobPath, body);
    if ((method === 'GET' || method === 'HEAD') && comp === null) {
      return this.getBlob(req, res, blobPath, method === 'HEAD');
    }
    if (method === 'DELETE' && comp === null) {
      if (!this.blobs.delete(blobPath)) return notFound(req, res);
      return send(req, res, 202, {});
    }
    if (comp !== null) {
      return sendError(
        req,
        res,
        400,
        'InvalidQueryParameterValue',
        `Value for one of the query parameters specified in the request URI is invalid: comp=${comp}`,
      );
    }
    return sendError(
      req,
      res,
      405,
      'UnsupportedHttpVerb',
      `The resource doesn't support ${method}.`,
    );
  }

  private checkSignature(url: URL, blobPath: string, needed: Permission): string | undefined {
    const sig = url.searchParams.get('sig');
    const grant = sig ? this.signatures.get(sig) : undefined;
    if (!grant) return 'Server failed to authenticate the request: signature not recognised.';
    if (grant.blobPath !== blobPath) return 'Signature not valid for this resource.';
    if (grant.expiresAt < Date.now()) return 'Signed expiry time has passed.';
    if (!grant.permissions.has(needed)) {
      return 'This request is not authorized to perform this operation using this permission.';
    }
    return undefined;
  }

  private putBlob(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    blobPath: string,
    body: Buffer,
  ): void {
    const type = req.headers['x-ms-blob-type'];
    if (type !== 'BlockBlob') {
      return sendError(
        req,
        res,
        400,
        type === undefined ? 'MissingRequiredHeader' : 'InvalidHeaderValue',
        'An HTTP header that is mandatory for this request is not specified: x-ms-blob-type.',
      );
    }
    const blob = this.commit(blobPath, body, header(req, 'x-ms-blob-content-type'));
    send(req, res, 201, {
      ETag: blob.etag,
      'Last-Modified': blob.lastModified.toUTCString(),
      'Content-MD5': md5(body),
      'x-ms-request-server-encrypted': 'true',
    });
  }

  private putBlock(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    blobPath: string,
    url: URL,
    body: Buffer,
  ): void {
    const blockId = url.searchParams.get('blockid');
    if (!blockId) {
      return sendError(req, res, 400, 'MissingRequiredQueryParameter', 'blockid is required.');
    }
    const blocks = this.uncommitted.get(blobPath) ?? new Map<string, Buffer>();
    blocks.set(blockId, body);
    this.uncommitted.set(blobPath, blocks);
    send(req, res, 201, { 'Content-MD5': md5(body), 'x-ms-request-server-encrypted': 'true' });
  }

  private putBlockList(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    blobPath: string,
    body: Buffer,
  ): void {
    const xml = body.toString('utf8');
    if (!/<BlockList>/.test(xml)) {
      return sendError(
        req,
        res,
        400,
        'InvalidXmlDocument',
        'XML specified is not syntactically valid.',
      );
    }
    const pending = this.uncommitted.get(blobPath) ?? new Map<string, Buffer>();
    const committed = this.committedBlocks.get(blobPath) ?? new Map<string, Buffer>();
    const parts: Buffer[] = [];
    const used = new Map<string, Buffer>();
    for (const match of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
      const [, list, id] = match as unknown as [string, string, string];
      const block =
        list === 'Committed'
          ? committed.get(id)
          : list === 'Uncommitted'
            ? pending.get(id)
            : (pending.get(id) ?? committed.get(id));
      if (!block) {
        return sendError(req, res, 400, 'InvalidBlockList', `The specified block list is invalid.`);
      }
      parts.push(block);
      used.set(id, block);
    }
    const blob = this.commit(blobPath, Buffer.concat(parts), header(req, 'x-ms-blob-content-type'));
    this.uncommitted.delete(blobPath);
    this.committedBlocks.set(blobPath, used);
    send(req, res, 201, {
      ETag: blob.etag,
      'Last-Modified': blob.lastModified.toUTCString(),
      'x-ms-request-server-encrypted': 'true',
    });
  }

  private getBlob(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    blobPath: string,
    headOnly: boolean,
  ): void {
    const blob = this.blobs.get(blobPath);
    if (!blob) return notFound(req, res);
    const size = blob.data.length;
    const properties: Record<string, string> = {
      'Content-Type': blob.contentType,
      ETag: blob.etag,
      'Last-Modified': blob.lastModified.toUTCString(),
      'Accept-Ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-creation-time': blob.createdOn.toUTCString(),
      'x-ms-lease-state': 'available',
      'x-ms-lease-status': 'unlocked',
      'x-ms-server-encrypted': 'true',
      'x-ms-access-tier': 'Hot',
      'x-ms-access-tier-inferred': 'true',
    };
    const rangeHeader = header(req, 'x-ms-range') ?? (headOnly ? undefined : header(req, 'range'));
    if (headOnly || rangeHeader === undefined) {
      send(
        req,
        res,
        200,
        { ...properties, 'Content-Length': String(size) },
        headOnly ? undefined : blob.data,
      );
      return;
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader.trim());
    if (!range) {
      return sendError(req, res, 400, 'InvalidHeaderValue', `Invalid range header: ${rangeHeader}`);
    }
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || end < start) {
      return sendError(req, res, 416, 'InvalidRange', 'The range specified is invalid.', {
        'Content-Range': `bytes */${size}`,
      });
    }
    const slice = blob.data.subarray(start, end + 1);
    send(
      req,
      res,
      206,
      {
        ...properties,
        'Content-Length': String(slice.length),
        'Content-Range': `bytes ${start}-${end}/${size}`,
      },
      slice,
    );
  }

  private commit(blobPath: string, data: Buffer, contentType: string | undefined): StoredBlob {
    const now = new Date();
    const blob: StoredBlob = {
      data,
      contentType: contentType ?? 'application/octet-stream',
      etag: newEtag(),
      createdOn: this.blobs.get(blobPath)?.createdOn ?? now,
      lastModified: now,
    };
    this.blobs.set(blobPath, blob);
    return blob;
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function md5(data: Buffer): string {
  return crypto.createHash('md5').update(data).digest('base64');
}

function newEtag(): string {
  return `"0x8D${crypto.randomBytes(6).toString('hex').toUpperCase()}"`;
}

function commonHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ms-request-id': crypto.randomUUID(),
    'x-ms-version': header(req, 'x-ms-version') ?? API_VERSION,
    Date: new Date().toUTCString(),
    Server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
  };
  const clientRequestId = header(req, 'x-ms-client-request-id');
  if (clientRequestId) headers['x-ms-client-request-id'] = clientRequestId;
  return headers;
}

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: Buffer,
): void {
  const all = { ...commonHeaders(req), ...headers };
  if (!('Content-Length' in all)) all['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(status, all);
  res.end(body);
}

/** Azure's error shape: XML body plus the `x-ms-error-code` header the SDK reads first. */
export function sendError(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const requestId = crypto.randomUUID();
  const xml =
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\n` +
    `RequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`;
  const body = req.method === 'HEAD' ? undefined : Buffer.from(xml);
  send(
    req,
    res,
    status,
    {
      'Content-Type': 'application/xml',
      'x-ms-error-code': code,
      'Content-Length': String(Buffer.byteLength(xml)),
      ...extra,
    },
    body,
  );
}

function notFound(req: http.IncomingMessage, res: http.ServerResponse): void {
  sendError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist.');
}
