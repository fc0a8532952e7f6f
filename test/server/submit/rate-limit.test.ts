import { describe, expect, it } from "vitest";
import { createAddressHasher, createMemoryRateLimiter } from "../../../server/submit/rate-limit.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

describe("createMemoryRateLimiter", () => {
  it("allows the limit per key in a clock minute, then refuses until the next minute", async () => {
    let now = Date.UTC(2026, 2, 15, 3, 0, 0);
    const limiter = createMemoryRateLimiter({ perMinute: 3, now: () => now });
    const hits = async (key: string, n: number) => {
      const answers: boolean[] = [];
      for (let i = 0; i < n; i++) answers.push(await limiter.limit(key));
      return answers;
    };
    expect(await hits("a", 4)).toEqual([true, true, true, false]);
    expect(await hits("b", 1)).toEqual([true]);
    now += MINUTE - 1;
    expect(await hits("a", 1)).toEqual([false]);
    now += 1;
    expect(await hits("a", 3)).toEqual([true, true, true]);
  });
});

describe("createAddressHasher", () => {
  it("gives one key per address and point within a day, and new keys the next day", () => {
    let now = Date.UTC(2026, 2, 15, 3, 0, 0);
    const hash = createAddressHasher(() => now);
    const key = hash("203.0.113.7", "K7F3QM");
    expect(hash("203.0.113.7", "K7F3QM")).toBe(key);
    expect(hash("203.0.113.8", "K7F3QM")).not.toBe(key);
    expect(hash("203.0.113.7", "K7F3QN")).not.toBe(key);
    expect(key).not.toContain("203");
    now += DAY;
    expect(hash("203.0.113.7", "K7F3QM")).not.toBe(key);
  });

  it("draws its salt at random: two apps key the same address differently", () => {
    const now = () => Date.UTC(2026, 2, 15);
    const [a, b] = [createAddressHasher(now), createAddressHasher(now)];
    expect(a("203.0.113.7", "K7F3QM")).not.toBe(b("203.0.113.7", "K7F3QM"));
  });
});
