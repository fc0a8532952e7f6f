import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.js";
import { buildConsole, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// A new admin sets up a province on a phone (390 px wide): units from Excel's Windows-1258 ";" CSV, the
// national list of procedures from an XLSX file, one counter per procedure, users; every screen stays
// 390 px wide and speaks Vietnamese, including the import's row problems.

const PROVINCE = "000.00.00.H35";
const JUSTICE = "000.00.17.H35";
const fixture = (name: string) => new URL(`../fixtures/catalogue/${name}`, import.meta.url).pathname;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

/** The page is no wider than the phone (nothing pushes it sideways). */
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

async function open(screen: string, heading: string) {
  await page.goto(`${server.url}/console/${screen}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

async function createUnit(code: string, name: string, parent?: string) {
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Mã đơn vị").fill(code);
  await form.getByLabel("Tên đơn vị").fill(name);
  if (parent) await form.getByLabel("Đơn vị cấp trên").selectOption(parent);
  await form.getByRole("button", { name: "Tạo đơn vị" }).click();
}

describe("setting up a province from a phone", () => {
  it("creates units; a duplicate code says so, and no old 'created' notice stays beside the error", async () => {
    await page.goto(`${server.url}/console/units`);
    await signIn(page, "admin", "admin-password-e2e");
    await createUnit(PROVINCE, "UBND tỉnh Lạng Sơn");
    await page.getByText("Đã tạo đơn vị UBND tỉnh Lạng Sơn.").waitFor();
    await createUnit(JUSTICE, "Sở Tư pháp", PROVINCE);
    await page.getByText("Đã tạo đơn vị Sở Tư pháp.").waitFor();
    await createUnit(JUSTICE, "Sở Tư pháp lần hai", PROVINCE);
    await page.getByText("Đã có đơn vị mang mã này.", { exact: false }).waitFor();
    expect(await page.getByText("Đã tạo đơn vị", { exact: false }).count()).toBe(0);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it("imports units from Excel's ';' CSV in Windows-1258 and says what it read", async () => {
    const panel = page.getByRole("region", { name: "Nhập đơn vị", exact: false });
    await panel
      .getByLabel("Chọn tệp Excel (.xlsx) hoặc CSV")
      .setInputFiles(fixture("units-semicolon-windows-1258.csv"));
    await panel.getByRole("button", { name: "Kiểm tra" }).click();
    await panel.getByText("bảng mã Windows-1258 (tiếng Việt), dấu phân cách “;”", { exact: false }).waitFor();
    expect(await panel.locator("tbody tr").allTextContents()).toEqual([
      expect.stringContaining("000.00.30.H35Tạo mới"),
      expect.stringContaining("000.30.01.H35Tạo mới"),
    ]);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await panel.getByRole("button", { name: "Lưu vào danh mục" }).click();
    await panel.getByText("Đã lưu: thêm mới 2", { exact: false }).waitFor();
    await page
      .locator(".unit-tree")
      .getByText("Phòng Ngân sách; Tin học", { exact: false })
      .first()
      .waitFor();
  });

  it("imports the national list (XLSX, Vietnamese headers), actions first, units shown by name", async () => {
    await open("services", "Thủ tục hành chính");
    const panel = page.getByRole("region", { name: "Nhập thủ tục", exact: false });
    // The import comes before the (long) list.
    const formTop = (await panel.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    expect(formTop).toBeLessThan(2000);
    await panel
      .getByLabel("Chọn tệp Excel (.xlsx) hoặc CSV")
      .setInputFiles(fixture("services-national-sheetjs.xlsx"));
    await panel.getByRole("button", { name: "Kiểm tra" }).click();
    await panel.getByText("Đã đọc bảng tính Excel, trang tính “Danh sách TTHC”.", { exact: false }).waitFor();
    await panel.getByText("Các cột không dùng đến (bỏ qua): STT, Mức độ DVC.", { exact: false }).waitFor();
    await panel.getByRole("button", { name: "Lưu vào danh mục" }).click();
    await panel.getByText("Đã lưu: thêm mới 3", { exact: false }).waitFor();
    const row = page.locator("tbody tr", { hasText: "1.000656" });
    await row.getByText("Sở Tư pháp", { exact: true }).waitFor();
    // Vietnamese order: "Cấp…" before "Đăng ký…" before "Yêu cầu…".
    const names = await page.locator("table:not(.issue-table) tbody tr td:nth-child(2)").allTextContents();
    expect(names.map((name) => name.slice(0, 3))).toEqual(["Cấp", "Đăn", "Yêu"]);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it("words a bad row in Vietnamese, never with the validator's English", async () => {
    const panel = page.getByRole("region", { name: "Nhập thủ tục", exact: false });
    await panel
      .getByLabel("Hoặc dán nội dung tệp vào đây", { exact: false })
      .fill("Mã thủ tục;Tên thủ tục\n1.0011;\n");
    await panel.getByRole("button", { name: "Kiểm tra" }).click();
    const refused = panel.locator("tbody tr.import-refuse");
    await refused.first().waitFor();
    const text = await refused.first().textContent();
    expect(text).toContain("Mã thủ tục quốc gia có dạng d.dddddd");
    expect(text).toContain("Tên thủ tục không được để trống");
    expect(text).not.toMatch(/Too small|expected|Invalid/);
    expect(await panel.getByRole("button", { name: "Lưu vào danh mục" }).isDisabled()).toBe(true);
  });

  it("makes one counter per procedure of a unit, with a filter that fits the phone", async () => {
    await open(`points?unit=${JUSTICE}`, "Điểm khảo sát và áp phích");
    // The chosen unit is spelled out in full under the (narrow) select.
    await page.locator(".field-hint", { hasText: `Sở Tư pháp (${JUSTICE})` }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "Tạo điểm cho từng thủ tục" }).click();
    await page.getByText("Đã tạo 3 điểm khảo sát.").waitFor();
    await page.getByRole("heading", { name: "Đăng ký khai sinh" }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it("says why a short password is refused, and keeps each user's Edit button on screen", async () => {
    await open("users", "Người dùng");
    const form = page.getByRole("form", { name: "Thêm người dùng" });
    await form.getByLabel("Tên đăng nhập").fill("can.bo.stp");
    await form.getByLabel("Mật khẩu").fill("short");
    await form.getByRole("button", { name: "Tạo người dùng" }).click();
    await form.getByText("Mật khẩu cần ít nhất 10 ký tự.").waitFor();
    await form.getByLabel("Mật khẩu").fill("a-long-enough-password");
    await form.getByRole("button", { name: "Tạo người dùng" }).click();
    await page.getByText("Đã tạo người dùng can.bo.stp.", { exact: false }).waitFor();
    const edit = page.locator("tbody tr", { hasText: "can.bo.stp" }).getByRole("button", { name: "Sửa" });
    const box = await edit.boundingBox();
    expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it("answers a poster the admin cannot print with a page saying why", async () => {
    await page.goto(`${server.url}/posters?unit=${PROVINCE}`);
    await page.getByRole("heading", { name: "Không mở được trang này" }).waitFor();
    expect(await page.getByText("Đơn vị này chưa có điểm khảo sát nào để in áp phích.").count()).toBe(1);
  });
});

// The fixtures exist (a missing one would make setInputFiles fail with a less clear message).
readFileSync(fixture("services-national-sheetjs.xlsx"));
