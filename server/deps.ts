import type { AppConfig } from "./config.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";
import type { OpenApiDocument } from "./openapi/document.js";
import type { ExportReader } from "./reports/export-rows.js";
import type { ConsoleFiles } from "./routes/console.js";
import type { RateLimiter } from "./submit/rate-limit.js";
import type { ResponseWriter } from "./submit/response-writer.js";

/** Everything the app needs from its runtime; built once per process (Node) or isolate (Workers). */
export type AppDeps = {
  db: Database;
  config: AppConfig;
  /** The current instant in UTC milliseconds; tests freeze it. */
  now: () => number;
  /** A new response's id (shared/contract/response-id.ts: a UUID v7). */
  newId: () => string;
  log: Logger;
  /** The submit rate limiter; by default one counting in the database (Workers add env.SUBMIT_LIMITER). */
  rateLimiter?: RateLimiter;
  /** How responses are written; by default one group-commit writer for the app (Workers pass a solo one). */
  responseWriter?: ResponseWriter;
  /**
   * The survey page's client script (the output of `vite build -c vite.survey.config.ts`), inlined into
   * each page. Without it the page still works as a plain form.
   */
  surveyScript?: string;
  /**
   * How the raw export (responses.csv) reads its rows; by default keyset pages through `db`. Node passes
   * the native driver's iterator over the same file (server/db/native-export.ts).
   */
  exportReader?: ExportReader;
  /** The built console (dist/console), served under /console; without it /console answers 503. */
  consoleFiles?: ConsoleFiles;
  /**
   * Builds the OpenAPI document (server/openapi) served at /api/v1/openapi.json and /api/v1/docs. Node passes
   * it; the Workers build leaves it out, since its zod-to-JSON-Schema code is a tenth of the bundle.
   */
  describeApi?: (publicUrl: string) => OpenApiDocument;
  /** Asks the scheduled work (alerts, issue 17) to run soon: Node's timer does; Workers wait for the cron. */
  wakeScheduler?: () => void;
};

/** The signed-in caller, as every protected route sees it. */
export type AuthUser = {
  id: number;
  username: string;
  role: "admin" | "analyst" | "staff";
  /** The unit the user is scoped to, or null for the whole tree. */
  unitId: number | null;
  unitCode: string | null;
  /** Materialised path of the scope unit ("/1/4/"), or null for the whole tree. */
  scopePath: string | null;
  via: "session" | "token";
};

/** Hono's environment: one typed variable carries the dependencies. */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    user: AuthUser | undefined;
    requestId: string;
    secureHeadersNonce?: string;
  };
};
