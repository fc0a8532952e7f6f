import { sql } from "drizzle-orm";
import type { RollupIncrement } from "../../submit/rollup-increments.js";
import type { Database, Statement } from "../database.js";

// Rows travel as one JSON parameter: D1 allows 100 bound parameters per statement, and libSQL spends as long
// binding a hundred values as SQLite spends writing them.
const ROWS_PER_STATEMENT = 2000;

/**
 * Statements that add increments to the rollups (inserting the rows that do not exist yet); put them in the
 * same batch as the responses they count.
 */
export function addToRollupsStatements(db: Database, increments: readonly RollupIncrement[]): Statement[] {
  const statements: Statement[] = [];
  for (let start = 0; start < increments.length; start += ROWS_PER_STATEMENT) {
    const rows = increments
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((i) => [i.day, i.unitId, i.pointId, i.serviceId, i.item, i.value, i.count]);
    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
    statements.push(
      db.run(sql`INSERT INTO rollups (day, unit_id, point_id, service_id, item, value, count)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6
        FROM json_each(${JSON.stringify(rows)}) WHERE true
        ON CONFLICT (day, point_id, service_id, item, value) DO UPDATE SET count = count + excluded.count`),
    );
  }
  return statements;
}
