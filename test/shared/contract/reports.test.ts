import { describe, expect, it } from "vitest";
import {
  itemFigures,
  REPORT_GROUPINGS,
  type ReportGrouping,
  type ReportKind,
  reportColumns,
  reportGroupingSchema,
  reportQuerySchema,
  sipasFigures,
} from "../../../shared/contract/reports.js";
import { scoreGroup } from "../../../shared/scoring/index.js";
import { countsFromResponses } from "../../helpers/counts.js";
import { itemRowSchema, reportResponseSchema, sipasRowSchema } from "../../helpers/report-rows.js";

const FIGURES = [
  "respondents",
  "sipas_index",
  "TC_index",
  "TT_index",
  "CC_index",
  "KQ_index",
  "PA_index",
  "TC_mean",
  "TT_mean",
  "CC_mean",
  "KQ_mean",
  "PA_mean",
  "small_sample",
];

// Citizens served and the response rate, where served counts add up (issue 18).
const SERVED = ["served", "response_rate"];

const columnNames = (kind: ReportKind, by: ReportGrouping) => reportColumns(kind, by).map((c) => c.name);

describe("report columns (DESIGN.md §3)", () => {
  it("lists the SIPAS columns for each grouping", () => {
    expect(columnNames("sipas", "unit")).toEqual([
      "period_from",
      "period_to",
      "unit_code",
      "unit_name",
      ...FIGURES,
      ...SERVED,
    ]);
    expect(columnNames("sipas", "service")).toEqual([
      "period_from",
      "period_to",
      "service_code",
      "service_name",
      ...FIGURES,
    ]);
    expect(columnNames("sipas", "point")).toEqual([
      "period_from",
      "period_to",
      "point_code",
      "point_label",
      "unit_code",
      ...FIGURES,
      ...SERVED,
    ]);
    expect(columnNames("sipas", "month")).toEqual([
      "period_from",
      "period_to",
      "month",
      ...FIGURES,
      ...SERVED,
    ]);
    expect(columnNames("sipas", "day")).toEqual(["period_from", "period_to", "day", ...FIGURES, ...SERVED]);
    expect(columnNames("sipas", "total")).toEqual(["period_from", "period_to", ...FIGURES, ...SERVED]);
    expect(columnNames("sipas", "channel")).toEqual(["period_from", "period_to", "channel", ...FIGURES]);
    expect(columnNames("sipas", "unit,service")).toEqual([
      "period_from",
      "period_to",
      "unit_code",
      "unit_name",
      "service_code",
      "service_name",
      ...FIGURES,
    ]);
  });

  it("gives each column its kind, by which CSV and XLSX write it", () => {
    const kinds = Object.fromEntries(reportColumns("sipas", "unit").map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      period_from: "text",
      unit_code: "text",
      respondents: "integer",
      sipas_index: "figure",
      TC_mean: "figure",
      small_sample: "boolean",
      served: "integer",
      response_rate: "figure",
    });
    const items = Object.fromEntries(reportColumns("items", "month").map((c) => [c.name, c.kind]));
    expect(items).toMatchObject({
      month: "text",
      item: "text",
      n: "integer",
      count_5: "integer",
      index: "figure",
    });
  });

  it("lists the item columns", () => {
    expect(columnNames("items", "month")).toEqual([
      "month",
      "element",
      "item",
      "n",
      "count_1",
      "count_2",
      "count_3",
      "count_4",
      "count_5",
      "index",
      "mean",
    ]);
  });
});

describe("report rows", () => {
  // The worked example of SIPAS.md §3.
  const score = scoreGroup(
    countsFromResponses([{ TC1: 5, TC2: 3 }, { TC1: 4, TC2: 3 }, { TC1: 2, TC2: 4 }, { TC2: 5 }]),
  );

  it("turns a scored group into the figure columns, unrounded, null without data", () => {
    const figures = sipasFigures(score);
    expect(Object.keys(figures)).toEqual(FIGURES);
    expect(figures).toMatchObject({ respondents: 4, TT_index: null, PA_mean: null, small_sample: true });
    expect(figures.TC_index).toBeCloseTo(175 / 3, 12);
    expect(figures.sipas_index).toBe(figures.TC_index);
  });

  it("builds rows that the row schemas accept, keyed by exactly the report's columns", () => {
    for (const by of REPORT_GROUPINGS) {
      const group = Object.fromEntries(
        columnNames("sipas", by)
          .filter(
            (column) =>
              !["period_from", "period_to"].includes(column) &&
              !FIGURES.includes(column) &&
              !SERVED.includes(column),
          )
          .map((column) => [column, column.startsWith("service_") ? null : "X"]),
      );
      const served = columnNames("sipas", by).includes("served") ? { served: 8, response_rate: 0.5 } : {};
      const row = {
        period_from: "2026-01-01",
        period_to: "2026-03-31",
        ...group,
        ...sipasFigures(score),
        ...served,
      };
      expect(Object.keys(sipasRowSchema(by).parse(row)).sort()).toEqual([...columnNames("sipas", by)].sort());
      expect(sipasRowSchema(by).safeParse({ ...row, extra: 1 }).success).toBe(false);
      const { small_sample: _, ...missing } = row;
      expect(sipasRowSchema(by).safeParse(missing).success).toBe(false);
    }
  });

  it("builds item rows from item scores", () => {
    const row = { month: "2026-01", ...itemFigures("TC", "TC1", score.items.TC1) };
    expect(itemRowSchema("month").parse(row)).toEqual({
      month: "2026-01",
      element: "TC",
      item: "TC1",
      n: 3,
      count_1: 0,
      count_2: 1,
      count_3: 0,
      count_4: 1,
      count_5: 1,
      index: (2 / 3) * 100,
      mean: 11 / 3,
    });
    expect(Object.keys(row)).toEqual(columnNames("items", "month"));
    expect(itemRowSchema("month").safeParse({ ...row, item: "ZZ1" }).success).toBe(false);
  });

  it("describes the JSON body", () => {
    const body = { from: "2026-01-01", to: "2026-01-31", by: "day", rows: [] };
    expect(reportResponseSchema("sipas", "day").safeParse(body).success).toBe(true);
    expect(reportResponseSchema("sipas", "month").safeParse(body).success).toBe(false);
  });
});

describe("reportQuerySchema", () => {
  it("reads a query with defaults", () => {
    expect(reportQuerySchema.parse({ from: "2026-01-01", to: "2026-03-31" })).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
      by: "unit",
      format: "json",
    });
  });

  it("reads presets, groupings, unit and format", () => {
    expect(
      reportQuerySchema.parse({
        preset: "first-half",
        year: "2026",
        by: "unit,service",
        unit: "h35.1",
        format: "csv",
      }),
    ).toEqual({ from: "2026-01-01", to: "2026-06-30", by: "unit,service", unit: "H35.1", format: "csv" });
  });

  it("knows the groupings of DESIGN.md §3", () => {
    expect(REPORT_GROUPINGS).toEqual([
      "unit",
      "service",
      "point",
      "month",
      "day",
      "unit,service",
      "total",
      "officer",
      "channel",
    ]);
    expect(reportGroupingSchema.safeParse("service,unit").success).toBe(false);
  });

  it("rejects unknown groupings and formats, and a missing or invalid period", () => {
    expect(
      reportQuerySchema.safeParse({ from: "2026-01-01", to: "2026-01-31", by: "province" }).success,
    ).toBe(false);
    expect(reportQuerySchema.safeParse({ from: "2026-01-01", to: "2026-01-31", format: "pdf" }).success).toBe(
      false,
    );
    expect(reportQuerySchema.safeParse({ by: "unit" }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-31" }).success).toBe(false);
  });
});
