import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../deps.js";

/** Answers 201 with a JSON body; a tiny helper so create routes read the same. */
export function created<T extends object>(c: Context<AppEnv>, body: T) {
  return c.json(body, 201 as ContentfulStatusCode);
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
