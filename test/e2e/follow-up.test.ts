import { execFileSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { adminApi, makeSurveyPoints } from "./helpers/catalogue.js";
import { buildConsole, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// Issue 17 in chromium against the real Node server: a citizen asks for a reply while offline (the outbox
// sends it later), staff answer in the console, and the citizen reads the answer on /r/:ref.

let server: RunningServer;
let browser: Browser;
let point: string;

beforeAll(async () => {
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "-c", "vite.survey.config.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    stdio: "ignore",
  });
  buildConsole();
  server = await startServer();
  const api = await adminApi(server.url);
  [point] = (await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [{ code: "1.001193", name: "Đăng ký khai sinh" }],
    points: [{ label: "Quầy số 3" }],
  })) as [string];
  await api("POST", "/api/v1/users", {
    username: "canbo",
    password: "canbo-password-1",
    role: "staff",
    unit: "H35.STP",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

describe("closing the loop", () => {
  it("a citizen asks for a reply offline, staff answer in the console, the citizen reads it on /r/:ref", async () => {
    const citizen = await browser.newContext({ ...PHONE, locale: "vi-VN" });
    const page = await citizen.newPage();
    await page.goto(`${server.url}/s/${point}`);
    const followUp = page.getByRole("group", { name: "Tôi muốn được phản hồi" });
    await expect(followUp.isVisible()).resolves.toBe(false);
    await page.locator("fieldset").nth(0).getByRole("radio", { name: "1 Rất không hài lòng" }).check();
    await followUp.waitFor({ state: "visible" });
    await page.getByLabel("Số điện thoại hoặc thư điện tử").fill("0912 345 678");
    await page.getByRole("checkbox").check();
    await citizen.setOffline(true);
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByText("Máy chưa có kết nối mạng.", { exact: false }).waitFor();
    await citizen.setOffline(false);
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    const line = await page.getByText("Mã phản ánh của Ông/Bà:", { exact: false }).textContent();
    const ref = /([A-Z2-9]{10})/.exec(line ?? "")?.[1] as string;
    expect(ref).toMatch(/^[A-Z2-9]{10}$/);
    await expect(page.getByRole("link", { name: `${server.url}/r/${ref}` }).isVisible()).resolves.toBe(true);

    const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    const desk = await office.newPage();
    await desk.goto(`${server.url}/console/cases`);
    await signIn(desk, "canbo", "canbo-password-1");
    await desk.getByRole("link", { name: ref }).click();
    await expect(desk.getByTestId("case-contact").textContent()).resolves.toBe("091*****78");
    await desk.getByRole("button", { name: "Hiện liên hệ" }).click();
    await desk.getByText("0912345678").waitFor();
    await desk
      .getByLabel("Câu trả lời gửi người dân", { exact: false })
      .fill("Đơn vị đã nhắc nhở cán bộ quầy số 3.");
    await desk.getByLabel("Chuyển tình trạng").selectOption("answered");
    await desk.getByRole("button", { name: "Lưu" }).click();
    await desk.getByText("Đã lưu.").waitFor();
    await office.close();

    await page.goto(`${server.url}/r/${ref}`);
    await page.getByText("Đơn vị đã nhắc nhở cán bộ quầy số 3.").waitFor();
    const text = await page.textContent("body");
    expect(text).toContain("Đã trả lời");
    expect(text).not.toContain("0912");
    await citizen.close();
  });
});
