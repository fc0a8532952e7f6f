import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../server/app.js";
import { parseConfig } from "../../../server/config.js";
import { openLibsqlDatabase } from "../../../server/db/libsql.js";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../../helpers/factories.js";

// Issue 12: 300 one-star ballots from one address in 2 s stored 120, and two processes on one database
// each allowed the full limit. The defaults are now 10 a minute and 60 a day per address and point, counted
// in the database.
const defaults = parseConfig({});
const t = await createTestApp({
  config: { rateLimit: defaults.rateLimit, rateLimitDay: defaults.rateLimitDay },
});
await makeUnit(t, { code: "BS" });
const staff = await makeUser(t, { role: "staff", unit: "BS" });

const ballot = (code: string, address: string, app = t.app) =>
  app.request("/api/v1/responses", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify({ id: crypto.randomUUID(), point: code, lang: "vi", answers: { TC1: 1, TC2: 1 } }),
  });
const stored = async (pointId: number) =>
  Number(
    (await t.client.execute({ sql: "SELECT count(*) FROM responses WHERE point_id = ?", args: [pointId] }))
      .rows[0]?.[0],
  );
const burst = async (code: string, address: string, n: number, app = t.app) =>
  (await Promise.all(Array.from({ length: n }, () => ballot(code, address, app)))).map((res) => res.status);

describe("ballot stuffing from one address", () => {
  it("defaults to 10 a minute and 60 a day", () => {
    expect(defaults.rateLimit).toBe(10);
    expect(defaults.rateLimitDay).toBe(60);
  });

  it("stores 10 of 300 ballots sent at once, and answers the rest 429", async () => {
    const point = await makePoint(t, { unit: "BS" });
    const statuses = await burst(point.code, "203.0.113.7", 300);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(290);
    expect(await stored(point.id)).toBe(10);
  });

  it("stores at most 60 in a day, however the ballots are spread over its minutes", async () => {
    const point = await makePoint(t, { unit: "BS" });
    let accepted = 0;
    for (let minute = 0; minute < 10; minute++) {
      accepted += (await burst(point.code, "203.0.113.8", 12)).filter((s) => s === 201).length;
      t.clock.advance(60_000);
    }
    expect(accepted).toBe(60);
    expect(await stored(point.id)).toBe(60);
    // Another address has its own allowance, and so does the same address the next day.
    expect((await ballot(point.code, "203.0.113.9")).status).toBe(201);
    t.clock.advance(86_400_000);
    expect((await ballot(point.code, "203.0.113.8")).status).toBe(201);
  });

  it("counts an IPv6 client by its /64", async () => {
    const point = await makePoint(t, { unit: "BS" });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ballot(point.code, `2001:db8:7:7:${i.toString(16)}::1`)),
    );
    expect(statuses.filter((res) => res.status === 201)).toHaveLength(10);
    expect((await ballot(point.code, "2001:db8:7:8::1")).status).toBe(201);
  });

  it("shares one limit between two apps on one database file (two processes of a deployment)", async () => {
    const point = await makePoint(t, { unit: "BS" });
    const second = await openLibsqlDatabase({ url: `file:${join(t.dir, "test.db")}` });
    try {
      const other = createApp({ ...t.deps, db: second.db });
      const [here, there] = await Promise.all([
        burst(point.code, "198.51.100.4", 15),
        burst(point.code, "198.51.100.4", 15, other),
      ]);
      expect([...here, ...there].filter((s) => s === 201)).toHaveLength(10);
      expect(await stored(point.id)).toBe(10);
    } finally {
      second.close();
    }
  });
});

describe("a point's own day limit (a counter's shared Wi-Fi)", () => {
  it("is set by staff of the unit, shown on the point, and replaces the day limit there", async () => {
    const point = await makePoint(t, { unit: "BS" });
    const refused = await t.request("PATCH", `/api/v1/points/${point.code}`, {
      auth: staff.auth,
      body: { dailyLimit: 0 },
    });
    expect(refused.status).toBe(400);
    const patched = await t.request("PATCH", `/api/v1/points/${point.code}`, {
      auth: staff.auth,
      body: { dailyLimit: 100 },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).dailyLimit).toBe(100);
    let accepted = 0;
    for (let minute = 0; minute < 12; minute++) {
      accepted += (await burst(point.code, "192.0.2.50", 10)).filter((s) => s === 201).length;
      t.clock.advance(60_000);
    }
    expect(accepted).toBe(100);
    // Back to the deployment's limit.
    const reset = await t.request("PATCH", `/api/v1/points/${point.code}`, {
      auth: staff.auth,
      body: { dailyLimit: null },
    });
    expect((await reset.json()).dailyLimit).toBeNull();
    expect((await ballot(point.code, "192.0.2.50")).status).toBe(429);
  });

  it("may be given when the point is created", async () => {
    const res = await t.request("POST", "/api/v1/points", {
      auth: staff.auth,
      body: { unit: "BS", label: "Ki-ốt sảnh", dailyLimit: 500 },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).dailyLimit).toBe(500);
  });
});
