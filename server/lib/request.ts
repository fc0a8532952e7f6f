import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";

/** Answers 201 with a JSON body; a tiny helper so create routes read the same. */
export function created<T extends object>(c: Context<AppEnv>, body: T) {
  return c.json(body, 201 as ContentfulStatusCode);
}

/** Reads a text body (CSV imports), refusing other media types. */
export async function readCsvBody(c: Context<AppEnv>): Promise<string> {
  const type = c.req.header("content-type") ?? "";
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the file as text/csv (UTF-8).");
  }
  return (await c.req.text()).replace(/^\uFEFF/, "");
}

/** True when a SQLite error is a UNIQUE constraint failure (duplicate code under a race). */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (
      e instanceof Error &&
      /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(e.message)
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
