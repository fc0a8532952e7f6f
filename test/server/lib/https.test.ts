import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";

const direct = await createTestApp();
const proxied = await createTestApp({ config: { trustProxy: true } });
const hsts = (res: Response) => res.headers.get("strict-transport-security");

describe("Strict-Transport-Security", () => {
  it("is not sent over plain HTTP, even when a client claims X-Forwarded-Proto: https", async () => {
    expect(hsts(await direct.app.request("http://hailong.test/healthz"))).toBeNull();
    const forged = await direct.app.request("http://hailong.test/healthz", {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(hsts(forged)).toBeNull();
  });

  it("is sent over HTTPS, and behind a trusted proxy that says the client used HTTPS", async () => {
    expect(hsts(await direct.app.request("https://hailong.test/healthz"))).toMatch(/^max-age=\d+/);
    const via = (proto: string) =>
      proxied.app.request("http://hailong.test/healthz", { headers: { "x-forwarded-proto": proto } });
    expect(hsts(await via("https"))).toMatch(/^max-age=\d+/);
    expect(hsts(await via("http"))).toBeNull();
    // The last hop is the one our own proxy wrote.
    expect(hsts(await via("https, http"))).toBeNull();
  });
});
