import type { ReportGrouping, SipasRow } from "../../shared/contract/reports.js";
import type { Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import type { AuthUser } from "../deps.js";
import { forbidden } from "../errors.js";
import { buildReport } from "./build-report.js";
import { reportSubtree } from "./report-scope.js";

// Who sees which officer (issue 16): analysts and admins see the officers of their subtree; a staff user
// sees their own row, their own trend and the comments on their own service, nothing of a colleague's.
// Officers never appear anywhere anonymous (public pages, posters, the public point info).

const OFFICER_GROUPINGS: ReadonlySet<ReportGrouping> = new Set(["officer", "month", "total"]);

/**
 * The officer whose responses alone a caller may read: a staff user's own id, null for analysts and admins
 * (no restriction). A staff user asking for another grouping (by=unit…) gets 403.
 */
export function ownOfficer(user: AuthUser, by?: ReportGrouping): number | null {
  if (user.role !== "staff") return null;
  if (by !== undefined && !OFFICER_GROUPINGS.has(by)) {
    throw forbidden("Staff read their own results only: by=officer, by=month or by=total.");
  }
  return user.id;
}

/**
 * The by=officer rows of /reports/sipas for a caller, period and optional unit filter, with the rights and
 * the minimum-sample rule applied: what the report pack's "Theo cán bộ" sheet shows. Throws 403/404 as the
 * report route does for a unit outside the caller's scope.
 */
export async function officerRows(
  db: Database,
  user: AuthUser,
  options: { period: Period; unit?: string | undefined; minimum: number },
): Promise<SipasRow<"officer">[]> {
  const subtree = await reportSubtree(db, user, options.unit);
  return (await buildReport(db, {
    kind: "sipas",
    by: "officer",
    period: options.period,
    subtree,
    officerId: ownOfficer(user, "officer"),
    officerMinimum: options.minimum,
  })) as SipasRow<"officer">[];
}
