import Database from "libsql";
import { ConfigError, parseConfig } from "../server/config.js";
import {
  type RollupIncrement,
  type RollupRow,
  rollupIncrements,
  rollupRows,
} from "../server/db/queries/rollups.js";
import { existingDatabaseFile, scriptArgs } from "./lib/cli.js";

// `npm run db:check [-- --repair]`: recomputes the daily and monthly rollups from the raw responses, month
// by month (bounded memory), with the same function the submit path uses, and reports every difference.
// With --repair, a month that differs is rewritten from its responses in one transaction.

type Row = Omit<RollupRow, "counts"> & { counts: number[] };
const TABLES = [
  { table: "rollups", period: "day", grain: "daily" },
  { table: "rollups_monthly", period: "month", grain: "monthly" },
] as const;

const keyOf = (r: Pick<Row, "period" | "pointId" | "serviceId" | "channel" | "officerId" | "item">) =>
  `${r.period}|${r.pointId}|${r.serviceId}|${r.channel}|${r.officerId}|${r.item}`;

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

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
  const readResponses = db.prepare(
    "SELECT local_day, unit_id, point_id, service_id, channel, answers, expectations, officer_id FROM responses WHERE local_day >= ? AND local_day < ?",
  );
  let differences = 0;
  let responses = 0;
  for (const month of months) {
    const from = `${month}-01`;
    const to = `${nextMonth(month)}-01`;
    const increments: RollupIncrement[] = [];
    for (const r of readResponses.raw().iterate(from, to) as IterableIterator<
      [string, number, number, number | null, string, string, string | null, number | null]
    >) {
      responses++;
      increments.push(
        ...rollupIncrements({
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
    const expected = rollupRows(increments);
    const monthDiffs: string[] = [];
    for (const { table, period, grain } of TABLES) {
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
      db.transaction(() => {
        db.prepare("DELETE FROM rollups WHERE day >= ? AND day < ?").run(from, to);
        db.prepare("DELETE FROM rollups_monthly WHERE month = ?").run(month);
        for (const { table, period, grain } of TABLES) {
          const insert = db.prepare(
            `INSERT INTO ${table} (${period}, unit_id, point_id, service_id, channel, item, count_1, count_2, count_3, count_4, count_5, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          );
          for (const r of expected[grain])
            insert.run(
              r.period,
              r.unitId,
              r.pointId,
              r.serviceId,
              r.channel,
              r.item,
              ...r.counts,
              r.officerId,
            );
        }
      })();
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
