import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "../../../shared/contract/import-columns.js";
import { t as translate } from "../../../shared/i18n/index.js";
import { authHeaders, createTestApp } from "../../helpers/create-test-app.js";
import { makeService, makeUnit, makeUser } from "../../helpers/factories.js";
import { readXlsx } from "../reports/read-xlsx.js";

// Catalogue imports from files as spreadsheet programs save them (test/fixtures/catalogue, made by SheetJS,
// exceljs and iconv: see make-fixtures.mjs.txt there), through the real routes and a real database.

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/catalogue/${name}`, import.meta.url)));

const t = await createTestApp();
await makeUnit(t, { code: "000.00.00.H35", name: "UBND tỉnh" });
await makeUnit(t, { code: "000.00.17.H35", name: "Sở Tư pháp", parent: "000.00.00.H35" });
await makeUnit(t, { code: "OTHER", name: "Đơn vị khác", parent: "000.00.00.H35" });
await makeService(t, { code: "1.001193", name: "Đăng ký khai sinh", units: ["000.00.17.H35"] });
const admin = await makeUser(t, { role: "admin" });
const staff = await makeUser(t, { role: "staff", unit: "000.00.17.H35" });

async function upload(path: string, bytes: Uint8Array, type: string, auth = admin.auth) {
  const res = await t.app.request(path, {
    method: "POST",
    headers: { ...authHeaders(auth), "content-type": type },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: await res.json() };
}

const count = async (table: string) =>
  Number((await t.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe("services import from the national list (XLSX by SheetJS, Vietnamese headers)", () => {
  it("reads the first sheet, maps the Vietnamese headers, ignores the others and resolves units by name", async () => {
    const dry = await upload(
      "/api/v1/services/import?dryRun=true",
      fixture("services-national-sheetjs.xlsx"),
      XLSX_TYPE,
    );
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      valid: true,
      created: ["2.000488", "1.000656"],
      updated: ["1.001193"],
      file: {
        format: "xlsx",
        sheet: "Danh sách TTHC",
        sheets: ["Danh sách TTHC", "Bổ sung"],
        ignoredColumns: ["STT", "Mức độ DVC"],
      },
    });
    expect(dry.body.rows).toEqual([
      { row: 2, code: "2.000488", action: "create" },
      { row: 3, code: "1.001193", action: "update" },
      { row: 4, code: "1.000656", action: "create" },
    ]);
    expect(await count("services")).toBe(1);

    const saved = await upload(
      "/api/v1/services/import",
      fixture("services-national-sheetjs.xlsx"),
      XLSX_TYPE,
    );
    expect(saved.status).toBe(200);
    const service = await (await t.request("GET", "/api/v1/services/1.000656", { auth: admin.auth })).json();
    expect(service.service).toMatchObject({
      name: "Yêu cầu & đăng ký <thay đổi> hộ tịch",
      field: "Hộ tịch",
      units: ["000.00.17.H35"],
    });
  });

  it("reads a named sheet, and names the sheets when the name is wrong", async () => {
    const named = await upload(
      `/api/v1/services/import?dryRun=true&sheet=${encodeURIComponent("bổ sung")}`,
      fixture("services-national-sheetjs.xlsx"),
      XLSX_TYPE,
    );
    expect(named.body).toMatchObject({ created: ["1.003572"], file: { sheet: "Bổ sung" } });
    const wrong = await upload(
      "/api/v1/services/import?dryRun=true&sheet=Nope",
      fixture("services-national-sheetjs.xlsx"),
      XLSX_TYPE,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0]).toMatchObject({
      code: "sheet_not_found",
      params: { sheets: "Danh sách TTHC, Bổ sung" },
    });
  });

  it.each([
    ["services-utf8-bom.csv", "utf-8-bom"],
    ["services-utf8-nobom.csv", "utf-8"],
  ])("reads %s (%s) with a quoted comma", async (file, encoding) => {
    const res = await upload("/api/v1/services/import?dryRun=true", fixture(file), "text/csv");
    expect(res.body).toMatchObject({
      valid: true,
      created: ["1.004946"],
      file: { format: "csv", encoding, delimiter: "," },
    });
  });
});

describe("units import in the encodings Excel saves", () => {
  it("reads a ;-separated Windows-1258 CSV and says so", async () => {
    const res = await upload("/api/v1/units/import", fixture("units-semicolon-windows-1258.csv"), "text/csv");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      created: ["000.00.30.H35", "000.30.01.H35"],
      file: { encoding: "windows-1258", delimiter: ";" },
    });
    const unit = await (await t.request("GET", "/api/v1/units/000.30.01.H35", { auth: admin.auth })).json();
    // Windows-1258 writes tone marks as separate characters: the stored name is composed (NFC).
    expect(unit.unit.name).toBe("Phòng Ngân sách; Tin học");
    expect(unit.unit.name).toBe(unit.unit.name.normalize("NFC"));
  });

  it("reads Excel's Unicode text (UTF-16 LE, tabs) and a Windows-1252 file", async () => {
    const utf16 = await upload(
      "/api/v1/units/import?dryRun=true",
      fixture("units-unicode-text-utf16le.txt"),
      "text/plain",
    );
    expect(utf16.body).toMatchObject({
      valid: true,
      created: ["000.00.40.H35"],
      file: { encoding: "utf-16le", delimiter: "\t" },
    });
    const western = await upload(
      "/api/v1/units/import",
      fixture("units-windows-1252.csv"),
      "application/vnd.ms-excel",
    );
    expect(western.body).toMatchObject({
      created: ["000.00.50.H35"],
      file: { encoding: "windows-1252", delimiter: ";" },
    });
    const unit = await (await t.request("GET", "/api/v1/units/000.00.50.H35", { auth: admin.auth })).json();
    expect(unit.unit.name).toBe("Cafétéria");
  });

  it("reads an exceljs workbook (rich text) and refuses the whole file for one bad row, in vi and en", async () => {
    const before = await count("units");
    const res = await upload("/api/v1/units/import", fixture("units-exceljs.xlsx"), XLSX_TYPE);
    expect(res.status).toBe(400);
    expect(await count("units")).toBe(before);
    const [issue] = res.body.error.issues;
    expect(issue).toMatchObject({
      row: 4,
      path: ["code"],
      code: "invalid_value",
      params: { column: "code" },
    });
    expect(issue.message).toBe("A unit code has up to 35 digits, capital letters A–Z and dots.");
    expect(translate("vi", `imports.rules.units.${issue.params.column}` as never)).toBe(
      "Mã đơn vị gồm tối đa 35 ký tự: chữ số, chữ in hoa A–Z và dấu chấm.",
    );
    const dry = await upload("/api/v1/units/import?dryRun=true", fixture("units-exceljs.xlsx"), XLSX_TYPE);
    expect(dry.status).toBe(200);
    expect(dry.body.valid).toBe(false);
    expect(dry.body.rows).toEqual([
      { row: 2, code: "000.00.20.H35", action: "create" },
      { row: 3, code: "000.20.01.H35", action: "create" },
      { row: 4, code: "MÃ SAI", action: "refuse" },
    ]);
  });

  it("words every row problem in vi and en from its code, never with validator text", async () => {
    const res = await upload(
      "/api/v1/units/import?dryRun=true",
      new TextEncoder().encode(
        "Mã đơn vị,Tên đơn vị,Đơn vị cha\nA1,,000.00.00.H35\nA2,Tên,NOPE\nA2,Lặp,000.00.00.H35\n",
      ),
      "text/csv",
    );
    const issues = res.body.issues as Array<{
      code: string;
      params: Record<string, string>;
      message: string;
    }>;
    expect(issues.map((i) => i.code)).toEqual(["invalid_value", "unknown_parent", "duplicate_in_file"]);
    for (const issue of issues) {
      expect(issue.message).not.toMatch(/expected|Too small|>=|string/);
      const key =
        issue.code === "invalid_value"
          ? `imports.rules.units.${issue.params.column}`
          : `imports.issues.${issue.code}`;
      for (const lang of ["vi", "en"] as const) {
        const text = translate(lang, key as never, issue.params);
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translate("vi", "imports.issues.unknown_parent", issues[1]?.params)).toBe(
      "Đơn vị cha NOPE chưa có (kể cả ở các dòng phía trên trong tệp).",
    );
  });

  it("refuses a missing column naming its Vietnamese names, and a JSON body with 415", async () => {
    const res = await upload("/api/v1/units/import", new TextEncoder().encode("Tên đơn vị\nx\n"), "text/csv");
    expect(res.body.error.issues[0]).toMatchObject({ code: "missing_column", params: { column: "code" } });
    expect(res.body.error.issues[0].params.aliases).toContain("Mã đơn vị");
    expect(
      (await upload("/api/v1/units/import", new TextEncoder().encode("{}"), "application/json")).status,
    ).toBe(415);
  });
});

describe("counters import and one counter per service", () => {
  it("creates counters from an XLSX file, refusing a row with an unknown procedure first", async () => {
    const bad = await upload("/api/v1/points/import", fixture("points-sheetjs.xlsx"), XLSX_TYPE, staff.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      expect.objectContaining({ row: 4, code: "unknown_service", params: { code: "9.999999" } }),
    ]);
    expect(await count("points")).toBe(0);
  });

  it("creates, then updates the same counters when the file comes again", async () => {
    const csv = new TextEncoder().encode(
      "unit;label;service;form;token_required\n000.00.17.H35;Quầy số 1;;;\n000.00.17.H35;Quầy hộ tịch;1.001193;quick;có\n",
    );
    const first = await upload("/api/v1/points/import", csv, "text/csv", staff.auth);
    expect(first.status).toBe(200);
    expect(first.body.created).toHaveLength(2);
    const again = await upload("/api/v1/points/import", csv, "text/csv", staff.auth);
    expect(again.body).toMatchObject({ created: [], updated: first.body.created });
    const list = await (
      await t.request("GET", "/api/v1/points?unit=000.00.17.H35", { auth: staff.auth })
    ).json();
    expect(list.points.find((p: { label: string }) => p.label === "Quầy hộ tịch")).toMatchObject({
      form: "quick",
      tokenRequired: true,
      service: { code: "1.001193" },
    });
    const outside = await upload(
      "/api/v1/points/import?dryRun=true",
      new TextEncoder().encode("unit,label\nOTHER,Quầy\n"),
      "text/csv",
      staff.auth,
    );
    expect(outside.body.issues[0]).toMatchObject({ code: "out_of_scope" });
  });

  it("makes one point per service not yet covered, and nothing the second time", async () => {
    await makeService(t, { code: "2.000001", name: "Chứng thực bản sao", units: ["000.00.17.H35"] });
    const first = await t.request("POST", "/api/v1/units/000.00.17.H35/points/per-service", {
      auth: staff.auth,
    });
    expect(first.status).toBe(200);
    const body = await first.json();
    // 1.001193 already has "Quầy hộ tịch"; 2.000488 and 1.000656 came with the national list.
    expect(body.created.map((p: { service: { code: string } }) => p.service.code).sort()).toEqual([
      "1.000656",
      "2.000001",
      "2.000488",
    ]);
    const second = await (
      await t.request("POST", "/api/v1/units/000.00.17.H35/points/per-service", { auth: staff.auth })
    ).json();
    expect(second.created).toEqual([]);
  });
});

describe("templates", () => {
  it.each(["units", "services", "points"] as const)(
    "%s: an XLSX and a CSV template that import back",
    async (entity) => {
      const xlsx = await t.request("GET", `/api/v1/${entity}/import/template?format=xlsx&headers=vi`, {
        auth: admin.auth,
      });
      expect(xlsx.headers.get("content-type")).toBe(XLSX_TYPE);
      const { rows } = readXlsx(new Uint8Array(await xlsx.clone().arrayBuffer()));
      expect(rows[0]).toEqual(IMPORT_COLUMNS[entity].map((c) => c.aliases[0]));
      const back = await upload(
        `/api/v1/${entity}/import?dryRun=true`,
        new Uint8Array(await xlsx.clone().arrayBuffer()),
        XLSX_TYPE,
      );
      expect(back.body).toMatchObject({ valid: true });
      const csv = await t.request("GET", `/api/v1/${entity}/import/template?format=csv`, {
        auth: admin.auth,
      });
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toBe(
        IMPORT_COLUMNS[entity].map((c) => c.key).join(","),
      );
      expect((await upload(`/api/v1/${entity}/import?dryRun=true`, bytes, "text/csv")).body).toMatchObject({
        valid: true,
      });
    },
  );
});
