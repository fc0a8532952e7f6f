import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { ConfigError, parseConfig } from "../server/config.js";
import { existingDatabaseFile, scriptArgs } from "./lib/cli.js";

// `npm run backup [-- --out FILE]`: a consistent copy of the live database, taken with VACUUM INTO while
// the server keeps running (readers and writers are not stopped; the copy is one transaction's snapshot).
const USAGE = `
Usage: npm run backup [-- --out FILE]

Copies the database of DATABASE_URL (default file:data/hailong.db) to FILE (default
backups/hailong-<time>.db) while the server keeps running, and checks the copy's integrity.
Turso and D1 keep their own backups.
`;
try {
  const { values } = scriptArgs("backup", USAGE, { out: { type: "string" } });
  const config = parseConfig(process.env);
  existingDatabaseFile("backup", config);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = resolve(values.out ?? `backups/hailong-${stamp}.db`);
  if (existsSync(out)) throw new ConfigError(`${out} exists already; choose another --out.`);
  mkdirSync(dirname(out), { recursive: true });
  const client = createClient({ url: config.databaseUrl });
  await client.execute("PRAGMA busy_timeout = 5000");
  await client.execute({ sql: "VACUUM INTO ?", args: [out] });
  const check = createClient({ url: `file:${out}` });
  const integrity = await check.execute("PRAGMA integrity_check");
  const responses = await check.execute("SELECT count(*) AS n FROM responses");
  check.close();
  client.close();
  if (integrity.rows[0]?.[0] !== "ok")
    throw new Error(`the copy failed its integrity check: ${String(integrity.rows[0]?.[0])}`);
  console.log(`Backup written to ${out} (${Number(responses.rows[0]?.n)} responses, integrity ok).`);
  console.log(`Restore: stop the server, then  npm run restore -- ${out}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
