import { type SQL, sql } from "drizzle-orm";

/**
 * Many rows as one JSON parameter (an array of arrays), opened as the table `json_rows(r)`: a statement
 * starting with this reads a row's columns as r->>0, r->>1… D1 allows 100 bound parameters per statement,
 * and libSQL spends as long binding a hundred values as SQLite spends writing them.
 *
 * MATERIALIZED, because otherwise SQLite asks json_each for `value` again at every r->>i, and json_each
 * writes the row's JSON text out anew each time, to be parsed anew: inserting a response row (23 columns)
 * took ~45 µs of CPU that way and ~18 µs from the materialised table (native driver, in process).
 */
export function withJsonRows(rows: ReadonlyArray<readonly unknown[]>): SQL {
  return sql`${sql.raw(OPEN)}${JSON.stringify(rows)}${sql.raw(CLOSE)}`;
}

const OPEN = "WITH json_rows(r) AS MATERIALIZED (SELECT value FROM json_each(";
const CLOSE = ")) ";

/** withJsonRows as text, its parameter a `?`: for the native driver (the demo seeder). */
export const JSON_ROWS_SQL = `${OPEN}?${CLOSE}`;
