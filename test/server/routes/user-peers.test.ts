import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser, signIn } from "../../helpers/factories.js";

// A scoped admin manages users below their own level: inside their subtree, never another admin at their
// own unit (a peer), and never makes one.
const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "STPTT", parent: "STP" });
const provinceAdmin = await makeUser(t, { role: "admin" });
const adminA = await makeUser(t, { role: "admin", unit: "STP" });

const patch = (username: string, body: unknown, auth = adminA.auth) =>
  t.request("PATCH", `/api/v1/users/${username}`, { auth, body });

describe("a scoped admin and their peers", () => {
  it("cannot reset the password of, demote, disable or read an admin at the same unit", async () => {
    const peer = await makeUser(t, { role: "admin", unit: "STP" });
    for (const body of [{ password: "taken-over-password" }, { role: "staff" }, { disabled: true }]) {
      const res = await patch(peer.username, body);
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect((await t.request("GET", `/api/v1/users/${peer.username}`, { auth: adminA.auth })).status).toBe(
      403,
    );
    expect(
      (await t.request("POST", `/api/v1/users/${peer.username}/unlock`, { auth: adminA.auth })).status,
    ).toBe(403);
    // Nothing changed: the peer still signs in with their own password and is still an admin.
    const session = await signIn(t, peer.username, peer.password);
    expect((await (await t.request("GET", "/api/v1/auth/me", { auth: session })).json()).user.role).toBe(
      "admin",
    );
    // A province-wide admin still manages them.
    expect((await patch(peer.username, { role: "staff" }, provinceAdmin.auth)).status).toBe(200);
  });

  it("cannot create an admin at their own unit, nor promote someone there to admin", async () => {
    const created = await t.request("POST", "/api/v1/users", {
      auth: adminA.auth,
      body: { username: "second.admin", password: "mot-mat-khau-dai", role: "admin", unit: "STP" },
    });
    expect(created.status).toBe(403);
    const staff = await makeUser(t, { role: "staff", unit: "STP" });
    expect((await patch(staff.username, { role: "admin" })).status).toBe(403);
    const below = await makeUser(t, { role: "admin", unit: "STPTT" });
    expect((await patch(below.username, { unit: "STP" })).status).toBe(403);
  });

  it("still manages staff at their own unit and admins strictly below it", async () => {
    const staff = await makeUser(t, { role: "staff", unit: "STP" });
    expect((await patch(staff.username, { password: "a-reset-password" })).status).toBe(200);
    const below = await makeUser(t, { role: "admin", unit: "STPTT" });
    expect((await patch(below.username, { role: "analyst" })).status).toBe(200);
    const created = await t.request("POST", "/api/v1/users", {
      auth: adminA.auth,
      body: { username: "centre.admin", password: "mot-mat-khau-dai", role: "admin", unit: "STPTT" },
    });
    expect(created.status).toBe(201);
  });
});

describe("PATCH of one's own password", () => {
  it("needs the current password, even with a valid session or token", async () => {
    const self = await makeUser(t, { role: "admin", unit: "STP" });
    const missing = await patch(self.username, { password: "stolen-session-pw" }, self.auth);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.issues[0].path).toEqual(["currentPassword"]);
    const wrong = await patch(
      self.username,
      { password: "stolen-session-pw", currentPassword: "guess" },
      self.auth,
    );
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_CREDENTIALS");
    await signIn(t, self.username, self.password);
    const ok = await patch(
      self.username,
      { password: "a-new-own-password", currentPassword: self.password },
      await signIn(t, self.username, self.password),
    );
    expect(ok.status).toBe(200);
    await signIn(t, self.username, "a-new-own-password");
  });
});
