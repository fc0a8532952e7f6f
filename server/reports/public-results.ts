import type { SipasRow } from "../../shared/contract/reports.js";
import {
  lastFullMonth,
  lastFullQuarter,
  lastTwelveMonths,
  type Period,
  yearToDate,
} from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { buildReport } from "./build-report.js";

// What a unit shows citizens once it opts in (GET /p/:unitCode, the results poster): totals of its subtree
// for a few periods and a monthly trend, through the same scoring path as every report. Privacy: nothing
// per point, counter or officer, and no comment, ever leaves this module.

export type PublicFigures = { period: Period; row: SipasRow };

export type PublicResults = {
  lastMonth: PublicFigures;
  lastQuarter: PublicFigures;
  yearToDate: PublicFigures;
  trend: SipasRow<"month">[];
};

/** The public figures of a unit's subtree as of an instant. */
export async function gatherPublicResults(
  db: Database,
  subtree: string,
  now: number,
): Promise<PublicResults> {
  const total = async (period: Period): Promise<PublicFigures> => {
    const rows = (await buildReport(db, { kind: "sipas", by: "total", period, subtree })) as SipasRow[];
    return { period, row: rows[0] as SipasRow };
  };
  const [lastMonth, lastQuarter, ytd, trend] = await Promise.all([
    total(lastFullMonth(now)),
    total(lastFullQuarter(now)),
    total(yearToDate(now)),
    buildReport(db, { kind: "sipas", by: "month", period: lastTwelveMonths(now), subtree }),
  ]);
  return { lastMonth, lastQuarter, yearToDate: ytd, trend: trend as SipasRow<"month">[] };
}

/** Last full month's figures only, for the lobby poster. */
export async function lastMonthResults(db: Database, subtree: string, now: number): Promise<PublicFigures> {
  const period = lastFullMonth(now);
  const rows = (await buildReport(db, { kind: "sipas", by: "total", period, subtree })) as SipasRow[];
  return { period, row: rows[0] as SipasRow };
}
