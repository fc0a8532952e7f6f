import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { invalid } from "../errors.js";
import { sha256Hex } from "./crypto.js";
import { readTable } from "./spreadsheet/read-table.js";

/** A table read from a request body: its rows of text cells and the SHA-256 of the bytes sent. */
export type TableBody = { rows: string[][]; hash: string };

/**
 * Reads an import's body (let through by IMPORT_BODY) as a table: CSV as Excel writes it ("," or ";",
 * UTF-8, UTF-16 or a Windows code page) or an XLSX workbook (its first sheet); 400 when it cannot be read.
 */
export async function readTableBody(c: Context<AppEnv>): Promise<TableBody> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const read = readTable(bytes);
  if ("rows" in read) return { rows: read.rows, hash: sha256Hex(bytes) };
  throw invalid(`The file cannot be read as a table (${read.problem.reason}).`);
}
