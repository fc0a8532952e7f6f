import { Hono } from "hono";
import * as z from "../../shared/contract/zod.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { listAudit } from "../db/queries/access.js";
import type { AppEnv } from "../deps.js";
import { validate } from "../lib/validate.js";

const auditQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
  before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
});

/** Who changed what, newest first; scoped admins see the changes made by users of their subtree. */
export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  requireUser("admin"),
  validate("query", auditQuery),
  async (c) => {
    const rows = await listAudit(c.var.deps.db, {
      ...c.req.valid("query"),
      scopePath: currentUser(c).scopePath,
    });
    return c.json({
      entries: rows.map((row) => ({
        ...row,
        at: new Date(row.at).toISOString(),
        detail: row.detail ? JSON.parse(row.detail) : null,
      })),
    });
  },
);
