import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";

const t = await createTestApp();

describe("GET /", () => {
  it("tells a citizen to scan the QR code and staff where the console is, in Vietnamese by default", async () => {
    const res = await t.request("GET", "/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain("quét mã QR");
    expect(html).toContain('href="/console"');
  });

  it("follows Accept-Language and ?lang=", async () => {
    expect(
      await (await t.request("GET", "/", { headers: { "accept-language": "zh-CN,zh;q=0.9" } })).text(),
    ).toContain('<html lang="zh');
    expect(await (await t.request("GET", "/?lang=en")).text()).toContain("Scan the QR code");
  });

  it("sends a typed counter code to its survey, forgiving case and spaces", async () => {
    const res = await t.request("GET", "/?code=k7f%203qm&lang=en");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/s/K7F3QM?lang=en");
  });

  it("explains what a code looks like when the typed one cannot be one", async () => {
    const res = await t.request("GET", "/?code=O0O0");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("K7F3QM");
  });
});
