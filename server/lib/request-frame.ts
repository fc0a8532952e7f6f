import type { MiddlewareHandler } from "hono";
import { encodeBase64 } from "hono/utils/encode";
import type { AppDeps, AppEnv } from "../deps.js";
import { cameOverHttps, HSTS_VALUE } from "./https.js";

// What every request gets around its route, in one middleware: the dependencies, a request id, the access
// log line and the secure headers. The headers are fixed strings built once per app; only pages (anything
// outside /api/) get a per-request script nonce, since only they render HTML with inline scripts.
//
// Two header sets. A document (HTML, and anything else a browser may show: a PDF, a CSV, an image) gets the
// full set. JSON is data that scripts read and no browser renders, so it gets the headers that act on data
// (as the OWASP REST Security cheat sheet lists them): no sniffing it into HTML, no cross-origin reads, and
// nothing runs or frames if it is opened as a page. The other eight steer how a document behaves (referrer,
// framing, old IE and Flash switches) and do nothing for JSON, while every header costs server CPU three
// times over (set, sorted and checked by undici's Headers, by @hono/node-server, by Node): on the submit
// path, 12 → 4 headers of ours took 98 → 89 µs per submission (bench/submit-throughput.ts, alternated runs).

const DOCUMENT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "same-origin"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

const DATA_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["X-Content-Type-Options", "nosniff"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
];

/** The Content-Security-Policy, with the page's script nonce when it has one. */
function contentSecurityPolicy(nonce: string | undefined): string {
  const scripts = nonce === undefined ? "'self'" : `'self' 'nonce-${nonce}'`;
  return `default-src 'self'; script-src ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
}

// A document outside the pages (the API description, a download) runs no inline script.
const CSP_WITHOUT_NONCE = contentSecurityPolicy(undefined);

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase64(bytes.buffer);
}

// An incoming X-Request-Id (from a proxy) is kept when it is a plain token, as Hono's requestId does.
const REQUEST_ID_SHAPE = /^[\w\-=]{1,255}$/;

/**
 * Request ids for one app: a random prefix and a counter. They only need to tell log lines apart, and a
 * counter costs nothing where a UUID per request costs a trip to the random source.
 */
function requestIds(): () => string {
  const prefix = newNonce().replace(/[^\w]/g, "").slice(0, 10);
  let counter = 0;
  return () => `${prefix}-${(++counter).toString(36)}`;
}

/** The app's outermost middleware: deps, request id, access log line, secure headers (HSTS over HTTPS only). */
export function requestFrame(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const nextId = requestIds();
  return async (c, next) => {
    const started = performance.now();
    c.set("deps", deps);
    const incoming = c.req.header("x-request-id");
    const id = incoming !== undefined && REQUEST_ID_SHAPE.test(incoming) ? incoming : nextId();
    c.set("requestId", id);
    const page = !c.req.path.startsWith("/api/");
    const nonce = page ? newNonce() : undefined;
    if (nonce !== undefined) c.set("secureHeadersNonce", nonce);

    await next();

    const headers = c.res.headers;
    headers.set("X-Request-Id", id);
    if (headers.get("Content-Type")?.startsWith("application/json")) {
      for (const [name, value] of DATA_HEADERS) headers.set(name, value);
    } else {
      for (const [name, value] of DOCUMENT_HEADERS) headers.set(name, value);
      headers.set(
        "Content-Security-Policy",
        nonce === undefined ? CSP_WITHOUT_NONCE : contentSecurityPolicy(nonce),
      );
    }
    if (cameOverHttps(c.req.url, c.req.header("x-forwarded-proto"), deps.config.trustProxy)) {
      headers.set("Strict-Transport-Security", HSTS_VALUE);
    }
    // Route pattern, not the URL: a one-time token in a query string must never reach a log.
    deps.log.info("request", {
      requestId: id,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
