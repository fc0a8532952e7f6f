import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { nativeExportReader } from "../../../server/db/native-export.js";
import type { ExportScope } from "../../../server/db/queries/reports.js";
import { type ExportReader, keysetExportReader } from "../../../server/reports/export-rows.js";
import { responsesCsvStream } from "../../../server/reports/responses-csv.js";
import { csvText, neutralised } from "../reports/expect-rows.js";
import { buildFixture, get, HOSTILE, localTime } from "../reports/fixture.js";

const f = await buildFixture();
const PERIOD = "from=2026-02-01&to=2026-03-31";
const { admin, staff } = f.users;

// DESIGN.md §3, in this order: the 19 full items, the 5 quick ones, the 7 expectations.
const COLUMNS = [
  "id",
  "submitted_at",
  "day",
  "unit_code",
  "point_code",
  "service_code",
  "form",
  "lang",
  "channel",
  ..."TC1 TC2 TC3 TC4 TT1 TT2 TT3 TT4 CC1 CC2 CC3 CC4 CC5 KQ1 KQ2 KQ3 PA1 PA2 PA3".split(" "),
  ..."TC TT CC KQ PA".split(" "),
  ..."E1 E2 E3 E4 E5 E6 E7".split(" "),
  "gender",
  "age_band",
  "ethnicity",
  "education",
  "occupation",
  "comment",
  "officer_username",
];

async function exportCsv(query: string) {
  const res = await get(f.t, `/api/v1/reports/responses.csv?${query}`, admin.auth);
  expect(res.status).toBe(200);
  return { res, text: csvText(new Uint8Array(await res.arrayBuffer())) };
}

/** The records of a CSV as objects keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text) as string[][];
  expect(header).toEqual(COLUMNS);
  return rows.map((row) => Object.fromEntries(COLUMNS.map((column, i) => [column, row[i] ?? ""])));
}

describe("GET /api/v1/reports/responses.csv", () => {
  it("has one row per response in storage order, with DESIGN's columns", async () => {
    const { res, text } = await exportCsv(PERIOD);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(
      'filename="responses_2026-02-01_2026-03-31.csv"',
    );
    const rows = records(text);
    const byId = Object.fromEntries(Object.entries(f.ids).map(([name, id]) => [id, name]));
    // The order they were stored in, not their days: R4 (15 Feb) was sent after R2 (28 Feb).
    expect(rows.map((row) => byId[row.id!])).toEqual(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"]);
  });

  it("writes every field of a response, the answers under their item codes", async () => {
    const rows = records((await exportCsv(PERIOD)).text);
    const blank = Object.fromEntries(COLUMNS.map((column) => [column, ""]));
    expect(rows.find((row) => row.id === f.ids.R1)).toEqual({
      ...blank,
      id: f.ids.R1,
      submitted_at: "2026-02-10T03:00:00.000Z",
      day: "2026-02-10",
      unit_code: "STP",
      point_code: f.points.P1.code,
      service_code: "1.001193",
      form: "full",
      lang: "vi",
      channel: "qr",
      TC1: "5",
      TC2: "4",
      TT1: "3",
      CC1: "2",
      E1: "1",
      E4: "3",
      gender: "female",
      age_band: "35-49",
      comment: neutralised(HOSTILE.r1Comment),
    });
    expect(rows.find((row) => row.id === f.ids.R3)).toEqual({
      ...blank,
      id: f.ids.R3,
      submitted_at: "2026-02-20T02:00:00.000Z",
      day: "2026-02-20",
      unit_code: "STP",
      point_code: f.points.P2.code,
      form: "quick",
      lang: "zh",
      channel: "qr",
      TC: "4",
      TT: "5",
      CC: "3",
      KQ: "5",
      comment: HOSTILE.r3Comment,
    });
  });

  it("puts a response on its day in Hanoi and keeps its UTC instant", async () => {
    const rows = records((await exportCsv(PERIOD)).text);
    const at = (name: string) => rows.find((row) => row.id === f.ids[name]);
    expect([at("R2")?.day, at("R2")?.submitted_at]).toEqual(["2026-02-28", "2026-02-28T16:30:00.000Z"]);
    expect([at("R5")?.day, at("R5")?.submitted_at]).toEqual(["2026-03-01", "2026-02-28T17:15:00.000Z"]);
    const march1 = records((await exportCsv("from=2026-03-01&to=2026-03-01")).text);
    expect(march1.map((row) => row.id)).toEqual([f.ids.R5]);
  });

  it("round-trips hostile comments: neutralised, quoted, masked where they held a phone number", async () => {
    const rows = records((await exportCsv(PERIOD)).text);
    const comment = (name: string) => rows.find((row) => row.id === f.ids[name])?.comment;
    expect(comment("R1")).toBe(`'${HOSTILE.r1Comment}`);
    expect(comment("R2")).toBe(`'${HOSTILE.r2Comment}`);
    expect(comment("R6")).toBe(`'${HOSTILE.r6Comment}`);
    expect(comment("R3")).toBe(HOSTILE.r3Comment);
    expect(comment("R7")).toBe("Gọi tôi *** nhé");
  });

  it("is the header alone for a period without responses", async () => {
    expect((await exportCsv("from=2025-01-01&to=2025-01-31")).text).toBe(`${COLUMNS.join(",")}\r\n`);
  });

  it("reads the same bytes through Node's native iterator as through keyset pages of any size", async () => {
    for (let i = 0; i < 7; i++) {
      f.t.clock.set(localTime("2026-03-20", 9, i));
      const res = await f.t.request("POST", "/api/v1/responses", {
        body: { id: crypto.randomUUID(), point: f.points.P1.code, lang: "vi", answers: { TC1: 1 + (i % 5) } },
      });
      expect(res.status).toBe(201);
    }
    const stp = await f.t.client.execute("SELECT path FROM units WHERE code = 'STP'");
    const scopes: ExportScope[] = [
      { period: { from: "2026-02-01", to: "2026-03-31" }, subtree: null },
      { period: { from: "2026-02-16", to: "2026-03-20" }, subtree: String(stp.rows[0]?.path) },
    ];
    const csv = async (reader: ExportReader, scope: ExportScope) =>
      new Uint8Array(await new Response(responsesCsvStream(reader(scope))).arrayBuffer());
    for (const scope of scopes) {
      // The route's reader on Node (as createTestApp wires it, like server/node.ts), in batches of 3 too.
      const native = await csv(nativeExportReader(join(f.t.dir, "test.db")), scope);
      expect(records(new TextDecoder().decode(native)).length).toBeGreaterThan(5);
      expect(await csv(nativeExportReader(join(f.t.dir, "test.db"), 3), scope)).toEqual(native);
      for (const pageSize of [1, 2, 3, 16]) {
        const keyset = await csv(keysetExportReader(f.t.db, pageSize), scope);
        expect(keyset, `page size ${pageSize}`).toEqual(native);
      }
    }
    const whole = (await exportCsv(PERIOD)).text;
    expect(new TextDecoder().decode(await csv(keysetExportReader(f.t.db), scopes[0]!))).toBe(whole);
    expect(records(whole)).toHaveLength(15);
  });
});

describe("GET /api/v1/reports/comments", () => {
  type Page = { from: string; to: string; comments: Record<string, unknown>[]; next: string | null };
  const comments = async (query: string) => {
    const res = await get(f.t, `/api/v1/reports/comments?${query}`, admin.auth);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };

  it("lists the newest first, with point, service, day and the personal-data flag; text masked", async () => {
    const page = await comments(PERIOD);
    expect(page.comments.map((c) => c.comment)).toEqual([
      "Gọi tôi *** nhé",
      HOSTILE.r6Comment,
      HOSTILE.r2Comment,
      HOSTILE.r3Comment,
      HOSTILE.r1Comment,
    ]);
    expect(page.comments[0]).toEqual({
      day: "2026-03-14",
      submitted_at: "2026-03-14T09:00:00.000Z",
      unit_code: "HCTP",
      unit_name: HOSTILE.hctpName,
      point_code: f.points.P3.code,
      point_label: "Quầy số 3",
      service_code: "1.001193",
      service_name: "Đăng ký khai sinh",
      lang: "vi",
      comment: "Gọi tôi *** nhé",
      comment_has_pii: true,
    });
    expect(page.comments[2]).toMatchObject({ day: "2026-02-28", service_code: "2.000488", lang: "en" });
    expect(page.comments[3]).toMatchObject({
      service_code: null,
      service_name: null,
      comment_has_pii: false,
    });
    expect(page.next).toBeNull();
  });

  it("pages with next until it is null", async () => {
    const seen: unknown[] = [];
    let query = `${PERIOD}&limit=2`;
    const sizes: number[] = [];
    for (;;) {
      const page = await comments(query);
      sizes.push(page.comments.length);
      seen.push(...page.comments.map((c) => c.comment));
      if (page.next === null) break;
      query = `${PERIOD}&limit=2&before=${encodeURIComponent(page.next)}`;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual((await comments(PERIOD)).comments.map((c) => c.comment));
  });

  it("filters by service", async () => {
    const s2 = await comments(`${PERIOD}&service=2.000488`);
    expect(s2.comments.map((c) => c.comment)).toEqual([HOSTILE.r2Comment]);
    const s1 = await comments(`${PERIOD}&service=1.001193`);
    expect(s1.comments.map((c) => c.day)).toEqual(["2026-03-14", "2026-03-10", "2026-02-10"]);
  });

  it("answers 404 to an unknown service, 400 to a malformed one or a malformed cursor", async () => {
    const status = async (query: string) =>
      (await get(f.t, `/api/v1/reports/comments?${query}`, admin.auth)).status;
    expect(await status(`${PERIOD}&service=9.999999`)).toBe(404);
    expect(await status(`${PERIOD}&service=1001193`)).toBe(400);
    expect(await status(`${PERIOD}&before=yesterday`)).toBe(400);
    expect(await status(`${PERIOD}&limit=0`)).toBe(400);
    expect(await status(`${PERIOD}&limit=5000`)).toBe(400);
  });
});

describe("GET /api/v1/reports/method", () => {
  const method = async (query: string, headers: Record<string, string> = {}) => {
    const res = await f.t.request("GET", `/api/v1/reports/method${query}`, { auth: admin.auth, headers });
    expect(res.status).toBe(200);
    return (await res.json()) as { lang: string; title: string; paragraphs: string[] };
  };

  it("explains the rule in Vietnamese by default, and says it is SIPAS-style monitoring", async () => {
    const vi = await method("");
    expect(vi.lang).toBe("vi");
    expect(vi.title).toBe("Cách tính các số liệu");
    expect(vi.paragraphs).toHaveLength(10);
    expect(vi.paragraphs[0]).toContain("không phải kết quả SIPAS chính thức");
    expect(vi.paragraphs.join(" ")).toContain("4 (Hài lòng) hoặc 5 (Rất hài lòng)");
  });

  it("speaks English and Chinese when asked", async () => {
    const en = await method("?lang=en");
    expect(en.title).toBe("How these figures are computed");
    expect(en.paragraphs[0]).toContain("not the official SIPAS result");
    expect(en.paragraphs.join(" ")).toContain("fewer than 30");
    expect((await method("", { "accept-language": "zh-CN,zh;q=0.9" })).lang).toBe("zh");
  });

  it("is for analysts and admins", async () => {
    expect((await get(f.t, "/api/v1/reports/method", staff.auth)).status).toBe(403);
  });
});
