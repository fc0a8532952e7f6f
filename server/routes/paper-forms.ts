import { Hono } from "hono";
import * as z from "../../shared/contract/zod.js";
import { LANGUAGES } from "../../shared/i18n/index.js";
import { renderPaperFormPage } from "../../survey-ui/posters/paper-form-page.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { reserveFormNumbers } from "../db/queries/entries.js";
import type { AppEnv } from "../deps.js";
import { validate } from "../lib/validate.js";
import { activePointInScope } from "../links/active-point.js";
import { surveyUrl } from "../links/survey-url.js";
import { pointQr } from "../qr/point-qr.js";
import { qrDrawing } from "../qr/qr-matrix.js";

export const paperQuery = z.object({
  lang: z._default(z.enum(LANGUAGES), "vi"),
  count: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 1),
});

/**
 * GET /posters/paper/:code?lang=&count=N: a print run of numbered paper forms for a point (admins and
 * staff of its unit). Each request reserves the next N form numbers of the point, so that two print runs
 * never share a number: reprinting gives new numbers, never the same form twice.
 */
export const paperFormRoutes = new Hono<AppEnv>().get(
  "/posters/paper/:code",
  requireUser("admin", "staff"),
  validate("query", paperQuery),
  async (c) => {
    const { db, config } = c.var.deps;
    const point = await activePointInScope(db, currentUser(c), c.req.param("code"));
    const { lang, count } = c.req.valid("query");
    const firstNumber = await reserveFormNumbers(db, point.id, count);
    const url = surveyUrl(config.publicUrl, point.code);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPaperFormPage({
        lang,
        data: {
          code: point.code,
          unitName: point.unitName,
          label: point.label,
          serviceName: point.serviceName,
          form: point.form,
          url,
          qr: qrDrawing(pointQr(url)),
        },
        firstNumber,
        count,
        nonce: c.get("secureHeadersNonce"),
      }),
    );
  },
);
