import { beforeAll, describe, expect, it } from "vitest";
import { POINT_QR_LEVEL } from "../../../server/qr/point-qr.js";
import { qrDrawing, qrMatrix } from "../../../server/qr/qr-matrix.js";
import { type Credentials, createTestApp, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

let t: TestApp;
let staff: Credentials;
let otherStaff: Credentials;
let admin: Credentials;
let analyst: Credentials;
let counter: { code: string };
let linkOnly: { code: string };
let archived: { code: string };

const PUBLIC_URL = "https://hailong.example.gov.vn";

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: PUBLIC_URL } });
  await makeUnit(t, { code: "H35" });
  await makeUnit(t, { code: "H35.STP", name: 'Sở Tư pháp <Lạng Sơn> & "Hộ tịch"', parent: "H35" });
  await makeUnit(t, { code: "H35.SYT", parent: "H35" });
  await makeUnit(t, { code: "H35.STP.1", parent: "H35.STP" });
  await makeUnit(t, { code: "H35.EMPTY", parent: "H35" });
  await makeService(t, { code: "1.001193", name: "Đăng ký khai sinh", units: ["H35.STP"] });
  counter = await makePoint(t, { unit: "H35.STP", label: "Quầy số 3", service: "1.001193" });
  await makePoint(t, { unit: "H35.STP", label: "Quầy số 10" });
  await makePoint(t, { unit: "H35.STP", label: "Quầy số 2" });
  await makePoint(t, { unit: "H35.STP.1", label: "Quầy của đơn vị con" });
  linkOnly = await makePoint(t, { unit: "H35.STP", label: "Quầy hồ sơ đất đai", tokenRequired: true });
  archived = await makePoint(t, { unit: "H35.STP", label: "Quầy cũ", archived: true });
  await makePoint(t, { unit: "H35.EMPTY", label: "Chỉ dùng liên kết", tokenRequired: true });
  staff = (await makeUser(t, { role: "staff", unit: "H35.STP" })).auth;
  otherStaff = (await makeUser(t, { role: "staff", unit: "H35.SYT" })).auth;
  admin = (await makeUser(t, { role: "admin" })).auth;
  analyst = (await makeUser(t, { role: "analyst", unit: "H35" })).auth;
});

const get = (path: string, auth: Credentials | null = staff) =>
  t.request("GET", path, { auth: auth ?? undefined });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("GET /posters/:code", () => {
  it("is a printable A4 page with the unit, the counter, the service and the address to type", async () => {
    const res = await get(`/posters/${counter.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).toContain("@page{size:A4 portrait;margin:0}");
    expect(html.match(/class="sheet sheet--a4"/g)).toHaveLength(1);
    expect(html).toContain("Quầy số 3");
    expect(html).toContain("Đăng ký khai sinh");
    expect(html).toContain(`hailong.example.gov.vn/s/<b>${counter.code}</b>`);
    expect(html).toContain("quét mã QR");
    expect(html).toContain('lang="zh-Hans"');
    expect(html).toContain("Scan the QR code");
    expect(html).toContain("ẩn danh");
  });

  it("escapes catalogue text", async () => {
    const html = await (await get(`/posters/${counter.code}`)).text();
    expect(html).toContain("Sở Tư pháp &lt;Lạng Sơn> &amp; &quot;Hộ tịch&quot;");
    expect(html).not.toContain("<Lạng Sơn>");
  });

  it("draws the QR of the point's survey URL inline, at level Q, with no external resource", async () => {
    const html = await (await get(`/posters/${counter.code}`)).text();
    const url = `${PUBLIC_URL}/s/${counter.code}`;
    const { path, extent } = qrDrawing(qrMatrix(url, POINT_QR_LEVEL));
    expect(POINT_QR_LEVEL).toBe("Q");
    expect(html).toContain(`aria-label="${url}"`);
    expect(html).toContain(`viewBox="0 0 ${extent} ${extent}"`);
    expect(html).toContain(`d="${path}"`);
    expect(html).not.toMatch(/<(img|link|iframe)\b|src=|@import|url\(/);
  });

  it("runs its one script (the print button) under the CSP nonce", async () => {
    const res = await get(`/posters/${counter.code}`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
  });

  it("prints A5 and the tent card, whose upper face is upside down", async () => {
    const a5 = await (await get(`/posters/${counter.code}?format=a5`)).text();
    expect(a5).toContain("@page{size:A5 portrait;margin:0}");
    expect(a5).toContain('class="sheet sheet--a5"');
    const tent = await (await get(`/posters/${counter.code}?format=tent`)).text();
    expect(tent).toContain("@page{size:A4 portrait;margin:0}");
    expect(tent.match(/<section class="poster /g)).toHaveLength(2);
    const faces = [...tent.matchAll(/<section class="poster ([^"]*)"/g)].map((m) => m[1]);
    expect(faces).toEqual(["poster--tent poster--upside-down", "poster--tent"]);
    expect(tent).toContain(".poster--upside-down{transform:rotate(180deg)}");
    expect(tent).toContain("Gấp theo đường này");
  });

  it("links the other formats in its screen toolbar", async () => {
    const html = await (await get(`/posters/${counter.code}?format=a5`)).text();
    for (const format of ["a4", "a5", "tent"])
      expect(html).toContain(`href="/posters/${counter.code}?format=${format}"`);
    expect(html).toMatch(/href="\/posters\/[A-Z0-9]+\?format=a5" aria-current="page"/);
  });

  it("refuses an unknown format", async () => {
    const res = await get(`/posters/${counter.code}?format=a3`);
    expect([res.status, await errorCode(res)]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("refuses archived points and points that accept one-time links only (409)", async () => {
    for (const code of [archived.code, linkOnly.code]) {
      const res = await get(`/posters/${code}`);
      expect([res.status, await errorCode(res)], code).toEqual([409, "CONFLICT"]);
    }
  });

  it("is for signed-in admins and staff of the point's unit or above", async () => {
    expect((await get(`/posters/${counter.code}`, admin)).status).toBe(200);
    expect((await get(`/posters/${counter.code}`, null)).status).toBe(401);
    expect((await get(`/posters/${counter.code}`, analyst)).status).toBe(403);
    expect((await get(`/posters/${counter.code}`, otherStaff)).status).toBe(403);
    expect((await get("/posters/ZZZZZZ")).status).toBe(404);
  });
});

describe("GET /posters?unit=CODE", () => {
  it("prints every active point of the unit that takes walk-in answers, one sheet each, in counter order", async () => {
    const res = await get("/posters?unit=H35.STP&format=a5");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/class="sheet sheet--a5"/g)).toHaveLength(3);
    const labels = [...html.matchAll(/<p class="poster__label">([^<]+)<\/p>/g)].map((m) => m[1]);
    expect(labels).toEqual(["Quầy số 2", "Quầy số 3", "Quầy số 10"]);
    expect(html).not.toContain("Quầy cũ");
    expect(html).not.toContain("Quầy hồ sơ đất đai");
    expect(html).not.toContain("Quầy của đơn vị con");
    expect(html).toContain('href="/posters?unit=H35.STP&amp;format=tent"');
  });

  it("needs a unit in the caller's scope that has such a point", async () => {
    expect((await get("/posters")).status).toBe(400);
    expect((await get("/posters?unit=NOPE")).status).toBe(404);
    expect((await get("/posters?unit=H35.EMPTY", admin)).status).toBe(404);
    expect((await get("/posters?unit=H35.STP", otherStaff)).status).toBe(403);
    expect((await get("/posters?unit=H35.STP", analyst)).status).toBe(403);
    expect((await get("/posters?unit=H35.STP", null)).status).toBe(401);
    expect((await get("/posters?unit=h35.stp")).status).toBe(200);
  });
});
