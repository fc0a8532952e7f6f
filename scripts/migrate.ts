import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError, parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";

// `npm run db:migrate`: applies migrations/ to DATABASE_URL (a local file, or Turso with DATABASE_AUTH_TOKEN).
try {
  const config = parseConfig(process.env);
  if (config.databaseUrl.startsWith("file:"))
    mkdirSync(dirname(config.databaseUrl.slice(5)), { recursive: true });
  const handle = await openLibsqlDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  await applyMigrations(handle);
  handle.close();
  console.log(`Migrations applied to ${config.databaseUrl.replace(/\/\/[^@/]*@/, "//")}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
