import { formatIndex } from "../../shared/scoring/index.js";
import { type CellValue, type ColumnKind, type Table, tableHeaders } from "./table.js";

// CSV as DESIGN.md §3 fixes it: UTF-8 with a BOM (so Excel reads Vietnamese and Chinese text right), CRLF line
// ends, RFC 4180 quoting, "." decimals, figures with 2 decimals, an empty cell where there is no data.
// Written by hand because csv-stringify needs Node's Buffer and this must run on Workers too.

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) can leak data). A leading
// apostrophe makes it plain text. Applied to every text cell, headers and names included.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text field, neutralised against formula injection and quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One value of a typed column as CSV text. Numbers are data, never formulas, so they are not neutralised
 * (ours are never negative anyway); text is.
 */
export function csvValue(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "";
  if (kind === "figure" && typeof value === "number") return formatIndex(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return csvField(value);
}

/** One record: fields joined by commas, ended by CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.join(",")}\r\n`;
}

/** The header record of a table. */
export function csvHeader(table: Pick<Table, "columns" | "headers">): string {
  return csvRecord(tableHeaders(table).map(csvField));
}

/** A whole table as CSV text, BOM and header first. */
export function tableToCsv(table: Table): string {
  const lines = [CSV_BOM, csvHeader(table)];
  for (const row of table.rows) {
    lines.push(csvRecord(table.columns.map((column, i) => csvValue(row[i] ?? null, column.kind))));
  }
  return lines.join("");
}
