import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";

/** Liveness with a real database round trip, for load balancers and uptime checks. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  try {
    await c.var.deps.db.get(sql`SELECT 1`);
  } catch {
    throw new ApiError(503, "SERVICE_UNAVAILABLE", "The database does not answer.");
  }
  c.header("Cache-Control", "no-store");
  return c.json({ ok: true });
});
