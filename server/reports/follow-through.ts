import type { FollowThroughRow } from "../../shared/contract/cases.js";
import { DAY_MS, type Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { casesOpenedIn, type FollowThroughCase } from "../db/queries/cases.js";
import { listUnits } from "../db/queries/units.js";

// Follow-through figures (issue 17): per unit and period, the cases opened, how many were answered within
// their due time, and the median days to answer. For /api/v1/reports/cases, the dashboard and the report
// pack's sheet. A unit's row counts the cases of its own points, as the SIPAS report's rows do.

/**
 * The follow-through rows of a period (opening days, both included) in a unit subtree (null: all):
 * one per active unit of the subtree with `by: "unit"` (0 cases and empty figures where none opened), one
 * for the whole subtree with `by: "total"`. `now` decides what is open and overdue.
 */
export async function followThroughRows(
  db: Database,
  query: { period: Period; subtree: string | null; by: "unit" | "total"; now: number },
): Promise<FollowThroughRow[]> {
  const opened = await casesOpenedIn(db, { ...query.period, subtree: query.subtree });
  const base = { period_from: query.period.from, period_to: query.period.to };
  if (query.by === "total")
    return [{ ...base, unit_code: null, unit_name: null, ...figures(opened, query.now) }];
  const units = await listUnits(db, { scopePath: query.subtree, includeArchived: false });
  const byUnit = new Map<number, FollowThroughCase[]>();
  for (const item of opened) byUnit.set(item.unit_id, [...(byUnit.get(item.unit_id) ?? []), item]);
  return units.map((unit) => ({
    ...base,
    unit_code: unit.code,
    unit_name: unit.name,
    ...figures(byUnit.get(unit.id) ?? [], query.now),
  }));
}

function figures(items: readonly FollowThroughCase[], now: number) {
  const answered = items.filter((item) => item.answered_at !== null);
  const inTime = answered.filter((item) => (item.answered_at as number) <= item.due_at);
  const decided = items.filter((item) => item.answered_at !== null || item.due_at <= now);
  const open = items.filter((item) => item.status === "received" || item.status === "in_progress");
  return {
    cases_opened: items.length,
    answered: answered.length,
    answered_in_time: inTime.length,
    answered_in_time_pct: decided.length === 0 ? null : (inTime.length / decided.length) * 100,
    median_days_to_answer: median(
      answered.map((item) => ((item.answered_at as number) - item.opened_at) / DAY_MS),
    ),
    open: open.length,
    overdue: open.filter((item) => item.due_at <= now).length,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
