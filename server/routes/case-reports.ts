import { Hono } from "hono";
import { CASE_REPORT_COLUMNS, CASE_REPORT_GROUPINGS } from "../../shared/contract/cases.js";
import { unitCodeSchema } from "../../shared/contract/catalogue.js";
import { REPORT_FORMATS } from "../../shared/contract/reports.js";
import * as z from "../../shared/contract/zod.js";
import { periodQuerySchema } from "../../shared/time/index.js";
import { currentUser, requireUser } from "../auth/guard.js";
import type { AppEnv } from "../deps.js";
import { validate } from "../lib/validate.js";
import { CSV_CONTENT_TYPE, tableToCsv } from "../reports/csv.js";
import { downloadHeaders, downloadName } from "../reports/download.js";
import { followThroughRows } from "../reports/follow-through.js";
import { reportSubtree } from "../reports/report-scope.js";
import { tableFromRecords } from "../reports/table.js";
import { tableToXlsx, XLSX_CONTENT_TYPE } from "../reports/xlsx.js";

export const caseReportQuery = z.intersection(
  z.object({
    by: z._default(z.enum(CASE_REPORT_GROUPINGS), "unit"),
    unit: z.optional(unitCodeSchema),
    format: z._default(z.enum(REPORT_FORMATS), "json"),
  }),
  periodQuerySchema,
);

/** GET /api/v1/reports/cases: follow-through figures (issue 17), as JSON, CSV or XLSX, in the caller's scope. */
export const caseReportRoutes = new Hono<AppEnv>().get(
  "/",
  requireUser("analyst", "admin"),
  validate("query", caseReportQuery),
  async (c) => {
    const { db, now } = c.var.deps;
    const query = c.req.valid("query");
    const subtree = await reportSubtree(db, currentUser(c), query.unit);
    const period = { from: query.from, to: query.to };
    const rows = await followThroughRows(db, { period, subtree, by: query.by, now: now() });
    if (query.format === "json") {
      c.header("cache-control", "no-store");
      return c.json({ from: period.from, to: period.to, by: query.by, rows });
    }
    const table = tableFromRecords("cases", CASE_REPORT_COLUMNS, rows);
    const name = (extension: string) =>
      downloadName(["cases", period.from, period.to, query.by, query.unit], extension);
    if (query.format === "csv")
      return c.body(tableToCsv(table), 200, downloadHeaders(CSV_CONTENT_TYPE, name("csv")));
    return c.body(tableToXlsx(table), 200, downloadHeaders(XLSX_CONTENT_TYPE, name("xlsx")));
  },
);
