import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { sha256Hex } from "../lib/crypto.js";

// A point's survey URL never changes, so its QR image can be cached for long; the ETag is computed
// from what the image depends on (not from its bytes), so that it is known before any rendering.
// Conditional GETs are answered by hono/etag on the route, from the ETag set here.
const MAX_AGE_SECONDS = 30 * 24 * 3600;

/** A strong ETag for a response that is a pure function of `parts`. */
export function etagOf(...parts: Array<string | number>): string {
  return `"${sha256Hex(parts.join("\n")).slice(0, 32)}"`;
}

/** Sets the caching headers of a long-lived public image. */
export function setImageCaching(c: Context<AppEnv>, etag: string): void {
  c.header("Cache-Control", `public, max-age=${MAX_AGE_SECONDS}`);
  c.header("ETag", etag);
}
