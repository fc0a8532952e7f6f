import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import Database from "libsql";
import type { ExportReader } from "../reports/export-rows.js";
import {
  EXPORTED_COLUMNS,
  type ExportedResponse,
  exportedResponsesQuery,
  storedRangeQuery,
} from "./queries/reports.js";

// Node only: the raw export read through the native driver that @libsql/client wraps, one pass of its
// iterator over the table in rowid order, each row a plain array. Through the client, every page is a
// query and every row an object with a property per column: three times the time (STACK-NOTES.md).

// Renders the shared queries (drizzle SQL) to text and parameters; it holds no connection.
const dialect = new SQLiteSyncDialect();

/**
 * Rows per batch: a few, as the driver fetches them (100 at a time). A batch lives until its lines are
 * written; thousands of rows would outlive V8's young-generation collections and pile up in its old space.
 */
const BATCH_SIZE = 200;

/**
 * An export reader over the database file at `path`. Each export opens its own connection, read-only in
 * effect: its iterator keeps a read transaction open until the last row, one consistent snapshot of the file,
 * and the app's connection stays free for submissions meanwhile (WAL).
 */
export function nativeExportReader(path: string, batchSize = BATCH_SIZE): ExportReader {
  return async function* nativeRows(scope) {
    const db = new Database(path, { timeout: 5000 });
    try {
      const rangeQuery = dialect.sqlToQuery(storedRangeQuery(scope.period));
      const [first, last] = db
        .prepare(rangeQuery.sql)
        .raw(true)
        .get(...rangeQuery.params) as [number | null, number | null];
      if (first === null || last === null) return;
      const query = dialect.sqlToQuery(
        exportedResponsesQuery(scope, {
          select: EXPORTED_COLUMNS,
          range: { first, last },
          after: first - 1,
          limit: null,
        }),
      );
      let batch: ExportedResponse[] = [];
      for (const row of db
        .prepare(query.sql)
        .raw(true)
        .iterate(...query.params)) {
        batch.push(row as ExportedResponse);
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      db.close();
    }
  };
}
