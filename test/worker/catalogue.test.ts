import { beforeAll, describe, expect, it } from "vitest";
import { POINT_CODE_ALPHABET } from "../../shared/contract/catalogue.js";
import { ADMIN_PASSWORD, adminToken, type Credentials, signIn } from "./helpers/client.js";
import { runtimes } from "./helpers/runtimes.js";

// Health, sign-in, the catalogue and points: the same answers from the Node entry and from workerd + D1.
describe.each(runtimes())("on $name", ({ client }) => {
  let admin: Credentials;
  beforeAll(async () => {
    admin = await adminToken(client, "catalogue suite");
  });

  it("answers /healthz after a database round trip, uncached", async () => {
    const { status, body, headers } = await client.json("GET", "/healthz");
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("signs in the first admin made from HAILONG_ADMIN_PASSWORD with an HttpOnly cookie", async () => {
    const res = await client.request("POST", "/api/v1/auth/login", {
      body: { username: "admin", password: ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { username: "admin", role: "admin", unit: null } });
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const session = await signIn(client, "admin", ADMIN_PASSWORD);
    const me = await client.json("GET", "/api/v1/auth/me", { auth: session });
    expect(me).toMatchObject({ status: 200, body: { user: { username: "admin", role: "admin" } } });
  });

  it("refuses a wrong password with 401 INVALID_CREDENTIALS", async () => {
    const { status, body } = await client.json("POST", "/api/v1/auth/login", {
      body: { username: "admin", password: "not-the-password" },
    });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "INVALID_CREDENTIALS", message: expect.any(String) } });
  });

  it("creates units, a service offered by a unit, and a point with a short typeable code", async () => {
    expect(
      (await client.json("POST", "/api/v1/units", { auth: admin, body: { code: "C35", name: "UBND tỉnh" } }))
        .status,
    ).toBe(201);
    const unit = await client.json("POST", "/api/v1/units", {
      auth: admin,
      body: { code: "C35.TP", name: "Sở Tư pháp", parent: "C35" },
    });
    expect(unit).toMatchObject({ status: 201, body: { code: "C35.TP", name: "Sở Tư pháp", parent: "C35" } });
    const service = await client.json("POST", "/api/v1/services", {
      auth: admin,
      body: { code: "1.001193", name: "Cấp phiếu lý lịch tư pháp", units: ["C35.TP"] },
    });
    expect(service.status).toBe(201);

    const point = await client.json<Record<string, unknown> & { code: string }>("POST", "/api/v1/points", {
      auth: admin,
      body: { unit: "C35.TP", label: "Quầy số 3", service: "1.001193", form: "quick" },
    });
    expect(point.status).toBe(201);
    expect(point.body.code).toMatch(new RegExp(`^[${POINT_CODE_ALPHABET}]{6}$`));
    expect(point.body).toMatchObject({
      label: "Quầy số 3",
      unit: { code: "C35.TP", name: "Sở Tư pháp" },
      service: { code: "1.001193" },
      form: "quick",
      tokenRequired: false,
      archived: false,
      surveyUrl: `http://localhost:8787/s/${point.body.code}`,
    });
    const listed = await client.json<{ points: { code: string }[] }>("GET", "/api/v1/points?unit=C35.TP", {
      auth: admin,
    });
    expect(listed.body.points.map((p) => p.code)).toEqual([point.body.code]);
  });

  it("answers a duplicate code with 409 CONFLICT and an unknown parent with 400 and its issue", async () => {
    await client.json("POST", "/api/v1/units", { auth: admin, body: { code: "D1", name: "Đơn vị" } });
    const duplicate = await client.json("POST", "/api/v1/units", {
      auth: admin,
      body: { code: "D1", name: "Đơn vị khác" },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    const orphan = await client.json("POST", "/api/v1/units", {
      auth: admin,
      body: { code: "D2", name: "Đơn vị", parent: "NOPE" },
    });
    expect(orphan).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    const unknownField = await client.json<{ error: { issues: unknown[] } }>("POST", "/api/v1/units", {
      auth: admin,
      body: { code: "D3", name: "Đơn vị", colour: "red" },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.issues.length).toBeGreaterThan(0);
  });

  it("keeps one error envelope for 401, 404, 415 and 413", async () => {
    expect(await client.json("GET", "/api/v1/points")).toMatchObject({
      status: 401,
      body: { error: { code: "UNAUTHENTICATED" } },
    });
    expect(await client.json("GET", "/api/v1/units/NOPE", { auth: admin })).toMatchObject({
      status: 404,
      body: { error: { code: "NOT_FOUND" } },
    });
    expect(await client.json("GET", "/no/such/page")).toMatchObject({
      status: 404,
      body: { error: { code: "NOT_FOUND" } },
    });
    expect(
      await client.json("POST", "/api/v1/units", {
        auth: admin,
        body: "code=X",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    ).toMatchObject({ status: 415, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE" } } });
    expect(
      await client.json("POST", "/api/v1/units", {
        auth: admin,
        body: { code: "BIG", name: "x".repeat(70 * 1024) },
      }),
    ).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
  });

  it("sends the secure headers and a request id: a page's CSP with its script nonce, JSON's with nothing to run", async () => {
    const health = await client.request("GET", "/healthz");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(health.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(health.headers.get("x-request-id")).toBeTruthy();
    const home = await client.request("GET", "/");
    expect(home.headers.get("content-type")).toMatch(/^text\/html/);
    expect(home.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(home.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(home.headers.get("x-request-id")).toBeTruthy();
  });
});
