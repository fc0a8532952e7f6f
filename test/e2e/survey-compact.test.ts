import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type Client, createClient } from "@libsql/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { adminApi, makeSurveyPoints } from "./helpers/catalogue.js";
import { buildConsole, seriousViolations, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";
import { measureSurvey, PHONE_WIDTHS, thirtyServices, ZOOM_200 } from "./helpers/survey-layout.js";

// The survey as a citizen on a cheap phone meets it: one row of 1–5 per question, the whole form in a
// few screens at 320, 360 and 412 px and at 200 % zoom, answers that survive a change of language, errors
// where the eye is, one stored row whatever Back does, and an axe-core scan of every state.

let server: RunningServer;
let browser: Browser;
let db: Client;
let full: string;
let quick: string;
let kiosk: string;
let many: string;

beforeAll(async () => {
  const root = new URL("../..", import.meta.url).pathname;
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "-c", "vite.survey.config.ts"], {
    cwd: root,
    stdio: "ignore",
  });
  buildConsole();
  server = await startServer();
  const api = await adminApi(server.url);
  [full, quick, kiosk] = (await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [
      { code: "1.001193", name: "Đăng ký khai sinh" },
      { code: "1.000656", name: "Đăng ký kết hôn" },
    ],
    points: [{ label: "Quầy số 3" }, { label: "Quầy số 5", form: "quick" }, { label: "Máy tính bảng" }],
  })) as [string, string, string];
  await api("PATCH", "/api/v1/units/H35.STP", {
    nameZh: "谅山省司法厅",
    nameEn: "Lang Son Department of Justice",
  });
  await api("PATCH", "/api/v1/services/1.000656", { nameZh: "结婚登记", nameEn: "Marriage registration" });
  await api("PATCH", `/api/v1/points/${full}`, { labelZh: "3号窗口", labelEn: "Counter 3" });
  [many] = (await makeSurveyPoints(api, {
    unit: { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn" },
    services: thirtyServices(),
    points: [{ label: "Quầy tổng hợp" }],
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

async function phone(options: { width?: number; javaScriptEnabled?: boolean; locale?: string } = {}) {
  const context = await browser.newContext({
    ...PHONE,
    viewport: { width: options.width ?? 360, height: 740 },
    locale: options.locale ?? "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  if (options.javaScriptEnabled === false) context.on("page", (page) => noScript.add(page));
  return context;
}

async function rowsOf(point: string) {
  const result = await db.execute({
    sql: `SELECT r.id, r.lang, r.answers, r.comment, r.service_id FROM responses r
          JOIN points p ON p.id = r.point_id WHERE p.code = ? ORDER BY r.submitted_at`,
    args: [point],
  });
  return result.rows.map((row) => ({
    id: String(row.id),
    lang: String(row.lang),
    answers: JSON.parse(String(row.answers)) as Record<string, number>,
    comment: row.comment as string | null,
    serviceId: row.service_id as number | null,
  }));
}

/** Taps option `value` ("1"…"5", or "" for skip) of question `item`, as a thumb does: on its box. */
async function tap(page: Page, item: string, value: string) {
  await page.locator(`#q-${item} label.s:has(input[value="${value}"])`).tap();
}

const checked = (page: Page, item: string) =>
  page
    .locator(`input[name="${item}"]:checked`)
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

async function inViewport(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
}

/**
 * No serious or critical axe-core violations in the page's state. A page without JavaScript cannot run
 * axe (its timers never fire): its markup, scripts and refresh removed, is scanned in a page that can.
 */
async function expectAxeClean(page: Page, state: string) {
  if (!noScript.has(page)) {
    expect(await seriousViolations(page), state).toEqual([]);
    return;
  }
  const html = (await page.content())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<meta http-equiv="refresh"[^>]*>/g, "");
  const context = await browser.newContext({ ...PHONE, viewport: page.viewportSize() ?? PHONE.viewport });
  const copy = await context.newPage();
  await copy.setContent(html);
  expect(await seriousViolations(copy), state).toEqual([]);
  await context.close();
}

/** Pages opened without JavaScript (see expectAxeClean). */
const noScript = new WeakSet<Page>();

describe("one-tap rows", () => {
  for (const width of PHONE_WIDTHS) {
    it(`fit the full form in ≤ 4,500 px and the quick form in ~2 screens at ${width} px, with 44 px targets`, async () => {
      const context = await phone({ width });
      const page = await context.newPage();
      for (const [code, limit] of [
        [full, 4_500],
        [quick, 1_600],
      ] as const) {
        for (const lang of ["vi", "zh", "en"]) {
          await page.goto(`${server.url}/s/${code}?lang=${lang}`);
          const layout = await measureSurvey(page);
          expect(layout.toComment, `${code} ${lang}`).toBeLessThanOrEqual(limit);
          expect(layout.overflow).toBe(false);
          expect(layout.smallestTarget.width).toBeGreaterThanOrEqual(44);
          expect(layout.smallestTarget.height).toBeGreaterThanOrEqual(44);
        }
      }
      await expectAxeClean(page, `quick form at ${width} px`);
      await context.close();
    });
  }

  it("stay usable at 200 % zoom: no sideways scrolling, 44 px targets, axe-clean", async () => {
    const context = await browser.newContext({ ...ZOOM_200, locale: "vi-VN" });
    const page = await context.newPage();
    for (const code of [full, quick, many]) {
      await page.goto(`${server.url}/s/${code}`);
      const layout = await measureSurvey(page);
      expect(layout.overflow).toBe(false);
      expect(layout.smallestTarget.height).toBeGreaterThanOrEqual(44);
    }
    await expectAxeClean(page, "200 % zoom");
    await context.close();
  });

  it("take every option of every question with one tap, skip included, and store the last ones", async () => {
    const context = await phone({ width: 320 });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${full}`);
    const items = await page.locator("fieldset.q").evaluateAll((sets) => sets.map((s) => s.id.slice(2)));
    expect(items).toHaveLength(19);
    expect(await page.locator("fieldset.q legend b").first().textContent()).toBe("1.");
    for (const item of items) {
      for (const value of ["1", "2", "3", "4", "5", ""]) {
        await tap(page, item, value);
        expect(await checked(page, item)).toEqual([value]);
      }
    }
    // Every option is named for screen readers: its number and its word.
    expect(await page.getByRole("radio", { name: "1 Rất không hài lòng" }).count()).toBe(19);
    expect(await page.getByRole("radio", { name: "5 Rất hài lòng" }).count()).toBe(19);
    await tap(page, "CC1", "5");
    await tap(page, "KQ2", "2");
    await expect.poll(() => page.locator(".bar p").textContent()).toBe("Đã trả lời 2/19 câu");
    await expectAxeClean(page, "answered");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    await expectAxeClean(page, "thank-you");
    expect((await rowsOf(full)).at(-1)?.answers).toEqual({ CC1: 5, KQ2: 2 });
    await context.close();
  });
});

describe("a change of language", () => {
  it("keeps the answers, the service and the comment with JavaScript, and the names follow the language", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${full}?lang=vi`);
    await tap(page, "TC1", "4");
    await tap(page, "TT2", "2");
    await page.locator("select#service").selectOption("1.000656");
    await page.getByLabel("Ý kiến khác").fill("Chờ hơi lâu");
    await page.getByRole("link", { name: "中文" }).click();
    await page.waitForURL(/lang=zh/);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    await expect.poll(() => checked(page, "TC1")).toEqual(["4"]);
    expect(await checked(page, "TT2")).toEqual(["2"]);
    expect(await page.locator("select#service").inputValue()).toBe("1.000656");
    expect(await page.locator("select#service option:checked").textContent()).toBe("结婚登记");
    expect(await page.locator("#comment").inputValue()).toBe("Chờ hơi lâu");
    expect(await page.locator("header h1").textContent()).toBe("3号窗口");
    expect(await page.locator(".bar p").textContent()).toBe("已答 2/19 题");
    await expectAxeClean(page, "after switching to Chinese");
    await tap(page, "KQ3", "5");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/lang=en/);
    await expect.poll(() => checked(page, "KQ3")).toEqual(["5"]);
    expect(await page.locator("header h1").textContent()).toBe("Counter 3");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor();
    const stored = (await rowsOf(full)).at(-1);
    expect(stored).toMatchObject({ lang: "en", answers: { TC1: 4, TT2: 2, KQ3: 5 }, comment: "Chờ hơi lâu" });
    expect(stored?.serviceId).not.toBeNull();
    await context.close();
  });

  it("says, without JavaScript, that the answers are not kept", async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${full}?lang=vi`);
    await page.getByText("Đổi ngôn ngữ sẽ xoá các câu đã trả lời.").waitFor();
    await expectAxeClean(page, "no-JS form");
    await context.close();
    const withScript = await phone();
    const scripted = await withScript.newPage();
    await scripted.goto(`${server.url}/s/${full}?lang=vi`);
    expect(await scripted.getByText("Đổi ngôn ngữ sẽ xoá các câu đã trả lời.").isVisible()).toBe(false);
    await withScript.close();
  });
});

describe("an empty submission", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`moves focus and scroll to the message, with the first question in view (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async () => {
      const context = await phone({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}/s/${full}`);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      const message = page.getByRole("alert").getByText("Xin Ông/Bà trả lời ít nhất một câu hỏi");
      await message.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("survey-error");
      expect(await inViewport(page, "#survey-error")).toBe(true);
      expect(await inViewport(page, "#q-TC1 .row")).toBe(true);
      await expectAxeClean(page, "error shown");
      await context.close();
    });
  }
});

describe("without JavaScript", () => {
  it("stores one row when the citizen goes Back after the thank-you and sends the same form again", async () => {
    const before = (await rowsOf(quick)).length;
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${quick}`);
    await tap(page, "CC", "5");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    expect(page.url()).toContain("thanks=1");
    await page.goBack();
    await page.getByRole("button", { name: "Gửi ý kiến" }).waitFor();
    await tap(page, "CC", "5");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    // Reloading the thank-you is a GET: nothing is posted again.
    await page.reload();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    const rows = (await rowsOf(quick)).slice(before);
    expect(rows.map((r) => r.answers)).toEqual([{ CC: 5 }]);
    await context.close();
  });

  it("brings a kiosk back to the tablet's own language after a citizen answered in another", async () => {
    const context = await phone({ javaScriptEnabled: false, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${kiosk}?kiosk=1&lang=en`);
    await tap(page, "TC1", "3");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor();
    await expectAxeClean(page, "kiosk thank-you");
    // The meta refresh (10 s) leads here: the kiosk address, in the tablet's language.
    const refresh = await page.locator('meta[http-equiv="refresh"]').getAttribute("content");
    expect(refresh).toBe(`10;url=/s/${kiosk}?kiosk=1&new=1`);
    await page.goto(`${server.url}/s/${kiosk}?kiosk=1&new=1`);
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    await context.close();
  });
});

describe("the service picker", () => {
  it("stays small on the wire with 30 services, narrows them by typed words, and fits 320 px", async () => {
    // The picker costs little on the wire: 30 services weigh under 1 KiB gzip more than 3 do, and the whole
    // page, script included, stays within its 14 KiB budget either way (bench/survey-page.ts prints both).
    const thirty = await gzipBytes(`${server.url}/s/${many}?lang=vi`);
    const three = await gzipBytes(`${server.url}/s/${full}?lang=vi`);
    expect(thirty.raw).toBeGreaterThan(thirty.compressed);
    expect(thirty.compressed - three.compressed).toBeLessThanOrEqual(1024);
    expect(three.compressed).toBeLessThanOrEqual(14 * 1024);
    expect(thirty.compressed).toBeLessThanOrEqual(14 * 1024);
    const context = await phone({ width: 320 });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${many}`);
    expect(await page.locator("select#service option").count()).toBe(31);
    await page.getByRole("searchbox").fill("ket hon nuoc ngoai");
    expect(await page.locator("select#service option").allTextContents()).toEqual([
      "— Chọn thủ tục (không bắt buộc) —",
      "Đăng ký kết hôn có yếu tố nước ngoài",
    ]);
    expect((await measureSurvey(page)).overflow).toBe(false);
    await expectAxeClean(page, "30 services, searched");
    await context.close();
  });
});

describe("the console's tablet mode", () => {
  it("shows a counter's kiosk address, a QR to open it and how to set the tablet up", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/points`);
    await signIn(page, "admin", "admin-password-e2e");
    await page.goto(`${server.url}/console/points`);
    const card = page.locator("li.point-card", { hasText: kiosk });
    await card.getByRole("button", { name: "Chế độ máy tính bảng" }).click();
    await card.getByRole("heading", { name: "Máy tính bảng tại quầy" }).waitFor();
    expect(await card.locator(".point-kiosk a").textContent()).toMatch(new RegExp(`/s/${kiosk}\\?kiosk=1$`));
    const qr = card.getByRole("img", { name: "Mã QR mở phiếu khảo sát ở chế độ máy tính bảng" });
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await card.getByText("Ghim trình duyệt").waitFor();
    await expectAxeClean(page, "tablet mode panel");
    await context.close();
  });
});

/** The bytes of a page as sent with gzip, and their size once decompressed. */
async function gzipBytes(url: string): Promise<{ compressed: number; raw: number }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ compressed: body.length, raw: gunzipSync(body).length });
      });
    })
      .on("error", reject)
      .end();
  });
}
