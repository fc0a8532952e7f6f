import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Page } from "playwright-core";
import { createApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { silentLogger } from "../server/logger.js";
import { FULL_ITEM_CODES } from "../shared/instrument/index.js";
import { launchBrowser } from "../test/e2e/helpers/browser.js";

// The dashboard's render time after its data arrives, in Debian's chromium: a year (2025) of responses for
// 50 units, sent through POST /api/v1/responses with the app's clock moved across the year, then the
// dashboard for the whole year (ranking of all 50 units) loaded RUNS times (median and best). The page's own performance
// measures are read: data → DOM built, and data → the first frame painted after it. The floor is the same
// DOM as static HTML in the same browser (innerHTML of the finished page, laid out and painted).
// Budget: 300 ms from the data to the screen; also measured with the CPU slowed 4× (a cheap office PC).

const UNITS = 50;
const PER_UNIT_AND_MONTH = 6;
const RUNS = 7;
const YEAR = 2025;
const PASSWORD = "bench-admin-password";

const root = new URL("..", import.meta.url).pathname;
execFileSync("npx", ["vite", "build", "-c", "vite.console.config.ts", "--logLevel", "error"], { cwd: root });

const dir = mkdtempSync(join(tmpdir(), "hailong-bench-console-"));
const handle = await openLibsqlDatabase({ url: `file:${join(dir, "bench.db")}` });
await applyMigrations(handle);
let now = Date.UTC(YEAR, 0, 1, 3);
await ensureFirstAdmin(handle.db, { password: PASSWORD, now, log: silentLogger });
const consoleDir = new URL("../dist/console/", import.meta.url);
const app = createApp({
  db: handle.db,
  config: { ...parseConfig({ HAILONG_RATE_LIMIT: "0" }), secret: "bench-secret-0123456789abcdefghijklmnop" },
  now: () => now,
  newId: () => crypto.randomUUID(),
  log: silentLogger,
  consoleFiles: (path) =>
    readFile(new URL(path, consoleDir)).then(
      (data) => new Uint8Array(data),
      () => null,
    ),
});

const login = await app.request("/api/v1/auth/login", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "admin", password: PASSWORD }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
async function call(method: string, path: string, body: unknown) {
  const res = await app.request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", cookie, origin: "http://localhost" },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

// A province with 49 departments, each with one counter; three procedures offered everywhere.
await call("POST", "/api/v1/units", { code: "H35", name: "UBND tỉnh" });
const unitCodes = ["H35"];
for (let i = 1; i < UNITS; i++) {
  const code = `H35.${String(i).padStart(2, "0")}`;
  await call("POST", "/api/v1/units", {
    code,
    name: `Sở số ${i} – Trung tâm phục vụ hành chính công`,
    parent: "H35",
  });
  unitCodes.push(code);
}
for (const code of ["1.001193", "1.000894", "2.000488"]) {
  await call("POST", "/api/v1/services", { code, name: `Thủ tục ${code}`, units: unitCodes });
}
const points: string[] = [];
for (const unit of unitCodes) {
  points.push(String((await call("POST", "/api/v1/points", { unit, label: "Quầy số 1" })).code));
}

// Answers lean to satisfied, with a unit-specific quality so that the ranking has something to rank.
let seed = 20260101;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
let sent = 0;
for (let month = 0; month < 12; month++) {
  for (const [u, point] of points.entries()) {
    for (let r = 0; r < PER_UNIT_AND_MONTH; r++) {
      now = Date.UTC(YEAR, month, 1 + Math.floor(random() * 27), 1 + Math.floor(random() * 9));
      const quality = 0.55 + (u % 10) / 25;
      const answers = Object.fromEntries(
        FULL_ITEM_CODES.filter(() => random() > 0.1).map((item) => [
          item,
          random() < quality ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3),
        ]),
      );
      await call("POST", "/api/v1/responses", {
        id: crypto.randomUUID(),
        point,
        service: "1.001193",
        lang: "vi",
        answers,
        ...(random() < 0.1
          ? { comment: `Ý kiến số ${sent}: cán bộ hướng dẫn tận tình, cần thêm ghế chờ.` }
          : {}),
      });
      sent++;
    }
  }
}
now = Date.UTC(YEAR + 1, 0, 15, 3);

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const dashboard = `${base}/console/dashboard?preset=year&year=${YEAR}`;

/** The page's measures after one load of the dashboard, and the static-HTML floor of the same DOM. */
async function measureOnce(page: Page) {
  await page.goto(dashboard);
  await page.waitForFunction(() => performance.getEntriesByName("console:dashboard:paint").length > 0);
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  return page.evaluate(async () => {
    const main = document.querySelector("main") as HTMLElement;
    const html = main.innerHTML;
    main.innerHTML = "";
    main.getBoundingClientRect();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const started = performance.now();
    main.innerHTML = html;
    main.getBoundingClientRect();
    const built = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return {
      render: performance.getEntriesByName("console:dashboard:render").at(-1)?.duration ?? Number.NaN,
      paint: performance.getEntriesByName("console:dashboard:paint").at(-1)?.duration ?? Number.NaN,
      floorRender: built,
      floorPaint: performance.now() - started,
      rows: document.querySelectorAll("tr").length,
    };
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
/** Median and best of the runs: on a shared machine the best run is the one least disturbed by others. */
const spread = (values: number[]) => ({ median: median(values), best: Math.min(...values) });

async function measure(cpuSlowdown: number) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(dashboard);
    await page.fill("#field-username", "admin");
    await page.fill("#field-password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForSelector("[data-testid=sipas-index]");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await measureOnce(page); // warm-up: code and fonts cached
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page));
    return {
      render: spread(runs.map((r) => r.render)),
      paint: spread(runs.map((r) => r.paint)),
      floorRender: spread(runs.map((r) => r.floorRender)),
      floorPaint: spread(runs.map((r) => r.floorPaint)),
      rows: runs[0]?.rows ?? 0,
    };
  } finally {
    await browser.close();
  }
}

try {
  const load = loadavg()[0] ?? 0;
  const normal = await measure(1);
  const slow = await measure(4);
  const ms = (value: { median: number; best: number }) =>
    `${value.median.toFixed(0)} ms (${value.best.toFixed(0)})`;
  console.log("## Console: dashboard render after the data arrives\n");
  console.log(
    `A year (${YEAR}) for ${UNITS} units: ${sent.toLocaleString("en")} responses through POST /api/v1/responses; dashboard for the whole year, ranking by unit (${normal.rows} table rows). Debian chromium headless, 1366×768, ${RUNS} loads after a warm-up: median (best). Floor: the finished dashboard's DOM as static HTML (innerHTML) in the same page. Budget: 300 ms from data to screen. Load average when the run started: ${load.toFixed(1)} on ${cpus().length} cores.\n`,
  );
  console.log("| Measure | Figure | Floor (static HTML) | Ratio to floor | Budget | Ratio to budget |");
  console.log("|---|---|---|---|---|---|");
  for (const [label, r] of [
    ["this machine", normal],
    ["CPU slowed 4×", slow],
  ] as const) {
    console.log(
      `| data → DOM built (${label}) | ${ms(r.render)} | ${ms(r.floorRender)} | ${(r.render.median / r.floorRender.median).toFixed(1)}× | | |`,
    );
    console.log(
      `| data → first frame painted (${label}) | ${ms(r.paint)} | ${ms(r.floorPaint)} | ${(r.paint.median / r.floorPaint.median).toFixed(1)}× | 300 ms | ${(r.paint.median / 300).toFixed(2)} |`,
    );
  }
} finally {
  server.close();
  handle.close();
  rmSync(dir, { recursive: true, force: true });
}
