import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  daysInRange,
  isRealDate,
  localDay,
  monthOf,
  startOfLocalDay,
  TIME_ZONE,
} from "../../../shared/time/index.js";

describe("localDay", () => {
  it("is Asia/Ho_Chi_Minh", () => {
    expect(TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
  });

  it("puts 16:59:59Z and 17:00:00Z on different local days", () => {
    expect(localDay(new Date("2026-06-30T16:59:59Z"))).toBe("2026-06-30");
    expect(localDay(new Date("2026-06-30T17:00:00Z"))).toBe("2026-07-01");
    expect(localDay(Date.parse("2026-06-30T16:59:59.999Z"))).toBe("2026-06-30");
  });

  it("moves across the new year at 17:00 UTC", () => {
    expect(localDay(Date.parse("2025-12-31T16:59:59Z"))).toBe("2025-12-31");
    expect(localDay(Date.parse("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
  });

  it("agrees with the platform's Asia/Ho_Chi_Minh calendar", () => {
    const reference = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("1976-01-01"), max: Date.parse("2100-01-01") }), (instant) => {
        expect(localDay(instant)).toBe(reference.format(instant));
      }),
    );
  });

  it("starts each local day at 17:00 UTC the day before", () => {
    expect(startOfLocalDay("2026-07-01")).toBe(Date.parse("2026-06-30T17:00:00Z"));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const day = localDay(Date.UTC(2000, 0, 1) + offset * 86_400_000);
        expect(localDay(startOfLocalDay(day))).toBe(day);
        expect(localDay(startOfLocalDay(day) - 1)).not.toBe(day);
      }),
    );
  });
});

describe("isRealDate", () => {
  it("accepts days that exist", () => {
    for (const day of ["2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "2026-04-30"]) {
      expect(isRealDate(day), day).toBe(true);
    }
  });

  it("rejects days that do not exist and other shapes", () => {
    for (const day of [
      "2026-02-30",
      "2026-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-01-00",
      "2026-1-01",
      " 2026-01-01",
      "2026-01-01T00:00",
      "20260101",
      "",
    ]) {
      expect(isRealDate(day), day).toBe(false);
    }
  });

  it("knows the length of each month", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe("monthOf and daysInRange", () => {
  it("gives the month of a day", () => {
    expect(monthOf("2026-07-01")).toBe("2026-07");
  });

  it("lists every day of a range, both ends included", () => {
    expect(daysInRange("2024-02-27", "2024-03-02")).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
    expect(daysInRange("2026-05-05", "2026-05-05")).toEqual(["2026-05-05"]);
    expect(daysInRange("2026-05-06", "2026-05-05")).toEqual([]);
  });
});
