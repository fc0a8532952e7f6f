import { DAY_MS, localDay, startOfLocalDay } from "../../shared/time/index.js";

/**
 * When links issued now stop working: at the end of the local (Hanoi) day `days` days from today, so
 * that a slip can say "valid until the end of 22/03/2026" and mean it to the minute.
 */
export function linkExpiry(now: number, days: number): number {
  return startOfLocalDay(localDay(now)) + (days + 1) * DAY_MS;
}

/** The last local day on which a link that expires at `expiresAt` still works, as DD/MM/YYYY. */
export function lastValidDay(expiresAt: number): string {
  const [year, month, day] = localDay(expiresAt - 1).split("-");
  return `${day}/${month}/${year}`;
}
