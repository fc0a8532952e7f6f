import * as z from "../contract/zod.js";
import { dayNumber } from "./local-day.js";
import {
  PERIOD_PRESETS,
  type Period,
  type PeriodInput,
  type PeriodPreset,
  periodProblem,
  resolvePeriod,
} from "./periods.js";

// A reporting period as a query string carries it (reports, exports), parsed with zod. Kept apart from
// periods.ts so that the console can pick periods without bundling zod.

// Query strings carry numbers as text; accept both so the schema serves URLs and JSON bodies alike.
const wholeNumber = z.union([
  z.number(),
  z.pipe(z.string().check(z.regex(/^\d{1,4}$/)), z.transform(Number)),
]);
const dayString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"));

/** The longest period a query may ask for, ten years: by=day and by=month list every day or month of it. */
export const MAX_PERIOD_DAYS = 3653;

/**
 * A period in a query: either `from` and `to`, or `preset` with `year` (and `month` or `quarter`).
 * Parses to the resolved inclusive { from, to }.
 */
export const periodQuerySchema = z.pipe(
  z.object({
    from: z.optional(dayString),
    to: z.optional(dayString),
    preset: z.optional(z.enum(PERIOD_PRESETS)),
    year: z.optional(wholeNumber),
    month: z.optional(wholeNumber),
    quarter: z.optional(wholeNumber),
  }),
  z.transform((query, ctx): Period => {
    const input = periodInputOf(query);
    const problem = typeof input === "string" ? input : periodProblem(input);
    if (typeof input !== "string" && problem === null) {
      const period = resolvePeriod(input);
      if (dayNumber(period.to) - dayNumber(period.from) < MAX_PERIOD_DAYS) return period;
      ctx.issues.push({
        code: "custom",
        path: ["to"],
        message: `the period is longer than ${MAX_PERIOD_DAYS} days (ten years)`,
        input: query,
      });
      return z.NEVER;
    }
    ctx.issues.push({ code: "custom", message: problem ?? "invalid period", input: query });
    return z.NEVER;
  }),
);

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
