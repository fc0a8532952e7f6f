// The one shape every report download is built from: typed columns and rows of plain values. The CSV and
// XLSX writers format a column by its kind, so both files show the same figures the same way.

// Column kinds are part of the report contract (shared/contract/reports.ts); other tables use the same ones.
import type { ColumnKind, ReportColumn as TableColumn } from "../../shared/contract/reports.js";

export type { ColumnKind, TableColumn };

/** One cell: null is an empty cell (no data). */
export type CellValue = string | number | boolean | null;

export type Table = {
  /** The worksheet's name in an XLSX file (at most 31 characters, none of []:*?/\). */
  sheet: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** Header texts for people (labels=vi, the report pack); absent: the columns' machine names. */
  headers?: string[];
};

/** The header row of a table: its labels when it has them, else its column names. */
export const tableHeaders = (table: Pick<Table, "columns" | "headers">): string[] =>
  table.headers ?? table.columns.map((column) => column.name);

/** A table from records keyed by column name (a report's JSON rows), in the columns' order. */
export function tableFromRecords(
  sheet: string,
  columns: TableColumn[],
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
): Table {
  return {
    sheet,
    columns,
    rows: records.map((record) => columns.map((column) => (record[column.name] ?? null) as CellValue)),
  };
}
