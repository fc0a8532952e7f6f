import { sql } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { withJsonRows } from "../json-rows.js";
import type { responses } from "../schema.js";

/** A response row exactly as stored (answers and expectations as JSON text). */
export type ResponseRow = typeof responses.$inferSelect;

// Column name → row field, in one list so that the INSERT and the JSON rows cannot drift apart.
const COLUMNS = [
  ["id", "id"],
  ["point_id", "pointId"],
  ["unit_id", "unitId"],
  ["service_id", "serviceId"],
  ["form", "form"],
  ["instrument", "instrument"],
  ["lang", "lang"],
  ["channel", "channel"],
  ["submitted_at", "submittedAt"],
  ["local_day", "localDay"],
  ["answers", "answers"],
  ["expectations", "expectations"],
  ["gender", "gender"],
  ["age_band", "ageBand"],
  ["ethnicity", "ethnicity"],
  ["education", "education"],
  ["occupation", "occupation"],
  ["comment", "comment"],
  ["comment_has_pii", "commentHasPii"],
  ["content_hash", "contentHash"],
  ["token_id", "tokenId"],
  ["dossier_hash", "dossierHash"],
  ["officer_id", "officerId"],
] as const satisfies ReadonlyArray<readonly [string, keyof ResponseRow]>;

/** The statement text inserting JSON rows (withJsonRows, rows of responseRowValues) into responses. */
export const INSERT_RESPONSES = `INSERT INTO responses (${COLUMNS.map(([column]) => column).join(", ")}) SELECT ${COLUMNS.map(
  (_, index) => `r->>${index}`,
).join(", ")} FROM json_rows`;

// JSON.stringify writes a lone UTF-16 surrogate as "\ud800", and SQLite's JSON functions store that as bytes
// that are not UTF-8, on which the libSQL driver aborts the whole process when it reads the row back (one
// crafted comment would crash every export). A bound parameter stores U+FFFD; so does this.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (value: unknown) =>
  typeof value === "string" ? value.replace(LONE_SURROGATE, "\uFFFD") : value;

/** A response row as the values of a JSON row for INSERT_RESPONSES. */
export const responseRowValues = (row: ResponseRow): unknown[] =>
  COLUMNS.map(([, field]) => (field === "commentHasPii" ? Number(row[field]) : wellFormed(row[field])));

/** One statement inserting many responses (see withJsonRows). */
export function insertResponsesStatement(db: Database, rows: readonly ResponseRow[]): Statement {
  return db.run(sql`${withJsonRows(rows.map(responseRowValues))}${sql.raw(INSERT_RESPONSES)}`);
}

/** What an earlier response holds that a new one could collide with: its id, link token or dossier. */
export type StoredIdentity = Pick<
  ResponseRow,
  "id" | "contentHash" | "submittedAt" | "tokenId" | "dossierHash"
>;

/**
 * The stored responses that share an id, a link token id or a dossier hash with the given ones: the
 * idempotency and single-use checks of a whole group of submissions in one query.
 */
export async function findStoredIdentities(
  db: Database,
  keys: { ids: readonly string[]; tokenIds: readonly string[]; dossierHashes: readonly string[] },
): Promise<StoredIdentity[]> {
  const list = (values: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
  const conditions = [sql`id IN ${list(keys.ids)}`];
  if (keys.tokenIds.length > 0) conditions.push(sql`token_id IN ${list(keys.tokenIds)}`);
  if (keys.dossierHashes.length > 0) conditions.push(sql`dossier_hash IN ${list(keys.dossierHashes)}`);
  const rows = await db.all<{
    id: string;
    content_hash: string;
    submitted_at: number;
    token_id: string | null;
    dossier_hash: string | null;
  }>(
    sql`SELECT id, content_hash, submitted_at, token_id, dossier_hash FROM responses WHERE ${sql.join(conditions, sql` OR `)}`,
  );
  return rows.map((row) => ({
    id: row.id,
    contentHash: row.content_hash,
    submittedAt: row.submitted_at,
    tokenId: row.token_id,
    dossierHash: row.dossier_hash,
  }));
}

/**
 * Whether a response already used this one-time link, or another link for the same dossier: the survey page
 * says so before the citizen answers.
 */
export async function isLinkUsed(
  db: Database,
  link: { tokenId: string; dossierHash: string | null },
): Promise<boolean> {
  const rows = await db.all(
    sql`SELECT 1 FROM responses WHERE token_id = ${link.tokenId} OR dossier_hash = ${link.dossierHash} LIMIT 1`,
  );
  return rows.length > 0;
}

/** True when a response was stored for the dossier (its keyed hash): a new link for it would not work. */
export async function isDossierRated(db: Database, dossierHash: string): Promise<boolean> {
  const rows = await db.all(sql`SELECT 1 FROM responses WHERE dossier_hash = ${dossierHash} LIMIT 1`);
  return rows.length > 0;
}
