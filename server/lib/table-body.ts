import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { sha256Hex } from "./crypto.js";
import { readTable, XLSX_MEDIA_TYPE } from "./spreadsheet/read-table.js";

/** A table read from a request body: its rows of text cells and the SHA-256 of the bytes sent. */
export type TableBody = { rows: string[][]; hash: string };

/**
 * Reads an import's body as a table: `text/csv` (as Excel writes it: "," or ";", UTF-8, UTF-16 or a Windows
 * code page) or an XLSX workbook (its first sheet). 415 for other media types, 400 when it cannot be read.
 */
export async function readTableBody(c: Context<AppEnv>): Promise<TableBody> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const hash = sha256Hex(bytes);
  if (type.startsWith(XLSX_MEDIA_TYPE) || /^text\/(csv|plain)\b/.test(type)) {
    const read = readTable(bytes);
    if ("rows" in read) return { rows: read.rows, hash };
    throw new ApiError(
      400,
      "VALIDATION_FAILED",
      `The file cannot be read as a table (${read.problem.reason}).`,
    );
  }
  throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the file as text/csv or as an XLSX workbook.");
}
