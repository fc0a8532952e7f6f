import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../../helpers/factories.js";

// rollups_unit_daily is kept by triggers (migrations/0010): after any write to the daily rollups, each of its
// rows must equal the sum of the rollups with its (day, item, unit, officer), expectations (E1…) left out.
const t = await createTestApp();
const unitA = await makeUnit(t);
const unitB = await makeUnit(t);
const p1 = await makePoint(t, { unit: unitA.code });
const p2 = await makePoint(t, { unit: unitA.code });
const p3 = await makePoint(t, { unit: unitB.code });

const sql = (text: string) => t.client.execute(text);
const upsert = (day: string, point: number, unit: number, item: string, counts: number[], officer = 0) =>
  sql(`INSERT INTO rollups (day, unit_id, point_id, service_id, channel, officer_id, item,
      count_1, count_2, count_3, count_4, count_5)
    VALUES ('${day}', ${unit}, ${point}, 0, 'qr', ${officer}, '${item}', ${counts.join(", ")})
    ON CONFLICT (day, point_id, service_id, channel, officer_id, item) DO UPDATE SET
      count_1 = count_1 + excluded.count_1, count_2 = count_2 + excluded.count_2,
      count_3 = count_3 + excluded.count_3, count_4 = count_4 + excluded.count_4,
      count_5 = count_5 + excluded.count_5`);

async function expectInStep() {
  const rows = async (text: string) => (await sql(text)).rows.map((row) => Object.values(row).join("|"));
  const sums = await rows(`SELECT day, item, unit_id, officer_id, sum(count_1), sum(count_2), sum(count_3),
      sum(count_4), sum(count_5) FROM rollups WHERE item NOT GLOB 'E[0-9]*'
      GROUP BY day, item, unit_id, officer_id ORDER BY 1, 2, 3, 4`);
  // A key whose rollups are all gone keeps a row of zeros: it adds nothing to a report.
  const kept = await rows(`SELECT * FROM rollups_unit_daily WHERE max(count_1, count_2, count_3, count_4,
      count_5) > 0 ORDER BY day, item, unit_id, officer_id`);
  expect(kept).toEqual(sums);
  return kept;
}

describe("rollups_unit_daily", () => {
  it("sums the daily rollups of a unit's points as they are inserted and added to", async () => {
    await upsert("2026-03-01", p1.id, unitA.id, "TC1", [0, 0, 0, 1, 0]);
    await upsert("2026-03-01", p2.id, unitA.id, "TC1", [0, 0, 0, 0, 2]);
    await upsert("2026-03-01", p1.id, unitA.id, "TC1", [1, 0, 0, 0, 0]);
    await upsert("2026-03-01", p3.id, unitB.id, "TC1", [0, 1, 0, 0, 0], 7);
    await upsert("2026-03-02", p1.id, unitA.id, "#", [3, 0, 0, 0, 0]);
    await upsert("2026-03-02", p1.id, unitA.id, "E1", [1, 0, 0, 0, 0]);
    expect(await expectInStep()).toContain(`2026-03-01|TC1|${unitA.id}|0|1|0|0|1|2`);
  });

  it("follows a correction, a change of key and a deletion", async () => {
    await sql(`UPDATE rollups SET count_4 = count_4 - 1 WHERE day = '2026-03-01' AND point_id = ${p1.id}`);
    await expectInStep();
    await sql(`UPDATE rollups SET unit_id = ${unitB.id} WHERE point_id = ${p2.id}`);
    await expectInStep();
    await sql(`UPDATE rollups SET item = 'E2' WHERE point_id = ${p2.id}`);
    await expectInStep();
    await sql("DELETE FROM rollups WHERE day = '2026-03-01'");
    expect(await expectInStep()).toEqual([`2026-03-02|#|${unitA.id}|0|3|0|0|0|0`]);
  });
});
