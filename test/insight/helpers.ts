// Builders for execution records as the action writes them (metadata.ci = CiContext).
import type { ExecutionRecord } from '../../src/core/record.js';

export interface RunSpec {
  name?: string;
  status?: 'success' | 'failed';
  duration?: number;
  /** Minutes after 2025-10-01T00:00:00 UTC. */
  at?: number;
  ci?: Record<string, unknown> | null;
}

export function record(spec: RunSpec = {}): ExecutionRecord {
  const start = Date.UTC(2025, 9, 1) + (spec.at ?? 0) * 60_000;
  const duration = spec.duration ?? 1000;
  // Python-style timestamps: UTC, no offset, microseconds.
  const iso = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace('Z', '')
      .replace(/\.(\d{3})$/, '.$1000');
  return {
    name: spec.name ?? 'build',
    started_at: iso(start),
    ended_at: iso(start + duration),
    duration_ms: duration,
    status: spec.status ?? 'success',
    metadata: spec.ci === null ? {} : { ci: { provider: 'github-actions', ...(spec.ci ?? {}) } },
    error: spec.status === 'failed' ? 'exit code 1' : null,
  };
}

// Seeded PRNG and normal deviates, for statistical tests that must not flake.
export { prng as seeded, gaussian } from '../helpers/prng.js';
