import { Hono } from "hono";
import * as z from "../../shared/contract/zod.js";
import { pickLanguage } from "../../shared/i18n/index.js";
import { renderResultsNotFound, renderResultsPage } from "../../survey-ui/reports/results-page.js";
import { renderResultsPoster } from "../../survey-ui/reports/results-poster.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import { listPoints } from "../db/queries/points.js";
import { findUnitByCode } from "../db/queries/units.js";
import type { AppEnv } from "../deps.js";
import { conflict, notFound } from "../errors.js";
import { validate } from "../lib/validate.js";
import { surveyUrl } from "../links/survey-url.js";
import { pointQr } from "../qr/point-qr.js";
import { qrDrawing } from "../qr/qr-matrix.js";
import { gatherPublicResults, lastMonthResults } from "../reports/public-results.js";

const UNIT_CODE = /^[0-9A-Z.]{1,35}$/;
export const posterQuery = z.object({ format: z._default(z.enum(["a4"]), "a4") });
// Sorts "Quầy số 2" before "Quầy số 10", as the point posters do.
const byLabel = new Intl.Collator("vi", { numeric: true });

/** The results page's address for a unit. */
const resultsUrl = (publicUrl: string, code: string) => `${publicUrl}/p/${encodeURIComponent(code)}`;

/**
 * Results for citizens, only for units whose admin opted in (units.public_results): the public page
 * GET /p/:unitCode, and the lobby poster staff print for it.
 */
export const publicResultsRoutes = new Hono<AppEnv>()
  .get("/p/:unitCode", async (c) => {
    const { db, now } = c.var.deps;
    const lang = pickLanguage(c.req.query("lang"), c.req.header("accept-language"));
    const code = c.req.param("unitCode").toUpperCase();
    const unit = UNIT_CODE.test(code) ? await findUnitByCode(db, code) : undefined;
    if (!unit?.publicResults || unit.archivedAt !== null) {
      return c.html(renderResultsNotFound(lang), 404);
    }
    const results = await gatherPublicResults(db, unit.path, now());
    c.header("cache-control", "public, max-age=300");
    c.header("vary", "accept-language");
    return c.html(renderResultsPage({ lang, unitName: unit.name, unitCode: unit.code, results, now: now() }));
  })
  .get(
    "/posters/results/:unitCode",
    requireUser("admin", "staff"),
    validate("query", posterQuery),
    async (c) => {
      const { db, now, config } = c.var.deps;
      const user = currentUser(c);
      const code = c.req.param("unitCode").toUpperCase();
      const unit = await findUnitByCode(db, code);
      if (!unit) throw notFound(`The unit ${code}`);
      assertInScope(user, unit.path);
      if (!unit.publicResults) {
        throw conflict(
          `The unit ${unit.code} does not publish its results: an admin turns publicResults on first.`,
        );
      }
      // The QR is the survey of the unit's first open point (counters sorted as people number them); a
      // unit without one gets the QR of its results page instead.
      const [point] = (
        await listPoints(db, { scopePath: unit.path, unitId: unit.id, includeArchived: false })
      )
        .filter((candidate) => !candidate.tokenRequired)
        .sort((a, b) => byLabel.compare(a.label, b.label));
      const page = resultsUrl(config.publicUrl, unit.code);
      const qrUrl = point ? surveyUrl(config.publicUrl, point.code) : page;
      c.header("cache-control", "no-store");
      return c.html(
        renderResultsPoster({
          unitName: unit.name,
          figures: await lastMonthResults(db, unit.path, now()),
          qr: qrDrawing(pointQr(qrUrl)),
          qrUrl,
          resultsUrl: page.replace(/^https?:\/\//, ""),
          nonce: c.get("secureHeadersNonce"),
        }),
      );
    },
  );
