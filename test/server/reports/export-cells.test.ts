import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerCells, codeSlots, isoInstant } from "../../../server/reports/export-cells.js";
import { EXPECTATION_CODES, ITEM_CODES } from "../../../shared/instrument/index.js";

const ITEMS = codeSlots(ITEM_CODES);
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** What the export wrote before: JSON.parse, and a whole number as it is, anything else an empty cell. */
function parsedCells(json: string | null, codes: readonly string[]): string {
  const parsed = json === null ? null : (JSON.parse(json) as Partial<Record<string, unknown>>);
  return codes.map((code) => (Number.isInteger(parsed?.[code]) ? `,${parsed?.[code]}` : ",")).join("");
}

describe("isoInstant", () => {
  it("writes what toISOString writes, at the edges of days, months, leap years and its range", () => {
    const instants = [
      0,
      1,
      999,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2026, 11, 7, 9, 30, 15, 7),
      LAST_FOUR_DIGIT_YEAR_MS,
      // Left to Date: before 1970, past year 9999, a fraction of a millisecond.
      -1,
      LAST_FOUR_DIGIT_YEAR_MS + 1,
      1_765_000_000_000.5,
    ];
    for (const ms of instants) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it("writes what toISOString writes for any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: LAST_FOUR_DIGIT_YEAR_MS + 1e12 }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("answerCells", () => {
  it("writes the cells JSON.parse would give for answers as the app stores them", () => {
    const answers = fc.dictionary(
      fc.constantFrom(...ITEM_CODES, "X1", "__proto__"),
      fc.integer({ min: 0, max: 2_000_000_000 }),
    );
    fc.assert(
      fc.property(answers, (value) => {
        const json = JSON.stringify(value);
        expect(answerCells(json, ITEMS)).toBe(parsedCells(json, ITEM_CODES));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes the cells JSON.parse would give for any other JSON text", () => {
    const values = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.integer()),
    );
    const objects = fc.dictionary(fc.constantFrom(...ITEM_CODES, "TC1\\", 'TC"1'), values);
    fc.assert(
      fc.property(
        fc.oneof(
          objects.map((o) => JSON.stringify(o)),
          fc.json(),
        ),
        (json) => {
          fc.pre(typeof JSON.parse(json) === "object");
          expect(answerCells(json, ITEMS)).toBe(parsedCells(json, ITEM_CODES));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("keeps the last of a repeated key, reads texts it does not scan, and leaves no cell for nothing", () => {
    const cases = [
      '{"TC1":1,"TC1":2}',
      '{ "TC1": 5 }',
      '{"TC1":5.0}',
      '{"TC1":-0,"TC2":1e1,"TC3":12345678901}',
      '{"T\\u0043\\u0031":4}',
      "{}",
    ];
    for (const json of cases) expect(answerCells(json, ITEMS)).toBe(parsedCells(json, ITEM_CODES));
    // Not JSON (the database refuses such a column): refused as JSON.parse refuses it.
    expect(() => answerCells('{"TC1":05}', ITEMS)).toThrow(SyntaxError);
    const expectations = codeSlots(EXPECTATION_CODES);
    expect(answerCells(null, expectations)).toBe(",".repeat(EXPECTATION_CODES.length));
  });
});
