import { daysInMonth, formatDay, type Period } from "../../shared/time/index.js";

// A period is read from the monthly rollups for the months it covers whole and from the daily rollups
// for the days at either end: a year's report reads twelve months of rows, not 365 days of them.

export type PeriodSources = {
  /** The whole months of the period ("YYYY-MM", inclusive), or null when it covers none. */
  months: { from: string; to: string } | null;
  /** The inclusive day ranges outside those months: none, one or two. */
  days: Period[];
};

const ymd = (day: string) =>
  [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;

function monthAfter(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

function monthBefore(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

const monthKey = (year: number, month: number) => formatDay(year, month, 1).slice(0, 7);

/** Which whole months and which leftover days make up an inclusive period of local days. */
export function splitPeriod(period: Period): PeriodSources {
  const [fy, fm, fd] = ymd(period.from);
  const [ty, tm, td] = ymd(period.to);
  const [firstYear, firstMonth] = fd === 1 ? [fy, fm] : monthAfter(fy, fm);
  const [lastYear, lastMonth] = td === daysInMonth(ty, tm) ? [ty, tm] : monthBefore(ty, tm);
  const first = monthKey(firstYear, firstMonth);
  const last = monthKey(lastYear, lastMonth);
  if (first > last) return { months: null, days: [period] };
  const days: Period[] = [];
  if (fd !== 1) days.push({ from: period.from, to: formatDay(fy, fm, daysInMonth(fy, fm)) });
  if (td !== daysInMonth(ty, tm)) days.push({ from: formatDay(ty, tm, 1), to: period.to });
  return { months: { from: first, to: last }, days };
}
