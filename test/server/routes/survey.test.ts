import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../server/app.js";
import { responses, units } from "../../../server/db/schema.js";
import { signLinkToken } from "../../../server/links/link-token.js";
import { createTestApp, FROZEN_NOW } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "STP", name: "Sở Tư pháp <script>alert(1)</script>" });
await makeUnit(t, { code: "OLD", name: "Phòng cũ" });
await makeService(t, { code: "1.001193", name: "Đăng ký khai sinh", units: ["STP"] });
await makeService(t, { code: "1.000656", name: "Đăng ký kết hôn", units: ["STP"] });
const counter = await makePoint(t, { unit: "STP", label: "Quầy số 3" });
const quick = await makePoint(t, { unit: "STP", label: "Quầy nhanh", form: "quick" });
const fixed = await makePoint(t, { unit: "STP", label: "Quầy khai sinh", service: "1.001193" });
const linkOnly = await makePoint(t, { unit: "STP", label: "Quầy đất đai", tokenRequired: true });
const moved = await makePoint(t, { unit: "STP", label: "Quầy số 9", archived: true });
const inOldUnit = await makePoint(t, { unit: "OLD", label: "Quầy phòng cũ" });
await t.db.update(units).set({ archivedAt: FROZEN_NOW }).where(eq(units.code, "OLD"));

// The same app with a client script, as the Node entry builds it after `npm run build`.
const withScript = createApp({ ...t.deps, surveyScript: "window.surveyScriptRan=true" });

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

function post(code: string, fields: Record<string, string>, query = "") {
  return t.app.request(`/s/${code}${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const storedRows = (pointId: number) =>
  t.db.select().from(responses).where(eq(responses.pointId, pointId)).all();

const link = (pointCode: string) =>
  signLinkToken({ secret: t.deps.config.secret, pointCode, expiresAt: FROZEN_NOW + 86_400_000 });

describe("GET /s/:code", () => {
  it("renders a real form: radios named by item code, a hidden id and language, posting back to itself", async () => {
    const res = await get(`/s/${counter.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).toContain(`<form method="post" action="/s/${counter.code}"`);
    for (const item of ["TC1", "TC4", "TT4", "CC5", "KQ3", "PA3", "E7", "gender", "occupation"]) {
      expect(html).toContain(`name="${item}" value="`);
    }
    expect(html.match(/type="radio" name="TC1"/g)).toHaveLength(6);
    expect(html).toMatch(/<input type="hidden" name="id" value="[0-9a-f-]{36}"/);
    expect(html).toContain('<input type="hidden" name="lang" value="vi"');
    expect(html).toContain("<legend><b>1.</b> Cơ quan cung cấp thông tin");
    // One row of 1–5 and a skip; every option is named with its scale word for screen readers.
    expect(html).toContain(
      '<input type="radio" name="TC1" value="1"/><span>1<span class="sr"> Rất không hài lòng</span></span>',
    );
    expect(html).toContain('<input type="radio" name="TC1" value/><span>Bỏ qua</span>');
    // Without JavaScript, the language links say that the answers do not come along.
    expect(html).toContain('<p class="note" id="lang-note">Đổi ngôn ngữ sẽ xoá các câu đã trả lời.</p>');
    expect(html).toContain("Quầy số 3");
  });

  it("asks the five questions of the quick form", async () => {
    const html = await (await get(`/s/${quick.code}`)).text();
    for (const item of ["TC", "TT", "CC", "KQ", "PA"]) expect(html).toContain(`name="${item}" value="5"`);
    expect(html).not.toContain('name="TC1"');
  });

  it("offers the unit's services when the point has none fixed, and names the fixed one otherwise", async () => {
    const picker = await (await get(`/s/${counter.code}`)).text();
    expect(picker).toContain('<select id="service" name="service"');
    expect(picker).toContain('<option value="1.000656">Đăng ký kết hôn</option>');
    const shown = await (await get(`/s/${fixed.code}`)).text();
    expect(shown).not.toContain('name="service"');
    expect(shown).toContain("<strong>Đăng ký khai sinh</strong>");
  });

  it("speaks the language asked for by ?lang=, else by Accept-Language, else Vietnamese", async () => {
    expect(await (await get(`/s/${counter.code}?lang=en`)).text()).toMatch(
      /<html lang="en">[\s\S]*Satisfaction/,
    );
    const chinese = await (await get(`/s/${counter.code}`, { "accept-language": "zh-CN,zh;q=0.9" })).text();
    expect(chinese).toMatch(/<html lang="zh-Hans">/);
    expect(await (await get(`/s/${counter.code}`, { "accept-language": "fr" })).text()).toMatch(
      /<html lang="vi">/,
    );
  });

  it("links every language, keeping the kiosk mode", async () => {
    const html = await (await get(`/s/${counter.code}?kiosk=1`)).text();
    for (const lang of ["vi", "zh", "en"]) {
      expect(html).toContain(`href="/s/${counter.code}?lang=${lang}&amp;kiosk=1"`);
    }
    expect(html).toContain('<input type="hidden" name="channel" value="kiosk"');
  });

  it("accepts a code typed in lower case", async () => {
    expect((await get(`/s/${counter.code.toLowerCase()}`)).status).toBe(200);
  });

  it("inlines the client script with the request's CSP nonce, its texts safely, and the thank-you it shows", async () => {
    const res = await withScript.request(`/s/${counter.code}`);
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">window.surveyScriptRan=true</script>`);
    const text = /<script type="application\/json" id="survey-text">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(text!)).toMatchObject({ point: counter.code, kiosk: false });
    // The questions travel once, as the form's markup: not again in the script's texts.
    expect(text).not.toContain("Cơ quan cung cấp thông tin");
    expect(html).toMatch(/<template id="thanks"><div class="msg" role="status"><h2 tabindex="-1">Xin cảm ơn/);
    // The unit's name is escaped where it is shown and never closes a script element.
    expect(html).toContain("Sở Tư pháp &lt;script>alert(1)&lt;/script>");
    expect(html).not.toContain("<script>alert(1)");
  });

  it("is a plain working form when no client script was built", async () => {
    const html = await (await get(`/s/${counter.code}`)).text();
    expect(html).not.toContain("<script");
    expect(html).toContain('<button type="submit">Gửi ý kiến</button>');
  });

  it("answers an unknown code with a friendly 404 page in the visitor's language", async () => {
    const res = await get("/s/ZZZZZZ?lang=en");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Survey point not found");
    expect(html).toContain("ZZZZZZ");
  });

  it("tells an old poster's visitor that the counter has moved", async () => {
    for (const point of [moved, inOldUnit]) {
      const res = await get(`/s/${point.code}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain("Quầy này đã chuyển");
      expect(html).toContain(point.label);
      expect(html).not.toContain("<form");
    }
  });

  it("asks for the personal link at a point that requires one, and refuses a bad or used one", async () => {
    const required = await get(`/s/${linkOnly.code}`);
    expect(required.status).toBe(403);
    expect(await required.text()).toContain("Cần đường dẫn riêng");
    const bad = await get(`/s/${linkOnly.code}?t=forged`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain("Đường dẫn không dùng được");
    const { token } = await link(linkOnly.code);
    const good = await get(`/s/${linkOnly.code}?t=${token}`);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain(`<input type="hidden" name="token" value="${token}"`);
    expect((await post(linkOnly.code, { id: crypto.randomUUID(), lang: "vi", token, KQ1: "4" })).status).toBe(
      303,
    );
    const used = await get(`/s/${linkOnly.code}?t=${token}`);
    expect(used.status).toBe(409);
    expect(await used.text()).toContain("Ý kiến đã được gửi");
  });
});

describe("POST /s/:code (the form without JavaScript)", () => {
  it("stores the answers and shows the thank-you in the form's language", async () => {
    const id = crypto.randomUUID();
    const res = await post(counter.code, {
      id,
      lang: "en",
      service: "1.000656",
      TC1: "5",
      TC2: "",
      CC1: "4",
      E2: "1",
      gender: "female",
      comment: "Rất tốt, gọi 0912.345.678",
      website: "",
    });
    // Post/redirect/get: the thank-you is a GET, so reloading it never posts again.
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/s/${counter.code}?lang=en&thanks=1`);
    const thanks = await get(res.headers.get("location")!);
    expect(thanks.status).toBe(200);
    expect(thanks.headers.get("cache-control")).toBe("no-store");
    const html = await thanks.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain("Thank you!");
    const [row] = (await storedRows(counter.id)).filter((r) => r.id === id);
    expect(row).toMatchObject({ lang: "en", channel: "qr", gender: "female", comment: "Rất tốt, gọi ***" });
    expect(JSON.parse(row!.answers)).toEqual({ TC1: 5, CC1: 4 });
    expect(JSON.parse(row!.expectations!)).toEqual({ E2: 1 });
  });

  it("gives the same form id to a device that asks again (Back after a no-JS post), a new one on ?new=1", async () => {
    const first = await get(`/s/${counter.code}`);
    const idOf = (html: string) => /name="id" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    const id = idOf(await first.text());
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^hl_form=${id}; Max-Age=1800; Path=/s/${counter.code}; SameSite=Lax`));
    const again = await get(`/s/${counter.code}`, { cookie: `hl_form=${id}` });
    expect(idOf(await again.text())).toBe(id);
    const fresh = await get(`/s/${counter.code}?lang=vi&new=1`, { cookie: `hl_form=${id}` });
    expect(idOf(await fresh.text())).not.toBe(id);
    const forged = await get(`/s/${counter.code}`, { cookie: "hl_form=not-an-id" });
    expect(idOf(await forged.text())).toMatch(/^[0-9a-f-]{36}$/);
    // The thank-you's "start again" asks for a new form.
    const thanks = await (await get(`/s/${counter.code}?lang=vi&thanks=1`)).text();
    expect(thanks).toContain(`href="/s/${counter.code}?lang=vi&amp;new=1"`);
  });

  it("takes the same page twice as one response (Back, then send again)", async () => {
    const fields = { id: crypto.randomUUID(), lang: "vi", TT1: "3" };
    expect((await post(quick.code, { ...fields, TT: "3", TT1: "" })).status).toBe(303);
    const again = await post(quick.code, { ...fields, TT: "3", TT1: "" });
    expect(again.status).toBe(303);
    expect((await get(again.headers.get("location")!)).status).toBe(200);
    expect((await storedRows(quick.id)).filter((r) => r.id === fields.id)).toHaveLength(1);
  });

  it("refuses the same id with other answers with a page that says so", async () => {
    const id = crypto.randomUUID();
    await post(quick.code, { id, lang: "vi", CC: "5" });
    const res = await post(quick.code, { id, lang: "vi", CC: "1" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Phiếu này đã được gửi trước đó");
  });

  it("shows a kiosk's thank-you that goes back to a fresh form by itself", async () => {
    const id = crypto.randomUUID();
    const res = await post(counter.code, { id, lang: "zh", channel: "kiosk", PA1: "2" }, "?kiosk=1");
    expect(res.headers.get("location")).toBe(`/s/${counter.code}?lang=zh&thanks=1&kiosk=1`);
    const html = await (await get(res.headers.get("location")!)).text();
    // The next citizen starts in the counter's own language (the tablet's), not in the last one's choice.
    expect(html).toContain(
      `<meta http-equiv="refresh" content="10;url=/s/${counter.code}?kiosk=1&amp;new=1"`,
    );
    expect(html).toContain("谢谢您！");
    const next = await (await get(`/s/${counter.code}?kiosk=1`, { "accept-language": "vi-VN" })).text();
    expect(next).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).toContain("10 秒后将打开新的问卷");
    expect((await storedRows(counter.id)).find((r) => r.id === id)?.channel).toBe("kiosk");
  });

  it("shows the form again, filled as it was, when nothing was answered or a value is wrong", async () => {
    const empty = await post(counter.code, { id: crypto.randomUUID(), lang: "vi", comment: "Chưa chọn gì" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain("Xin Ông/Bà trả lời ít nhất một câu hỏi");
    expect(html).toContain(">Chưa chọn gì</textarea>");
    // The message sits just above the first question and takes the focus when the page loads.
    expect(html).toMatch(
      /<p id="survey-error" class="msg alert" role="alert" tabindex="-1" autofocus[^>]*>Xin Ông\/Bà/,
    );
    expect(html.indexOf('id="survey-error"')).toBeLessThan(html.indexOf('name="TC1"'));
    const wrong = await post(counter.code, { id: crypto.randomUUID(), lang: "en", TC1: "9", TC2: "4" });
    expect(wrong.status).toBe(400);
    const again = await wrong.text();
    expect(again).toContain("Some answers are not valid.");
    expect(again).toMatch(/name="TC2" value="4" checked/);
  });

  it("counts the comment in characters: 2,000 emoji are kept, one more shows the form again saying so", async () => {
    const form = await (await get(`/s/${counter.code}`)).text();
    // HTML's maxlength counts UTF-16 units and would cut 2,000 emoji at 1,000.
    expect(form).toMatch(/<textarea id="comment" name="comment" aria-describedby="comment-hint">/);
    const id = crypto.randomUUID();
    const kept = await post(counter.code, { id, lang: "vi", TC1: "4", comment: "😀".repeat(2000) });
    expect(kept.status).toBe(303);
    expect((await storedRows(counter.id)).find((r) => r.id === id)?.comment).toBe("😀".repeat(2000));
    const long = await post(counter.code, {
      id: crypto.randomUUID(),
      lang: "en",
      TC1: "4",
      comment: "😀".repeat(2001),
    });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("The comment is too long: 1 over the 2000-character limit.");
    expect(html).toContain(`>${"😀".repeat(2001)}</textarea>`);
  });

  it("answers a bot that fills the honeypot like a citizen, and stores nothing", async () => {
    const id = crypto.randomUUID();
    const res = await post(counter.code, { id, lang: "vi", TC1: "1", website: "http://spam.example" });
    expect(res.status).toBe(303);
    expect((await storedRows(counter.id)).find((r) => r.id === id)).toBeUndefined();
  });

  it("answers unknown, moved and link-only points with their pages", async () => {
    const fields = { id: crypto.randomUUID(), lang: "vi", TC1: "5" };
    expect((await post("ZZZZZZ", fields)).status).toBe(404);
    const movedPage = await post(moved.code, fields);
    expect(movedPage.status).toBe(404);
    expect(await movedPage.text()).toContain("Quầy này đã chuyển");
    const required = await post(linkOnly.code, { ...fields, KQ1: "5" });
    expect(required.status).toBe(403);
    expect(await required.text()).toContain("Cần đường dẫn riêng");
  });

  it("refuses other media types and huge bodies", async () => {
    const json = await t.app.request(`/s/${counter.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ TC1: 5 }),
    });
    expect(json.status).toBe(415);
    const huge = await post(counter.code, {
      id: crypto.randomUUID(),
      lang: "vi",
      comment: "x".repeat(70_000),
    });
    expect(huge.status).toBe(413);
  });
});

describe("POST /s/:code rate limit", async () => {
  const limited = await createTestApp({ config: { rateLimit: 1 } });
  await makeUnit(limited, { code: "U" });
  const point = await makePoint(limited, { unit: "U" });
  const send = () =>
    limited.app.request(`/s/${point.code}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": "203.0.113.9" },
      body: new URLSearchParams({ id: crypto.randomUUID(), lang: "vi", TC1: "5" }).toString(),
    });

  it("shows the form again with a 429 and the answers kept", async () => {
    expect((await send()).status).toBe(303);
    const res = await send();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
    const html = await res.text();
    expect(html).toContain("Có quá nhiều phiếu gửi từ mạng này");
    expect(html).toMatch(/name="TC1" value="5" checked/);
  });
});
