import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { serve } from "@hono/node-server";
import { startScheduleTimer } from "./alerts/node-timer.js";
import { createApp } from "./app.js";
import { ensureFirstAdmin, resolveSecret } from "./bootstrap.js";
import { ConfigError, parseConfig } from "./config.js";
import { openLibsqlDatabase } from "./db/libsql.js";
import { applyMigrations } from "./db/migrate.js";
import { createJsonLogger } from "./logger.js";

// The Node entry: the only place (with server/worker.ts) that reads the environment or opens a database.
async function main() {
  const started = performance.now();
  const config = parseConfig(process.env);
  const log = createJsonLogger();
  if (config.databaseUrl.startsWith("file:")) {
    mkdirSync(dirname(config.databaseUrl.slice("file:".length)), { recursive: true });
  }
  const database = await openLibsqlDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    durability: config.durability,
  });
  await applyMigrations(database);
  const secret = await resolveSecret(database.db, config.secret);
  const admin = await ensureFirstAdmin(database.db, { password: config.adminPassword, now: Date.now(), log });
  if (admin?.generatedPassword) {
    // Printed once, to the operator's terminal, and never logged as a structured field.
    console.log(
      `\nFirst start: sign in at ${config.publicUrl}/console as "admin" with the password\n\n    ${admin.generatedPassword}\n\nand change it under "My account". It will not be shown again.\n`,
    );
  }

  // The survey's client script, built by `npm run build`; without it the survey is a plain form.
  const surveyScriptFile = new URL("../dist/survey/client.js", import.meta.url);
  const surveyScript = existsSync(surveyScriptFile) ? readFileSync(surveyScriptFile, "utf8") : undefined;
  if (!surveyScript) log.warn("survey_script_missing", { fix: "npm run build" });
  // The console, built by `npm run build` into dist/console; the route checks paths before they get here.
  const consoleDir = new URL("../dist/console/", import.meta.url);
  if (!existsSync(consoleDir)) log.warn("console_missing", { fix: "npm run build" });

  // Alerts, digests and contact retention (issue 17): a timer loop in this process.
  const schedule = startScheduleTimer({ db: database.db, config, now: () => Date.now(), log });
  const app = createApp({
    db: database.db,
    config: { ...config, secret },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    log,
    wakeScheduler: schedule.wake,
    surveyScript,
    consoleFiles: (path) =>
      readFile(new URL(path, consoleDir)).then(
        (data) => new Uint8Array(data),
        () => null,
      ),
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  server.once("listening", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    console.log(
      `hailong is listening on http://${config.host}:${port} (public URL ${config.publicUrl}), ready in ${Math.round(performance.now() - started)} ms`,
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

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
