import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";

// The Node entry, booted for real: a child process on 127.0.0.1 with its own database file.
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  if (servers[0]) removeServerFiles(servers[0]);
});

async function boot(env: Record<string, string>, dir?: string) {
  const server = await startServer(env, dir ? { dir } : {});
  servers.push(server);
  return server;
}

describe("server/node.ts", () => {
  it("starts, answers /healthz, prints a one-time admin password, and keeps data across a restart", async () => {
    const first = await boot({ HAILONG_ADMIN_PASSWORD: "" });
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const password = /^ {4}(\S+)$/m.exec(first.output())?.[1];
    expect(password).toBeDefined();

    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const created = await fetch(`${first.url}/api/v1/units`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: first.url },
      body: JSON.stringify({ code: "H35", name: "UBND tỉnh Lạng Sơn" }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop("SIGTERM")).toBe(0);

    const second = await boot({ HAILONG_ADMIN_PASSWORD: "" }, first.dir);
    expect(second.output()).not.toMatch(/First start/);
    const relogin = await fetch(`${second.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    const cookie2 = (relogin.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const unit = await fetch(`${second.url}/api/v1/units/H35`, { headers: { cookie: cookie2 } });
    expect((await unit.json()).unit.name).toBe("UBND tỉnh Lạng Sơn");
  });

  it("refuses to start with a bad setting and names it", async () => {
    await expect(boot({ PORT: "not-a-port" })).rejects.toThrow(/PORT: /);
  });

  it("answers with secure headers and a request id", async () => {
    const server = await boot({});
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
