import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressNetwork,
  createAddressHasher,
  createBindingRateLimiter,
  createDatabaseRateLimiter,
} from "../../../server/submit/rate-limit.js";
import { DAY_MS } from "../../../shared/time/index.js";
import { createTestApp } from "../../helpers/create-test-app.js";

const MINUTE = 60_000;
const SECRET = "test-secret-test-secret-test-secret-0123456789";
const t = await createTestApp();

describe("createDatabaseRateLimiter", () => {
  it("allows the minute's and the day's limit per key, then refuses", async () => {
    let now = Date.UTC(2026, 2, 15, 3, 0, 0);
    const limiter = createDatabaseRateLimiter(t.db, () => now);
    const limits = { perMinute: 3, perDay: 5 };
    const hits = async (key: string, n: number) => {
      const answers: boolean[] = [];
      for (let i = 0; i < n; i++) answers.push(await limiter.limit(key, limits));
      return answers;
    };
    expect(await hits("a", 4)).toEqual([true, true, true, false]);
    expect(await hits("b", 1)).toEqual([true]);
    now += MINUTE - 1;
    expect(await hits("a", 1)).toEqual([false]);
    now += 1;
    // A new minute: what the minute refused did not use up the day (3 of 5 so far).
    expect(await hits("a", 3)).toEqual([true, true, false]);
    expect(await hits("b", 3)).toEqual([true, true, true]);
    now += MINUTE;
    expect(await hits("b", 2)).toEqual([true, false]);
    // 0 leaves a window open.
    expect(await limiter.limit("c", { perMinute: 0, perDay: 2 })).toBe(true);
  });

  it("is shared by two apps on one database file (two processes of one deployment)", async () => {
    const now = () => Date.UTC(2026, 2, 16, 3, 0, 0);
    const [one, two] = [createDatabaseRateLimiter(t.db, now), createDatabaseRateLimiter(t.db, now)];
    const [hashOne, hashTwo] = [createAddressHasher(SECRET, now), createAddressHasher(SECRET, now)];
    const key = hashOne("203.0.113.7", "K7F3QM");
    expect(hashTwo("203.0.113.7", "K7F3QM")).toBe(key);
    const limits = { perMinute: 10, perDay: 60 };
    const answers: boolean[] = [];
    for (let i = 0; i < 12; i++) answers.push(await (i % 2 ? one : two).limit(key, limits));
    expect(answers.filter(Boolean)).toHaveLength(10);
  });

  it("answers attempts counted together, or alone, as the rules say for one attempt at a time", async () => {
    const limitsArbitrary = fc.record({
      perMinute: fc.constantFrom(0, 1, 3),
      perDay: fc.constantFrom(0, 2, 5),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Per key, and now and then another minute limit for one attempt (the interface allows it).
          limits: fc.record({ a: limitsArbitrary, b: limitsArbitrary, c: limitsArbitrary }),
          bursts: fc.array(
            fc.record({
              // Seconds on the clock before the burst: the same minute, the next, or one after it.
              wait: fc.constantFrom(0, 0, 20, 60, 130),
              attempts: fc.array(
                fc.record({
                  key: fc.constantFrom("a", "b", "c"),
                  otherMinute: fc.constantFrom(false, false, false, true),
                }),
                { minLength: 1, maxLength: 9 },
              ),
            }),
            { minLength: 1, maxLength: 8 },
          ),
        }),
        async ({ limits, bursts }) => {
          run++;
          let now = Date.UTC(2026, 2, 17, 3, 0, 0);
          const together = createDatabaseRateLimiter(t.db, () => now);
          const alone = createDatabaseRateLimiter(t.db, () => now);
          const rules = oneAtATime();
          for (const { wait, attempts } of bursts) {
            now += wait * 1000;
            const limited = attempts.map(({ key, otherMinute }) => ({
              key,
              limits: otherMinute ? { ...limits[key], perMinute: 2 } : limits[key],
            }));
            const expected = limited.map(({ key, limits }) => rules.allows(key, limits, now));
            const counted = await Promise.all(
              limited.map(({ key, limits }) => together.limit(`together ${run} ${key}`, limits)),
            );
            const countedAlone: boolean[] = [];
            for (const { key, limits } of limited)
              countedAlone.push(await alone.limit(`alone ${run} ${key}`, limits));
            expect(counted).toEqual(expected);
            expect(countedAlone).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("deletes the counters of past days", async () => {
    let now = Date.UTC(2026, 2, 20, 3, 0, 0);
    const limiter = createDatabaseRateLimiter(t.db, () => now);
    await limiter.limit("old", { perMinute: 10, perDay: 60 });
    now += DAY_MS;
    await createDatabaseRateLimiter(t.db, () => now).limit("new", { perMinute: 10, perDay: 60 });
    const rows = await t.client.execute("SELECT key FROM rate_counters WHERE key IN ('old', 'new')");
    expect(rows.rows.map((r) => r[0])).toEqual(["new"]);
  });
});

describe("createBindingRateLimiter (Workers)", () => {
  it("asks the binding for the minute, the database for the day", async () => {
    const now = () => Date.UTC(2026, 2, 17, 3, 0, 0);
    let allowed = 2;
    const binding = { limit: async () => ({ success: allowed-- > 0 }) };
    const limiter = createBindingRateLimiter(binding, createDatabaseRateLimiter(t.db, now, { group: false }));
    const limits = { perMinute: 1_000, perDay: 3 };
    expect(await limiter.limit("w", limits)).toBe(true);
    expect(await limiter.limit("w", limits)).toBe(true);
    expect(await limiter.limit("w", limits)).toBe(false);
    allowed = 10;
    expect(await limiter.limit("w", limits)).toBe(true);
    expect(await limiter.limit("w", limits)).toBe(false);
  });
});

describe("createAddressHasher", () => {
  it("gives one key per network and point within a day, and new keys the next day", () => {
    let now = Date.UTC(2026, 2, 15, 3, 0, 0);
    const hash = createAddressHasher(SECRET, () => now);
    const key = hash("203.0.113.7", "K7F3QM");
    expect(hash("203.0.113.7", "K7F3QM")).toBe(key);
    expect(hash("203.0.113.8", "K7F3QM")).not.toBe(key);
    expect(hash("203.0.113.7", "K7F3QN")).not.toBe(key);
    expect(key).not.toContain("203");
    now += DAY_MS;
    expect(hash("203.0.113.7", "K7F3QM")).not.toBe(key);
  });

  it("derives the day's key from the secret: another deployment keys the same address differently", () => {
    const now = () => Date.UTC(2026, 2, 15);
    const other = createAddressHasher(`${SECRET}-other`, now);
    expect(createAddressHasher(SECRET, now)("203.0.113.7", "K7F3QM")).not.toBe(
      other("203.0.113.7", "K7F3QM"),
    );
  });

  it("counts an IPv6 client by its /64, however it spells the address", () => {
    const hash = createAddressHasher(SECRET, () => Date.UTC(2026, 2, 15));
    const key = hash("2001:db8:1:2::1", "K7F3QM");
    expect(hash("2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "K7F3QM")).toBe(key);
    expect(hash("[2001:DB8:1:2:abcd::9]", "K7F3QM")).toBe(key);
    expect(hash("2001:db8:1:3::1", "K7F3QM")).not.toBe(key);
  });
});

describe("addressNetwork", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:a:b:c:d:e:f", "2001:db8:a:b::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::203.0.113.7", "64:ff9b:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s → %s", (address, network) => {
    expect(addressNetwork(address)).toBe(network);
  });
});

/**
 * The limiter's rules for one attempt at a time, in memory: the minute counts every attempt, the day counts
 * those the minute let through, 0 leaves a window open.
 */
function oneAtATime() {
  const counters = new Map<string, { minute: number; minuteCount: number; dayCount: number }>();
  return {
    allows(key: string, limits: { perMinute: number; perDay: number }, now: number): boolean {
      if (limits.perMinute === 0 && limits.perDay === 0) return true;
      const minute = Math.floor(now / MINUTE);
      const counter = counters.get(key);
      const minuteCount = counter?.minute === minute ? counter.minuteCount + 1 : 1;
      const withinMinute = limits.perMinute === 0 || minuteCount <= limits.perMinute;
      const dayCount = (counter?.dayCount ?? 0) + (withinMinute ? 1 : 0);
      counters.set(key, { minute, minuteCount, dayCount });
      return withinMinute && !(limits.perDay > 0 && dayCount > limits.perDay);
    },
  };
}
