import { daysInMonth, formatDay, isRealDate } from "./calendar.js";
import { localDay } from "./local-day.js";

// Reporting periods (SIPAS.md §3): an inclusive range of local days, typed by hand or chosen from the presets
// that provincial plans report on (month, quarter, first half, nine months, year). No zod here, so that the
// console can pick periods without bundling it; the query schema is in period-query.ts.

export const PERIOD_PRESETS = ["month", "quarter", "first-half", "nine-months", "year"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** An inclusive range of local days, "YYYY-MM-DD" both. */
export type Period = { from: string; to: string };

export type PeriodInput =
  | { from: string; to: string }
  | { preset: "month"; year: number; month: number }
  | { preset: "quarter"; year: number; quarter: number }
  | { preset: "first-half" | "nine-months" | "year"; year: number };

const MIN_YEAR = 2000;
const MAX_YEAR = 9999;

function monthsOf(input: Exclude<PeriodInput, { from: string }>): { first: number; last: number } {
  switch (input.preset) {
    case "month":
      return { first: input.month, last: input.month };
    case "quarter":
      return { first: input.quarter * 3 - 2, last: input.quarter * 3 };
    case "first-half":
      return { first: 1, last: 6 };
    case "nine-months":
      return { first: 1, last: 9 };
    case "year":
      return { first: 1, last: 12 };
  }
}

/** Why a period input is unusable, or null when it is fine; shared by resolvePeriod and the query schema. */
export function periodProblem(input: PeriodInput): string | null {
  if (!("preset" in input)) {
    if (!isRealDate(input.from)) return "from must be a real date YYYY-MM-DD";
    if (!isRealDate(input.to)) return "to must be a real date YYYY-MM-DD";
    return input.from <= input.to ? null : "from must not be after to";
  }
  if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR) {
    return `year must be a whole number from ${MIN_YEAR}`;
  }
  if (input.preset === "month" && !(Number.isInteger(input.month) && input.month >= 1 && input.month <= 12)) {
    return "month must be 1–12";
  }
  if (
    input.preset === "quarter" &&
    !(Number.isInteger(input.quarter) && input.quarter >= 1 && input.quarter <= 4)
  ) {
    return "quarter must be 1–4";
  }
  return null;
}

/** The inclusive from–to days of a custom range or a preset; throws RangeError when the input is invalid. */
export function resolvePeriod(input: PeriodInput): Period {
  const problem = periodProblem(input);
  if (problem) throw new RangeError(problem);
  if (!("preset" in input)) return { from: input.from, to: input.to };
  const { first, last } = monthsOf(input);
  return {
    from: formatDay(input.year, first, 1),
    to: formatDay(input.year, last, daysInMonth(input.year, last)),
  };
}

/** The preset period of the given kind that contains an instant's local day ("this month", "this quarter"). */
export function presetPeriodAt(preset: PeriodPreset, instant: Date | number): PeriodInput {
  const day = localDay(instant);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (preset) {
    case "month":
      return { preset, year, month };
    case "quarter":
      return { preset, year, quarter: Math.ceil(month / 3) };
    default:
      return { preset, year };
  }
}
