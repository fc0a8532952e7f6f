import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { toBase64Url } from "../lib/crypto.js";

// Privacy rule (after plausible's salts): the limiter is keyed by an HMAC of the network address and the
// point under a random salt that lives in memory only and is replaced every day. The address itself is
// never kept, and yesterday's keys cannot be linked to today's nor, once the salt is gone, to an address.

/**
 * Counts submissions per key. One object per app; behind this interface so that Workers can hand in
 * Cloudflare's rate-limiting binding (`{ limit: async (key) => (await env.LIMITER.limit({ key })).success }`).
 */
export type RateLimiter = {
  /** Records one submission for the key; false when the key is over its limit for the current minute. */
  limit(key: string): Promise<boolean>;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Past this many keys in one minute the table is cleared rather than grown: memory stays bounded, and
// a flood from that many distinct addresses is beyond what a per-address limit is for.
const MAX_KEYS = 100_000;

/** A fixed-window limiter in this process's memory: at most `perMinute` hits per key per clock minute. */
export function createMemoryRateLimiter(options: { perMinute: number; now: () => number }): RateLimiter {
  let window = -1;
  const counts = new Map<string, number>();
  return {
    async limit(key) {
      const current = Math.floor(options.now() / MINUTE_MS);
      if (current !== window || counts.size >= MAX_KEYS) {
        window = current;
        counts.clear();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count <= options.perMinute;
    },
  };
}

/**
 * Makes limiter keys: HMAC-SHA-256(address and point) under a salt drawn at random for each UTC day and
 * kept only in memory. Synchronous pure JS (as the content hash): WebCrypto would add a thread-pool round
 * trip to every submission.
 */
export function createAddressHasher(now: () => number) {
  let salt: { day: number; key: Uint8Array } | undefined;
  return (address: string, pointCode: string): string => {
    const day = Math.floor(now() / DAY_MS);
    if (salt?.day !== day) salt = { day, key: crypto.getRandomValues(new Uint8Array(32)) };
    return toBase64Url(hmac(sha256, salt.key, utf8ToBytes(`${pointCode}\n${address}`)).subarray(0, 16));
  };
}

export type AddressHasher = ReturnType<typeof createAddressHasher>;
