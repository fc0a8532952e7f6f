import { lt, sql } from "drizzle-orm";
import { localDay } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { rateCounters } from "../db/schema.js";
import { afterPendingIo } from "../lib/after-pending-io.js";
import { hmacSha256, toBase64Url } from "../lib/crypto.js";

// Privacy rule (after plausible's salts): the limiter is keyed by an HMAC of the network address and the
// point under a key for the day, derived from the server secret and the date, so that every process and
// isolate of one deployment counts one address under the same key. The address itself is never kept or
// logged; a counter row holds the key, the day and the current minute's count, and the rows of past days
// are deleted. Whoever holds both the secret and today's rows could test candidate addresses against them:
// that is why the rows go with the day, and why no response row carries the key.

/** Submissions allowed from one key; 0 leaves a window unlimited. */
export type RateLimits = { perMinute: number; perDay: number };

/**
 * Counts submissions per key. One object per app; the database limiter by default, a composite with
 * Cloudflare's rate-limiting binding on Workers.
 */
export type RateLimiter = {
  /** Records one submission for the key; false when the key is over a limit (this minute, or today). */
  limit(key: string, limits: RateLimits): Promise<boolean>;
};

const MINUTE_MS = 60_000;

/**
 * Counters in the database (libSQL file on Node, D1 on Workers): one row per key counts the minute and the
 * day window together, so two processes on one database share the limit. Submissions that arrive together,
 * or while a count is under way, are counted together: their attempts folded per key, in one statement.
 */
export function createDatabaseRateLimiter(
  db: Database,
  now: () => number,
  // Workers pass false: workerd cancels a request that waits on another request's promise as hung.
  options: { group: boolean } = { group: true },
): RateLimiter {
  let cleanedDay: string | undefined;
  let queue: Attempt[] = [];
  let flushing = false;

  async function flush() {
    flushing = true;
    // The requests that arrived with this one are counted with it: one statement and commit for them all.
    await new Promise<void>(afterPendingIo);
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      await count(group);
    }
    flushing = false;
  }

  async function count(group: Attempt[]) {
    try {
      const at = now();
      const day = localDay(at);
      const minute = Math.floor(at / MINUTE_MS);
      if (cleanedDay !== day) {
        cleanedDay = day;
        await db.delete(rateCounters).where(lt(rateCounters.day, day));
      }
      // A statement takes one minute limit: that is the deployment's (or none), so in practice one run.
      for (const run of runsOf(group, (attempt) => attempt.limits.perMinute)) {
        const perMinute = run[0]?.limits.perMinute ?? 0;
        const byKey = groupBy(run, (attempt) => attempt.key);
        const totals = await addAttempts(db, { day, minute, perMinute, attempts: byKey });
        for (const [key, ofKey] of byKey) settleInOrder(ofKey, perMinute, totals.get(key));
      }
    } catch (error) {
      for (const attempt of group) attempt.settle(error as Error);
    }
  }

  return {
    limit(key, limits) {
      if (limits.perMinute === 0 && limits.perDay === 0) return Promise.resolve(true);
      return new Promise((resolve, reject) => {
        queue.push({
          key,
          limits,
          settle: (allowed) => (allowed instanceof Error ? reject(allowed) : resolve(allowed)),
        });
        if (!options.group) {
          // Alone: this request's own statement, never another request's promise.
          const alone = queue;
          queue = [];
          void count(alone);
        } else if (!flushing) void flush();
      });
    },
  };
}

type Attempt = { key: string; limits: RateLimits; settle: (allowed: boolean | Error) => void };
type Totals = { minuteCount: number; dayCount: number };

/** The items in order, cut wherever `sortOf` changes: counted run after run, each key keeps its order. */
function runsOf<T>(items: readonly T[], sortOf: (item: T) => unknown): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && sortOf(last[0] as T) === sortOf(item)) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/**
 * Adds each key's attempts to its counters in one upsert, and returns every key's new counts. The minute
 * counts every attempt; the day counts the attempts the minute let through, so that a burst refused by the
 * minute does not use up the day. SET reads the row's values before the update.
 */
async function addAttempts(
  db: Database,
  group: { day: string; minute: number; perMinute: number; attempts: Map<string, Attempt[]> },
): Promise<Map<string, Totals>> {
  const { day, minute, perMinute } = group;
  const attempts = JSON.stringify([...group.attempts].map(([key, ofKey]) => [key, ofKey.length]));
  const earlier = sql`CASE WHEN rate_counters.minute = excluded.minute THEN rate_counters.minute_count ELSE 0 END`;
  const rows = await db.all<{ key: string; minute_count: number; day_count: number }>(sql`
    INSERT INTO rate_counters (key, day, minute, minute_count, day_count)
      SELECT value->>0, ${day}, ${minute}, value->>1,
        CASE WHEN ${perMinute} = 0 THEN value->>1 ELSE min(value->>1, ${perMinute}) END
      FROM json_each(${attempts}) WHERE true
    ON CONFLICT (key) DO UPDATE SET
      minute_count = ${earlier} + excluded.minute_count,
      day_count = rate_counters.day_count + CASE WHEN ${perMinute} = 0 THEN excluded.minute_count
        ELSE max(0, min(excluded.minute_count, ${perMinute} - ${earlier})) END,
      minute = excluded.minute
    RETURNING key, minute_count, day_count`);
  return new Map(rows.map((row) => [row.key, { minuteCount: row.minute_count, dayCount: row.day_count }]));
}

/**
 * Answers one key's attempts of a group in the order they came, as if each had been counted alone: the
 * counts each one would have seen follow from the key's new totals.
 */
function settleInOrder(attempts: Attempt[], perMinute: number, totals: Totals | undefined) {
  if (!totals) throw new Error("rate counter missing after the upsert");
  let minuteCount = totals.minuteCount - attempts.length;
  const admitted =
    perMinute === 0 ? attempts.length : Math.max(0, Math.min(attempts.length, perMinute - minuteCount));
  let dayCount = totals.dayCount - admitted;
  for (const attempt of attempts) {
    minuteCount++;
    const withinMinute = perMinute === 0 || minuteCount <= perMinute;
    if (withinMinute) dayCount++;
    const overDay = attempt.limits.perDay > 0 && dayCount > attempt.limits.perDay;
    attempt.settle(withinMinute && !overDay);
  }
}

/**
 * Workers: the minute window is counted by Cloudflare's rate-limiting binding (its limit in wrangler.toml,
 * no database write for a refused flood), the day window and a point's own limit by the database.
 */
export function createBindingRateLimiter(
  binding: { limit(options: { key: string }): Promise<{ success: boolean }> },
  database: RateLimiter,
): RateLimiter {
  return {
    async limit(key, limits) {
      if (limits.perMinute > 0 && !(await binding.limit({ key })).success) return false;
      return database.limit(key, { perMinute: 0, perDay: limits.perDay });
    },
  };
}

/**
 * Makes limiter keys: HMAC-SHA-256 of the address's network (see addressNetwork) and the point, under the
 * day's key HMAC(secret, day). Synchronous (as the content hash): WebCrypto would add a
 * thread-pool round trip to every submission.
 */
export function createAddressHasher(secret: string, now: () => number) {
  let dayKey: { day: string; key: Uint8Array } | undefined;
  return (address: string, pointCode: string): string => {
    const day = localDay(now());
    if (dayKey?.day !== day) {
      dayKey = { day, key: hmacSha256(secret, `hailong rate limit\n${day}`) };
    }
    return toBase64Url(hmacSha256(dayKey.key, `${pointCode}\n${addressNetwork(address)}`).subarray(0, 16));
  };
}

export type AddressHasher = ReturnType<typeof createAddressHasher>;

/**
 * What one client is counted by: an IPv4 address as it is, an IPv6 address by its /64 (one household or
 * phone gets a whole /64 and may pick any address in it), an IPv4-mapped IPv6 address as IPv4.
 */
export function addressNetwork(address: string): string {
  const text = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (!text.includes(":")) return text;
  const mapped = /^(?:0{0,4}:){0,5}(?::|0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped?.[1]) return mapped[1];
  const groups = expandIpv6(text);
  if (!groups) return text;
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address (without leading zeros), or undefined when it is not one. */
function expandIpv6(text: string): string[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(":") : []);
  let head = parse(halves[0]);
  let tail = parse(halves[1]);
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups.
  const last = (halves.length === 2 ? tail : head).at(-1);
  if (last?.includes(".")) {
    const octets = last.split(".").map(Number);
    const embedded = [
      (((octets[0] ?? 0) << 8) | (octets[1] ?? 0)).toString(16),
      (((octets[2] ?? 0) << 8) | (octets[3] ?? 0)).toString(16),
    ];
    if (halves.length === 2) tail = [...tail.slice(0, -1), ...embedded];
    else head = [...head.slice(0, -1), ...embedded];
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => "0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
