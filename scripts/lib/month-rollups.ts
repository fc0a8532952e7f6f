import type Database from "libsql";
import { type RollupRow, rollupFold, rollupIncrements } from "../../server/db/queries/rollups.js";

// The rollups of one month recomputed from its raw responses, with the function the submit path uses.
// The seeder writes them this way and db:check compares and repairs with them: one month at a time, so
// memory holds one month's rows whatever the number of responses.

export type MonthRollups = { daily: RollupRow[]; monthly: RollupRow[]; responses: number };

export const ROLLUP_TABLES = [
  { table: "rollups", period: "day", grain: "daily" },
  { table: "rollups_monthly", period: "month", grain: "monthly" },
] as const;

/** "YYYY-MM" of the month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

type StoredResponse = [string, number, number, number | null, string, string, string | null, number | null];

/** Recomputes the daily and monthly rollup rows of `month` ("YYYY-MM") from its stored responses. */
export function monthRollups(db: Database.Database, month: string): MonthRollups {
  const rows = db
    .prepare(
      `SELECT local_day, unit_id, point_id, service_id, channel, answers, expectations, officer_id
       FROM responses WHERE local_day >= ? AND local_day < ?`,
    )
    .raw()
    .iterate(`${month}-01`, `${nextMonth(month)}-01`) as IterableIterator<StoredResponse>;
  // One response's increments at a time into the fold: memory holds the month's rows, never its increments.
  const fold = rollupFold();
  let responses = 0;
  for (const r of rows) {
    responses++;
    fold.add(
      rollupIncrements({
        day: r[0],
        unitId: r[1],
        pointId: r[2],
        serviceId: r[3],
        channel: r[4],
        officerId: r[7],
        answers: JSON.parse(r[5]),
        expectations: r[6] ? JSON.parse(r[6]) : null,
      }),
    );
  }
  return { ...fold.rows(), responses };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order of the rollup tables' primary key (period, point, service, channel, officer, item). */
const byPrimaryKey = (a: RollupRow, b: RollupRow) =>
  text(a.period, b.period) ||
  a.pointId - b.pointId ||
  a.serviceId - b.serviceId ||
  text(a.channel, b.channel) ||
  a.officerId - b.officerId ||
  text(a.item, b.item);

// A month's rows go to SQLite this many to a statement: the native driver spends ~8 µs on each call of a
// prepared statement, longer than SQLite takes to write a rollup row. (A JSON batch unpacked by
// json_each, as the submit path sends rows (withJsonRows), measured no faster than these bound values.)
const ROWS_PER_STATEMENT = 500;
const COLUMNS = 12;

/**
 * Replaces the stored rollups of `month` with `rows`; the caller holds the transaction. Rows go in in
 * primary-key order: each insert then appends to the key's B-tree instead of splitting pages in the
 * middle: about half the time for the hundreds of thousands of daily rows of a busy month.
 */
export function writeMonthRollups(db: Database.Database, month: string, rows: MonthRollups): void {
  db.prepare("DELETE FROM rollups WHERE day >= ? AND day < ?").run(`${month}-01`, `${nextMonth(month)}-01`);
  db.prepare("DELETE FROM rollups_monthly WHERE month = ?").run(month);
  for (const { table, period, grain } of ROLLUP_TABLES) {
    const insertRows = (count: number) =>
      db.prepare(
        `INSERT INTO ${table} (${period}, unit_id, point_id, service_id, channel, item, count_1, count_2, count_3, count_4, count_5, officer_id)
         VALUES ${Array(count)
           .fill(`(${Array(COLUMNS).fill("?").join(", ")})`)
           .join(", ")}`,
      );
    const full = insertRows(ROWS_PER_STATEMENT);
    const sorted = rows[grain].sort(byPrimaryKey);
    for (let start = 0; start < sorted.length; start += ROWS_PER_STATEMENT) {
      const batch = sorted.slice(start, start + ROWS_PER_STATEMENT);
      const values: (string | number)[] = [];
      for (const r of batch)
        values.push(r.period, r.unitId, r.pointId, r.serviceId, r.channel, r.item, ...r.counts, r.officerId);
      (batch.length === ROWS_PER_STATEMENT ? full : insertRows(batch.length)).run(values);
    }
  }
}
