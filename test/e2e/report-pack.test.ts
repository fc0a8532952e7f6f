import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQrPng } from "../server/qr/decode-png.js";
import { readWorkbook } from "../server/reports/read-xlsx.js";
import { launchBrowser } from "./helpers/browser.js";
import { adminApi } from "./helpers/catalogue.js";
import { buildConsole, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// The periodic report as an analyst meets it in Debian's chromium: the console's "Báo cáo" screen names the
// next deadline (the browser's clock is set to chosen days) with its period chosen, the workbook downloads
// with its sheets, and the printable report prints to a few A4 pages without navigation. Two years of demo
// responses are written with `npm run seed:demo`.

const PROVINCE = "000.00.00.H35";
let server: RunningServer;
let api: Awaited<ReturnType<typeof adminApi>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Pages of a PDF that chromium printed. */
const pdfPageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/seed-demo.ts", "--responses", "3000", "--days", "730"],
    {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: `file:${join(server.dir, "hailong.db")}` },
      stdio: "ignore",
    },
  );
  api = await adminApi(server.url);
  await api("POST", "/api/v1/users", {
    username: "bao.cao",
    password: "analyst-password-e2e",
    role: "analyst",
    unit: PROVINCE,
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  // 20 June 2026, 10:00 in Hanoi: the half-year report is due on 10 July.
  await page.clock.setFixedTime(new Date("2026-06-20T03:00:00Z"));
  // Building the console and seeding two years take a minute or more on a busy 2-core machine.
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

describe("the console's Báo cáo screen", () => {
  it("names the next deadline with its period chosen", async () => {
    await page.goto(`${server.url}/console/`);
    await signIn(page, "bao.cao", "analyst-password-e2e");
    await page.getByRole("link", { name: "Báo cáo" }).click();
    await page.waitForURL(/\/console\/reports/);
    const deadline = page.getByTestId("next-deadline");
    await deadline.getByText("Hạn nộp tiếp theo: 10/07/2026").waitFor();
    await deadline.getByText("còn 20 ngày").waitFor();
    expect(await deadline.getByRole("heading").textContent()).toBe("Báo cáo 6 tháng đầu năm 2026");
    await deadline.getByText("Số liệu từ 01/01/2026 đến 30/06/2026").waitFor();
    const printable = deadline.getByRole("link", { name: "Mở bản in (PDF)" });
    expect(await printable.getAttribute("href")).toBe(
      "/api/v1/reports/pack?preset=first-half&year=2026&format=html&lang=vi",
    );
    await page.getByText("Báo cáo năm 2025").waitFor();
  });

  it("downloads the workbook of the chosen period, for the unit chosen", async () => {
    await page.getByLabel("Đơn vị").selectOption(PROVINCE);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("next-deadline").getByRole("link", { name: "Tải tệp Excel (.xlsx)" }).click(),
    ]);
    expect(download.url()).toBe(
      `${server.url}/api/v1/reports/pack?preset=first-half&year=2026&unit=${PROVINCE}&format=xlsx&lang=vi`,
    );
    const sheets = readWorkbook(new Uint8Array(readFileSync((await download.path()) as string)));
    expect(sheets.map((s) => s.name)).toEqual([
      "Tổng hợp",
      "Theo đơn vị",
      "Theo thủ tục",
      "Theo câu hỏi",
      "Theo tháng",
      "Theo cán bộ",
      "Theo kênh",
      "Phản ánh, kiến nghị",
      "Ý kiến",
      "Phương pháp",
    ]);
    expect(sheets[0]!.rows[1]![0]).toBe("Kỳ báo cáo (2026-01-01 – 2026-06-30)");
  });

  it("moves to the annual report after 10 July, and keeps it until 10 January", async () => {
    await page.clock.setFixedTime(new Date("2026-12-03T03:00:00Z"));
    await page.reload();
    const deadline = page.getByTestId("next-deadline");
    expect(await deadline.getByRole("heading").textContent()).toBe("Báo cáo năm 2026");
    await deadline.getByText("Hạn nộp tiếp theo: 10/01/2027").waitFor();
    await page.clock.setFixedTime(new Date("2027-01-09T03:00:00Z"));
    await page.reload();
    expect(await page.getByTestId("next-deadline").getByRole("heading").textContent()).toBe(
      "Báo cáo năm 2026",
    );
  });
});

describe("the printable report", () => {
  it("prints to a few A4 pages, without navigation", async () => {
    const year = new Date().getUTCFullYear();
    const report = await context.newPage();
    const res = await report.goto(`${server.url}/api/v1/reports/pack?preset=year&year=${year}&format=html`);
    expect(res!.status()).toBe(200);
    await report.getByRole("heading", { level: 1 }).waitFor();
    expect(await report.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Báo cáo kết quả khảo sát sự hài lòng",
    );
    expect(await report.locator("nav, script, form, button").count()).toBe(0);
    expect(await report.locator("svg.chart").count()).toBe(2);
    expect(await report.locator("table").count()).toBeGreaterThanOrEqual(6);
    for (const name of ["8. Tỷ lệ phản hồi và kênh trả lời", "9. Phản ánh, kiến nghị", "10. Phương pháp"]) {
      expect(await report.getByRole("heading", { level: 2, name }).count(), name).toBe(1);
    }
    const pdf = await report.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(1);
    await report.close();
  });

  it("prints the dashboard without navigation, filters or download buttons", async () => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server.url}/console/dashboard`);
    await page.getByTestId("sipas-index").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".shell-nav").isVisible()).toBe(false);
    expect(await page.locator(".dashboard-filters").isVisible()).toBe(false);
    expect(await page.getByText("Tải số liệu").isVisible()).toBe(false);
    expect(await page.getByTestId("sipas-index").isVisible()).toBe(true);
    await page.getByTestId("change").first().waitFor();
    await page.emulateMedia({ media: "screen" });
  });

  it("prints the results poster of an opted-in unit on one A4 page, its QR leading to the unit's survey", async () => {
    const { units } = (await api("GET", "/api/v1/units")) as { units: Array<{ code: string }> };
    const { points } = (await api("GET", "/api/v1/points")) as {
      points: Array<{ code: string; unit: { code: string }; tokenRequired: boolean }>;
    };
    const unit = units.find((u) => points.some((p) => p.unit.code === u.code && !p.tokenRequired))!.code;
    await api("PATCH", `/api/v1/units/${unit}`, { publicResults: true });
    // Posters are printed by staff and admins: a second browser profile signed in as the admin.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "admin-password-e2e" }),
    });
    const [name, value] = login.headers.get("set-cookie")!.split(";")[0]!.split("=") as [string, string];
    const adminContext = await browser.newContext({ viewport: { width: 900, height: 1300 } });
    await adminContext.addCookies([{ name, value, url: server.url }]);
    const poster = await adminContext.newPage();
    expect((await poster.goto(`${server.url}/posters/results/${unit}?format=a4`))!.status()).toBe(200);
    const qr = decodeQrPng(await poster.locator("svg.qr").screenshot());
    expect(qr).toMatch(/\/s\/[A-Z2-9]{6}$/);
    const pdf = await poster.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
    await adminContext.close();
  });
});
