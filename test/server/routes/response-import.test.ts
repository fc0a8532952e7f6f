import { beforeAll, describe, expect, it } from "vitest";
import { readXlsxSheet } from "../../../server/lib/spreadsheet/xlsx-reader.js";
import { type Credentials, createTestApp, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../../helpers/factories.js";
import { workbook } from "../entry/xlsx-fixture.js";

// POST /api/v1/responses/import (issue 18): another tool's export, mapped column by column to item codes
// and label by label to the 1–5 scale; dry run first; all rows or none; channel "import".

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let t: TestApp;
let staff: Credentials;
let analyst: Credentials;
let point: { code: string };

const MAPPING = {
  columns: { "Thời gian": "day", "Câu 1": "TC1", "Câu 2": "TC2", "Ý kiến khác": "comment" },
  values: { "Rất hài lòng": 5, "Hài lòng": 4, "Bình thường": 3, "Không hài lòng": 2, "Không ý kiến": null },
};

const CSV = [
  "Thời gian,Câu 1,Câu 2,Ý kiến khác,Email",
  "14/03/2026 09:12:00,Rất hài lòng,Hài lòng,,a@b.vn",
  '2026-03-13,hài lòng,Không ý kiến,"Chờ lâu, nhưng tốt",',
  "12/03/2026,3,2,,",
].join("\r\n");

function upload(
  body: string | Uint8Array,
  options: { mapping?: unknown; dryRun?: boolean; type?: string; fileName?: string; auth?: Credentials } = {},
) {
  const query = new URLSearchParams({
    point: point.code,
    fileName: options.fileName ?? "phieu-xa.csv",
    mapping: JSON.stringify(options.mapping ?? MAPPING),
    ...(options.dryRun ? { dryRun: "true" } : {}),
  });
  return t.app.request(`/api/v1/responses/import?${query}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${((options.auth ?? staff) as { token: string }).token}`,
      "content-type": options.type ?? "text/csv",
    },
    body: body as BodyInit,
  });
}

const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);

beforeAll(async () => {
  t = await createTestApp();
  await makeUnit(t, { code: "H35" });
  await makeUnit(t, { code: "H35.X", parent: "H35" });
  point = await makePoint(t, { unit: "H35.X" });
  staff = (await makeUser(t, { role: "staff", unit: "H35.X" })).auth;
  analyst = (await makeUser(t, { role: "analyst", unit: "H35" })).auth;
});

describe("POST /api/v1/responses/import", () => {
  it("checks the file on a dry run, says how many rows would be stored, and stores nothing", async () => {
    const res = await upload(CSV, { dryRun: true });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ rows: 3, dryRun: true, fileName: "phieu-xa.csv" });
    expect(body.preview[0]).toMatchObject({ day: "2026-03-14", answers: { TC1: 5, TC2: 4 } });
    expect(await count("SELECT count(*) FROM responses")).toBe(0);
  });

  it("refuses the whole file when one row cannot be read, naming each row and column", async () => {
    const bad = `${CSV}\r\n31/02/2026,Tuyệt vời,4,,\r\n2026-03-10,,,,`;
    const res = await upload(bad);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues).toEqual([
      { path: ["Thời gian"], row: 5, message: '"31/02/2026" is not a date' },
      { path: ["Câu 1"], row: 5, message: '"Tuyệt vời" is not mapped to the 1–5 scale' },
      { path: [], row: 6, message: "no item is answered in this row" },
    ]);
    const unknownColumn = await upload(CSV, { mapping: { columns: { Ngày: "day", "Câu 1": "TC1" } } });
    expect((await unknownColumn.json()).error.issues[0]).toMatchObject({
      path: ["mapping", "columns", "Ngày"],
    });
    const noDay = await upload(CSV, { mapping: { columns: { "Câu 1": "TC1" } } });
    expect(noDay.status).toBe(400);
    const notJson = await t.app.request(`/api/v1/responses/import?point=${point.code}&fileName=a&mapping={`, {
      method: "POST",
      headers: { authorization: `Bearer ${(staff as { token: string }).token}`, "content-type": "text/csv" },
      body: CSV,
    });
    expect(notJson.status).toBe(400);
    expect((await upload(CSV, { type: "application/pdf" })).status).toBe(415);
    expect(await count("SELECT count(*) FROM responses")).toBe(0);
  });

  it("stores every row with channel import, recording the file's name and the importer, once", async () => {
    const res = await upload(CSV);
    expect(res.status).toBe(201);
    const { importId, rows } = await res.json();
    expect(rows).toBe(3);
    const stored = (
      await t.client.execute(
        "SELECT r.channel, r.local_day, r.answers, r.comment FROM responses r ORDER BY r.local_day",
      )
    ).rows.map((r) => [r.channel, r.local_day, JSON.parse(String(r.answers)), r.comment]);
    expect(stored).toEqual([
      ["import", "2026-03-12", { TC1: 3, TC2: 2 }, null],
      ["import", "2026-03-13", { TC1: 4 }, "Chờ lâu, nhưng tốt"],
      ["import", "2026-03-14", { TC1: 5, TC2: 4 }, null],
    ]);
    const record = (
      await t.client.execute({
        sql: "SELECT i.file_name, i.rows, u.username FROM response_imports i JOIN users u ON u.id = i.imported_by WHERE i.id = ?",
        args: [importId],
      })
    ).rows[0]!;
    expect([record.file_name, record.rows]).toEqual(["phieu-xa.csv", 3]);
    expect(await count(`SELECT count(*) FROM response_entries WHERE import_id = '${importId}'`)).toBe(3);
    expect(
      await count("SELECT count(*) FROM audit_log WHERE action = 'import' AND entity = 'responses'"),
    ).toBe(1);
    const report = await t.request("GET", "/api/v1/reports/sipas?from=2026-03-01&to=2026-03-31&by=channel", {
      auth: analyst,
    });
    const byChannel = (await report.json()).rows.find((row: { channel: string }) => row.channel === "import");
    expect(byChannel.respondents).toBe(3);
    // The same file again is refused, under any name.
    const again = await upload(CSV, { fileName: "copy.csv" });
    expect(again.status).toBe(409);
    expect(await count("SELECT count(*) FROM responses")).toBe(3);
  });

  it("reads an XLSX export: shared strings, numbers and date serials of the first sheet", async () => {
    const file = workbook([
      ["Thời gian", "Câu 1", "Câu 2", "Ý kiến khác"],
      [46094, "Rất hài lòng", 4, null],
      ["2026-03-11", null, "Bình thường", "Phòng chờ & <mát>"],
    ]);
    expect(readXlsxSheet(file).rows).toEqual([
      ["Thời gian", "Câu 1", "Câu 2", "Ý kiến khác"],
      ["46094", "Rất hài lòng", "4"],
      ["2026-03-11", "", "Bình thường", "Phòng chờ & <mát>"],
    ]);
    const res = await upload(file, { type: XLSX, fileName: "xa.xlsx" });
    expect(res.status).toBe(201);
    const days = (
      await t.client.execute("SELECT local_day FROM responses WHERE local_day < '2026-03-12' ORDER BY 1")
    ).rows.map((r) => r.local_day);
    expect(days).toEqual(["2026-03-11"]);
    // Excel's day 46094 is 13 March 2026 (day 25569 is 1 January 1970): one more on the 13th.
    expect(await count("SELECT count(*) FROM responses WHERE local_day = '2026-03-13'")).toBe(2);
    expect((await upload(new Uint8Array([1, 2, 3]), { type: XLSX, fileName: "x.xlsx" })).status).toBe(400);
  });

  it("keeps other units out: 403 for a point outside the caller's scope", async () => {
    const other = await makeUser(t, { role: "staff", unit: "H35" });
    await makeUnit(t, { code: "H35.Y", parent: "H35" });
    const outsider = (await makeUser(t, { role: "staff", unit: "H35.Y" })).auth;
    expect((await upload(CSV, { auth: outsider, fileName: "z.csv" })).status).toBe(403);
    expect(other.username).toBeTruthy();
  });
});
