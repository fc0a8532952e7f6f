import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeService, makeUnit, makeUser } from "../../helpers/factories.js";

const t = await createTestApp();
const admin = await makeUser(t, { role: "admin" });
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "SNGV", parent: "H35" });
const stpAdmin = await makeUser(t, { role: "admin", unit: "STP" });
const stpAnalyst = await makeUser(t, { role: "analyst", unit: "STP" });

describe("POST /api/v1/units", () => {
  it("creates a unit under a parent and lists it in tree order", async () => {
    const res = await t.request("POST", "/api/v1/units", {
      auth: admin.auth,
      body: { code: "stp.01", name: "Phòng Hành chính tư pháp", parent: "STP" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      code: "STP.01",
      name: "Phòng Hành chính tư pháp",
      nameZh: null,
      nameEn: null,
      parent: "STP",
    });
    const list = await (await t.request("GET", "/api/v1/units", { auth: admin.auth })).json();
    const codes = list.units.map((u: { code: string }) => u.code);
    expect(codes.indexOf("STP")).toBeLessThan(codes.indexOf("STP.01"));
    expect(list.units.find((u: { code: string }) => u.code === "STP.01").parent).toBe("STP");
  });

  it("answers 409 CONFLICT for a duplicate code and 400 for an unknown parent, writing nothing", async () => {
    const dup = await t.request("POST", "/api/v1/units", {
      auth: admin.auth,
      body: { code: "STP", name: "Again" },
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe("CONFLICT");
    const orphan = await t.request("POST", "/api/v1/units", {
      auth: admin.auth,
      body: { code: "X1", name: "Orphan", parent: "NOPE" },
    });
    expect(orphan.status).toBe(400);
    expect((await orphan.json()).error.code).toBe("VALIDATION_FAILED");
    expect((await t.request("GET", "/api/v1/units/X1", { auth: admin.auth })).status).toBe(404);
  });

  it("rejects codes outside the identifier alphabet and empty names", async () => {
    for (const body of [
      { code: "ab c", name: "x" },
      { code: "A".repeat(36), name: "x" },
      { code: "OK1", name: "   " },
    ]) {
      expect((await t.request("POST", "/api/v1/units", { auth: admin.auth, body })).status).toBe(400);
    }
  });

  it("lets a scoped admin create inside their subtree only", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/units", {
          auth: stpAdmin.auth,
          body: { code: "STP.02", name: "Trung tâm", parent: "STP" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.request("POST", "/api/v1/units", {
          auth: stpAdmin.auth,
          body: { code: "SNGV.9", name: "x", parent: "SNGV" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request("POST", "/api/v1/units", { auth: stpAdmin.auth, body: { code: "TOP", name: "x" } }))
        .status,
    ).toBe(403);
  });

  it("refuses analysts (403) and anonymous callers (401)", async () => {
    expect(
      (await t.request("POST", "/api/v1/units", { auth: stpAnalyst.auth, body: { code: "Q1", name: "x" } }))
        .status,
    ).toBe(403);
    expect((await t.request("POST", "/api/v1/units", { body: { code: "Q1", name: "x" } })).status).toBe(401);
  });
});

describe("GET /api/v1/units", () => {
  it("shows a scoped user only their subtree", async () => {
    const list = await (await t.request("GET", "/api/v1/units", { auth: stpAnalyst.auth })).json();
    const codes = list.units.map((u: { code: string }) => u.code);
    expect(codes).toContain("STP");
    expect(codes).not.toContain("H35");
    expect(codes).not.toContain("SNGV");
    expect((await t.request("GET", "/api/v1/units/SNGV", { auth: stpAnalyst.auth })).status).toBe(403);
  });
});

describe("PATCH /api/v1/units/:code", () => {
  it("moves a subtree and keeps scopes consistent", async () => {
    await makeUnit(t, { code: "MOVE", parent: "SNGV" });
    await makeUnit(t, { code: "MOVE.1", parent: "MOVE" });
    const res = await t.request("PATCH", "/api/v1/units/MOVE", { auth: admin.auth, body: { parent: "STP" } });
    expect(res.status).toBe(200);
    const seen = await (await t.request("GET", "/api/v1/units", { auth: stpAnalyst.auth })).json();
    expect(seen.units.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(["MOVE", "MOVE.1"]),
    );
  });

  it("refuses to move a unit under its own descendant", async () => {
    const res = await t.request("PATCH", "/api/v1/units/STP", {
      auth: admin.auth,
      body: { parent: "MOVE.1" },
    });
    expect(res.status).toBe(400);
  });
});

describe("PUT /api/v1/units/:code/services", () => {
  it("sets the services a unit offers and rejects unknown codes", async () => {
    await makeService(t, { code: "1.001193" });
    const ok = await t.request("PUT", "/api/v1/units/STP/services", {
      auth: admin.auth,
      body: { services: ["1.001193"] },
    });
    expect(ok.status).toBe(200);
    const unit = await (await t.request("GET", "/api/v1/units/STP", { auth: admin.auth })).json();
    expect(unit.services.map((s: { code: string }) => s.code)).toEqual(["1.001193"]);
    const bad = await t.request("PUT", "/api/v1/units/STP/services", {
      auth: admin.auth,
      body: { services: ["9.999999"] },
    });
    expect(bad.status).toBe(400);
  });
});

describe("POST /api/v1/units/import", () => {
  const csv = (text: string) => ({ body: text, headers: { "content-type": "text/csv; charset=utf-8" } });

  it("creates parents and children from one file, with Vietnamese names and a BOM", async () => {
    const res = await t.request("POST", "/api/v1/units/import", {
      auth: admin.auth,
      ...csv('\uFEFFcode,name,parent\r\nIMP,"Sở Nội vụ, tỉnh Lạng Sơn",H35\r\nIMP.1,Phòng Tổ chức,IMP\r\n'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: ["IMP", "IMP.1"], updated: [], dryRun: false });
    const unit = await (await t.request("GET", "/api/v1/units/IMP", { auth: admin.auth })).json();
    expect(unit.unit.name).toBe("Sở Nội vụ, tỉnh Lạng Sơn");
    expect(unit.children.map((c: { code: string }) => c.code)).toEqual(["IMP.1"]);
  });

  it("reports every bad row and saves nothing (all-or-nothing)", async () => {
    const res = await t.request("POST", "/api/v1/units/import", {
      auth: admin.auth,
      ...csv("code,name,parent\nGOOD1,Tốt,H35\nbad code,Xấu,H35\nGOOD2,Tốt,MISSING\nGOOD1,Lặp,H35\n"),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.issues.map((i: { row: number }) => i.row)).toEqual([3, 4, 5]);
    expect((await t.request("GET", "/api/v1/units/GOOD1", { auth: admin.auth })).status).toBe(404);
  });

  it("previews a dry run without writing", async () => {
    const res = await t.request("POST", "/api/v1/units/import?dryRun=true", {
      auth: admin.auth,
      ...csv("code,name\nDRY,Thử\n"),
    });
    expect(await res.json()).toMatchObject({ created: ["DRY"], updated: [], dryRun: true, valid: true });
    expect((await t.request("GET", "/api/v1/units/DRY", { auth: admin.auth })).status).toBe(404);
  });

  it("refuses a file without the required columns or with a broken quote", async () => {
    expect(
      (await t.request("POST", "/api/v1/units/import", { auth: admin.auth, ...csv("name\nx\n") })).status,
    ).toBe(400);
    expect(
      (await t.request("POST", "/api/v1/units/import", { auth: admin.auth, ...csv('code,name\nA,"open\n') }))
        .status,
    ).toBe(400);
    expect((await t.request("POST", "/api/v1/units/import", { auth: admin.auth, body: "{}" })).status).toBe(
      415,
    );
  });
});

describe("archiving", () => {
  it("hides an archived unit from the default list and restores it", async () => {
    await makeUnit(t, { code: "OLD", parent: "H35" });
    expect((await t.request("POST", "/api/v1/units/OLD/archive", { auth: admin.auth })).status).toBe(200);
    const active = await (await t.request("GET", "/api/v1/units", { auth: admin.auth })).json();
    expect(active.units.map((u: { code: string }) => u.code)).not.toContain("OLD");
    const all = await (await t.request("GET", "/api/v1/units?archived=true", { auth: admin.auth })).json();
    expect(all.units.map((u: { code: string }) => u.code)).toContain("OLD");
    expect((await t.request("POST", "/api/v1/units/OLD/restore", { auth: admin.auth })).status).toBe(200);
  });
});

describe("audit log", () => {
  it("records catalogue changes with who made them", async () => {
    const res = await t.request("GET", "/api/v1/audit?limit=200", { auth: admin.auth });
    const { entries } = await res.json();
    expect(
      entries.some(
        (e: { action: string; entity: string; entityCode: string; username: string }) =>
          e.action === "create" &&
          e.entity === "unit" &&
          e.entityCode === "STP.01" &&
          e.username === admin.username,
      ),
    ).toBe(true);
    expect(
      entries.some((e: { action: string; entity: string }) => e.action === "import" && e.entity === "unit"),
    ).toBe(true);
  });
});
