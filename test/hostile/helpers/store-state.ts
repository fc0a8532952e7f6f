import type { TestApp } from "../../helpers/create-test-app.js";

// What a hostile request could have changed, read with plain SQL: the responses and both rollup tables.
// The rollups are also recomputed here from the raw answers by SQL alone (json_each), an oracle that shares
// no code with the writer it checks (`npm run db:check` shares rollupIncrements with it).

/**
 * A fingerprint of everything a submission writes. Writes only ever add rows or counts, so equal totals
 * before and after mean that nothing at all was written.
 */
export async function storeSnapshot(t: TestApp): Promise<string> {
  const totals = (table: string) =>
    `(SELECT json_array(count(*), total(count_1), total(count_2), total(count_3), total(count_4), total(count_5)) FROM ${table})`;
  const result = await t.client.execute(
    `SELECT (SELECT count(*) FROM responses), ${totals("rollups")}, ${totals("rollups_monthly")}`,
  );
  return JSON.stringify(Object.values(result.rows[0] ?? {}));
}

// One cell per (period, point, service, item, value): respondents as item "#" value 0, answers and
// expectations with their value. The same cells are read out of the stored rollups.
const EXPECTED_CELLS = (period: string) => `
  SELECT ${period} AS period, point_id, coalesce(service_id, 0) AS service_id, '#' AS item, 0 AS value, count(*) AS n
    FROM responses GROUP BY 1, 2, 3
  UNION ALL
  SELECT ${period}, point_id, coalesce(service_id, 0), j.key, j.value, count(*)
    FROM responses, json_each(responses.answers) AS j GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT ${period}, point_id, coalesce(service_id, 0), j.key, j.value, count(*)
    FROM responses, json_each(coalesce(responses.expectations, '{}')) AS j GROUP BY 1, 2, 3, 4, 5`;
const STORED_CELLS = (table: string, period: string) => `
  SELECT ${period}, point_id, service_id, item, CASE item WHEN '#' THEN 0 ELSE v END, n FROM (
    SELECT ${period}, point_id, service_id, item, 1 AS v, count_1 AS n FROM ${table}
    UNION ALL SELECT ${period}, point_id, service_id, item, 2, count_2 FROM ${table}
    UNION ALL SELECT ${period}, point_id, service_id, item, 3, count_3 FROM ${table}
    UNION ALL SELECT ${period}, point_id, service_id, item, 4, count_4 FROM ${table}
    UNION ALL SELECT ${period}, point_id, service_id, item, 5, count_5 FROM ${table}) WHERE n > 0`;

/**
 * The rollup cells (daily and monthly) that differ from a recount of the raw responses, as
 * "table period|point|service|item|value: stored x, counted y"; empty when they agree.
 */
export async function rollupDisagreements(t: TestApp): Promise<string[]> {
  const differences: string[] = [];
  for (const [table, period, fromResponses] of [
    ["rollups", "day", "local_day"],
    ["rollups_monthly", "month", "substr(local_day, 1, 7)"],
  ] as const) {
    const cells = async (sql: string) => {
      const rows = (await t.client.execute(sql)).rows.map((row) => Object.values(row));
      return new Map(rows.map((r) => [r.slice(0, 5).join("|"), Number(r[5])]));
    };
    const counted = await cells(EXPECTED_CELLS(fromResponses));
    const stored = await cells(STORED_CELLS(table, period));
    for (const key of new Set([...counted.keys(), ...stored.keys()])) {
      if (counted.get(key) !== stored.get(key))
        differences.push(`${table} ${key}: stored ${stored.get(key) ?? 0}, counted ${counted.get(key) ?? 0}`);
    }
  }
  return differences;
}
