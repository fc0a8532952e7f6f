import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { officerRows } from "../../../server/reports/officer-report.js";
import { type Credentials, createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../../helpers/factories.js";
import { reportResponseSchema } from "../../helpers/report-rows.js";

// Reports by officer (issue 16): rows, order, the minimum sample at 9/10 respondents, and who sees what.
//
//  officer   unit   counter   responses (all on 2026-03-10)               index
//  an        STP    P1        10 × (TC1 5, CC1 4)                         100 (≥ 10: shown)
//  binh      HCTP   P2        9 × (TC1 2, CC1 2), one comment             withheld (9 < 10)
//  –         STP    P1        2 × (TC1 3), with no one on duty            no-officer row, last
//  chi       SNV    P3        1 × (TC1 5)                                 outside the STP subtree

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "HCTP", parent: "STP" });
await makeUnit(t, { code: "SNV", parent: "H35" });
const P1 = await makePoint(t, { unit: "STP", label: "Quầy 1" });
const P2 = await makePoint(t, { unit: "HCTP", label: "Quầy 2" });
const P3 = await makePoint(t, { unit: "SNV", label: "Quầy 3" });
const an = await makeUser(t, { role: "staff", unit: "STP", username: "an" });
const binh = await makeUser(t, { role: "staff", unit: "HCTP", username: "binh" });
const chi = await makeUser(t, { role: "staff", unit: "SNV", username: "chi" });
const stpAnalyst = await makeUser(t, { role: "analyst", unit: "STP" });
const snvAnalyst = await makeUser(t, { role: "analyst", unit: "SNV" });
const admin = await makeUser(t, { role: "admin" });
t.clock.set(Date.parse("2026-03-10T03:00:00Z"));

async function shift(point: { code: string }, auth: Credentials, name?: string) {
  const res = await t.request("POST", `/api/v1/points/${point.code}/shift`, {
    auth,
    body: name ? { name } : undefined,
  });
  expect(res.status).toBe(200);
}
async function send(point: { code: string }, answers: Record<string, number>, comment?: string) {
  const res = await t.request("POST", "/api/v1/responses", {
    body: { id: crypto.randomUUID(), point: point.code, lang: "vi", answers, comment },
  });
  expect(res.status).toBe(201);
}
for (let i = 0; i < 2; i++) await send(P1, { TC1: 3 });
await shift(P1, an.auth, "Trần An");
for (let i = 0; i < 10; i++) await send(P1, { TC1: 5, CC1: 4 });
await shift(P2, binh.auth);
for (let i = 0; i < 8; i++) await send(P2, { TC1: 2, CC1: 2 });
await send(P2, { TC1: 2, CC1: 2 }, "Chờ hơi lâu");
await shift(P3, chi.auth);
await send(P3, { TC1: 5 }, "Rất tốt");

const PERIOD = "from=2026-03-01&to=2026-03-31";

async function rows(path: string, auth: Credentials) {
  const res = await t.request("GET", path, { auth });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { by: string; rows: Array<Record<string, unknown>> };
}

describe("GET /api/v1/reports/sipas?by=officer", () => {
  it("one row per officer of the subtree, then the responses without an officer, last", async () => {
    const body = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer`, stpAnalyst.auth);
    expect(reportResponseSchema("sipas", "officer").safeParse(body).success).toBe(true);
    expect(
      body.rows.map((r) => [r.officer_username, r.officer_name, r.unit_code, r.respondents, r.sipas_index]),
    ).toEqual([
      ["an", "Trần An", "STP", 10, 100],
      ["binh", "binh", "HCTP", 9, null],
      [null, null, null, 2, 0],
    ]);
  });

  it("at 9 respondents shows the count and no figure; at 10 every figure", async () => {
    const body = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer`, admin.auth);
    const binhRow = body.rows.find((r) => r.officer_username === "binh")!;
    expect(binhRow.respondents).toBe(9);
    for (const column of [
      "sipas_index",
      "TC_index",
      "CC_index",
      "TC_mean",
      "CC_mean",
      "TT_index",
      "PA_mean",
    ]) {
      expect(binhRow[column], column).toBeNull();
    }
    const anRow = body.rows.find((r) => r.officer_username === "an")!;
    expect([anRow.sipas_index, anRow.TC_index, anRow.CC_mean]).toEqual([100, 100, 4]);
    // One more response makes Bình's row count.
    await shift(P2, binh.auth);
    await send(P2, { TC1: 4, CC1: 4 });
    const after = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer`, admin.auth);
    const ten = after.rows.find((r) => r.officer_username === "binh")!;
    expect([ten.respondents, ten.TC_index, ten.CC_index, ten.sipas_index]).toEqual([10, 10, 10, 10]);
  });

  it("a lower or higher minimum comes from the configuration", async () => {
    const strict = await createTestApp({ config: { officerMinResponses: 11 } });
    await makeUnit(strict, { code: "X" });
    const point = await makePoint(strict, { unit: "X" });
    const officer = await makeUser(strict, { role: "staff", unit: "X" });
    await strict.request("POST", `/api/v1/points/${point.code}/shift`, { auth: officer.auth });
    for (let i = 0; i < 10; i++) {
      await strict.request("POST", "/api/v1/responses", {
        body: { id: crypto.randomUUID(), point: point.code, lang: "vi", answers: { TC1: 5 } },
      });
    }
    const res = await strict.request(
      "GET",
      `/api/v1/reports/sipas?from=2026-03-01&to=2026-03-31&by=officer`,
      {
        auth: officer.auth,
      },
    );
    const [row] = ((await res.json()) as { rows: Array<Record<string, unknown>> }).rows;
    expect([row?.respondents, row?.sipas_index]).toEqual([10, null]);
  });

  it("CSV: the group columns, empty cells for withheld figures and for the no-officer group", async () => {
    const csv = await (
      await t.request("GET", `/api/v1/reports/sipas?${PERIOD}&by=officer&format=csv`, {
        auth: stpAnalyst.auth,
      })
    ).text();
    const table = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(table[0]!).slice(2, 5)).toEqual(["officer_username", "officer_name", "unit_code"]);
    expect(table.map((r) => [r.officer_username, r.unit_code, r.respondents, r.sipas_index])).toEqual([
      ["an", "STP", "10", "100.00"],
      ["binh", "HCTP", "10", "10.00"],
      ["", "", "2", "0.00"],
    ]);
  });

  it("items by officer: n stays, counts and figures are withheld below the minimum", async () => {
    const body = await rows(`/api/v1/reports/items?${PERIOD}&by=officer`, snvAnalyst.auth);
    expect(reportResponseSchema("items", "officer").safeParse(body).success).toBe(true);
    expect(body.rows).toEqual([
      expect.objectContaining({
        officer_username: "chi",
        item: "TC1",
        n: 1,
        count_5: null,
        index: null,
        mean: null,
      }),
    ]);
  });
});

describe("who sees which officer", () => {
  it("analysts see the officers of their subtree only", async () => {
    const body = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer`, snvAnalyst.auth);
    expect(body.rows.map((r) => [r.officer_username, r.respondents])).toEqual([["chi", 1]]);
    const scoped = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer&unit=HCTP`, stpAnalyst.auth);
    expect(scoped.rows.map((r) => r.officer_username)).toEqual(["binh"]);
  });

  it("a staff user reads their own row only, their trend and total, and nothing by unit", async () => {
    const own = await rows(`/api/v1/reports/sipas?${PERIOD}&by=officer`, an.auth);
    expect(own.rows.map((r) => [r.officer_username, r.respondents, r.sipas_index])).toEqual([
      ["an", 10, 100],
    ]);
    const month = await rows(`/api/v1/reports/sipas?${PERIOD}&by=month`, an.auth);
    expect(month.rows.map((r) => [r.month, r.respondents])).toEqual([["2026-03", 10]]);
    const total = await rows(`/api/v1/reports/items?${PERIOD}&by=total`, an.auth);
    expect(total.rows.map((r) => [r.item, r.n])).toEqual([
      ["TC1", 10],
      ["CC1", 10],
    ]);
    for (const by of ["unit", "point", "service", "day", "unit,service"]) {
      const res = await t.request("GET", `/api/v1/reports/sipas?${PERIOD}&by=${encodeURIComponent(by)}`, {
        auth: an.auth,
      });
      expect(res.status, by).toBe(403);
    }
    const raw = await t.request("GET", `/api/v1/reports/responses.csv?${PERIOD}`, { auth: an.auth });
    expect(raw.status).toBe(403);
  });

  it("a staff user's own figures follow the minimum too, month by month", async () => {
    const own = await rows(`/api/v1/reports/sipas?${PERIOD}&by=total`, chi.auth);
    expect([own.rows[0]?.respondents, own.rows[0]?.sipas_index]).toEqual([1, null]);
  });

  it("a staff user reads the comments on their own service only", async () => {
    const res = await t.request("GET", `/api/v1/reports/comments?${PERIOD}`, { auth: binh.auth });
    const { comments } = (await res.json()) as { comments: Array<{ comment: string }> };
    expect(comments.map((c) => c.comment)).toEqual(["Chờ hơi lâu"]);
    const none = await t.request("GET", `/api/v1/reports/comments?${PERIOD}`, { auth: an.auth });
    expect(((await none.json()) as { comments: unknown[] }).comments).toEqual([]);
    const analyst = await t.request("GET", `/api/v1/reports/comments?${PERIOD}`, { auth: admin.auth });
    expect(((await analyst.json()) as { comments: unknown[] }).comments).toHaveLength(2);
  });

  it("officerRows gives the pack's rows with the caller's rights", async () => {
    const period = { from: "2026-03-01", to: "2026-03-31" };
    const anUser = await t.client.execute("SELECT id FROM users WHERE username = 'an'");
    const stpUnit = await t.client.execute("SELECT id, path FROM units WHERE code = 'STP'");
    const staffCaller = {
      id: Number(anUser.rows[0]!.id),
      username: "an",
      role: "staff" as const,
      unitId: Number(stpUnit.rows[0]!.id),
      unitCode: "STP",
      scopePath: String(stpUnit.rows[0]!.path),
      via: "token" as const,
    };
    const own = await officerRows(t.db, staffCaller, { period, minimum: 10 });
    expect(own.map((r) => r.officer_username)).toEqual(["an"]);
    const all = await officerRows(t.db, { ...staffCaller, id: 0, role: "analyst" }, { period, minimum: 10 });
    expect(all.map((r) => r.officer_username)).toEqual(["an", "binh", null]);
  });
});

describe("GET /api/v1/reports/responses.csv", () => {
  it("has an officer_username column, empty for responses without an officer", async () => {
    const res = await t.request("GET", `/api/v1/reports/responses.csv?${PERIOD}`, { auth: admin.auth });
    const table = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Array<
      Record<string, string>
    >;
    const counts: Record<string, number> = {};
    for (const row of table)
      counts[row.officer_username ?? "?"] = (counts[row.officer_username ?? "?"] ?? 0) + 1;
    expect(counts).toEqual({ "": 2, an: 10, binh: 10, chi: 1 });
  });
});
