import { describe, expect, it } from "vitest";
import {
  earlierReportDeadlines,
  lastFullMonth,
  lastFullQuarter,
  lastTwelveMonths,
  nextReportDeadline,
  previousPeriod,
  sameTimeLastYear,
  yearToDate,
} from "../../../shared/time/index.js";

/** An instant at the given Hanoi local time. */
const hanoi = (day: string, hour = 10) => Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000;

describe("previousPeriod", () => {
  it("takes the same number of whole months before a period of whole months", () => {
    expect(previousPeriod({ from: "2026-01-01", to: "2026-06-30" })).toEqual({
      from: "2025-07-01",
      to: "2025-12-31",
    });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-12-31" })).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
  });

  it("takes the same number of days before any other period", () => {
    expect(previousPeriod({ from: "2026-03-10", to: "2026-03-19" })).toEqual({
      from: "2026-02-28",
      to: "2026-03-09",
    });
  });
});

describe("sameTimeLastYear", () => {
  it("shifts both days a year back, 29 February becoming 28 February", () => {
    expect(sameTimeLastYear({ from: "2026-01-01", to: "2026-06-30" })).toEqual({
      from: "2025-01-01",
      to: "2025-06-30",
    });
    expect(sameTimeLastYear({ from: "2024-02-01", to: "2024-02-29" })).toEqual({
      from: "2023-02-01",
      to: "2023-02-28",
    });
  });
});

describe("nextReportDeadline", () => {
  it("is the half-year by 10 July from 11 January, and the year by 10 January after 10 July", () => {
    expect(nextReportDeadline(hanoi("2026-06-20"))).toMatchObject({
      kind: "first-half",
      year: 2026,
      due: "2026-07-10",
    });
    expect(nextReportDeadline(hanoi("2026-07-10", 23))).toMatchObject({
      kind: "first-half",
      due: "2026-07-10",
    });
    expect(nextReportDeadline(hanoi("2026-07-11"))).toMatchObject({
      kind: "year",
      year: 2026,
      due: "2027-01-10",
    });
    expect(nextReportDeadline(hanoi("2027-01-10"))).toMatchObject({ kind: "year", year: 2026 });
    expect(nextReportDeadline(hanoi("2027-01-11"))).toMatchObject({
      kind: "first-half",
      year: 2027,
      period: { from: "2027-01-01", to: "2027-06-30" },
    });
  });

  it("lists the earlier reports newest first", () => {
    const earlier = earlierReportDeadlines(nextReportDeadline(hanoi("2026-06-20")), 3);
    expect(earlier.map((d) => `${d.kind} ${d.year}`)).toEqual(["year 2025", "first-half 2025", "year 2024"]);
  });
});

describe("the public page's periods", () => {
  it("are the last full month, the last full quarter, the year so far and twelve full months", () => {
    const now = hanoi("2026-04-02");
    expect(lastFullMonth(now)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(lastFullQuarter(now)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(lastFullQuarter(hanoi("2026-02-10"))).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(yearToDate(now)).toEqual({ from: "2026-01-01", to: "2026-04-02" });
    expect(lastTwelveMonths(now)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(lastFullMonth(hanoi("2026-01-05"))).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });
});
