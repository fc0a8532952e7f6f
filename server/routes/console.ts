import { Hono } from "hono";
import { compress } from "hono/compress";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";

/**
 * Reads one file of the built console by its path inside dist/console ("index.html",
 * "assets/index-3fA9.js"), or null when there is none. Node reads the folder; Workers can read their
 * assets binding. The route has checked the path: no "..", no hidden names.
 */
export type ConsoleFiles = (path: string) => Promise<Uint8Array<ArrayBuffer> | null>;

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  woff2: "font/woff2",
  json: "application/json",
  map: "application/json",
};

// Vite names assets by their content hash, so a year of caching is safe; a new build has new names.
const ASSET_CACHE = "public, max-age=31536000, immutable";
// index.html names the current assets and is the signed-in console's page: never kept, so a deploy is
// picked up on the next load and nothing stays in a shared computer's cache.
const PAGE_CACHE = "no-store";

const ASSET_PATH = /^assets\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * The console SPA under /console: hashed assets with a long cache, and index.html for every other
 * address below /console (the client router shows the screen). Without built files it answers 503.
 */
export function consoleRoutes(files: ConsoleFiles | undefined) {
  const notBuilt = () =>
    new ApiError("SERVICE_UNAVAILABLE", "The console has not been built: run `npm run build`.");
  return new Hono<AppEnv>()
    .use(compress())
    .get("/assets/*", async (c) => {
      const path = c.req.path.slice(c.req.path.indexOf("/assets/") + 1);
      const extension = path.slice(path.lastIndexOf(".") + 1);
      const type = CONTENT_TYPES[extension];
      if (!files) throw notBuilt();
      const body = ASSET_PATH.test(path) && type ? await files(path) : null;
      // A missing asset is a 404, never index.html: a script tag must not receive a page.
      if (!body) throw new ApiError("NOT_FOUND", "There is no such console file.");
      return c.body(body, 200, { "content-type": type as string, "cache-control": ASSET_CACHE });
    })
    .get("*", async (c) => {
      const page = files ? await files("index.html") : null;
      if (!page) throw notBuilt();
      return c.body(page, 200, { "content-type": "text/html; charset=utf-8", "cache-control": PAGE_CACHE });
    });
}
