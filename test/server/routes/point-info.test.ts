import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "STP", name: "Sở Tư pháp" });
await makeService(t, { code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", units: ["STP"] });
await makeService(t, { code: "1.000656", name: "Đăng ký kết hôn", units: ["STP"] });
const open = await makePoint(t, { unit: "STP", label: "Quầy số 3", form: "quick" });
const fixed = await makePoint(t, {
  unit: "STP",
  label: "Quầy khai sinh",
  service: "1.001193",
  tokenRequired: true,
});
const archived = await makePoint(t, { unit: "STP", archived: true });

describe("GET /api/v1/points/:code (public)", () => {
  it("describes a point for the survey without any credentials: unit, services to pick from, form, languages", async () => {
    const res = await t.request("GET", `/api/v1/points/${open.code}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      point: { code: open.code, label: "Quầy số 3", labelZh: null, labelEn: null, tokenRequired: false },
      unit: { code: "STP", name: "Sở Tư pháp", nameZh: null, nameEn: null },
      // Vietnamese order of name ("kết" before "khai": k, then e before h), not code-point order.
      services: [
        { code: "1.000656", name: "Đăng ký kết hôn", nameZh: null, nameEn: null, field: null },
        { code: "1.001193", name: "Đăng ký khai sinh", nameZh: null, nameEn: null, field: "Hộ tịch" },
      ],
      form: "quick",
      languages: ["vi", "zh", "en"],
    });
  });

  it("names the fixed service of a point that has one, with no list to pick from", async () => {
    const body = await (await t.request("GET", `/api/v1/points/${fixed.code.toLowerCase()}`)).json();
    expect(body).toMatchObject({
      point: { code: fixed.code, tokenRequired: true },
      service: { code: "1.001193", name: "Đăng ký khai sinh" },
      services: [],
      form: "full",
    });
  });

  it("answers 404 POINT_NOT_FOUND for an unknown or archived point", async () => {
    for (const code of ["ZZZZZZ", archived.code, "not a code"]) {
      const res = await t.request("GET", `/api/v1/points/${encodeURIComponent(code)}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("POINT_NOT_FOUND");
    }
  });

  it("leaves the staff's point list where it was", async () => {
    expect((await t.request("GET", "/api/v1/points")).status).toBe(401);
  });
});
