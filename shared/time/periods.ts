import * as z from "zod";
import { daysInMonth, formatDay, isRealDate } from "./calendar.js";
import { localDay } from "./local-day.js";

// Reporting periods (SIPAS.md §3): an inclusive range of local days, typed by hand or chosen from the presets
// that provincial plans report on (month, quarter, first half, nine months, year).

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
function periodProblem(input: PeriodInput): string | null {
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

// Query strings carry numbers as text; accept both so the schema serves URLs and JSON bodies alike.
const wholeNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number),
]);
const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/**
 * A period in a query: either `from` and `to`, or `preset` with `year` (and `month` or `quarter`).
 * Parses to the resolved inclusive { from, to }.
 */
export const periodQuerySchema = z
  .object({
    from: dayString.optional(),
    to: dayString.optional(),
    preset: z.enum(PERIOD_PRESETS).optional(),
    year: wholeNumber.optional(),
    month: wholeNumber.optional(),
    quarter: wholeNumber.optional(),
  })
  .transform((query, ctx): Period => {
    const input = periodInputOf(query);
    const problem = typeof input === "string" ? input : periodProblem(input);
    if (typeof input !== "string" && problem === null) return resolvePeriod(input);
    ctx.addIssue({ code: "custom", message: problem ?? "invalid period" });
    return z.NEVER;
  });

type PeriodQuery = {
  from?: string | undefined;
  to?: string | undefined;
  preset?: PeriodPreset | undefined;
  year?: number | undefined;
  month?: number | undefined;
  quarter?: number | undefined;
};

/** Which of the two query shapes was sent, or why neither was. */
function periodInputOf(query: PeriodQuery): PeriodInput | string {
  const { from, to, preset, year, month, quarter } = query;
  if (preset === undefined) {
    if (year !== undefined || month !== undefined || quarter !== undefined)
      return "year, month and quarter go with preset";
    if (from === undefined || to === undefined) return "give from and to, or preset and year";
    return { from, to };
  }
  if (from !== undefined || to !== undefined) return "give either from and to, or preset, not both";
  if (year === undefined) return "preset needs year";
  if (preset === "month") return month === undefined ? "preset=month needs month" : { preset, year, month };
  if (month !== undefined) return "month goes with preset=month only";
  if (preset === "quarter")
    return quarter === undefined ? "preset=quarter needs quarter" : { preset, year, quarter };
  if (quarter !== undefined) return "quarter goes with preset=quarter only";
  return { preset, year };
}
