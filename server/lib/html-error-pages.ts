import type { MiddlewareHandler } from "hono";
import { type MessageKey, pickLanguage, t } from "../../shared/i18n/index.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";

// The staff pages a browser opens directly (posters, slips) answer a refusal with a page that says why,
// in the reader's language, instead of the API's JSON envelope.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Which text explains an error on a staff page: a few codes mean something specific there. */
function reasonKey(path: string, error: ApiError): MessageKey {
  if (error.code === "CONFLICT" && path.startsWith("/links/")) return "errorPages.dossierRated";
  if (error.code === "CONFLICT" && path.startsWith("/posters/")) return "errorPages.tokenOnly";
  if (error.code === "NOT_FOUND" && path === "/posters") return "errorPages.noPosters";
  return `errors.${error.code}` as MessageKey;
}

/** Replaces an error answer of the wrapped routes with a small HTML page (same status) for browsers. */
export function htmlErrorPages(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const error = c.error;
    // Only for a browser (it asks for HTML); scripts and tests keep the JSON envelope.
    if (!(error instanceof ApiError) || !/text\/html/.test(c.req.header("accept") ?? "")) return;
    const lang = pickLanguage(c.req.query("lang"), c.req.header("accept-language"));
    const reason = t(lang, reasonKey(c.req.path, error));
    const signIn = error.code === "UNAUTHENTICATED";
    const page = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t(lang, "errorPages.title"))}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}a{font-weight:600}</style></head><body><h1>${escapeHtml(t(lang, "errorPages.title"))}</h1><p>${escapeHtml(reason)}</p><p><a href="/console/${signIn ? "" : "points"}">${escapeHtml(t(lang, signIn ? "errorPages.signIn" : "errorPages.back"))}</a></p></body></html>`;
    c.res = new Response(page, {
      status: error.status,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  };
}
