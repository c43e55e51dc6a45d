/**
 * Synchronous reads and writes of small local files, for the paths where a thread-pool round trip
 * per call costs more than the call itself: a wrapped step's own files on the way to and from its
 * command, the restore's day files, a read through the name index.
 */
import { readSync, rmSync, writeSync } from 'node:fs';

/** Writes `length` bytes of `data` (all of it by default), going on after a short write. */
export function writeAllSync(fd: number, data: Uint8Array, length = data.length): void {
  for (let offset = 0; offset < length;) {
    const written = writeSync(fd, data, offset, length - offset);
    if (written === 0) throw new Error('write made no progress');
    offset += written;
  }
}

/**
 * Reads `length` bytes from `position` on into the start of `buffer`; fewer only where the file
 * ends. Returns how many were read.
 */
export function readUpToSync(
  fd: number,
  buffer: Uint8Array,
  length: number,
  position: number,
): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Removes a temp file of ours; one that cannot be removed stays where the runner empties it. */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // RUNNER_TEMP (or the system's temp directory) is emptied without us.
  }
}
