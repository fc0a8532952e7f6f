import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../../shared/time/index.js";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser, signIn } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "STP" });
const admin = await makeUser(t, { role: "admin" });

/** A fresh user with a session and a token made through the API. */
async function userWithToken(body: Record<string, unknown> = { name: "script" }) {
  const user = await makeUser(t, { role: "analyst", unit: "STP" });
  const session = await signIn(t, user.username, user.password);
  const res = await t.request("POST", "/api/v1/tokens", { auth: session, body });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; token: string; expiresAt: number };
  return { user, session, ...created, auth: { token: created.token } };
}
const works = async (auth: { token: string }) => (await t.request("GET", "/api/v1/auth/me", { auth })).status;

describe("API tokens and password changes", () => {
  it("are revoked when an admin resets the owner's password", async () => {
    const { user, auth } = await userWithToken();
    expect(await works(auth)).toBe(200);
    await t.request("PATCH", `/api/v1/users/${user.username}`, {
      auth: admin.auth,
      body: { password: "reset-by-admin-1" },
    });
    expect(await works(auth)).toBe(401);
  });

  it("are revoked when the owner changes their password, unless they ask to keep them", async () => {
    const first = await userWithToken();
    const changed = await t.request("POST", "/api/v1/auth/password", {
      auth: first.session,
      body: { currentPassword: first.user.password, newPassword: "my-new-password-1" },
    });
    expect(changed.status).toBe(200);
    expect(await works(first.auth)).toBe(401);

    const second = await userWithToken();
    await t.request("POST", "/api/v1/auth/password", {
      auth: second.session,
      body: { currentPassword: second.user.password, newPassword: "my-new-password-2", keepTokens: true },
    });
    expect(await works(second.auth)).toBe(200);
  });

  it("are revoked when the owner is disabled, and stay revoked when enabled again", async () => {
    const { user, auth } = await userWithToken();
    await t.request("PATCH", `/api/v1/users/${user.username}`, {
      auth: admin.auth,
      body: { disabled: true },
    });
    await t.request("PATCH", `/api/v1/users/${user.username}`, {
      auth: admin.auth,
      body: { disabled: false },
    });
    expect(await works(auth)).toBe(401);
  });
});

describe("token expiry", () => {
  it("is 90 days by default, listed, and the token stops working then", async () => {
    const { session, id, expiresAt, auth } = await userWithToken();
    expect(expiresAt).toBe(t.deps.now() + 90 * DAY_MS);
    const listed = await (await t.request("GET", "/api/v1/tokens", { auth: session })).json();
    expect(listed.tokens.find((row: { id: string }) => row.id === id).expiresAt).toBe(expiresAt);
    t.clock.advance(90 * DAY_MS - 1000);
    expect(await works(auth)).toBe(200);
    t.clock.advance(2000);
    expect(await works(auth)).toBe(401);
  });

  it("takes expiresInDays and refuses nonsense", async () => {
    const { expiresAt, auth } = await userWithToken({ name: "short", expiresInDays: 1 });
    expect(expiresAt).toBe(t.deps.now() + DAY_MS);
    t.clock.advance(DAY_MS + 1);
    expect(await works(auth)).toBe(401);
    const user = await makeUser(t, { role: "staff", unit: "STP" });
    for (const expiresInDays of [0, -1, 1.5, "30", 100_000]) {
      const res = await t.request("POST", "/api/v1/tokens", {
        auth: user.auth,
        body: { name: "x", expiresInDays },
      });
      expect(res.status, String(expiresInDays)).toBe(400);
    }
  });
});

describe("DELETE /api/v1/tokens (revoke all)", () => {
  it("revokes every live token of the caller only, and audits it", async () => {
    const { user, session, auth } = await userWithToken();
    const second = await (
      await t.request("POST", "/api/v1/tokens", { auth: session, body: { name: "second" } })
    ).json();
    const bystander = await userWithToken();
    const res = await t.request("DELETE", "/api/v1/tokens", { auth: session });
    expect(res.status).toBe(200);
    // The factory's token, the first and the second.
    expect(await res.json()).toEqual({ revoked: 3 });
    expect(await works(auth)).toBe(401);
    expect(await works({ token: second.token })).toBe(401);
    expect(await works(user.auth as { token: string })).toBe(401);
    expect(await works(bystander.auth)).toBe(200);
    const audit = await t.client.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1");
    expect(audit.rows[0]?.action).toBe("revoke_all");
  });
});
