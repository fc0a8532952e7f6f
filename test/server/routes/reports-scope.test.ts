import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildFixture, get } from "../reports/fixture.js";

// Scope rules: a report sums and lists nothing outside the caller's unit subtree, with or without a filter.

const f = await buildFixture();
const PERIOD = "from=2026-02-01&to=2026-03-31";
const { stpAnalyst, stpAdmin, snvAnalyst, provinceAnalyst, staff } = f.users;

async function json(path: string, auth: Parameters<typeof get>[2]) {
  const res = await get(f.t, path, auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { rows: Record<string, unknown>[]; comments?: unknown[] };
}

async function errorOf(path: string, auth?: Parameters<typeof get>[2]) {
  const res = await get(f.t, path, auth);
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
}

const ENDPOINTS = [
  `/api/v1/reports/sipas?${PERIOD}`,
  `/api/v1/reports/items?${PERIOD}`,
  `/api/v1/reports/responses.csv?${PERIOD}`,
  `/api/v1/reports/comments?${PERIOD}`,
];

describe("who may read reports", () => {
  it.each(ENDPOINTS)("%s: 401 without credentials, 403 to staff (but their own comments)", async (path) => {
    expect(await errorOf(path)).toEqual([401, "UNAUTHENTICATED"]);
    if (path.includes("/comments")) {
      // Staff read the comments on their own service only: none here, as nobody was on duty.
      expect((await json(path, staff.auth)).comments).toEqual([]);
    } else {
      expect(await errorOf(path, staff.auth)).toEqual([403, "FORBIDDEN"]);
    }
  });

  it.each(ENDPOINTS)(
    "%s: 403 for a unit filter outside the caller's scope, its parent included",
    async (path) => {
      expect(await errorOf(`${path}&unit=SNV`, stpAnalyst.auth)).toEqual([403, "FORBIDDEN"]);
      expect(await errorOf(`${path}&unit=H35`, stpAnalyst.auth)).toEqual([403, "FORBIDDEN"]);
      expect(await errorOf(`${path}&unit=STP`, snvAnalyst.auth)).toEqual([403, "FORBIDDEN"]);
      expect(await errorOf(`${path}&unit=SNV`, stpAdmin.auth)).toEqual([403, "FORBIDDEN"]);
    },
  );
});

describe("what a scoped caller sees", () => {
  it("without a filter, only the units of the caller's subtree", async () => {
    const body = await json(`/api/v1/reports/sipas?${PERIOD}&by=unit`, stpAnalyst.auth);
    expect(body.rows.map((row) => [row.unit_code, row.respondents, row.sipas_index])).toEqual([
      ["STP", 5, 65],
      ["HCTP", 2, 75],
    ]);
    // An admin scoped to a unit is held to the same subtree.
    expect((await json(`/api/v1/reports/sipas?${PERIOD}&by=unit`, stpAdmin.auth)).rows).toEqual(body.rows);
    const province = await json(`/api/v1/reports/sipas?${PERIOD}&by=unit`, provinceAnalyst.auth);
    expect(province.rows.map((row) => row.unit_code)).toEqual(["H35", "STP", "HCTP", "SNV"]);
  });

  it("with a filter inside the scope, that unit's subtree", async () => {
    const body = await json(`/api/v1/reports/sipas?${PERIOD}&by=unit&unit=HCTP`, stpAnalyst.auth);
    expect(body.rows.map((row) => [row.unit_code, row.respondents])).toEqual([["HCTP", 2]]);
  });

  it("sums months, days and services over the subtree only", async () => {
    // STP's subtree: February R1 R2 R3 R4, March R5 R6 R7 (R8 is SNV's).
    const months = await json(`/api/v1/reports/sipas?${PERIOD}&by=month`, stpAnalyst.auth);
    expect(months.rows.map((row) => [row.month, row.respondents])).toEqual([
      ["2026-02", 4],
      ["2026-03", 3],
    ]);
    const snvServices = await json(`/api/v1/reports/sipas?${PERIOD}&by=service`, snvAnalyst.auth);
    expect(snvServices.rows.map((row) => [row.service_code, row.respondents])).toEqual([[null, 1]]);
    const snvPoints = await json(`/api/v1/reports/items?${PERIOD}&by=point`, snvAnalyst.auth);
    expect(snvPoints.rows.map((row) => [row.point_code, row.item, row.n])).toEqual([
      [f.points.P4.code, "TC1", 1],
    ]);
    const day = await json(`/api/v1/reports/sipas?from=2026-03-05&to=2026-03-05&by=day`, stpAnalyst.auth);
    expect(day.rows.map((row) => row.respondents)).toEqual([0]);
  });

  it("exports the subtree's responses and comments only", async () => {
    const csv = await (await get(f.t, `/api/v1/reports/responses.csv?${PERIOD}`, stpAnalyst.auth)).text();
    const names = Object.fromEntries(Object.entries(f.ids).map(([name, id]) => [id, name]));
    const [, ...rows] = parse(csv) as string[][];
    expect(rows.map((row) => names[row[0]!]).sort()).toEqual(["R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
    const comments = (await (
      await get(f.t, `/api/v1/reports/comments?${PERIOD}`, snvAnalyst.auth)
    ).json()) as {
      comments: unknown[];
    };
    expect(comments.comments).toEqual([]);
  });
});
