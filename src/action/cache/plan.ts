/**
 * Which cache entries hold the history, and what a job saves: pure functions over the REST
 * listing, shared by the action and the footprint bench.
 *
 * Entries are of two kinds, told apart by the last segment of their key:
 * - a snapshot holds the whole (pruned) history: `…-s<coverage in base 36>.<6 hex>`, or a legacy
 *   `…-<8 hex>` key (every entry saved before deltas existed was a full snapshot). Its coverage
 *   is the creation time (server clock) of the newest entry its writer listed: every entry
 *   created before then was merged into it;
 * - a delta holds only the records one job added: `…-d.<6 hex>`.
 *
 * A scope's history is its newest snapshot plus every entry created after that snapshot's
 * coverage minus a margin (listing lag, concurrent writers: merging de-duplicates lines, so an
 * entry taken twice costs nothing but its download). Concurrent snapshots of parallel jobs are
 * taken too, as deltas would be.
 */

/** One listed entry (GitHub REST `actions/caches`). */
export interface ListedEntry {
  key: string;
  created_at: string;
  id?: number;
  size_in_bytes?: number;
}

export type EntryKind = { kind: 'snapshot'; coverage: number | null } | { kind: 'delta' };

/** Entries created this long before a snapshot's coverage are still taken with it. */
export const COVERAGE_MARGIN_MS = 10 * 60_000;
/** Deltas, then a snapshot after this many (or when the deltas outgrow SNAPSHOT_RATIO). */
export const SNAPSHOT_EVERY = 20;
/** …or when the deltas since the newest snapshot weigh more than this fraction of it. */
export const SNAPSHOT_RATIO = 0.25;
/**
 * A snapshot must be this old before the entries it supersedes are deleted: a reader that listed
 * before it existed has long finished its downloads, and every later reader starts from it.
 */
export const SAFE_DELETE_AGE_MS = 10 * 60_000;
/** Entries one restore downloads at most (one listing page). */
export const MAX_RESTORE_ENTRIES = 100;

const SNAPSHOT_RE = /-s([0-9a-z]{1,12})\.[0-9a-f]{6}$/;
const DELTA_RE = /-d\.[0-9a-f]{6}$/;

export function entryKind(key: string): EntryKind {
  if (DELTA_RE.test(key)) return { kind: 'delta' };
  const s = SNAPSHOT_RE.exec(key);
  if (s) return { kind: 'snapshot', coverage: parseInt(s[1]!, 36) };
  return { kind: 'snapshot', coverage: null };
}

/** The last key segment of a new entry (random part from `random6`: 6 hex digits). */
export function kindSuffix(
  plan: { kind: 'snapshot'; coverage: number } | { kind: 'delta' },
  random6: string,
): string {
  return plan.kind === 'delta'
    ? `d.${random6}`
    : `s${Math.max(0, Math.floor(plan.coverage)).toString(36)}.${random6}`;
}

const time = (e: ListedEntry): number => Date.parse(e.created_at) || 0;

export interface ScopeSelection {
  /** Entries to restore, oldest first (the merge order). */
  chosen: ListedEntry[];
  /** The newest snapshot, if any. */
  base: ListedEntry | null;
  /** Deltas created after the base (what a new snapshot would absorb), and their total size. */
  deltas: number;
  deltaBytes: number;
  /** True when some entry that may hold records was left out (over MAX_RESTORE_ENTRIES). */
  truncated: boolean;
  /** Creation time of the newest listed entry: the coverage of a snapshot written from this. */
  newest: number | null;
}

/** What to restore of one scope's entries (any order). */
export function selectScope(
  entries: readonly ListedEntry[],
  max = MAX_RESTORE_ENTRIES,
): ScopeSelection {
  const sorted = [...entries].sort((a, b) => time(b) - time(a));
  const base = sorted.find((e) => entryKind(e.key).kind === 'snapshot') ?? null;
  let wanted: ListedEntry[];
  if (base) {
    const k = entryKind(base.key);
    const coverage = (k.kind === 'snapshot' && k.coverage) || time(base);
    const from = coverage - COVERAGE_MARGIN_MS;
    wanted = [base, ...sorted.filter((e) => e !== base && time(e) > from)];
  } else {
    wanted = sorted; // deltas only (their snapshot was evicted): all of them are the history
  }
  // Newest first when cut: the base always stays.
  const kept = wanted.length > max ? [wanted[0]!, ...wanted.slice(1, max)] : wanted;
  // Deltas within the margin before the base are taken too, but are most likely in it already.
  const after = base ? time(base) : Number.NEGATIVE_INFINITY;
  const deltas = kept.filter((e) => entryKind(e.key).kind === 'delta' && time(e) > after);
  return {
    chosen: [...kept].sort((a, b) => time(a) - time(b)),
    base,
    deltas: deltas.length,
    deltaBytes: deltas.reduce((n, e) => n + (e.size_in_bytes ?? 0), 0),
    truncated: kept.length < wanted.length,
    newest: sorted.length > 0 ? time(sorted[0]!) : null,
  };
}

export type SavePlan = { kind: 'snapshot'; coverage: number } | { kind: 'delta' };

/** Once a snapshot is due, each job writes it with this chance (parallel jobs see the same). */
export const SNAPSHOT_CHANCE = 0.25;
/** A busy branch: deltas are due for a snapshot only once the newest one is this old… */
export const SNAPSHOT_MIN_AGE_MS = 30 * 60_000;
/** …or when this many have piled up (a restore downloads them all). */
export const SNAPSHOT_MAX_DELTAS = 60;

/**
 * A snapshot when the job holds the whole history of its scope and the scope needs one (none
 * yet, or enough deltas since the newest); otherwise a delta of the job's own records. A restore
 * that missed anything (a failed download, a timeout, no listing) never writes a snapshot: a
 * partial snapshot would hide the older entries from every later restore.
 *
 * Jobs running at the same time list the same entries and would all find a snapshot due at once;
 * each takes it with SNAPSHOT_CHANCE (`draw`, uniform in [0, 1), fixed per job), and on a busy
 * branch not before the newest snapshot is SNAPSHOT_MIN_AGE_MS old: every snapshot written is
 * the whole history, so how many a day is what the footprint is made of.
 */
export function planSave(
  own: ScopeSelection | null,
  complete: boolean,
  now: number,
  draw = 0,
): SavePlan {
  if (!complete || !own) return { kind: 'delta' };
  const coverage = own.newest ?? now;
  if (!own.base) return { kind: 'snapshot', coverage };
  const baseBytes = own.base.size_in_bytes ?? 0;
  const age = now - (Date.parse(own.base.created_at) || 0);
  const due =
    own.deltas >= SNAPSHOT_MAX_DELTAS ||
    ((own.deltas + 1 >= SNAPSHOT_EVERY ||
      (baseBytes > 0 && own.deltaBytes > baseBytes * SNAPSHOT_RATIO)) &&
      age >= SNAPSHOT_MIN_AGE_MS);
  if (due && draw < SNAPSHOT_CHANCE) return { kind: 'snapshot', coverage };
  return { kind: 'delta' };
}

/**
 * Entries of the scope that its newest snapshot made useless, once that snapshot is old enough
 * that no reader still starts from an older one: everything created before its coverage minus
 * the margin (so never an entry a restore would take).
 */
export function superseded(entries: readonly ListedEntry[], now: number): ListedEntry[] {
  const sel = selectScope(entries, Number.POSITIVE_INFINITY);
  const base = sel.base;
  if (!base || now - time(base) < SAFE_DELETE_AGE_MS) return [];
  const keep = new Set(sel.chosen);
  const k = entryKind(base.key);
  const from = ((k.kind === 'snapshot' && k.coverage) || time(base)) - COVERAGE_MARGIN_MS;
  return entries.filter((e) => !keep.has(e) && time(e) <= from && e.id !== undefined);
}
