import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { dirname } from "node:path";
import { newResponseId } from "../shared/contract/response-id.js";
import { startScheduleTimer } from "./alerts/node-timer.js";
import { createApp } from "./app.js";
import { ensureFirstAdmin, resolveSecret } from "./bootstrap.js";
import { type Config, ConfigError, parseConfig } from "./config.js";
import { loadConsoleFiles } from "./console-files.js";
import { isCorruption, loggableError } from "./db/db-errors.js";
import { damagedDatabaseMessage, quickCheck } from "./db/integrity.js";
import { openLibsqlDatabase } from "./db/libsql.js";
import { applyMigrations } from "./db/migrate.js";
import { nativeExportReader } from "./db/native-export.js";
import { batchedLines, createLogger } from "./logger.js";
import { serveWithLimits } from "./node-server.js";
import { buildOpenApiDocument } from "./openapi/document.js";

// The Node entry: the only place (with server/worker.ts) that reads the environment or opens a database.
async function main() {
  const started = performance.now();
  const config = parseConfig(process.env);
  // In a terminal, request logs would scroll the first admin password away: warnings only, readable.
  const terminal = process.stdout.isTTY === true;
  // Log lines leave in one write per event-loop turn; what is pending at exit is written then.
  const lines = batchedLines((chunk) => process.stdout.write(chunk));
  process.once("exit", lines.flush);
  const log = createLogger({
    level: config.logLevel ?? (terminal ? "warn" : "info"),
    format: terminal ? "text" : "json",
    write: lines.write,
  });
  const file = config.databaseUrl.startsWith("file:") ? config.databaseUrl.slice("file:".length) : undefined;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const database = await openSoundDatabase(config);
  await applyMigrations(database);
  const secret = await resolveSecret(database.db, config.secret);
  const admin = await ensureFirstAdmin(database.db, { password: config.adminPassword, now: Date.now(), log });
  if (admin?.generatedPassword) {
    // Printed once, to the operator's terminal, and never logged as a structured field.
    console.log(
      `\nFirst start: sign in at ${config.publicUrl}/console as "admin" with the password\n\n    ${admin.generatedPassword}\n\nand change it under "My account". It will not be shown again.\n`,
    );
  }
  if (!admin && config.adminPassword !== undefined)
    console.log(
      "HAILONG_ADMIN_PASSWORD is set, but an admin account exists already: the variable is not used.\nTo set a new password: npm run admin -- reset-password <username>",
    );

  // The survey's client script, built by `npm run build`; without it the survey is a plain form.
  const surveyScriptFile = new URL("../dist/survey/client.js", import.meta.url);
  const surveyScript = existsSync(surveyScriptFile) ? readFileSync(surveyScriptFile, "utf8") : undefined;
  if (!surveyScript) log.warn("survey_script_missing", { fix: "npm run build" });
  // The console, built by `npm run build` into dist/console; the route checks paths before they get here.
  const consoleFiles = loadConsoleFiles(new URL("../dist/console/", import.meta.url));
  if (!consoleFiles) log.warn("console_missing", { fix: "npm run build" });

  // Alerts, digests and contact retention (issue 17): a timer loop in this process.
  const schedule = startScheduleTimer({ db: database.db, config, now: () => Date.now(), log });
  const app = createApp({
    db: database.db,
    config: { ...config, secret },
    now: () => Date.now(),
    newId: () => newResponseId(),
    log,
    wakeScheduler: schedule.wake,
    describeApi: buildOpenApiDocument,
    surveyScript,
    consoleFiles,
    // A local file is read by the native driver for exports; a remote database keeps the keyset pages.
    exportReader: file ? nativeExportReader(file) : undefined,
  });
  const server = serveWithLimits({ fetch: app.fetch, hostname: config.host, port: config.port });
  server.once("listening", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    console.log(
      `hailong is listening on http://${config.host}:${port} (public URL ${config.publicUrl}), ready in ${Math.round(performance.now() - started)} ms`,
    );
    const lan = lanAddress();
    if (lan && (config.host === "127.0.0.1" || config.host === "localhost"))
      console.log(
        `To try it on a phone on this network: HOST=0.0.0.0 PUBLIC_URL=http://${lan}:${port} npm start`,
      );
    // Repeated last, so that it is on screen when the start-up is over.
    if (admin?.generatedPassword)
      console.log(
        `First admin: "admin", password ${admin.generatedPassword} (shown at this first start only)`,
      );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutdown", { signal });
    // Stop accepting, let in-flight requests finish, then close the database.
    schedule.stop();
    server.close(() => {
      database.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Opens the database and runs SQLite's quick check on a local file: a damaged file stops the start with
 * what to do (restore the latest backup) rather than answering 500 to every submission.
 */
async function openSoundDatabase(config: Config) {
  const file = config.databaseUrl.startsWith("file:") ? config.databaseUrl.slice("file:".length) : undefined;
  let problems: string[] = [];
  try {
    const database = await openLibsqlDatabase({
      url: config.databaseUrl,
      authToken: config.databaseAuthToken,
      durability: config.durability,
    });
    if (!file) return database;
    problems = await quickCheck(database.client);
    if (problems.length === 0) return database;
    database.close();
  } catch (error) {
    if (!file || !isCorruption(error)) throw error;
    problems = [loggableError(error).message];
  }
  throw new ConfigError(damagedDatabaseMessage(file as string, problems));
}

/** This machine's first private IPv4 address, for the hint to try the survey on a phone. */
function lanAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? [])
      if (
        entry.family === "IPv4" &&
        !entry.internal &&
        /^(10|172\.(1[6-9]|2\d|3[01])|192\.168)\./.test(entry.address)
      )
        return entry.address;
  return undefined;
}

main().catch((error) => {
  // Never the error object itself: a failed query's text carries its parameters (the secret, a password).
  console.error(error instanceof ConfigError ? error.message : loggableError(error));
  process.exit(1);
});
