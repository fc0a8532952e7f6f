import { Hono } from "hono";
import { unitCodeSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { localName } from "../../shared/i18n/index.js";
import { POSTER_FORMATS, type PosterData } from "../../survey-ui/posters/poster.js";
import { renderPosterPage } from "../../survey-ui/posters/poster-page.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import type { AppConfig } from "../config.js";
import { listPoints, type PointView } from "../db/queries/points.js";
import { findUnitByCode } from "../db/queries/units.js";
import type { AppEnv } from "../deps.js";
import { conflict, notFound } from "../errors.js";
import { validate } from "../lib/validate.js";
import { activePointInScope } from "../links/active-point.js";
import { surveyUrl, typedSurveyPrefix } from "../links/survey-url.js";
import { pointQr } from "../qr/point-qr.js";
import { qrDrawing } from "../qr/qr-matrix.js";

const formatQuery = z.object({ format: z._default(z.enum(POSTER_FORMATS), "a4") });
const unitQuery = z.extend(formatQuery, { unit: unitCodeSchema });

// Sorts "Quầy số 2" before "Quầy số 10", as staff number their counters.
const byLabel = new Intl.Collator("vi", { numeric: true });

/** "Unit · counter" in Chinese and English for the poster's lines in those languages, where named. */
function otherNamesOf(point: NonNullable<PointView>): PosterData["otherNames"] {
  const names: NonNullable<PosterData["otherNames"]> = {};
  for (const lang of ["zh", "en"] as const) {
    const unit = localName({ name: "", nameZh: point.unitNameZh, nameEn: point.unitNameEn }, lang);
    const label = localName({ name: "", nameZh: point.labelZh, nameEn: point.labelEn }, lang);
    const both = [unit, label].filter(Boolean).join(" · ");
    if (both) names[lang] = both;
  }
  return names;
}

function posterOf(point: NonNullable<PointView>, config: AppConfig): PosterData {
  const url = surveyUrl(config.publicUrl, point.code);
  return {
    code: point.code,
    unitName: point.unitName,
    label: point.label,
    serviceName: point.serviceName,
    otherNames: otherNamesOf(point),
    typedPrefix: typedSurveyPrefix(config.publicUrl),
    url,
    qr: qrDrawing(pointQr(url)),
  };
}

/**
 * Printable posters (admins and staff, points in their scope). A poster shows only public facts, but
 * printing is a staff task and the list of a unit's points is not public, so both pages need sign-in.
 * A point that accepts only one-time links gets no poster: its QR would lead citizens to a refusal.
 */
export const posterRoutes = new Hono<AppEnv>()
  .get("/posters", requireUser("admin", "staff"), validate("query", unitQuery), async (c) => {
    const { db, config } = c.var.deps;
    const user = currentUser(c);
    const { unit: code, format } = c.req.valid("query");
    const unit = await findUnitByCode(db, code);
    if (!unit) throw notFound(`The unit ${code}`);
    assertInScope(user, unit.path);
    const points = (
      await listPoints(db, { scopePath: user.scopePath, unitId: unit.id, includeArchived: false })
    )
      .filter((point) => !point.tokenRequired)
      .sort((a, b) => byLabel.compare(a.label, b.label));
    if (points.length === 0) throw notFound(`A point with a poster in the unit ${code}`);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPosterPage({
        posters: points.map((point) => posterOf(point, config)),
        format,
        nonce: c.get("secureHeadersNonce"),
        formatHref: (f) => `/posters?unit=${encodeURIComponent(unit.code)}&format=${f}`,
      }),
    );
  })
  .get("/posters/:code", requireUser("admin", "staff"), validate("query", formatQuery), async (c) => {
    const { db, config } = c.var.deps;
    const point = await activePointInScope(db, currentUser(c), c.req.param("code"));
    if (point.tokenRequired) {
      throw conflict(
        `The point ${point.code} accepts one-time links only: print slips at /links/${point.code}.`,
      );
    }
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPosterPage({
        posters: [posterOf(point, config)],
        format: c.req.valid("query").format,
        nonce: c.get("secureHeadersNonce"),
        formatHref: (f) => `/posters/${point.code}?format=${f}`,
      }),
    );
  });
