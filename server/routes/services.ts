import { Hono } from "hono";
import { serviceCreateSchema, servicePatchSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { currentUser, inScope, requireUser } from "../auth/guard.js";
import {
  importQuerySchema,
  importResult,
  templateQuerySchema,
  templateResponse,
} from "../catalogue/import-result.js";
import { planServiceImport } from "../catalogue/service-import.js";
import { type Database, runBatch } from "../db/database.js";
import {
  findServiceByCode,
  insertServiceStatement,
  listServices,
  setServiceUnitsStatements,
  updateServiceStatement,
} from "../db/queries/services.js";
import { findUnitsByCode } from "../db/queries/units.js";
import type { AppEnv, AuthUser } from "../deps.js";
import { conflict, forbidden, invalid, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { bodyPolicy, IMPORT_BODY } from "../lib/body-policy.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

const listQuery = z.object({ archived: z.optional(z.enum(["true", "false"])) });

/** 400 unless every unit code exists and lies in the caller's scope. */
async function checkUnits(db: Database, user: AuthUser, codes: string[]) {
  const found = await findUnitsByCode(db, codes);
  const issues = codes
    .filter((code) => !found.has(code) || !inScope(user, found.get(code)?.path ?? ""))
    .map((code) => ({
      path: ["units"],
      message: found.has(code) ? `unit ${code} is outside your scope` : `unknown unit ${code}`,
    }));
  if (issues.length > 0) throw invalid("Some units are unknown or outside your scope.", issues);
}

/**
 * The catalogue of procedures is the province's: renaming or archiving one changes every unit's survey.
 * Only an admin without a unit (province-wide) may; a scoped admin creates procedures and attaches or
 * detaches them for the units of their own scope.
 */
function assertProvinceWide(user: AuthUser): void {
  if (user.scopePath !== null)
    throw forbidden("Only a province-wide admin can change or archive a procedure that all units share.");
}

/** Administrative procedures (TTHC) and the units that offer them. */
export const serviceRoutes = new Hono<AppEnv>()
  .get("/", requireUser(), validate("query", listQuery), async (c) => {
    const user = currentUser(c);
    const rows = await listServices(c.var.deps.db, {
      scopePath: user.scopePath,
      includeArchived: c.req.valid("query").archived === "true",
    });
    return c.json({ services: rows.map(({ id: _id, ...service }) => service) });
  })
  .post(
    "/import",
    requireUser("admin"),
    bodyPolicy(IMPORT_BODY),
    validate("query", importQuerySchema),
    async (c) => {
      const { dryRun, sheet } = c.req.valid("query");
      const plan = await planServiceImport(
        c.var.deps.db,
        currentUser(c),
        new Uint8Array(await c.req.arrayBuffer()),
        c.var.deps.now(),
        sheet,
      );
      return importResult(c, plan, dryRun, "service");
    },
  )
  .get("/import/template", requireUser("admin"), validate("query", templateQuerySchema), (c) =>
    templateResponse(c, "services", c.req.valid("query")),
  )
  .get("/:code", requireUser(), async (c) => {
    const user = currentUser(c);
    const [service] = await listServices(c.var.deps.db, {
      scopePath: user.scopePath,
      includeArchived: true,
      code: c.req.param("code"),
    });
    if (!service) throw notFound(`The service ${c.req.param("code")}`);
    const { id: _id, ...rest } = service;
    return c.json({ service: rest });
  })
  .post("/", requireUser("admin"), validate("json", serviceCreateSchema), async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const body = c.req.valid("json");
    if (await findServiceByCode(db, body.code))
      throw conflict(`A service with the code ${body.code} exists already.`);
    const units = [...new Set(body.units ?? [])];
    await checkUnits(db, user, units);
    await runBatch(db, [
      insertServiceStatement(
        db,
        {
          code: body.code,
          name: body.name,
          nameZh: body.nameZh ?? null,
          nameEn: body.nameEn ?? null,
          field: body.field ?? null,
          localCode: body.localCode ?? null,
        },
        now(),
      ),
      ...setServiceUnitsStatements(db, body.code, units, user.scopePath),
      audit(c, { action: "create", entity: "service", entityCode: body.code, detail: body }),
    ]);
    return created(c, {
      code: body.code,
      name: body.name,
      nameZh: body.nameZh ?? null,
      nameEn: body.nameEn ?? null,
      field: body.field ?? null,
      localCode: body.localCode ?? null,
      units,
    });
  })
  .patch("/:code", requireUser("admin"), validate("json", servicePatchSchema), async (c) => {
    const { db } = c.var.deps;
    const user = currentUser(c);
    const service = await findServiceByCode(db, c.req.param("code"));
    if (!service) throw notFound(`The service ${c.req.param("code")}`);
    const { units, ...fields } = c.req.valid("json");
    if (Object.keys(fields).length > 0) assertProvinceWide(user);
    const statements = [];
    if (Object.keys(fields).length > 0) statements.push(updateServiceStatement(db, service.id, fields));
    if (units !== undefined) {
      await checkUnits(db, user, [...new Set(units)]);
      statements.push(...setServiceUnitsStatements(db, service.code, [...new Set(units)], user.scopePath));
    }
    statements.push(
      audit(c, {
        action: "update",
        entity: "service",
        entityCode: service.code,
        detail: c.req.valid("json"),
      }),
    );
    await runBatch(db, statements);
    const [updated] = await listServices(db, {
      scopePath: user.scopePath,
      includeArchived: true,
      code: service.code,
    });
    return c.json({ service: updated });
  })
  .post("/:code/archive", requireUser("admin"), (c) => setArchived(c, true))
  .post("/:code/restore", requireUser("admin"), (c) => setArchived(c, false));

async function setArchived(c: import("hono").Context<AppEnv>, archived: boolean) {
  const { db, now } = c.var.deps;
  const user = currentUser(c);
  const code = c.req.param("code") ?? "";
  assertProvinceWide(user);
  const service = await findServiceByCode(db, code);
  if (!service) throw notFound(`The service ${code}`);
  await runBatch(db, [
    updateServiceStatement(db, service.id, { archivedAt: archived ? now() : null }),
    audit(c, { action: archived ? "archive" : "restore", entity: "service", entityCode: code }),
  ]);
  return c.json({ code, archived });
}
