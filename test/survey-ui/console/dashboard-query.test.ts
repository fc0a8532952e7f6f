import { describe, expect, it } from "vitest";
import { dashboardPath, filtersOf } from "../../../survey-ui/console/lib/dashboard-query.js";

// The dashboard's filters live in its address: what a bookmark or a link from a colleague opens.

const NOW = Date.UTC(2026, 10, 29, 3); // 29 November 2026, 10:00 in Hanoi
const query = (path: string) => new URLSearchParams(path.slice(path.indexOf("?") + 1));

describe("dashboard addresses", () => {
  it("round-trips every kind of period, the unit and the ranking", () => {
    for (const filters of [
      { period: { preset: "month", year: 2026, month: 3 }, unit: "", rank: "unit" },
      { period: { preset: "quarter", year: 2025, quarter: 4 }, unit: "000.00.17.H35", rank: "service" },
      { period: { preset: "first-half", year: 2026 }, unit: "", rank: "unit" },
      { period: { preset: "nine-months", year: 2026 }, unit: "", rank: "service" },
      { period: { preset: "year", year: 2024 }, unit: "H35", rank: "unit" },
      { period: { from: "2026-02-15", to: "2026-03-10" }, unit: "", rank: "unit" },
    ] as const) {
      expect(filtersOf(query(dashboardPath(filters)), NOW)).toEqual(filters);
    }
  });

  it("writes the first half of a year the way the reports API reads it", () => {
    const path = dashboardPath({ period: { preset: "first-half", year: 2026 }, unit: "", rank: "unit" });
    expect(path).toBe("dashboard?preset=first-half&year=2026");
  });

  it("falls back to this year and the whole scope for a missing or broken address", () => {
    const thisYear = { period: { preset: "year", year: 2026 }, unit: "", rank: "unit" };
    for (const broken of [
      "",
      "preset=month&year=2026&month=13",
      "preset=quarter&year=2026",
      "preset=decade&year=2026",
      "from=2026-03-10&to=2026-02-15",
      "from=2026-02-30&to=2026-03-01",
      "rank=point",
    ]) {
      expect(filtersOf(new URLSearchParams(broken), NOW), broken).toEqual(thisYear);
    }
  });
});
