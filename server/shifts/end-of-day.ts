import { DAY_MS, localDay, startOfLocalDay } from "../../shared/time/index.js";

/** The UTC instant (ms) at which the local day (Asia/Ho_Chi_Minh) of `instant` ends: when a shift lapses. */
export function endOfLocalDay(instant: number): number {
  return startOfLocalDay(localDay(instant)) + DAY_MS;
}
