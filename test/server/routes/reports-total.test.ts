import { describe, expect, it } from "vitest";
import { reportResponseSchema } from "../../helpers/report-rows.js";
import { expectRows, figures, withoutServed } from "../reports/expect-rows.js";
import { buildFixture, get } from "../reports/fixture.js";

// by=total: one row for the whole period and scope, the console's headline and item table. Expected figures
// are worked out by hand from the fixture's table (test/server/reports/fixture.ts), as in reports.test.ts.

const f = await buildFixture();
const PERIOD = "from=2026-02-01&to=2026-03-31";

async function report(kind: "sipas" | "items", query: string, auth = f.users.admin.auth) {
  const res = await get(f.t, `/api/v1/reports/${kind}?${query}`, auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { by: string; rows: Record<string, unknown>[] };
}

describe("GET /api/v1/reports/*?by=total", () => {
  it("gives one SIPAS row for every response in the period and scope", async () => {
    const body = await report("sipas", `${PERIOD}&by=total`);
    expect(reportResponseSchema("sipas", "total").safeParse(body).success).toBe(true);
    // R1–R8. TC1 5,2,4,3,1,5 → 50 (20/6) · TC2 4,4,5 → 100 (13/3) · TC 4,5 → 100 (4.5): TC 83.33
    // TT1 3,5,4 → 66.67 (4) · TT 5 → 100: TT 83.33 · CC1 2,5,4,4 → 75 (3.75) · CC2 4 → 100 · CC 3,5 → 50 (4):
    // CC 75 · KQ1 4,3 → 50 (3.5) · KQ 5 → 100: KQ 75 · PA1 1,5 → 50 (3) · PA 2 → 0: PA 25
    // SIPAS = (83.33 + 83.33 + 75 + 75 + 25) / 5 = 68.33
    expectRows(withoutServed(body.rows), [
      {
        period_from: "2026-02-01",
        period_to: "2026-03-31",
        ...figures(
          8,
          [(250 / 3 + 250 / 3 + 75 + 75 + 25) / 5, 250 / 3, 250 / 3, 75, 75, 25],
          [(20 / 6 + 13 / 3 + 4.5) / 3, 4.5, (3.75 + 4 + 4) / 3, 4.25, 2.5],
        ),
      },
    ]);
  });

  it("gives the items of the whole scope with their answer counts", async () => {
    const body = await report("items", `${PERIOD}&by=total`);
    const tc1 = body.rows.find((row) => row.item === "TC1");
    expect(tc1).toMatchObject({
      element: "TC",
      n: 6,
      count_1: 1,
      count_2: 1,
      count_3: 1,
      count_4: 1,
      count_5: 2,
    });
    expect(tc1?.index).toBeCloseTo(50, 9);
    expect(body.rows.map((row) => row.item)).toEqual([
      "TC1",
      "TC2",
      "TT1",
      "CC1",
      "CC2",
      "KQ1",
      "PA1",
      "TC",
      "TT",
      "CC",
      "KQ",
      "PA",
    ]);
  });

  it("equals the month's row for a period of one month", async () => {
    const month = await report("sipas", "from=2026-03-01&to=2026-03-31&by=month");
    const total = await report("sipas", "from=2026-03-01&to=2026-03-31&by=total");
    const { month: _month, ...figuresOfMonth } = month.rows[0] as Record<string, unknown>;
    expect(total.rows).toEqual([figuresOfMonth]);
  });

  it("stays inside the caller's scope", async () => {
    // The SNV analyst sees R8 only: TC1 5.
    const body = await report("sipas", `${PERIOD}&by=total`, f.users.snvAnalyst.auth);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ respondents: 1, sipas_index: 100, TT_index: null });
  });

  it("gives one empty row for a period without responses", async () => {
    const body = await report("sipas", "from=2025-01-01&to=2025-01-31&by=total");
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ respondents: 0, sipas_index: null, small_sample: true });
  });
});
