import { describe, expect, it } from "vitest";
import { LruCache } from "../../../server/qr/lru-cache.js";

describe("LruCache", () => {
  it("keeps at most its capacity, dropping the least recently used first", () => {
    const cache = new LruCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("replaces the value of a key it already holds without growing", () => {
    const cache = new LruCache<string>(2);
    cache.set("a", "x");
    cache.set("a", "y");
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe("y");
  });
});
