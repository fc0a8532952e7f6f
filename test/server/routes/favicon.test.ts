import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";

const t = await createTestApp();

describe("GET /favicon.ico", () => {
  it("answers with a small icon that browsers keep, so no page logs a 404 for it", async () => {
    const res = await t.app.request("/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // An ICO header (reserved 0, type 1, one image) holding a PNG.
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(new TextDecoder().decode(bytes.subarray(23, 26))).toBe("PNG");
    expect(bytes.length).toBeLessThan(1024);
  });
});
