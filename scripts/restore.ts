import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import { ConfigError, parseConfig } from "../server/config.js";

// `npm run restore -- FILE`: puts a backup in place of DATABASE_URL. Run it with the server stopped; the
// database it replaces is kept beside it as <name>.before-restore-<time>.
try {
  const config = parseConfig(process.env);
  if (!config.databaseUrl.startsWith("file:"))
    throw new ConfigError("restore writes a local file database (DATABASE_URL=file:…).");
  const { positionals } = parseArgs({ allowPositionals: true });
  const source = positionals[0];
  if (!source || !existsSync(source))
    throw new ConfigError("Name the backup file to restore: npm run restore -- backups/hailong-….db");
  const check = createClient({ url: `file:${source}` });
  const integrity = await check.execute("PRAGMA integrity_check");
  check.close();
  if (integrity.rows[0]?.[0] !== "ok")
    throw new ConfigError(`${source} is not a sound database: ${String(integrity.rows[0]?.[0])}`);
  const target = config.databaseUrl.slice("file:".length);
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) {
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, aside);
    console.log(`The current database is kept as ${aside}.`);
  }
  // A stale write-ahead log would be replayed onto the restored file: remove it with the old database.
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(source, target);
  console.log(`Restored ${source} to ${target}. Start the server again.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
