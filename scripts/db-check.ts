import Database from "libsql";
import { ConfigError, parseConfig } from "../server/config.js";
import type { RollupRow } from "../server/db/queries/rollups.js";
import { existingDatabaseFile, scriptArgs } from "./lib/cli.js";
import { monthRollups, nextMonth, ROLLUP_TABLES, writeMonthRollups } from "./lib/month-rollups.js";

// `npm run db:check [-- --repair]`: recomputes the daily and monthly rollups from the raw responses, month
// by month (bounded memory), with the same function the submit path uses, and reports every difference.
// With --repair, a month that differs is rewritten from its responses in one transaction.

type Row = Omit<RollupRow, "counts"> & { counts: number[] };

const keyOf = (r: Pick<Row, "period" | "pointId" | "serviceId" | "channel" | "officerId" | "item">) =>
  `${r.period}|${r.pointId}|${r.serviceId}|${r.channel}|${r.officerId}|${r.item}`;

const USAGE = `
Usage: npm run db:check [-- --repair]

Recomputes the daily and monthly rollups of the database of DATABASE_URL (default file:data/hailong.db)
from its raw responses and reports every difference; --repair rewrites a month that differs.
Exit code 0: they agree (or were repaired); 1: they differ.
`;
try {
  const { values } = scriptArgs("db:check", USAGE, { repair: { type: "boolean", default: false } });
  const config = parseConfig(process.env);
  const db = new Database(existingDatabaseFile("db:check", config), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const months = (
    db
      .prepare(`SELECT substr(local_day, 1, 7) FROM responses UNION SELECT month FROM rollups_monthly
                UNION SELECT substr(day, 1, 7) FROM rollups ORDER BY 1`)
      .raw()
      .all() as string[][]
  ).map((r) => r[0] as string);
  let differences = 0;
  let responses = 0;
  for (const month of months) {
    const from = `${month}-01`;
    const to = `${nextMonth(month)}-01`;
    const expected = monthRollups(db, month);
    responses += expected.responses;
    const monthDiffs: string[] = [];
    for (const { table, period, grain } of ROLLUP_TABLES) {
      const stored = new Map<string, Row>();
      const range = period === "day" ? [from, to] : [month, nextMonth(month)];
      for (const r of db
        .prepare(
          `SELECT ${period}, unit_id, point_id, service_id, channel, item, count_1, count_2, count_3, count_4, count_5, officer_id FROM ${table} WHERE ${period} >= ? AND ${period} < ?`,
        )
        .raw()
        .iterate(...range) as IterableIterator<
        [string, number, number, number, string, string, number, number, number, number, number, number]
      >) {
        const row = {
          period: r[0],
          unitId: r[1],
          pointId: r[2],
          serviceId: r[3],
          channel: r[4],
          officerId: r[11],
          item: r[5],
          counts: r.slice(6, 11) as number[],
        };
        stored.set(keyOf(row), row);
      }
      for (const row of expected[grain]) {
        const have = stored.get(keyOf(row));
        stored.delete(keyOf(row));
        if (!have || have.counts.join() !== row.counts.join() || have.unitId !== row.unitId) {
          monthDiffs.push(
            `${table} ${keyOf(row)}: stored ${have ? have.counts.join("/") : "nothing"}, responses say ${row.counts.join("/")}`,
          );
        }
      }
      for (const row of stored.values()) {
        if (row.counts.some((n) => n > 0))
          monthDiffs.push(`${table} ${keyOf(row)}: stored ${row.counts.join("/")}, no responses`);
      }
    }
    if (monthDiffs.length === 0) continue;
    differences += monthDiffs.length;
    console.log(`${month}: ${monthDiffs.length} rollup row(s) differ from the responses`);
    for (const line of monthDiffs.slice(0, 5)) console.log(`  ${line}`);
    if (values.repair) {
      db.transaction(() => writeMonthRollups(db, month, expected))();
      console.log(`  repaired ${month}`);
    }
  }
  db.close();
  console.log(
    differences === 0
      ? `Rollups agree with the ${responses.toLocaleString("en")} responses (${months.length} months checked).`
      : `${differences} rollup row(s) differed${values.repair ? " and were repaired" : "; run again with --repair to rewrite them from the responses"}.`,
  );
  process.exit(differences > 0 && !values.repair ? 1 : 0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
}
