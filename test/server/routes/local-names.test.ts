import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUser } from "../../helpers/factories.js";

// Optional Chinese and English names of units, services and counters: kept by the catalogue API and its
// CSV imports, shown on the citizen's pages in the page's language, Vietnamese where a name is missing.

const t = await createTestApp();
const admin = await makeUser(t, { role: "admin" });
const api = (method: string, path: string, body?: unknown) =>
  t.request(method, path, { auth: admin.auth, ...(body === undefined ? {} : { body }) });
const csv = (text: string) => ({ body: text, headers: { "content-type": "text/csv" } });

await api("POST", "/api/v1/units", {
  code: "STP",
  name: "Sở Tư pháp",
  nameZh: "司法厅",
  nameEn: "Department of Justice",
});
await api("POST", "/api/v1/services", {
  code: "1.001193",
  name: "Đăng ký khai sinh",
  nameZh: "出生登记",
  units: ["STP"],
});
await api("POST", "/api/v1/services", { code: "1.000656", name: "Đăng ký kết hôn", units: ["STP"] });
const point = (await (
  await api("POST", "/api/v1/points", {
    unit: "STP",
    label: "Quầy số 3",
    labelZh: "3号窗口",
    labelEn: "Counter 3",
  })
).json()) as { code: string; labelZh: string; labelEn: string; kioskUrl: string };

describe("the catalogue API", () => {
  it("keeps the names given on create and answers them with the catalogue", async () => {
    expect(point).toMatchObject({ labelZh: "3号窗口", labelEn: "Counter 3" });
    expect(point.kioskUrl).toMatch(new RegExp(`/s/${point.code}\\?kiosk=1$`));
    const unit = await (await api("GET", "/api/v1/units/STP")).json();
    expect(unit.unit).toMatchObject({ nameZh: "司法厅", nameEn: "Department of Justice" });
    const service = await (await api("GET", "/api/v1/services/1.001193")).json();
    expect(service.service).toMatchObject({ nameZh: "出生登记", nameEn: null });
  });

  it("changes and removes them with PATCH (null removes), and refuses a blank one", async () => {
    const patched = await api("PATCH", "/api/v1/units/STP", { nameEn: "Justice Department", nameZh: null });
    expect(patched.status).toBe(200);
    expect((await patched.json()).unit).toMatchObject({ nameZh: null, nameEn: "Justice Department" });
    expect((await api("PATCH", "/api/v1/units/STP", { nameZh: "   " })).status).toBe(400);
    await api("PATCH", "/api/v1/units/STP", { nameZh: "司法厅", nameEn: "Department of Justice" });
    const service = await api("PATCH", "/api/v1/services/1.001193", { nameEn: "Birth registration" });
    expect((await service.json()).service).toMatchObject({
      nameZh: "出生登记",
      nameEn: "Birth registration",
    });
    const counter = await api("PATCH", `/api/v1/points/${point.code}`, { labelEn: null });
    expect(await counter.json()).toMatchObject({ labelZh: "3号窗口", labelEn: null });
    await api("PATCH", `/api/v1/points/${point.code}`, { labelEn: "Counter 3" });
  });

  it("imports name_zh and name_en columns, and leaves the names alone when a file has no such column", async () => {
    const units = await t.request("POST", "/api/v1/units/import", {
      auth: admin.auth,
      ...csv("code,name,name_zh,name_en,parent\nSTP.01,Phòng Hộ tịch,户籍科,Civil Status Division,STP\n"),
    });
    expect(units.status).toBe(200);
    const unit = await (await api("GET", "/api/v1/units/STP.01")).json();
    expect(unit.unit).toMatchObject({ nameZh: "户籍科", nameEn: "Civil Status Division" });
    const services = await t.request("POST", "/api/v1/services/import", {
      auth: admin.auth,
      ...csv("code,name,name_zh,name_en\n1.000656,Đăng ký kết hôn,结婚登记,Marriage registration\n"),
    });
    expect(services.status).toBe(200);
    const again = await t.request("POST", "/api/v1/services/import", {
      auth: admin.auth,
      ...csv("code,name\n1.000656,Đăng ký kết hôn\n"),
    });
    expect(again.status).toBe(200);
    const service = await (await api("GET", "/api/v1/services/1.000656")).json();
    expect(service.service).toMatchObject({ nameZh: "结婚登记", nameEn: "Marriage registration" });
  });
});

describe("the citizen's pages", () => {
  it("show the unit, counter and services in the page's language", async () => {
    const zh = await (await t.app.request(`/s/${point.code}?lang=zh`)).text();
    expect(zh).toContain("司法厅");
    expect(zh).toContain("<h1>3号窗口</h1>");
    expect(zh).toContain('<option value="1.001193">出生登记</option>');
    expect(zh).toContain('<option value="1.000656">结婚登记</option>');
    const en = await (await t.app.request(`/s/${point.code}?lang=en`)).text();
    expect(en).toContain("Department of Justice");
    expect(en).toContain("<h1>Counter 3</h1>");
    expect(en).toContain('<option value="1.001193">Birth registration</option>');
    const info = await (await t.app.request(`/api/v1/points/${point.code}`)).json();
    expect(info.unit).toMatchObject({ name: "Sở Tư pháp", nameZh: "司法厅" });
  });

  it("fall back to Vietnamese where a name is missing, and keep Vietnamese on the Vietnamese page", async () => {
    await api("PATCH", "/api/v1/services/1.001193", { nameEn: null });
    await api("PATCH", `/api/v1/points/${point.code}`, { labelEn: null });
    t.clock.advance(60_000); // past the survey's point cache
    const en = await (await t.app.request(`/s/${point.code}?lang=en`)).text();
    expect(en).toContain("<h1>Quầy số 3</h1>");
    expect(en).toContain('<option value="1.001193">Đăng ký khai sinh</option>');
    const vi = await (await t.app.request(`/s/${point.code}?lang=vi`)).text();
    expect(vi).toContain("Sở Tư pháp");
    expect(vi).not.toContain("司法厅");
  });

  it("say thank you under the counter's name in the page's language", async () => {
    const res = await t.app.request(`/s/${point.code}?lang=zh&thanks=1`);
    const html = await res.text();
    expect(html).toContain("谢谢您！");
    expect(html).toContain("<h1>3号窗口</h1>");
  });

  it("put the Chinese and English names on the poster's lines in those languages", async () => {
    const html = await (await api("GET", `/posters/${point.code}`)).text();
    expect(html).toContain("<b>司法厅 · 3号窗口: </b>");
    expect(html).toContain("<b>Department of Justice: </b>");
    expect(html).toContain("Sở Tư pháp");
  });
});
