import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { XLSX_MEDIA_TYPE } from "./spreadsheet/read-table.js";

/** What a route takes as a body: at most `maxSize` bytes, of a media type that `types` matches. */
export type BodyPolicy = { maxSize: number; types: RegExp; expected: string };

/** The API's JSON bodies are small. */
export const JSON_BODY: BodyPolicy = {
  maxSize: 64 * 1024,
  types: /^application\/json\b/i,
  expected: "application/json",
};

/** The web forms that work without JavaScript: the citizen survey and the staff slip form. */
export const FORM_BODY: BodyPolicy = {
  maxSize: 64 * 1024,
  types: /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i,
  expected: "a web form",
};

/**
 * CSV and XLSX imports, up to a few thousand rows. Browsers send a .csv as text/csv, or as
 * application/vnd.ms-excel on Windows with Office installed; the reader sniffs the bytes.
 */
export const IMPORT_BODY: BodyPolicy = {
  maxSize: 2 * 1024 * 1024,
  types:
    /^(text\/(csv|plain|tab-separated-values)|application\/(vnd\.ms-excel|octet-stream|csv|vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet))\b/i,
  expected: `text/csv or ${XLSX_MEDIA_TYPE} (an Excel workbook)`,
};

const tooLarge = () => {
  throw new ApiError("PAYLOAD_TOO_LARGE", "The request body is too large.");
};

/**
 * HTTP/1.1 framing (RFC 9112 §6.3): on Node, without Content-Length and Transfer-Encoding there is no body,
 * and @hono/node-server hands every DELETE or POST a body stream, empty or not. Elsewhere (Workers,
 * app.request) a request may carry a body without those headers, and then it has a body object.
 */
function hasBody(c: Context<AppEnv>): boolean {
  const length = c.req.header("content-length");
  if (length !== undefined) return length !== "0";
  if (c.req.header("transfer-encoding") !== undefined) return true;
  const onNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  return !onNode && c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.raw.body !== null;
}

/** Refuses a body over the policy's size (413) or of another media type (415); no body passes. */
export function bodyPolicy(policy: BodyPolicy): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize: policy.maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header("content-length");
    const framed = length !== undefined && c.req.header("transfer-encoding") === undefined;
    if (framed && Number(length) > policy.maxSize) tooLarge();
    const body = hasBody(c);
    if (body && !policy.types.test(c.req.header("content-type") ?? "")) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as ${policy.expected}.`);
    }
    // The headers first: touching c.req.raw.body makes @hono/node-server build a full web Request and
    // stream for the body, ~200 µs per POST, where the route's own read has a direct fast path. Only a
    // body without a length is counted as it streams; a request without a body (every GET) goes straight on.
    return framed || !body ? next() : streamed(c, next);
  };
}
