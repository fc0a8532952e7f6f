import { Hono } from "hono";
import { calendarDaySchema, servedCountSchema } from "../../shared/contract/entry.js";
import * as z from "../../shared/contract/zod.js";
import { localDay } from "../../shared/time/index.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { runBatch } from "../db/database.js";
import { upsertServedStatement } from "../db/queries/entries.js";
import type { AppEnv } from "../deps.js";
import { planServedImport } from "../entry/served-import.js";
import { invalid } from "../errors.js";
import { audit } from "../lib/audit.js";
import { bodyPolicy, IMPORT_BODY } from "../lib/body-policy.js";
import { readTableBody } from "../lib/table-body.js";
import { validate } from "../lib/validate.js";
import { pointInScope } from "./points.js";

// Citizens served per counter and day: the denominator of the response rate (issue 18). Staff, analysts
// and admins set the counts of the points in their scope, one by one or from a file.

export const dayParam = z.object({ code: z.string(), day: calendarDaySchema });
export const importQuery = z.object({ dryRun: z.optional(z.enum(["true", "false", "1", "0"])) });

/** PUT /api/v1/points/:code/served/:day. */
export const servedRoutes = new Hono<AppEnv>().put(
  "/:code/served/:day",
  requireUser(),
  validate("param", dayParam),
  validate("json", servedCountSchema),
  async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const { code, day } = c.req.valid("param");
    const point = await pointInScope(db, user, code);
    if (day > localDay(now())) {
      throw invalid("Citizens are counted once the day has begun.", [
        { path: ["day"], message: "in the future" },
      ]);
    }
    const { count } = c.req.valid("json");
    await runBatch(db, [
      upsertServedStatement(db, {
        pointId: point.id,
        unitId: point.unitId,
        day,
        count,
        updatedAt: now(),
        updatedBy: user.id,
      }),
      audit(c, { action: "set", entity: "served", entityCode: `${point.code}/${day}`, detail: { count } }),
    ]);
    return c.json({ point: point.code, day, count });
  },
);

/** POST /api/v1/served/import: a CSV or XLSX table `day, point, served`; all rows or none. */
export const servedImportRoutes = new Hono<AppEnv>().post(
  "/import",
  requireUser(),
  bodyPolicy(IMPORT_BODY),
  validate("query", importQuery),
  async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const table = await readTableBody(c);
    const plan = await planServedImport(db, user, table.rows, now());
    if (!plan.ok)
      throw invalid(`The file has ${plan.issues.length} problem(s); nothing was saved.`, plan.issues);
    const dryRun = c.req.valid("query").dryRun === "true" || c.req.valid("query").dryRun === "1";
    if (!dryRun) {
      await runBatch(db, [
        ...plan.counts.map((row) =>
          upsertServedStatement(db, { ...row, updatedAt: now(), updatedBy: user.id }),
        ),
        audit(c, { action: "import", entity: "served", detail: { rows: plan.counts.length } }),
      ]);
    }
    return c.json({ rows: plan.counts.length, dryRun });
  },
);
