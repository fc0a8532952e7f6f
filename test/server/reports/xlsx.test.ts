import { describe, expect, it } from "vitest";
import type { Table } from "../../../server/reports/table.js";
import { columnLetters, tableToXlsx } from "../../../server/reports/xlsx.js";
import { readXlsx, xlsxFiles } from "./read-xlsx.js";

const table: Table = {
  sheet: "SIPAS",
  columns: [
    { name: "unit_name", kind: "text" },
    { name: "respondents", kind: "integer" },
    { name: "sipas_index", kind: "figure" },
    { name: "small_sample", kind: "boolean" },
  ],
  rows: [
    ['=HYPERLINK("http://evil.example","x") & <b>', 3, 200 / 3, true],
    ["Trung tâm Phục vụ hành chính công tỉnh", 40, null, false],
    ["办事人员很热情\nbell:\u0007", 0, 66.665, true],
  ],
};
const bytes = tableToXlsx(table);

describe("tableToXlsx", () => {
  it("is a zip with the parts a spreadsheet needs", () => {
    expect(Object.keys(xlsxFiles(bytes)).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(xlsxFiles(bytes)["xl/workbook.xml"]).toContain('<sheet name="SIPAS" sheetId="1" r:id="rId1"/>');
  });

  it("reads back the same cells: text as written, numbers as numbers, figures rounded to 2 decimals", () => {
    expect(readXlsx(bytes).rows).toEqual([
      ["unit_name", "respondents", "sipas_index", "small_sample"],
      ['=HYPERLINK("http://evil.example","x") & <b>', 3, 66.67, true],
      ["Trung tâm Phục vụ hành chính công tỉnh", 40, null, false],
      // A control character is not allowed in XML: it becomes U+FFFD rather than breaking the file.
      ["办事人员很热情\nbell:\uFFFD", 0, 66.67, true],
    ]);
  });

  it("keeps hostile text as a string cell, never a formula", () => {
    const sheet = xlsxFiles(bytes)["xl/worksheets/sheet1.xml"]!;
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain('<c r="A2" t="inlineStr">');
  });

  it("makes the header bold and frozen, figures 0.00, and sizes the columns", () => {
    const { styles } = readXlsx(bytes);
    expect(["A1", "B1", "C1", "D1"].map((ref) => styles.get(ref))).toEqual(["1", "1", "1", "1"]);
    expect(styles.get("C2")).toBe("2");
    const files = xlsxFiles(bytes);
    // Style 1 uses font 1, the bold one; style 2 the built-in number format 2, "0.00".
    expect(files["xl/styles.xml"]).toContain(
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/>',
    );
    expect(files["xl/styles.xml"]).toMatch(
      /<cellXfs count="3"><xf [^>]*\/><xf numFmtId="0" fontId="1"[^>]*\/><xf numFmtId="2"/,
    );
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // The longest name (43 characters) plus 2; short columns get their header's width plus 2.
    expect(sheet).toContain('<col min="1" max="1" width="45" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="13" customWidth="1"/>');
  });

  it("names columns past Z as a spreadsheet does", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
