import { sql } from "drizzle-orm";
import { type RollupIncrement, type RollupRow, rollupRows } from "../../submit/rollup-increments.js";
import type { Database, Statement } from "../database.js";

// Rows travel as one JSON parameter: D1 allows 100 bound parameters per statement, and libSQL spends as long
// binding a hundred values as SQLite spends writing them.
const ROWS_PER_STATEMENT = 2000;

/**
 * Statements that add increments to the daily and monthly rollups (inserting the rows that do not exist
 * yet); put them in the same batch as the responses they count.
 */
export function addToRollupsStatements(db: Database, increments: readonly RollupIncrement[]): Statement[] {
  const { daily, monthly } = rollupRows(increments);
  return [...upserts(db, "rollups", "day", daily), ...upserts(db, "rollups_monthly", "month", monthly)];
}

function upserts(
  db: Database,
  table: "rollups" | "rollups_monthly",
  period: "day" | "month",
  rows: RollupRow[],
) {
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((r) => [r.period, r.unitId, r.pointId, r.serviceId, r.channel, r.item, ...r.counts, r.officerId]);
    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
    statements.push(
      db.run(sql`INSERT INTO ${sql.identifier(table)} (${sql.identifier(period)}, unit_id, point_id, service_id, channel, item,
          count_1, count_2, count_3, count_4, count_5, officer_id)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9,
          value->>10, value->>11
        FROM json_each(${JSON.stringify(values)}) WHERE true
        ON CONFLICT (${sql.identifier(period)}, point_id, service_id, channel, officer_id, item) DO UPDATE SET
          count_1 = count_1 + excluded.count_1, count_2 = count_2 + excluded.count_2,
          count_3 = count_3 + excluded.count_3, count_4 = count_4 + excluded.count_4,
          count_5 = count_5 + excluded.count_5`),
    );
  }
  return statements;
}

/**
 * Statements that take increments back out of the daily and monthly rollups (a corrected paper form's old
 * answers). Plain UPDATEs: an upsert with negative counts would fail the tables' CHECK before its conflict
 * turned it into an update.
 */
export function subtractFromRollupsStatements(
  db: Database,
  increments: readonly RollupIncrement[],
): Statement[] {
  const { daily, monthly } = rollupRows(increments);
  const update = (table: "rollups" | "rollups_monthly", period: "day" | "month", r: RollupRow) =>
    db.run(sql`UPDATE ${sql.identifier(table)} SET count_1 = count_1 - ${r.counts[0]},
        count_2 = count_2 - ${r.counts[1]}, count_3 = count_3 - ${r.counts[2]},
        count_4 = count_4 - ${r.counts[3]}, count_5 = count_5 - ${r.counts[4]}
      WHERE ${sql.identifier(period)} = ${r.period} AND point_id = ${r.pointId} AND service_id = ${r.serviceId}
        AND channel = ${r.channel} AND officer_id = ${r.officerId} AND item = ${r.item}`);
  return [
    ...daily.map((r) => update("rollups", "day", r)),
    ...monthly.map((r) => update("rollups_monthly", "month", r)),
  ];
}
