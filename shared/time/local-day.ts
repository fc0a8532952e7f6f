// Responses are assigned to days in Asia/Ho_Chi_Minh (SIPAS.md §3). Vietnam has kept UTC+7 without daylight
// saving since 1975, so the local day is plain arithmetic: no Intl, identical in browsers, Node and Workers.

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const OFFSET_MS = 7 * 60 * 60 * 1000;
/** Milliseconds in a day: local days have no daylight saving, so every day is this long. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day ("YYYY-MM-DD") of an instant; throws RangeError for an invalid instant. */
export function localDay(instant: Date | number): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant (ms) at which a local day begins: 00:00 in Hanoi is 17:00 UTC the day before. */
export function startOfLocalDay(day: string): number {
  return dayNumber(day) * DAY_MS - OFFSET_MS;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" string; the caller has checked it is a real date. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** The "YYYY-MM-DD" of a day number (the inverse of dayNumber). */
export function dayOfNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
