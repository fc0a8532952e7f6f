import type {
  CommentsPage,
  ItemRow,
  ReportFormat,
  ReportGrouping,
  ReportKind,
  SipasRow,
} from "../../../shared/contract/reports.js";
import type { Lang } from "../../../shared/i18n/console/index.js";
import { get, queryString } from "./api.js";

// The reports API as the dashboard reads it (DESIGN.md §3 "Analyst"). Every figure on the dashboard is a
// cell of one of these answers; the console rounds for display and computes nothing.

/** What the dashboard is looking at: an inclusive period and an optional unit subtree. */
export type ReportScope = { from: string; to: string; unit?: string | undefined };

/** The query string of a report, identical for the JSON on screen and the files behind its buttons. */
function reportQuery(scope: ReportScope, by: ReportGrouping, format: ReportFormat): string {
  return queryString({ from: scope.from, to: scope.to, by, unit: scope.unit, format });
}

/**
 * The address of a report in a format: the download buttons link exactly what is on screen, with headers
 * (and question texts) in the reader's language when `labels` is given.
 */
export function reportHref(
  kind: ReportKind,
  scope: ReportScope,
  by: ReportGrouping,
  format: ReportFormat,
  labels?: Lang,
): string {
  const query = reportQuery(scope, by, format);
  return `/api/v1/reports/${kind}${query}${labels ? `&labels=${labels}` : ""}`;
}

/** The raw anonymous responses of the scope, one CSV row each. */
export function responsesHref(scope: ReportScope): string {
  return `/api/v1/reports/responses.csv${queryString({ from: scope.from, to: scope.to, unit: scope.unit })}`;
}

/** The rows of /reports/sipas for a grouping. */
export const fetchSipas = <B extends ReportGrouping>(scope: ReportScope, by: B) =>
  get<{ rows: SipasRow<B>[] }>(`/reports/sipas${reportQuery(scope, by, "json")}`).then((body) => body.rows);

/** The rows of /reports/items for a grouping. */
export const fetchItems = <B extends ReportGrouping>(scope: ReportScope, by: B) =>
  get<{ rows: ItemRow<B>[] }>(`/reports/items${reportQuery(scope, by, "json")}`).then((body) => body.rows);

/** The latest comments of the scope, newest first. */
export const fetchComments = (scope: ReportScope, limit: number) =>
  get<CommentsPage>(
    `/reports/comments${queryString({ from: scope.from, to: scope.to, unit: scope.unit, limit })}`,
  ).then((body) => body.comments);
