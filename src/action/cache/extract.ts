/**
 * Unpacks a cache archive as data, never as instructions: the only thing it ever writes is a new
 * regular file `<dest>/<YYYY-MM-DD>.jsonl` (exclusive create in a private directory), named after
 * a member `<staging dir>/<day file>` of the archive. Anything else in the archive — an absolute or
 * `..` path, a link of either kind, a device, a FIFO, a directory named like a day file, a member
 * outside the staging directory, the same day file twice — refuses the whole entry: an archive
 * saved by this action never holds one, so it was crafted or damaged.
 *
 * Bounds: the decompressed stream may not exceed `maxBytes` (a 62 KB zstd entry can unpack to
 * 700 MB), and an entry may hold at most MAX_DAY_FILES day files.
 *
 * Decompression: gzip with zlib; zstd with `zlib.createZstdDecompress` where Node has it (22.15+,
 * 24: the action's runtime), else the `zstd` binary, which `@actions/cache` itself requires for zstd
 * entries (it chooses zstd only when that binary answers). The bound is applied to the output.
 */
import { spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import path from 'node:path';
import { Duplex, PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { extract as tarExtract, type Header } from 'tar-stream';
import { DAY_FILE_RE } from '../../core/store.js';
import { writeAllSync } from '../../core/sync-io.js';
import type { CompressionMethod } from './download.js';

/** 256 MiB of tar stream: about 600,000 records, far beyond a history of `days-to-keep` days. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** About 13 years of day files. */
export const MAX_DAY_FILES = 5000;

export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError';
}

export interface ExtractOptions {
  compression: CompressionMethod;
  /** The archive's directory, workspace-relative as `@actions/cache` stores it (`.dev-metrics-cache`). */
  stagingDir: string;
  /** A private, empty directory: day files are created here and nowhere else. */
  dest: string;
  maxBytes?: number;
}

/** Unpacks the day files of `archive` into `dest`; returns their names. Rejects on anything else. */
export async function extractDayFiles(archive: Readable, o: ExtractOptions): Promise<string[]> {
  const maxBytes = o.maxBytes ?? MAX_UNPACKED_BYTES;
  const prefix = o.stagingDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const written: string[] = [];
  const extract = tarExtract();
  const unpacking = pipeline(
    archive,
    sizeBound(maxBytes, 'the archive is larger than'), // zstd skippable frames unpack to nothing
    decompressor(o.compression),
    sizeBound(maxBytes, 'it unpacks to more than'),
    extract,
  );
  unpacking.catch(() => undefined); // reported through the iteration below, or awaited after it
  try {
    for await (const entry of extract) {
      const day = acceptedDayFile(entry.header, prefix);
      if (day === null) {
        entry.resume();
        continue; // the staging directory itself
      }
      if (entry.header.size > maxBytes) {
        throw new UnsafeArchiveError(
          `it unpacks to more than ${Math.round(maxBytes / 2 ** 20)} MiB`,
        );
      }
      if (written.length >= MAX_DAY_FILES) {
        throw new UnsafeArchiveError(`more than ${MAX_DAY_FILES} day files`);
      }
      // 'wx': exclusive create, so a name given twice cannot reopen a file; O_NOFOLLOW is moot
      // in a directory nobody else knows, but costs nothing. Synchronous writes of each chunk as
      // it comes: a local file, and a thread-pool round trip per chunk was most of the unpacking.
      let fd: number;
      try {
        fd = openSync(
          path.join(o.dest, day),
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
          0o644,
        );
      } catch (error) {
        throw (error as NodeJS.ErrnoException).code === 'EEXIST'
          ? new UnsafeArchiveError(`${entry.header.name} appears twice`)
          : error;
      }
      try {
        for await (const chunk of entry) writeAllSync(fd, chunk as Buffer);
      } finally {
        closeSync(fd);
      }
      written.push(day);
    }
    await unpacking;
  } catch (error) {
    archive.destroy();
    extract.destroy();
    throw error;
  }
  return written;
}

/** The day file a member stands for; null for the staging directory; throws for anything else. */
function acceptedDayFile(header: Header, prefix: string): string | null {
  const raw = header.name;
  const name = raw.replace(/^\.\//, '').replace(/\/+$/, '');
  const shown = JSON.stringify(raw.slice(0, 200));
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || raw.includes('\\')) {
    throw new UnsafeArchiveError(`absolute path ${shown}`);
  }
  if (name.split('/').includes('..')) throw new UnsafeArchiveError(`'..' in path ${shown}`);
  if (header.type !== 'file' && header.type !== 'directory') {
    const target = header.linkname ? ` -> ${JSON.stringify(header.linkname.slice(0, 200))}` : '';
    throw new UnsafeArchiveError(`${header.type ?? 'unknown'} member ${shown}${target}`);
  }
  if (header.type === 'directory') {
    if (name === prefix) return null;
    throw new UnsafeArchiveError(`unexpected directory ${shown}`);
  }
  const slash = name.lastIndexOf('/');
  const dir = slash === -1 ? '' : name.slice(0, slash);
  const base = name.slice(slash + 1);
  if (dir !== prefix || !DAY_FILE_RE.test(base)) {
    throw new UnsafeArchiveError(`unexpected member ${shown}`);
  }
  return base;
}

/** Errors once more than `max` bytes went through. */
function sizeBound(max: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) {
        done(new UnsafeArchiveError(`${what} ${Math.round(max / 2 ** 20)} MiB`));
      } else {
        done(null, chunk);
      }
    },
  });
}

/**
 * Output chunks of the in-process decompressors: each chunk is a thread-pool round trip, and at
 * zlib's default 16 KiB a 5.5 MB snapshot took 37-44 ms to unpack instead of 17-22 ms (Node 24).
 * Larger chunks were no faster, and each is garbage once written: 256 KiB took main's peak RSS at
 * 100,000 records from ~128 to ~145 MiB.
 */
const DECOMPRESS_CHUNK = 64 * 1024;

function decompressor(method: CompressionMethod): Duplex {
  if (method === 'gzip') return zlib.createGunzip({ chunkSize: DECOMPRESS_CHUNK });
  const z = zlib as unknown as {
    createZstdDecompress?: (options: { chunkSize: number }) => Duplex;
  };
  if (typeof z.createZstdDecompress === 'function') {
    return z.createZstdDecompress({ chunkSize: DECOMPRESS_CHUNK });
  }
  return zstdProcess();
}

/** `zstd -d` as a stream that ends only once zstd exited 0 (corrupt input becomes an error). */
function zstdProcess(): Duplex {
  const child = spawn('zstd', ['-d', '-c', '-q'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = `${stderr}${d.toString()}`.slice(-500)));
  const out = new PassThrough();
  child.stdout.pipe(out, { end: false });
  const duplex = Duplex.from({ writable: child.stdin, readable: out });
  child.stdin.on('error', () => undefined); // EPIPE when zstd stops early: its exit says why
  child.on('error', (error) => duplex.destroy(error));
  child.on('close', (code) => {
    if (code === 0) out.end();
    else duplex.destroy(new Error(`zstd -d failed: ${stderr.trim() || `exit code ${code}`}`));
  });
  duplex.on('close', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });
  return duplex;
}
