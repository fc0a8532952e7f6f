import { strFromU8, unzipSync } from "fflate";
import { dayOfNumber } from "../../../shared/time/index.js";

/**
 * Reads the cells of one sheet of an XLSX workbook (the first, or one named) as rows of text, as a
 * spreadsheet shows them: shared and inline strings, numbers, booleans and formula results. Styles,
 * dates and merged cells are not interpreted (a catalogue is text). Pure JavaScript (fflate): it runs on
 * Workers too. Throws `XlsxError` with a reason a user can act on.
 */
export class XlsxError extends Error {
  constructor(
    readonly reason: "not_xlsx" | "sheet_not_found" | "too_large",
    readonly sheets: string[] = [],
  ) {
    super(
      reason === "not_xlsx"
        ? "The file is not an XLSX workbook."
        : reason === "too_large"
          ? "The workbook is too large once unpacked."
          : `The workbook has no such sheet (it has: ${sheets.join(", ")}).`,
    );
  }
}

/** A ceiling on what a workbook may unpack to, so a small zip cannot expand into gigabytes. */
const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(
      /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
      (whole, name?: string, dec?: string, hex?: string) => {
        if (name) return ENTITIES[name] ?? whole;
        const code = dec ? Number(dec) : Number.parseInt(hex ?? "", 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      },
    );
}

/** The text of every `<t>` inside a fragment (a rich-text string is several runs). */
function runsText(fragment: string): string {
  let text = "";
  // Phonetic runs (<rPh>) are reading aids, not part of the value.
  for (const [, body] of fragment
    .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")
    .matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g))
    text += xmlText(body ?? "");
  return text;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag)?.[1];
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** True when the bytes start like a zip archive (an XLSX file is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The sheets of the workbook in order, the chosen one's name, and its rows (blank rows left out). */
export function readXlsxSheet(
  bytes: Uint8Array,
  sheetName?: string,
): { sheet: string; sheets: string[]; rows: string[][] } {
  if (!isZip(bytes)) throw new XlsxError("not_xlsx");
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (
          !/^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/i.test(
            file.name,
          )
        )
          return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new XlsxError("too_large");
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError("not_xlsx");
  }
  const text = (name: string) => {
    const found = Object.keys(files).find((key) => key.toLowerCase() === name.toLowerCase());
    return found ? strFromU8(files[found] as Uint8Array) : undefined;
  };
  const workbook = text("xl/workbook.xml");
  if (!workbook) throw new XlsxError("not_xlsx");
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)].map(([, attrs]) => ({
    name: xmlText(attribute(attrs ?? "", "name") ?? ""),
    rid: attribute(attrs ?? "", "r:id") ?? "",
  }));
  const names = sheets.map((s) => s.name);
  const chosen =
    sheetName === undefined
      ? sheets[0]
      : sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (!chosen) throw new XlsxError("sheet_not_found", names);
  const rels = text("xl/_rels/workbook.xml.rels") ?? "";
  const rel = [...rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)]
    .map(([, attrs]) => attrs ?? "")
    .find((attrs) => attribute(attrs, "Id") === chosen.rid);
  const target =
    (rel ? attribute(rel, "Target") : undefined) ?? `worksheets/sheet${sheets.indexOf(chosen) + 1}.xml`;
  const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  const sheetXml = text(sheetPath);
  if (sheetXml === undefined) throw new XlsxError("not_xlsx");
  const shared = [...(text("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map(
    ([, body]) => runsText(body ?? ""),
  );
  return { sheet: chosen.name, sheets: names, rows: sheetRows(sheetXml, shared) };
}

function sheetRows(xml: string, shared: string[]): string[][] {
  const rows: string[][] = [];
  let nextRow = 0;
  for (const [, rowAttrs, rowBody] of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attribute(rowAttrs ?? "", "r");
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const [, attrs, body] of (rowBody ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /^([A-Z]+)\d*$/.exec(attribute(attrs ?? "", "r") ?? "");
      const col = ref ? columnIndex(ref[1] as string) : nextCol;
      nextCol = col + 1;
      const type = attribute(attrs ?? "", "t");
      const v = /<v>([\s\S]*?)<\/v>/.exec(body ?? "")?.[1];
      let value: string;
      if (type === "s") value = shared[Number(v)] ?? "";
      else if (type === "inlineStr") value = runsText(body ?? "");
      else if (type === "b") value = v === "1" ? "TRUE" : "FALSE";
      else value = v === undefined ? "" : xmlText(v);
      if (col < 16384) cells[col] = value;
    }
    rows[rowIndex] = Array.from(cells, (cell) => cell ?? "");
  }
  return Array.from(rows, (row) => row ?? []).filter((row) => row.some((cell) => cell.trim() !== ""));
}

/** An Excel serial day number (1900 date system) as "YYYY-MM-DD", or null when it is not one. */
export function excelSerialDay(text: string): string | null {
  if (!/^\d{4,5}(\.\d+)?$/.test(text)) return null;
  // Day 25569 is 1970-01-01; Excel's fictitious 1900-02-29 lies before every date that matters here.
  return dayOfNumber(Math.floor(Number(text)) - 25569);
}
