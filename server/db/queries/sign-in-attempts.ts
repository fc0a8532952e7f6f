import { and, eq, gt, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { DAY_MS } from "../../../shared/time/index.js";
import type { Database, Statement } from "../database.js";
import { signInAttempts } from "../schema.js";

export type AttemptPolicy = {
  /** Attempts that pass without any wait; the next ones wait 1 s, 2 s, 4 s… */
  free: number;
  /** The longest wait, in seconds. */
  capSeconds: number;
  /** After this long without an attempt the count starts again. */
  quietMs: number;
};

/**
 * Counts one sign-in attempt against a key and says, in the same statement, whether it may go ahead:
 * no row comes back while the key is blocked. Parallel attempts are counted one by one by the database,
 * so a burst cannot slip past the count (the count is taken before the password is checked).
 */
export async function admitAttempt(
  db: Database,
  entry: { key: string; username: string | null },
  policy: AttemptPolicy,
  now: number,
): Promise<boolean> {
  const { attempts, blockedUntil, lastAt } = signInAttempts;
  const next = sql`(CASE WHEN ${lastAt} < ${now - policy.quietMs} THEN 1 ELSE ${attempts} + 1 END)`;
  const rows = await db
    .insert(signInAttempts)
    .values({
      key: entry.key,
      username: entry.username,
      attempts: 1,
      blockedUntil: now + waitMs(1, policy),
      lastAt: now,
    })
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        attempts: next,
        // The wait grows with the count: 0 below `free`, then 2^(n - free) seconds up to the cap.
        blockedUntil: sql`${now} + (CASE WHEN ${next} < ${policy.free} THEN 0 ELSE min(1 << min(${next} - ${policy.free}, 20), ${policy.capSeconds}) END) * 1000`,
        lastAt: now,
      },
      setWhere: sql`${blockedUntil} <= ${now}`,
    })
    .returning({ attempts })
    .all();
  return rows.length > 0;
}

/** The wait after the n-th attempt, as `admitAttempt` computes it in SQL. */
export function waitMs(n: number, policy: AttemptPolicy): number {
  return n < policy.free ? 0 : Math.min(2 ** Math.min(n - policy.free, 20), policy.capSeconds) * 1000;
}

/** When the latest of the given keys stops blocking (0 when none does). */
export async function blockedUntilOf(db: Database, keys: string[]): Promise<number> {
  const rows = await db
    .select({ blockedUntil: signInAttempts.blockedUntil })
    .from(signInAttempts)
    .where(inArray(signInAttempts.key, keys))
    .all();
  return Math.max(0, ...rows.map((r) => r.blockedUntil));
}

/** A successful sign-in: that (address, username) starts afresh, and the address gets its attempt back. */
export async function recordSuccess(db: Database, userKey: string, addressKey: string): Promise<void> {
  await db.batch([
    db.delete(signInAttempts).where(eq(signInAttempts.key, userKey)),
    db
      .update(signInAttempts)
      .set({ attempts: sql`max(${signInAttempts.attempts} - 1, 0)` })
      .where(eq(signInAttempts.key, addressKey)),
  ]);
}

/** Clears a username's lock-out from every address (an admin's unlock, a password reset). */
export function clearAttemptsOfUserStatement(db: Database, username: string): Statement {
  return db.delete(signInAttempts).where(eq(signInAttempts.username, username));
}

/** Usernames that some address has driven into the lock-out and that are still within the quiet period. */
export async function lockedUsernames(
  db: Database,
  policy: AttemptPolicy,
  now: number,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ username: signInAttempts.username })
    .from(signInAttempts)
    .where(
      and(
        isNotNull(signInAttempts.username),
        gte(signInAttempts.attempts, policy.free),
        gt(signInAttempts.lastAt, now - policy.quietMs),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.username as string));
}

/** Forgets rows with no attempt for a day. */
export async function deleteOldAttempts(db: Database, now: number): Promise<void> {
  await db.delete(signInAttempts).where(lt(signInAttempts.lastAt, now - DAY_MS));
}
