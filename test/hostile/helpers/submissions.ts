import fc from "fast-check";
import {
  EXPECTATION_CODES,
  FULL_ITEM_CODES,
  QUICK_ITEM_CODES,
  RESPONDENT_QUESTIONS,
} from "../../../shared/instrument/index.js";

// Arbitraries for the submit endpoint: well-formed submissions to start from, and the hostile things a
// client (or an attacker) can do to one.

export type Point = { code: string; form: "full" | "quick"; services: readonly string[] };

/** A submission the pipeline accepts at one of the points (a valid starting point for mutations). */
export function validSubmission(points: readonly Point[]) {
  return fc.constantFrom(...points).chain((point) => {
    const items = point.form === "full" ? FULL_ITEM_CODES : QUICK_ITEM_CODES;
    return fc.record(
      {
        id: fc.uuid({ version: 4 }),
        point: fc.constant(point.code),
        lang: fc.constantFrom("vi", "zh", "en"),
        answers: fc.dictionary(fc.constantFrom(...items), fc.integer({ min: 1, max: 5 }), {
          minKeys: 1,
          maxKeys: items.length,
        }),
        service: point.services.length > 0 ? fc.constantFrom(...point.services) : fc.constant(undefined),
        expectations: fc.dictionary(fc.constantFrom(...EXPECTATION_CODES), fc.integer({ min: 1, max: 3 })),
        respondent: fc.record(
          {
            gender: fc.constantFrom(...RESPONDENT_QUESTIONS.gender.options),
            ageBand: fc.constantFrom(...RESPONDENT_QUESTIONS.ageBand.options),
          },
          { requiredKeys: [] },
        ),
        comment: fc.string({ maxLength: 200 }),
      },
      { requiredKeys: ["id", "point", "lang", "answers"] },
    );
  });
}

/** Keys that have bitten JavaScript parsers and validators before. */
export const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "",
  " id",
  "ID",
  "answers\u0000",
  "TC1 ",
] as const;

/** Number texts a JSON parser reads in surprising ways (written raw: JSON.stringify cannot say -0 or 1e400). */
export const NASTY_NUMBER_TEXTS = [
  "-0",
  "0",
  "1e308",
  "-1e308",
  "1e400",
  "1e-400",
  "5.0",
  "4.999999999999999999",
  "0.1e1",
  "5e0",
  "9007199254740993",
  "-1",
  "6",
  "3.5",
  '"5"',
  '"NaN"',
  '"Infinity"',
  '"-0"',
  "null",
  "true",
  "[5]",
  '{"value":5}',
] as const;

/** A JSON value nested `depth` levels deep in arrays or objects (written as text: no recursion anywhere). */
export function deeplyNested() {
  return fc
    .record({ depth: fc.integer({ min: 1, max: 30_000 }), arrays: fc.boolean() })
    .map(({ depth, arrays }) =>
      arrays ? `${"[".repeat(depth)}5${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}5${"}".repeat(depth)}`,
    );
}
