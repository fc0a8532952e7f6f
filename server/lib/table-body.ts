import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { parseCsv } from "./csv-table.js";
import { readXlsxRows } from "./xlsx-read.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A table read from a request body: its rows of text cells and the SHA-256 of the bytes sent. */
export type TableBody = { rows: string[][]; hash: string };

/**
 * Reads an import's body as a table: `text/csv` (UTF-8, "," between cells) or an XLSX workbook (its
 * first sheet). 415 for other media types, 400 when the file cannot be read.
 */
export async function readTableBody(c: Context<AppEnv>): Promise<TableBody> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const hash = bytesToHex(sha256(bytes));
  try {
    if (type.startsWith(XLSX_TYPE)) return { rows: readXlsxRows(bytes), hash };
    if (/^text\/(csv|plain)\b/.test(type)) {
      const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
      return { rows: parseCsv(text), hash };
    }
  } catch (error) {
    throw new ApiError(400, "VALIDATION_FAILED", (error as Error).message);
  }
  throw new ApiError(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the file as text/csv (UTF-8) or as an XLSX workbook.",
  );
}
