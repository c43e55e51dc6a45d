// The fakes' delays: a bench or test that injects a delay into every call must not pile an abort
// listener per call onto the fake's one `stopping` signal (Node then prints a
// MaxListenersExceededWarning, as the job bench did after 11 delayed blob transfers).
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_SERVICE, start, type FakeCacheService } from './cache-service.js';
import { sleep } from './http.js';

const warnings: Error[] = [];
const onWarning = (w: Error): void => void warnings.push(w);

afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe('sleep', () => {
  it('leaves no abort listener behind once the delay has passed', async () => {
    const stopping = new AbortController();
    for (let i = 0; i < 12; i++) await sleep(1, stopping.signal);
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0);
  });

  it('still ends early when the signal aborts', async () => {
    const stopping = new AbortController();
    const t0 = Date.now();
    const slept = sleep(60_000, stopping.signal);
    stopping.abort();
    await slept;
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

describe('cache-service fake with a delay on every call', () => {
  let fake: FakeCacheService | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  it('prints no MaxListenersExceededWarning after many delayed calls', async () => {
    process.on('warning', onWarning);
    fake = await start();
    fake.faults.set('GetCacheEntryDownloadURL', { delayMs: 1 });
    for (let i = 0; i < 15; i++) {
      const res = await fetch(
        new URL(`twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, fake.url),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fake.token}` },
          body: JSON.stringify({ key: `k-${i}`, version: 'v' }),
        },
      );
      await res.text();
    }
    // Warnings are emitted on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
