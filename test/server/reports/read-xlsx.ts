import { strFromU8, unzipSync } from "fflate";

// Reads back what server/reports/xlsx.ts writes (one sheet, inline strings), independently of the writer:
// cells by their references, text with XML entities decoded, numbers as numbers, booleans as booleans.

export type ReadCell = string | number | boolean | null;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// As an XML parser reads character data (Excel's too): line ends become LF first (XML 1.0 §2.11), then
// references are expanded, so a CR survives only when written as a character reference.
function decode(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(
      /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
      (_, name?: string, dec?: string, hex?: string) =>
        name ? ENTITIES[name]! : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex!, 16)),
    );
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The files of the zip, as text. */
export function xlsxFiles(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The cells of the first sheet, row by row, with null for a missing cell; and each cell's style id. */
export function readXlsx(bytes: Uint8Array): { rows: ReadCell[][]; styles: Map<string, string> } {
  return readSheet(xlsxFiles(bytes)["xl/worksheets/sheet1.xml"]!);
}

/** Every sheet of a workbook in order: its name (from workbook.xml) and its cells, as readXlsx reads them. */
export function readWorkbook(bytes: Uint8Array): Array<{ name: string; rows: ReadCell[][]; xml: string }> {
  const files = xlsxFiles(bytes);
  const names = [...files["xl/workbook.xml"]!.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)];
  return names.map(([, name, id]) => {
    const xml = files[`xl/worksheets/sheet${id}.xml`]!;
    return { name: decode(name!), rows: readSheet(xml).rows, xml };
  });
}

/** The cells of one worksheet's XML. */
export function readSheet(sheet: string): { rows: ReadCell[][]; styles: Map<string, string> } {
  const rows: ReadCell[][] = [];
  const styles = new Map<string, string>();
  for (const [, attrs, body] of sheet.matchAll(/<c ([^>]*)>(.*?)<\/c>/gs)) {
    const ref = /r="([A-Z]+)(\d+)"/.exec(attrs!)!;
    const type = /t="(\w+)"/.exec(attrs!)?.[1];
    const style = /s="(\d+)"/.exec(attrs!)?.[1];
    const row = Number(ref[2]) - 1;
    const col = columnIndex(ref[1]!);
    let value: ReadCell;
    if (type === "inlineStr") value = decode(/<t[^>]*>(.*?)<\/t>/s.exec(body!)![1]!);
    else if (type === "b") value = /<v>(.*?)<\/v>/.exec(body!)![1] === "1";
    else value = Number(/<v>(.*?)<\/v>/.exec(body!)![1]);
    rows[row] ??= [];
    rows[row][col] = value;
    if (style) styles.set(`${ref[1]}${ref[2]}`, style);
  }
  const width = Math.max(...rows.map((row) => row.length));
  return {
    rows: Array.from(rows, (row) => Array.from({ length: width }, (_, i) => row?.[i] ?? null)),
    styles,
  };
}
