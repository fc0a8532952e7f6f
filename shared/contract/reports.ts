import { ELEMENT_CODES, type ElementCode, type ItemCode } from "../instrument/index.js";
import type { GroupScore, ItemScore } from "../scoring/index.js";
import { periodQuerySchema } from "../time/index.js";
import { unitCodeSchema } from "./catalogue.js";
import * as z from "./zod.js";

// The report contract of DESIGN.md §3: query parameters, and the rows of /reports/sipas and /reports/items.
// JSON, CSV and XLSX all take their columns from here, in this order. In JSON a figure without data is null
// and nothing is rounded; CSV and XLSX format figures with formatIndex and leave empty cells.

// "total" is one row for the whole period and scope (the console's headline and its item table).
export const REPORT_GROUPINGS = [
  "unit",
  "service",
  "point",
  "month",
  "day",
  "unit,service",
  "total",
  // One row per officer who served (issue 16), then one for responses without an officer.
  "officer",
  "channel",
] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The `by` parameter: one of REPORT_GROUPINGS, "unit,service" written with its comma. */
export const reportGroupingSchema = z.enum(REPORT_GROUPINGS);

export const REPORT_KINDS = ["sipas", "items"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ["json", "csv", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The columns that identify a group, per grouping; service columns are null for responses without a service. */
export const GROUP_COLUMNS = {
  unit: ["unit_code", "unit_name"],
  service: ["service_code", "service_name"],
  point: ["point_code", "point_label", "unit_code"],
  month: ["month"],
  day: ["day"],
  "unit,service": ["unit_code", "unit_name", "service_code", "service_name"],
  total: [],
  officer: ["officer_username", "officer_name", "unit_code"],
  channel: ["channel"],
} as const satisfies Record<ReportGrouping, readonly string[]>;

/**
 * The group columns' values of a row; for the union of groupings, the union of their shapes. Officer
 * columns (all three, unit_code included) are null in the group of responses without an officer.
 */
export type GroupValues<B extends ReportGrouping> = B extends ReportGrouping
  ? {
      [C in (typeof GROUP_COLUMNS)[B][number]]: B extends "officer"
        ? string | null
        : C extends "service_code" | "service_name"
          ? string | null
          : string;
    }
  : never;

/** How a column's values are written: text, whole numbers, figures shown with 2 decimals, or yes/no. */
export type ColumnKind = "text" | "integer" | "figure" | "boolean";

/** A report column: its name (CSV header, JSON key) and its kind. */
export type ReportColumn = { name: string; kind: ColumnKind };

const ELEMENT_INDEX_COLUMNS = ELEMENT_CODES.map((code) => `${code}_index` as const);
const ELEMENT_MEAN_COLUMNS = ELEMENT_CODES.map((code) => `${code}_mean` as const);
const COUNT_COLUMNS = ["count_1", "count_2", "count_3", "count_4", "count_5"] as const;

/** The figures of a /reports/sipas row, after its period and group columns. */
export type SipasFigures = {
  respondents: number;
  sipas_index: number | null;
  small_sample: boolean;
  /** Citizens served (SERVED_GROUPINGS only): null where no count was given. */
  served?: number | null;
  /** respondents ÷ served (SERVED_GROUPINGS only): null where no count was given. */
  response_rate?: number | null;
} & Record<`${ElementCode}_index` | `${ElementCode}_mean`, number | null>;

/**
 * The groupings whose SIPAS rows carry `served` and `response_rate`: those where served counts (per point
 * and day) add up. A service or a channel has no count of its own.
 */
export const SERVED_GROUPINGS: readonly ReportGrouping[] = ["unit", "point", "month", "day", "total"];

/** The channels a response comes through, in the order by=channel lists them. */
export const RESPONSE_CHANNELS = ["qr", "kiosk", "link", "paper", "import"] as const;

export type SipasRow<B extends ReportGrouping = ReportGrouping> = {
  period_from: string;
  period_to: string;
} & GroupValues<B> &
  SipasFigures;

/** The figures of a /reports/items row, after its group columns. */
export type ItemFigures = {
  element: ElementCode;
  item: ItemCode;
  n: number;
  // null only for an officer below the minimum sample (HAILONG_OFFICER_MIN_RESPONSES).
  count_1: number | null;
  count_2: number | null;
  count_3: number | null;
  count_4: number | null;
  count_5: number | null;
  index: number | null;
  mean: number | null;
};

export type ItemRow<B extends ReportGrouping = ReportGrouping> = GroupValues<B> & ItemFigures;

/** A citizen's comment as GET /api/v1/reports/comments lists it, with where and when it was left. */
export type ReportComment = {
  day: string;
  /** ISO 8601, UTC. */
  submitted_at: string;
  unit_code: string;
  unit_name: string;
  point_code: string;
  point_label: string;
  service_code: string | null;
  service_name: string | null;
  lang: string;
  /** Personal numbers are masked before the comment is stored; the flag says masking happened. */
  comment: string;
  comment_has_pii: boolean;
};

/** The JSON body of GET /api/v1/reports/comments: a page, and the cursor of the next one (null: the last). */
export type CommentsPage = { comments: ReportComment[]; next: string | null };

const columnsOf = (kind: ColumnKind, names: readonly string[]): ReportColumn[] =>
  names.map((name) => ({ name, kind }));

/**
 * The ordered columns of a report for a grouping, with their kinds: the header of its CSV and XLSX, the
 * keys of its JSON rows.
 */
export function reportColumns(kind: ReportKind, by: ReportGrouping): ReportColumn[] {
  const group = columnsOf("text", GROUP_COLUMNS[by]);
  if (kind === "items") {
    return [
      ...group,
      ...columnsOf("text", ["element", "item"]),
      ...columnsOf("integer", ["n", ...COUNT_COLUMNS]),
      ...columnsOf("figure", ["index", "mean"]),
    ];
  }
  return [
    ...columnsOf("text", ["period_from", "period_to"]),
    ...group,
    ...columnsOf("integer", ["respondents"]),
    ...columnsOf("figure", ["sipas_index", ...ELEMENT_INDEX_COLUMNS, ...ELEMENT_MEAN_COLUMNS]),
    ...columnsOf("boolean", ["small_sample"]),
    ...(SERVED_GROUPINGS.includes(by)
      ? [...columnsOf("integer", ["served"]), ...columnsOf("figure", ["response_rate"])]
      : []),
  ];
}

/** A scored group as the figure columns of a SIPAS row (unrounded, null where there is no data). */
export function sipasFigures(score: GroupScore): SipasFigures {
  const figures: Record<string, number | boolean | null> = {
    respondents: score.respondents,
    sipas_index: score.sipasIndex,
  };
  for (const code of ELEMENT_CODES) figures[`${code}_index`] = score.elements[code].index;
  for (const code of ELEMENT_CODES) figures[`${code}_mean`] = score.elements[code].mean;
  figures.small_sample = score.smallSample;
  return figures as SipasFigures;
}

/** A scored item as the figure columns of an items row. */
export function itemFigures(element: ElementCode, item: ItemCode, score: ItemScore): ItemFigures {
  const [count_1, count_2, count_3, count_4, count_5] = score.counts;
  return {
    element,
    item,
    n: score.n,
    count_1,
    count_2,
    count_3,
    count_4,
    count_5,
    index: score.index,
    mean: score.mean,
  };
}

/**
 * Query parameters of /api/v1/reports/*: a period (`from`+`to`, or `preset`+`year`…), `by` (default unit),
 * an optional `unit` subtree and `format` (default json). Parses to `{ from, to, by, unit?, format }`.
 */
export const reportQuerySchema = z.intersection(
  z.object({
    by: z._default(reportGroupingSchema, "unit"),
    unit: z.optional(unitCodeSchema),
    format: z._default(z.enum(REPORT_FORMATS), "json"),
    // Header texts (and question texts) in a language for people's downloads; absent: machine names.
    labels: z.optional(z.enum(["vi", "en", "zh"])),
  }),
  periodQuerySchema,
);
