import { describe, expect, it } from "vitest";
import { POINT_CODE_ALPHABET } from "../../../shared/contract/catalogue.js";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "SNGV", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["STP"] });
await makeService(t, { code: "1.003572", units: ["SNGV"] });
const staff = await makeUser(t, { role: "staff", unit: "STP" });
const otherStaff = await makeUser(t, { role: "staff", unit: "SNGV" });
const analyst = await makeUser(t, { role: "analyst", unit: "STP" });

describe("POST /api/v1/points", () => {
  it("lets staff create a point in their unit with a short typeable code", async () => {
    const res = await t.request("POST", "/api/v1/points", {
      auth: staff.auth,
      body: { unit: "STP", label: "Quầy số 3", service: "1.001193", form: "quick" },
    });
    expect(res.status).toBe(201);
    const point = await res.json();
    expect(point.code).toHaveLength(6);
    for (const ch of point.code) expect(POINT_CODE_ALPHABET).toContain(ch);
    expect(point).toMatchObject({
      label: "Quầy số 3",
      unit: { code: "STP" },
      service: { code: "1.001193" },
      form: "quick",
      tokenRequired: false,
      archived: false,
      surveyUrl: `http://hailong.test/s/${point.code}`,
    });
  });

  it("refuses a service the unit does not offer, an unknown unit, and another unit's staff", async () => {
    expect(
      (
        await t.request("POST", "/api/v1/points", {
          auth: staff.auth,
          body: { unit: "STP", label: "Q", service: "1.003572" },
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.request("POST", "/api/v1/points", { auth: staff.auth, body: { unit: "NOPE", label: "Q" } }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.request("POST", "/api/v1/points", {
          auth: otherStaff.auth,
          body: { unit: "STP", label: "Q" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request("POST", "/api/v1/points", { auth: analyst.auth, body: { unit: "STP", label: "Q" } }))
        .status,
    ).toBe(403);
  });
});

describe("GET /api/v1/points", () => {
  it("lists only the points inside the caller's scope", async () => {
    await makePoint(t, { unit: "SNGV", label: "Quầy Lãnh sự" });
    const mine = await (await t.request("GET", "/api/v1/points", { auth: staff.auth })).json();
    expect(mine.points.every((p: { unit: { code: string } }) => p.unit.code === "STP")).toBe(true);
    expect((await t.request("GET", "/api/v1/points?unit=SNGV", { auth: staff.auth })).status).toBe(403);
  });
});

describe("PATCH and archive", () => {
  it("renames a point and archives it while keeping its code", async () => {
    const point = await makePoint(t, { unit: "STP", label: "Quầy cũ" });
    const res = await t.request("PATCH", `/api/v1/points/${point.code}`, {
      auth: staff.auth,
      body: { label: "Quầy số 9", tokenRequired: true },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: point.code, label: "Quầy số 9", tokenRequired: true });
    expect(
      (await t.request("POST", `/api/v1/points/${point.code}/archive`, { auth: staff.auth })).status,
    ).toBe(200);
    const all = await (await t.request("GET", "/api/v1/points?archived=true", { auth: staff.auth })).json();
    expect(all.points.find((p: { code: string }) => p.code === point.code).archived).toBe(true);
    expect(
      (
        await t.request("PATCH", `/api/v1/points/${point.code}`, {
          auth: otherStaff.auth,
          body: { label: "x" },
        })
      ).status,
    ).toBe(403);
  });
});

describe("PATCH with nothing to change", () => {
  it("answers the point unchanged", async () => {
    const point = await makePoint(t, { unit: "STP", label: "Quầy 7" });
    const res = await t.request("PATCH", `/api/v1/points/${point.code}`, { auth: staff.auth, body: {} });
    expect(res.status).toBe(200);
    expect((await res.json()).label).toBe("Quầy 7");
  });
});
