import { strToU8, zipSync } from "fflate";

// A workbook as spreadsheet programs save it: shared strings, numbers, a date cell as its serial number,
// rows with gaps (empty cells are left out). Written by hand so that the reader is tested against the
// format, not against our own writer.

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An XLSX file of one sheet; a number cell is written as a number, a string as a shared string. */
export function workbook(rows: Array<Array<string | number | null>>): Uint8Array {
  const strings: string[] = [];
  const cells = rows
    .map((row, r) => {
      const body = row
        .map((value, c) => {
          if (value === null) return "";
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
          let index = strings.indexOf(value);
          if (index < 0) index = strings.push(value) - 1;
          return `<c r="${ref}" t="s"><v>${index}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${body}</row>`;
    })
    .join("");
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Trả lời" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/answers.xml"/></Relationships>',
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst xmlns="${main}">${strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("")}</sst>`,
    ),
    "xl/worksheets/answers.xml": strToU8(
      `<worksheet xmlns="${main}"><sheetData>${cells}</sheetData></worksheet>`,
    ),
  });
}
