import type { ErrorIssue } from "../../shared/contract/errors.js";
import { columnOfHeader, IMPORT_COLUMNS, type ImportEntity } from "../../shared/contract/import-columns.js";
import { type MessageKey, t } from "../../shared/i18n/index.js";
import type { Statement } from "../db/database.js";
import { readTable, type TableSource } from "../lib/spreadsheet/read-table.js";

/** A catalogue file may hold a national list of procedures; more rows than this is a mistake. */
export const MAX_IMPORT_ROWS = 5000;

export type IssueCode = keyof typeof import("../../shared/i18n/vi.js").vi.imports.issues;

/** What one row of a file will do. */
export type RowOutcome = { row: number; code: string; action: "create" | "update" | "refuse" };

/** A checked file: every row's outcome, its problems, and the statements that write it as one batch. */
export type ImportPlan = {
  issues: ErrorIssue[];
  created: string[];
  updated: string[];
  rows: RowOutcome[];
  statements: Statement[];
  file?: TableSource & { ignoredColumns: string[] };
};

/**
 * One problem of an import, with its code and values for the console to word in the user's language;
 * the message is the English wording of the same text (for scripts and logs).
 */
export function importIssue(
  row: number,
  column: string | undefined,
  code: IssueCode,
  params: Record<string, string | number> = {},
): ErrorIssue {
  return {
    row,
    path: column === undefined ? [] : [column],
    code,
    params,
    message: t("en", `imports.issues.${code}` as MessageKey, params),
  };
}

/** An empty plan refusing the whole file for one reason (row 1: the header, or the file itself). */
export function refusedFile(issues: ErrorIssue[]): ImportPlan {
  return { issues, created: [], updated: [], rows: [], statements: [] };
}

/**
 * The rows of an import file keyed by column (headers matched through IMPORT_COLUMNS, other columns
 * ignored and listed), or the problems that stop the whole file.
 */
export function readImportRecords(
  entity: ImportEntity,
  bytes: Uint8Array,
  sheet: string | undefined,
):
  | {
      records: Array<{ row: number; values: Record<string, string> }>;
      file: TableSource & { ignoredColumns: string[] };
    }
  | { issues: ErrorIssue[] } {
  const read = readTable(bytes, { sheet });
  if ("problem" in read) {
    const { problem } = read;
    if (problem.reason === "sheet_not_found")
      return {
        issues: [importIssue(1, undefined, "sheet_not_found", { sheets: problem.sheets.join(", ") })],
      };
    if (problem.reason === "unclosed_quote")
      return { issues: [importIssue(problem.line, undefined, "unclosed_quote", { line: problem.line })] };
    return { issues: [importIssue(1, undefined, problem.reason)] };
  }
  const [header, ...body] = read.rows;
  if (!header) return { issues: [importIssue(1, undefined, "empty")] };
  const columns = IMPORT_COLUMNS[entity];
  const keys = header.map((name) => columnOfHeader(entity, name)?.key);
  const issues: ErrorIssue[] = [];
  for (const column of columns) {
    const count = keys.filter((key) => key === column.key).length;
    if (count === 0 && column.required)
      issues.push(
        importIssue(1, column.key, "missing_column", {
          column: column.key,
          aliases: column.aliases.join(", "),
        }),
      );
    if (count > 1) issues.push(importIssue(1, column.key, "duplicate_column", { column: column.key }));
  }
  if (issues.length > 0) return { issues };
  if (body.length === 0) return { issues: [importIssue(1, undefined, "no_rows")] };
  if (body.length > MAX_IMPORT_ROWS)
    return { issues: [importIssue(1, undefined, "too_many_rows", { max: MAX_IMPORT_ROWS })] };
  const ignoredColumns = header.filter((name, index) => keys[index] === undefined && name.trim() !== "");
  return {
    file: { ...read.source, ignoredColumns },
    records: body.map((cells, index) => {
      const values: Record<string, string> = {};
      keys.forEach((key, col) => {
        if (key !== undefined) values[key] = (cells[col] ?? "").trim();
      });
      // Row numbers as a spreadsheet shows them: the header is row 1.
      return { row: index + 2, values };
    }),
  };
}

/** The row's problems from a failed schema check: one per column, worded by the column's rule. */
export function invalidValueIssues(
  entity: ImportEntity,
  row: number,
  paths: ReadonlyArray<ReadonlyArray<PropertyKey>>,
  columnOfField: Record<string, string> = {},
): ErrorIssue[] {
  const columns = [...new Set(paths.map((path) => String(path[0] ?? "")))].map(
    (field) => columnOfField[field] ?? field,
  );
  return columns.map((column) => ({
    ...importIssue(row, column, "invalid_value", { column }),
    message: t("en", `imports.rules.${entity}.${column}` as MessageKey),
  }));
}
