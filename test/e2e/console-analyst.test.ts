import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIndex, roundForDisplay } from "../../shared/scoring/rounding.js";
import { launchBrowser } from "./helpers/browser.js";
import { adminApi } from "./helpers/catalogue.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// An analyst's journey in Debian's chromium against the real Node server: sign in, pick the first half of
// the year, read the figures (which must be the API's, as the API gives them to this analyst), and
// download what is on screen as XLSX and CSV. A year of demo responses is written with `npm run seed:demo`.

const PROVINCE = "000.00.00.H35";
const YEAR = new Date().getUTCFullYear();
const FIRST_HALF = `from=${YEAR}-01-01&to=${YEAR}-06-30`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** A figure as the Vietnamese console writes it: rounded half away from zero, decimal comma. */
const vi = (value: number, decimals = 2) =>
  new Intl.NumberFormat("vi", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    roundForDisplay(value, decimals),
  );

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", "--responses", "1500"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: `file:${join(server.dir, "hailong.db")}` },
    stdio: "ignore",
  });
  const api = await adminApi(server.url);
  await api("POST", "/api/v1/users", {
    username: "phan.tich",
    password: "analyst-password-e2e",
    role: "analyst",
    unit: PROVINCE,
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

/** The analyst's own view of a report, through the same session as the page. */
async function sipas(query: string) {
  const res = await page.request.get(`${server.url}/api/v1/reports/sipas?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { rows: Array<Record<string, number | null | string | boolean>> }).rows;
}

describe("the console for an analyst", () => {
  it("signs in and lands on the dashboard", async () => {
    await page.goto(`${server.url}/console/`);
    await signIn(page, "phan.tich", "analyst-password-e2e");
    await page.waitForURL(/\/console\/dashboard/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Tổng quan mức độ hài lòng");
  });

  it("picks the first half of the year and shows the index the API gives", async () => {
    await page.getByLabel("Loại kỳ").selectOption("first-half");
    await page.waitForURL(/preset=first-half/);
    await page.getByText(`Số liệu từ 01/01/${YEAR} đến 30/06/${YEAR}`).waitFor();
    const shown = await page.getByTestId("sipas-index").textContent();
    const [total] = await sipas(`${FIRST_HALF}&by=total`);
    expect(total?.respondents).toBeGreaterThan(0);
    expect(shown).toBe(vi(total?.sipas_index as number));
    await page.getByText(`${vi(total?.respondents as number, 0)} người trả lời`).waitFor();
    // The five element bars carry the API's element indices.
    const bars = page.locator(".element-bars li");
    expect(await bars.nth(0).locator("strong").textContent()).toBe(vi(total?.TC_index as number));
    expect(await bars.nth(4).locator("strong").textContent()).toBe(vi(total?.PA_index as number));
  });

  it("ranks the same units as the report by unit", async () => {
    const rows = await sipas(`${FIRST_HALF}&by=unit`);
    const ranked = page.locator("table.ranking tbody tr");
    expect(await ranked.count()).toBe(rows.length);
    const best = [...rows].sort((a, b) => (b.sipas_index as number) - (a.sipas_index as number))[0];
    expect(await ranked.nth(0).locator("th").textContent()).toContain(best?.unit_name as string);
    expect(await ranked.nth(0).locator("td").nth(2).textContent()).toBe(vi(best?.sipas_index as number));
  });

  it("downloads the headline as XLSX and CSV with the query on screen", async () => {
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel (.xlsx): Chỉ số chung của kỳ" }).click(),
    ]);
    expect(xlsx.url()).toBe(
      `${server.url}/api/v1/reports/sipas?${FIRST_HALF}&by=total&format=xlsx&labels=vi`,
    );
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync((await xlsx.path()) as string)
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV: Chỉ số chung của kỳ" }).click(),
    ]);
    expect(csv.url()).toBe(`${server.url}/api/v1/reports/sipas?${FIRST_HALF}&by=total&format=csv&labels=vi`);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const records = parse(readFileSync((await csv.path()) as string, "utf8"), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    const [total] = await sipas(`${FIRST_HALF}&by=total`);
    expect(records).toHaveLength(1);
    // Console downloads are for people: Vietnamese headers (labels=vi); the API's default stays machine names.
    expect(records[0]?.["Chỉ số hài lòng (%)"]).toBe(formatIndex(total?.sipas_index as number));
    expect(Number(records[0]?.["Số người trả lời"])).toBe(total?.respondents);
  });

  it("offers the ranking it shows as a file: by service once the ranking is by service", async () => {
    await page.getByLabel("Xếp hạng theo").selectOption("service");
    await page.waitForURL(/rank=service/);
    await page.locator("table.ranking caption", { hasText: "thủ tục" }).waitFor();
    const link = page.getByRole("link", { name: "CSV: Chỉ số theo thủ tục" });
    expect(await link.getAttribute("href")).toBe(
      `/api/v1/reports/sipas?${FIRST_HALF}&by=service&format=csv&labels=vi`,
    );
  });

  it("says how the figures are computed", async () => {
    await page.getByText("Cách tính các số liệu").click();
    await page.getByText(/Chỉ số của một câu = số câu trả lời 4/).waitFor();
  });

  it("has no serious or critical axe-core violations on the dashboard, tables open", async () => {
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows an empty state that says what to do for a period without responses", async () => {
    await page.goto(`${server.url}/console/dashboard?preset=year&year=${YEAR - 3}`);
    await page.getByText("Chưa có phiếu khảo sát nào trong kỳ và phạm vi này.", { exact: false }).waitFor();
    expect(await page.getByTestId("sipas-index").count()).toBe(0);
  });
});
