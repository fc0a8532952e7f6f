import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/e2e/helpers/browser.js";
import { removeServerFiles, startServer } from "../test/e2e/helpers/server.js";

// How much the console downloads before its first screen, measured in Debian's chromium against the real
// Node server (which gzips the assets): the sign-in page, and each role's landing screen right after
// signing in (analyst: the dashboard, staff: points). Budget: 60 KiB of gzipped JavaScript for the first
// screen. Floor: Preact with its hooks and a one-line app, built by the same Vite and gzipped the same way.

const BUDGET = 60 * 1024;
const root = new URL("..", import.meta.url).pathname;
execFileSync("npx", ["vite", "build", "-c", "vite.console.config.ts", "--logLevel", "error"], { cwd: root });

/** Gzipped bytes of JavaScript Vite emits for a Preact app that renders one line with a hook. */
function preactFloor(): number {
  mkdirSync(join(root, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(root, ".tmp", "preact-floor-"));
  try {
    writeFileSync(
      join(dir, "index.html"),
      '<div id="app"></div><script type="module" src="./main.tsx"></script>',
    );
    writeFileSync(
      join(dir, "main.tsx"),
      'import { render } from "preact";\nimport { useState } from "preact/hooks";\nfunction App() { const [n, set] = useState(0); return <button type="button" onClick={() => set(n + 1)}>{n}</button>; }\nrender(<App />, document.getElementById("app") as HTMLElement);\n',
    );
    writeFileSync(
      join(dir, "vite.config.mjs"),
      `import preact from "@preact/preset-vite";\nexport default { root: ${JSON.stringify(dir)}, plugins: [preact()], logLevel: "error", build: { outDir: "out", target: "es2020", modulePreload: { polyfill: false } } };\n`,
    );
    execFileSync("npx", ["vite", "build", "-c", join(dir, "vite.config.mjs")], { cwd: root });
    const js = execFileSync("sh", ["-c", `cat ${join(dir, "out/assets")}/*.js`]);
    return gzipSync(js).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Transfer = { js: number; css: number; requests: number };

/** The bytes on the wire (gzipped) of the scripts and styles a fresh browser loads to show a screen. */
async function transfer(
  browser: Browser,
  url: string,
  ready: string,
  signIn?: { username: string; password: string },
): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const types = new Map<string, string>();
    const sizes: Transfer = { js: 0, css: 0, requests: 0 };
    cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
    cdp.on("Network.loadingFinished", (event) => {
      const type = types.get(event.requestId);
      if (type === "Script") sizes.js += event.encodedDataLength;
      if (type === "Stylesheet") sizes.css += event.encodedDataLength;
      if (type === "Script" || type === "Stylesheet") sizes.requests++;
    });
    await page.goto(url);
    if (signIn) {
      await page.fill("#field-username", signIn.username);
      await page.fill("#field-password", signIn.password);
      await page.click("button[type=submit]");
    }
    await page.waitForSelector(ready);
    await page.waitForLoadState("networkidle");
    return sizes;
  } finally {
    await context.close();
  }
}

const floor = preactFloor();
const server = await startServer();
const browser = await launchBrowser();
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin-password-e2e" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: server.url },
      body: JSON.stringify(body),
    });
  await post("/api/v1/units", { code: "H35", name: "UBND tỉnh" });
  for (const role of ["analyst", "staff"]) {
    await post("/api/v1/users", { username: role, password: `${role}-password-bench`, role, unit: "H35" });
  }
  const screens = [
    ["Sign-in page", await transfer(browser, `${server.url}/console/`, "#field-username")],
    [
      "Analyst: sign-in, then the dashboard",
      await transfer(browser, `${server.url}/console/`, ".period-line", {
        username: "analyst",
        password: "analyst-password-bench",
      }),
    ],
    [
      "Staff: sign-in, then points and posters",
      await transfer(browser, `${server.url}/console/`, "#new-point-title", {
        username: "staff",
        password: "staff-password-bench",
      }),
    ],
  ] as const;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log("## Console: JavaScript for the first screen\n");
  console.log(
    `Bytes on the wire (gzipped bodies by the Node server, plus response headers) of the scripts and styles a fresh chromium loads for each screen. Floor: Preact + hooks with a one-line app, same Vite build, gzip -6: ${kib(floor)}. Budget: 60 KiB of JavaScript.\n`,
  );
  console.log("| Screen | JS (gzip) | CSS (gzip) | Files | JS / floor | JS / budget |");
  console.log("|---|---|---|---|---|---|");
  for (const [label, size] of screens) {
    console.log(
      `| ${label} | ${kib(size.js)} | ${kib(size.css)} | ${size.requests} | ${(size.js / floor).toFixed(1)}× | ${(size.js / BUDGET).toFixed(2)} |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  removeServerFiles(server);
}
