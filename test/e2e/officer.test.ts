import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { adminApi, makeSurveyPoints } from "./helpers/catalogue.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// "Who served me" on phones, in Debian's chromium against the real Node server: a clerk takes a counter
// for their shift, a citizen answers at that counter and sees whom they rate, and the clerk finds the
// answer in "Kết quả của tôi". The minimum sample is 1 here so that one answer shows an index.

let server: RunningServer;
let browser: Browser;
let staffContext: BrowserContext;
let citizenContext: BrowserContext;
let staff: Page;
let counter: string;

beforeAll(async () => {
  buildConsole();
  server = await startServer({ HAILONG_OFFICER_MIN_RESPONSES: "1" });
  const api = await adminApi(server.url);
  [counter] = (await makeSurveyPoints(api, {
    unit: { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công" },
    services: [],
    points: [{ label: "Quầy số 1", form: "quick" }, { label: "Quầy số 2" }],
  })) as [string];
  await api("POST", "/api/v1/users", {
    username: "can.bo.lan",
    password: "staff-password-e2e",
    role: "staff",
    unit: "H35.TTHCC",
  });
  browser = await launchBrowser();
  staffContext = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  citizenContext = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  staff = await staffContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

describe("an officer's shift, a citizen's answer, the officer's results", () => {
  it("the clerk takes a counter from their phone, under the name citizens will see", async () => {
    await staff.goto(`${server.url}/console/`);
    await signIn(staff, "can.bo.lan", "staff-password-e2e");
    await staff.getByRole("navigation").getByRole("link", { name: "Ca làm việc" }).click();
    await staff.getByRole("heading", { name: "Ca làm việc", level: 1 }).waitFor();
    await staff.getByText("Bạn chưa nhận quầy nào.").waitFor();
    await staff.getByLabel("Tên hiển thị cho người dân").fill("Nguyễn Thị Lan");
    await staff.getByRole("button", { name: "Nhận quầy: Quầy số 1" }).click();
    await staff.getByTestId("my-counter").getByText(`Bạn đang trực tại Quầy số 1 (${counter})`).waitFor();
    expect(await staff.getByRole("button", { name: "Nhận quầy: Quầy số 1" }).count()).toBe(0);
    expect(await staff.getByLabel("Hiện tên cán bộ trên phiếu khảo sát").isChecked()).toBe(true);
    expect(await seriousViolations(staff)).toEqual([]);
  });

  it("the citizen sees whom they rate, answers, and is thanked", async () => {
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/s/${counter}`);
    await citizen.getByText("Cán bộ tiếp nhận: Nguyễn Thị Lan").waitFor();
    await citizen.locator("fieldset").nth(2).getByRole("radio", { name: "5 Rất hài lòng" }).check();
    await citizen.getByLabel("Ý kiến khác").fill("Chị Lan hướng dẫn rất tận tình");
    await citizen.getByRole("button", { name: "Gửi ý kiến" }).click();
    await citizen.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    await citizen.close();
  });

  it("the clerk finds the answer and the comment in 'Kết quả của tôi'", async () => {
    await staff.getByRole("navigation").getByRole("link", { name: "Kết quả của tôi" }).click();
    await staff.getByRole("heading", { name: "Kết quả của tôi", level: 1 }).waitFor();
    await staff.getByText("Chị Lan hướng dẫn rất tận tình").waitFor();
    expect((await staff.getByTestId("sipas-index").textContent())?.trim()).toBe("100,00");
    await staff.getByText("Chỉ số chỉ hiện khi có ít nhất 1 người trả lời", { exact: false }).waitFor();
    expect(await seriousViolations(staff)).toEqual([]);
  });

  it("ending the shift leaves the counter without an officer", async () => {
    await staff.getByRole("navigation").getByRole("link", { name: "Ca làm việc" }).click();
    await staff.getByRole("button", { name: "Kết thúc ca" }).click();
    await staff.getByText("Bạn chưa nhận quầy nào.").waitFor();
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/s/${counter}`);
    expect(await citizen.getByText("Cán bộ tiếp nhận", { exact: false }).count()).toBe(0);
    await citizen.close();
  });
});
