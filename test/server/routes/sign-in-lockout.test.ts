import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser, signIn } from "../../helpers/factories.js";

// Clients are told apart by address as behind a trusted proxy (X-Forwarded-For), as in production.
const t = await createTestApp({ config: { trustProxy: true } });
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
const provinceAdmin = await makeUser(t, { role: "admin" });

const login = (username: string, password: string, from: string) =>
  t.request("POST", "/api/v1/auth/login", {
    body: { username, password },
    headers: { "x-forwarded-for": from },
  });

/** Wrong guesses from one address until the pair is locked; the statuses seen. */
async function guess(username: string, from: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await login(username, "not-the-password", from)).status);
  return statuses;
}

describe("sign-in lock-out per (address, username)", () => {
  it("a stranger's guesses do not lock the owner out of their own address", async () => {
    const owner = await makeUser(t, { role: "admin", unit: "STP" });
    expect(await guess(owner.username, "198.51.100.1", 9)).toEqual([
      401, 401, 401, 401, 401, 429, 429, 429, 429,
    ]);
    expect((await login(owner.username, owner.password, "198.51.100.1")).status).toBe(429);
    expect((await login(owner.username, owner.password, "203.0.113.7")).status).toBe(200);
  });

  it("a guess every 15 minutes keeps only the guesser's own address waiting", async () => {
    const owner = await makeUser(t, { role: "staff", unit: "STP" });
    await guess(owner.username, "198.51.100.2", 5);
    for (let i = 0; i < 8; i++) {
      t.clock.advance(15 * 60_000);
      await guess(owner.username, "198.51.100.2", 1);
    }
    expect((await login(owner.username, owner.password, "203.0.113.8")).status).toBe(200);
  });

  it("answers an unknown username exactly as a known one: 401 five times, then 429", async () => {
    const known = await makeUser(t, { role: "analyst", unit: "STP" });
    const answers = async (username: string, from: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(username, "not-the-password", from);
        const body = await res.json();
        seen.push(`${res.status} ${body.error.code} ${body.error.message} ${res.headers.get("retry-after")}`);
      }
      return seen;
    };
    const forKnown = await answers(known.username, "198.51.100.3");
    const forUnknown = await answers("nobody.here", "198.51.100.4");
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.at(-1)).toMatch(/^429 TOO_MANY_ATTEMPTS /);
  });

  it("an admin can unlock a user (audited, shown in the user list), who may then sign in from there", async () => {
    const owner = await makeUser(t, { role: "staff", unit: "STP" });
    await guess(owner.username, "198.51.100.5", 8);
    expect((await login(owner.username, owner.password, "198.51.100.5")).status).toBe(429);
    const listed = await (await t.request("GET", "/api/v1/users", { auth: provinceAdmin.auth })).json();
    expect(listed.users.find((u: { username: string }) => u.username === owner.username).locked).toBe(true);

    const unlock = await t.request("POST", `/api/v1/users/${owner.username}/unlock`, {
      auth: provinceAdmin.auth,
    });
    expect(unlock.status).toBe(200);
    expect((await unlock.json()).user.locked).toBe(false);
    const audit = await t.client.execute({
      sql: "SELECT action FROM audit_log WHERE entity = 'user' AND entity_code = ? ORDER BY id DESC LIMIT 1",
      args: [owner.username],
    });
    expect(audit.rows[0]?.action).toBe("unlock");
    expect((await login(owner.username, owner.password, "198.51.100.5")).status).toBe(200);
  });

  it("a password reset by an admin clears the lock-out", async () => {
    const owner = await makeUser(t, { role: "staff", unit: "STP" });
    await guess(owner.username, "198.51.100.6", 8);
    const reset = await t.request("PATCH", `/api/v1/users/${owner.username}`, {
      auth: provinceAdmin.auth,
      body: { password: "a-fresh-password-1" },
    });
    expect(reset.status).toBe(200);
    expect((await login(owner.username, "a-fresh-password-1", "198.51.100.6")).status).toBe(200);
  });

  it("does not let a scoped admin unlock a user outside their scope", async () => {
    await makeUnit(t, { code: "SNV", parent: "H35" });
    const stpAdmin = await makeUser(t, { role: "admin", unit: "STP" });
    const other = await makeUser(t, { role: "staff", unit: "SNV" });
    expect(
      (await t.request("POST", `/api/v1/users/${other.username}/unlock`, { auth: stpAdmin.auth })).status,
    ).toBe(403);
  });
});

describe("sessions", () => {
  it("end 12 hours after sign-in however busy, besides the 8 idle hours", async () => {
    const user = await makeUser(t, { role: "analyst", unit: "STP" });
    const session = await signIn(t, user.username, user.password);
    for (let hour = 3; hour < 12; hour += 3) {
      t.clock.advance(3 * 60 * 60_000);
      expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status, `hour ${hour}`).toBe(200);
    }
    t.clock.advance(3 * 60 * 60_000);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(401);
  });

  it("logout refuses another origin (403) and leaves the session working", async () => {
    const user = await makeUser(t, { role: "analyst", unit: "STP" });
    const session = (await signIn(t, user.username, user.password)) as { cookie: string };
    const res = await t.app.request("/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie: session.cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CSRF_REJECTED");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(200);
    // From our own pages it works.
    expect((await t.request("POST", "/api/v1/auth/logout", { auth: session })).status).toBe(200);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(401);
  });
});

describe("Cache-Control on authenticated answers", () => {
  it("is no-store on every authenticated answer, errors included, and on sign-in", async () => {
    const user = await makeUser(t, { role: "analyst", unit: "STP" });
    for (const [method, path] of [
      ["GET", "/api/v1/auth/me"],
      ["GET", "/api/v1/units"],
      ["GET", "/api/v1/tokens"],
      ["GET", "/api/v1/units/NOPE"],
      ["GET", "/api/v1/users"],
    ] as const) {
      const res = await t.request(method, path, { auth: user.auth });
      expect(res.headers.get("cache-control"), `${method} ${path} ${res.status}`).toBe("no-store");
    }
    const signedIn = await login(user.username, user.password, "203.0.113.99");
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
  });
});

describe("POST /api/v1/auth/password", () => {
  it("meets the same lock-out when someone with the session guesses the current password", async () => {
    const user = await makeUser(t, { role: "analyst", unit: "STP" });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.request("POST", "/api/v1/auth/password", {
        auth: user.auth,
        body: { currentPassword: `guess-${i}`, newPassword: "taken-over-password" },
        headers: { "x-forwarded-for": "198.51.100.9" },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});
