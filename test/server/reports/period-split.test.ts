import { describe, expect, it } from "vitest";
import { splitPeriod } from "../../../server/reports/period-split.js";

describe("splitPeriod", () => {
  it("reads a whole year from twelve months and no days", () => {
    expect(splitPeriod({ from: "2026-01-01", to: "2026-12-31" })).toEqual({
      months: { from: "2026-01", to: "2026-12" },
      days: [],
    });
  });

  it("reads the days before the first whole month and after the last one from the daily rollups", () => {
    expect(splitPeriod({ from: "2025-12-15", to: "2026-03-10" })).toEqual({
      months: { from: "2026-01", to: "2026-02" },
      days: [
        { from: "2025-12-15", to: "2025-12-31" },
        { from: "2026-03-01", to: "2026-03-10" },
      ],
    });
  });

  it("knows February's last day in leap and common years", () => {
    expect(splitPeriod({ from: "2028-02-01", to: "2028-02-29" }).months).toEqual({
      from: "2028-02",
      to: "2028-02",
    });
    expect(splitPeriod({ from: "2026-02-01", to: "2026-02-28" }).months).toEqual({
      from: "2026-02",
      to: "2026-02",
    });
    expect(splitPeriod({ from: "2028-02-01", to: "2028-02-28" })).toEqual({
      months: null,
      days: [{ from: "2028-02-01", to: "2028-02-28" }],
    });
  });

  it("reads a period inside one month, or across two partial months, from days only", () => {
    expect(splitPeriod({ from: "2026-03-15", to: "2026-03-15" })).toEqual({
      months: null,
      days: [{ from: "2026-03-15", to: "2026-03-15" }],
    });
    expect(splitPeriod({ from: "2026-01-20", to: "2026-02-10" })).toEqual({
      months: null,
      days: [{ from: "2026-01-20", to: "2026-02-10" }],
    });
  });

  it("crosses a year end", () => {
    expect(splitPeriod({ from: "2025-12-01", to: "2026-01-31" })).toEqual({
      months: { from: "2025-12", to: "2026-01" },
      days: [],
    });
  });
});
