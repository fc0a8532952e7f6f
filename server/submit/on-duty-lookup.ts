import type { Database } from "../db/database.js";
import { findOnDutyOfficerId } from "../db/queries/shifts.js";

/** The officer on duty at a point (cached ≤ 1 s); `forget()` drops the cache after a shift starts or ends. */
export type OnDutyLookup = ((pointId: number) => Promise<number | null>) & { forget(): void };

const MAX_CACHED = 10_000;

/**
 * Finds the officer on duty at a point, remembering the answer for `ttlMs`: under load every QR or kiosk
 * submission at a counter asks the same question, and the query costs as much as the rest of the request's
 * work together. A shift started or ended through this app calls `forget()` and applies at once; a shift that
 * lapses at midnight, or a change made by another process, is seen within `ttlMs`.
 */
export function createOnDutyLookup(db: Database, now: () => number, ttlMs = 1000): OnDutyLookup {
  const cache = new Map<number, { officerId: number | null; from: number }>();
  // Bumped by forget(): a read that began before a change must not put its stale answer back afterwards.
  let generation = 0;
  const lookup = async (pointId: number) => {
    const at = now();
    const cached = cache.get(pointId);
    // A clock set back (tests freeze and move it) is treated as a new instant, not a cached one.
    if (cached && at >= cached.from && at - cached.from < ttlMs) return cached.officerId;
    const started = generation;
    const officerId = await findOnDutyOfficerId(db, pointId, at);
    if (started !== generation) return officerId;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pointId, { officerId, from: at });
    return officerId;
  };
  return Object.assign(lookup, {
    forget() {
      generation++;
      cache.clear();
    },
  });
}
