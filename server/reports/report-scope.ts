import { assertInScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import { findUnitByCode } from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import { notFound } from "../errors.js";

/**
 * The unit subtree (materialised path, null for the whole tree) a report covers: the `unit` filter when one
 * is given (404 unknown, 403 outside the caller's scope), else the caller's own scope. Nothing outside it is
 * ever summed or listed.
 */
export async function reportSubtree(db: Database, user: AuthUser, unitCode: string | undefined) {
  if (unitCode === undefined) return user.scopePath;
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) throw notFound(`The unit ${unitCode}`);
  assertInScope(user, unit.path);
  return unit.path;
}
