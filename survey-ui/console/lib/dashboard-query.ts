import {
  PERIOD_PRESETS,
  type PeriodInput,
  presetPeriodAt,
  resolvePeriod,
} from "../../../shared/time/periods.js";

// The dashboard's filters live in its address (dashboard?preset=first-half&year=2026&unit=…&rank=service),
// so a view can be bookmarked, shared with a colleague, and survives a sign-in after an expired session.

export type RankBy = "unit" | "service" | "officer";
export type DashboardFilters = { period: PeriodInput; unit: string; rank: RankBy };

const whole = (value: string | null) =>
  value !== null && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;

/** The period a query names, if it names a valid one. */
function periodOf(query: URLSearchParams): PeriodInput | null {
  const preset = PERIOD_PRESETS.find((candidate) => candidate === query.get("preset"));
  const from = query.get("from");
  const to = query.get("to");
  let input: PeriodInput | null = null;
  if (preset === "month")
    input = { preset, year: whole(query.get("year")), month: whole(query.get("month")) };
  else if (preset === "quarter")
    input = { preset, year: whole(query.get("year")), quarter: whole(query.get("quarter")) };
  else if (preset) input = { preset, year: whole(query.get("year")) };
  else if (from && to) input = { from, to };
  if (!input) return null;
  try {
    resolvePeriod(input);
    return input;
  } catch {
    return null;
  }
}

/** The filters of a dashboard address; what is missing or invalid falls back to this year and the whole scope. */
export function filtersOf(query: URLSearchParams, now: number): DashboardFilters {
  return {
    period: periodOf(query) ?? presetPeriodAt("year", now),
    unit: query.get("unit") ?? "",
    rank: query.get("rank") === "service" ? "service" : query.get("rank") === "officer" ? "officer" : "unit",
  };
}

/** The dashboard address of a set of filters. */
export function dashboardPath(filters: DashboardFilters): string {
  const { period } = filters;
  const params = new URLSearchParams();
  if ("preset" in period) {
    params.set("preset", period.preset);
    params.set("year", String(period.year));
    if (period.preset === "month") params.set("month", String(period.month));
    if (period.preset === "quarter") params.set("quarter", String(period.quarter));
  } else {
    params.set("from", period.from);
    params.set("to", period.to);
  }
  if (filters.unit) params.set("unit", filters.unit);
  if (filters.rank !== "unit") params.set("rank", filters.rank);
  return `dashboard?${params}`;
}
