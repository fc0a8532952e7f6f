import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../../helpers/factories.js";
import { decodeQrPng, readPng } from "../qr/decode-png.js";

let t: TestApp;
let code: string;
let archivedCode: string;

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: "https://hailong.example.gov.vn" } });
  await makeUnit(t, { code: "QR.UNIT" });
  code = (await makePoint(t, { unit: "QR.UNIT" })).code;
  archivedCode = (await makePoint(t, { unit: "QR.UNIT", archived: true })).code;
});

const pngOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("GET /qr/:code.png", () => {
  it("is a PNG of the requested size that decodes to the point's absolute survey URL", async () => {
    const res = await t.request("GET", `/qr/${code}.png?size=300`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = await pngOf(res);
    expect(readPng(png).width).toBe(300);
    expect(decodeQrPng(png)).toBe(`https://hailong.example.gov.vn/s/${code}`);
  });

  it("carries the kiosk address with ?kiosk=1 (the console's tablet mode), and refuses other values", async () => {
    const res = await t.request("GET", `/qr/${code}.png?size=300&kiosk=1`);
    expect(decodeQrPng(await pngOf(res))).toBe(`https://hailong.example.gov.vn/s/${code}?kiosk=1`);
    expect((await t.request("GET", `/qr/${code}.svg?kiosk=yes`)).status).toBe(400);
  });

  it("is 512 pixels when no size is given", async () => {
    const res = await t.request("GET", `/qr/${code}.png`);
    expect(readPng(await pngOf(res)).width).toBe(512);
  });

  it("refuses a size outside 64..2048 or not a whole number", async () => {
    for (const size of ["63", "2049", "abc", "100.5", "-1"]) {
      const res = await t.request("GET", `/qr/${code}.png?size=${size}`);
      expect(res.status, size).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("still answers for an archived point, whose old posters lead to a 'moved' page", async () => {
    const res = await t.request("GET", `/qr/${archivedCode}.png?size=200`);
    expect(res.status).toBe(200);
    expect(decodeQrPng(await pngOf(res))).toBe(`https://hailong.example.gov.vn/s/${archivedCode}`);
  });

  it("accepts the code in lower case and still encodes the canonical URL", async () => {
    const res = await t.request("GET", `/qr/${code.toLowerCase()}.png?size=200`);
    expect(decodeQrPng(await pngOf(res))).toBe(`https://hailong.example.gov.vn/s/${code}`);
  });
});

describe("GET /qr/:code.svg", () => {
  it("is an SVG document of the survey URL with a quiet zone and a white background", async () => {
    const res = await t.request("GET", `/qr/${code}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain(`<title>https://hailong.example.gov.vn/s/${code}</title>`);
    expect(svg).toContain('fill="#fff"');
    expect(svg).not.toContain("<script");
  });
});

describe("QR caching", () => {
  it("is public for a long time, with an ETag that answers 304", async () => {
    const res = await t.request("GET", `/qr/${code}.svg`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=2592000");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await t.request("GET", `/qr/${code}.svg`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const weak = await t.request("GET", `/qr/${code}.svg`, {
      headers: { "if-none-match": `"x", W/${etag}` },
    });
    expect(weak.status).toBe(304);
  });

  it("has a different ETag per format, size and point", async () => {
    const etags = await Promise.all(
      [`/qr/${code}.svg`, `/qr/${code}.png`, `/qr/${code}.png?size=100`, `/qr/${archivedCode}.svg`].map(
        async (path) => (await t.request("GET", path)).headers.get("etag"),
      ),
    );
    expect(new Set(etags).size).toBe(4);
  });

  it("answers 200 with the image when the ETag is stale", async () => {
    const res = await t.request("GET", `/qr/${code}.svg`, { headers: { "if-none-match": '"stale"' } });
    expect(res.status).toBe(200);
  });

  it("changes the ETag when PUBLIC_URL changes, so a moved site never serves an old QR", async () => {
    const other = await createTestApp({ config: { publicUrl: "https://other.example.gov.vn" } });
    await makeUnit(other, { code: "QR.UNIT" });
    await makePoint(other, { unit: "QR.UNIT", code });
    const here = (await t.request("GET", `/qr/${code}.svg`)).headers.get("etag");
    const there = (await other.request("GET", `/qr/${code}.svg`)).headers.get("etag");
    expect(there).not.toBe(here);
  });
});

describe("QR of unknown points", () => {
  it("answers 404 POINT_NOT_FOUND as JSON for an unknown or impossible code", async () => {
    for (const path of [
      "/qr/ZZZZZZ.png",
      "/qr/ZZZZZZ.svg",
      "/qr/K0O1IL.svg",
      "/qr/TOOLONGCODE.svg",
      "/qr/%3Cx%3E.svg",
    ]) {
      const res = await t.request("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect((await res.json()).error.code).toBe("POINT_NOT_FOUND");
      expect(res.headers.get("cache-control")).toBeNull();
    }
  });

  it("answers 404 NOT_FOUND for another file type", async () => {
    for (const path of [`/qr/${code}.jpg`, `/qr/${code}`, `/qr/${code}.svg.png.svg`]) {
      const res = await t.request("GET", path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
  });
});
