import type {
  D1Database,
  ExecutionContext,
  Fetcher,
  RateLimit,
  ScheduledController,
} from "@cloudflare/workers-types";
import { ERROR_STATUS } from "../shared/contract/errors.js";
import { newResponseId } from "../shared/contract/response-id.js";
import { runScheduledWork } from "./alerts/scheduler.js";
import { createApp } from "./app.js";
import { ensureFirstAdmin, resolveSecret } from "./bootstrap.js";
import { type Config, ConfigError, parseConfig } from "./config.js";
import { openD1Database } from "./db/d1.js";
import type { Database } from "./db/database.js";
import { loggableError } from "./db/db-errors.js";
import { anyAdminExists } from "./db/queries/users.js";
import { errorBody } from "./errors.js";
import { createLogger, type Logger } from "./logger.js";
import { createBindingRateLimiter, createDatabaseRateLimiter } from "./submit/rate-limit.js";
import { createSoloWriter } from "./submit/response-writer.js";

// The Workers entry: with server/node.ts, the only place that reads configuration or opens a database.

/**
 * Bindings from wrangler.toml: the D1 database, the built UI (dist/) as static assets, Cloudflare's rate
 * limiter for submissions, and vars and secrets by the names of DESIGN.md §4.
 */
export type WorkerEnv = { DB?: D1Database; ASSETS?: Fetcher; SUBMIT_LIMITER?: RateLimit } & Record<
  string,
  unknown
>;

type App = ReturnType<typeof createApp>;

// One app per isolate, built by the first request and shared by the next ones; a failed start is
// forgotten so that the following request tries again (the database may come back).
let started: Promise<App> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    started ??= startIsolate(env).catch((error: unknown) => {
      started = undefined;
      throw error;
    });
    let app: App;
    try {
      app = await started;
    } catch (error) {
      // Never the error object itself: a failed query's text carries its parameters (the secret).
      console.error(
        error instanceof ConfigError
          ? error.message
          : `hailong could not start: ${JSON.stringify(loggableError(error))}`,
      );
      return Response.json(
        errorBody("SERVICE_UNAVAILABLE", "The service is starting or misconfigured. Please try again later."),
        {
          status: ERROR_STATUS.SERVICE_UNAVAILABLE,
          headers: { "Cache-Control": "no-store", "Retry-After": "10" },
        },
      );
    }
    return markEncoded(await app.fetch(request, env, ctx));
  },

  /**
   * The Cron Trigger of wrangler.toml (issue 17): alerts, daily digests and contact retention. Workers have
   * no timers between requests, so this is where the webhook outbox is sent from.
   */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const config = parseConfig(textBindings(env));
    const log = createLogger({ level: config.logLevel ?? "info", format: "json" });
    const db = await openDatabase(env, config);
    ctx.waitUntil(
      runScheduledWork({ db, config, now: () => Date.now(), log }).then(
        (done) => log.info("scheduled_work", done),
        (error: unknown) => log.error("scheduled_work_failed", { error: (error as Error).name }),
      ),
    );
  },
};

/**
 * A body the app compressed itself (hono/compress: survey pages, console files) must reach the client as
 * it is: workerd would otherwise gzip it a second time because of its Content-Encoding header.
 */
function markEncoded(response: Response): Response {
  if (!response.headers.has("content-encoding")) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  // encodeBody is Workers' own ResponseInit field, absent from the DOM types this project compiles with.
  return new Response(response.body, { ...init, encodeBody: "manual" } as ResponseInit);
}

async function startIsolate(env: WorkerEnv): Promise<App> {
  const config = parseConfig(textBindings(env));
  const log = createLogger({ level: config.logLevel ?? "info", format: "json" });
  const db = await openDatabase(env, config);
  const secret = await resolveSecret(db, config.secret);
  await bootstrapAdmin(db, config, log);
  const assets = env.ASSETS;
  const surveyScript = await readSurveyScript(assets, log);
  const soloDatabaseLimiter = createDatabaseRateLimiter(db, () => Date.now(), { group: false });
  return createApp({
    db,
    config: { ...config, secret },
    now: () => Date.now(),
    newId: () => newResponseId(),
    log,
    // The minute by Cloudflare's binding when bound, the day (and a point's own limit) in D1: every isolate
    // counts under the same key, derived from the secret and the date (rate-limit.ts). Each request counts
    // alone in D1, bound or not: workerd cancels a request that waits on another's promise as hung.
    rateLimiter: env.SUBMIT_LIMITER
      ? createBindingRateLimiter(env.SUBMIT_LIMITER, soloDatabaseLimiter)
      : soloDatabaseLimiter,
    // Group commit makes requests wait for each other, which workerd cancels as hung; D1 takes a batch each.
    responseWriter: createSoloWriter(db),
    surveyScript,
    consoleFiles: assets
      ? async (path) => {
          const file = await readAsset(assets, `console/${path}`);
          return file ? new Uint8Array(await file.arrayBuffer()) : null;
        }
      : undefined,
  });
}

/**
 * The survey page's client script, as Node reads it from dist/ at start: here from the assets, once per
 * isolate, which keeps it out of the worker's own bundle. Without it the survey is a plain form.
 */
async function readSurveyScript(assets: Fetcher | undefined, log: Logger): Promise<string | undefined> {
  const file = assets && (await readAsset(assets, "survey/client.js"));
  if (file) return file.text();
  log.warn("survey_script_missing", { fix: "npm run build, then wrangler deploy" });
  return undefined;
}

/**
 * A file of the built UI (dist/) through the assets binding, or null when the build has none. Every
 * request runs the worker first (wrangler.toml), so the files are reached only through the app's routes,
 * with its headers, as on Node.
 */
async function readAsset(assets: Fetcher, path: string) {
  const res = await assets.fetch(`http://assets.invalid/${path}`);
  return res.ok ? res : null;
}

/** Vars and secrets are strings; bindings (D1, assets, limiters) are objects and not configuration. */
function textBindings(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

// Set at build time by wrangler.toml's [define]: the default build serves D1 only and leaves the libSQL
// client (about 18 KiB of the gzipped bundle) out; `--env turso` builds it in.
declare const HAILONG_TURSO: boolean;

async function openDatabase(env: WorkerEnv, config: Config): Promise<Database> {
  if (env.DB) return openD1Database(env.DB);
  // Inside `if (HAILONG_TURSO)`, so that the bundler drops the import from the default build.
  if (HAILONG_TURSO) {
    // Over HTTP, not WebSockets: a socket opened for one request cannot serve the next one on Workers.
    if (!/^(libsql|https?):/.test(config.databaseUrl)) {
      throw new ConfigError(
        "Invalid configuration:\n  DATABASE_URL: on Workers, bind a D1 database as DB or use a libsql:// or https:// URL (Turso)",
      );
    }
    const { openLibsqlHttpDatabase } = await import("./db/libsql-http.js");
    return openLibsqlHttpDatabase(config.databaseUrl, config.databaseAuthToken);
  }
  throw new ConfigError(
    "Invalid configuration:\n  DB: bind a D1 database as DB, or deploy the Turso build (wrangler deploy --env turso)",
  );
}

/**
 * The first admin comes from the HAILONG_ADMIN_PASSWORD secret. Without it no admin is created: a
 * generated password has no terminal to be shown on, and one in the logs would be readable by every
 * account with log access. The message repeats in each new isolate until the secret is set.
 */
async function bootstrapAdmin(db: Database, config: Config, log: Logger): Promise<void> {
  if (config.adminPassword) {
    await ensureFirstAdmin(db, { password: config.adminPassword, now: Date.now(), log });
  } else if (!(await anyAdminExists(db))) {
    log.error("first_admin_not_created", {
      reason: "HAILONG_ADMIN_PASSWORD is not set",
      fix: "wrangler secret put HAILONG_ADMIN_PASSWORD, then sign in at /console as admin",
    });
  }
}
