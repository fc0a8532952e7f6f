import { describe, expect, it } from "vitest";
import { createApp } from "../../../server/app.js";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

// Issue 12: a counter archived or switched to links-only still took QR answers for up to 10 s, because the
// submit path caches points. Every change through the app now applies at once (the clock is frozen here:
// the cache's 10 s never pass unless a test moves it).
const t = await createTestApp();
const admin = await makeUser(t, { role: "admin" });
await makeUnit(t, { code: "CACHE" });
await makeService(t, { code: "1.000300", units: ["CACHE"] });

const submit = (code: string, app = t.app) =>
  app.request("/api/v1/responses", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: crypto.randomUUID(), point: code, lang: "vi", answers: { TC1: 5 } }),
  });
const picker = async (code: string) =>
  (await (await t.request("GET", `/api/v1/points/${code}`)).json()).services.map(
    (s: { code: string }) => s.code,
  );

describe("the point cache", () => {
  it("applies archiving a point at once", async () => {
    const point = await makePoint(t, { unit: "CACHE" });
    expect((await submit(point.code)).status).toBe(201);
    expect(
      (await t.request("POST", `/api/v1/points/${point.code}/archive`, { auth: admin.auth })).status,
    ).toBe(200);
    expect((await submit(point.code)).status).toBe(404);
  });

  it("applies links-only at once", async () => {
    const point = await makePoint(t, { unit: "CACHE" });
    expect((await submit(point.code)).status).toBe(201);
    const patched = await t.request("PATCH", `/api/v1/points/${point.code}`, {
      auth: admin.auth,
      body: { tokenRequired: true },
    });
    expect(patched.status).toBe(200);
    const refused = await submit(point.code);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("TOKEN_REQUIRED");
  });

  it("applies archiving the unit, and a procedure archived or detached, at once", async () => {
    await makeUnit(t, { code: "CACHE2" });
    await makeService(t, { code: "1.000301", units: ["CACHE2"] });
    await makeService(t, { code: "1.000302", units: ["CACHE2"] });
    const point = await makePoint(t, { unit: "CACHE2" });
    expect(await picker(point.code)).toEqual(["1.000301", "1.000302"]);
    await t.request("POST", "/api/v1/services/1.000301/archive", { auth: admin.auth });
    expect(await picker(point.code)).toEqual(["1.000302"]);
    await t.request("PUT", "/api/v1/units/CACHE2/services", { auth: admin.auth, body: { services: [] } });
    expect(await picker(point.code)).toEqual([]);
    expect((await submit(point.code)).status).toBe(201);
    await t.request("POST", "/api/v1/units/CACHE2/archive", { auth: admin.auth });
    expect((await submit(point.code)).status).toBe(404);
  });

  it("lets a change made by another process apply within the cache's 10 seconds", async () => {
    const point = await makePoint(t, { unit: "CACHE" });
    const other = createApp(t.deps);
    expect((await submit(point.code)).status).toBe(201);
    const archived = await other.request(`/api/v1/points/${point.code}/archive`, {
      method: "POST",
      headers: { authorization: `Bearer ${(admin.auth as { token: string }).token}` },
    });
    expect(archived.status).toBe(200);
    expect((await submit(point.code)).status).toBe(201);
    t.clock.advance(10_000);
    expect((await submit(point.code)).status).toBe(404);
  });
});
