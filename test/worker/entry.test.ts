import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  offlineWranglerEnv,
  ROOT,
  startWranglerDev,
  type WranglerDev,
} from "../../scripts/worker-wrangler.js";
import { makeCounterSetup } from "./helpers/catalogue.js";
import { ADMIN_PASSWORD, adminToken, httpClient } from "./helpers/client.js";
import { migratedState, readLocalD1 } from "./helpers/local-d1.js";

// What only the Workers entry does: start-up from bindings, once per isolate; each test has its own workerd.
const dir = mkdtempSync(join(tmpdir(), "hailong-worker-entry-"));
const env = offlineWranglerEnv(join(dir, "config"));
const running = new Set<WranglerDev>();
afterAll(async () => {
  await Promise.all([...running].map((dev) => dev.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function boot(
  persistTo: string,
  options: { vars?: Record<string, string>; environment?: string; config?: string } = {},
) {
  const scripts = inject("workerdScripts");
  const script = options.environment === "turso" ? scripts.turso : scripts.d1;
  const dev = await startWranglerDev({ persistTo, env, script, ...options });
  running.add(dev);
  return {
    dev,
    client: httpClient(dev.url),
    stop: async () => {
      running.delete(dev);
      await dev.stop();
    },
  };
}

const PASSWORD = "first-admin-from-secret";
const login = (client: ReturnType<typeof httpClient>) =>
  client.request("POST", "/api/v1/auth/login", { body: { username: "admin", password: PASSWORD } });
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;
const storedSecret = (state: string) =>
  readLocalD1<{ value: string }>(state, "SELECT value FROM settings WHERE key = 'secret'");

describe("server/worker.ts", () => {
  it.concurrent("makes no admin without HAILONG_ADMIN_PASSWORD, says so once per isolate, and does once it is set", async ({
    expect,
  }) => {
    const state = migratedState(join(dir, "bootstrap"));
    const first = await boot(state);
    for (let i = 0; i < 3; i++) expect((await first.client.request("GET", "/healthz")).status).toBe(200);
    expect((await login(first.client)).status).toBe(401);
    const log = await first.dev.waitForOutput(/first_admin_not_created/);
    expect(log).toContain("wrangler secret put HAILONG_ADMIN_PASSWORD");
    await first.stop();
    expect(occurrences(first.dev.output(), '"event":"first_admin_not_created"')).toBe(1);
    const secret = storedSecret(state);
    expect(secret).toHaveLength(1);
    expect(secret[0]!.value.length).toBeGreaterThanOrEqual(32);

    const second = await boot(state, { vars: { HAILONG_ADMIN_PASSWORD: PASSWORD } });
    // A cold isolate met by a crowd: every request waits for the one start-up and is answered.
    const crowd = await Promise.all(
      Array.from({ length: 20 }, () => second.client.request("GET", "/healthz")),
    );
    expect(crowd.map((res) => res.status)).toEqual(crowd.map(() => 200));
    expect((await login(second.client)).status).toBe(200);
    expect((await login(second.client)).status).toBe(200);
    await second.dev.waitForOutput(/first_admin_created/);
    await second.stop();
    expect(occurrences(second.dev.output(), '"event":"first_admin_created"')).toBe(1);
    // The generated signing secret outlives the isolate: links signed before a restart stay valid.
    expect(storedSecret(state)).toEqual(secret);
  });

  it.concurrent("answers 503 SERVICE_UNAVAILABLE to a bad setting and names the variable in the log", async ({
    expect,
  }) => {
    const { client, dev } = await boot(join(dir, "misconfigured"), { vars: { PUBLIC_URL: "not a url" } });
    const { status, body } = await client.json("GET", "/healthz");
    expect(status).toBe(503);
    expect(body).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toContain("PUBLIC_URL");
    await dev.waitForOutput(/PUBLIC_URL: /);
  });

  it.concurrent("opens Turso over HTTP without a D1 binding, and tries again after the database failed", async ({
    expect,
  }) => {
    const { client, dev } = await boot(join(dir, "turso"), {
      environment: "turso",
      vars: { DATABASE_URL: "http://127.0.0.1:9", DATABASE_AUTH_TOKEN: "token" },
    });
    expect((await client.json("GET", "/healthz")).status).toBe(503);
    expect((await client.json("GET", "/healthz")).status).toBe(503);
    await dev.waitForOutput(/hailong could not start[\s\S]*hailong could not start/);
  });

  it("counts submissions with Cloudflare's rate-limiting binding when it is bound", async () => {
    // wrangler.toml's binding (10 a minute), and minute and day limits far above it in D1: a 429 can only
    // come from the binding.
    const { client } = await boot(migratedState(join(dir, "binding")), {
      vars: {
        HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HAILONG_RATE_LIMIT: "1000000",
        HAILONG_RATE_LIMIT_DAY: "1000000",
      },
    });
    const admin = await adminToken(client, "limiter");
    const [point] = (await makeCounterSetup(client, admin, "RL", [{ label: "Quầy" }])).points;
    // The binding counts per clock minute: two windows' worth is enough to reach the limit in one of them.
    let accepted = 0;
    let refused: Awaited<ReturnType<typeof client.json>> | undefined;
    while (!refused && accepted <= 20) {
      const res = await client.json("POST", "/api/v1/responses", {
        body: { id: crypto.randomUUID(), point, lang: "vi", answers: { TC1: 5 } },
      });
      if (res.status === 201) accepted++;
      else refused = res;
    }
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
    expect(refused!.headers.get("retry-after")).toBe("60");
  });

  it("counts the day in D1 under one key for every isolate: a restarted workerd goes on counting", async () => {
    const state = migratedState(join(dir, "day-limit"));
    const vars = {
      HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HAILONG_SECRET: "day-limit-secret-day-limit-secret-0123456789",
      HAILONG_RATE_LIMIT: "1000000",
      HAILONG_RATE_LIMIT_DAY: "3",
    };
    const submitAll = async (client: ReturnType<typeof httpClient>, point: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) {
        const res = await client.json("POST", "/api/v1/responses", {
          body: { id: crypto.randomUUID(), point, lang: "vi", answers: { TC1: 1 } },
        });
        statuses.push(res.status);
      }
      return statuses;
    };
    const first = await boot(state, { vars });
    const token = await adminToken(first.client, "day limit");
    const [point] = (await makeCounterSetup(first.client, token, "DL", [{ label: "Quầy" }])).points;
    expect(await submitAll(first.client, point as string, 2)).toEqual([201, 201]);
    await first.stop();
    // A new workerd (a new isolate, its memory empty) on the same D1 continues the same count.
    const second = await boot(state, { vars });
    expect(await submitAll(second.client, point as string, 2)).toEqual([201, 429]);
  });

  it("counts the minute in D1 without the binding, each request alone, concurrent ones too", async () => {
    // wrangler.toml without its rate-limiting bindings; its paths made absolute for the copy's new folder.
    const config = join(dir, "no-binding.toml");
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
      .replace(/\[\[(env\.turso\.)?ratelimits\]\][^[]*/g, "")
      .replace('directory = "dist"', `directory = "${join(ROOT, "dist")}"`)
      .replace('migrations_dir = "migrations"', `migrations_dir = "${join(ROOT, "migrations")}"`);
    expect(toml).not.toContain("SUBMIT_LIMITER");
    writeFileSync(config, toml);
    const { client } = await boot(migratedState(join(dir, "no-binding")), {
      config,
      vars: {
        HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HAILONG_RATE_LIMIT: "3",
        HAILONG_RATE_LIMIT_DAY: "1000",
      },
    });
    const token = await adminToken(client, "no binding");
    const [point] = (await makeCounterSetup(client, token, "NB", [{ label: "Quầy" }])).points;
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .json("POST", "/api/v1/responses", {
            body: { id: crypto.randomUUID(), point, lang: "vi", answers: { TC1: 4 } },
          })
          .then((res) => res.status),
      ),
    );
    // Three a minute from one address to one point; none cancelled as hung (a 500), whatever the order.
    expect(statuses.toSorted()).toEqual([201, 201, 201, 429, 429]);
  });
});
