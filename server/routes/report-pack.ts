import { Hono } from "hono";
import { unitCodeSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { periodQuerySchema } from "../../shared/time/index.js";
import { renderPackDocument } from "../../survey-ui/reports/pack-document.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { findUnitByCode } from "../db/queries/units.js";
import type { AppEnv } from "../deps.js";
import { validate } from "../lib/validate.js";
import { downloadHeaders, downloadName } from "../reports/download.js";
import { gatherPack } from "../reports/pack/pack-data.js";
import { packTables } from "../reports/pack/sheets.js";
import { reportSubtree } from "../reports/report-scope.js";
import { tablesToXlsx, XLSX_CONTENT_TYPE } from "../reports/xlsx.js";

/** `?preset=first-half|year&year=YYYY` (or from/to), unit, format and language of the report pack. */
export const packQuery = z.intersection(
  z.object({
    unit: z.optional(unitCodeSchema),
    format: z._default(z.enum(["xlsx", "html"]), "xlsx"),
    lang: z._default(z.enum(["vi", "en"]), "vi"),
  }),
  periodQuerySchema,
);

/**
 * GET /api/v1/reports/pack: the 6-month or annual SIPAS report in one file, as a workbook or a printable
 * document; analysts and admins, within their scope like every report.
 */
export const reportPackRoutes = new Hono<AppEnv>().get(
  "/",
  requireUser("analyst", "admin"),
  validate("query", packQuery),
  async (c) => {
    const { db, now, config } = c.var.deps;
    const user = currentUser(c);
    const query = c.req.valid("query");
    const subtree = await reportSubtree(db, user, query.unit);
    const unit = query.unit === undefined ? undefined : await findUnitByCode(db, query.unit);
    const scope =
      unit === undefined && user.unitCode !== null ? await findUnitByCode(db, user.unitCode) : undefined;
    const data = await gatherPack(db, {
      period: { from: query.from, to: query.to },
      subtree,
      lang: query.lang,
      unit: unit ? { code: unit.code, name: unit.name } : null,
      scopeName: scope?.name ?? null,
      generatedAt: now(),
      generatedBy: user.username,
      officers: { user, unit: query.unit, minimum: config.officerMinResponses },
    });
    if (query.format === "html") {
      c.header("cache-control", "no-store");
      return c.html(renderPackDocument(data));
    }
    const name = downloadName(["sipas-report", query.from, query.to, query.unit, query.lang], "xlsx");
    return c.body(tablesToXlsx(packTables(data)), 200, downloadHeaders(XLSX_CONTENT_TYPE, name));
  },
);
