import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../deps.js";

// Privacy rule: the address read here is used only to key the rate limiter (through a salted hash, see
// rate-limit.ts); it is never stored, logged or put in a response.

/**
 * The network address of the citizen's device, for rate limiting: X-Forwarded-For (its last hop, the one
 * our own proxy appended) only when the operator says a proxy is in front; otherwise the TCP peer on Node,
 * and CF-Connecting-IP on Workers, where Cloudflare sets it and a client cannot. Undefined when unknown.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const hops = c.req.header("x-forwarded-for")?.split(",");
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  }
  // @hono/node-server hands the Node request in as the env; on Workers the env holds bindings instead, and
  // there the header cannot be forged.
  if ((c.env as { incoming?: unknown } | undefined)?.incoming) return getConnInfo(c).remote.address;
  return c.req.header("cf-connecting-ip") ?? undefined;
}
