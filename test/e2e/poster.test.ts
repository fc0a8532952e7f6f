import { createServer } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQrPng } from "../server/qr/decode-png.js";
import { launchBrowser, PHONE } from "./helpers/browser.js";
import { type RunningServer, removeServerFiles, startServer } from "./helpers/server.js";

// A real server and Debian's chromium: posters print to exactly one page of their paper size, and the QR
// in what the browser draws decodes to the counter's survey; slips decode to links that work once.

let server: RunningServer;
let publicUrl: string;
let browser: Browser;
let context: BrowserContext;
let cookie: string;
const codes: string[] = [];

const PAPER = {
  // PDF points (1/72 in): A4 210 × 297 mm, A5 148 × 210 mm; chromium rounds to its pixel grid (< 1 pt).
  a4: [595.28, 841.89],
  a5: [419.53, 595.28],
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie,
      origin: publicUrl,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Pages and the size of the first one, read from the PDF that chromium printed. */
function pdfPages(pdf: Buffer): { count: number; size: number[] } {
  const text = pdf.toString("latin1");
  const count = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { count, size: box ? [Number(box[1]), Number(box[2])] : [] };
}

async function printToPdf(page: Page) {
  return pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

async function qrTexts(page: Page, selector: string): Promise<Array<string | null>> {
  const texts: Array<string | null> = [];
  for (const element of await page.locator(selector).all()) {
    texts.push(decodeQrPng(await element.screenshot()));
  }
  return texts;
}

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  server = await startServer({ PORT: String(port), PUBLIC_URL: publicUrl });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin-password-e2e" }),
  });
  cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  expect(
    (
      await api("POST", "/api/v1/units", {
        code: "H35.TTHCC",
        name: "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
      })
    ).status,
  ).toBe(201);
  for (const label of ["Quầy số 1", "Quầy số 2", "Quầy số 3"]) {
    const created = await api("POST", "/api/v1/points", { unit: "H35.TTHCC", label });
    expect(created.status).toBe(201);
    codes.push(created.json.code as string);
  }
  const linkOnly = await api("POST", "/api/v1/points", {
    unit: "H35.TTHCC",
    label: "Quầy đất đai",
    tokenRequired: true,
  });
  codes.push(linkOnly.json.code as string);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 900, height: 1300 }, deviceScaleFactor: 1 });
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeServerFiles(server);
});

describe("printed posters", () => {
  for (const format of ["a4", "a5", "tent"] as const) {
    it(`prints the ${format} poster on exactly one page, and its QR decodes to the counter's survey`, async () => {
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/posters/${codes[0]}?format=${format}`);
      expect(res!.status()).toBe(200);
      const faces = await qrTexts(page, ".poster__qr");
      expect(faces).toEqual(Array(format === "tent" ? 2 : 1).fill(`${publicUrl}/s/${codes[0]}`));
      const pdf = await printToPdf(page);
      expect(pdf.count).toBe(1);
      const [width, height] = PAPER[format === "a5" ? "a5" : "a4"];
      expect(Math.abs(pdf.size[0]! - width!)).toBeLessThan(1);
      expect(Math.abs(pdf.size[1]! - height!)).toBeLessThan(1);
      await page.close();
    });
  }

  it("prints one page per walk-in point of a unit, each with its own counter's QR", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/posters?unit=H35.TTHCC`);
    expect(await qrTexts(page, ".poster__qr")).toEqual(
      codes.slice(0, 3).map((code) => `${publicUrl}/s/${code}`),
    );
    expect((await printToPdf(page)).count).toBe(3);
    await page.close();
  });

  it("still decodes when the poster is shown small, as a phone sees it from a distance", async () => {
    const small = await browser.newContext({
      viewport: { width: 900, height: 1300 },
      deviceScaleFactor: 0.5,
    });
    const [name, value] = cookie.split("=") as [string, string];
    await small.addCookies([{ name, value, url: server.url }]);
    const page = await small.newPage();
    await page.goto(`${server.url}/posters/${codes[1]}?format=a5`);
    expect(decodeQrPng(await page.screenshot({ fullPage: true }))).toBe(`${publicUrl}/s/${codes[1]}`);
    await small.close();
  });
});

describe("scanning with a phone", () => {
  /** The QR of the first poster on a page, as decoded from what chromium draws. */
  async function scanPoster(path: string): Promise<string> {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    const [text] = await qrTexts(page, ".poster__qr");
    await page.close();
    return text!;
  }

  /** Opens a scanned URL on a phone without JavaScript (the survey's baseline), on this test server. */
  async function openOnPhone(url: string) {
    const phone = await browser.newContext({ ...PHONE, locale: "vi-VN", javaScriptEnabled: false });
    const page = await phone.newPage();
    const res = await page.goto(url.replace(publicUrl, server.url));
    return { phone, page, status: res!.status() };
  }

  it("opens the survey of the very counter on the poster", async () => {
    const { phone, page, status } = await openOnPhone(await scanPoster(`/posters/${codes[2]}`));
    expect(status).toBe(200);
    const text = await page.locator("body").textContent();
    expect(text).toContain("Quầy số 3");
    expect(text).toContain("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn");
    await phone.close();
  });

  it("takes one answer through a slip's link, then says the link was used", async () => {
    const tab = await context.newPage();
    await tab.goto(`${server.url}/links/${codes[3]}`);
    await Promise.all([tab.waitForURL(`${server.url}/links/${codes[3]}`), tab.click("button[type=submit]")]);
    const [url] = await qrTexts(tab, ".slip__qr");
    await tab.close();
    const { phone, page, status } = await openOnPhone(url!);
    expect(status).toBe(200);
    await page.getByRole("radio", { name: "4 Hài lòng" }).first().click();
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" }).waitFor();
    const again = await page.goto(url!.replace(publicUrl, server.url));
    expect(again!.status()).toBe(409);
    await page.getByRole("heading", { name: "Ý kiến đã được gửi" }).waitFor();
    await phone.close();
  });

  it("leads an old poster of an archived counter to the 'moved' page, not to a 404", async () => {
    const created = await api("POST", "/api/v1/points", { unit: "H35.TTHCC", label: "Quầy cũ" });
    const code = created.json.code as string;
    const scanned = await scanPoster(`/posters/${code}`);
    expect((await api("POST", `/api/v1/points/${code}/archive`)).status).toBe(200);
    const png = await fetch(`${server.url}/qr/${code}.png?size=300`);
    expect(decodeQrPng(new Uint8Array(await png.arrayBuffer()))).toBe(scanned);
    const { phone, page } = await openOnPhone(scanned);
    await page.getByRole("heading", { name: "Quầy này đã chuyển" }).waitFor();
    await phone.close();
  });
});

describe("one-time link slips", () => {
  const submit = (token: string, point: string) =>
    fetch(`${server.url}/api/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        point,
        lang: "vi",
        answers: { CC1: 5, KQ1: 4 },
        token,
      }),
    });

  it("are made from the staff form, print ten to a page, and each link works exactly once", async () => {
    const point = codes[3]!;
    const page = await browser.newContext({ viewport: { width: 900, height: 1300 }, deviceScaleFactor: 2 });
    const [name, value] = cookie.split("=") as [string, string];
    await page.addCookies([{ name, value, url: server.url }]);
    const tab = await page.newPage();
    await tab.goto(`${server.url}/links/${point}`);
    await tab.fill("#count", "12");
    await Promise.all([tab.waitForURL(`${server.url}/links/${point}`), tab.click("button[type=submit]")]);
    const urls = await qrTexts(tab, ".slip__qr");
    expect(urls).toHaveLength(12);
    expect(new Set(urls).size).toBe(12);
    // 48 characters: the staff form signs its user into the token as the issuer (issue 16).
    for (const url of urls)
      expect(url).toMatch(new RegExp(`^${publicUrl}/s/${point}\\?t=[A-Za-z0-9_-]{48}$`));
    expect((await printToPdf(tab)).count).toBe(2);

    const token = new URL(urls[0]!).searchParams.get("t")!;
    expect((await submit(token, point)).status).toBe(201);
    const again = await submit(token, point);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("TOKEN_USED");
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect((await submit(tampered, point)).status).toBe(403);
    expect((await submit(new URL(urls[1]!).searchParams.get("t")!, codes[0]!)).status).toBe(403);
    await page.close();
  });

  it("print one slip for a dossier, and the dossier is rated once", async () => {
    const point = codes[3]!;
    const tab = await context.newPage();
    const slipFor = async (dossier: string) => {
      await tab.goto(`${server.url}/links/${point}`);
      await tab.fill("#dossier", dossier);
      await Promise.all([tab.waitForURL(`${server.url}/links/${point}`), tab.click("button[type=submit]")]);
      const urls = await qrTexts(tab, ".slip__qr");
      expect(urls).toHaveLength(1);
      // 64 characters: dossier hash and issuer both signed in.
      expect(urls[0]).toMatch(/\?t=[A-Za-z0-9_-]{64}$/);
      return new URL(urls[0]!).searchParams.get("t")!;
    };
    const first = await slipFor("000.00.10.H35-260315-0042");
    const reprint = await slipFor("000.00.10.h35-260315-0042");
    expect((await submit(first, point)).status).toBe(201);
    expect((await submit(reprint, point)).status).toBe(409);
    await tab.close();
  });
});
