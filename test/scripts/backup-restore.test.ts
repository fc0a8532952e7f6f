import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  if (servers[0]) removeServerFiles(servers[0]);
});

function npmScript(script: string, args: string[], databaseUrl: string) {
  return execFileSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin-password-e2e" }),
  });
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] as string, origin: url };
}

async function createUnit(url: string, auth: { cookie: string; origin: string }, code: string) {
  const res = await fetch(`${url}/api/v1/units`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth },
    body: JSON.stringify({ code, name: `Đơn vị ${code}` }),
  });
  expect(res.status).toBe(201);
}

describe("npm run backup / npm run restore", () => {
  it("copies the live database while the server runs, and restores exactly that copy", async () => {
    const live = await startServer();
    servers.push(live);
    const databaseUrl = `file:${join(live.dir, "hailong.db")}`;
    const auth = await signIn(live.url);
    for (const code of ["A1", "A2", "A3"]) await createUnit(live.url, auth, code);

    const backupFile = join(live.dir, "backup.db");
    const out = npmScript("backup", ["--out", backupFile], databaseUrl);
    expect(out).toMatch(/integrity ok/);
    await createUnit(live.url, auth, "AFTER");
    expect(await live.stop()).toBe(0);

    npmScript("restore", [backupFile], databaseUrl);
    const restored = await startServer({}, { dir: live.dir });
    servers.push(restored);
    const auth2 = await signIn(restored.url);
    const units = await (
      await fetch(`${restored.url}/api/v1/units`, { headers: { cookie: auth2.cookie } })
    ).json();
    expect(units.units.map((u: { code: string }) => u.code).sort()).toEqual(["A1", "A2", "A3"]);
  });

  it("refuses to restore a file that does not exist", () => {
    expect(() => npmScript("restore", ["/nonexistent.db"], "file:/tmp/never.db")).toThrow();
  });
});
