import { sql } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { responseEntries, responseImports, servedCounts } from "../schema.js";
import type { ResponseRow } from "./responses.js";
import { inSubtree } from "./units.js";

// Paper forms typed in, responses imported from other tools, and served counts: the queries of issue 18.

/** The row that records who entered a paper or imported response (same batch as the response). */
export function insertEntryStatement(db: Database, entry: typeof responseEntries.$inferInsert): Statement {
  return db.insert(responseEntries).values(entry);
}

/** A paper form as entered: the response's content with its form number and who typed it, when. */
export type EnteredForm = {
  row: ResponseRow;
  formNumber: string | null;
  enteredBy: number;
  enteredByName: string;
  importId: string | null;
  correctedAt: number | null;
  pointCode: string;
  serviceCode: string | null;
};

const ENTRY_SELECT = sql`SELECT r.*, e.form_number AS e_form_number, e.entered_by AS e_entered_by,
    e.import_id AS e_import_id, e.corrected_at AS e_corrected_at, u.username AS e_username,
    p.code AS e_point_code, s.code AS e_service_code
  FROM response_entries e JOIN responses r ON r.id = e.response_id JOIN users u ON u.id = e.entered_by
    JOIN points p ON p.id = e.point_id LEFT JOIN services s ON s.id = r.service_id`;

function enteredForm(raw: Record<string, unknown>): EnteredForm {
  return {
    row: {
      id: raw.id as string,
      pointId: raw.point_id as number,
      unitId: raw.unit_id as number,
      serviceId: raw.service_id as number | null,
      form: raw.form as ResponseRow["form"],
      instrument: raw.instrument as string,
      lang: raw.lang as string,
      channel: raw.channel as ResponseRow["channel"],
      submittedAt: raw.submitted_at as number,
      localDay: raw.local_day as string,
      answers: raw.answers as string,
      expectations: raw.expectations as string | null,
      gender: raw.gender as string | null,
      ageBand: raw.age_band as string | null,
      ethnicity: raw.ethnicity as string | null,
      education: raw.education as string | null,
      occupation: raw.occupation as string | null,
      comment: raw.comment as string | null,
      commentHasPii: Boolean(raw.comment_has_pii),
      contentHash: raw.content_hash as string,
      tokenId: raw.token_id as string | null,
      dossierHash: raw.dossier_hash as string | null,
      officerId: raw.officer_id as number | null,
    },
    formNumber: raw.e_form_number as string | null,
    enteredBy: raw.e_entered_by as number,
    enteredByName: raw.e_username as string,
    importId: raw.e_import_id as string | null,
    correctedAt: raw.e_corrected_at as number | null,
    pointCode: raw.e_point_code as string,
    serviceCode: raw.e_service_code as string | null,
  };
}

/** The paper form with this number at this point, if it was entered. */
export async function findEnteredForm(
  db: Database,
  pointId: number,
  formNumber: string,
): Promise<EnteredForm | undefined> {
  const rows = await db.all<Record<string, unknown>>(
    sql`${ENTRY_SELECT} WHERE e.point_id = ${pointId} AND e.form_number = ${formNumber}`,
  );
  return rows[0] ? enteredForm(rows[0]) : undefined;
}

/** An entered response by its id. */
export async function findEnteredById(db: Database, id: string): Promise<EnteredForm | undefined> {
  const rows = await db.all<Record<string, unknown>>(sql`${ENTRY_SELECT} WHERE e.response_id = ${id}`);
  return rows[0] ? enteredForm(rows[0]) : undefined;
}

/** The paper forms of a point typed by one user, newest first (the entry screen's "my last forms"). */
export async function listEnteredForms(
  db: Database,
  options: { pointId: number; userId: number; limit: number },
): Promise<EnteredForm[]> {
  const rows = await db.all<Record<string, unknown>>(sql`${ENTRY_SELECT}
    WHERE e.point_id = ${options.pointId} AND e.entered_by = ${options.userId} AND e.form_number IS NOT NULL
    ORDER BY r.submitted_at DESC, r.id DESC LIMIT ${options.limit}`);
  return rows.map(enteredForm);
}

/**
 * Reserves `count` form numbers for a point's paper forms and returns the first: numbers go on from the
 * last print run, so a counter's forms never share a number.
 */
export async function reserveFormNumbers(db: Database, pointId: number, count: number): Promise<number> {
  const rows = await db.all<{ last: number }>(
    sql`UPDATE points SET paper_forms_issued = paper_forms_issued + ${count} WHERE id = ${pointId}
      RETURNING paper_forms_issued AS last`,
  );
  return Number(rows[0]?.last) - count + 1;
}

/** The row of an import of responses, written in the same batch as its responses. */
export function insertImportStatement(db: Database, row: typeof responseImports.$inferInsert): Statement {
  return db.insert(responseImports).values(row);
}

/** Whether this file (by its hash) was already imported for this point. */
export async function findImportByHash(db: Database, pointId: number, fileHash: string) {
  const rows = await db.all<{ id: string; file_name: string; imported_at: number }>(
    sql`SELECT id, file_name, imported_at FROM response_imports WHERE point_id = ${pointId} AND file_hash = ${fileHash}`,
  );
  return rows[0];
}

/** Sets the citizens served at a point on a day (a second call replaces the count). */
export function upsertServedStatement(
  db: Database,
  row: { pointId: number; unitId: number; day: string; count: number; updatedAt: number; updatedBy: number },
): Statement {
  return db
    .insert(servedCounts)
    .values(row)
    .onConflictDoUpdate({
      target: [servedCounts.pointId, servedCounts.day],
      set: { count: row.count, unitId: row.unitId, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
}

/** What served counts can be grouped by in a report. */
export type ServedKey = "unit" | "point" | "month" | "day";

const SERVED_KEY_SQL: Record<ServedKey, ReturnType<typeof sql>> = {
  unit: sql`unit_id`,
  point: sql`point_id`,
  month: sql`substr(day, 1, 7)`,
  day: sql`day`,
};

/** The citizens served per group over a period, for the units of a subtree (null: all units). */
export async function sumServed(
  db: Database,
  options: { keys: readonly ServedKey[]; from: string; to: string; subtree: string | null },
): Promise<Array<{ key: Array<string | number>; served: number }>> {
  const { keys, from, to, subtree } = options;
  const scope =
    subtree === null
      ? sql``
      : sql`AND unit_id IN (SELECT id FROM units WHERE ${inSubtree(subtree, sql`path`)})`;
  const keyColumns = keys.map((key, i) => sql`${SERVED_KEY_SQL[key]} AS ${sql.identifier(`k${i}`)}`);
  const select = sql.join([...keyColumns, sql`sum(count) AS served`], sql`, `);
  const groupBy =
    keys.length === 0
      ? sql``
      : sql`GROUP BY ${sql.join(
          keys.map((_, i) => sql.identifier(`k${i}`)),
          sql`, `,
        )}`;
  const rows = await db.all<Record<string, string | number | null>>(
    sql`SELECT ${select} FROM served_counts WHERE day BETWEEN ${from} AND ${to} ${scope} ${groupBy}`,
  );
  return rows
    .filter((row) => row.served !== null)
    .map((row) => ({ key: keys.map((_, i) => row[`k${i}`] as string | number), served: Number(row.served) }));
}
