import type Database from "libsql";
import { JSON_ROWS_SQL } from "../../server/db/json-rows.js";
import {
  ROLLUP_UPSERTS,
  type RollupRow,
  rollupFold,
  rollupIncrements,
  rollupRowValues,
} from "../../server/db/queries/rollups.js";

// The rollups of one month recomputed from its raw responses, with the function the submit path uses:
// db:check compares and repairs with them, one month at a time, so memory holds one month's rows whatever
// the number of responses. The demo seeder adds its rows through addRollupBatches.

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

// Rows go to SQLite as JSON arrays of this many rows, one parameter to the submit path's statement (on the
// native driver): a string crosses from a worker thread (the demo seeder's) as one copy, where bound
// values would be cloned one by one, and the native driver binds it at once.
const ROWS_PER_STATEMENT = 500;

/** A grain's rows (RollupRows) as JSON batches for addRollupBatches, in the tables' primary-key order. */
export function rollupBatches(rows: RollupRow[]): string[] {
  const sorted = rows.sort(byPrimaryKey);
  const batches: string[] = [];
  for (let start = 0; start < sorted.length; start += ROWS_PER_STATEMENT) {
    batches.push(JSON.stringify(sorted.slice(start, start + ROWS_PER_STATEMENT).map(rollupRowValues)));
  }
  return batches;
}

/** The daily and monthly rollups of `rows` as JSON batches (rollupBatches). */
export type RollupBatches = { daily: string[]; monthly: string[] };

/** Replaces the stored rollups of `month` with `rows`; the caller holds the transaction. */
export function writeMonthRollups(db: Database.Database, month: string, rows: MonthRollups): void {
  db.prepare("DELETE FROM rollups WHERE day >= ? AND day < ?").run(`${month}-01`, `${nextMonth(month)}-01`);
  db.prepare("DELETE FROM rollups_monthly WHERE month = ?").run(month);
  addRollupBatches(db, { daily: rollupBatches(rows.daily), monthly: rollupBatches(rows.monthly) });
}

/**
 * Adds rollup rows to the stored ones, inserting the rows not there yet, as the submit path does; the
 * caller holds the transaction. Rows come in primary-key order: each insert then appends to the key's
 * B-tree instead of splitting pages in the middle: about half the time for the hundreds of thousands of
 * daily rows of a busy month.
 */
export function addRollupBatches(db: Database.Database, batches: RollupBatches): void {
  for (const { table, grain } of ROLLUP_TABLES) {
    const upsert = db.prepare(`${JSON_ROWS_SQL}${ROLLUP_UPSERTS[table]}`);
    for (const batch of batches[grain]) upsert.run(batch);
  }
}
