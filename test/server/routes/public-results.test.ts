import { describe, expect, it } from "vitest";
import { buildFixture, get, HOSTILE, localTime } from "../reports/fixture.js";

// The citizens' results page and the lobby poster: opt-in per unit, totals of the unit only.

const f = await buildFixture();
const { admin, stpAdmin, stpAnalyst, staff } = f.users;
// 2026-04-02 in Hanoi: last full month March, last full quarter Q1, year to date from 1 January.
f.t.clock.set(localTime("2026-04-02"));

const patch = (code: string, body: unknown, auth = admin.auth) =>
  f.t.request("PATCH", `/api/v1/units/${code}`, { auth, body });

describe("PATCH /api/v1/units/:code { publicResults }", () => {
  it("is off by default, and only an admin in scope turns it on", async () => {
    expect((await (await get(f.t, "/api/v1/units/STP", admin.auth)).json()).unit.publicResults).toBe(false);
    expect((await patch("STP", { publicResults: true }, stpAnalyst.auth)).status).toBe(403);
    expect((await patch("SNV", { publicResults: true }, stpAdmin.auth)).status).toBe(403);
    expect((await patch("STP", { publicResults: "yes" })).status).toBe(400);
    const res = await patch("STP", { publicResults: true }, stpAdmin.auth);
    expect(res.status).toBe(200);
    expect((await res.json()).unit.publicResults).toBe(true);
    expect((await (await get(f.t, "/api/v1/units/STP", admin.auth)).json()).unit.publicResults).toBe(true);
  });
});

describe("GET /p/:unitCode", () => {
  it("answers 404 for a unit that has not opted in, and for an unknown code", async () => {
    for (const path of ["/p/SNV", "/p/NOPE", "/p/%3Cscript%3E"]) {
      const res = await get(f.t, path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain("Không có trang kết quả");
    }
  });

  it("shows an opted-in unit's totals for last month, last quarter and the year, with small-sample wording", async () => {
    const [march] = (
      await (
        await get(f.t, "/api/v1/reports/sipas?from=2026-03-01&to=2026-03-31&by=total&unit=STP", admin.auth)
      ).json()
    ).rows;
    const res = await get(f.t, "/p/STP");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Sở Tư pháp");
    expect(html).toContain("Tháng 03/2026");
    expect(html).toContain("Quý 1/2026");
    expect(html).toContain("Từ đầu năm 2026 đến nay");
    const shown = (march.sipas_index as number).toFixed(2).replace(".", ",");
    expect(html).toContain(`${shown}%`);
    expect(html).toContain(`Mới có ${march.respondents} người trả lời`);
    expect(html).not.toContain("<script");
    expect(html.length).toBeLessThan(20_000);
  });

  it("never shows a comment, a counter or a point", async () => {
    const html = await (await get(f.t, "/p/STP")).text();
    for (const text of [
      HOSTILE.r6Comment,
      HOSTILE.r3Comment,
      "Quầy số 1",
      HOSTILE.p2Label,
      f.points.P1.code,
      "0912",
    ]) {
      expect(html).not.toContain(text);
    }
  });

  it("covers the unit's own subtree only, and speaks Chinese and English", async () => {
    const zh = await (await get(f.t, "/p/STP?lang=zh")).text();
    expect(zh).toContain("群众满意度评价结果");
    const en = await (await get(f.t, "/p/STP", undefined)).text();
    expect(en).toContain('lang="vi"');
    const res = await f.t.request("GET", "/p/stp", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(await res.text()).toContain("How satisfied people are");
    // SNV's response (R8, 2026-03-05) is not STP's.
    await patch("SNV", { publicResults: true });
    const snv = await (await get(f.t, "/p/SNV")).text();
    expect(snv).toContain("Mới có 1 người trả lời");
    await patch("SNV", { publicResults: false });
    expect((await get(f.t, "/p/SNV")).status).toBe(404);
  });
});

describe("GET /posters/results/:unitCode", () => {
  it("prints last month's result with the survey QR of the unit's first open point", async () => {
    const res = await get(f.t, "/posters/results/STP?format=a4", staff.auth);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Kết quả đánh giá của người dân");
    // "@Quầy nhanh" (P2) sorts before "Quầy số 1": the first open point by label.
    expect(html).toContain(`aria-label="http://hailong.test/s/${f.points.P2.code}"`);
    expect(html).toContain("hailong.test/p/STP");
    expect(html).not.toContain(HOSTILE.r6Comment);
  });

  it("refuses a unit that does not publish, outside scope, and bad formats", async () => {
    expect((await get(f.t, "/posters/results/SNV", admin.auth)).status).toBe(409);
    expect((await get(f.t, "/posters/results/SNV", staff.auth)).status).toBe(403);
    expect((await get(f.t, "/posters/results/STP", stpAnalyst.auth)).status).toBe(403);
    expect((await get(f.t, "/posters/results/STP?format=a0", admin.auth)).status).toBe(400);
    expect((await get(f.t, "/posters/results/NOPE", admin.auth)).status).toBe(404);
  });
});
