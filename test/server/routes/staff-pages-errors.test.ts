import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

// Posters and slips open in a browser tab: a refusal there is a page in the reader's language; a
// dossier already rated gets no new (dead) link.

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "MINE", parent: "H35" });
await makeUnit(t, { code: "OTHER", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["MINE"] });
const other = await makePoint(t, { unit: "OTHER" });
const mine = await makePoint(t, { unit: "MINE" });
const staff = await makeUser(t, { role: "staff", unit: "MINE" });
const BROWSER = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "accept-language": "vi-VN,vi;q=0.9" };

describe("a poster outside the staff member's scope", () => {
  it("answers a browser with an HTML page saying why, in Vietnamese", async () => {
    const res = await t.request("GET", `/posters/${other.code}`, { auth: staff.auth, headers: BROWSER });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("Không mở được trang này");
    expect(html).not.toContain('"error"');
  });

  it("keeps the JSON envelope for a script", async () => {
    const res = await t.request("GET", `/posters/${other.code}`, { auth: staff.auth });
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });
});

describe("a new link for a dossier already rated", () => {
  it("is refused (409) instead of handing out a dead link, and the slip page says why", async () => {
    const first = await t.request("POST", `/api/v1/points/${mine.code}/links`, {
      auth: staff.auth,
      body: { dossier: "000.00.17.H35-260315-0001" },
    });
    expect(first.status).toBe(201);
    const [link] = (await first.json()).links;
    const answer = await t.request("POST", "/api/v1/responses", {
      body: { id: crypto.randomUUID(), point: mine.code, lang: "vi", answers: { TC1: 5 }, token: link.token },
    });
    expect(answer.status).toBe(201);
    const again = await t.request("POST", `/api/v1/points/${mine.code}/links`, {
      auth: staff.auth,
      body: { dossier: "000.00.17.h35-260315-0001" },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("CONFLICT");
    const slip = await t.request("POST", `/links/${mine.code}`, {
      auth: staff.auth,
      body: "dossier=000.00.17.H35-260315-0001&count=1",
      headers: { ...BROWSER, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(slip.status).toBe(409);
    expect(await slip.text()).toContain("Hồ sơ này đã được người dân đánh giá");
  });
});
