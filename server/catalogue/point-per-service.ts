import type { Context } from "hono";
import { runBatch } from "../db/database.js";
import { findPointByCode, insertPointStatement, listPoints, type PointView } from "../db/queries/points.js";
import { listServicesOfUnit } from "../db/queries/services.js";
import type { UnitRow } from "../db/queries/units.js";
import type { AppEnv } from "../deps.js";
import { invalid } from "../errors.js";
import { audit } from "../lib/audit.js";
import { presentPoint } from "../routes/points.js";
import { randomPointCode } from "./point-code.js";

/**
 * "One counter per service of this unit": a survey point with a fixed service for each active service
 * the unit offers that has no active point of its own there yet, named after the service. Running it
 * again creates only what is missing. One batch with its audit row.
 */
export async function createPointPerService(c: Context<AppEnv>, unit: UnitRow) {
  const { db, now, config } = c.var.deps;
  if (unit.archivedAt !== null)
    throw invalid(`The unit ${unit.code} is archived.`, [{ path: ["unit"], message: "archived" }]);
  const covered = new Set(
    (await listPoints(db, { scopePath: unit.path, unitId: unit.id, includeArchived: false }))
      .map((p) => p.serviceId)
      .filter((id) => id !== null),
  );
  const missing = (await listServicesOfUnit(db, unit.id)).filter((s) => !covered.has(s.id));
  const codes = new Set<string>();
  while (codes.size < missing.length) codes.add(randomPointCode());
  const planned = missing.map((service, i) => ({ service, code: [...codes][i] as string }));
  if (planned.length > 0)
    await runBatch(db, [
      ...planned.map(({ service, code }) =>
        insertPointStatement(db, {
          code,
          unitId: unit.id,
          // A point's label is at most 100 characters; procedure names can be longer.
          label: service.name.length > 100 ? `${service.name.slice(0, 99)}…` : service.name,
          serviceId: service.id,
          form: "full",
          tokenRequired: false,
          createdAt: now(),
        }),
      ),
      audit(c, {
        action: "create_per_service",
        entity: "point",
        entityCode: unit.code,
        detail: { points: planned.map((p) => p.code) },
      }),
    ]);
  const points = [];
  for (const { code } of planned)
    points.push(presentPoint((await findPointByCode(db, code)) as NonNullable<PointView>, config));
  return { unit: unit.code, created: points };
}
