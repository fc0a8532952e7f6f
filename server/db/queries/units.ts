import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database, Statement } from "../database.js";
import { units } from "../schema.js";

export type UnitRow = typeof units.$inferSelect;

/** SQL condition: the unit lies inside the subtree whose path is given (null: the whole tree). */
export function inSubtree(path: string | null, column: SQLiteColumn | SQL = units.path): SQL {
  return path === null ? sql`1 = 1` : sql`${column} GLOB ${`${path}*`}`;
}

export async function findUnitByCode(db: Database, code: string): Promise<UnitRow | undefined> {
  return db.select().from(units).where(eq(units.code, code)).get();
}

export async function findUnitById(db: Database, id: number): Promise<UnitRow | undefined> {
  return db.select().from(units).where(eq(units.id, id)).get();
}

/** The units of a subtree in tree order (parents before children), with their parent's code. */
export async function listUnits(
  db: Database,
  options: { scopePath: string | null; includeArchived: boolean },
) {
  // Written out in full: drizzle leaves columns unqualified in single-table queries, and the subquery
  // would then read its own row.
  const parent = sql<string | null>`(SELECT p.code FROM units p WHERE p.id = units.parent_id)`;
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      parent,
      path: units.path,
      archivedAt: units.archivedAt,
    })
    .from(units)
    .where(and(inSubtree(options.scopePath), options.includeArchived ? undefined : isNull(units.archivedAt)))
    .orderBy(asc(units.path))
    .all();
}

/**
 * Statements that insert a unit and then set its materialised path from its parent's, in the same
 * batch (the new id is known only inside it). The parent is referred to by code so that a batch can
 * create a parent and its children together.
 */
export function insertUnitStatements(
  db: Database,
  unit: {
    code: string;
    name: string;
    nameZh?: string | null | undefined;
    nameEn?: string | null | undefined;
    parentCode: string | null;
  },
  now: number,
): Statement[] {
  const parentId = unit.parentCode ? sql`(SELECT id FROM units WHERE code = ${unit.parentCode})` : null;
  const { nameZh = null, nameEn = null } = unit;
  return [
    db
      .insert(units)
      .values({ code: unit.code, name: unit.name, nameZh, nameEn, parentId, path: "/", createdAt: now }),
    db
      .update(units)
      .set({
        path: sql`coalesce((SELECT p.path FROM units p WHERE p.id = units.parent_id), '/') || units.id || '/'`,
      })
      .where(eq(units.code, unit.code)),
  ];
}

/** Statements that move a unit (and its subtree) under another parent, rewriting the paths. */
export function moveUnitStatements(db: Database, unit: UnitRow, newParent: UnitRow | null): Statement[] {
  const newPath = `${newParent ? newParent.path : "/"}${unit.id}/`;
  return [
    db
      .update(units)
      .set({ parentId: newParent ? newParent.id : null })
      .where(eq(units.id, unit.id)),
    db
      .update(units)
      .set({ path: sql`${newPath} || substr(${units.path}, ${unit.path.length + 1})` })
      .where(inSubtree(unit.path)),
  ];
}

export function updateUnitNameStatement(db: Database, id: number, name: string): Statement {
  return db.update(units).set({ name }).where(eq(units.id, id));
}

/** Sets a unit's optional Chinese and English names (undefined: unchanged, null: removed). */
export function updateUnitLocalNamesStatement(
  db: Database,
  id: number,
  names: { nameZh?: string | null | undefined; nameEn?: string | null | undefined },
): Statement {
  const set: { nameZh?: string | null; nameEn?: string | null } = {};
  if (names.nameZh !== undefined) set.nameZh = names.nameZh;
  if (names.nameEn !== undefined) set.nameEn = names.nameEn;
  return db.update(units).set(set).where(eq(units.id, id));
}

export function setUnitArchivedStatement(db: Database, id: number, archivedAt: number | null): Statement {
  return db.update(units).set({ archivedAt }).where(eq(units.id, id));
}

/** Codes that already exist among the given ones. */
export async function existingUnitCodes(db: Database, codes: string[]): Promise<Map<string, UnitRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(units)
    .where(sql`${units.code} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`)
    .all();
  return new Map(rows.map((row) => [row.code, row]));
}

/** Opts a unit in or out of showing its results to citizens at /p/:code. */
export function setUnitPublicResultsStatement(db: Database, id: number, publicResults: boolean): Statement {
  return db.update(units).set({ publicResults }).where(eq(units.id, id));
}
