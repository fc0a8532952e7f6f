import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppDeps, AppEnv } from "../../server/deps.js";
import { handleError } from "../../server/errors.js";
import { createJsonLogger } from "../../server/logger.js";
import { createTestApp } from "../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "FULL" });
const point = await makePoint(t, { unit: "FULL" });
const submit = () =>
  t.request("POST", "/api/v1/responses", {
    body: {
      id: crypto.randomUUID(),
      point: point.code,
      lang: "vi",
      answers: { TC1: 4 },
      comment: "x".repeat(1500),
    },
  });
const pageCount = async () => Number((await t.client.execute("PRAGMA page_count")).rows[0]?.[0]);

describe("a database that cannot take writes (disk full)", () => {
  it("answers submissions 503 SERVICE_UNAVAILABLE with Retry-After, and /healthz says 503 until writes work", async () => {
    expect((await submit()).status).toBe(201);
    // The file may not grow by a page: what a full disk does to SQLite.
    await t.client.execute(`PRAGMA max_page_count = ${await pageCount()}`);
    let refused: Response | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const res = await submit();
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get("retry-after")).toBe("5");
    expect(await refused?.json()).toEqual({
      error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) },
    });
    const health = await t.request("GET", "/healthz");
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("5");

    await t.client.execute("PRAGMA max_page_count = 1073741823");
    t.clock.advance(31_000);
    expect((await t.request("GET", "/healthz")).status).toBe(200);
    expect((await submit()).status).toBe(201);
  });
});

describe("the error log", () => {
  it("names the failing table but never a query's parameter values", async () => {
    const lines: string[] = [];
    const deps = { ...t.deps, log: createJsonLogger((line) => lines.push(line)) } as AppDeps;
    const app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set("deps", deps);
        await next();
      })
      .get("/", async (c) => {
        await deps.db.run(sql`INSERT INTO no_such_table (secret) VALUES (${"hunter2-secret-value"})`);
        return c.text("unreachable");
      })
      .get("/batch", async (c) => {
        await deps.db.batch([deps.db.run(sql`UPDATE no_such_table SET v = ${"hunter2-batch-value"}`)]);
        return c.text("unreachable");
      });
    app.onError(handleError);
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("no_such_table");
    expect((await app.request("/batch")).status).toBe(500);
    expect(lines).toHaveLength(2);
    const logged = lines.join("\n");
    expect(logged).toContain("no such table: no_such_table");
    expect(logged).not.toContain("hunter2");
    expect(logged).not.toContain("params");
  });
});
