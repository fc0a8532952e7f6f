import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { createApp } from "../../server/app.js";
import type { AppConfig } from "../../server/config.js";
import { openLibsqlDatabase } from "../../server/db/libsql.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { nativeExportReader } from "../../server/db/native-export.js";
import type { AppDeps } from "../../server/deps.js";
import { silentLogger } from "../../server/logger.js";
import { buildOpenApiDocument } from "../../server/openapi/document.js";

/** 2026-03-15 10:00 in Hanoi (03:00 UTC): the frozen "now" of every test unless a test moves it. */
export const FROZEN_NOW = Date.UTC(2026, 2, 15, 3, 0, 0);

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A real app on its own freshly migrated temp-file database with a frozen clock. The database and its
 * folder are removed when the test file ends.
 */
export async function createTestApp(
  overrides: {
    config?: Partial<AppConfig>;
    deps?: Partial<Pick<AppDeps, "consoleFiles" | "describeApi">>;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "hailong-test-"));
  const file = join(dir, "test.db");
  const database = await openLibsqlDatabase({ url: `file:${file}` });
  await applyMigrations(database);
  let now = FROZEN_NOW;
  let ids = 0;
  const config: AppConfig = {
    databaseUrl: "file:test.db",
    databaseAuthToken: undefined,
    publicUrl: "http://hailong.test",
    host: "127.0.0.1",
    port: 0,
    secret: "test-secret-test-secret-test-secret-0123456789",
    adminPassword: undefined,
    rateLimit: 0,
    rateLimitDay: 0,
    linkDays: 7,
    durability: "normal",
    trustProxy: false,
    caseDays: 7,
    contactDays: 90,
    webhookUrl: undefined,
    webhookSecret: undefined,
    digestHour: 7,
    officerMinResponses: 10,
    ...overrides.config,
  };
  const deps: AppDeps = {
    db: database.db,
    config,
    now: () => now,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
    log: silentLogger,
    describeApi: buildOpenApiDocument,
    // As server/node.ts wires it for a local file.
    exportReader: nativeExportReader(file),
    ...overrides.deps,
  };
  const app = createApp(deps);
  afterAll(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    app,
    db: database.db,
    client: database.client,
    deps,
    dir,
    clock: {
      set: (instant: number) => {
        now = instant;
      },
      advance: (ms: number) => {
        now += ms;
      },
    },
    /** A JSON request through the app (no network), with optional credentials. */
    request(
      method: string,
      path: string,
      options: { body?: unknown; auth?: Credentials; headers?: Record<string, string> } = {},
    ) {
      const headers: Record<string, string> = { ...authHeaders(options.auth), ...options.headers };
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      return app.request(path, { method, headers, body });
    },
  };
}

/** How a test acts as a user: a bearer token or a session cookie. */
export type Credentials = { token: string } | { cookie: string };

export function authHeaders(auth: Credentials | undefined): Record<string, string> {
  if (!auth) return {};
  if ("token" in auth) return { authorization: `Bearer ${auth.token}` };
  return { cookie: auth.cookie, origin: "http://hailong.test" };
}
