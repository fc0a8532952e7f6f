import { strFromU8, unzipSync } from "fflate";

// Reads the first worksheet of an XLSX file into rows of text cells: shared strings, inline strings,
// numbers and booleans, addressed by their cell references (so empty cells keep their column). No Node
// API, so imports run on Workers too. Formulas are read as their cached values; styles are ignored, so a
// date cell arrives as its serial day number (see `excelSerialDay`).

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(
      /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
      (_, name?: string, dec?: string, hex?: string) =>
        name
          ? (ENTITIES[name] as string)
          : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex as string, 16)),
    );
}

/** The text of an `<si>` or `<is>` element: its `<t>` runs joined (rich text has several). */
function runsText(xml: string): string {
  let text = "";
  for (const [, t] of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += decode(t as string);
  return text;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Largest sheet read: a response import is a few thousand rows; a zip bomb must not fill memory. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * The cells of the first worksheet, row by row, as trimmed text ("" for an empty cell). Throws an Error
 * with a readable message when the bytes are not an XLSX workbook.
 */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error("too large");
        return /^xl\/(workbook\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(
          file.name,
        );
      },
    });
  } catch {
    throw new Error("The file is not an XLSX workbook (or is larger than 64 MB unzipped).");
  }
  const sheet = files[firstSheetPath(files)];
  if (!sheet) throw new Error("The workbook has no worksheet.");
  const shared = files["xl/sharedStrings.xml"];
  const strings = shared
    ? [...strFromU8(shared).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1] as string))
    : [];
  const rows: string[][] = [];
  for (const [, rowAttrs, rowBody] of strFromU8(sheet).matchAll(
    /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g,
  )) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowAttrs as string)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    let next = 0;
    for (const [, attrs, body] of (rowBody ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs as string)?.[1];
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = /\bt="(\w+)"/.exec(attrs as string)?.[1];
      const value = /<v>([\s\S]*?)<\/v>/.exec(body ?? "")?.[1];
      let text = "";
      if (type === "s") text = strings[Number(value)] ?? "";
      else if (type === "inlineStr") text = runsText(body ?? "");
      else if (type === "b") text = value === "1" ? "TRUE" : "FALSE";
      else if (value !== undefined) text = decode(value);
      cells[col] = text.trim();
    }
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? "");
  }
  return Array.from(rows, (row) => row ?? []);
}

function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (workbook && rels) {
    const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(strFromU8(workbook))?.[1];
    const target = id
      ? (new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*\\bTarget="([^"]+)"`).exec(
          strFromU8(rels),
        )?.[1] ??
        new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${id}"`).exec(strFromU8(rels))?.[1])
      : undefined;
    if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return "xl/worksheets/sheet1.xml";
}

/** An Excel serial day number (1900 date system) as "YYYY-MM-DD", or null when it is not one. */
export function excelSerialDay(text: string): string | null {
  if (!/^\d{4,5}(\.\d+)?$/.test(text)) return null;
  // Day 25569 is 1970-01-01; Excel's fictitious 1900-02-29 lies before every date that matters here.
  const ms = (Math.floor(Number(text)) - 25569) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
