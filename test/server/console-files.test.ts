import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConsoleFiles } from "../../server/console-files.js";
import { createTestApp } from "../helpers/create-test-app.js";

describe("loadConsoleFiles (Node)", () => {
  it("reads the built console once, so serving it reads no file (the folder may even go away)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hailong-console-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
    writeFileSync(join(dir, "assets", "index-AbC123.js"), "console.log(1)");
    const files = loadConsoleFiles(pathToFileURL(`${dir}/`));
    expect(files).toBeDefined();
    rmSync(dir, { recursive: true, force: true });

    const t = await createTestApp({ deps: { consoleFiles: files } });
    const page = await t.request("GET", "/console/points");
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<!doctype html><title>console</title>");
    const script = await t.request("GET", "/console/assets/index-AbC123.js");
    expect(await script.text()).toBe("console.log(1)");
    expect((await t.request("GET", "/console/assets/missing.js")).status).toBe(404);
  });

  it("gives undefined when the console has not been built", () => {
    expect(loadConsoleFiles(pathToFileURL(join(tmpdir(), "hailong-no-such-console/")))).toBeUndefined();
  });
});
