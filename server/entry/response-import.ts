import type { ImportMapping } from "../../shared/contract/entry.js";
import type { ErrorIssue } from "../../shared/contract/errors.js";
import { EXPECTATION_CODES } from "../../shared/instrument/index.js";
import { isRealDate } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { excelSerialDay } from "../lib/spreadsheet/xlsx-reader.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import type { PreparedResponse } from "../submit/response-writer.js";
import { type EnteredContent, prepareEntered } from "./entered-response.js";

// An export of another survey tool becomes responses of one point: each row through the mapping (columns to
// item codes, answer labels to 1–5), then through the same checks as a paper form. Every problem of every
// row is collected, so that the importer fixes the file once; nothing is stored unless every row is good.

/** The most rows one import takes (a commune's year of paper forms fits many times). */
export const MAX_IMPORT_ROWS = 10_000;
const MAX_ISSUES = 200;

/** The responses to store, or every problem found (row numbers as a spreadsheet shows them). */
export type ResponseImportPlan =
  | { ok: true; responses: PreparedResponse[]; preview: EnteredContent[] }
  | { ok: false; issues: ErrorIssue[] };

const EXPECTATIONS = new Set<string>(EXPECTATION_CODES);
const fold = (text: string) => text.trim().normalize("NFC").toLocaleLowerCase("vi");

/** Plans an import of a table (header row first) for a point. */
export function planResponseImport(
  db: Database,
  input: {
    rows: string[][];
    mapping: ImportMapping;
    point: SurveyPoint;
    importId: string;
    userId: number;
    now: number;
    newId: () => string;
  },
): ResponseImportPlan {
  const { rows, mapping, point } = input;
  const [header, ...body] = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  if (!header || body.length === 0) {
    return {
      ok: false,
      issues: [{ path: [], row: 1, message: "The file needs a header row and at least one row." }],
    };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, issues: [{ path: [], message: `At most ${MAX_IMPORT_ROWS} rows per import.` }] };
  }
  const headers = header.map(fold);
  const issues: ErrorIssue[] = [];
  const columns: Array<{ index: number; header: string; target: string }> = [];
  for (const [name, target] of Object.entries(mapping.columns)) {
    const index = headers.indexOf(fold(name));
    if (index < 0)
      issues.push({ path: ["mapping", "columns", name], row: 1, message: "no such column in the file" });
    else columns.push({ index, header: name, target });
  }
  if (issues.length > 0) return { ok: false, issues };
  const labels = new Map(Object.entries(mapping.values).map(([label, value]) => [fold(label), value]));

  const responses: PreparedResponse[] = [];
  const preview: EnteredContent[] = [];
  body.forEach((cells, index) => {
    if (issues.length >= MAX_ISSUES) return;
    // Rows as a spreadsheet numbers them: the header is row 1.
    const row = index + 2;
    const content: EnteredContent = { day: "", lang: "vi", answers: {}, expectations: {} };
    const rowIssues: ErrorIssue[] = [];
    for (const column of columns) {
      const cell = (cells[column.index] ?? "").trim();
      const path = [column.header];
      if (column.target === "day") {
        const day = readDay(cell);
        if (day === null) rowIssues.push({ path, row, message: `"${cell.slice(0, 40)}" is not a date` });
        else content.day = day;
      } else if (column.target === "service") {
        if (cell !== "") content.service = cell;
      } else if (column.target === "comment") {
        if (cell !== "") content.comment = cell.normalize("NFC").slice(0, 2000);
      } else {
        const value = readValue(cell, labels);
        if (value === undefined) {
          rowIssues.push({ path, row, message: `"${cell.slice(0, 40)}" is not mapped to the 1–5 scale` });
        } else if (value !== null) {
          if (EXPECTATIONS.has(column.target)) {
            if (value > 3) rowIssues.push({ path, row, message: "an expectation level is 1–3" });
            else (content.expectations as Record<string, number>)[column.target] = value;
          } else content.answers[column.target] = value;
        }
      }
    }
    if (rowIssues.length === 0 && Object.keys(content.answers).length === 0) {
      rowIssues.push({ path: [], row, message: "no item is answered in this row" });
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const prepared = prepareEntered(db, {
      id: input.newId(),
      point,
      content,
      source: { channel: "import", importId: input.importId },
      userId: input.userId,
      now: input.now,
    });
    if (!prepared.ok) {
      issues.push(
        ...prepared.issues.map((issue) => ({
          ...issue,
          row,
          path: [columnOf(issue.path, columns), ...issue.path.slice(1)],
        })),
      );
      return;
    }
    responses.push(prepared.response);
    if (preview.length < 5) preview.push(content);
  });
  return issues.length > 0
    ? { ok: false, issues: issues.slice(0, MAX_ISSUES) }
    : { ok: true, responses, preview };
}

/** The file's column behind a problem that prepareEntered names by field ("day", ["answers", "TC1"]). */
function columnOf(path: ErrorIssue["path"], columns: Array<{ header: string; target: string }>) {
  const field = path[0] === "answers" ? path[1] : path[0];
  return columns.find((column) => column.target === field)?.header ?? String(field ?? "");
}

/** A cell as a value 1–5, null for no answer, undefined when it cannot be read. */
function readValue(cell: string, labels: Map<string, number | null>): number | null | undefined {
  if (cell === "") return null;
  const mapped = labels.get(fold(cell));
  if (mapped !== undefined) return mapped;
  if (/^[1-5](\.0+)?$/.test(cell)) return Number(cell);
  return undefined;
}

/**
 * A day in the forms other tools write: 2026-03-15 (a time after it is ignored), 15/03/2026 or 15-03-2026
 * (day first, as written in Vietnam), or an Excel date serial number.
 */
export function readDay(cell: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(cell);
  let day: string | null = null;
  if (iso) day = `${iso[1]}-${(iso[2] as string).padStart(2, "0")}-${(iso[3] as string).padStart(2, "0")}`;
  else if (dmy)
    day = `${dmy[3]}-${(dmy[2] as string).padStart(2, "0")}-${(dmy[1] as string).padStart(2, "0")}`;
  else day = excelSerialDay(cell);
  return day !== null && isRealDate(day) ? day : null;
}
