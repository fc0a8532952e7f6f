import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Credentials, createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../helpers/factories.js";

// db:check recomputes the rollups, channel included, from responses that came through every channel:
// online (qr, kiosk), paper forms (one of them corrected) and an import.

let t: TestApp;
let staff: Credentials;
let code: string;

const check = (args: string[] = []) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/db-check.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${join(t.dir, "test.db")}` },
    encoding: "utf8",
  });

beforeAll(async () => {
  t = await createTestApp();
  await makeUnit(t, { code: "H35" });
  code = (await makePoint(t, { unit: "H35" })).code;
  staff = (await makeUser(t, { role: "staff", unit: "H35" })).auth;
  for (const channel of ["qr", "kiosk"]) {
    const res = await t.request("POST", "/api/v1/responses", {
      body: { id: crypto.randomUUID(), point: code, lang: "vi", answers: { TC1: 4 }, channel },
    });
    expect(res.status).toBe(201);
  }
  const ids: string[] = [];
  for (const formNumber of [1, 2]) {
    const res = await t.request("POST", "/api/v1/responses/entered", {
      auth: staff,
      body: { point: code, formNumber, day: "2026-02-27", answers: { TC1: 5, CC2: 3 } },
    });
    ids.push((await res.json()).id);
  }
  const corrected = await t.request("PUT", `/api/v1/responses/entered/${ids[0]}`, {
    auth: staff,
    body: { point: code, formNumber: 1, day: "2026-03-02", answers: { TC1: 2 }, expectations: { E1: 3 } },
  });
  expect(corrected.status).toBe(200);
  const mapping = JSON.stringify({ columns: { day: "day", q: "TT1" } });
  const imported = await t.app.request(
    `/api/v1/responses/import?point=${code}&fileName=a.csv&mapping=${mapping}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${(staff as { token: string }).token}`, "content-type": "text/csv" },
      body: "day,q\n2026-01-05,5\n2026-03-01,1\n",
    },
  );
  expect(imported.status).toBe(201);
});

describe("npm run db:check with every channel", () => {
  it("agrees with rollups written by online, paper (corrected) and imported responses", async () => {
    const channels = await t.client.execute("SELECT DISTINCT channel FROM rollups ORDER BY 1");
    expect(channels.rows.map((r) => r.channel)).toEqual(["import", "kiosk", "paper", "qr"]);
    const result = check();
    expect(result.stdout).toMatch(/Rollups agree with the 6 responses/);
    expect(result.status).toBe(0);
  });

  it("finds counts filed under the wrong channel, and repairs them", async () => {
    await t.client.execute("UPDATE rollups SET channel = 'qr' WHERE channel = 'paper' AND item = 'CC2'");
    const found = check();
    expect(found.status).toBe(1);
    expect(found.stdout).toMatch(/\|paper\|0\|CC2: stored nothing/);
    expect(check(["--repair"]).status).toBe(0);
    expect(check().status).toBe(0);
  });
});
