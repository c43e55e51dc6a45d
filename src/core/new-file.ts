/**
 * Creating a new, uniquely named file in a temp directory without `node:crypto` (loading it is a
 * tenth of a wrapped step's start-up): the name need not be unguessable, because the file is
 * created with O_EXCL, which never opens what exists (a file, or a planted symbolic link); a
 * name that is taken is simply drawn again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Names drawn before giving up: a taken name is rare, this many in a row is not chance. */
const MAX_TRIES = 16;

/** `<prefix><pid>-<time>-<random><suffix>`: distinct across processes, times and draws. */
export function tempFileName(prefix: string, suffix: string): string {
  const random = Math.floor(Math.random() * 2 ** 48).toString(36);
  return `${prefix}${process.pid.toString(36)}-${Date.now().toString(36)}-${random}${suffix}`;
}

/**
 * Writes `contents` to a new file `dir/<prefix>…<suffix>` that did not exist; returns its path.
 * Throws what the file system says when the directory is not writable. Synchronous: a wrapped
 * step writes two small files before its command starts, and each asynchronous call is a
 * thread-pool round trip (~0.3 ms here) on the way to the command.
 */
export function writeNewFile(
  dir: string,
  prefix: string,
  suffix: string,
  contents: string,
  name: (prefix: string, suffix: string) => string = tempFileName,
): string {
  for (let tries = 1; ; tries++) {
    const file = path.join(dir, name(prefix, suffix));
    try {
      writeFileSync(file, contents, { encoding: 'utf8', flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= MAX_TRIES) throw error;
    }
  }
}
