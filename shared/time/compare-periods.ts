import { daysInMonth, formatDay } from "./calendar.js";
import { dayNumber, dayOfNumber, localDay } from "./local-day.js";
import type { Period } from "./periods.js";

// The periods a report compares with (SIPAS reports put each figure beside the previous period and the
// same period a year earlier). Pure, so the console and the server pick the same days.

const ymd = (day: string) =>
  [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;

/** Months since year 0 of a year and month, for month arithmetic. */
const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const monthStart = (index: number) => formatDay(Math.floor(index / 12), (index % 12) + 1, 1);
const monthEnd = (index: number) => {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDay(year, month, daysInMonth(year, month));
};

/** True when a period starts on a month's first day and ends on a month's last day. */
export function isWholeMonths(period: Period): boolean {
  const [, , fd] = ymd(period.from);
  const [ty, tm, td] = ymd(period.to);
  return fd === 1 && td === daysInMonth(ty, tm);
}

/**
 * The period of the same length just before: the same number of whole months when the period is made of
 * whole months (the first half-year → July–December of the year before), else the same number of days.
 */
export function previousPeriod(period: Period): Period {
  if (isWholeMonths(period)) {
    const [fy, fm] = ymd(period.from);
    const [ty, tm] = ymd(period.to);
    const first = monthIndex(fy, fm);
    const length = monthIndex(ty, tm) - first + 1;
    return { from: monthStart(first - length), to: monthEnd(first - 1) };
  }
  const from = dayNumber(period.from);
  const length = dayNumber(period.to) - from + 1;
  return { from: dayOfNumber(from - length), to: dayOfNumber(from - 1) };
}

/** One day a year earlier; 29 February becomes 28 February. */
function yearBefore(day: string): string {
  const [y, m, d] = ymd(day);
  return formatDay(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
}

/** The same days a year earlier (a month-end stays a month-end: 2024-02-29 → 2023-02-28). */
export function sameTimeLastYear(period: Period): Period {
  return { from: yearBefore(period.from), to: yearBefore(period.to) };
}

/** A report deadline of the provincial plan: the period it reports on and the day it is due. */
export type ReportDeadline = { kind: "first-half" | "year"; year: number; period: Period; due: string };

/**
 * The next SIPAS report due on or after an instant's local day: the first half-year by 10 July, the
 * year by 10 January of the next year (the Lạng Sơn plan's dates).
 */
export function nextReportDeadline(instant: Date | number): ReportDeadline {
  const today = localDay(instant);
  const year = Number(today.slice(0, 4));
  const halfDue = formatDay(year, 7, 10);
  const lastYearDue = formatDay(year, 1, 10);
  if (today <= lastYearDue) return yearDeadline(year - 1);
  if (today <= halfDue) return halfDeadline(year);
  return yearDeadline(year);
}

function halfDeadline(year: number): ReportDeadline {
  return {
    kind: "first-half",
    year,
    period: { from: formatDay(year, 1, 1), to: formatDay(year, 6, 30) },
    due: formatDay(year, 7, 10),
  };
}

function yearDeadline(year: number): ReportDeadline {
  return {
    kind: "year",
    year,
    period: { from: formatDay(year, 1, 1), to: formatDay(year, 12, 31) },
    due: formatDay(year + 1, 1, 10),
  };
}

/** The reports due before a deadline, newest first: the half-years and years of the plan. */
export function earlierReportDeadlines(next: ReportDeadline, count: number): ReportDeadline[] {
  const list: ReportDeadline[] = [];
  let current = next;
  while (list.length < count) {
    current = current.kind === "year" ? halfDeadline(current.year) : yearDeadline(current.year - 1);
    list.push(current);
  }
  return list;
}

/** The last whole month before an instant's local day's month. */
export function lastFullMonth(instant: Date | number): Period {
  const [y, m] = ymd(localDay(instant));
  const index = monthIndex(y, m) - 1;
  return { from: monthStart(index), to: monthEnd(index) };
}

/** The last whole quarter before the quarter of an instant's local day. */
export function lastFullQuarter(instant: Date | number): Period {
  const [y, m] = ymd(localDay(instant));
  const quarterStart = monthIndex(y, m) - ((m - 1) % 3);
  return { from: monthStart(quarterStart - 3), to: monthEnd(quarterStart - 1) };
}

/** From 1 January to an instant's local day. */
export function yearToDate(instant: Date | number): Period {
  const today = localDay(instant);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The twelve whole months before an instant's local day's month. */
export function lastTwelveMonths(instant: Date | number): Period {
  const [y, m] = ymd(localDay(instant));
  const current = monthIndex(y, m);
  return { from: monthStart(current - 12), to: monthEnd(current - 1) };
}
