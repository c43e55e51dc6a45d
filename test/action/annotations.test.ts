// The save's client annotations become plain lines; what dev-metrics itself says meanwhile (the
// owner's post publishes while it saves) stays an annotation.
import { afterEach, describe, expect, it } from 'vitest';
import { plainAnnotations } from '../../src/action/cache/annotations.js';
import * as io from '../../src/action/runner-io.js';

const write = process.stdout.write;
afterEach(() => {
  process.stdout.write = write;
});

function capture(): string[] {
  const lines: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  return lines;
}

describe('plainAnnotations', () => {
  it("turns the client's annotations into log lines, keeps dev-metrics' own", async () => {
    const lines = capture();
    let release!: () => void;
    const saving = plainAnnotations(async () => {
      io.warning('Failed to save: Cache service responded with 500');
      await new Promise<void>((resolve) => (release = resolve));
      io.error('uploadCacheArchiveSDK: 50%\nfailed');
      return -1;
    });
    // Meanwhile, the dashboard's upload fails.
    io.warning('dev-metrics: dashboard artifact not uploaded: the artifact service answered 500', {
      title: 'dev-metrics: dashboard',
    });
    release();
    expect(await saving).toBe(-1);
    process.stdout.write = write;
    expect(lines).toEqual([
      'cache: Failed to save: Cache service responded with 500\n',
      '::warning title=dev-metrics%3A dashboard::dev-metrics: dashboard artifact not uploaded: the artifact service answered 500\n',
      'cache: uploadCacheArchiveSDK: 50%\nfailed\n',
    ]);
  });
});
