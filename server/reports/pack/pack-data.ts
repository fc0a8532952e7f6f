import type { FollowThroughRow } from "../../../shared/contract/cases.js";
import type { ItemRow, SipasRow } from "../../../shared/contract/reports.js";
import { type Period, previousPeriod, sameTimeLastYear } from "../../../shared/time/index.js";
import type { Database } from "../../db/database.js";
import { type CommentRow, listComments } from "../../db/queries/reports.js";
import type { AuthUser } from "../../deps.js";
import { buildReport } from "../build-report.js";
import { followThroughRows } from "../follow-through.js";
import { officerRows } from "../officer-report.js";

// Everything the report pack shows, gathered once for the workbook and the printable document alike.
// Every figure is a row of buildReport, the code path of /reports/sipas and /reports/items: the pack only
// puts rows side by side (current period, previous period, a year earlier) and subtracts.

/** Comments in the pack: the newest of the period, masked as stored. */
export const PACK_COMMENTS = 2000;

/** The language of a pack: its sheet names, headers and texts. */
export type PackLang = "vi" | "en";

/** One report's rows for the pack's period and the previous period of the same length. */
export type Compared<Row> = { current: Row; previous: Row };

export type PackData = {
  lang: PackLang;
  /** When and by whom the pack was made (ms since epoch, username). */
  generatedAt: number;
  generatedBy: string;
  /** The unit filter, or null for the caller's whole scope (named by `scopeName`). */
  unit: { code: string; name: string } | null;
  scopeName: string | null;
  period: Period;
  previous: Period;
  yearEarlier: Period;
  total: { current: SipasRow; previous: SipasRow; yearEarlier: SipasRow };
  units: Compared<SipasRow<"unit">[]>;
  services: Compared<SipasRow<"service">[]>;
  items: Compared<ItemRow<"total">[]>;
  months: SipasRow<"month">[];
  comments: CommentRow[];
  /**
   * by=officer of /reports/sipas for the caller (minimum sample applied), or null when the caller may not
   * see officers: then the pack has no officer sheet.
   */
  officers: SipasRow<"officer">[] | null;
  /** HAILONG_OFFICER_MIN_RESPONSES: below it an officer's figures are withheld. */
  officerMinimum: number;
  /** by=channel of /reports/sipas: the channel mix. */
  channels: SipasRow<"channel">[];
  /** /reports/cases for the period: one row per unit, then the total. */
  cases: { units: FollowThroughRow[]; total: FollowThroughRow };
};

/** What a pack is asked for, once the route has checked the caller's scope. */
export type PackRequest = {
  period: Period;
  subtree: string | null;
  lang: PackLang;
  unit: { code: string; name: string } | null;
  scopeName: string | null;
  generatedAt: number;
  generatedBy: string;
  /** The caller, the unit filter and HAILONG_OFFICER_MIN_RESPONSES: who may see which officer. */
  officers: { user: AuthUser; unit: string | undefined; minimum: number };
};

/** Analysts and admins see the officers of their subtree (issue 16); nobody else gets the sheet. */
const seesOfficers = (user: AuthUser) => user.role === "analyst" || user.role === "admin";

/** Gathers the figures of a pack: the reports of three periods and the period's newest comments. */
export async function gatherPack(db: Database, request: PackRequest): Promise<PackData> {
  const { period, subtree } = request;
  const previous = previousPeriod(period);
  const yearEarlier = sameTimeLastYear(period);
  const sipas = (p: Period, by: "total" | "unit" | "service" | "month" | "channel") =>
    buildReport(db, { kind: "sipas", by, period: p, subtree }) as Promise<SipasRow[]>;
  const items = (p: Period) =>
    buildReport(db, { kind: "items", by: "total", period: p, subtree }) as Promise<ItemRow[]>;
  const [
    total,
    totalPrevious,
    totalYearEarlier,
    units,
    unitsPrevious,
    services,
    servicesPrevious,
    itemRows,
    itemsPrevious,
    months,
    comments,
    officers,
    channels,
    caseUnits,
    caseTotal,
  ] = await Promise.all([
    sipas(period, "total"),
    sipas(previous, "total"),
    sipas(yearEarlier, "total"),
    sipas(period, "unit"),
    sipas(previous, "unit"),
    sipas(period, "service"),
    sipas(previous, "service"),
    items(period),
    items(previous),
    sipas(period, "month"),
    listComments(db, { period, subtree, before: null, serviceId: null, limit: PACK_COMMENTS }),
    seesOfficers(request.officers.user)
      ? officerRows(db, request.officers.user, {
          period,
          unit: request.officers.unit,
          minimum: request.officers.minimum,
        })
      : null,
    sipas(period, "channel"),
    followThroughRows(db, { period, subtree, by: "unit", now: request.generatedAt }),
    followThroughRows(db, { period, subtree, by: "total", now: request.generatedAt }),
  ]);
  return {
    lang: request.lang,
    generatedAt: request.generatedAt,
    generatedBy: request.generatedBy,
    unit: request.unit,
    scopeName: request.scopeName,
    period,
    previous,
    yearEarlier,
    total: {
      current: total[0] as SipasRow,
      previous: totalPrevious[0] as SipasRow,
      yearEarlier: totalYearEarlier[0] as SipasRow,
    },
    units: { current: units as SipasRow<"unit">[], previous: unitsPrevious as SipasRow<"unit">[] },
    services: {
      current: services as SipasRow<"service">[],
      previous: servicesPrevious as SipasRow<"service">[],
    },
    items: { current: itemRows as ItemRow<"total">[], previous: itemsPrevious as ItemRow<"total">[] },
    months: months as SipasRow<"month">[],
    comments,
    officers,
    officerMinimum: request.officers.minimum,
    channels: channels as SipasRow<"channel">[],
    cases: { units: caseUnits, total: caseTotal[0] as FollowThroughRow },
  };
}

/** The change in points from an earlier figure, or null when either has no data. */
export function change(current: number | null | undefined, earlier: number | null | undefined) {
  return current === null || current === undefined || earlier === null || earlier === undefined
    ? null
    : current - earlier;
}

/** Rows of an earlier period by a key, to find a group's previous figures. */
export function indexRows<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row> {
  return new Map(rows.map((row) => [key(row), row]));
}
