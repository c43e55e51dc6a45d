// The step's summary draws its chart in every wrapped step's main: building the URL must not load
// quickchart-js, whose bundle drags in a fetch polyfill (~400 KB, 15–30 ms of a step's start) for
// network methods the action never calls. quickchart-js is replaced by a module that cannot load.
import { describe, expect, it, vi } from 'vitest';

vi.mock('quickchart-js', () => {
  throw new Error('quickchart-js was loaded');
});

describe('chart URLs without quickchart-js', () => {
  it('builds a trend chart URL', async () => {
    const { trendChartUrl } = await import('../../src/report/charts.js');
    const url = trendChartUrl(
      [
        { t: '2025-01-01T10:00:00', durationMs: 1200, failed: false },
        { t: '2025-01-02T10:00:00', durationMs: 1300, failed: true },
      ],
      {},
    );
    expect(url).toMatch(/^https:\/\/quickchart\.io\/chart\?c=.+&w=600&h=240&ref=qc-js&/);
  });
});
