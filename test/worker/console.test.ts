import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/worker-wrangler.js";
import { runtimes } from "./helpers/runtimes.js";

// The built console under /console: on Node from dist/, on workerd from the assets binding, through the
// same route, so with the same headers.
const script = readdirSync(join(ROOT, "dist/console/assets")).find((name) => name.endsWith(".js"))!;

describe.each(runtimes())("on $name", ({ client }) => {
  it("serves the console's page at /console/ and at every client route below it, never stored (no-store)", async () => {
    for (const path of ["/console/", "/console/reports"]) {
      const res = await client.request("GET", path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
      expect(await res.text()).toContain(`/console/assets/`);
    }
  });

  it("serves hashed assets for a year and a missing one as a 404, never as the page", async () => {
    const res = await client.request("GET", `/console/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await client.json("GET", "/console/assets/nothing-here.js");
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });

  it("keeps the rest of the built folder private: the survey script is inlined, not served", async () => {
    expect((await client.request("GET", "/survey/client.js")).status).toBe(404);
  });
});
