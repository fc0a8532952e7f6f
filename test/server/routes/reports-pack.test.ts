import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { vi } from "../../../shared/i18n/vi.js";
import { roundForDisplay } from "../../../shared/scoring/index.js";
import { makeUser } from "../../helpers/factories.js";
import { csvText } from "../reports/expect-rows.js";
import { buildFixture, get, localTime } from "../reports/fixture.js";
import { type ReadCell, readWorkbook, xlsxFiles } from "../reports/read-xlsx.js";

// The report pack read back as a person's spreadsheet program would: every sheet, header and figure is
// compared with the JSON reports of the same query, on a fixture that has two years of responses.

const f = await buildFixture();
const { admin, stpAnalyst, staff } = f.users;
const { P1, P3, P4 } = f.points;

/** Responses of 2025: the previous half-year (July–December) and the same half a year earlier. */
async function send(at: number, point: { code: string }, answers: Record<string, number>) {
  f.t.clock.set(at);
  const res = await f.t.request("POST", "/api/v1/responses", {
    body: { id: crypto.randomUUID(), point: point.code, lang: "vi", answers },
  });
  expect(res.status).toBe(201);
}
await send(localTime("2025-02-12"), P1, { TC1: 4, TT1: 2, CC1: 5, KQ1: 5 });
await send(localTime("2025-05-20"), P4, { TC1: 2, CC1: 3 });
await send(localTime("2025-08-03"), P1, { TC1: 5, TC2: 5, TT1: 5, CC1: 5, PA1: 4 });
await send(localTime("2025-11-30"), P3, { TC1: 3, TC2: 2, KQ1: 4 });
await send(localTime("2025-12-31", 23, 30), P1, { TC1: 4, CC1: 4 });

// Issues 16–18 in the half-year: officers on duty (one above the minimum sample of 10, one below), served
// counts, a kiosk response beside the QR ones, and complaints with a contact (one answered in time).
const refs: string[] = [];
for (const day of ["2026-01-20", "2026-01-21"]) {
  f.t.clock.set(localTime(day));
  const res = await f.t.request("POST", "/api/v1/responses", {
    body: {
      id: crypto.randomUUID(),
      point: P1.code,
      lang: "vi",
      answers: { TC1: 2 },
      comment: "Chờ lâu quá",
      followUp: { contact: "0912 345 678", consent: true },
    },
  });
  expect(res.status).toBe(201);
  refs.push(((await res.json()) as { case: { ref: string } }).case.ref);
}
f.t.clock.set(localTime("2026-01-22"));
expect(
  (
    await f.t.request("PATCH", `/api/v1/cases/${refs[0]}`, {
      auth: admin.auth,
      body: { status: "answered", reply: "Đã chấn chỉnh." },
    })
  ).status,
).toBe(200);
const binh = await makeUser(f.t, { role: "staff", unit: "HCTP", username: "binh" });
async function shift(point: { code: string }, auth: typeof staff.auth, name?: string) {
  const res = await f.t.request("POST", `/api/v1/points/${point.code}/shift`, {
    auth,
    body: name ? { name } : undefined,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}
f.t.clock.set(localTime("2026-04-06", 8));
await shift(P1, staff.auth, "Trần An");
for (let i = 0; i < 10; i++) await send(localTime("2026-04-06", 9), P1, { TC1: 5, CC1: 4 });
f.t.clock.set(localTime("2026-04-07", 8));
await shift(P3, binh.auth);
for (let i = 0; i < 3; i++) await send(localTime("2026-04-07", 9), P3, { TC1: 2, CC1: 2 });
f.t.clock.set(localTime("2026-04-08", 8));
async function kiosk(at: number, answers: Record<string, number>) {
  f.t.clock.set(at);
  const res = await f.t.request("POST", "/api/v1/responses", {
    body: { id: crypto.randomUUID(), point: P1.code, lang: "vi", answers, channel: "kiosk" },
  });
  expect(res.status, await res.clone().text()).toBe(201);
}
await kiosk(localTime("2026-05-04"), { TC1: 4, TT1: 4 });
for (const [point, day, count] of [
  [P1, "2026-04-06", 40],
  [P3, "2026-04-07", 6],
  [P1, "2026-02-10", 3],
] as const) {
  const res = await f.t.request("PUT", `/api/v1/points/${point.code}/served/${day}`, {
    auth: admin.auth,
    body: { count },
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}
f.t.clock.set(localTime("2026-07-02"));

const H1 = { from: "2026-01-01", to: "2026-06-30" };
const PREVIOUS = { from: "2025-07-01", to: "2025-12-31" };
const YEAR_EARLIER = { from: "2025-01-01", to: "2025-06-30" };

async function json(path: string, auth = admin.auth) {
  const res = await get(f.t, path, auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const sipas = (period: { from: string; to: string }, by: string, extra = "") =>
  json(`/api/v1/reports/sipas?from=${period.from}&to=${period.to}&by=${by}${extra}`).then((b) => b.rows);

async function pack(query: string, auth = admin.auth) {
  const res = await get(f.t, `/api/v1/reports/pack?${query}`, auth);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, sheets: readWorkbook(new Uint8Array(await res.arrayBuffer())) };
}

const FIGURES = [
  "sipas_index",
  ..."TC TT CC KQ PA".split(" ").map((c) => `${c}_index`),
  ..."TC TT CC KQ PA".split(" ").map((c) => `${c}_mean`),
];
const shown = (value: number | null) => (value === null ? null : roundForDisplay(value));
/** A sheet's rows as records keyed by a header row. */
function records(rows: ReadCell[][], keys: string[]) {
  return rows.slice(1).map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? null])));
}

const { sheets } = await pack("preset=first-half&year=2026");
const sheet = (name: string) => sheets.find((s) => s.name === name)!;

describe("GET /api/v1/reports/pack (workbook)", () => {
  it("has the ten sheets in order, named in Vietnamese, and in English with lang=en", async () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Tổng hợp",
      "Theo đơn vị",
      "Theo thủ tục",
      "Theo câu hỏi",
      "Theo tháng",
      "Theo cán bộ",
      "Theo kênh",
      "Phản ánh, kiến nghị",
      "Ý kiến",
      "Phương pháp",
    ]);
    const english = await pack("preset=first-half&year=2026&lang=en");
    expect(english.sheets.map((s) => s.name)).toEqual([
      "Summary",
      "By unit",
      "By service",
      "By question",
      "By month",
      "By officer",
      "By channel",
      "Complaints and suggestions",
      "Comments",
      "Method",
    ]);
    expect(english.sheets[1]!.rows[0]).toContain("Satisfaction index (%)");
    expect(english.res.headers.get("content-disposition")).toContain(
      "sipas-report_2026-01-01_2026-06-30_en.xlsx",
    );
  });

  it("writes Vietnamese headers, a frozen header row, figures as numbers shown with 2 decimals, landscape fit to width", () => {
    const units = sheet("Theo đơn vị");
    expect(units.rows[0]!.slice(0, 4)).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Số người trả lời",
      "Chỉ số hài lòng (%)",
    ]);
    expect(units.rows[0]).toContain("Chỉ số TC – Tiếp cận dịch vụ (%)");
    for (const s of sheets) {
      expect(s.xml).toContain('state="frozen"');
      expect(s.xml).toContain('orientation="landscape"');
      expect(s.xml).toContain('fitToWidth="1"');
      expect(s.xml).toMatch(/<col min="1" max="1" width="\d+"/);
    }
    expect(units.xml).toMatch(/<c r="D3" s="2"><v>[\d.]+<\/v><\/c>/);
  });

  it("puts the period, the previous half-year and the same half a year earlier side by side, with the changes", async () => {
    const [now] = await sipas(H1, "total");
    const [before] = await sipas(PREVIOUS, "total");
    const [earlier] = await sipas(YEAR_EARLIER, "total");
    expect(before.respondents).toBe(3);
    expect(earlier.respondents).toBe(2);
    const rows = sheet("Tổng hợp").rows;
    const header = rows[0] as string[];
    expect(header[0]).toBe("Chỉ tiêu");
    const keys = ["figure", "unit", "period_from", "period_to", "respondents", ...FIGURES, "small_sample"];
    const [current, previous, change, yearEarlier, changeYear] = records(rows, keys);
    expect(current!.figure).toBe("Kỳ báo cáo (2026-01-01 – 2026-06-30)");
    expect(previous!.figure).toBe("Kỳ trước (2025-07-01 – 2025-12-31)");
    expect(yearEarlier!.figure).toBe("Cùng kỳ năm trước (2025-01-01 – 2025-06-30)");
    for (const [record, row] of [
      [current, now],
      [previous, before],
      [yearEarlier, earlier],
    ] as const) {
      expect(record!.period_from).toBe(row.period_from);
      expect(record!.respondents).toBe(row.respondents);
      for (const name of FIGURES) expect(record![name], name).toBe(shown(row[name]));
      expect(record!.small_sample).toBe("Có");
    }
    for (const name of FIGURES) {
      const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : shown(a - b));
      expect(change![name], name).toBe(delta(now[name], before[name]));
      expect(changeYear![name], name).toBe(delta(now[name], earlier[name]));
    }
    expect(change!.respondents).toBe(now.respondents - before.respondents);
  });

  it("lists units, services and months exactly as /reports/sipas does, with the previous index", async () => {
    for (const [name, by, group] of [
      ["Theo đơn vị", "unit", ["unit_code", "unit_name"]],
      ["Theo thủ tục", "service", ["service_code", "service_name"]],
    ] as const) {
      const rows = await sipas(H1, by);
      const previous = await sipas(PREVIOUS, by);
      const keys = [
        ...group,
        "respondents",
        "sipas_index",
        "previous",
        "change",
        ...FIGURES.slice(1),
        "small",
      ];
      const read = records(sheet(name).rows, keys);
      expect(read).toHaveLength(rows.length);
      rows.forEach((row: Record<string, number | null>, i: number) => {
        const record = read[i]!;
        expect(record[group[0]]).toBe(row[group[0]]);
        expect(record.respondents).toBe(row.respondents);
        for (const figure of FIGURES) expect(record[figure], `${name} ${figure}`).toBe(shown(row[figure]));
        const before = previous.find((p: Record<string, unknown>) => p[group[0]] === row[group[0]]);
        expect(record.previous).toBe(shown(before?.sipas_index ?? null));
      });
    }
    const months = await sipas(H1, "month");
    const read = records(sheet("Theo tháng").rows, ["month", "respondents", ...FIGURES, "small"]);
    expect(read.map((r) => r.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    months.forEach((row: Record<string, number | null>, i: number) => {
      expect(read[i]!.respondents).toBe(row.respondents);
      for (const figure of FIGURES) expect(read[i]![figure]).toBe(shown(row[figure]));
    });
  });

  it("gives every question its full text, counts, index, mean and change as /reports/items does", async () => {
    const items = await json(`/api/v1/reports/items?from=${H1.from}&to=${H1.to}&by=total`).then(
      (b) => b.rows,
    );
    const previous = await json(
      `/api/v1/reports/items?from=${PREVIOUS.from}&to=${PREVIOUS.to}&by=total`,
    ).then((b) => b.rows);
    const keys = [
      "element",
      "item",
      "question",
      "n",
      "c1",
      "c2",
      "c3",
      "c4",
      "c5",
      "index",
      "mean",
      "prev",
      "change",
    ];
    const read = records(sheet("Theo câu hỏi").rows, keys);
    expect(read).toHaveLength(items.length);
    items.forEach((row: Record<string, number | string | null>, i: number) => {
      const record = read[i]!;
      expect(record.item).toBe(row.item);
      expect(record.question).toBe(vi.instrument.items[row.item as keyof typeof vi.instrument.items]);
      expect([record.n, record.c1, record.c2, record.c3, record.c4, record.c5]).toEqual([
        row.n,
        row.count_1,
        row.count_2,
        row.count_3,
        row.count_4,
        row.count_5,
      ]);
      expect(record.index).toBe(shown(row.index as number));
      expect(record.mean).toBe(shown(row.mean as number));
      const before = previous.find((p: { item: string }) => p.item === row.item);
      expect(record.prev).toBe(shown(before?.index ?? null));
      expect(record.change).toBe(before ? shown((row.index as number) - (before.index as number)) : null);
    });
    expect(read.find((r) => r.item === "TC1")!.change).not.toBeNull();
  });

  it("carries the period's comments, newest first and masked, and a method sheet naming its author", async () => {
    const comments = sheet("Ý kiến").rows.slice(1);
    const api = await json(`/api/v1/reports/comments?from=${H1.from}&to=${H1.to}&limit=1000`);
    expect(comments).toHaveLength(api.comments.length);
    expect(comments[0]![0]).toBe("2026-03-14 16:00");
    expect(comments[0]![6]).not.toContain("0912 345 678");
    const times = comments.map((row) => String(row[0]));
    expect([...times].sort().reverse()).toEqual(times);
    const method = sheet("Phương pháp").rows.map((row) => row.join(" | "));
    expect(method.join("\n")).toContain(admin.username);
    expect(method.join("\n")).toContain("Từ 2025-07-01 đến 2025-12-31");
  });

  it("carries the officers of /reports/sipas?by=officer, the minimum sample applied: withheld rows have empty figures", async () => {
    const officers = sheet("Theo cán bộ");
    expect(officers.rows[0]!.slice(0, 5)).toEqual([
      "Tên đăng nhập cán bộ",
      "Cán bộ",
      "Mã đơn vị",
      "Số người trả lời",
      "Chỉ số hài lòng (%)",
    ]);
    const keys = ["officer_username", "officer_name", "unit_code", "respondents", ...FIGURES, "small"];
    for (const [auth, name] of [
      [admin.auth, undefined],
      [stpAnalyst.auth, "STP analyst"],
    ] as const) {
      const api = await json(`/api/v1/reports/sipas?from=${H1.from}&to=${H1.to}&by=officer`, auth).then(
        (b) => b.rows,
      );
      const read = records(
        name ? (await pack("preset=first-half&year=2026", auth)).sheets[5]!.rows : officers.rows,
        keys,
      );
      expect(read).toHaveLength(api.length);
      api.forEach((row: Record<string, number | string | null>, i: number) => {
        const record = read[i]!;
        expect(record.officer_username).toBe(row.officer_username);
        expect(record.unit_code).toBe(row.unit_code);
        expect(record.respondents).toBe(row.respondents);
        for (const figure of FIGURES)
          expect(record[figure], figure).toBe(shown(row[figure] as number | null));
      });
    }
    const read = records(officers.rows, keys);
    expect(read.map((r) => [r.officer_username, r.officer_name, r.respondents])).toEqual([
      [staff.username, "Trần An", 10],
      ["binh", "binh", 3],
      [null, "(không ghi nhận cán bộ)", 11],
    ]);
    expect(read[0]!.sipas_index).toBe(100);
    const withheld = officers.rows[2]!;
    for (const figure of FIGURES) expect(read[1]![figure], figure).toBeNull();
    expect(withheld.slice(4, 4 + FIGURES.length).every((cell) => cell === null || cell === undefined)).toBe(
      true,
    );
    const method = sheet("Phương pháp").rows.map((row) => row.join(" | "));
    expect(method.join("\n")).toContain("ít nhất 10 người trả lời");
  });

  it("carries the channel mix of /reports/sipas?by=channel, with each channel's share", async () => {
    const api = await sipas(H1, "channel");
    const [total] = await sipas(H1, "total");
    const rows = sheet("Theo kênh").rows;
    expect(rows[0]!.slice(0, 4)).toEqual([
      "Kênh trả lời",
      "Tỷ trọng (% người trả lời)",
      "Số người trả lời",
      "Chỉ số hài lòng (%)",
    ]);
    const read = records(rows, ["channel", "share", "respondents", ...FIGURES, "small"]);
    expect(read.map((r) => r.channel)).toEqual([
      "Mã QR",
      "Máy tại quầy",
      "Liên kết dùng một lần",
      "Phiếu giấy",
      "Nhập từ tệp",
    ]);
    expect(api.map((r: { channel: string }) => r.channel)).toEqual([
      "qr",
      "kiosk",
      "link",
      "paper",
      "import",
    ]);
    expect(api[1].respondents).toBe(1);
    api.forEach((row: Record<string, number | null>, i: number) => {
      expect(read[i]!.respondents).toBe(row.respondents);
      expect(read[i]!.share).toBe(shown(((row.respondents as number) / total.respondents) * 100));
      for (const figure of FIGURES) expect(read[i]![figure], figure).toBe(shown(row[figure]));
    });
  });

  it("carries the follow-through of /reports/cases per unit, then the total", async () => {
    const query = `from=${H1.from}&to=${H1.to}`;
    const units = await json(`/api/v1/reports/cases?${query}&by=unit`).then((b) => b.rows);
    const [total] = await json(`/api/v1/reports/cases?${query}&by=total`).then((b) => b.rows);
    const keys = [
      "unit_code",
      "unit_name",
      "cases_opened",
      "answered",
      "answered_in_time",
      "answered_in_time_pct",
      "median_days_to_answer",
      "open",
      "overdue",
    ];
    const rows = sheet("Phản ánh, kiến nghị").rows;
    expect(rows[0]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Phản ánh mới",
      "Đã trả lời",
      "Trả lời đúng hạn",
      "Tỷ lệ trả lời đúng hạn (%)",
      "Số ngày trả lời (trung vị)",
      "Đang xử lý",
      "Quá hạn",
    ]);
    const read = records(rows, keys);
    expect(read).toHaveLength(units.length + 1);
    [...units, { ...total, unit_name: "Tổng cộng" }].forEach((row: Record<string, unknown>, i: number) => {
      for (const key of keys) {
        const value = row[key] as number | string | null;
        expect(read[i]![key], `${row.unit_code} ${key}`).toBe(
          key === "answered_in_time_pct" || key === "median_days_to_answer"
            ? shown(value as number | null)
            : value,
        );
      }
    });
    expect(total).toMatchObject({ cases_opened: 2, answered_in_time: 1, open: 1 });
  });

  it("gives served and response_rate where /reports/sipas does: summary, units and months", async () => {
    const served = (rows: ReadCell[][]) => {
      const header = rows[0] as string[];
      const at = header.indexOf("Số người được phục vụ");
      expect(header[at + 1]).toBe("Tỷ lệ phản hồi (người trả lời ÷ người được phục vụ)");
      return rows.slice(1).map((row) => [row[at] ?? null, row[at + 1] ?? null]);
    };
    const pairs = (rows: Array<{ served: number | null; response_rate: number | null }>) =>
      rows.map((row) => [row.served, shown(row.response_rate)]);
    const [now] = await sipas(H1, "total");
    const [before] = await sipas(PREVIOUS, "total");
    const [earlier] = await sipas(YEAR_EARLIER, "total");
    expect(now.served).toBe(49);
    const summary = served(sheet("Tổng hợp").rows);
    expect([summary[0], summary[1], summary[3]]).toEqual(pairs([now, before, earlier]));
    const units = await sipas(H1, "unit");
    expect(units.some((row: { served: number | null }) => row.served !== null)).toBe(true);
    expect(served(sheet("Theo đơn vị").rows)).toEqual(pairs(units));
    expect(served(sheet("Theo tháng").rows)).toEqual(pairs(await sipas(H1, "month")));
  });

  it("keeps to the caller's scope", async () => {
    const mine = await pack("preset=year&year=2026", stpAnalyst.auth);
    const units = mine.sheets[1]!.rows.slice(1).map((row) => row[0]);
    expect(units).toEqual(["STP", "HCTP"]);
    expect(mine.sheets[0]!.rows[1]![1]).toBe("Sở Tư pháp");
    expect(
      (await get(f.t, "/api/v1/reports/pack?preset=year&year=2026&unit=SNV", stpAnalyst.auth)).status,
    ).toBe(403);
    expect((await get(f.t, "/api/v1/reports/pack?preset=year&year=2026", staff.auth)).status).toBe(403);
    expect((await get(f.t, "/api/v1/reports/pack?preset=year&year=2026&unit=NOPE", admin.auth)).status).toBe(
      404,
    );
  });

  it.each([
    "preset=first-half",
    "preset=year&year=2026&format=pdf",
    "preset=year&year=2026&lang=fr",
    "from=2026-02-01",
  ])("answers 400 to %s", async (query) => {
    const res = await get(f.t, `/api/v1/reports/pack?${query}`, admin.auth);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  });
});

describe("GET /api/v1/reports/pack?format=html", () => {
  it("is one printable document without navigation or script", async () => {
    const res = await get(f.t, "/api/v1/reports/pack?preset=first-half&year=2026&format=html", admin.auth);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Báo cáo kết quả khảo sát sự hài lòng");
    expect(html).toContain("01/01/2026");
    expect(html).not.toMatch(/<nav|<script/);
    expect(html).toContain("@page{size:A4");
    expect(html).toContain("<svg");
  });

  it("prints the response rate, the channel mix and the complaints' follow-through, and names no officer", async () => {
    const res = await get(f.t, "/api/v1/reports/pack?preset=first-half&year=2026&format=html", admin.auth);
    const html = await res.text();
    const [now] = await sipas(H1, "total");
    expect(html).toContain("8. Tỷ lệ phản hồi và kênh trả lời");
    expect(html).toContain(`Tỷ lệ phản hồi: ${(now.response_rate * 100).toFixed(1).replace(".", ",")}%`);
    expect(html).toContain("Máy tại quầy");
    expect(html).toContain("9. Phản ánh, kiến nghị");
    expect(html).toContain("Trong kỳ có 2 phản ánh, kiến nghị mới; 1 được trả lời đúng hạn");
    expect(html).toContain("Bản in không nêu tên cán bộ");
    expect(html).not.toContain("Trần An");
    expect(html).not.toContain("binh");
  });
});

describe("labels=vi on report downloads", () => {
  it("writes Vietnamese headers and question texts, and leaves the default machine columns alone", async () => {
    const plain = await get(
      f.t,
      `/api/v1/reports/items?from=${H1.from}&to=${H1.to}&by=total&format=csv`,
      admin.auth,
    );
    const plainRows = parse(csvText(new Uint8Array(await plain.arrayBuffer())));
    expect(plainRows[0].slice(0, 3)).toEqual(["element", "item", "n"]);
    const res = await get(
      f.t,
      `/api/v1/reports/items?from=${H1.from}&to=${H1.to}&by=total&format=csv&labels=vi`,
      admin.auth,
    );
    const rows = parse(csvText(new Uint8Array(await res.arrayBuffer())));
    expect(rows[0].slice(0, 4)).toEqual(["Yếu tố", "Mã câu hỏi", "Nội dung câu hỏi", "Số trả lời hợp lệ"]);
    expect(rows[1][2]).toBe(vi.instrument.items.TC1);
    const xlsx = await get(
      f.t,
      `/api/v1/reports/sipas?from=${H1.from}&to=${H1.to}&by=unit&format=xlsx&labels=vi`,
      admin.auth,
    );
    const [only] = readWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
    expect(only!.rows[0]!.slice(0, 4)).toEqual(["Từ ngày", "Đến ngày", "Mã đơn vị", "Tên đơn vị"]);
    expect(
      xlsxFiles(
        new Uint8Array(
          await (
            await get(f.t, `/api/v1/reports/sipas?from=${H1.from}&to=${H1.to}&format=xlsx`, admin.auth)
          ).arrayBuffer(),
        ),
      )["xl/worksheets/sheet1.xml"],
    ).toContain(">period_from<");
  });
});
