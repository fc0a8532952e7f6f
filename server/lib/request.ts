import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../deps.js";

/** Answers 201 with a JSON body; a tiny helper so create routes read the same. */
export function created<T extends object>(c: Context<AppEnv>, body: T) {
  return c.json(body, 201 as ContentfulStatusCode);
}
