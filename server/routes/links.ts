import { Hono } from "hono";
import { pickLanguage } from "../../shared/i18n/index.js";
import { renderLinkFormPage } from "../../survey-ui/posters/link-form-page.js";
import { renderSlipPage } from "../../survey-ui/posters/slip-page.js";
import { currentUser, requireUser } from "../auth/guard.js";
import type { AppEnv } from "../deps.js";
import { bodyPolicy, FORM_BODY } from "../lib/body-policy.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";
import { activePointInScope } from "../links/active-point.js";
import { issueLinks } from "../links/issue-links.js";
import { lastValidDay } from "../links/link-expiry.js";
import { linkFormSchema, linkRequestSchema, MAX_LINKS } from "../links/link-request.js";
import { SLIP_QR_LEVEL } from "../qr/point-qr.js";
import { qrDrawing, qrMatrix } from "../qr/qr-matrix.js";

// Links and slips carry live tokens: never cached, never logged (the access log has route patterns only).
const NO_STORE = "no-store";

/**
 * One-time survey links (admins and staff, for points in their scope): JSON for the console and scripts,
 * and a form (`GET /links/:code`) that prints them as slips to hand over with a receipt.
 */
export const linkRoutes = new Hono<AppEnv>()
  .post(
    "/api/v1/points/:code/links",
    requireUser("admin", "staff"),
    validate("json", linkRequestSchema),
    async (c) => {
      const point = await activePointInScope(c.var.deps.db, currentUser(c), c.req.param("code"));
      const issued = await issueLinks(c, point.code, c.req.valid("json"));
      const expiresAt = new Date(issued.expiresAt).toISOString();
      c.header("Cache-Control", NO_STORE);
      return created(c, { links: issued.links.map((link) => ({ ...link, expiresAt })) });
    },
  )
  .get("/links/:code", requireUser("admin", "staff"), async (c) => {
    const point = await activePointInScope(c.var.deps.db, currentUser(c), c.req.param("code"));
    c.header("Cache-Control", NO_STORE);
    return c.html(
      renderLinkFormPage({
        lang: pickLanguage(c.req.query("lang"), c.req.header("accept-language")),
        action: `/links/${point.code}`,
        unitName: point.unitName,
        label: point.label,
        maxCount: MAX_LINKS,
        nonce: c.get("secureHeadersNonce"),
      }),
    );
  })
  .post(
    "/links/:code",
    requireUser("admin", "staff"),
    bodyPolicy(FORM_BODY),
    validate("form", linkFormSchema),
    async (c) => {
      const { deps } = c.var;
      const point = await activePointInScope(deps.db, currentUser(c), c.req.param("code"));
      const issued = await issueLinks(c, point.code, c.req.valid("form"));
      c.header("Cache-Control", NO_STORE);
      return c.html(
        renderSlipPage({
          slips: issued.links.map((link) => ({
            url: link.url,
            qr: qrDrawing(qrMatrix(link.url, SLIP_QR_LEVEL)),
          })),
          unitName: point.unitName,
          label: point.label,
          validUntil: lastValidDay(issued.expiresAt),
          nonce: c.get("secureHeadersNonce"),
        }),
      );
    },
  );
