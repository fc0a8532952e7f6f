import { beforeAll, describe, expect, it } from "vitest";
import { type Credentials, createTestApp, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../../helpers/factories.js";
import { workbook } from "../entry/xlsx-fixture.js";

// Served counts (PUT /api/v1/points/:code/served/:day and POST /api/v1/served/import) and the response
// rate they give every grouping where they add up, on a fixture computed by hand:
//
//   point  unit    answers (day: respondents)        served (day: count)
//   A1     H35.A   03-10: 2, 03-11: 1                  03-10: 8, 03-11: 4
//   A2     H35.A   03-10: 1                            (none)
//   B      H35.B   02-20: 1                            02-20: 10, 03-12: 5

let t: TestApp;
let staff: Credentials;
let analyst: Credentials;
let outsider: Credentials;
const P: Record<string, { code: string }> = {};

const sipas = async (by: string, query = "from=2026-02-01&to=2026-03-31&unit=H35") =>
  (await (await t.request("GET", `/api/v1/reports/sipas?${query}&by=${by}`, { auth: analyst })).json())
    .rows as Array<Record<string, unknown>>;
const pick = (rows: Array<Record<string, unknown>>, key: string) =>
  Object.fromEntries(rows.map((row) => [row[key], [row.respondents, row.served, row.response_rate]]));

let form = 0;
async function answer(point: string, day: string) {
  const res = await t.request("POST", "/api/v1/responses/entered", {
    auth: staff,
    body: { point: P[point]!.code, formNumber: ++form, day, answers: { TC1: 5 } },
  });
  expect(res.status).toBe(201);
}

const importServed = (body: string | Uint8Array, type = "text/csv", dryRun = false, auth = staff) =>
  t.app.request(`/api/v1/served/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${(auth as { token: string }).token}`, "content-type": type },
    body: body as BodyInit,
  });

beforeAll(async () => {
  t = await createTestApp();
  await makeUnit(t, { code: "H35" });
  await makeUnit(t, { code: "H35.A", parent: "H35" });
  await makeUnit(t, { code: "H35.B", parent: "H35" });
  await makeUnit(t, { code: "H36" });
  P.A1 = await makePoint(t, { unit: "H35.A", label: "Quầy 1" });
  P.A2 = await makePoint(t, { unit: "H35.A", label: "Quầy 2" });
  P.B = await makePoint(t, { unit: "H35.B", label: "Quầy B" });
  staff = (await makeUser(t, { role: "staff", unit: "H35" })).auth;
  analyst = (await makeUser(t, { role: "analyst", unit: "H35" })).auth;
  outsider = (await makeUser(t, { role: "staff", unit: "H36" })).auth;
  await answer("A1", "2026-03-10");
  await answer("A1", "2026-03-10");
  await answer("A1", "2026-03-11");
  await answer("A2", "2026-03-10");
  await answer("B", "2026-02-20");
});

describe("served counts", () => {
  it("sets a day's count with PUT, replacing an earlier one, audited", async () => {
    const put = (day: string, count: unknown, auth = staff) =>
      t.request("PUT", `/api/v1/points/${P.A1!.code}/served/${day}`, { auth, body: { count } });
    expect((await put("2026-03-10", 80)).status).toBe(200);
    const res = await put("2026-03-10", 8);
    expect(await res.json()).toEqual({ point: P.A1!.code, day: "2026-03-10", count: 8 });
    expect((await put("2026-03-11", 4)).status).toBe(200);
    expect((await put("2026-03-16", 4)).status).toBe(400);
    expect((await put("2026-02-30", 4)).status).toBe(400);
    expect((await put("2026-03-11", -1)).status).toBe(400);
    expect((await put("2026-03-11", 1.5)).status).toBe(400);
    expect((await put("2026-03-11", 4, outsider)).status).toBe(403);
    const audit = await t.client.execute("SELECT count(*) FROM audit_log WHERE entity = 'served'");
    expect(Number(audit.rows[0]![0])).toBe(3);
  });

  it("imports day, point, served from CSV or XLSX, all rows or none, with a dry run", async () => {
    const bad = `day,point,served\r\n2026-02-20,${P.B!.code},10\r\n2026-02-21,NOPE22,3\r\n2026-02-22,${P.B!.code},x`;
    const refused = await importServed(bad);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.issues.map((i: { row: number }) => i.row)).toEqual([3, 4]);
    const dry = await importServed(`day,point,served\r\n2026-02-20,${P.B!.code},10`, "text/csv", true);
    expect(await dry.json()).toEqual({ rows: 1, dryRun: true });
    expect(Number((await t.client.execute("SELECT count(*) FROM served_counts")).rows[0]![0])).toBe(2);
    const file = workbook([
      ["day", "point", "served"],
      ["20/02/2026", P.B!.code, 10],
      [46093, P.B!.code.toLowerCase(), 5],
    ]);
    const res = await importServed(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 2, dryRun: false });
    const outside = await importServed(
      `day,point,served\r\n2026-02-20,${P.B!.code},10`,
      "text/csv",
      false,
      outsider,
    );
    expect(outside.status).toBe(403);
  });

  it("gives served and response_rate by unit (each unit's own points)", async () => {
    const rows = pick(await sipas("unit"), "unit_code");
    expect(rows).toEqual({
      H35: [0, null, null],
      "H35.A": [4, 12, 4 / 12],
      "H35.B": [1, 15, 1 / 15],
    });
  });

  it("by point: a point without counts has none", async () => {
    const rows = pick(await sipas("point"), "point_code");
    expect(rows).toEqual({
      [P.A1!.code]: [3, 12, 3 / 12],
      [P.A2!.code]: [1, null, null],
      [P.B!.code]: [1, 15, 1 / 15],
    });
  });

  it("by month, by day and in total", async () => {
    expect(pick(await sipas("month"), "month")).toEqual({
      "2026-02": [1, 10, 0.1],
      "2026-03": [4, 17, 4 / 17],
    });
    const days = pick(await sipas("day"), "day");
    expect(days["2026-02-20"]).toEqual([1, 10, 0.1]);
    expect(days["2026-03-10"]).toEqual([3, 8, 3 / 8]);
    expect(days["2026-03-11"]).toEqual([1, 4, 0.25]);
    expect(days["2026-03-12"]).toEqual([0, 5, 0]);
    expect(days["2026-03-13"]).toEqual([0, null, null]);
    expect(pick(await sipas("total"), "period_from")).toEqual({ "2026-02-01": [5, 27, 5 / 27] });
    // A period that leaves out 20 February leaves out its count too.
    const march = await sipas("total", "from=2026-03-01&to=2026-03-31&unit=H35.A");
    expect([march[0]!.respondents, march[0]!.served, march[0]!.response_rate]).toEqual([4, 12, 4 / 12]);
  });

  it("leaves served out of groupings where counts do not add up (service, unit and service, channel)", async () => {
    for (const by of ["service", "unit,service", "channel"]) {
      for (const row of await sipas(by)) expect(row).not.toHaveProperty("served");
    }
    const csv = await t.request(
      "GET",
      "/api/v1/reports/sipas?from=2026-02-01&to=2026-03-31&by=month&format=csv",
      {
        auth: analyst,
      },
    );
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toMatch(/,small_sample,served,response_rate$/);
    expect(lines[1]).toMatch(/,true,10,0\.10$/);
  });
});
