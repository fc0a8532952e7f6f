import { Hono } from "hono";
import { unitCreateSchema, unitPatchSchema, unitServicesSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import {
  importQuerySchema,
  importResult,
  templateQuerySchema,
  templateResponse,
} from "../catalogue/import-result.js";
import { createPointPerService } from "../catalogue/point-per-service.js";
import { planUnitImport } from "../catalogue/unit-import.js";
import type { Database } from "../db/database.js";
import { runBatch } from "../db/database.js";
import { listServices, setUnitServicesStatements } from "../db/queries/services.js";
import {
  findUnitByCode,
  insertUnitStatements,
  listUnits,
  moveUnitStatements,
  setUnitArchivedStatement,
  setUnitPublicResultsStatement,
  updateUnitLocalNamesStatement,
  updateUnitNameStatement,
} from "../db/queries/units.js";
import type { AppEnv, AuthUser } from "../deps.js";
import { conflict, forbidden, invalid, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { bodyPolicy, IMPORT_BODY } from "../lib/body-policy.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

const listQuery = z.object({ archived: z.optional(z.enum(["true", "false"])) });

/** A unit by code, 404 when unknown, 403 when outside the caller's scope. */
async function unitInScope(db: Database, user: AuthUser, code: string) {
  const unit = await findUnitByCode(db, code.toUpperCase());
  if (!unit) throw notFound(`The unit ${code}`);
  assertInScope(user, unit.path);
  return unit;
}

/** The organisation tree: readable by every signed-in user within their scope, changed by admins. */
export const unitRoutes = new Hono<AppEnv>()
  .get("/", requireUser(), validate("query", listQuery), async (c) => {
    const user = currentUser(c);
    const rows = await listUnits(c.var.deps.db, {
      scopePath: user.scopePath,
      includeArchived: c.req.valid("query").archived === "true",
    });
    return c.json({ units: rows.map(({ id: _id, path: _path, ...unit }) => unit) });
  })
  .post(
    "/import",
    requireUser("admin"),
    bodyPolicy(IMPORT_BODY),
    validate("query", importQuerySchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const user = currentUser(c);
      const { dryRun, sheet } = c.req.valid("query");
      const plan = await planUnitImport(db, user, new Uint8Array(await c.req.arrayBuffer()), now(), sheet);
      return importResult(c, plan, dryRun, "unit");
    },
  )
  .get("/import/template", requireUser("admin"), validate("query", templateQuerySchema), (c) =>
    templateResponse(c, "units", c.req.valid("query")),
  )
  .post("/:code/points/per-service", requireUser("admin", "staff"), async (c) => {
    const user = currentUser(c);
    const unit = await unitInScope(c.var.deps.db, user, c.req.param("code"));
    return c.json(await createPointPerService(c, unit), 200);
  })
  .get("/:code", requireUser(), async (c) => {
    const { db } = c.var.deps;
    const unit = await unitInScope(db, currentUser(c), c.req.param("code"));
    const children = await listUnits(db, { scopePath: unit.path, includeArchived: true });
    const offered = await listServices(db, { scopePath: null, includeArchived: false, unitId: unit.id });
    const parent = children.find((u) => u.id === unit.id)?.parent ?? null;
    return c.json({
      unit: {
        code: unit.code,
        name: unit.name,
        nameZh: unit.nameZh,
        nameEn: unit.nameEn,
        parent,
        archivedAt: unit.archivedAt,
        publicResults: unit.publicResults,
      },
      children: children
        .filter((u) => u.parent === unit.code)
        .map((u) => ({ code: u.code, name: u.name, archivedAt: u.archivedAt })),
      services: offered.map((s) => ({ code: s.code, name: s.name })),
    });
  })
  .post("/", requireUser("admin"), validate("json", unitCreateSchema), async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const body = c.req.valid("json");
    if (await findUnitByCode(db, body.code))
      throw conflict(`A unit with the code ${body.code} exists already.`);
    if (body.parent) {
      const parent = await findUnitByCode(db, body.parent);
      if (!parent)
        throw invalid(`The parent unit ${body.parent} does not exist.`, [
          { path: ["parent"], message: "unknown unit" },
        ]);
      assertInScope(user, parent.path);
    } else if (user.scopePath !== null) {
      throw forbidden("Only a province-wide admin can create a top-level unit.");
    }
    await runBatch(db, [
      ...insertUnitStatements(
        db,
        {
          code: body.code,
          name: body.name,
          nameZh: body.nameZh,
          nameEn: body.nameEn,
          parentCode: body.parent ?? null,
        },
        now(),
      ),
      audit(c, { action: "create", entity: "unit", entityCode: body.code, detail: body }),
    ]);
    return created(c, {
      code: body.code,
      name: body.name,
      nameZh: body.nameZh ?? null,
      nameEn: body.nameEn ?? null,
      parent: body.parent ?? null,
    });
  })
  .patch("/:code", requireUser("admin"), validate("json", unitPatchSchema), async (c) => {
    const { db } = c.var.deps;
    const user = currentUser(c);
    const unit = await unitInScope(db, user, c.req.param("code"));
    const patch = c.req.valid("json");
    const statements = [];
    if (patch.name !== undefined) statements.push(updateUnitNameStatement(db, unit.id, patch.name));
    if (patch.nameZh !== undefined || patch.nameEn !== undefined)
      statements.push(updateUnitLocalNamesStatement(db, unit.id, patch));
    if (patch.parent !== undefined) {
      if (user.scopePath !== null && unit.path === user.scopePath)
        throw forbidden("You cannot move the unit your scope starts at.");
      const parent = patch.parent === null ? null : await findUnitByCode(db, patch.parent);
      if (patch.parent !== null && !parent)
        throw invalid(`The parent unit ${patch.parent} does not exist.`, [
          { path: ["parent"], message: "unknown unit" },
        ]);
      if (parent) assertInScope(user, parent.path);
      else if (user.scopePath !== null)
        throw forbidden("Only a province-wide admin can make a unit top-level.");
      if (parent?.path.startsWith(unit.path))
        throw invalid("A unit cannot be moved under itself or one of its own units.");
      statements.push(...moveUnitStatements(db, unit, parent ?? null));
    }
    if (patch.publicResults !== undefined)
      statements.push(setUnitPublicResultsStatement(db, unit.id, patch.publicResults));
    statements.push(audit(c, { action: "update", entity: "unit", entityCode: unit.code, detail: patch }));
    await runBatch(db, statements);
    return c.json({
      unit: {
        code: unit.code,
        name: patch.name ?? unit.name,
        nameZh: patch.nameZh === undefined ? unit.nameZh : patch.nameZh,
        nameEn: patch.nameEn === undefined ? unit.nameEn : patch.nameEn,
        parent: patch.parent,
        publicResults: patch.publicResults ?? unit.publicResults,
      },
    });
  })
  .put("/:code/services", requireUser("admin"), validate("json", unitServicesSchema), async (c) => {
    const { db } = c.var.deps;
    const user = currentUser(c);
    const unit = await unitInScope(db, user, c.req.param("code"));
    const wanted = [...new Set(c.req.valid("json").services)];
    const known = new Set(
      (await listServices(db, { scopePath: null, includeArchived: false })).map((s) => s.code),
    );
    const unknown = wanted.filter((code) => !known.has(code));
    if (unknown.length > 0)
      throw invalid(
        `Unknown services: ${unknown.join(", ")}.`,
        unknown.map((code) => ({ path: ["services"], message: `unknown service ${code}` })),
      );
    await runBatch(db, [
      ...setUnitServicesStatements(db, unit.id, wanted),
      audit(c, {
        action: "set_services",
        entity: "unit",
        entityCode: unit.code,
        detail: { services: wanted },
      }),
    ]);
    return c.json({ unit: unit.code, services: wanted });
  })
  .post("/:code/archive", requireUser("admin"), (c) => setArchived(c, true))
  .post("/:code/restore", requireUser("admin"), (c) => setArchived(c, false));

async function setArchived(c: import("hono").Context<AppEnv>, archived: boolean) {
  const { db, now } = c.var.deps;
  const user = currentUser(c);
  const unit = await unitInScope(db, user, c.req.param("code") ?? "");
  await runBatch(db, [
    setUnitArchivedStatement(db, unit.id, archived ? now() : null),
    audit(c, { action: archived ? "archive" : "restore", entity: "unit", entityCode: unit.code }),
  ]);
  return c.json({ code: unit.code, archived });
}
