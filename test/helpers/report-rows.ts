import * as z from "zod";
import {
  GROUP_COLUMNS,
  type ReportGrouping,
  type ReportKind,
  SERVED_GROUPINGS,
} from "../../shared/contract/reports.js";
import { ELEMENT_CODES, ITEM_CODES } from "../../shared/instrument/index.js";

// Schemas of the JSON report rows, for tests that check what the API sends; test/shared/contract/reports.test.ts checks
// that they agree with reportColumns.

const figure = z.number().nullable();
const count = z.number().int().min(0);

function groupShape(by: ReportGrouping) {
  return Object.fromEntries(
    GROUP_COLUMNS[by].map((column) => [
      column,
      by === "officer" || column === "service_code" || column === "service_name"
        ? z.string().nullable()
        : z.string(),
    ]),
  );
}

/** A JSON row of /reports/sipas for a grouping. */
export function sipasRowSchema(by: ReportGrouping) {
  return z.strictObject({
    period_from: z.string(),
    period_to: z.string(),
    ...groupShape(by),
    respondents: count,
    sipas_index: figure,
    ...Object.fromEntries(
      ELEMENT_CODES.flatMap((code) => [`${code}_index`, `${code}_mean`]).map((c) => [c, figure]),
    ),
    small_sample: z.boolean(),
    ...(SERVED_GROUPINGS.includes(by) ? { served: count.nullable(), response_rate: figure } : {}),
  });
}

/** A JSON row of /reports/items for a grouping; an officer's counts may be withheld (null). */
export function itemRowSchema(by: ReportGrouping) {
  const counts = ["count_1", "count_2", "count_3", "count_4", "count_5"];
  return z.strictObject({
    ...groupShape(by),
    element: z.enum(ELEMENT_CODES),
    item: z.enum(ITEM_CODES),
    n: count,
    ...Object.fromEntries(counts.map((column) => [column, by === "officer" ? count.nullable() : count])),
    index: figure,
    mean: figure,
  });
}

/** The JSON body of a report: `{ from, to, by, rows }`. */
export function reportResponseSchema(kind: ReportKind, by: ReportGrouping) {
  const row = kind === "sipas" ? sipasRowSchema(by) : itemRowSchema(by);
  return z.strictObject({ from: z.string(), to: z.string(), by: z.literal(by), rows: z.array(row) });
}
