import type { FollowThroughRow } from "../../../shared/contract/cases.js";
import type { SipasRow } from "../../../shared/contract/reports.js";
import { t } from "../../../shared/i18n/index.js";
import { ELEMENT_CODES } from "../../../shared/instrument/index.js";
import type { CellValue, ColumnKind, Table, TableColumn } from "../table.js";
import { channelName, columnLabel, questionText } from "./labels.js";
import { change, indexRows, type PackData, type PackLang } from "./pack-data.js";

// The sheets of the report pack, in their order. A sheet is one entry: its name's message key and a
// function from the gathered figures to its table. A new sheet (by officer, cases, served counts) is one
// more entry in PACK_SHEETS, and its figures one more field of PackData.

export type PackSheet = {
  /** The sheet's name in each language (i18n key under pack.sheets, at most 31 characters). */
  name: `pack.sheets.${string}`;
  build: (data: PackData) => Omit<Table, "sheet">;
  /** Whether the pack has this sheet (default: always). */
  when?: (data: PackData) => boolean;
};

type Column = TableColumn & { header?: string };
type Row = Record<string, CellValue | undefined>;

/** A sheet from named columns and records; headers default to the column's label in the pack's language. */
function sheet(lang: PackLang, columns: readonly Column[], records: readonly Row[]): Omit<Table, "sheet"> {
  return {
    columns: columns.map(({ name, kind }) => ({ name, kind })),
    headers: columns.map((column) => column.header ?? columnLabel(lang, column.name)),
    rows: records.map((record) => columns.map((column) => record[column.name] ?? null)),
  };
}

const col = (name: string, kind: ColumnKind, header?: string): Column =>
  header === undefined ? { name, kind } : { name, kind, header };
const ELEMENT_INDEX = ELEMENT_CODES.map((code) => col(`${code}_index`, "figure"));
const ELEMENT_MEAN = ELEMENT_CODES.map((code) => col(`${code}_mean`, "figure"));
const FIGURE_NAMES = ["sipas_index", ...ELEMENT_CODES.flatMap((c) => [`${c}_index`, `${c}_mean`])];

const yesNo = (lang: PackLang, value: boolean) => t(lang, value ? "pack.rows.yes" : "pack.rows.no");

/** A SIPAS row's figures with the small-sample flag in words. */
function figures(lang: PackLang, row: SipasRow): Row {
  const record: Row = { respondents: row.respondents };
  for (const name of FIGURE_NAMES) record[name] = row[name as keyof SipasRow] as number | null;
  record.small_sample = yesNo(lang, row.small_sample);
  return record;
}

/** Citizens served and the response rate (issue 18), in the groupings that carry them. */
const SERVED = [col("served", "integer"), col("response_rate", "figure")];
const served = (row: SipasRow): Row => ({
  served: row.served ?? null,
  response_rate: row.response_rate ?? null,
});

/** Tổng hợp: the period, the previous period and a year earlier, one row each, and the changes. */
const summarySheet: PackSheet = {
  name: "pack.sheets.summary",
  build(data) {
    const { lang, total } = data;
    const unit = data.unit?.name ?? data.scopeName ?? t(lang, "pack.scope.all");
    const periodRow = (label: string, row: SipasRow): Row => ({
      figure: label,
      unit,
      period_from: row.period_from,
      period_to: row.period_to,
      ...figures(lang, row),
      ...served(row),
    });
    const changeRow = (label: string, earlier: SipasRow): Row => {
      const record: Row = {
        figure: label,
        unit,
        respondents: total.current.respondents - earlier.respondents,
        served: change(total.current.served, earlier.served),
      };
      for (const name of FIGURE_NAMES) {
        const key = name as keyof SipasRow;
        record[name] = change(total.current[key] as number | null, earlier[key] as number | null);
      }
      return record;
    };
    const range = (p: { from: string; to: string }) => ({ from: p.from, to: p.to });
    return sheet(
      lang,
      [
        col("figure", "text"),
        col("unit", "text", t(lang, "pack.rows.unit")),
        col("period_from", "text"),
        col("period_to", "text"),
        col("respondents", "integer"),
        col("sipas_index", "figure"),
        ...ELEMENT_INDEX,
        ...ELEMENT_MEAN,
        col("small_sample", "text"),
        ...SERVED,
      ],
      [
        periodRow(t(lang, "pack.columns.current", range(data.period)), total.current),
        periodRow(t(lang, "pack.columns.previous", range(data.previous)), total.previous),
        changeRow(t(lang, "pack.columns.change"), total.previous),
        periodRow(t(lang, "pack.columns.yearEarlier", range(data.yearEarlier)), total.yearEarlier),
        changeRow(t(lang, "pack.columns.changeYear"), total.yearEarlier),
      ],
    );
  },
};

/** The rows of a grouping with the group's index in the previous period and the change. */
function comparedRows<R extends SipasRow>(
  lang: PackLang,
  rows: { current: R[]; previous: R[] },
  key: (row: R) => string,
  label: (row: R) => Row,
): Row[] {
  const previous = indexRows(rows.previous, key);
  return rows.current.map((row) => {
    const before = previous.get(key(row))?.sipas_index ?? null;
    return {
      ...label(row),
      ...figures(lang, row),
      previousIndex: before,
      indexChange: change(row.sipas_index, before),
    };
  });
}

const COMPARED_FIGURES = [
  col("respondents", "integer"),
  col("sipas_index", "figure"),
  col("previousIndex", "figure"),
  col("indexChange", "figure"),
  ...ELEMENT_INDEX,
  ...ELEMENT_MEAN,
  col("small_sample", "text"),
];

const unitsSheet: PackSheet = {
  name: "pack.sheets.units",
  build(data) {
    const rows = comparedRows(
      data.lang,
      data.units,
      (row) => String(row.unit_code),
      (row) => ({ unit_code: row.unit_code, unit_name: row.unit_name, ...served(row) }),
    );
    return sheet(
      data.lang,
      [col("unit_code", "text"), col("unit_name", "text"), ...COMPARED_FIGURES, ...SERVED],
      rows,
    );
  },
};

const servicesSheet: PackSheet = {
  name: "pack.sheets.services",
  build(data) {
    const rows = comparedRows(
      data.lang,
      data.services,
      (row) => String(row.service_code),
      (row) => ({
        service_code: row.service_code ?? null,
        service_name: row.service_name ?? t(data.lang, "pack.columns.noService"),
      }),
    );
    return sheet(
      data.lang,
      [col("service_code", "text"), col("service_name", "text"), ...COMPARED_FIGURES],
      rows,
    );
  },
};

const questionsSheet: PackSheet = {
  name: "pack.sheets.questions",
  build(data) {
    const previous = indexRows(data.items.previous, (row) => row.item);
    const rows = data.items.current.map((row): Row => {
      const before = previous.get(row.item)?.index ?? null;
      return {
        ...row,
        element: row.element,
        question: questionText(data.lang, row.item),
        previousIndex: before,
        indexChange: change(row.index, before),
      };
    });
    return sheet(
      data.lang,
      [
        col("element", "text"),
        col("item", "text"),
        col("question", "text"),
        col("n", "integer"),
        ...[1, 2, 3, 4, 5].map((value) => col(`count_${value}`, "integer")),
        col("index", "figure"),
        col("mean", "figure"),
        col("previousIndex", "figure"),
        col("indexChange", "figure"),
      ],
      rows,
    );
  },
};

const monthsSheet: PackSheet = {
  name: "pack.sheets.months",
  build(data) {
    return sheet(
      data.lang,
      [
        col("month", "text"),
        col("respondents", "integer"),
        col("sipas_index", "figure"),
        ...ELEMENT_INDEX,
        ...ELEMENT_MEAN,
        col("small_sample", "text"),
        ...SERVED,
      ],
      data.months.map((row) => ({ month: row.month, ...figures(data.lang, row), ...served(row) })),
    );
  },
};

const SIPAS_FIGURES = [
  col("respondents", "integer"),
  col("sipas_index", "figure"),
  ...ELEMENT_INDEX,
  ...ELEMENT_MEAN,
  col("small_sample", "text"),
];

/**
 * Theo cán bộ (issue 16): the rows of /reports/sipas?by=officer for the caller, the minimum sample applied
 * there (a withheld officer keeps the count of respondents, every figure cell is empty). Only for callers
 * who may see officers.
 */
const officersSheet: PackSheet = {
  name: "pack.sheets.officers",
  when: (data) => data.officers !== null,
  build(data) {
    const rows = (data.officers ?? []).map((row) => ({
      officer_username: row.officer_username,
      officer_name: row.officer_username === null ? t(data.lang, "pack.rows.noOfficer") : row.officer_name,
      unit_code: row.unit_code,
      ...figures(data.lang, row),
    }));
    return sheet(
      data.lang,
      [
        col("officer_username", "text"),
        col("officer_name", "text"),
        col("unit_code", "text"),
        ...SIPAS_FIGURES,
      ],
      rows,
    );
  },
};

/** Theo kênh (issue 18): /reports/sipas?by=channel, with each channel's share of the respondents. */
const channelsSheet: PackSheet = {
  name: "pack.sheets.channels",
  build(data) {
    const all = data.total.current.respondents;
    const rows = data.channels.map((row) => ({
      channel: channelName(data.lang, row.channel),
      share: all === 0 ? null : (row.respondents / all) * 100,
      ...figures(data.lang, row),
    }));
    return sheet(data.lang, [col("channel", "text"), col("share", "figure"), ...SIPAS_FIGURES], rows);
  },
};

/** Phản ánh, kiến nghị (issue 17): /reports/cases?by=unit for the period, then its by=total row. */
const casesSheet: PackSheet = {
  name: "pack.sheets.cases",
  build(data) {
    const total: FollowThroughRow = {
      ...data.cases.total,
      unit_name: t(data.lang, "pack.rows.total"),
    };
    const names = [
      "cases_opened",
      "answered",
      "answered_in_time",
      "answered_in_time_pct",
      "median_days_to_answer",
      "open",
      "overdue",
    ] as const;
    return sheet(
      data.lang,
      [
        col("unit_code", "text"),
        col("unit_name", "text"),
        ...names.map((name) =>
          col(
            name,
            name === "answered_in_time_pct" || name === "median_days_to_answer" ? "figure" : "integer",
          ),
        ),
      ],
      [...data.cases.units, total].map((row) => ({ ...row })),
    );
  },
};

/** "2026-03-14 16:05" in Vietnam's time (UTC+7, no daylight saving). */
export const localDateTime = (ms: number) =>
  new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

const commentsSheet: PackSheet = {
  name: "pack.sheets.comments",
  build(data) {
    const rows = [...data.comments]
      .sort((a, b) => b.submitted_at - a.submitted_at)
      .map((row) => ({
        submitted_at: localDateTime(row.submitted_at),
        unit_code: row.unit_code,
        unit_name: row.unit_name,
        point_label: row.point_label,
        service_name: row.service_name,
        lang: row.lang,
        comment: row.comment,
        comment_has_pii: row.comment_has_pii ? t(data.lang, "pack.rows.yes") : "",
      }));
    return sheet(
      data.lang,
      ["submitted_at", "unit_code", "unit_name", "point_label", "service_name", "lang", "comment"]
        .map((name) => col(name, "text"))
        .concat(col("comment_has_pii", "text")),
      rows,
    );
  },
};

/** The lines of the method: what the pack covers, how and when it was made, then the scoring rules. */
export function methodLines(data: PackData): Array<[string, string]> {
  const { lang } = data;
  const range = (p: { from: string; to: string }) => t(lang, "pack.method.periodValue", p);
  const rules = [
    "monitoring",
    "valid",
    "item",
    "element",
    "index",
    "mean",
    "sample",
    "rounding",
    "days",
    "unitRows",
  ] as const;
  return [
    [t(lang, "pack.method.unit"), data.unit?.name ?? data.scopeName ?? t(lang, "pack.scope.all")],
    [t(lang, "pack.method.period"), range(data.period)],
    [t(lang, "pack.method.previous"), range(data.previous)],
    [t(lang, "pack.method.yearEarlier"), range(data.yearEarlier)],
    [t(lang, "pack.method.generatedAt"), localDateTime(data.generatedAt)],
    [t(lang, "pack.method.generatedBy"), data.generatedBy],
    [t(lang, "pack.method.change"), t(lang, "pack.method.changeValue")],
    [t(lang, "pack.method.comments"), t(lang, "pack.method.commentsValue", { count: 2000 })],
    [t(lang, "pack.method.source"), t(lang, "pack.method.sourceValue")],
    [t(lang, "pack.method.responseRate"), t(lang, "pack.method.responseRateValue")],
    ...(data.officers === null
      ? []
      : [
          [
            t(lang, "pack.method.officers"),
            t(lang, "pack.method.officersValue", { count: data.officerMinimum }),
          ] as [string, string],
        ]),
    ...rules.map((rule): [string, string] => [
      t(lang, "pack.method.rules"),
      t(lang, `report.method.${rule}`),
    ]),
  ];
}

const methodSheet: PackSheet = {
  name: "pack.sheets.method",
  build(data) {
    return sheet(
      data.lang,
      [col("topic", "text"), col("value", "text")],
      methodLines(data).map(([topic, value]) => ({ topic, value })),
    );
  },
};

/** The sheets of the pack, in order. */
export const PACK_SHEETS: PackSheet[] = [
  summarySheet,
  unitsSheet,
  servicesSheet,
  questionsSheet,
  monthsSheet,
  officersSheet,
  channelsSheet,
  casesSheet,
  commentsSheet,
  methodSheet,
];

/** Every sheet of the pack as a table named in the pack's language. */
export function packTables(data: PackData): Table[] {
  return PACK_SHEETS.filter((entry) => entry.when?.(data) ?? true).map((entry) => ({
    sheet: t(data.lang, entry.name as Parameters<typeof t>[1]),
    ...entry.build(data),
  }));
}
