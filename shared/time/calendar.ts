import { dayNumber, dayOfNumber } from "./local-day.js";

// Calendar days as "YYYY-MM-DD" strings: they sort, compare and group as plain text.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a "YYYY-MM-DD" string naming a day that exists (no 2026-02-30, no month 13). */
export function isRealDate(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0–99 as 1900–1999, so the day arithmetic only holds from year 1000 on.
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The month ("YYYY-MM") a day belongs to: the key of by=month reports. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every day from `from` to `to`, both included, in order; empty when `from` is after `to`. */
export function daysInRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(from), last = dayNumber(to); n <= last; n++) days.push(dayOfNumber(n));
  return days;
}

/** The zero-padded "YYYY-MM-DD" of a year, month and day. */
export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
