import { type Delimiter, detectDelimiter, parseDelimited, UnclosedQuoteError } from "./delimited.js";
import { decodeText, type TextEncodingName } from "./text-encoding.js";
import { isZip, readXlsxSheet, XlsxError } from "./xlsx-reader.js";

/** The XLSX media type (DESIGN.md §3: imports take it beside text/csv). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What was read from a file, so that a user can be told what the server understood. */
export type TableSource =
  | { format: "xlsx"; sheet: string; sheets: string[] }
  | { format: "csv"; encoding: TextEncodingName; delimiter: Delimiter };

export type TableProblem =
  | { reason: "not_xlsx" | "too_large" }
  | { reason: "sheet_not_found"; sheets: string[] }
  | { reason: "unclosed_quote"; line: number };

/**
 * Reads an uploaded table, XLSX (by media type or by its zip signature) or delimited text in any of the
 * encodings `decodeText` knows, into rows of cells. `sheet` names the XLSX sheet (else the first).
 */
export function readTable(
  bytes: Uint8Array,
  options: { sheet?: string } = {},
): { rows: string[][]; source: TableSource } | { problem: TableProblem } {
  if (isZip(bytes)) {
    try {
      const { rows, sheet, sheets } = readXlsxSheet(bytes, options.sheet);
      return { rows, source: { format: "xlsx", sheet, sheets } };
    } catch (error) {
      if (error instanceof XlsxError)
        return error.reason === "sheet_not_found"
          ? { problem: { reason: "sheet_not_found", sheets: error.sheets } }
          : { problem: { reason: error.reason } };
      throw error;
    }
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  try {
    return { rows: parseDelimited(text, delimiter), source: { format: "csv", encoding, delimiter } };
  } catch (error) {
    if (error instanceof UnclosedQuoteError)
      return { problem: { reason: "unclosed_quote", line: error.line } };
    throw error;
  }
}
