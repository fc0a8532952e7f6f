import { Hono } from "hono";
import { normaliseCaseRef } from "../../shared/contract/cases.js";
import { pickLanguage } from "../../shared/i18n/index.js";
import {
  renderCaseNotFoundPage,
  renderCaseStatusPage,
} from "../../survey-ui/survey/pages/case-status-page.js";
import { languageLinks } from "../../survey-ui/survey/pages/survey-document.js";
import { findPublicCase } from "../db/queries/cases.js";
import type { AppEnv } from "../deps.js";

/** `GET /r/:ref`: a case's public status page (status, dates, the unit's reply; nothing personal). */
export const caseStatusRoutes = new Hono<AppEnv>().get("/r/:ref", async (c) => {
  const lang = pickLanguage(c.req.query("lang"), c.req.header("accept-language"));
  const ref = normaliseCaseRef(c.req.param("ref")).slice(0, 20);
  const frame = {
    lang,
    place: null,
    languages: languageLinks((other) => `/r/${encodeURIComponent(ref)}?lang=${other}`),
    nonce: c.get("secureHeadersNonce"),
  };
  // The reply may change at any time, and the page is the citizen's: never cached, never indexed.
  c.header("cache-control", "no-store");
  const row = /^[A-Z0-9]{10}$/.test(ref) ? await findPublicCase(c.var.deps.db, ref) : undefined;
  if (!row) return c.html(renderCaseNotFoundPage(frame, ref), 404);
  return c.html(
    renderCaseStatusPage(frame, {
      ref: row.ref,
      status: row.status,
      unitName: row.unit_name,
      openedAt: row.opened_at,
      dueAt: row.due_at,
      answeredAt: row.answered_at,
      closedAt: row.closed_at,
      reply: row.reply,
    }),
    200,
  );
});
