import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ConsoleFiles } from "../../../server/routes/console.js";
import { createTestApp } from "../../helpers/create-test-app.js";

const INDEX =
  '<!doctype html><html lang="vi"><script type="module" src="/console/assets/index-AbC123.js"></script></html>';
const SCRIPT = `console.log(${JSON.stringify("x".repeat(4000))});`;

/** The built console as files in memory: what dist/console holds after `npm run build`. */
function builtConsole(): { files: ConsoleFiles; asked: string[] } {
  const contents = new Map<string, string>([
    ["index.html", INDEX],
    ["assets/index-AbC123.js", SCRIPT],
    ["assets/index-AbC123.css", "body{margin:0}"],
  ]);
  const asked: string[] = [];
  const files: ConsoleFiles = async (path) => {
    asked.push(path);
    const text = contents.get(path);
    return text === undefined ? null : new TextEncoder().encode(text);
  };
  return { files, asked };
}

describe("GET /console", () => {
  it("answers every console address with index.html, never stored (Cache-Control: no-store)", async () => {
    const t = await createTestApp({ deps: { consoleFiles: builtConsole().files } });
    for (const path of [
      "/console",
      "/console/",
      "/console/points",
      "/console/dashboard?preset=year&year=2026",
    ]) {
      const res = await t.request("GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toBe(INDEX);
    }
  });

  it("sends the page with a CSP that lets it load its own scripts and nothing inline", async () => {
    const t = await createTestApp({ deps: { consoleFiles: builtConsole().files } });
    const csp = (await t.request("GET", "/console/units")).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("serves hashed assets with their type and a year of caching", async () => {
    const t = await createTestApp({ deps: { consoleFiles: builtConsole().files } });
    const script = await t.request("GET", "/console/assets/index-AbC123.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await script.text()).toBe(SCRIPT);
    const style = await t.request("GET", "/console/assets/index-AbC123.css");
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("compresses text for browsers that accept gzip", async () => {
    const t = await createTestApp({ deps: { consoleFiles: builtConsole().files } });
    const res = await t.request("GET", "/console/assets/index-AbC123.js", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(body).toString("utf8")).toBe(SCRIPT);
  });

  it("answers a missing asset with 404, never with the page", async () => {
    const t = await createTestApp({ deps: { consoleFiles: builtConsole().files } });
    const res = await t.request("GET", "/console/assets/index-Gone99.js");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("never hands a path outside the assets folder to the file reader", async () => {
    const built = builtConsole();
    const t = await createTestApp({ deps: { consoleFiles: built.files } });
    for (const path of [
      "/console/assets/..%2f..%2fpackage.json",
      "/console/assets/%2e%2e/%2e%2e/package.json",
      "/console/assets/.env",
      "/console/assets/sub/dir.js",
      "/console/assets/index-AbC123.js.exe",
    ]) {
      const res = await t.request("GET", path);
      expect(res.status, path).not.toBe(500);
      if (res.status === 200) expect(await res.text(), path).toBe(INDEX);
    }
    expect(built.asked.filter((path) => path !== "index.html")).toEqual([]);
  });

  it("says the console is not built (503) when there are no files", async () => {
    const t = await createTestApp();
    const res = await t.request("GET", "/console/");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
  });
});
