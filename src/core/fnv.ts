/**
 * 64-bit FNV-1a of the text's UTF-8 bytes, 16 hex digits: a name for a file, not a secret (every
 * step of a job derives the same one), so no `node:crypto`, whose loading every wrapped step
 * would pay.
 */
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
