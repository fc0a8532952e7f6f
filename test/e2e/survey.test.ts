import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { adminApi, makeSurveyPoints } from "./helpers/catalogue.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// The citizen's survey in Debian's chromium on a phone-sized screen, against the real Node server: every
// language, no JavaScript, a network that drops mid-submit, a kiosk, a keyboard, and an accessibility scan.

let server: RunningServer;
let browser: Browser;
let db: Client;
let full: string;
let quick: string;
let kioskPoint: string;
let manyServices: string;

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

beforeAll(async () => {
  // The page inlines the built client script; build it from the sources under test.
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "-c", "vite.survey.config.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    stdio: "ignore",
  });
  server = await startServer();
  const api = await adminApi(server.url);
  [full, quick, kioskPoint] = (await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [
      { code: "1.001193", name: "Đăng ký khai sinh" },
      { code: "1.000656", name: "Đăng ký kết hôn" },
    ],
    points: [{ label: "Quầy số 3" }, { label: "Quầy số 5", form: "quick" }, { label: "Máy tính bảng" }],
  })) as [string, string, string];
  [manyServices] = (await makeSurveyPoints(api, {
    unit: { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công" },
    services: [
      { code: "1.000001", name: "Đăng ký khai sinh có yếu tố nước ngoài" },
      ...["Cấp phiếu lý lịch tư pháp", "Đăng ký kết hôn", "Chứng thực bản sao", "Cấp giấy phép xây dựng"].map(
        (name, i) => ({ code: `1.00001${i}`, name }),
      ),
      ...["Đăng ký doanh nghiệp", "Cấp đổi giấy phép lái xe", "Đăng ký khai tử", "Thay đổi hộ tịch"].map(
        (name, i) => ({ code: `1.00002${i}`, name }),
      ),
    ],
    points: [{ label: "Quầy tổng hợp", form: "quick" }],
  })) as [string];
  db = createClient({ url: `file:${join(server.dir, "hailong.db")}` });
  browser = await launchBrowser();
});

afterAll(async () => {
  db?.close();
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

async function phone(
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, locale: options.locale ?? "vi-VN", ...options });
}

async function storedResponses(point: string) {
  const result = await db.execute({
    sql: `SELECT r.id, r.lang, r.channel, r.answers, r.service_id FROM responses r
          JOIN points p ON p.id = r.point_id WHERE p.code = ? ORDER BY r.submitted_at`,
    args: [point],
  });
  return result.rows.map((row) => ({
    id: String(row.id),
    lang: String(row.lang),
    channel: String(row.channel),
    serviceId: row.service_id as number | null,
    answers: JSON.parse(String(row.answers)) as Record<string, number>,
  }));
}

/** Picks an answer the way a thumb does: by the visible text of the option inside the question. */
async function answer(page: Page, question: number, option: string) {
  const fieldset = page.locator("fieldset").nth(question);
  await fieldset
    .locator("label")
    .filter({ has: page.getByText(option, { exact: true }) })
    .click();
}

describe("the survey page", () => {
  const languages = [
    {
      lang: "vi",
      option: "Hài lòng",
      submit: "Gửi ý kiến",
      thanks: "Xin cảm ơn Ông/Bà!",
      progress: "Đã trả lời 2/5 câu",
    },
    {
      lang: "zh",
      tag: "zh-Hans",
      option: "满意",
      submit: "提交",
      thanks: "谢谢您！",
      progress: "已答 2/5 题",
    },
    { lang: "en", option: "Satisfied", submit: "Send", thanks: "Thank you!", progress: "2 of 5 answered" },
  ];
  for (const l of languages) {
    it(`is answered and sent in ${l.lang}, and says thank you in ${l.lang}`, async () => {
      const context = await phone();
      const page = await context.newPage();
      await page.goto(`${server.url}/s/${quick}?lang=${l.lang}`);
      expect(await page.getAttribute("html", "lang")).toBe(l.tag ?? l.lang);
      await answer(page, 0, l.option);
      await answer(page, 2, l.option);
      await expect.poll(() => page.locator(".bar p").textContent()).toBe(l.progress);
      await page.getByRole("button", { name: l.submit }).click();
      await page.getByRole("heading", { name: l.thanks }).waitFor();
      const stored = (await storedResponses(quick)).filter((r) => r.lang === l.lang);
      expect(stored.map((r) => r.answers)).toEqual([{ TC: 4, CC: 4 }]);
      await context.close();
    });
  }

  it("picks the language from the phone's settings, and switches on a tap", async () => {
    const context = await phone({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${full}`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("heading", { name: "Satisfaction" }).waitFor();
    await context.close();
  });

  it("refuses an empty submission in place, and stores the chosen service", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${full}`);
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("alert").getByText("Xin Ông/Bà trả lời ít nhất một câu hỏi").waitFor();
    await page.getByLabel("Thủ tục Ông/Bà vừa thực hiện").selectOption("1.000656");
    await answer(page, 18, "Rất hài lòng");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    const [stored] = await storedResponses(full);
    expect(stored?.answers).toEqual({ PA3: 5 });
    expect(stored?.serviceId).not.toBeNull();
    await context.close();
  });
});

describe("the comment", () => {
  it("counts characters as the server does: 2,000 emoji are sent and kept, one more is held back", async () => {
    const context = await phone({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${quick}`);
    await answer(page, 0, "Satisfied");
    const comment = page.getByLabel("Comments");
    await comment.fill("😀".repeat(2001));
    await page.getByText("The comment is too long: 1 over the 2000-character limit.").waitFor();
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("comment");
    await comment.press("Backspace");
    await page.getByText("0 characters left.").waitFor();
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor();
    const kept = await db.execute({
      sql: "SELECT r.comment FROM responses r JOIN points p ON p.id = r.point_id WHERE p.code = ? AND r.lang = 'en' AND r.comment IS NOT NULL",
      args: [quick],
    });
    expect(kept.rows.map((row) => row.comment)).toEqual(["😀".repeat(2000)]);
    await context.close();
  });
});

describe("the service picker", () => {
  it("narrows a long list of services by the words typed, without accents", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${manyServices}`);
    await page.getByRole("searchbox", { name: "Tìm thủ tục" }).fill("khai sinh dang ky");
    const options = await page.locator("select#service option").allTextContents();
    expect(options).toEqual(["— Chọn thủ tục (không bắt buộc) —", "Đăng ký khai sinh có yếu tố nước ngoài"]);
    await page.locator("select#service").selectOption("1.000001");
    await answer(page, 0, "Hài lòng");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    expect((await storedResponses(manyServices))[0]?.serviceId).not.toBeNull();
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("posts the form, shows the thank-you, and asks again in the same language when nothing was answered", async () => {
    const context = await phone({ javaScriptEnabled: false, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${quick}`);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Please answer at least one satisfaction question.").waitFor();
    await answer(page, 1, "Very satisfied");
    await page.getByLabel("Comments").fill("Call me on 0912 345 678");
    const fields = await page.evaluate(() =>
      Object.fromEntries(new FormData(document.querySelector("form") as HTMLFormElement) as never),
    );
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor();
    const stored = await storedResponses(quick);
    const mine = stored.filter((r) => r.lang === "en" && r.answers.TT === 5);
    expect(mine).toHaveLength(1);
    const comment = await db.execute({
      sql: "SELECT comment FROM responses WHERE id = ?",
      args: [mine[0]!.id],
    });
    expect(comment.rows[0]?.comment).toBe("Call me on ***");
    // Sending the same page again (a double tap, a browser's resubmit) carries the same id: still one response.
    const again = await context.request.post(`${server.url}/s/${quick}`, { form: fields });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain("Thank you!");
    expect((await storedResponses(quick)).filter((r) => r.answers.TT === 5 && r.lang === "en")).toHaveLength(
      1,
    );
    await context.close();
  });
});

describe("a network that fails", () => {
  it("keeps the answers while offline, says so, and sends them exactly once when the network returns", async () => {
    const point = full;
    const before = (await storedResponses(point)).length;
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${point}`);
    await answer(page, 0, "Bình thường");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByText("Máy chưa có kết nối mạng.", { exact: false }).waitFor();
    const pending = await page.evaluate(() => localStorage.getItem("hailong.outbox"));
    expect(pending).toContain('"TC1":3');
    await context.setOffline(false);
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("hailong.outbox"))).toBeNull();
    expect((await storedResponses(point)).length).toBe(before + 1);
    await context.close();
  });

  it("sends again when the answer to a stored response is lost, and the server keeps it once", async () => {
    const point = full;
    const before = (await storedResponses(point)).length;
    const context = await phone();
    const page = await context.newPage();
    let lost = 0;
    await page.route("**/api/v1/responses", async (route) => {
      if (lost === 0) {
        lost++;
        await route.fetch(); // the server stores it…
        await route.abort("connectionreset"); // …and the phone never hears back
      } else await route.continue();
    });
    await page.goto(`${server.url}/s/${point}`);
    await answer(page, 1, "Không hài lòng");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor({ timeout: 15_000 });
    expect(lost).toBe(1);
    const stored = await storedResponses(point);
    expect(stored.length).toBe(before + 1);
    expect(stored.at(-1)?.answers).toEqual({ TC2: 2 });
    await context.close();
  });

  it("sends what a closed page left behind when the survey is opened again", async () => {
    const point = full;
    const before = (await storedResponses(point)).length;
    const context = await phone();
    const first = await context.newPage();
    await first.goto(`${server.url}/s/${point}`);
    await answer(first, 2, "Rất không hài lòng");
    await context.setOffline(true);
    await first.getByRole("button", { name: "Gửi ý kiến" }).click();
    await first.getByText("Máy chưa có kết nối mạng.", { exact: false }).waitFor();
    await first.close();
    await context.setOffline(false);
    const second = await context.newPage();
    await second.goto(`${server.url}/s/${point}`);
    await second.getByText("Ý kiến lần trước của Ông/Bà đã được gửi. Xin cảm ơn!").waitFor();
    const stored = await storedResponses(point);
    expect(stored.length).toBe(before + 1);
    expect(stored.at(-1)?.answers).toEqual({ TC3: 1 });
    await context.close();
  });
});

describe("a kiosk at the counter", () => {
  it("thanks the citizen at once while offline and sends the answers when the network returns", async () => {
    const before = (await storedResponses(kioskPoint)).length;
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${kioskPoint}?kiosk=1`);
    await context.setOffline(true);
    await answer(page, 4, "Bình thường");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("hailong.outbox"))).toContain('"TT1":3');
    await context.setOffline(false);
    await expect.poll(async () => (await storedResponses(kioskPoint)).length).toBe(before + 1);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("hailong.outbox"))).toBeNull();
    await context.close();
  });

  it("resets itself after the thank-you, keeping nothing of the previous citizen", async () => {
    const context = await phone();
    const page = await context.newPage();
    const before = (await storedResponses(kioskPoint)).length;
    await page.clock.install();
    await page.goto(`${server.url}/s/${kioskPoint}?kiosk=1`);
    await answer(page, 0, "Rất hài lòng");
    await page.getByLabel("Ý kiến khác").fill("Cán bộ nhiệt tình");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByText("Phiếu mới sẽ mở sau 10 giây.").waitFor();
    await page.clock.runFor(11_000);
    await page.getByRole("button", { name: "Gửi ý kiến" }).waitFor();
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    expect(await page.getByLabel("Ý kiến khác").inputValue()).toBe("");
    expect(await page.locator(".bar p").textContent()).toBe("Đã trả lời 0/19 câu");
    await answer(page, 1, "Hài lòng");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByText("Phiếu mới sẽ mở sau 10 giây.").waitFor();
    // A kiosk thanks the citizen once the response is kept on the device and sends it behind.
    await expect.poll(async () => (await storedResponses(kioskPoint)).length).toBe(before + 2);
    const stored = (await storedResponses(kioskPoint)).slice(before);
    expect(stored.map((r) => [r.channel, r.answers])).toEqual([
      ["kiosk", { TC1: 5 }],
      ["kiosk", { TC2: 4 }],
    ]);
    // Two UUID v7 ids, the page's from the server and the next citizen's made in the page, later.
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(stored.map((response) => v7.test(response.id))).toEqual([true, true]);
    expect((stored[0]?.id ?? "") < (stored[1]?.id ?? "")).toBe(true);
    await context.close();
  });
});

describe("access", () => {
  it("can be answered and sent with the keyboard only", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${quick}?lang=vi`);
    // Past the language links and the service picker to the first question's first option.
    await page.locator("select#service").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // moves and selects within the radio group: "Không hài lòng"
    await page.keyboard.press("ArrowDown"); // "Bình thường"
    expect(await page.locator("input[name=TC]:checked").getAttribute("value")).toBe("3");
    await page.keyboard.press("Enter"); // submits the form
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Xin cảm ơn Ông/Bà!");
    await context.close();
  });

  it("fits 320 CSS pixels (a small phone, or a 640 px window at 200 % zoom) without sideways scrolling", async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "vi-VN" });
    const page = await narrow.newPage();
    for (const path of [`/s/${full}`, `/s/${manyServices}`, "/s/ZZZZZZ"]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);
    }
    await narrow.close();
  });

  for (const [name, path] of [
    ["the survey", () => `/s/${full}?lang=vi`],
    ["the quick survey in Chinese", () => `/s/${quick}?lang=zh`],
    ["the not-found page", () => "/s/ZZZZZZ"],
  ] as const) {
    it(`has no serious or critical axe-core violations on ${name}`, async () => {
      const context = await phone();
      const page = await context.newPage();
      await page.goto(`${server.url}${path()}`);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
        ).axe.run();
        return result.violations as Array<{ id: string; impact: string; nodes: unknown[] }>;
      });
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
      await context.close();
    });
  }
});
