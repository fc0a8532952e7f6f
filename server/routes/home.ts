import { Hono } from "hono";
import { pointCodeSchema } from "../../shared/contract/catalogue.js";
import { pickLanguage } from "../../shared/i18n/index.js";
import { renderHomePage } from "../../survey-ui/home/home-page.js";
import type { AppEnv } from "../deps.js";

/** `GET /`: the front page, and the short way in for a citizen who types a counter's code. */
export const homeRoutes = new Hono<AppEnv>().get("/", (c) => {
  const lang = pickLanguage(c.req.query("lang"), c.req.header("accept-language"));
  const typed = c.req.query("code");
  if (typed !== undefined) {
    const code = pointCodeSchema.safeParse(typed.replace(/\s+/g, ""));
    if (code.success) return c.redirect(`/s/${code.data}?lang=${lang}`, 302);
  }
  const invalidCode = typed !== undefined;
  return c.html(
    renderHomePage({
      lang,
      nonce: c.get("secureHeadersNonce"),
      ...(invalidCode ? { code: typed, invalidCode } : {}),
    }),
    invalidCode ? 400 : 200,
  );
});
