import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser, signIn } from "../../helpers/factories.js";

const t = await createTestApp();
const unit = await makeUnit(t, { code: "SOTP" });
const analyst = await makeUser(t, {
  role: "analyst",
  unit: unit.code,
  username: "lan.nguyen",
  password: "mat-khau-rat-dai",
});

describe("POST /api/v1/auth/login", () => {
  it("signs in and sets an HttpOnly SameSite session cookie", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { username: "Lan.Nguyen", password: "mat-khau-rat-dai" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { username: "lan.nguyen", role: "analyst", unit: "SOTP" } });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^hailong_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("stores only the hash of the session cookie", async () => {
    const { cookie } = (await signIn(t, analyst.username, analyst.password)) as { cookie: string };
    const value = cookie.split("=")[1] as string;
    const rows = await t.client.execute("SELECT id FROM sessions");
    expect(rows.rows.map((r) => r.id)).not.toContain(value);
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong password or an unknown user", async () => {
    for (const body of [
      { username: "lan.nguyen", password: "wrong" },
      { username: "nobody", password: "whatever" },
    ]) {
      const res = await t.request("POST", "/api/v1/auth/login", { body });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("slows down repeated failures with 429 and Retry-After, then lets the right password in later", async () => {
    const user = await makeUser(t, { role: "staff", unit: unit.code });
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t.request("POST", "/api/v1/auth/login", {
            body: { username: user.username, password: "nope" },
          })
        ).status,
      ).toBe(401);
    }
    const locked = await t.request("POST", "/api/v1/auth/login", {
      body: { username: user.username, password: user.password },
    });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    t.clock.advance(2_000);
    const ok = await t.request("POST", "/api/v1/auth/login", {
      body: { username: user.username, password: user.password },
    });
    expect(ok.status).toBe(200);
  });

  it("rejects a body with unknown fields", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { username: "a", password: "b", admin: true },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  });

  it("answers 415 for a form-encoded body and 400 INVALID_JSON for broken JSON", async () => {
    const form = await t.request("POST", "/api/v1/auth/login", {
      body: "username=a&password=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await t.request("POST", "/api/v1/auth/login", { body: "{not json" });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("INVALID_JSON");
  });
});

describe("GET /api/v1/auth/me and logout", () => {
  it("knows the caller by cookie, then forgets them after logout", async () => {
    const session = await signIn(t, analyst.username, analyst.password);
    const me = await t.request("GET", "/api/v1/auth/me", { auth: session });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe("lan.nguyen");
    expect((await t.request("POST", "/api/v1/auth/logout", { auth: session })).status).toBe(200);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(401);
  });

  it("expires a session after eight idle hours", async () => {
    const session = await signIn(t, analyst.username, analyst.password);
    t.clock.advance(8 * 60 * 60 * 1000 + 1);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another origin (CSRF)", async () => {
    const session = (await signIn(t, analyst.username, analyst.password)) as { cookie: string };
    const created = await t.request("POST", "/api/v1/tokens", { auth: session, body: { name: "x" } });
    const { id } = await created.json();
    const res = await t.app.request(`/api/v1/tokens/${id}`, {
      method: "DELETE",
      headers: { cookie: session.cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CSRF_REJECTED");
    // A text/plain body (what a cross-site form can send) never reaches a JSON route either.
    const plain = await t.app.request("/api/v1/tokens", {
      method: "POST",
      headers: { cookie: session.cookie, origin: "https://evil.example", "content-type": "text/plain" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(plain.status).toBe(415);
  });
});

describe("API tokens", () => {
  it("are shown once, work as Bearer, and stop working when revoked", async () => {
    const session = await signIn(t, analyst.username, analyst.password);
    const res = await t.request("POST", "/api/v1/tokens", {
      auth: session,
      body: { name: "báo cáo hằng tháng" },
    });
    expect(res.status).toBe(201);
    const { id, token } = await res.json();
    expect(token).toMatch(/^hl_/);
    const listed = await (await t.request("GET", "/api/v1/tokens", { auth: { token } })).json();
    // The whole secret part: base64url may itself contain "_", so splitting on it could leave a one-letter
    // fragment that any listing "contains".
    const secret = token.slice("hl_".length + id.length + 1);
    expect(token).toBe(`hl_${id}_${secret}`);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(token.slice("hl_".length));
    expect((await t.request("DELETE", `/api/v1/tokens/${id}`, { auth: session })).status).toBe(200);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: { token } })).status).toBe(401);
  });

  it("answers 401 for a malformed or forged bearer token", async () => {
    for (const token of ["nonsense", `hl_${"a".repeat(12)}_${"b".repeat(43)}`]) {
      expect((await t.request("GET", "/api/v1/auth/me", { auth: { token } })).status).toBe(401);
    }
  });
});
