import type { Context } from "hono";
import { Hono } from "hono";
import { pointCreateSchema, pointPatchSchema, unitCodeSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import {
  importQuerySchema,
  importResult,
  templateQuerySchema,
  templateResponse,
} from "../catalogue/import-result.js";
import { unusedPointCode } from "../catalogue/point-code.js";
import { planPointImport } from "../catalogue/point-import.js";
import type { AppConfig } from "../config.js";
import { type Database, runBatch } from "../db/database.js";
import {
  findPointByCode,
  insertPointStatement,
  listPoints,
  type PointView,
  updatePointStatement,
} from "../db/queries/points.js";
import { findServiceByCode, isServiceOfferedByUnit } from "../db/queries/services.js";
import { findUnitByCode } from "../db/queries/units.js";
import type { AppEnv, AuthUser } from "../deps.js";
import { invalid, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { bodyPolicy, IMPORT_BODY } from "../lib/body-policy.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

const listQuery = z.object({
  unit: z.optional(unitCodeSchema),
  archived: z.optional(z.enum(["true", "false"])),
});

/** The JSON shape of a point for staff: where it is, what it asks, and where its survey lives. */
export function presentPoint(point: NonNullable<PointView>, config: AppConfig) {
  return {
    code: point.code,
    label: point.label,
    labelZh: point.labelZh,
    labelEn: point.labelEn,
    unit: { code: point.unitCode, name: point.unitName },
    service: point.serviceCode ? { code: point.serviceCode, name: point.serviceName } : null,
    form: point.form,
    tokenRequired: point.tokenRequired,
    dailyLimit: point.dailyLimit,
    showOfficer: point.showOfficer,
    archived: point.archivedAt !== null,
    surveyUrl: `${config.publicUrl}/s/${point.code}`,
    // The same survey in kiosk mode, for a tablet at the counter (the console's "tablet mode").
    kioskUrl: `${config.publicUrl}/s/${point.code}?kiosk=1`,
    createdAt: new Date(point.createdAt).toISOString(),
  };
}

/** A point by code for a staff action: 404 when unknown, 403 outside the caller's scope. */
export async function pointInScope(db: Database, user: AuthUser, code: string) {
  const point = await findPointByCode(db, code.toUpperCase());
  if (!point) throw notFound(`The point ${code}`);
  assertInScope(user, point.unitPath);
  return point;
}

/** 400 unless the service exists and the unit offers it. */
async function serviceOfferedBy(db: Database, unitId: number, code: string) {
  const service = await findServiceByCode(db, code);
  if (!service)
    throw invalid(`The service ${code} does not exist.`, [{ path: ["service"], message: "unknown service" }]);
  if (!(await isServiceOfferedByUnit(db, unitId, service.id))) {
    throw invalid(`The unit does not offer the service ${code}.`, [
      { path: ["service"], message: "not offered by this unit" },
    ]);
  }
  return service;
}

/** Survey points (counters): staff and admins manage the points of their units. */
export const pointRoutes = new Hono<AppEnv>()
  .get("/", requireUser(), validate("query", listQuery), async (c) => {
    const { db, config } = c.var.deps;
    const user = currentUser(c);
    const query = c.req.valid("query");
    let unitId: number | undefined;
    if (query.unit) {
      const unit = await findUnitByCode(db, query.unit);
      if (!unit) throw notFound(`The unit ${query.unit}`);
      assertInScope(user, unit.path);
      unitId = unit.id;
    }
    const rows = await listPoints(db, {
      scopePath: user.scopePath,
      unitId,
      includeArchived: query.archived === "true",
    });
    return c.json({ points: rows.map((p) => presentPoint(p, config)) });
  })
  .post(
    "/import",
    requireUser("admin", "staff"),
    bodyPolicy(IMPORT_BODY),
    validate("query", importQuerySchema),
    async (c) => {
      const { dryRun, sheet } = c.req.valid("query");
      const { db, now } = c.var.deps;
      const plan = await planPointImport(
        db,
        currentUser(c),
        new Uint8Array(await c.req.arrayBuffer()),
        now(),
        sheet,
      );
      return importResult(c, plan, dryRun, "point");
    },
  )
  .get("/import/template", requireUser("admin", "staff"), validate("query", templateQuerySchema), (c) =>
    templateResponse(c, "points", c.req.valid("query")),
  )
  .post("/", requireUser("admin", "staff"), validate("json", pointCreateSchema), async (c) => {
    const { db, now, config } = c.var.deps;
    const user = currentUser(c);
    const body = c.req.valid("json");
    const unit = await findUnitByCode(db, body.unit);
    if (!unit)
      throw invalid(`The unit ${body.unit} does not exist.`, [{ path: ["unit"], message: "unknown unit" }]);
    assertInScope(user, unit.path);
    if (unit.archivedAt !== null)
      throw invalid(`The unit ${body.unit} is archived.`, [{ path: ["unit"], message: "archived" }]);
    const service = body.service ? await serviceOfferedBy(db, unit.id, body.service) : undefined;
    const code = await unusedPointCode(db);
    await runBatch(db, [
      insertPointStatement(db, {
        code,
        unitId: unit.id,
        label: body.label,
        labelZh: body.labelZh ?? null,
        labelEn: body.labelEn ?? null,
        serviceId: service?.id ?? null,
        form: body.form,
        tokenRequired: body.tokenRequired,
        dailyLimit: body.dailyLimit ?? null,
        createdAt: now(),
      }),
      audit(c, { action: "create", entity: "point", entityCode: code, detail: body }),
    ]);
    const point = await findPointByCode(db, code);
    return created(c, presentPoint(point as NonNullable<PointView>, config));
  })
  .patch("/:code", requireUser("admin", "staff"), validate("json", pointPatchSchema), async (c) => {
    const { db, config } = c.var.deps;
    const user = currentUser(c);
    const point = await pointInScope(db, user, c.req.param("code"));
    const { service, ...fields } = c.req.valid("json");
    const serviceId =
      service === undefined
        ? undefined
        : service === null
          ? null
          : (await serviceOfferedBy(db, point.unitId, service)).id;
    const changes = { ...fields, ...(serviceId === undefined ? {} : { serviceId }) };
    if (Object.keys(changes).length === 0) return c.json(presentPoint(point, config));
    await runBatch(db, [
      updatePointStatement(db, point.id, changes),
      audit(c, { action: "update", entity: "point", entityCode: point.code, detail: c.req.valid("json") }),
    ]);
    return c.json(presentPoint((await findPointByCode(db, point.code)) as NonNullable<PointView>, config));
  })
  .post("/:code/archive", requireUser("admin", "staff"), (c) => setArchived(c, true))
  .post("/:code/restore", requireUser("admin", "staff"), (c) => setArchived(c, false));

// Archiving keeps the code: old posters then say "this counter has moved" instead of a 404.
async function setArchived(c: Context<AppEnv>, archived: boolean) {
  const { db, now } = c.var.deps;
  const user = currentUser(c);
  const point = await pointInScope(db, user, c.req.param("code") ?? "");
  await runBatch(db, [
    updatePointStatement(db, point.id, { archivedAt: archived ? now() : null }),
    audit(c, { action: archived ? "archive" : "restore", entity: "point", entityCode: point.code }),
  ]);
  return c.json({ code: point.code, archived });
}
