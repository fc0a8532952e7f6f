import { sql } from "drizzle-orm";
import type { Database } from "../db/database.js";
import {
  EXPORTED_COLUMNS,
  type ExportedResponse,
  type ExportScope,
  exportedResponsesQuery,
  type StoredRange,
  storedRangeQuery,
} from "../db/queries/reports.js";

// How the raw export (responses.csv) reads its rows: batches of responses in storage order, the order in
// which they were stored. Every runtime can read keyset pages through `db`; Node hands the app a faster
// reader through deps (server/db/native-export.ts). Both give the same rows in the same order.

/** The rows of one export in batches; returning early (a cancelled download) releases what it holds. */
export type ExportRows = AsyncIterator<readonly ExportedResponse[], void>;

/** Starts reading the rows of one export. */
export type ExportReader = (scope: ExportScope) => ExportRows;

/** Responses per keyset page: a few hundred kilobytes of CSV, one query each. */
export const EXPORT_PAGE_SIZE = 2000;

/** The range of rowids a period's responses lie in, or null when it has none. */
export async function readStoredRange(db: Database, scope: ExportScope): Promise<StoredRange | null> {
  const row = await db.get<{ first: number | null; last: number | null }>(storedRangeQuery(scope.period));
  return row?.first == null || row.last == null ? null : { first: row.first, last: row.last };
}

/**
 * Reads an export in keyset pages over rowid, each row as one JSON text: @libsql/client and D1 build an
 * object per row with a property per column, which costs more than the database's own work.
 */
export function keysetExportReader(db: Database, pageSize = EXPORT_PAGE_SIZE): ExportReader {
  return async function* keysetRows(scope) {
    const range = await readStoredRange(db, scope);
    if (range === null) return;
    const select = sql`r.rowid AS k, json_array(${EXPORTED_COLUMNS}) AS j`;
    let after = range.first - 1;
    for (;;) {
      const page = await db.all<{ k: number; j: string }>(
        exportedResponsesQuery(scope, { select, range, after, limit: pageSize }),
      );
      if (page.length > 0) yield page.map((row) => JSON.parse(row.j) as ExportedResponse);
      const last = page.at(-1);
      if (!last || page.length < pageSize) return;
      after = last.k;
    }
  };
}
