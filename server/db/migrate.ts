import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { LibsqlHandle } from "./libsql.js";

/** The generated SQL in migrations/: the same files Workers apply with `wrangler d1 migrations apply`. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Applies the pending migrations (Node: the server at start, tests, scripts). */
export async function applyMigrations(handle: LibsqlHandle): Promise<void> {
  await migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
}
