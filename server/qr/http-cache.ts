import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { sha256Hex } from "../lib/crypto.js";

// A point's survey URL never changes, so its QR image can be cached for long; the ETag is computed
// from what the image depends on (not from its bytes), so a revalidation costs no rendering.
const MAX_AGE_SECONDS = 30 * 24 * 3600;

/** A strong ETag for a response that is a pure function of `parts`. */
export async function etagOf(...parts: Array<string | number>): Promise<string> {
  return `"${(await sha256Hex(parts.join("\n"))).slice(0, 32)}"`;
}

/** True when the request's If-None-Match already names this ETag (then answer 304). */
export function isFresh(c: Context<AppEnv>, etag: string): boolean {
  const header = c.req.header("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const candidate = tag.trim().replace(/^W\//, "");
    return candidate === "*" || candidate === etag;
  });
}

/** Sets the caching headers of a long-lived public image. */
export function setImageCaching(c: Context<AppEnv>, etag: string): void {
  c.header("Cache-Control", `public, max-age=${MAX_AGE_SECONDS}`);
  c.header("ETag", etag);
}
