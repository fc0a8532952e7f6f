import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { vietnameseCollator } from "../../../shared/i18n/collate.js";
import type { Database, Statement } from "../database.js";
import { points, services, units } from "../schema.js";
import { inSubtree } from "./units.js";

export type PointRow = typeof points.$inferSelect;

const pointView = {
  id: points.id,
  code: points.code,
  label: points.label,
  labelZh: points.labelZh,
  labelEn: points.labelEn,
  form: points.form,
  tokenRequired: points.tokenRequired,
  dailyLimit: points.dailyLimit,
  showOfficer: points.showOfficer,
  archivedAt: points.archivedAt,
  createdAt: points.createdAt,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  unitNameZh: units.nameZh,
  unitNameEn: units.nameEn,
  unitPath: units.path,
  unitArchivedAt: units.archivedAt,
  serviceId: services.id,
  serviceCode: services.code,
  serviceName: services.name,
  serviceNameZh: services.nameZh,
  serviceNameEn: services.nameEn,
};

export type PointView = Awaited<ReturnType<typeof findPointByCode>>;

/** A point with its unit and fixed service, as the survey, posters and the console show it. */
export async function findPointByCode(db: Database, code: string) {
  return db
    .select(pointView)
    .from(points)
    .innerJoin(units, eq(units.id, points.unitId))
    .leftJoin(services, eq(services.id, points.serviceId))
    .where(eq(points.code, code))
    .get();
}

/** The points of a subtree, optionally of one unit only. */
export async function listPoints(
  db: Database,
  options: { scopePath: string | null; unitId?: number; includeArchived: boolean },
) {
  return db
    .select(pointView)
    .from(points)
    .innerJoin(units, eq(units.id, points.unitId))
    .leftJoin(services, eq(services.id, points.serviceId))
    .where(
      and(
        inSubtree(options.scopePath),
        options.unitId === undefined ? undefined : eq(points.unitId, options.unitId),
        options.includeArchived ? undefined : isNull(points.archivedAt),
      ),
    )
    .orderBy(asc(units.path), asc(points.label))
    .all()
    .then((rows) =>
      // Within a unit, counters in Vietnamese order of label (the index order compares code points).
      [...rows].sort((a, b) =>
        a.unitPath === b.unitPath
          ? vietnameseCollator.compare(a.label, b.label)
          : a.unitPath < b.unitPath
            ? -1
            : 1,
      ),
    );
}

export function insertPointStatement(db: Database, point: typeof points.$inferInsert): Statement {
  return db.insert(points).values(point);
}

export function updatePointStatement(
  db: Database,
  id: number,
  patch: Partial<
    Pick<
      PointRow,
      | "label"
      | "labelZh"
      | "labelEn"
      | "serviceId"
      | "form"
      | "tokenRequired"
      | "archivedAt"
      | "dailyLimit"
      | "showOfficer"
    >
  >,
): Statement {
  return db.update(points).set(patch).where(eq(points.id, id));
}

export async function pointCodeExists(db: Database, code: string): Promise<boolean> {
  const row = await db.select({ one: sql<number>`1` }).from(points).where(eq(points.code, code)).get();
  return row !== undefined;
}
