import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { adminApi, makeSurveyPoints } from "./helpers/catalogue.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// A counter clerk's journey on a phone, in Debian's chromium against the real Node server: see the points
// of their own unit only, print a poster, create a counter, and hand out one-time links that work once.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let counter3: string;

beforeAll(async () => {
  buildConsole();
  server = await startServer();
  const api = await adminApi(server.url);
  [counter3] = (await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp" },
    services: [{ code: "1.001193", name: "Đăng ký khai sinh" }],
    points: [{ label: "Quầy số 3" }],
  })) as [string];
  await makeSurveyPoints(api, {
    unit: { code: "H35.SNV", name: "Sở Ngoại vụ" },
    services: [],
    points: [{ label: "Quầy lãnh sự" }],
  });
  await api("POST", "/api/v1/users", {
    username: "can.bo",
    password: "staff-password-e2e",
    role: "staff",
    unit: "H35.STP",
  });
  browser = await launchBrowser();
  context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

const card = (label: string) =>
  page.locator("li.point-card", { has: page.getByRole("heading", { name: label }) });

describe("the console for counter staff", () => {
  it("signs in on a phone and sees only the points of their unit", async () => {
    await page.goto(`${server.url}/console/`);
    await signIn(page, "can.bo", "staff-password-e2e");
    await page.waitForURL(/\/console\/points/);
    await card("Quầy số 3").waitFor();
    expect(await page.getByText("Quầy lãnh sự").count()).toBe(0);
    const nav = await page.getByRole("navigation").getByRole("link").allTextContents();
    expect(nav).toEqual([
      "Điểm khảo sát và áp phích",
      "Phản ánh, kiến nghị",
      "Ca làm việc",
      "Kết quả của tôi",
      "Nhập phiếu giấy",
      "Nhập từ tệp",
    ]);
  });

  it("prints a counter's A4 poster", async () => {
    const [poster] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "In áp phích A4 của Quầy số 3" }).click(),
    ]);
    await poster.waitForLoadState();
    expect(new URL(poster.url()).pathname).toBe(`/posters/${counter3}`);
    expect(await poster.locator(`[data-code="${counter3}"]`).count()).toBe(1);
    const pdf = await poster.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    await poster.close();
  });

  it("creates a counter with a fixed procedure", async () => {
    await page.getByLabel("Đơn vị", { exact: false }).last().selectOption("H35.STP");
    await page.getByLabel("Tên điểm khảo sát").fill("Quầy số 7");
    await page.getByLabel("Thủ tục hành chính").last().selectOption("1.001193");
    await page.getByRole("button", { name: "Tạo điểm khảo sát" }).click();
    await page.getByText(/Đã tạo điểm khảo sát Quầy số 7 với mã [A-Z2-9]{6}/).waitFor();
    await card("Quầy số 7").getByText("1.001193 Đăng ký khai sinh", { exact: false }).waitFor();
  });

  it("raises a counter's day limit for its shared Wi-Fi", async () => {
    await card("Quầy số 3").getByRole("button", { name: "Sửa" }).click();
    const field = card("Quầy số 3").getByLabel("Giới hạn lượt đánh giá mỗi ngày từ một mạng");
    await card("Quầy số 3").getByText("dùng chung Wi-Fi", { exact: false }).waitFor();
    await field.fill("300");
    await card("Quầy số 3").getByRole("button", { name: "Lưu", exact: true }).click();
    await card("Quầy số 3").getByText("Tối đa 300 lượt/ngày từ một mạng").waitFor();
    const api = await adminApi(server.url);
    const { points } = (await api("GET", "/api/v1/points?unit=H35.STP")) as {
      points: Array<{ code: string; dailyLimit: number | null }>;
    };
    expect(points.find((p) => p.code === counter3)?.dailyLimit).toBe(300);
  });

  it("issues a one-time link for a dossier, and the link can be used exactly once", async () => {
    await card("Quầy số 3").getByRole("button", { name: "Phiếu dùng một lần" }).click();
    await card("Quầy số 3").getByLabel("Mã hồ sơ").fill("000.00.10.H35-261129-0001");
    await card("Quầy số 3").getByRole("button", { name: "Lấy đường dẫn để gửi tin nhắn" }).click();
    const link = card("Quầy số 3").locator(".issued-links code");
    await link.waitFor();
    const url = new URL((await link.textContent()) as string);
    expect(url.pathname).toBe(`/s/${counter3}`);
    const token = url.searchParams.get("t") as string;
    const send = () =>
      fetch(`${server.url}/api/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          point: counter3,
          lang: "vi",
          answers: { TC1: 5 },
          token,
        }),
      });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("TOKEN_USED");
  });

  it("prints three slips from the same form", async () => {
    const panel = card("Quầy số 3");
    await panel.getByLabel("Mã hồ sơ").fill("");
    await panel.getByLabel("Số phiếu").fill("3");
    const [slips] = await Promise.all([
      context.waitForEvent("page"),
      panel.getByRole("button", { name: "Tạo và in phiếu" }).click(),
    ]);
    await slips.waitForLoadState();
    expect(new URL(slips.url()).pathname).toBe(`/links/${counter3}`);
    expect(await slips.locator("section.slip").count()).toBe(3);
    await slips.close();
  });

  it("has no serious or critical axe-core violations with the forms open", async () => {
    await card("Quầy số 7").getByRole("button", { name: "Sửa" }).click();
    await card("Quầy số 7").getByRole("heading", { name: "Sửa điểm khảo sát" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("is told, not shown, when opening a screen of another role", async () => {
    await page.goto(`${server.url}/console/units`);
    await page.getByRole("heading", { name: "Không có quyền truy cập" }).waitFor();
    expect(await page.locator(".unit-tree").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
