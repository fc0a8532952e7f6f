import { Hono } from "hono";
import { tthcCodeSchema, unitCodeSchema } from "../../shared/contract/catalogue.js";
import { type ReportKind, reportColumns, reportQuerySchema } from "../../shared/contract/reports.js";
import * as z from "../../shared/contract/zod.js";
import { pickLanguage, t } from "../../shared/i18n/index.js";
import { periodQuerySchema } from "../../shared/time/index.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { findServiceByCode } from "../db/queries/services.js";
import type { AppEnv } from "../deps.js";
import { notFound } from "../errors.js";
import { validate } from "../lib/validate.js";
import { buildReport } from "../reports/build-report.js";
import { commentsPage, parseCursor } from "../reports/comments.js";
import { CSV_CONTENT_TYPE, tableToCsv } from "../reports/csv.js";
import { downloadHeaders, downloadName } from "../reports/download.js";
import { keysetExportReader } from "../reports/export-rows.js";
import { ownOfficer } from "../reports/officer-report.js";
import { labelReportTable } from "../reports/pack/labels.js";
import { reportSubtree } from "../reports/report-scope.js";
import { responsesCsvStream } from "../reports/responses-csv.js";
import { tableFromRecords } from "../reports/table.js";
import { tableToXlsx, XLSX_CONTENT_TYPE } from "../reports/xlsx.js";
import { reportPackRoutes } from "./report-pack.js";

const exportQuery = z.intersection(z.object({ unit: z.optional(unitCodeSchema) }), periodQuerySchema);
const commentsQuery = z.intersection(
  z.object({
    unit: z.optional(unitCodeSchema),
    service: z.optional(tthcCodeSchema),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
    // The `next` of the previous page.
    before: z.optional(
      z.pipe(
        z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}_[0-9A-Za-z-]{1,64}$/, "the next of the previous page")),
        z.transform(parseCursor),
      ),
    ),
  }),
  periodQuerySchema,
);
const methodQuery = z.object({ lang: z.optional(z.string().check(z.maxLength(35))) });

// The paragraphs of "how these figures are computed", in reading order.
const METHOD_PARAGRAPHS = [
  "monitoring",
  "valid",
  "item",
  "element",
  "index",
  "mean",
  "sample",
  "rounding",
  "days",
  "unitRows",
] as const;

const analysts = requireUser("analyst", "admin");
// Staff read their own results as officers (issue 16): the figures, trend and comments of the responses
// they served, and nothing of anyone else's.
const analystsAndOfficers = requireUser("analyst", "admin", "staff");

function reportRoute(kind: ReportKind) {
  return new Hono<AppEnv>().get("/", analystsAndOfficers, validate("query", reportQuerySchema), async (c) => {
    const { db, config } = c.var.deps;
    const query = c.req.valid("query");
    const user = currentUser(c);
    const officerId = ownOfficer(user, query.by);
    const subtree = await reportSubtree(db, user, query.unit);
    const period = { from: query.from, to: query.to };
    const rows = await buildReport(db, {
      kind,
      by: query.by,
      period,
      subtree,
      officerId,
      officerMinimum: config.officerMinResponses,
    });
    if (query.format === "json") {
      c.header("cache-control", "no-store");
      return c.json({ from: period.from, to: period.to, by: query.by, rows });
    }
    const machine = tableFromRecords(kind, reportColumns(kind, query.by), rows);
    // labels=vi|en: headers and question texts for people (console downloads); the default is the contract.
    const table = query.labels ? labelReportTable(machine, query.labels) : machine;
    const name = (extension: string) =>
      downloadName([kind, period.from, period.to, query.by, query.unit], extension);
    if (query.format === "csv") {
      return c.body(tableToCsv(table), 200, downloadHeaders(CSV_CONTENT_TYPE, name("csv")));
    }
    return c.body(tableToXlsx(table), 200, downloadHeaders(XLSX_CONTENT_TYPE, name("xlsx")));
  });
}

/** Reports for analysts and admins, always limited to the caller's scope (DESIGN.md §3 "Analyst"). */
export const reportRoutes = new Hono<AppEnv>()
  .route("/sipas", reportRoute("sipas"))
  .route("/items", reportRoute("items"))
  .route("/pack", reportPackRoutes)
  .get("/responses.csv", analysts, validate("query", exportQuery), async (c) => {
    const { db, log, exportReader } = c.var.deps;
    const query = c.req.valid("query");
    const subtree = await reportSubtree(db, currentUser(c), query.unit);
    const period = { from: query.from, to: query.to };
    const requestId = c.var.requestId;
    const rows = (exportReader ?? keysetExportReader(db))({ period, subtree });
    // The status line is gone by then: the download ends short, and the operator learns why.
    const stream = responsesCsvStream(rows, (error) =>
      log.error("export_failed", { requestId, error: (error as Error).name }),
    );
    const name = downloadName(["responses", period.from, period.to, query.unit], "csv");
    return c.body(stream, 200, downloadHeaders(CSV_CONTENT_TYPE, name));
  })
  .get("/comments", analystsAndOfficers, validate("query", commentsQuery), async (c) => {
    const { db } = c.var.deps;
    const query = c.req.valid("query");
    const user = currentUser(c);
    const subtree = await reportSubtree(db, user, query.unit);
    let serviceId: number | null = null;
    if (query.service !== undefined) {
      const service = await findServiceByCode(db, query.service);
      if (!service) throw notFound(`The service ${query.service}`);
      serviceId = service.id;
    }
    const page = await commentsPage(db, {
      period: { from: query.from, to: query.to },
      subtree,
      serviceId,
      officerId: ownOfficer(user),
      limit: query.limit,
      before: query.before ?? null,
    });
    c.header("cache-control", "no-store");
    return c.json({ from: query.from, to: query.to, ...page });
  })
  .get("/method", analysts, validate("query", methodQuery), (c) => {
    const lang = pickLanguage(c.req.valid("query").lang, c.req.header("accept-language"));
    return c.json({
      lang,
      title: t(lang, "report.method.title"),
      paragraphs: METHOD_PARAGRAPHS.map((key) => t(lang, `report.method.${key}`)),
    });
  });
