import { describe, expect, it } from "vitest";
import { REPORT_GROUPINGS, reportColumns } from "../../../shared/contract/reports.js";
import { reportResponseSchema } from "../../helpers/report-rows.js";
import {
  expectCsvEqualsJson,
  expectRows,
  expectXlsxEqualsJson,
  figures,
  NO_DATA,
  withoutServed,
} from "../reports/expect-rows.js";
import { buildFixture, get, HOSTILE } from "../reports/fixture.js";

// Every expected figure below is worked out by hand from the fixture's table (test/server/reports/fixture.ts),
// by the rule of SIPAS.md §3: item index = answers of 4–5 ÷ valid answers × 100; element = mean of its items
// with answers (quick items included); SIPAS = mean of the elements with data; means likewise.

const f = await buildFixture();
const { admin } = f.users;
const PERIOD = "from=2026-02-01&to=2026-03-31";
const period = { period_from: "2026-02-01", period_to: "2026-03-31" };

async function report(kind: "sipas" | "items", query: string) {
  const res = await get(f.t, `/api/v1/reports/${kind}?${query}`, admin.auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { from: string; to: string; by: string; rows: Record<string, unknown>[] };
}

// STP (points P1 full and P2 quick): R1 R2 R3 R5 R6.
//   TC1 5,2,3 → 1/3 = 33.33 (mean 10/3) · TC2 4 → 100 (4) · TC 4,5 → 100 (4.5): TC = (33.33+100+100)/3 = 77.78
//   TT1 3,4 → 50 (3.5) · TT 5 → 100 (5): TT = 75 · CC1 2,5,4 → 66.67 (11/3) · CC2 4 → 100 · CC 3,5 → 50 (4):
//   CC = 72.22 · KQ1 4, KQ 5 → KQ = 100 (means 4, 5) · PA1 1, PA 2 → PA = 0 (means 1, 2)
//   SIPAS = (77.78 + 75 + 72.22 + 100 + 0) / 5 = 65
const STP = figures(
  5,
  [65, (100 / 3 + 100 + 100) / 3, 75, (200 / 3 + 100 + 50) / 3, 100, 0],
  [(10 / 3 + 4 + 4.5) / 3, (3.5 + 5) / 2, (11 / 3 + 4 + 4) / 3, (4 + 5) / 2, (1 + 2) / 2],
);
// HCTP (P3, service 1.001193 fixed): R4 R7. TC1 4,1 → 50 (2.5) · TC2 4,5 → 100 (4.5): TC 75 · TT1 5 → 100 ·
//   CC1 4 → 100 · KQ1 3 → 0 · PA1 5 → 100. SIPAS = (75 + 100 + 100 + 0 + 100) / 5 = 75
const HCTP = figures(2, [75, 75, 100, 100, 0, 100], [(2.5 + 4.5) / 2, 5, 4, 3, 5]);
// SNV (P4): R8, TC1 5 only. SIPAS = TC = 100.
const SNV = figures(1, [100, 100, null, null, null, null], [5, null, null, null, null]);

describe("GET /api/v1/reports/sipas", () => {
  it("by unit: one row per unit of the scope in tree order, each counting its own points only", async () => {
    const body = await report("sipas", `${PERIOD}&by=unit`);
    expect(reportResponseSchema("sipas", "unit").safeParse(body).success).toBe(true);
    expect([body.from, body.to, body.by]).toEqual(["2026-02-01", "2026-03-31", "unit"]);
    expectRows(withoutServed(body.rows), [
      // The province has no points of its own: listed, with nothing to show.
      { ...period, unit_code: "H35", unit_name: "UBND tỉnh Lạng Sơn", ...NO_DATA },
      { ...period, unit_code: "STP", unit_name: "Sở Tư pháp", ...STP },
      { ...period, unit_code: "HCTP", unit_name: HOSTILE.hctpName, ...HCTP },
      { ...period, unit_code: "SNV", unit_name: HOSTILE.snvName, ...SNV },
    ]);
  });

  it("by month: the 23:30 response of 28 February is February's, the 00:15 one of 1 March is March's", async () => {
    const body = await report("sipas", `${PERIOD}&by=month`);
    expectRows(withoutServed(body.rows), [
      // R1 R2 R3 R4. TC1 5,2,4 → 66.67 (11/3) · TC2 4,4 → 100 · TC 4 → 100: TC 88.89 · TT1 3,5 → 50 (4) ·
      // TT 5 → 100: TT 75 · CC1 2,5 → 50 (3.5) · CC2 4 → 100 · CC 3 → 0: CC 50 · KQ1 4,3 → 50 (3.5) ·
      // KQ 5 → 100: KQ 75 · PA1 1,5 → 50 (3). SIPAS = (88.89 + 75 + 50 + 75 + 50) / 5 = 67.78
      {
        ...period,
        month: "2026-02",
        ...figures(
          4,
          [(800 / 9 + 75 + 50 + 75 + 50) / 5, (200 / 3 + 100 + 100) / 3, 75, 50, 75, 50],
          [(11 / 3 + 4 + 4) / 3, (4 + 5) / 2, (3.5 + 4 + 3) / 3, (3.5 + 5) / 2, 3],
        ),
      },
      // R5 R6 R7 R8. TC1 3,1,5 → 33.33 (3) · TC2 5 → 100 · TC 5 → 100: TC 77.78 · TT1 4 → 100 ·
      // CC1 4,4 → 100 · CC 5 → 100 · PA 2 → 0; no KQ answer. SIPAS = (77.78 + 100 + 100 + 0) / 4 = 69.44
      {
        ...period,
        month: "2026-03",
        ...figures(
          4,
          [(700 / 9 + 100 + 100 + 0) / 4, (100 / 3 + 100 + 100) / 3, 100, 100, null, 0],
          [(3 + 5 + 5) / 3, 4, (4 + 5) / 2, null, 2],
        ),
      },
    ]);
  });

  it("by service: responses without a service form their own group, last", async () => {
    const body = await report("sipas", `${PERIOD}&by=service`);
    expectRows(body.rows, [
      // R1 R4 R5 R6 R7. TC1 5,4,3,1 → 50 (13/4) · TC2 4,4,5 → 100 (13/3) · TC 5 → 100: TC 83.33 ·
      // TT1 3,5,4 → 66.67 (4) · CC1 2,4,4 → 66.67 (10/3) · CC 5 → 100: CC 83.33 · KQ1 3 → 0 ·
      // PA1 5 → 100 · PA 2 → 0: PA 50. SIPAS = (83.33 + 66.67 + 83.33 + 0 + 50) / 5 = 56.67
      {
        ...period,
        service_code: "1.001193",
        service_name: "Đăng ký khai sinh",
        ...figures(
          5,
          [(250 / 3 + 200 / 3 + 250 / 3 + 0 + 50) / 5, 250 / 3, 200 / 3, 250 / 3, 0, 50],
          [(13 / 4 + 13 / 3 + 5) / 3, 4, (10 / 3 + 5) / 2, 3, (5 + 2) / 2],
        ),
      },
      // R2: TC1 2 → 0 · CC1 5, CC2 4 → 100 · KQ1 4 → 100 · PA1 1 → 0. SIPAS = (0 + 100 + 100 + 0) / 4 = 50
      {
        ...period,
        service_code: "2.000488",
        service_name: HOSTILE.s2Name,
        ...figures(1, [50, 0, null, 100, 100, 0], [2, null, 4.5, 4, 1]),
      },
      // R3 (quick) and R8: TC1 5, TC 4 → 100 (4.5) · TT 5 → 100 · CC 3 → 0 · KQ 5 → 100. SIPAS = 75
      {
        ...period,
        service_code: null,
        service_name: null,
        ...figures(2, [75, 100, 100, 0, 100, null], [4.5, 5, 3, 5, null]),
      },
    ]);
  });

  it("by point: active points of the scope by unit and label, archived ones only with responses", async () => {
    const body = await report("sipas", `${PERIOD}&by=point`);
    const { P1, P2, P3, P4, P5 } = f.points;
    expectRows(withoutServed(body.rows), [
      // P2 (quick): R3 R6. TC 4,5 → 100 · TT 5 → 100 · CC 3,5 → 50 · KQ 5 → 100 · PA 2 → 0. SIPAS = 70
      {
        ...period,
        point_code: P2.code,
        point_label: HOSTILE.p2Label,
        unit_code: "STP",
        ...figures(2, [70, 100, 100, 50, 100, 0], [4.5, 5, 4, 5, 2]),
      },
      // P1: R1 R2 R5. TC (33.33 + 100) / 2 · TT1 50 · CC (66.67 + 100) / 2 · KQ1 100 · PA1 0.
      // SIPAS = (66.67 + 50 + 83.33 + 100 + 0) / 5 = 60
      {
        ...period,
        point_code: P1.code,
        point_label: "Quầy số 1",
        unit_code: "STP",
        ...figures(
          3,
          [60, (100 / 3 + 100) / 2, 50, (200 / 3 + 100) / 2, 100, 0],
          [(10 / 3 + 4) / 2, 3.5, (11 / 3 + 4) / 2, 4, 1],
        ),
      },
      { ...period, point_code: P5.code, point_label: "Quầy trống", unit_code: "STP", ...NO_DATA },
      { ...period, point_code: P3.code, point_label: "Quầy số 3", unit_code: "HCTP", ...HCTP },
      { ...period, point_code: P4.code, point_label: HOSTILE.p4Label, unit_code: "SNV", ...SNV },
    ]);
  });

  it("by day: every day of the period, a response on the day it was given in Hanoi", async () => {
    const body = await report("sipas", `${PERIOD}&by=day`);
    expect(body.rows).toHaveLength(28 + 31);
    const withData: Record<string, ReturnType<typeof figures>> = {
      // R1: TC1 5, TC2 4 → 100 (4.5) · TT1 3 → 0 · CC1 2 → 0. SIPAS = 100 / 3
      "2026-02-10": figures(1, [100 / 3, 100, 0, 0, null, null], [4.5, 3, 2, null, null]),
      // R4: TC 100 (4) · TT 100 · KQ1 3 → 0 · PA 100. SIPAS = 300 / 4
      "2026-02-15": figures(1, [75, 100, 100, null, 0, 100], [4, 5, null, 3, 5]),
      // R3 (quick): TC 4, TT 5, CC 3, KQ 5. SIPAS = (100 + 100 + 0 + 100) / 4
      "2026-02-20": figures(1, [75, 100, 100, 0, 100, null], [4, 5, 3, 5, null]),
      // R2 at 23:30 on the last day of February: TC 0 · CC 100 · KQ 100 · PA 0. SIPAS = 50
      "2026-02-28": figures(1, [50, 0, null, 100, 100, 0], [2, null, 4.5, 4, 1]),
      // R5 at 00:15 on 1 March (17:15Z on 28 February): TC1 3 → 0 · TT1 4 → 100 · CC1 4 → 100
      "2026-03-01": figures(1, [200 / 3, 0, 100, 100, null, null], [3, 4, 4, null, null]),
      "2026-03-05": SNV,
      // R6 (quick): TC 5 → 100 · CC 5 → 100 · PA 2 → 0
      "2026-03-10": figures(1, [200 / 3, 100, null, 100, null, 0], [5, null, 5, null, 2]),
      // R7: TC1 1 → 0, TC2 5 → 100: TC 50 (3) · CC1 4 → 100. SIPAS = 75
      "2026-03-14": figures(1, [75, 50, null, 100, null, null], [3, null, 4, null, null]),
    };
    const days = body.rows.map((row) => row.day as string);
    expect(days[0]).toBe("2026-02-01");
    expect(days.at(-1)).toBe("2026-03-31");
    expectRows(
      withoutServed(body.rows),
      days.map((day) => ({ ...period, day, ...(withData[day] ?? NO_DATA) })),
    );
  });

  it("by unit and service: each unit's services with responses, no service last", async () => {
    const body = await report("sipas", `${PERIOD}&by=unit,service`);
    const s2 = { service_code: "2.000488", service_name: HOSTILE.s2Name };
    expectRows(body.rows, [
      // STP with 1.001193: R1 R5 R6. TC1 5,3 → 50 (4) · TC2 4 → 100 · TC 5 → 100: TC 83.33 · TT1 3,4 → 50 ·
      // CC1 2,4 → 50 (3) · CC 5 → 100: CC 75 · PA 2 → 0. SIPAS = (83.33 + 50 + 75 + 0) / 4 = 52.08
      {
        ...period,
        unit_code: "STP",
        unit_name: "Sở Tư pháp",
        service_code: "1.001193",
        service_name: "Đăng ký khai sinh",
        ...figures(3, [(250 / 3 + 50 + 75 + 0) / 4, 250 / 3, 50, 75, null, 0], [13 / 3, 3.5, 4, null, 2]),
      },
      {
        ...period,
        unit_code: "STP",
        unit_name: "Sở Tư pháp",
        ...s2,
        ...figures(1, [50, 0, null, 100, 100, 0], [2, null, 4.5, 4, 1]),
      },
      {
        ...period,
        unit_code: "STP",
        unit_name: "Sở Tư pháp",
        service_code: null,
        service_name: null,
        ...figures(1, [75, 100, 100, 0, 100, null], [4, 5, 3, 5, null]),
      },
      {
        ...period,
        unit_code: "HCTP",
        unit_name: HOSTILE.hctpName,
        service_code: "1.001193",
        service_name: "Đăng ký khai sinh",
        ...HCTP,
      },
      {
        ...period,
        unit_code: "SNV",
        unit_name: HOSTILE.snvName,
        service_code: null,
        service_name: null,
        ...SNV,
      },
    ]);
  });

  it("reads days at the period's ends and whole months in between alike", async () => {
    // 15 February – 10 March: days only. February: R2 R3 R4 → TC (50 + 100 + 100) / 3 · TT 100 ·
    // CC (100 + 100 + 0) / 3 · KQ (50 + 100) / 2 · PA1 1,5 → 50. SIPAS = (83.33 + 100 + 66.67 + 75 + 50) / 5 = 75.
    // March 1–10: R5 R8 R6 → TC (50 + 100) / 2 · TT 100 · CC 100 · PA 0. SIPAS = (75 + 100 + 100 + 0) / 4.
    const partial = await report("sipas", "from=2026-02-15&to=2026-03-10&by=month");
    expect(partial.rows.map((row) => [row.month, row.respondents])).toEqual([
      ["2026-02", 3],
      ["2026-03", 3],
    ]);
    expect(partial.rows[0]?.sipas_index).toBeCloseTo(75, 9);
    expect(partial.rows[1]?.sipas_index).toBeCloseTo(68.75, 9);
    // 15 February – 31 March: February's days from the daily rows, March whole from the monthly ones.
    const mixed = await report("sipas", "from=2026-02-15&to=2026-03-31&by=month");
    expect(mixed.rows.map((row) => [row.month, row.respondents])).toEqual([
      ["2026-02", 3],
      ["2026-03", 4],
    ]);
    expect(mixed.rows[0]?.sipas_index).toBeCloseTo(75, 9);
    expect(mixed.rows[1]?.sipas_index).toBeCloseTo((700 / 9 + 200) / 4, 9);
  });

  it("takes a preset period", async () => {
    const body = await report("sipas", "preset=quarter&year=2026&quarter=1&by=unit");
    expect([body.from, body.to]).toEqual(["2026-01-01", "2026-03-31"]);
    expect(body.rows.map((row) => row.respondents)).toEqual([0, 5, 2, 1]);
  });

  it("flags 30 respondents or more as no small sample", async () => {
    const { P5 } = f.points;
    for (let i = 0; i < 30; i++) {
      f.t.clock.set(Date.UTC(2026, 3, 2, 3, i));
      const res = await f.t.request("POST", "/api/v1/responses", {
        body: { id: crypto.randomUUID(), point: P5.code, lang: "vi", answers: { TC1: i < 20 ? 4 : 2 } },
      });
      expect(res.status).toBe(201);
    }
    const body = await report("sipas", "from=2026-04-01&to=2026-04-30&by=point");
    const row = body.rows.find((r) => r.point_code === P5.code);
    // TC1: 20 of 30 answers are 4 → 66.67; mean (20 × 4 + 10 × 2) / 30 = 3.33
    expect(row).toMatchObject({ respondents: 30, small_sample: false });
    expect(row?.sipas_index).toBeCloseTo(200 / 3, 9);
    expect(row?.TC_mean).toBeCloseTo(100 / 30, 9);
    expect(body.rows.filter((r) => r.point_code !== P5.code).every((r) => r.small_sample === true)).toBe(
      true,
    );
  });
});

describe("GET /api/v1/reports/items", () => {
  const item = (element: string, code: string, counts: number[], index: number, mean: number) => {
    const [count_1, count_2, count_3, count_4, count_5] = counts;
    const n = counts.reduce((a, b) => a + b, 0);
    return { element, item: code, n, count_1, count_2, count_3, count_4, count_5, index, mean };
  };

  it("by unit: one row per unit and answered item, full items then quick ones", async () => {
    const body = await report("items", `${PERIOD}&by=unit`);
    expect(reportResponseSchema("items", "unit").safeParse(body).success).toBe(true);
    const stp = { unit_code: "STP", unit_name: "Sở Tư pháp" };
    const hctp = { unit_code: "HCTP", unit_name: HOSTILE.hctpName };
    expectRows(body.rows, [
      { ...stp, ...item("TC", "TC1", [0, 1, 1, 0, 1], 100 / 3, 10 / 3) },
      { ...stp, ...item("TC", "TC2", [0, 0, 0, 1, 0], 100, 4) },
      { ...stp, ...item("TT", "TT1", [0, 0, 1, 1, 0], 50, 3.5) },
      { ...stp, ...item("CC", "CC1", [0, 1, 0, 1, 1], 200 / 3, 11 / 3) },
      { ...stp, ...item("CC", "CC2", [0, 0, 0, 1, 0], 100, 4) },
      { ...stp, ...item("KQ", "KQ1", [0, 0, 0, 1, 0], 100, 4) },
      { ...stp, ...item("PA", "PA1", [1, 0, 0, 0, 0], 0, 1) },
      { ...stp, ...item("TC", "TC", [0, 0, 0, 1, 1], 100, 4.5) },
      { ...stp, ...item("TT", "TT", [0, 0, 0, 0, 1], 100, 5) },
      { ...stp, ...item("CC", "CC", [0, 0, 1, 0, 1], 50, 4) },
      { ...stp, ...item("KQ", "KQ", [0, 0, 0, 0, 1], 100, 5) },
      { ...stp, ...item("PA", "PA", [0, 1, 0, 0, 0], 0, 2) },
      { ...hctp, ...item("TC", "TC1", [1, 0, 0, 1, 0], 50, 2.5) },
      { ...hctp, ...item("TC", "TC2", [0, 0, 0, 1, 1], 100, 4.5) },
      { ...hctp, ...item("TT", "TT1", [0, 0, 0, 0, 1], 100, 5) },
      { ...hctp, ...item("CC", "CC1", [0, 0, 0, 1, 0], 100, 4) },
      { ...hctp, ...item("KQ", "KQ1", [0, 0, 1, 0, 0], 0, 3) },
      { ...hctp, ...item("PA", "PA1", [0, 0, 0, 0, 1], 100, 5) },
      { unit_code: "SNV", unit_name: HOSTILE.snvName, ...item("TC", "TC1", [0, 0, 0, 0, 1], 100, 5) },
    ]);
  });

  it("by every other grouping, with the same group columns as /sipas", async () => {
    const rowsOf = async (by: string) => (await report("items", `${PERIOD}&by=${by}`)).rows;
    const pick = (rows: Record<string, unknown>[], match: Record<string, unknown>) =>
      rows.filter((row) => Object.entries(match).every(([key, value]) => row[key] === value));
    // February's TC1: R1 5, R2 2, R4 4.
    expectRows(pick(await rowsOf("month"), { month: "2026-02", item: "TC1" }), [
      { month: "2026-02", ...item("TC", "TC1", [0, 1, 0, 1, 1], 200 / 3, 11 / 3) },
    ]);
    // 28 February holds R2 only: five items.
    expectRows(pick(await rowsOf("day"), { day: "2026-02-28" }), [
      { day: "2026-02-28", ...item("TC", "TC1", [0, 1, 0, 0, 0], 0, 2) },
      { day: "2026-02-28", ...item("CC", "CC1", [0, 0, 0, 0, 1], 100, 5) },
      { day: "2026-02-28", ...item("CC", "CC2", [0, 0, 0, 1, 0], 100, 4) },
      { day: "2026-02-28", ...item("KQ", "KQ1", [0, 0, 0, 1, 0], 100, 4) },
      { day: "2026-02-28", ...item("PA", "PA1", [1, 0, 0, 0, 0], 0, 1) },
    ]);
    // No service: R8's TC1 5 and R3's quick answers.
    const none = { service_code: null, service_name: null };
    expectRows(pick(await rowsOf("service"), none), [
      { ...none, ...item("TC", "TC1", [0, 0, 0, 0, 1], 100, 5) },
      { ...none, ...item("TC", "TC", [0, 0, 0, 1, 0], 100, 4) },
      { ...none, ...item("TT", "TT", [0, 0, 0, 0, 1], 100, 5) },
      { ...none, ...item("CC", "CC", [0, 0, 1, 0, 0], 0, 3) },
      { ...none, ...item("KQ", "KQ", [0, 0, 0, 0, 1], 100, 5) },
    ]);
    // P2, the quick point: R3 and R6.
    const p2 = { point_code: f.points.P2.code, point_label: HOSTILE.p2Label, unit_code: "STP" };
    expectRows(pick(await rowsOf("point"), { point_code: f.points.P2.code }), [
      { ...p2, ...item("TC", "TC", [0, 0, 0, 1, 1], 100, 4.5) },
      { ...p2, ...item("TT", "TT", [0, 0, 0, 0, 1], 100, 5) },
      { ...p2, ...item("CC", "CC", [0, 0, 1, 0, 1], 50, 4) },
      { ...p2, ...item("KQ", "KQ", [0, 0, 0, 0, 1], 100, 5) },
      { ...p2, ...item("PA", "PA", [0, 1, 0, 0, 0], 0, 2) },
    ]);
    // STP with 1.001193: CC1 from R1 (2) and R5 (4).
    expectRows(
      pick(await rowsOf("unit,service"), { unit_code: "STP", service_code: "1.001193", item: "CC1" }),
      [
        {
          unit_code: "STP",
          unit_name: "Sở Tư pháp",
          service_code: "1.001193",
          service_name: "Đăng ký khai sinh",
          ...item("CC", "CC1", [0, 1, 0, 1, 0], 50, 3),
        },
      ],
    );
  });
});

describe("report downloads", () => {
  const download = async (kind: "sipas" | "items", by: string, format: "csv" | "xlsx") => {
    const res = await get(f.t, `/api/v1/reports/${kind}?${PERIOD}&by=${by}&format=${format}`, admin.auth);
    expect(res.status).toBe(200);
    return res;
  };

  it.each((["sipas", "items"] as const).flatMap((kind) => REPORT_GROUPINGS.map((by) => [kind, by] as const)))(
    "%s by %s: the CSV read back with csv-parse and the XLSX unzipped equal the JSON",
    async (kind, by) => {
      const { rows } = await report(kind, `${PERIOD}&by=${by}`);
      const columns = reportColumns(kind, by).map((column) => column.name);
      const csv = await download(kind, by, "csv");
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expectCsvEqualsJson(new Uint8Array(await csv.arrayBuffer()), columns, rows);
      const xlsx = await download(kind, by, "xlsx");
      expect(xlsx.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expectXlsxEqualsJson(new Uint8Array(await xlsx.arrayBuffer()), columns, rows);
    },
  );

  it("neutralises hostile names in the CSV and keeps them as plain text in the XLSX", async () => {
    const csv = await (await download("sipas", "point", "csv")).text();
    expect(csv).toContain(`,'@Quầy nhanh,`);
    expect(csv).toContain(`,"'+Quầy 4\nLãnh sự",`);
    expect((await (await download("sipas", "unit", "csv")).text()).split("\r\n")).toContain(
      `2026-02-01,2026-03-31,SNV,'\t=1+1 Sở Ngoại vụ,1,100.00,100.00,,,,,5.00,,,,,true,,`,
    );
    // 33.333… is exported as 33.33, half away from zero only at the end.
    const day = (await (await download("sipas", "day", "csv")).text()).split("\r\n");
    expect(day).toContain(
      "2026-02-01,2026-03-31,2026-02-10,1,33.33,100.00,0.00,0.00,,,4.50,3.00,2.00,,,true,,",
    );
  });

  it("names the file after the report, the period, the grouping and the unit filter", async () => {
    const res = await download("sipas", "unit,service", "csv");
    expect(res.headers.get("content-disposition")).toBe(
      "attachment; filename=\"sipas_2026-02-01_2026-03-31_unit-service.csv\"; filename*=UTF-8''sipas_2026-02-01_2026-03-31_unit-service.csv",
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const filtered = await get(f.t, `/api/v1/reports/items?${PERIOD}&unit=stp&format=xlsx`, admin.auth);
    expect(filtered.headers.get("content-disposition")).toContain(
      'filename="items_2026-02-01_2026-03-31_unit_STP.xlsx"',
    );
  });
});

describe("report queries", () => {
  it.each([
    ["no period", "by=unit"],
    ["from after to", "from=2026-03-31&to=2026-02-01"],
    ["a day that does not exist", "from=2026-02-01&to=2026-02-30"],
    ["an unknown grouping", `${PERIOD}&by=counter`],
    ["an unknown format", `${PERIOD}&format=pdf`],
    ["a malformed unit", `${PERIOD}&unit=${encodeURIComponent("STP; DROP")}`],
    ["a preset without its year", "preset=quarter&quarter=1"],
    ["a period longer than ten years", "from=2016-01-01&to=2026-01-02&by=day"],
  ])("answers 400 to %s", async (_, query) => {
    const res = await get(f.t, `/api/v1/reports/sipas?${query}`, admin.auth);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
  });

  it("answers 404 to an unknown unit", async () => {
    const res = await get(f.t, `/api/v1/reports/sipas?${PERIOD}&unit=NOWHERE`, admin.auth);
    expect(res.status).toBe(404);
  });
});
