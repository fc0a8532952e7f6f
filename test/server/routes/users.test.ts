import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser, signIn } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "SNGV", parent: "H35" });
const admin = await makeUser(t, { role: "admin" });
const stpAdmin = await makeUser(t, { role: "admin", unit: "STP" });

describe("POST /api/v1/users", () => {
  it("creates an analyst scoped to a unit who can then sign in", async () => {
    const res = await t.request("POST", "/api/v1/users", {
      auth: admin.auth,
      body: { username: "Mai.Tran", password: "mot-mat-khau-dai", role: "analyst", unit: "STP" },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).user).toMatchObject({
      username: "mai.tran",
      role: "analyst",
      unit: "STP",
      disabled: false,
    });
    const session = await signIn(t, "mai.tran", "mot-mat-khau-dai");
    expect((await (await t.request("GET", "/api/v1/auth/me", { auth: session })).json()).user.unit).toBe(
      "STP",
    );
  });

  it("never returns a password hash", async () => {
    const list = await (await t.request("GET", "/api/v1/users", { auth: admin.auth })).text();
    expect(list).not.toContain("pbkdf2");
  });

  it("answers 409 for a taken username and 400 for a short password", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/users", {
          auth: admin.auth,
          body: { username: "mai.tran", password: "mot-mat-khau-dai", role: "staff" },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.request("POST", "/api/v1/users", {
          auth: admin.auth,
          body: { username: "x.y", password: "short", role: "staff" },
        })
      ).status,
    ).toBe(400);
  });

  it("keeps a scoped admin inside their subtree", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/users", {
          auth: stpAdmin.auth,
          body: { username: "snv.user", password: "mot-mat-khau-dai", role: "staff", unit: "SNGV" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request("POST", "/api/v1/users", {
          auth: stpAdmin.auth,
          body: { username: "everywhere", password: "mot-mat-khau-dai", role: "admin" },
        })
      ).status,
    ).toBe(403);
    const list = await (await t.request("GET", "/api/v1/users", { auth: stpAdmin.auth })).json();
    expect(list.users.every((u: { unit: string | null }) => u.unit === "STP")).toBe(true);
    expect((await t.request("GET", `/api/v1/users/${admin.username}`, { auth: stpAdmin.auth })).status).toBe(
      403,
    );
  });
});

describe("PATCH /api/v1/users/:username", () => {
  it("disables a user, which ends their sessions", async () => {
    const user = await makeUser(t, { role: "staff", unit: "STP" });
    const session = await signIn(t, user.username, user.password);
    expect(
      (
        await t.request("PATCH", `/api/v1/users/${user.username}`, {
          auth: admin.auth,
          body: { disabled: true },
        })
      ).status,
    ).toBe(200);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: session })).status).toBe(401);
    expect((await t.request("GET", "/api/v1/auth/me", { auth: user.auth })).status).toBe(401);
    const again = await t.request("POST", "/api/v1/auth/login", {
      body: { username: user.username, password: user.password },
    });
    expect(again.status).toBe(401);
  });

  it("does not let an admin lock themselves out", async () => {
    expect(
      (
        await t.request("PATCH", `/api/v1/users/${admin.username}`, {
          auth: admin.auth,
          body: { disabled: true },
        })
      ).status,
    ).toBe(403);
  });

  it("changes nothing for an empty patch", async () => {
    const user = await makeUser(t, { role: "staff", unit: "STP" });
    expect(
      (await t.request("PATCH", `/api/v1/users/${user.username}`, { auth: admin.auth, body: {} })).status,
    ).toBe(200);
  });
});

describe("POST /api/v1/auth/password", () => {
  it("changes the caller's password after checking the current one", async () => {
    const user = await makeUser(t, { role: "analyst", unit: "STP" });
    const session = await signIn(t, user.username, user.password);
    const wrong = await t.request("POST", "/api/v1/auth/password", {
      auth: session,
      body: { currentPassword: "nope", newPassword: "a-brand-new-password" },
    });
    expect(wrong.status).toBe(401);
    const ok = await t.request("POST", "/api/v1/auth/password", {
      auth: session,
      body: { currentPassword: user.password, newPassword: "a-brand-new-password" },
    });
    expect(ok.status).toBe(200);
    await signIn(t, user.username, "a-brand-new-password");
  });
});
