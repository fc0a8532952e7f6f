import { strToU8, zipSync } from "fflate";
import { roundForDisplay } from "../../shared/scoring/index.js";
import { type CellValue, type ColumnKind, type Table, tableHeaders } from "./table.js";

// A minimal SpreadsheetML workbook (one or more sheets, inline strings, a bold frozen header row that
// repeats on every printed page, column widths, landscape printing fitted to the page width) zipped with fflate: no Node API, so it runs on Workers too. XLSX is the format that always opens right:
// Excel in a Vietnamese locale reads "," as the decimal separator and misreads a CSV's "66.67".

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Style ids of styles.xml's cellXfs: 1 bold (header), 2 built-in number format 2 ("0.00", figures).
const STYLE_HEADER = 1;
const STYLE_FIGURE = 2;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

// XML 1.0 forbids most control characters and lone surrogates; one in a comment would make Excel refuse the
// whole file, so they become U+FFFD.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as XML character data or an attribute value. A CR is written as a reference: XML parsers (Excel's
 * too) read a raw CR, or CR LF, as LF.
 */
function xmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");
}

/** The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The value as it is stored: figures rounded for display (SIPAS.md §3: exports show 2 decimals). */
function storedValue(value: CellValue, kind: ColumnKind): CellValue {
  return kind === "figure" && typeof value === "number" ? roundForDisplay(value) : value;
}

function cellXml(ref: string, value: CellValue, style: number): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value as string)}</t></is></c>`;
}

/** How wide a column must be to show its longest cell, in Excel's character units. */
function columnWidths(table: Table): number[] {
  const headers = tableHeaders(table);
  return table.columns.map((column, i) => {
    let longest = headers[i]?.length ?? column.name.length;
    for (const row of table.rows) {
      const value = row[i] ?? null;
      const shown =
        typeof value === "number" && column.kind === "figure" ? value.toFixed(2) : String(value ?? "");
      if (shown.length > longest) longest = shown.length;
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

function sheetXml(table: Table): string {
  const cols = columnWidths(table)
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const header = tableHeaders(table)
    .map((text, i) => cellXml(`${columnLetters(i)}1`, text, STYLE_HEADER))
    .join("");
  const rows = [`<row r="1">${header}</row>`];
  table.rows.forEach((row, r) => {
    const line = r + 2;
    const cells = table.columns.map((column, i) => {
      const value = storedValue(row[i] ?? null, column.kind);
      if (value === null) return "";
      return cellXml(`${columnLetters(i)}${line}`, value, column.kind === "figure" ? STYLE_FIGURE : 0);
    });
    rows.push(`<row r="${line}">${cells.join("")}</row>`);
  });
  return `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>${PAGE_SETUP}</worksheet>`;
}

// A4 landscape, every column on one page width, as many pages down as the rows need.
const PAGE_SETUP =
  '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const contentTypes = (sheets: number) =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    "",
  )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

// Sheet i is rId<i+1>; the styles come after the sheets.
const workbookRels = (sheets: number) =>
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("")}<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

/** A sheet name as a formula reference: quoted, with quotes doubled. */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** A one-sheet XLSX file of a table: the header row bold and frozen, numbers as numbers, figures "0.00". */
export function tableToXlsx(table: Table): Uint8Array<ArrayBuffer> {
  return tablesToXlsx([table]);
}

/** An XLSX workbook with one sheet per table, in order (sheet names must be distinct). */
export function tablesToXlsx(tables: readonly Table[]): Uint8Array<ArrayBuffer> {
  const sheets = tables
    .map((table, i) => `<sheet name="${xmlText(table.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  // The header row repeats at the top of every printed page.
  const titles = tables
    .map(
      (table, i) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(sheetRef(table.sheet))}!$1:$1</definedName>`,
    )
    .join("");
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets><definedNames>${titles}</definedNames></workbook>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes(tables.length)),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels(tables.length)),
    "xl/styles.xml": strToU8(STYLES),
  };
  tables.forEach((table, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(table));
  });
  // fflate allocates plain ArrayBuffers; its types only say ArrayBufferLike.
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
