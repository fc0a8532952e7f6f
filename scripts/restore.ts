import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { createClient } from "@libsql/client";
import { ConfigError, parseConfig } from "../server/config.js";
import { fail, scriptArgs } from "./lib/cli.js";

// `npm run restore -- FILE`: puts a backup in place of DATABASE_URL. Run it with the server stopped; the
// database it replaces is kept beside it as <name>.before-restore-<time>.
const USAGE = `
Usage: npm run restore -- FILE

Puts the backup FILE in place of the database of DATABASE_URL (default file:data/hailong.db). Stop the
server first; the database it replaces is kept beside it as <name>.before-restore-<time>.
`;
try {
  const { positionals } = scriptArgs("restore", USAGE, {}, true);
  const config = parseConfig(process.env);
  if (!config.databaseUrl.startsWith("file:"))
    throw new ConfigError("restore writes a local file database (DATABASE_URL=file:…).");
  const source = positionals[0];
  if (positionals.length > 1)
    fail("restore", `name one backup file, not ${positionals.length}. See: npm run restore -- --help`);
  if (!source) fail("restore", "name the backup file to restore: npm run restore -- backups/hailong-….db");
  if (!existsSync(source)) fail("restore", `there is no file ${source}.`, 1);
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
