import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEM_CODES } from "../../../shared/instrument/index.js";
import {
  countsFromRollup,
  type GroupScore,
  scoreGroup,
  type ValueCounts,
} from "../../../shared/scoring/index.js";
import {
  type AnswerMap,
  addResponse,
  countsFromResponses,
  emptyCounts,
  mergeCounts,
} from "../../helpers/counts.js";

// Property tests of the scoring: the rules hold for any set of responses, not just the hand-picked ones.

// The elements written out again here, so that the reference does not share the instrument's tables.
const REFERENCE_ELEMENTS: Record<string, string[]> = {
  TC: ["TC1", "TC2", "TC3", "TC4", "TC"],
  TT: ["TT1", "TT2", "TT3", "TT4", "TT"],
  CC: ["CC1", "CC2", "CC3", "CC4", "CC5", "CC"],
  KQ: ["KQ1", "KQ2", "KQ3", "KQ"],
  PA: ["PA1", "PA2", "PA3", "PA"],
};

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** SIPAS.md §3 read literally, straight from the raw answer lists. */
function referenceScore(responses: AnswerMap[]) {
  const items: Record<string, { n: number; index: number | null; mean: number | null }> = {};
  for (const codes of Object.values(REFERENCE_ELEMENTS)) {
    for (const code of codes) {
      const valid = responses
        .map((response) => response[code])
        .filter((value): value is number => value !== undefined && [1, 2, 3, 4, 5].includes(value));
      const satisfied = valid.filter((value) => value >= 4).length;
      items[code] = {
        n: valid.length,
        index: valid.length === 0 ? null : (satisfied / valid.length) * 100,
        mean: mean(valid),
      };
    }
  }
  const elements: Record<string, { index: number | null; mean: number | null }> = {};
  for (const [element, codes] of Object.entries(REFERENCE_ELEMENTS)) {
    const withData = codes.map((code) => items[code]!).filter((item) => item.n > 0);
    elements[element] = {
      index: mean(withData.map((item) => item.index!)),
      mean: mean(withData.map((item) => item.mean!)),
    };
  }
  const elementIndices = Object.values(elements)
    .map((element) => element.index)
    .filter((index): index is number => index !== null);
  return { respondents: responses.length, items, elements, sipasIndex: mean(elementIndices) };
}

const closeOrBothNull = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
};

// A response answers a random subset of the items (full, quick or a mix) with values on the scale.
const responseArb: fc.Arbitrary<AnswerMap> = fc.dictionary(
  fc.constantFrom(...ITEM_CODES),
  fc.integer({ min: 1, max: 5 }),
  { maxKeys: ITEM_CODES.length },
);
const responsesArb = fc.array(responseArb, { maxLength: 60 });

function allIndices(result: GroupScore): (number | null)[] {
  return [
    result.sipasIndex,
    ...Object.values(result.elements).map((element) => element.index),
    ...Object.values(result.items).map((item) => item.index),
  ];
}

describe("scoring properties", () => {
  it("keeps every index within [0, 100] and every mean within [1, 5]", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const result = scoreGroup(countsFromResponses(responses));
        for (const index of allIndices(result)) {
          if (index !== null) expect(index >= 0 && index <= 100).toBe(true);
        }
        for (const figure of [...Object.values(result.elements), ...Object.values(result.items)]) {
          if (figure.mean !== null) expect(figure.mean >= 1 && figure.mean <= 5).toBe(true);
        }
      }),
    );
  });

  it("does not depend on the order of the responses", () => {
    fc.assert(
      fc.property(
        responsesArb.chain((responses) =>
          fc.tuple(fc.constant(responses), fc.shuffledSubarray(responses, { minLength: responses.length })),
        ),
        ([responses, shuffled]) => {
          expect(scoreGroup(countsFromResponses(shuffled))).toEqual(
            scoreGroup(countsFromResponses(responses)),
          );
        },
      ),
    );
  });

  it("scores rollup counts exactly as SIPAS.md §3 scores the raw responses", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const actual = scoreGroup(countsFromResponses(responses));
        const expected = referenceScore(responses);
        expect(actual.respondents).toBe(expected.respondents);
        closeOrBothNull(actual.sipasIndex, expected.sipasIndex);
        for (const [code, element] of Object.entries(expected.elements)) {
          closeOrBothNull(actual.elements[code as keyof typeof actual.elements].index, element.index);
          closeOrBothNull(actual.elements[code as keyof typeof actual.elements].mean, element.mean);
        }
        for (const [code, item] of Object.entries(expected.items)) {
          const scored = actual.items[code as keyof typeof actual.items];
          expect(scored.n).toBe(item.n);
          closeOrBothNull(scored.index, item.index);
          closeOrBothNull(scored.mean, item.mean);
        }
      }),
    );
  });

  it("gives the same figures from rollup rows as from the responses they count", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const counts = countsFromResponses(responses);
        // Each item split over two rows, as a period read from the monthly and the daily table.
        const rows = Object.entries(counts.items).flatMap(([item, values]) => [
          { item, counts: values.map((count) => Math.floor(count / 2)) as ValueCounts },
          { item, counts: values.map((count) => count - Math.floor(count / 2)) as ValueCounts },
        ]);
        expect(scoreGroup(countsFromRollup(responses.length, rows))).toEqual(scoreGroup(counts));
      }),
    );
  });

  it("scores two periods' merged counts as their union", () => {
    fc.assert(
      fc.property(responsesArb, responsesArb, (first, second) => {
        const merged = mergeCounts(countsFromResponses(first), countsFromResponses(second));
        expect(merged).toEqual(countsFromResponses([...first, ...second]));
        expect(scoreGroup(merged)).toEqual(scoreGroup(countsFromResponses([...first, ...second])));
      }),
    );
  });

  it("adds responses one by one to the same counts as counting the list", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const folded = responses.reduce((counts, answers) => addResponse(counts, answers), emptyCounts());
        expect(folded).toEqual(countsFromResponses(responses));
      }),
    );
  });
});
