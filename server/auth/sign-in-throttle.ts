import type { Context } from "hono";
import {
  type AttemptPolicy,
  admitAttempt,
  blockedUntilOf,
  recordSuccess,
} from "../db/queries/sign-in-attempts.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { hmacSha256, toBase64Url } from "../lib/crypto.js";
import { clientAddress } from "../submit/client-address.js";

// Privacy rule: the client address is used only inside an HMAC under the server secret (the row's key);
// it is never stored as such, logged or put in a response, and rows go a day after their last attempt.

/**
 * One (address, username) pair: five attempts, then waits of 1 s, 2 s, 4 s… up to 15 minutes. A stranger
 * guessing from elsewhere never locks the owner out of their own address.
 */
export const USER_POLICY: AttemptPolicy = { free: 5, capSeconds: 900, quietMs: 60 * 60_000 };
/**
 * One address over all usernames: a burst of guesses (or of unknown names) slows down from the tenth
 * unanswered attempt, before it costs the server many password hashes. A success gives an attempt back.
 */
export const ADDRESS_POLICY: AttemptPolicy = { free: 10, capSeconds: 300, quietMs: 60 * 60_000 };

export type SignInTicket = { userKey: string; addressKey: string };

/**
 * Counts a sign-in attempt for the caller's address and for (address, username) before any password is
 * checked; 429 TOO_MANY_ATTEMPTS with Retry-After while either is blocked. Known and unknown usernames
 * go through the same steps, so the answer says nothing about which exist.
 */
export async function admitSignIn(c: Context<AppEnv>, username: string): Promise<SignInTicket> {
  const { db, now, config } = c.var.deps;
  const network = addressKey(clientAddress(c, config.trustProxy) ?? "unknown");
  const ticket = {
    addressKey: `a:${toBase64Url(hmacSha256(config.secret, `sign-in|${network}`))}`,
    userKey: `u:${toBase64Url(hmacSha256(config.secret, `sign-in|${network}|${username}`))}`,
  };
  const admitted =
    (await admitAttempt(db, { key: ticket.addressKey, username: null }, ADDRESS_POLICY, now())) &&
    (await admitAttempt(db, { key: ticket.userKey, username }, USER_POLICY, now()));
  if (!admitted) {
    const seconds = Math.max(
      1,
      Math.ceil(((await blockedUntilOf(db, [ticket.addressKey, ticket.userKey])) - now()) / 1000),
    );
    c.header("Retry-After", String(seconds));
    throw new ApiError("TOO_MANY_ATTEMPTS", `Too many failed sign-ins. Try again in ${seconds} seconds.`);
  }
  return ticket;
}

/** The attempt succeeded: the pair starts afresh. */
export async function signInSucceeded(c: Context<AppEnv>, ticket: SignInTicket): Promise<void> {
  await recordSuccess(c.var.deps.db, ticket.userKey, ticket.addressKey);
}

/** An IPv6 client is keyed by its /64 (one subscriber's network); IPv4 by the whole address. */
export function addressKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").replace(/%.*$/, "");
  if (!plain.includes(":")) return plain;
  const [head = "", tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}
