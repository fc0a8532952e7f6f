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
