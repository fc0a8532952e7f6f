import type { Context } from "hono";
import { currentUser } from "../auth/guard.js";
import { type AuditEntry, auditStatement } from "../db/queries/access.js";
import type { AppEnv } from "../deps.js";

/**
 * The audit row of a change the caller makes, to be written in the same batch as the change (or awaited
 * alone). `at` is the change's own moment when the route took one; otherwise now.
 */
export function audit(c: Context<AppEnv>, entry: Omit<AuditEntry, "userId">, at = c.var.deps.now()) {
  return auditStatement(c.var.deps.db, { ...entry, userId: currentUser(c).id }, at);
}
