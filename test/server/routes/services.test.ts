import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeService, makeUnit, makeUser } from "../../helpers/factories.js";

const t = await createTestApp();
const admin = await makeUser(t, { role: "admin" });
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "SNGV", parent: "H35" });
const stpAnalyst = await makeUser(t, { role: "analyst", unit: "STP" });
const csv = (text: string) => ({ body: text, headers: { "content-type": "text/csv" } });

describe("POST /api/v1/services", () => {
  it("creates a service with the units that offer it", async () => {
    const res = await t.request("POST", "/api/v1/services", {
      auth: admin.auth,
      body: { code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", units: ["STP", "SNGV"] },
    });
    expect(res.status).toBe(201);
    const got = await (await t.request("GET", "/api/v1/services/1.001193", { auth: admin.auth })).json();
    expect(got.service).toMatchObject({
      code: "1.001193",
      name: "Đăng ký khai sinh",
      field: "Hộ tịch",
      units: ["SNGV", "STP"],
    });
  });

  it("shows a scoped user only the offering units inside their scope", async () => {
    const got = await (await t.request("GET", "/api/v1/services/1.001193", { auth: stpAnalyst.auth })).json();
    expect(got.service.units).toEqual(["STP"]);
  });

  it("answers 409 for a duplicate code, 400 for a malformed code or an unknown unit", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/services", {
          auth: admin.auth,
          body: { code: "1.001193", name: "x" },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.request("POST", "/api/v1/services", {
          auth: admin.auth,
          body: { code: "1001193", name: "x" },
        })
      ).status,
    ).toBe(400);
    const unknown = await t.request("POST", "/api/v1/services", {
      auth: admin.auth,
      body: { code: "1.000001", name: "x", units: ["NOPE"] },
    });
    expect(unknown.status).toBe(400);
    expect((await t.request("GET", "/api/v1/services/1.000001", { auth: admin.auth })).status).toBe(404);
  });

  it("updates name and offering units with PATCH", async () => {
    const res = await t.request("PATCH", "/api/v1/services/1.001193", {
      auth: admin.auth,
      body: { name: "Đăng ký khai sinh (mới)", units: ["STP"] },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).service).toMatchObject({ name: "Đăng ký khai sinh (mới)", units: ["STP"] });
  });
});

describe("POST /api/v1/services/import", () => {
  it("imports services with units, all rows or none", async () => {
    const bad = await t.request("POST", "/api/v1/services/import", {
      auth: admin.auth,
      ...csv(
        "code,name,field,units\n2.000488,Cấp Phiếu lý lịch tư pháp,Lý lịch tư pháp,STP\n2.00048,Sai mã,,STP\n1.003572,Cấp hộ chiếu công vụ,,SNGV;NOPE\n",
      ),
    });
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.issues;
    expect(issues.map((i: { row: number }) => i.row)).toEqual([3, 4]);
    expect((await t.request("GET", "/api/v1/services/2.000488", { auth: admin.auth })).status).toBe(404);

    const good = await t.request("POST", "/api/v1/services/import", {
      auth: admin.auth,
      ...csv(
        "code,name,field,units\n2.000488,Cấp Phiếu lý lịch tư pháp,Lý lịch tư pháp,STP\n1.003572,Cấp hộ chiếu công vụ,,SNGV\n1.001193,Đăng ký khai sinh,Hộ tịch,\n",
      ),
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({
      created: ["2.000488", "1.003572"],
      updated: ["1.001193"],
      dryRun: false,
    });
    const list = await (await t.request("GET", "/api/v1/services", { auth: admin.auth })).json();
    expect(list.services.find((s: { code: string }) => s.code === "1.003572").units).toEqual(["SNGV"]);
    // An empty units cell leaves the offering units as they were.
    expect(list.services.find((s: { code: string }) => s.code === "1.001193").units).toEqual(["STP"]);
  });

  it("is admin-only", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/services/import", {
          auth: stpAnalyst.auth,
          ...csv("code,name\n1.000002,x\n"),
        })
      ).status,
    ).toBe(403);
  });
});

describe("GET /api/v1/services", () => {
  it("lists services in code order, without archived ones unless asked", async () => {
    await makeService(t, { code: "9.000001", name: "Cũ" });
    expect((await t.request("POST", "/api/v1/services/9.000001/archive", { auth: admin.auth })).status).toBe(
      200,
    );
    const active = await (await t.request("GET", "/api/v1/services", { auth: admin.auth })).json();
    const codes = active.services.map((s: { code: string }) => s.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).not.toContain("9.000001");
    const all = await (await t.request("GET", "/api/v1/services?archived=true", { auth: admin.auth })).json();
    expect(all.services.map((s: { code: string }) => s.code)).toContain("9.000001");
  });
});
