import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// An administrator's journey in Debian's chromium against the real Node server: build the unit tree,
// import procedures from a CSV file with one bad row (shown row by row, nothing saved), fix the row and
// save, create an analyst for one department, and check that the analyst sees only that department.
// Then the session: an expired one sends the user to sign in and back to where they were.

const PROVINCE = "000.00.00.H35";
const JUSTICE = "000.00.17.H35";
const FOREIGN = "000.00.21.H35";
const BAD_CSV = [
  "code,name,field,local_code,units",
  `1.001193,Đăng ký khai sinh,Hộ tịch,,${JUSTICE}`,
  `1.0011,Đăng ký kết hôn,Hộ tịch,,${JUSTICE}`,
  `1.000894,"Cấp bản sao trích lục hộ tịch, bản sao giấy khai sinh",Hộ tịch,,${JUSTICE};${FOREIGN}`,
].join("\n");

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Destructive buttons ask first; the administrator says yes.
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

async function open(screen: string, heading: string) {
  await page.getByRole("navigation").getByRole("link", { name: screen }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

async function createUnit(code: string, name: string, parent?: string) {
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Mã đơn vị").fill(code);
  await form.getByLabel("Tên đơn vị").fill(name);
  if (parent) await form.getByLabel("Đơn vị cấp trên").selectOption(parent);
  await form.getByRole("button", { name: "Tạo đơn vị" }).click();
  await page.getByText(`Đã tạo đơn vị ${name}.`).waitFor();
}

describe("the console for an administrator", () => {
  it("builds the unit tree", async () => {
    await page.goto(`${server.url}/console/units`);
    await page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, "admin", "admin-password-e2e");
    await page.getByText("Chưa có đơn vị nào.", { exact: false }).waitFor();
    await createUnit(PROVINCE, "UBND tỉnh Lạng Sơn");
    await createUnit(JUSTICE, "Sở Tư pháp", PROVINCE);
    await createUnit(FOREIGN, "Sở Ngoại vụ", PROVINCE);
    const tree = page.getByRole("list", { name: "Cây đơn vị" });
    // The departments are drawn inside the province's branch.
    await tree.locator("li li", { hasText: "Sở Tư pháp" }).waitFor();
    expect(await tree.locator("li li").count()).toBe(2);
  });

  it("imports procedures: a bad row is shown with its row number and nothing is saved", async () => {
    await open("Thủ tục hành chính", "Thủ tục hành chính");
    await page.getByLabel("Hoặc dán nội dung tệp vào đây", { exact: false }).fill(BAD_CSV);
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    // The dry run lists every row: what it will do, and why a refused one is refused.
    await page.locator("table.issue-table tbody tr").first().waitFor();
    expect(await page.locator("table.issue-table tbody tr").count()).toBe(3);
    const problems = page.locator("table.issue-table tbody tr.import-refuse");
    expect(await problems.count()).toBe(1);
    expect(await problems.first().locator("td").allTextContents()).toEqual([
      "3",
      "1.0011",
      "Bị từ chối",
      expect.stringContaining("Mã thủ tục quốc gia có dạng d.dddddd"),
    ]);
    expect(await page.getByRole("button", { name: "Lưu vào danh mục" }).isDisabled()).toBe(true);
    const saved = await page.request.get(`${server.url}/api/v1/services`);
    expect(((await saved.json()) as { services: unknown[] }).services).toEqual([]);
  });

  it("fixes the row in place, checks again and saves", async () => {
    const text = page.getByLabel("Hoặc dán nội dung tệp vào đây", { exact: false });
    await text.fill(BAD_CSV.replace("1.0011,", "1.000656,"));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByText("Tệp hợp lệ: sẽ thêm mới 3 và cập nhật 0 mục.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Lưu vào danh mục" }).click();
    await page.getByText("Đã lưu: thêm mới 3, cập nhật 0 mục.").waitFor();
    await page.getByRole("cell", { name: "1.000656" }).waitFor();
    expect(await page.locator("table caption").first().textContent()).toBe("3 thủ tục");
  });

  it("has no serious or critical axe-core violations on the services screen with row errors", async () => {
    await page
      .getByLabel("Hoặc dán nội dung tệp vào đây", { exact: false })
      .fill("code,name\n9.99,Thủ tục sai mã");
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.locator("table.issue-table").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("creates an analyst for the justice department", async () => {
    await open("Người dùng", "Người dùng");
    const form = page.getByRole("form", { name: "Thêm người dùng" });
    await form.getByLabel("Tên đăng nhập").fill("phan.tich.stp");
    await form.getByLabel("Mật khẩu").fill("analyst-password-stp");
    await form.getByLabel("Vai trò").selectOption("analyst");
    await form.getByLabel("Phạm vi (đơn vị)").selectOption(JUSTICE);
    await form.getByRole("button", { name: "Tạo người dùng" }).click();
    await page.getByText("Đã tạo người dùng phan.tich.stp.", { exact: false }).waitFor();
    await page.getByRole("cell", { name: `Sở Tư pháp (${JUSTICE})` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("keeps the changes in the audit log", async () => {
    await open("Nhật ký thay đổi", "Nhật ký thay đổi");
    await page.getByRole("cell", { name: "Nhập tệp" }).waitFor();
    const first = await page.locator("tbody tr").first().locator("td").allTextContents();
    expect(first.slice(1, 4)).toEqual(["admin", "Tạo", "Người dùng phan.tich.stp"]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("has no serious or critical axe-core violations on the units screen with its panels open", async () => {
    await open("Đơn vị", "Đơn vị");
    const justice = page.locator(".unit-row", { hasText: "Sở Tư pháp" });
    await justice.getByRole("button", { name: "Thủ tục" }).click();
    await page.getByRole("group", { name: "Đã chọn 3 thủ tục" }).waitFor();
    await justice.getByRole("button", { name: "Sửa" }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lets the new analyst see only their department", async () => {
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByText("Bạn đã đăng xuất.").waitFor();
    await signIn(page, "phan.tich.stp", "analyst-password-stp");
    await page.waitForURL(/\/console\/dashboard/);
    expect(await page.getByRole("navigation").getByRole("link").allTextContents()).toEqual([
      "Tổng quan",
      "Báo cáo",
      "Phản ánh, kiến nghị",
      "Nhập phiếu giấy",
      "Nhập từ tệp",
    ]);
    const units = page.getByLabel("Đơn vị", { exact: true });
    await units.locator(`option[value="${JUSTICE}"]`).waitFor({ state: "attached" });
    expect(await units.locator("option").allTextContents()).toEqual([
      "Tất cả đơn vị trong phạm vi của bạn",
      `Sở Tư pháp (${JUSTICE})`,
    ]);
    const viaApi = await page.request.get(`${server.url}/api/v1/units`);
    expect(((await viaApi.json()) as { units: Array<{ code: string }> }).units.map((u) => u.code)).toEqual([
      JUSTICE,
    ]);
  });

  it("sends a user whose session has ended to sign in, then back to the screen they asked for", async () => {
    await context.clearCookies();
    // Notes the address at the moment the notice is drawn: it must already be sign-in's, not the old screen's.
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector(".status-error[role=alert]")) return;
        document.body.dataset.addressAtNotice = window.location.pathname;
        seen.disconnect();
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole("link", { name: "Tài khoản của tôi" }).click();
    await page.getByText("Phiên làm việc đã hết hạn.", { exact: false }).waitFor();
    expect(await page.evaluate(() => document.body.dataset.addressAtNotice)).toBe("/console/sign-in");
    expect(new URL(page.url()).pathname).toBe("/console/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("account");
    await signIn(page, "phan.tich.stp", "analyst-password-stp");
    await page.getByRole("heading", { level: 1, name: "Tài khoản của tôi" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("switches to English and keeps the choice on this browser", async () => {
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  });
});
