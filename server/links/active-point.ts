import type { Database } from "../db/database.js";
import type { AuthUser } from "../deps.js";
import { conflict } from "../errors.js";
import { pointInScope } from "../routes/points.js";

/**
 * A point that staff may still print for or issue links to: 404 unknown, 403 outside the caller's
 * scope, 409 archived (it keeps its code, but its survey now says "this counter has moved").
 */
export async function activePointInScope(db: Database, user: AuthUser, code: string) {
  const point = await pointInScope(db, user, code);
  if (point.archivedAt !== null || point.unitArchivedAt !== null) {
    throw conflict(`The point ${point.code} is archived: nothing new is printed or issued for it.`);
  }
  return point;
}
