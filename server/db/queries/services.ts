import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { sortByName } from "../../../shared/i18n/collate.js";
import type { Database, Statement } from "../database.js";
import { services, unitServices } from "../schema.js";
import { inSubtree } from "./units.js";

export type ServiceRow = typeof services.$inferSelect;

export async function findServiceByCode(db: Database, code: string): Promise<ServiceRow | undefined> {
  return db.select().from(services).where(eq(services.code, code)).get();
}

/** Services with the codes of the units (inside the scope) that offer them. */
export async function listServices(
  db: Database,
  options: { scopePath: string | null; includeArchived: boolean; code?: string; unitId?: number },
) {
  const offeredBy = sql<string>`(SELECT coalesce(json_group_array(u.code), '[]') FROM (
      SELECT u.code FROM unit_services us JOIN units u ON u.id = us.unit_id
      WHERE us.service_id = services.id AND ${inSubtree(options.scopePath, sql`u.path`)}
      ORDER BY u.code) u)`;
  const rows = await db
    .select({
      id: services.id,
      code: services.code,
      name: services.name,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      field: services.field,
      localCode: services.localCode,
      archivedAt: services.archivedAt,
      units: offeredBy,
    })
    .from(services)
    .where(
      and(
        options.includeArchived ? undefined : isNull(services.archivedAt),
        options.code ? eq(services.code, options.code) : undefined,
        options.unitId === undefined
          ? undefined
          : sql`EXISTS (SELECT 1 FROM unit_services us WHERE us.service_id = services.id AND us.unit_id = ${options.unitId})`,
      ),
    )
    .orderBy(asc(services.code))
    .all();
  return rows.map((row) => ({ ...row, units: JSON.parse(row.units) as string[] }));
}

/** The active services a unit offers, for the survey's service picker, in Vietnamese order of name. */
export async function listServicesOfUnit(db: Database, unitId: number) {
  const rows = await db
    .select({
      id: services.id,
      code: services.code,
      name: services.name,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      field: services.field,
    })
    .from(unitServices)
    .innerJoin(services, eq(services.id, unitServices.serviceId))
    .where(and(eq(unitServices.unitId, unitId), isNull(services.archivedAt)))
    .all();
  return sortByName(rows, (row) => row.name);
}

export async function isServiceOfferedByUnit(
  db: Database,
  unitId: number,
  serviceId: number,
): Promise<boolean> {
  const row = await db
    .select({ one: sql<number>`1` })
    .from(unitServices)
    .where(and(eq(unitServices.unitId, unitId), eq(unitServices.serviceId, serviceId)))
    .get();
  return row !== undefined;
}

/** Inserts a new service; a code taken meanwhile fails on the unique index (answered 409). */
export function insertServiceStatement(
  db: Database,
  service: {
    code: string;
    name: string;
    nameZh?: string | null;
    nameEn?: string | null;
    field: string | null;
    localCode: string | null;
  },
  now: number,
): Statement {
  return db.insert(services).values({ ...service, createdAt: now });
}

/**
 * Inserts or updates a service by code (the import's upsert; create checks for duplicates first). The
 * Chinese and English names are changed only when given (an import without those columns keeps them).
 */
export function upsertServiceStatement(
  db: Database,
  service: {
    code: string;
    name: string;
    nameZh?: string | null | undefined;
    nameEn?: string | null | undefined;
    field: string | null;
    localCode: string | null;
  },
  now: number,
): Statement {
  const { nameZh, nameEn, ...rest } = service;
  const names = {
    ...(nameZh === undefined ? {} : { nameZh }),
    ...(nameEn === undefined ? {} : { nameEn }),
  };
  return db
    .insert(services)
    .values({ ...rest, ...names, createdAt: now })
    .onConflictDoUpdate({
      target: services.code,
      set: { name: service.name, field: service.field, localCode: service.localCode, ...names },
    });
}

export function updateServiceStatement(
  db: Database,
  id: number,
  patch: Partial<Pick<ServiceRow, "name" | "nameZh" | "nameEn" | "field" | "localCode" | "archivedAt">>,
): Statement {
  return db.update(services).set(patch).where(eq(services.id, id));
}

/**
 * Statements that make the given units (inside the scope) exactly the ones offering a service;
 * offerings by units outside the scope are left alone.
 */
export function setServiceUnitsStatements(
  db: Database,
  serviceCode: string,
  unitCodes: string[],
  scopePath: string | null,
): Statement[] {
  const serviceId = sql`(SELECT id FROM services WHERE code = ${serviceCode})`;
  const wanted = JSON.stringify(unitCodes);
  return [
    db
      .delete(unitServices)
      .where(
        and(
          sql`${unitServices.serviceId} = ${serviceId}`,
          sql`${unitServices.unitId} IN (SELECT u.id FROM units u WHERE ${inSubtree(scopePath, sql`u.path`)})`,
        ),
      ),
    db.run(
      sql`INSERT OR IGNORE INTO unit_services (unit_id, service_id)
          SELECT u.id, ${serviceId} FROM units u WHERE u.code IN (SELECT value FROM json_each(${wanted}))`,
    ),
  ];
}

/** Statements that make the given services exactly the ones a unit offers. */
export function setUnitServicesStatements(db: Database, unitId: number, serviceCodes: string[]): Statement[] {
  return [
    db.delete(unitServices).where(eq(unitServices.unitId, unitId)),
    db.run(
      sql`INSERT OR IGNORE INTO unit_services (unit_id, service_id)
          SELECT ${unitId}, s.id FROM services s WHERE s.code IN (SELECT value FROM json_each(${JSON.stringify(serviceCodes)}))`,
    ),
  ];
}
