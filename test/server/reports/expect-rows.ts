import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { formatIndex, roundForDisplay } from "../../../shared/scoring/index.js";
import { readXlsx } from "./read-xlsx.js";

// How the report tests compare: unrounded JSON figures against hand-computed values (to 1e-9, since a
// computer's sum of thirds is not a hand's), and CSV and XLSX against the JSON they must equal.

type Row = Record<string, unknown>;

/** The figure columns of a SIPAS row from hand-computed values; null where a figure has no data. */
export function figures(
  respondents: number,
  [sipas, TC, TT, CC, KQ, PA]: Array<number | null>,
  [TCm, TTm, CCm, KQm, PAm]: Array<number | null>,
) {
  return {
    respondents,
    sipas_index: sipas,
    TC_index: TC,
    TT_index: TT,
    CC_index: CC,
    KQ_index: KQ,
    PA_index: PA,
    TC_mean: TCm,
    TT_mean: TTm,
    CC_mean: CCm,
    KQ_mean: KQm,
    PA_mean: PAm,
    small_sample: respondents < 30,
  };
}

/** A group with no response in the period: 0 respondents, every figure empty. */
export const NO_DATA = figures(0, [null, null, null, null, null, null], [null, null, null, null, null]);

/**
 * Rows of a grouping that carries served counts, where none were given: checks that `served` and
 * `response_rate` are null, and returns the rows without them for comparison with hand-computed figures.
 */
export function withoutServed(rows: Row[]): Row[] {
  return rows.map(({ served, response_rate, ...row }) => {
    expect([served, response_rate]).toEqual([null, null]);
    return row;
  });
}

/** The rows equal the expected ones, in order and with the same keys; numbers to 1e-9. */
export function expectRows(actual: Row[], expected: Row[]) {
  expect(actual.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
  actual.forEach((row, i) => {
    for (const [key, value] of Object.entries(expected[i] as Row)) {
      if (typeof value === "number") expect(row[key], `row ${i} ${key}`).toBeCloseTo(value, 9);
      else expect(row[key], `row ${i} ${key}`).toEqual(value);
    }
  });
}

const FIGURE = /(^|_)(index|mean)$|^response_rate$/;

/** A text cell as the CSV must carry it: with a leading apostrophe when a spreadsheet would run it. */
export const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** What a JSON value must read back as from the CSV: figures with 2 decimals, no data as "". */
function csvCell(column: string, value: unknown): string {
  if (value === null) return "";
  if (typeof value === "number") return FIGURE.test(column) ? formatIndex(value) : String(value);
  if (typeof value === "boolean") return String(value);
  return neutralised(String(value));
}

/** The bytes of a CSV download as text, after checking that they start with the UTF-8 BOM. */
export function csvText(bytes: Uint8Array): string {
  // Response.text() would drop the BOM silently: Excel needs it to read UTF-8.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The CSV, parsed back with csv-parse, is the JSON: same columns, same rows, formatted as exported. */
export function expectCsvEqualsJson(bytes: Uint8Array, columns: string[], rows: Row[]) {
  const [header, ...body] = parse(csvText(bytes)) as string[][];
  expect(header).toEqual(columns);
  expect(body).toEqual(rows.map((row) => columns.map((column) => csvCell(column, row[column]))));
}

/** The XLSX, unzipped and read back, is the JSON: numbers as numbers (figures rounded), text as is. */
export function expectXlsxEqualsJson(bytes: Uint8Array, columns: string[], rows: Row[]) {
  const [header, ...body] = readXlsx(bytes).rows;
  expect(header).toEqual(columns);
  expect(body).toEqual(
    rows.map((row) =>
      columns.map((column) => {
        const value = row[column] ?? null;
        return typeof value === "number" && FIGURE.test(column) ? roundForDisplay(value) : value;
      }),
    ),
  );
}
