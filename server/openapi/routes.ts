import {
  caseListQuerySchema,
  casePatchSchema,
  caseRefSchema,
  caseViewQuerySchema,
} from "../../shared/contract/cases.js";
import {
  loginSchema,
  passwordChangeSchema,
  pointCreateSchema,
  pointPatchSchema,
  serviceCreateSchema,
  servicePatchSchema,
  tokenCreateSchema,
  tthcCodeSchema,
  unitCodeSchema,
  unitCreateSchema,
  unitPatchSchema,
  unitServicesSchema,
  userCreateSchema,
  userPatchSchema,
} from "../../shared/contract/catalogue.js";
import {
  enteredResponseSchema,
  responseImportQuerySchema,
  servedCountSchema,
} from "../../shared/contract/entry.js";
import { errorIssueSchema } from "../../shared/contract/errors.js";
import { reportQuerySchema } from "../../shared/contract/reports.js";
import { shiftStartSchema } from "../../shared/contract/shifts.js";
import { responseSubmissionSchema } from "../../shared/contract/submission.js";
import * as z from "../../shared/contract/zod.js";
import { periodQuerySchema } from "../../shared/time/index.js";
import { importQuerySchema, templateQuerySchema } from "../catalogue/import-result.js";
import { linkFormSchema, linkRequestSchema } from "../links/link-request.js";
import { caseReportQuery } from "../routes/case-reports.js";
import { listQuery as enteredListQuery } from "../routes/entered.js";
import { paperQuery } from "../routes/paper-forms.js";
import { posterQuery as resultsPosterQuery } from "../routes/public-results.js";
import { packQuery } from "../routes/report-pack.js";
import { dayParam as servedDayParam, importQuery as servedImportQuery } from "../routes/served.js";

// Every route of the app as the API description shows it: one entry per route, with the zod schemas
// it validates. Adding a route is one entry here; test/server/openapi.test.ts fails when a route of
// the app has none (compared with the app's own route table), as the access matrix does.

type Role = "admin" | "analyst" | "staff";

/** What a successful answer carries. */
export type Produces =
  | "json"
  | "html"
  | "csv"
  | "json-csv-xlsx"
  | "csv-xlsx"
  | "xlsx-html"
  | "image"
  | "icon"
  | "redirect";

export type ApiRoute = {
  /** Method and Hono path, exactly as `app.routes` lists them, e.g. "GET /api/v1/units/:code". */
  route: string;
  tag:
    | "Survey"
    | "Posters and links"
    | "Sign-in and tokens"
    | "Catalogue"
    | "Users and audit"
    | "Reports"
    | "Public results"
    | "Follow-up cases"
    | "Officers"
    | "Paper and served counts"
    | "Service";
  summary: string;
  /** "public", or the roles that may call it (session cookie or API token, within their unit subtree). */
  access: "public" | readonly Role[];
  /** The path parameters' schema, when the route validates them (otherwise each is a string). */
  params?: z.core.$ZodType;
  query?: z.core.$ZodType;
  json?: z.core.$ZodType;
  /** The JSON body may be left out (an empty body reads as `{}`). */
  optionalBody?: true;
  form?: z.core.$ZodType;
  /** The body is a spreadsheet file: CSV (any encoding Excel writes) or XLSX. */
  spreadsheet?: true;
  response?: z.core.$ZodType;
  produces?: Produces;
  status?: 200 | 201 | 303;
  /** The route may answer 409 although it creates nothing (201 routes always list it). */
  conflict?: true;
};

const ALL: readonly Role[] = ["admin", "analyst", "staff"];
const WRITERS: readonly Role[] = ["admin", "staff"];
const ANALYSTS: readonly Role[] = ["admin", "analyst"];

const importSummarySchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean().check(z.describe("false when a row is refused (only a dry run answers 200 then)")),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().check(z.int()),
      code: z.string(),
      action: z.enum(["create", "update", "refuse"]),
    }),
  ),
  issues: z.array(errorIssueSchema),
  file: z.optional(
    z.object({
      format: z.enum(["csv", "xlsx"]),
      encoding: z.optional(
        z.enum(["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1258", "windows-1252"]),
      ),
      delimiter: z.optional(z.enum([",", ";", "\t"])),
      sheet: z.optional(z.string()),
      sheets: z.optional(z.array(z.string())),
      ignoredColumns: z.array(z.string()),
    }),
  ),
});

const linksResponseSchema = z.object({
  links: z.array(z.object({ url: z.string(), token: z.string(), expiresAt: z.string() })),
});

const archivedQuery = z.object({ archived: z.optional(z.enum(["true", "false"])) });
const exportQuery = z.intersection(z.object({ unit: z.optional(unitCodeSchema) }), periodQuerySchema);
const posterFormat = z.object({ format: z._default(z.enum(["a4", "a5", "tent"]), "a4") });
const pageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  before: z.optional(z.string()).check(z.describe("the `next` of the previous page")),
});

export const API_ROUTES: readonly ApiRoute[] = [
  // Service
  {
    route: "GET /healthz",
    tag: "Service",
    summary: "Answers when the database answers",
    access: "public",
    response: z.object({ ok: z.boolean() }),
  },
  { route: "GET /", tag: "Service", summary: "Home page", access: "public", produces: "html" },
  {
    route: "GET /favicon.ico",
    tag: "Service",
    summary: "The site icon, cached for a year",
    access: "public",
    produces: "icon",
  },
  {
    route: "GET /api/v1/openapi.json",
    tag: "Service",
    summary: "This description (OpenAPI 3.1)",
    access: "public",
  },
  {
    route: "GET /api/v1/docs",
    tag: "Service",
    summary: "This description as a readable page",
    access: "public",
    produces: "html",
  },
  // Survey
  {
    route: "GET /s/:code",
    tag: "Survey",
    summary: "The survey page of a point (?lang=vi|en|zh, ?t=one-time token)",
    access: "public",
    produces: "html",
  },
  {
    route: "POST /s/:code",
    tag: "Survey",
    summary: "Submits the no-JavaScript survey form",
    access: "public",
    produces: "html",
  },
  {
    route: "GET /api/v1/points/:code",
    tag: "Survey",
    summary: "A point for a survey client: unit, services, form, languages",
    access: "public",
  },
  {
    route: "POST /api/v1/responses",
    tag: "Survey",
    summary: "Submits a response (idempotent by id)",
    access: "public",
    json: responseSubmissionSchema,
    status: 201,
    response: z.object({ id: z.string(), receivedAt: z.string() }),
  },
  // Posters and links
  {
    route: "GET /qr/:file",
    tag: "Posters and links",
    summary: "QR image of a point's survey address: CODE.svg or CODE.png?size=64..2048",
    access: "public",
    query: z.object({ size: z.optional(z.coerce.number().check(z.int(), z.minimum(64), z.maximum(2048))) }),
    produces: "image",
  },
  {
    route: "GET /posters",
    tag: "Posters and links",
    summary: "Every poster of a unit, one printable document",
    access: WRITERS,
    query: z.extend(posterFormat, { unit: unitCodeSchema }),
    produces: "html",
  },
  {
    route: "GET /posters/:code",
    tag: "Posters and links",
    summary: "A point's printable poster",
    access: WRITERS,
    query: posterFormat,
    produces: "html",
  },
  {
    route: "POST /api/v1/points/:code/links",
    tag: "Posters and links",
    summary: "One-time survey links (one per dossier, or a number of them)",
    access: WRITERS,
    json: linkRequestSchema,
    status: 201,
    response: linksResponseSchema,
  },
  {
    route: "GET /links/:code",
    tag: "Posters and links",
    summary: "The staff form that prints one-time links as slips",
    access: WRITERS,
    produces: "html",
  },
  {
    route: "POST /links/:code",
    tag: "Posters and links",
    summary: "Prints one-time links as slips",
    access: WRITERS,
    form: linkFormSchema,
    produces: "html",
  },
  // Sign-in and tokens
  {
    route: "POST /api/v1/auth/login",
    tag: "Sign-in and tokens",
    summary: "Signs in: sets the session cookie",
    access: "public",
    json: loginSchema,
  },
  { route: "POST /api/v1/auth/logout", tag: "Sign-in and tokens", summary: "Signs out", access: "public" },
  { route: "GET /api/v1/auth/me", tag: "Sign-in and tokens", summary: "The signed-in user", access: ALL },
  {
    route: "POST /api/v1/auth/password",
    tag: "Sign-in and tokens",
    summary: "Changes one's own password",
    access: ALL,
    json: passwordChangeSchema,
  },
  {
    route: "GET /api/v1/tokens",
    tag: "Sign-in and tokens",
    summary: "One's API tokens (never the secret)",
    access: ALL,
  },
  {
    route: "POST /api/v1/tokens",
    tag: "Sign-in and tokens",
    summary: "A new API token, shown once; it acts with its owner's role and scope",
    access: ALL,
    json: tokenCreateSchema,
    status: 201,
    response: z.object({ id: z.string(), token: z.string() }),
  },
  {
    route: "DELETE /api/v1/tokens/:id",
    tag: "Sign-in and tokens",
    summary: "Revokes an API token",
    access: ALL,
  },
  {
    route: "DELETE /api/v1/tokens",
    tag: "Sign-in and tokens",
    summary: "Revokes all of one's live API tokens at once",
    access: ALL,
    response: z.object({
      revoked: z.number().check(z.int(), z.describe("how many live tokens were revoked")),
    }),
  },
  // Catalogue
  {
    route: "GET /api/v1/units",
    tag: "Catalogue",
    summary: "Units of one's scope, in tree order",
    access: ALL,
    query: archivedQuery,
  },
  {
    route: "GET /api/v1/units/:code",
    tag: "Catalogue",
    summary: "A unit, its children and its services",
    access: ALL,
  },
  {
    route: "POST /api/v1/units",
    tag: "Catalogue",
    summary: "Creates a unit",
    access: ["admin"],
    json: unitCreateSchema,
    status: 201,
  },
  {
    route: "PATCH /api/v1/units/:code",
    tag: "Catalogue",
    summary: "Renames or moves a unit",
    access: ["admin"],
    json: unitPatchSchema,
  },
  {
    route: "PUT /api/v1/units/:code/services",
    tag: "Catalogue",
    summary: "Sets the services a unit offers",
    access: ["admin"],
    json: unitServicesSchema,
  },
  {
    route: "POST /api/v1/units/:code/archive",
    tag: "Catalogue",
    summary: "Archives a unit",
    access: ["admin"],
  },
  {
    route: "POST /api/v1/units/:code/restore",
    tag: "Catalogue",
    summary: "Restores an archived unit",
    access: ["admin"],
  },
  {
    route: "POST /api/v1/units/import",
    tag: "Catalogue",
    summary: "Imports units from CSV or XLSX (all rows or none; dryRun=true previews row by row)",
    access: ["admin"],
    query: importQuerySchema,
    spreadsheet: true,
    response: importSummarySchema,
  },
  {
    route: "GET /api/v1/units/import/template",
    tag: "Catalogue",
    summary: "The units import template",
    access: ["admin"],
    query: templateQuerySchema,
    produces: "csv-xlsx",
  },
  {
    route: "POST /api/v1/units/:code/points/per-service",
    tag: "Catalogue",
    summary: "One survey point per service of the unit that has none yet",
    access: WRITERS,
  },
  {
    route: "GET /api/v1/services",
    tag: "Catalogue",
    summary: "Services (TTHC) offered in one's scope",
    access: ALL,
    query: archivedQuery,
  },
  {
    route: "GET /api/v1/services/:code",
    tag: "Catalogue",
    summary: "A service and the units offering it",
    access: ALL,
  },
  {
    route: "POST /api/v1/services",
    tag: "Catalogue",
    summary: "Creates a service",
    access: ["admin"],
    json: serviceCreateSchema,
    status: 201,
  },
  {
    route: "PATCH /api/v1/services/:code",
    tag: "Catalogue",
    summary: "Changes a service",
    access: ["admin"],
    json: servicePatchSchema,
  },
  {
    route: "POST /api/v1/services/:code/archive",
    tag: "Catalogue",
    summary: "Archives a service",
    access: ["admin"],
  },
  {
    route: "POST /api/v1/services/:code/restore",
    tag: "Catalogue",
    summary: "Restores an archived service",
    access: ["admin"],
  },
  {
    route: "POST /api/v1/services/import",
    tag: "Catalogue",
    summary: "Imports services from CSV or XLSX, e.g. the national list (all rows or none)",
    access: ["admin"],
    query: importQuerySchema,
    spreadsheet: true,
    response: importSummarySchema,
  },
  {
    route: "GET /api/v1/services/import/template",
    tag: "Catalogue",
    summary: "The services import template",
    access: ["admin"],
    query: templateQuerySchema,
    produces: "csv-xlsx",
  },
  {
    route: "GET /api/v1/points",
    tag: "Catalogue",
    summary: "Survey points of one's scope",
    access: ALL,
    query: z.object({ unit: z.optional(unitCodeSchema), archived: z.optional(z.enum(["true", "false"])) }),
  },
  {
    route: "POST /api/v1/points",
    tag: "Catalogue",
    summary: "Creates a survey point (the server picks its code)",
    access: WRITERS,
    json: pointCreateSchema,
    status: 201,
  },
  {
    route: "PATCH /api/v1/points/:code",
    tag: "Catalogue",
    summary: "Changes a survey point",
    access: WRITERS,
    json: pointPatchSchema,
  },
  {
    route: "POST /api/v1/points/:code/archive",
    tag: "Catalogue",
    summary: "Archives a survey point",
    access: WRITERS,
  },
  {
    route: "POST /api/v1/points/:code/restore",
    tag: "Catalogue",
    summary: "Restores an archived survey point",
    access: WRITERS,
  },
  {
    route: "POST /api/v1/points/import",
    tag: "Catalogue",
    summary: "Imports counters (survey points) from CSV or XLSX (all rows or none)",
    access: WRITERS,
    query: importQuerySchema,
    spreadsheet: true,
    response: importSummarySchema,
  },
  {
    route: "GET /api/v1/points/import/template",
    tag: "Catalogue",
    summary: "The counters import template",
    access: WRITERS,
    query: templateQuerySchema,
    produces: "csv-xlsx",
  },
  // Users and audit
  { route: "GET /api/v1/users", tag: "Users and audit", summary: "Users of one's scope", access: ["admin"] },
  { route: "GET /api/v1/users/:username", tag: "Users and audit", summary: "A user", access: ["admin"] },
  {
    route: "POST /api/v1/users",
    tag: "Users and audit",
    summary: "Creates a user",
    access: ["admin"],
    json: userCreateSchema,
    status: 201,
  },
  {
    route: "PATCH /api/v1/users/:username",
    tag: "Users and audit",
    summary: "Changes a user's role, scope, password or state",
    access: ["admin"],
    json: userPatchSchema,
  },
  {
    route: "POST /api/v1/users/:username/unlock",
    tag: "Users and audit",
    summary: "Lifts the sign-in lock-out of a user (clears the failed attempts)",
    access: ["admin"],
  },
  {
    route: "GET /api/v1/audit",
    tag: "Users and audit",
    summary: "Who changed what, newest first",
    access: ["admin"],
    query: z.object({
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500))),
      before: z.optional(z.coerce.number().check(z.int())),
    }),
  },
  // Reports
  {
    route: "GET /api/v1/reports/sipas",
    tag: "Reports",
    summary: "SIPAS-style indices per group (staff: only their own results as officers)",
    access: ALL,
    query: reportQuerySchema,
    produces: "json-csv-xlsx",
  },
  {
    route: "GET /api/v1/reports/items",
    tag: "Reports",
    summary: "Every item's answers per group (staff: only their own results as officers)",
    access: ALL,
    query: reportQuerySchema,
    produces: "json-csv-xlsx",
  },
  {
    route: "GET /api/v1/reports/responses.csv",
    tag: "Reports",
    summary: "Every anonymous response of the period, streamed in storage (submission) order",
    access: ANALYSTS,
    query: exportQuery,
    produces: "csv",
  },
  {
    route: "GET /api/v1/reports/comments",
    tag: "Reports",
    summary: "Comments (masked), newest first, in pages (staff: only those of citizens they served)",
    access: ALL,
    query: z.intersection(
      z.intersection(
        z.object({ unit: z.optional(unitCodeSchema), service: z.optional(tthcCodeSchema) }),
        pageQuery,
      ),
      periodQuerySchema,
    ),
  },
  {
    route: "GET /api/v1/reports/method",
    tag: "Reports",
    summary: "How the figures are computed",
    access: ANALYSTS,
    query: z.object({ lang: z.optional(z.string().check(z.maxLength(35))) }),
  },
  {
    route: "GET /api/v1/reports/pack",
    tag: "Reports",
    summary: "The 6-month or annual SIPAS report in one file: a workbook, or a printable page (format=html)",
    access: ANALYSTS,
    query: packQuery,
    produces: "xlsx-html",
  },
  {
    route: "GET /api/v1/reports/cases",
    tag: "Reports",
    summary: "Follow-through of follow-up cases per unit or in total, over the cases opened in a period",
    access: ANALYSTS,
    query: caseReportQuery,
    produces: "json-csv-xlsx",
  },
  // Public results
  {
    route: "GET /p/:unitCode",
    tag: "Public results",
    summary: "A unit's results page for citizens (only units that publish them; ?lang=vi|en|zh)",
    access: "public",
    produces: "html",
  },
  {
    route: "GET /posters/results/:unitCode",
    tag: "Public results",
    summary: "The lobby poster of a unit's results (409 when the unit does not publish them)",
    access: WRITERS,
    query: resultsPosterQuery,
    produces: "html",
    conflict: true,
  },
  // Follow-up cases
  {
    route: "GET /api/v1/cases",
    tag: "Follow-up cases",
    summary: "Follow-up cases of one's scope, newest first, in pages, with the open and overdue counts",
    access: ALL,
    query: caseListQuerySchema,
  },
  {
    route: "GET /api/v1/cases/:ref",
    tag: "Follow-up cases",
    summary:
      "A case and its response; show=contact reveals the contact (admins and staff of the unit; audited)",
    access: ALL,
    params: z.object({ ref: caseRefSchema }),
    query: caseViewQuerySchema,
  },
  {
    route: "PATCH /api/v1/cases/:ref",
    tag: "Follow-up cases",
    summary: "Changes a case's status, its public reply or its internal note",
    access: WRITERS,
    params: z.object({ ref: caseRefSchema }),
    json: casePatchSchema,
  },
  {
    route: "GET /r/:ref",
    tag: "Follow-up cases",
    summary: "A case's public status page for the citizen (?lang=vi|en|zh; nothing personal)",
    access: "public",
    produces: "html",
  },
  // Officers
  {
    route: "GET /api/v1/shifts",
    tag: "Officers",
    summary: "Who holds which counter now, in one's scope",
    access: ALL,
  },
  {
    route: "GET /api/v1/points/:code/shift",
    tag: "Officers",
    summary: "A counter's officer on duty",
    access: ALL,
  },
  {
    route: "POST /api/v1/points/:code/shift",
    tag: "Officers",
    summary: "Takes a counter until the end of the local day (optionally with the name to show)",
    access: WRITERS,
    json: shiftStartSchema,
    optionalBody: true,
  },
  {
    route: "DELETE /api/v1/points/:code/shift",
    tag: "Officers",
    summary: "Ends the shift at a counter (staff their own, admins anyone's)",
    access: WRITERS,
  },
  // Paper and served counts
  {
    route: "GET /posters/paper/:code",
    tag: "Paper and served counts",
    summary: "A print run of numbered paper forms of a point (each run reserves new form numbers)",
    access: WRITERS,
    query: paperQuery,
    produces: "html",
  },
  {
    route: "POST /api/v1/responses/entered",
    tag: "Paper and served counts",
    summary: "Enters a paper form as typed (409 DUPLICATE_FORM when its number was entered already)",
    access: ALL,
    json: enteredResponseSchema,
    status: 201,
    response: z.object({
      id: z.string(),
      point: z.string(),
      formNumber: z.string(),
      day: z.string(),
      enteredAt: z.string(),
    }),
  },
  {
    route: "GET /api/v1/responses/entered",
    tag: "Paper and served counts",
    summary: "One's latest paper forms of a point, or the form of a number",
    access: ALL,
    query: enteredListQuery,
  },
  {
    route: "PUT /api/v1/responses/entered/:id",
    tag: "Paper and served counts",
    summary: "Corrects a paper form (its author, within 24 hours of typing it)",
    access: ALL,
    json: enteredResponseSchema,
    conflict: true,
  },
  {
    route: "POST /api/v1/responses/import",
    tag: "Paper and served counts",
    summary:
      "Imports a point's responses from another survey tool's file (all rows or none; dryRun=true previews with 200)",
    access: ALL,
    query: responseImportQuerySchema,
    spreadsheet: true,
    status: 201,
  },
  {
    route: "PUT /api/v1/points/:code/served/:day",
    tag: "Paper and served counts",
    summary: "Sets how many citizens a counter served on a day",
    access: ALL,
    params: servedDayParam,
    json: servedCountSchema,
    response: z.object({ point: z.string(), day: z.string(), count: z.number().check(z.int()) }),
  },
  {
    route: "POST /api/v1/served/import",
    tag: "Paper and served counts",
    summary: "Imports served counts from a table `day, point, served` (all rows or none)",
    access: ALL,
    query: servedImportQuery,
    spreadsheet: true,
    response: z.object({ rows: z.number().check(z.int()), dryRun: z.boolean() }),
  },
];

/**
 * Routes that are not part of the API: the console's static files (HTML, scripts, styles). Listed so
 * that the route-table test can tell them from a route someone forgot.
 */
export const UNDOCUMENTED_ROUTES: readonly string[] = ["GET /console/*", "GET /console/assets/*"];
