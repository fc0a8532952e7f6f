import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

// The attack of issue 12: an admin of unit A renamed and archived a procedure only unit B offers, and B's
// survey stopped offering it. The catalogue is the province's; a scoped admin works within their units.
const t = await createTestApp();
await makeUnit(t, { code: "TINH" });
await makeUnit(t, { code: "SOA", parent: "TINH" });
await makeUnit(t, { code: "SOB", parent: "TINH" });
await makeService(t, { code: "1.000100", name: "Thủ tục của B", units: ["SOB"] });
const pointB = await makePoint(t, { unit: "SOB" });
const province = await makeUser(t, { role: "admin" });
const adminA = await makeUser(t, { role: "admin", unit: "SOA" });
const csv = (text: string) => ({ body: text, headers: { "content-type": "text/csv" } });
const offeredAtB = async () =>
  (await (await t.request("GET", `/api/v1/points/${pointB.code}`)).json()).services.map(
    (s: { code: string }) => s.code,
  );

describe("a scoped admin and the province's procedures", () => {
  it("cannot rename, archive or restore a procedure (403), and B's survey keeps offering it", async () => {
    const rename = await t.request("PATCH", "/api/v1/services/1.000100", {
      auth: adminA.auth,
      body: { name: "Đổi tên" },
    });
    expect(rename.status).toBe(403);
    expect((await rename.json()).error.code).toBe("FORBIDDEN");
    expect((await t.request("POST", "/api/v1/services/1.000100/archive", { auth: adminA.auth })).status).toBe(
      403,
    );
    expect((await t.request("POST", "/api/v1/services/1.000100/restore", { auth: adminA.auth })).status).toBe(
      403,
    );
    const service = await (
      await t.request("GET", "/api/v1/services/1.000100", { auth: province.auth })
    ).json();
    expect(service.service).toMatchObject({ name: "Thủ tục của B", archivedAt: null, units: ["SOB"] });
    expect(await offeredAtB()).toEqual(["1.000100"]);
  });

  it("cannot change an existing procedure through the import; may attach it to own units", async () => {
    const renamed = await t.request("POST", "/api/v1/services/import", {
      auth: adminA.auth,
      ...csv("code,name,units\n1.000100,Tên khác,SOA\n"),
    });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).error.issues[0]).toMatchObject({ row: 2, path: ["code"] });
    const attached = await t.request("POST", "/api/v1/services/import", {
      auth: adminA.auth,
      ...csv("code,name,units\n1.000100,Thủ tục của B,SOA\n"),
    });
    expect(attached.status).toBe(200);
    const service = await (
      await t.request("GET", "/api/v1/services/1.000100", { auth: province.auth })
    ).json();
    expect(service.service).toMatchObject({ name: "Thủ tục của B", units: ["SOA", "SOB"] });
  });

  it("may create a procedure and attach or detach it for units in scope only", async () => {
    const createdA = await t.request("POST", "/api/v1/services", {
      auth: adminA.auth,
      body: { code: "1.000200", name: "Thủ tục mới của A", units: ["SOA"] },
    });
    expect(createdA.status).toBe(201);
    const outside = await t.request("PATCH", "/api/v1/services/1.000100", {
      auth: adminA.auth,
      body: { units: ["SOB"] },
    });
    expect(outside.status).toBe(400);
    const detach = await t.request("PATCH", "/api/v1/services/1.000100", {
      auth: adminA.auth,
      body: { units: [] },
    });
    expect(detach.status).toBe(200);
    const service = await (
      await t.request("GET", "/api/v1/services/1.000100", { auth: province.auth })
    ).json();
    // A's offering is gone, B's is untouched.
    expect(service.service.units).toEqual(["SOB"]);
    expect(await offeredAtB()).toEqual(["1.000100"]);
  });

  it("leaves renaming and archiving to a province-wide admin", async () => {
    const rename = await t.request("PATCH", "/api/v1/services/1.000200", {
      auth: province.auth,
      body: { name: "Tên chuẩn" },
    });
    expect(rename.status).toBe(200);
    expect(
      (await t.request("POST", "/api/v1/services/1.000200/archive", { auth: province.auth })).status,
    ).toBe(200);
  });
});
