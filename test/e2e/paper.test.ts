import { createServer } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQrPng } from "../server/qr/decode-png.js";
import { launchBrowser } from "./helpers/browser.js";
import { adminApi } from "./helpers/catalogue.js";
import { buildConsole, signIn } from "./helpers/console.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// Issue 18 in a real browser: paper forms printed to PDF by chromium (A4, two sides for the full form, one
// for the quick form, numbered on from the last print run, a QR that decodes to the counter's survey), and
// twenty forms typed in by keyboard alone, a duplicate refused, a correction.

let server: RunningServer;
let publicUrl: string;
let browser: Browser;
let context: BrowserContext;
let full: string;
let quick: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Pages and the size of the first one, read from the PDF that chromium printed. */
async function printToPdf(page: Page): Promise<{ count: number; size: number[] }> {
  const text = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
  const count = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { count, size: box ? [Number(box[1]), Number(box[2])] : [] };
}

beforeAll(async () => {
  buildConsole();
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  server = await startServer({ PORT: String(port), PUBLIC_URL: publicUrl });
  const api = await adminApi(server.url);
  await api("POST", "/api/v1/units", { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công" });
  full = (await api("POST", "/api/v1/points", { unit: "H35.TTHCC", label: "Quầy số 1" })).code as string;
  quick = (await api("POST", "/api/v1/points", { unit: "H35.TTHCC", label: "Quầy nhanh", form: "quick" }))
    .code as string;
  await api("POST", "/api/v1/users", {
    username: "nhap.phieu",
    password: "staff-password-e2e",
    role: "staff",
    unit: "H35.TTHCC",
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 1300 }, deviceScaleFactor: 1 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

describe("paper forms", () => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await signIn(page, "nhap.phieu", "staff-password-e2e");
  });

  it("prints the full form on two A4 sides per form, numbered, with a QR of the online survey", async () => {
    const res = await page.goto(`${server.url}/posters/paper/${full}?count=3`);
    expect(res!.status()).toBe(200);
    const pdf = await printToPdf(page);
    expect(pdf.count).toBe(6);
    expect(Math.abs(pdf.size[0]! - 595.28)).toBeLessThan(1);
    expect(Math.abs(pdf.size[1]! - 841.89)).toBeLessThan(1);
    const numbers = await page.locator(".side__number strong").allTextContents();
    expect(numbers).toEqual(["000001", "000001", "000002", "000002", "000003", "000003"]);
    // Nineteen questions over the two sides, each with five boxes.
    expect(await page.locator(".paper-form").first().locator("tr[data-item]").count()).toBe(19);
    expect(await page.locator(".paper-form").first().locator(".box").count()).toBe(95);
    const qrs = page.locator(".qr");
    expect(await qrs.count()).toBe(3);
    expect(decodeQrPng(await qrs.first().screenshot())).toBe(`${publicUrl}/s/${full}`);
  });

  it("numbers the next print run on from the last one, and prints the quick form on one side each", async () => {
    await page.goto(`${server.url}/posters/paper/${full}?count=1&lang=en`);
    expect(await page.locator(".side__number strong").first().textContent()).toBe("000004");
    expect(await page.locator("h1").first().textContent()).toBe(
      "Survey of satisfaction with public administrative services",
    );
    await page.goto(`${server.url}/posters/paper/${quick}?count=2`);
    expect((await printToPdf(page)).count).toBe(2);
    expect(await page.locator(".paper-form").first().locator("tr[data-item]").count()).toBe(5);
    expect(decodeQrPng(await page.locator(".qr").nth(1).screenshot())).toBe(`${publicUrl}/s/${quick}`);
  });
});

describe("keyboard entry of paper forms", () => {
  let page: Page;
  // Twenty forms of the quick point: form n answers (n mod 5) + 1 to every question but the third, skipped
  // with 0 on odd forms and with a space on even ones.
  const keys = (n: number) => {
    const v = String((n % 5) + 1);
    return `${v}${v}${n % 2 ? "0" : " "}${v}${v}`;
  };

  beforeAll(async () => {
    // The context keeps the session of the first describe's sign-in.
    page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByRole("navigation").getByRole("link", { name: "Nhập phiếu giấy" }).click();
    await page.getByLabel("Điểm khảo sát").selectOption(quick);
  });

  it("takes twenty forms by keyboard alone: number, Tab, one digit per question, Enter", async () => {
    const number = page.getByLabel("Số phiếu", { exact: true });
    await number.waitFor();
    await number.fill("1");
    for (let n = 1; n <= 20; n++) {
      if (n > 1) {
        // The next number is offered, selected: the typist types over it when a sheet is out of order.
        expect(await number.inputValue()).toBe(String(n));
        await page.keyboard.type(String(n));
      }
      await page.keyboard.press("Tab");
      await page.keyboard.type(keys(n));
      await page.keyboard.press("Enter");
      await page.getByText(`Đã lưu phiếu số ${n}.`).waitFor();
    }
    const rows = page.locator(".paper-entry__recent tbody tr");
    // The list reloads after each save.
    await expect.poll(() => rows.count()).toBe(20);
    expect(await rows.first().locator("td").nth(2).textContent()).toBe("11·11");
  });

  it("refuses a form number entered before, and says so", async () => {
    const number = page.getByLabel("Số phiếu", { exact: true });
    await number.fill("7");
    await page.keyboard.press("Tab");
    await page.keyboard.type("55555");
    await page.keyboard.press("Enter");
    await page.getByText(/Phiếu số 7 đã được nhập trước đó/).waitFor();
    expect(await page.locator(".paper-entry__recent tbody tr").count()).toBe(20);
  });

  it("corrects a form: its answers are replaced, the number stays unique", async () => {
    await page
      .locator('.paper-entry__recent tr[data-form-number="20"]')
      .getByRole("button", { name: "Sửa" })
      .click();
    await page.getByText("Đang sửa phiếu số 20").waitFor();
    await page.keyboard.type("12345");
    await page.keyboard.press("Enter");
    await page.getByText("Đã sửa phiếu số 20.").waitFor();
    expect(await page.locator('.paper-entry__recent tr[data-form-number="20"] td').nth(2).textContent()).toBe(
      "12345",
    );
    const res = await page.request.get(
      `${server.url}/api/v1/reports/sipas?from=2020-01-01&to=2029-12-31&by=channel`,
    );
    expect(res.status()).toBe(403);
  });
});
