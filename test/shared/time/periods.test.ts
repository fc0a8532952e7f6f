import { describe, expect, it } from "vitest";
import {
  daysInRange,
  MAX_PERIOD_DAYS,
  type PeriodInput,
  periodQuerySchema,
  presetPeriodAt,
  resolvePeriod,
} from "../../../shared/time/index.js";

const days = (input: PeriodInput) => {
  const { from, to } = resolvePeriod(input);
  return daysInRange(from, to);
};

describe("resolvePeriod", () => {
  it("resolves each preset to its inclusive days", () => {
    expect(resolvePeriod({ preset: "month", year: 2026, month: 2 })).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(resolvePeriod({ preset: "month", year: 2024, month: 2 })).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(resolvePeriod({ preset: "quarter", year: 2026, quarter: 2 })).toEqual({
      from: "2026-04-01",
      to: "2026-06-30",
    });
    expect(resolvePeriod({ preset: "quarter", year: 2026, quarter: 4 })).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
    });
    expect(resolvePeriod({ preset: "first-half", year: 2026 })).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
    });
    expect(resolvePeriod({ preset: "nine-months", year: 2026 })).toEqual({
      from: "2026-01-01",
      to: "2026-09-30",
    });
    expect(resolvePeriod({ preset: "year", year: 2026 })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("keeps a custom range as given, a single day included", () => {
    expect(resolvePeriod({ from: "2026-03-15", to: "2026-04-14" })).toEqual({
      from: "2026-03-15",
      to: "2026-04-14",
    });
    expect(resolvePeriod({ from: "2026-03-15", to: "2026-03-15" })).toEqual({
      from: "2026-03-15",
      to: "2026-03-15",
    });
  });

  for (const year of [2024, 2026]) {
    it(`covers every day of ${year} exactly once with its months, and with its quarters`, () => {
      const wholeYear = days({ preset: "year", year });
      expect(wholeYear).toHaveLength(year === 2024 ? 366 : 365);
      const months = Array.from({ length: 12 }, (_, i) =>
        days({ preset: "month", year, month: i + 1 }),
      ).flat();
      const quarters = Array.from({ length: 4 }, (_, i) =>
        days({ preset: "quarter", year, quarter: i + 1 }),
      ).flat();
      expect(months).toEqual(wholeYear);
      expect(quarters).toEqual(wholeYear);
      // The half and nine-month presets are the first 2 and 3 quarters.
      expect(days({ preset: "first-half", year })).toEqual([
        ...days({ preset: "quarter", year, quarter: 1 }),
        ...days({ preset: "quarter", year, quarter: 2 }),
      ]);
      expect(days({ preset: "nine-months", year })).toEqual([
        ...days({ preset: "first-half", year }),
        ...days({ preset: "quarter", year, quarter: 3 }),
      ]);
    });
  }

  it("rejects impossible dates, reversed ranges and out-of-range presets", () => {
    expect(() => resolvePeriod({ from: "2026-02-30", to: "2026-03-01" })).toThrow(RangeError);
    expect(() => resolvePeriod({ from: "2026-01-01", to: "2026-13-01" })).toThrow(RangeError);
    expect(() => resolvePeriod({ from: "2026-05-02", to: "2026-05-01" })).toThrow(/after/);
    expect(() => resolvePeriod({ preset: "month", year: 2026, month: 13 })).toThrow(RangeError);
    expect(() => resolvePeriod({ preset: "month", year: 2026, month: 0 })).toThrow(RangeError);
    expect(() => resolvePeriod({ preset: "quarter", year: 2026, quarter: 5 })).toThrow(RangeError);
    expect(() => resolvePeriod({ preset: "year", year: 1999 })).toThrow(RangeError);
    expect(() => resolvePeriod({ preset: "year", year: 2026.5 })).toThrow(RangeError);
  });
});

describe("presetPeriodAt", () => {
  it("finds this month and this quarter in Hanoi time", () => {
    // 17:00 UTC on 30 June is already 1 July in Hanoi: month 7, quarter 3.
    const instant = Date.parse("2026-06-30T17:00:00Z");
    expect(presetPeriodAt("month", instant)).toEqual({ preset: "month", year: 2026, month: 7 });
    expect(presetPeriodAt("quarter", instant)).toEqual({ preset: "quarter", year: 2026, quarter: 3 });
    expect(presetPeriodAt("quarter", Date.parse("2026-06-30T16:59:59Z"))).toEqual({
      preset: "quarter",
      year: 2026,
      quarter: 2,
    });
    expect(presetPeriodAt("year", Date.parse("2025-12-31T17:00:00Z"))).toEqual({
      preset: "year",
      year: 2026,
    });
    expect(presetPeriodAt("first-half", instant)).toEqual({ preset: "first-half", year: 2026 });
  });
});

describe("periodQuerySchema", () => {
  it("reads a custom range from query strings", () => {
    expect(periodQuerySchema.parse({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });

  it("reads presets with their numbers as text or numbers", () => {
    expect(periodQuerySchema.parse({ preset: "month", year: "2026", month: "06" })).toEqual({
      from: "2026-06-01",
      to: "2026-06-30",
    });
    expect(periodQuerySchema.parse({ preset: "quarter", year: 2026, quarter: 3 })).toEqual({
      from: "2026-07-01",
      to: "2026-09-30",
    });
    expect(periodQuerySchema.parse({ preset: "nine-months", year: "2026" })).toEqual({
      from: "2026-01-01",
      to: "2026-09-30",
    });
  });

  it("rejects incomplete, mixed and invalid periods", () => {
    for (const query of [
      {},
      { from: "2026-01-01" },
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "2026-03-02", to: "2026-03-01" },
      { from: "2026-13-01", to: "2026-13-02" },
      { from: "01/03/2026", to: "2026-03-01" },
      { preset: "month", year: "2026" },
      { preset: "quarter", year: "2026", quarter: "5" },
      { preset: "year" },
      { preset: "year", year: "2026", month: "1" },
      { preset: "week", year: "2026" },
      { preset: "year", year: "2026", from: "2026-01-01", to: "2026-01-02" },
      { year: "2026" },
      { preset: "year", year: "twenty" },
    ]) {
      expect(periodQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });

  it("accepts ten years and refuses one day more, on the `to` field", () => {
    const tenYears = { from: "2016-01-01", to: "2025-12-31" };
    expect(daysInRange(tenYears.from, tenYears.to)).toHaveLength(MAX_PERIOD_DAYS);
    expect(periodQuerySchema.safeParse(tenYears).success).toBe(true);
    const longer = periodQuerySchema.safeParse({ from: "2016-01-01", to: "2026-01-01" });
    expect(longer.success).toBe(false);
    expect(longer.error?.issues[0]?.path).toEqual(["to"]);
  });
});
