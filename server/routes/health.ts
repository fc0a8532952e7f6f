import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { noteStorageFailure, storageFailedRecently } from "../lib/storage-health.js";

/**
 * Liveness for load balancers and uptime checks: a read and a small write (the path every submission
 * takes), and 503 while writes fail (a full disk, an I/O error) or failed for real requests a moment ago.
 */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  const { db, now } = c.var.deps;
  c.header("Cache-Control", "no-store");
  try {
    await db.get(sql`SELECT 1`);
  } catch {
    throw new ApiError("SERVICE_UNAVAILABLE", "The database does not answer.");
  }
  try {
    await db.run(
      sql`INSERT INTO settings (key, value) VALUES ('healthz', ${String(now())})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  } catch {
    noteStorageFailure(db, now());
  }
  if (storageFailedRecently(db, now())) {
    c.header("Retry-After", "5");
    throw new ApiError("SERVICE_UNAVAILABLE", "The database cannot take writes just now.");
  }
  return c.json({ ok: true });
});
