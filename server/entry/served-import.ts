import type { ErrorIssue } from "../../shared/contract/errors.js";
import { localDay } from "../../shared/time/index.js";
import { inScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import { findPointByCode } from "../db/queries/points.js";
import type { AuthUser } from "../deps.js";
import { forbidden } from "../errors.js";
import { readDay } from "./response-import.js";

// The served-counts import: a table `day, point, served` from the one-stop system's statistics or the
// queue machine. Every row is checked before anything is written; a second count for a point and day
// replaces the first (the newer export is the better one).

export type ServedRow = { pointId: number; unitId: number; pointCode: string; day: string; count: number };

const MAX_ROWS = 50_000;

/** The counts to store, or every problem (rows numbered as a spreadsheet shows them). */
export async function planServedImport(
  db: Database,
  user: AuthUser,
  rows: string[][],
  now: number,
): Promise<{ ok: true; counts: ServedRow[] } | { ok: false; issues: ErrorIssue[] }> {
  const [header, ...body] = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
  const col = { day: names.indexOf("day"), point: names.indexOf("point"), served: names.indexOf("served") };
  const missing = Object.entries(col).filter(([, index]) => index < 0);
  if (missing.length > 0) {
    return {
      ok: false,
      issues: missing.map(([name]) => ({
        path: [name],
        row: 1,
        message: `The header has no "${name}" column.`,
      })),
    };
  }
  if (body.length === 0 || body.length > MAX_ROWS) {
    return {
      ok: false,
      issues: [{ path: [], message: `The file needs 1 to ${MAX_ROWS} rows after its header.` }],
    };
  }
  const today = localDay(now);
  const points = new Map<string, Awaited<ReturnType<typeof findPointByCode>>>();
  const issues: ErrorIssue[] = [];
  const counts = new Map<string, ServedRow>();
  for (const [index, cells] of body.entries()) {
    const row = index + 2;
    const code = (cells[col.point] ?? "").trim().toUpperCase();
    if (!points.has(code)) points.set(code, await findPointByCode(db, code));
    const point = points.get(code);
    const day = readDay((cells[col.day] ?? "").trim());
    const served = (cells[col.served] ?? "").trim();
    if (!point) issues.push({ path: ["point"], row, message: `no point ${code.slice(0, 20)}` });
    else if (!inScope(user, point.unitPath))
      throw forbidden(`The point ${point.code} (row ${row}) is outside your scope.`);
    if (day === null) issues.push({ path: ["day"], row, message: "not a date" });
    else if (day > today) issues.push({ path: ["day"], row, message: "the day lies in the future" });
    if (!/^\d{1,6}$/.test(served))
      issues.push({ path: ["served"], row, message: "not a whole number 0–999999" });
    if (issues.length >= 200) break;
    if (point && day !== null && issues.length === 0) {
      counts.set(`${point.id}|${day}`, {
        pointId: point.id,
        unitId: point.unitId,
        pointCode: point.code,
        day,
        count: Number(served),
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, counts: [...counts.values()] };
}
