import { IMPORT_COLUMNS, type ImportEntity } from "../../shared/contract/import-columns.js";
import { tableToCsv } from "../reports/csv.js";
import type { Table } from "../reports/table.js";
import { tableToXlsx } from "../reports/xlsx.js";

/**
 * The template of an import: the header row (the column codes, or their Vietnamese names) and one
 * example row, as the same XLSX and CSV writers as the reports make them (CSV: UTF-8 with a BOM, so
 * that Excel opens it with Vietnamese letters intact).
 */
export function importTemplate(entity: ImportEntity, headers: "code" | "vi"): Table {
  const columns = IMPORT_COLUMNS[entity];
  return {
    sheet: entity,
    columns: columns.map((column) => ({
      name: headers === "vi" ? (column.aliases[0] ?? column.key) : column.key,
      kind: "text" as const,
    })),
    rows: [columns.map((column) => column.example)],
  };
}

export function importTemplateFile(
  entity: ImportEntity,
  headers: "code" | "vi",
  format: "csv" | "xlsx",
): Uint8Array | string {
  const table = importTemplate(entity, headers);
  return format === "xlsx" ? tableToXlsx(table) : tableToCsv(table);
}
