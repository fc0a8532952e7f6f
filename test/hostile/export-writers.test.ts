import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "../../server/reports/csv.js";
import type { CellValue, ColumnKind, Table } from "../../server/reports/table.js";
import { tableToXlsx } from "../../server/reports/xlsx.js";
import { formatIndex, roundForDisplay } from "../../shared/scoring/index.js";
import { readXlsx } from "../server/reports/read-xlsx.js";
import { asUtf8, nastyText } from "./helpers/text.js";

// Whole report tables of random cells, the hostile kinds included (formula-looking text, quotes, CR/LF,
// lone surrogates, control characters, every script), written to CSV and XLSX and read back by
// independent readers: csv-parse, and the sheet XML unzipped with fflate. What comes back is exactly what
// went in, but for what DESIGN.md documents: a text cell that could run as a formula gets an apostrophe
// (CSV), figures show 2 decimals; and a character a format cannot carry becomes U+FFFD (a lone surrogate
// in UTF-8, any character XML forbids in XLSX).

const hostileText = fc.oneof(
  nastyText(60),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    '=HYPERLINK("http://x","y")',
    "+84 912",
    "-5",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    'a "b", c',
    "x\r\ny\rz\n",
  ),
);

const cellOfKind: Record<ColumnKind, fc.Arbitrary<CellValue>> = {
  text: fc.option(hostileText),
  integer: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 })),
  figure: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
  boolean: fc.option(fc.boolean()),
};

// The first column is a non-empty text (a report row always has its group, an export row its id): an empty
// last row would otherwise leave no trace in either file.
const table = fc
  .array(fc.constantFrom<ColumnKind>("text", "integer", "figure", "boolean"), { maxLength: 8 })
  .chain((kinds) => {
    const columns = [
      { name: "id", kind: "text" as ColumnKind },
      ...kinds.map((kind, i) => ({ name: `c${i}`, kind })),
    ];
    const row = fc.tuple(
      hostileText.filter((text) => text !== ""),
      ...kinds.map((kind) => cellOfKind[kind]),
    );
    return fc.record({
      sheet: fc.constant("T"),
      columns: fc.constant(columns),
      rows: fc.array(row, { maxLength: 12 }),
    });
  }) as fc.Arbitrary<Table>;

/** DESIGN.md §3: a cell that starts with =, +, -, @, tab or CR is neutralised (here: a leading apostrophe). */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "";
  if (kind === "figure") return formatIndex(value as number);
  return typeof value === "string" ? asUtf8(neutralised(value)) : String(value);
}

/** XML 1.0 characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; any other is U+FFFD. */
function xmlChars(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    out += allowed ? ch : "\uFFFD";
  }
  return out;
}

function xlsxCell(value: CellValue, kind: ColumnKind): CellValue {
  if (value === null) return null;
  if (kind === "figure") return roundForDisplay(value as number);
  return typeof value === "string" ? xmlChars(value) : value;
}

describe("report writers against random tables", { timeout: 60_000 }, () => {
  it("CSV reads back with csv-parse as the same cells, formula-looking text neutralised", () => {
    fc.assert(
      fc.property(table, (t) => {
        const read = parse(tableToCsv(t), { bom: true }) as string[][];
        expect(read).toEqual([
          t.columns.map((c) => c.name),
          ...t.rows.map((row) => t.columns.map((c, i) => csvCell(row[i] ?? null, c.kind))),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it("XLSX reads back as the same cells: numbers as numbers, text as written (XML characters only)", () => {
    fc.assert(
      fc.property(table, (t) => {
        expect(readXlsx(tableToXlsx(t)).rows).toEqual([
          t.columns.map((c) => c.name),
          ...t.rows.map((row) => t.columns.map((c, i) => xlsxCell(row[i] ?? null, c.kind))),
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
