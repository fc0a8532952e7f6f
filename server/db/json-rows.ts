import { type SQL, sql } from "drizzle-orm";

/**
 * Many rows as one JSON parameter (an array of arrays), opened as the table `rows(r)`: a statement starting
 * with this reads a row's columns as r->>0, r->>1… D1 allows 100 bound parameters per statement, and
 * libSQL spends as long binding a hundred values as SQLite spends writing them.
 *
 * MATERIALIZED, because otherwise SQLite hands each r->>i a fresh copy of json_each's value, and its JSON
 * cache, which recognises a text it parsed by where it lies, parses the whole row again for every column:
 * a response row (23 columns) cost ~40 µs to insert that way, ~15 µs read once from the materialised table.
 */
export function withJsonRows(rows: ReadonlyArray<readonly unknown[]>): SQL {
  return sql`WITH rows(r) AS MATERIALIZED (SELECT value FROM json_each(${JSON.stringify(rows)})) `;
}
