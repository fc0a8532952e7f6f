import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.js";
import { type AdminApi, adminApi } from "./helpers/catalogue.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// What an administrator clicks for access hardening (issue 12) in Debian's chromium against the real Node
// server: unlock a locked-out user, API keys with an expiry and "revoke all", and a password change that
// revokes the keys unless the user ticks "keep".

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: AdminApi;

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  api = await adminApi(server.url);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

const login = (username: string, password: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
const tokenWorks = async (token: string) =>
  (await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

async function createKey(name: string, days?: string): Promise<string> {
  await page.getByLabel("Tên khóa").fill(name);
  if (days) await page.getByLabel("Hiệu lực (số ngày)").fill(days);
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const secret = page.getByTestId("new-token");
  await secret.waitFor();
  return (await secret.textContent()) as string;
}

async function changePassword(current: string, next: string, keep: boolean) {
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  // "Mật khẩu mới" is also the start of "Nhập lại mật khẩu mới": the field by its id.
  await page.locator("#field-newPassword").fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(next);
  if (keep) await page.getByLabel("Giữ các khóa API của tôi").check();
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
}

describe("access hardening in the console", () => {
  it("shows a locked-out user and unlocks them with one click", async () => {
    await api("POST", "/api/v1/units", { code: "STP", name: "Sở Tư pháp" });
    await api("POST", "/api/v1/users", {
      username: "nhan.vien",
      password: "nhan-vien-password",
      role: "staff",
      unit: "STP",
    });
    for (let i = 0; i < 6; i++) await login("nhan.vien", "wrong-password");
    expect((await login("nhan.vien", "nhan-vien-password")).status).toBe(429);

    await page.goto(`${server.url}/console/users`);
    await signIn(page, "admin", "admin-password-e2e");
    const row = page.getByRole("row", { name: /nhan\.vien/ });
    await row.getByText("Bị tạm khóa đăng nhập").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole("button", { name: "Mở khóa đăng nhập" }).click();
    await page.getByText("nhan.vien đã có thể đăng nhập lại.").waitFor();
    expect(await row.getByText("Bị tạm khóa đăng nhập").count()).toBe(0);
    expect((await login("nhan.vien", "nhan-vien-password")).status).toBe(200);
  });

  it("creates a key with its expiry shown, then revokes all keys", async () => {
    await page.goto(`${server.url}/console/account`);
    await page.getByRole("heading", { level: 1, name: "Tài khoản của tôi" }).waitFor();
    const token = await createKey("Báo cáo tháng", "30");
    const row = page.getByRole("row", { name: /Báo cáo tháng/ });
    // Thirty days after 'now', in the console's date format (the year is enough to see it is a date).
    await row
      .getByRole("cell", { name: String(new Date(Date.now() + 30 * 86_400_000).getFullYear()) })
      .first()
      .waitFor();
    expect(await tokenWorks(token)).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Thu hồi tất cả khóa" }).click();
    await page.getByText("Đã thu hồi 1 khóa.").waitFor();
    await row.getByText("Đã thu hồi").waitFor();
    expect(await tokenWorks(token)).toBe(401);
  });

  it("keeps the keys on a password change only when the user ticks the box", async () => {
    const kept = await createKey("Giữ lại");
    await changePassword("admin-password-e2e", "second-password-e2e", true);
    await page.getByText("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.").waitFor();
    expect(await tokenWorks(kept)).toBe(200);

    await changePassword("second-password-e2e", "third-password-e2e", false);
    await page.getByText("các khóa API của bạn đã bị thu hồi", { exact: false }).waitFor();
    expect(await tokenWorks(kept)).toBe(401);
    await page
      .getByRole("row", { name: /Giữ lại/ })
      .getByText("Đã thu hồi")
      .waitFor();
  });
});
