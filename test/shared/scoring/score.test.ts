import { describe, expect, it } from "vitest";
import { FULL_ITEM_CODES } from "../../../shared/instrument/index.js";
import { formatIndex, SMALL_SAMPLE_THRESHOLD, scoreGroup, scoreItem } from "../../../shared/scoring/index.js";
import { type AnswerMap, countsFromResponses } from "../../helpers/counts.js";

// Hand-computed cases of SIPAS.md §3. Each states the arithmetic, and most are chosen so that a plausible
// wrong rule (pooling answers, weighting by n, counting "no data" as 0, counting 3 as satisfied) gives a
// different number.

const score = (responses: AnswerMap[]) => scoreGroup(countsFromResponses(responses));

describe("SIPAS.md §3 worked example", () => {
  // TC1 answers 5, 4, 2, — ; TC2 answers 3, 3, 4, 5.
  const result = score([{ TC1: 5, TC2: 3 }, { TC1: 4, TC2: 3 }, { TC1: 2, TC2: 4 }, { TC2: 5 }]);

  it("gives TC1 2/3 = 66.67 with n = 3 (the unanswered item is in neither part)", () => {
    expect(result.items.TC1.n).toBe(3);
    expect(result.items.TC1.index).toBeCloseTo(200 / 3, 12);
    expect(formatIndex(result.items.TC1.index)).toBe("66.67");
  });

  it("gives TC2 2/4 = 50.00", () => {
    expect(result.items.TC2.n).toBe(4);
    expect(result.items.TC2.index).toBe(50);
    expect(formatIndex(result.items.TC2.index)).toBe("50.00");
  });

  it("gives TC (66.666… + 50) / 2 = 58.33, from unrounded item indices", () => {
    // From rounded items it would be (66.67 + 50) / 2 = 58.335 → 58.34.
    expect(result.elements.TC.index).toBeCloseTo((200 / 3 + 50) / 2, 12);
    expect(formatIndex(result.elements.TC.index)).toBe("58.33");
  });

  it("gives the means: TC1 11/3, TC2 15/4, TC (11/3 + 15/4) / 2 = 3.71", () => {
    // TC1 (5 + 4 + 2) / 3 = 3.666…; TC2 (3 + 3 + 4 + 5) / 4 = 3.75; pooled would be 26/7 = 3.714… (3.71 too),
    // so the exact value is checked: 89/24 = 3.708333…
    expect(result.items.TC1.mean).toBeCloseTo(11 / 3, 12);
    expect(result.items.TC2.mean).toBe(3.75);
    expect(result.elements.TC.mean).toBeCloseTo(89 / 24, 12);
  });

  it("counts 4 respondents and 7 valid answers for TC, and TC alone makes the SIPAS index", () => {
    expect(result.respondents).toBe(4);
    expect(result.elements.TC.n).toBe(7);
    expect(result.sipasIndex).toBeCloseTo(175 / 3, 12);
    expect(result.elements.TT).toEqual({ index: null, mean: null, n: 0 });
  });
});

describe("scoreItem", () => {
  it("takes n, index and mean from the counts of each value", () => {
    // counts 1,2,3,4,5 of the values 1..5: n = 15; satisfied = 4 + 5 = 9 → 9/15 = 60 %;
    // mean = (1·1 + 2·2 + 3·3 + 4·4 + 5·5) / 15 = 55/15 = 3.666…
    const item = scoreItem([1, 2, 3, 4, 5]);
    expect(item.n).toBe(15);
    expect(item.index).toBe(60);
    expect(item.mean).toBeCloseTo(55 / 15, 12);
    expect(item.counts).toEqual([1, 2, 3, 4, 5]);
  });

  it("does not count 3 (Bình thường) as satisfied", () => {
    // ten answers of 3: 0 of 10 satisfied → 0, not null; mean 3.
    expect(scoreItem([0, 0, 10, 0, 0])).toMatchObject({ n: 10, index: 0, mean: 3 });
    // one answer of 4: 1/1 → 100.
    expect(scoreItem([0, 0, 0, 1, 0])).toMatchObject({ n: 1, index: 100, mean: 4 });
  });

  it("has no index or mean without answers", () => {
    expect(scoreItem([0, 0, 0, 0, 0])).toEqual({ n: 0, counts: [0, 0, 0, 0, 0], index: null, mean: null });
  });
});

describe("scoreGroup", () => {
  it("leaves unanswered items out of the element index", () => {
    // CC1: 4, 5, 3 → 2/3; CC2..CC5 never answered. CC = 66.67, not (66.67 + 0·4) / 5 = 13.33.
    const result = score([{ CC1: 4 }, { CC1: 5 }, { CC1: 3 }]);
    expect(result.items.CC2).toMatchObject({ n: 0, index: null, mean: null });
    expect(result.elements.CC.index).toBeCloseTo(200 / 3, 12);
    expect(result.elements.CC.mean).toBe(4);
  });

  it("leaves an element without data out of the SIPAS index", () => {
    // TC 100, TT 100, CC 0, KQ 0, PA no data → (100 + 100 + 0 + 0) / 4 = 50; with PA as 0 it would be 40.
    const result = score([{ TC1: 5, TT1: 4, CC1: 3, KQ1: 2 }]);
    expect(result.elements.PA).toEqual({ index: null, mean: null, n: 0 });
    expect(result.sipasIndex).toBe(50);
  });

  it("scores a group of one", () => {
    // One respondent answering every full item with 4: every index 100, every mean 4.
    const result = score([Object.fromEntries(FULL_ITEM_CODES.map((code) => [code, 4]))]);
    expect(result.respondents).toBe(1);
    expect(result.smallSample).toBe(true);
    expect(result.sipasIndex).toBe(100);
    for (const element of Object.values(result.elements))
      expect(element).toMatchObject({ index: 100, mean: 4 });
    expect(result.elements.CC.n).toBe(5);
  });

  it("averages full and quick items of an element alike", () => {
    // Full response: TC1 5, TC2 5, TC3 1, TC4 2 → 100, 100, 0, 0. Quick responses: TC 4, 4 → 100.
    // TC = (100 + 100 + 0 + 0 + 100) / 5 = 60.
    // Not per form then averaged: (50 + 100) / 2 = 75; not pooled: 4 satisfied of 6 answers = 66.67.
    const result = score([{ TC1: 5, TC2: 5, TC3: 1, TC4: 2 }, { TC: 4 }, { TC: 4 }]);
    expect(result.items.TC).toMatchObject({ n: 2, index: 100, mean: 4 });
    expect(result.elements.TC.index).toBe(60);
    // Means: 5, 5, 1, 2, 4 → 17/5 = 3.4.
    expect(result.elements.TC.mean).toBeCloseTo(3.4, 12);
    expect(result.elements.TC.n).toBe(6);
    expect(result.respondents).toBe(3);
  });

  it("weights items equally whatever their n", () => {
    // TC1: ten answers of 5 → 100; TC2: one answer of 1 → 0. TC = (100 + 0) / 2 = 50; weighted by n: 10/11 = 90.9.
    const result = score([...Array.from({ length: 10 }, () => ({ TC1: 5 })), { TC2: 1 }]);
    expect(result.elements.TC.index).toBe(50);
    // Means: TC1 5, TC2 1 → element mean (5 + 1) / 2 = 3; pooled it would be 51/11 = 4.64.
    expect(result.elements.TC.mean).toBe(3);
  });

  it("weights elements equally whatever their number of items", () => {
    // TC1..TC4 all 5 → TC 100; PA1 1 → PA 0. SIPAS = (100 + 0) / 2 = 50; over items it would be 4/5 = 80.
    const result = score([{ TC1: 5, TC2: 5, TC3: 5, TC4: 5, PA1: 1 }]);
    expect(result.sipasIndex).toBe(50);
  });

  it("gives 0, not null, when every answer is negative or neutral", () => {
    // Answers 1, 2, 3 only: every index with data is 0, so the SIPAS index is 0.
    // Means: CC1 (1 + 2) / 2 = 1.5, CC2 3 → CC mean (1.5 + 3) / 2 = 2.25.
    const result = score([
      { TC1: 1, CC1: 1, CC2: 3 },
      { TC1: 2, CC1: 2 },
    ]);
    expect(result.elements.TC.index).toBe(0);
    expect(result.elements.CC.index).toBe(0);
    expect(result.sipasIndex).toBe(0);
    expect(result.elements.CC.mean).toBe(2.25);
    expect(result.elements.TC.mean).toBe(1.5);
  });

  it("has no index at all for a group without responses", () => {
    const result = score([]);
    expect(result).toMatchObject({ respondents: 0, smallSample: true, sipasIndex: null });
    expect(result.items.TC1).toEqual({ n: 0, counts: [0, 0, 0, 0, 0], index: null, mean: null });
  });

  it("flags fewer than 30 respondents as a small sample", () => {
    expect(SMALL_SAMPLE_THRESHOLD).toBe(30);
    const responses = Array.from({ length: 30 }, () => ({ KQ1: 5 }));
    expect(score(responses.slice(0, 29))).toMatchObject({ respondents: 29, smallSample: true });
    expect(score(responses)).toMatchObject({ respondents: 30, smallSample: false });
  });

  it("counts respondents, not answers", () => {
    // 3 responses of 2 answers each: 3 respondents, n = 3 per item.
    const result = score([
      { KQ1: 5, KQ2: 4 },
      { KQ1: 4, KQ2: 4 },
      { KQ1: 1, KQ2: 4 },
    ]);
    expect(result.respondents).toBe(3);
    expect(result.items.KQ1.n).toBe(3);
    // KQ1 2/3, KQ2 3/3 → KQ (66.67 + 100) / 2 = 83.33.
    expect(formatIndex(result.elements.KQ.index)).toBe("83.33");
    // KQ1 mean 10/3, KQ2 4 → (10/3 + 4) / 2 = 11/3 = 3.67.
    expect(formatIndex(result.elements.KQ.mean)).toBe("3.67");
  });

  it("ignores values outside the scale and codes outside the instrument", () => {
    // Only PA1 = 4 is valid: 0, 6, 2.5, NaN and the unknown XX1 count nowhere, but the response is a respondent.
    const result = score([{ PA1: 4, PA2: 0, PA3: 6, PA: 2.5, KQ1: Number.NaN, XX1: 5 }]);
    expect(result.respondents).toBe(1);
    expect(result.elements.PA).toEqual({ index: 100, mean: 4, n: 1 });
    expect(result.elements.KQ.n).toBe(0);
  });

  it("takes the SIPAS index as the plain mean of five element indices", () => {
    // TC 100; TT 1/2 = 50; CC 0; KQ1 1/3 → 33.33…; PA 1/4 = 25 → (100 + 50 + 0 + 100/3 + 25) / 5 = 41.67.
    const result = score([
      { TC1: 5, TT1: 5, CC1: 2, KQ1: 4, PA1: 5 },
      { TT1: 1, KQ1: 1, PA1: 1 },
      { KQ1: 2, PA1: 1 },
      { PA1: 3 },
    ]);
    expect(result.elements.KQ.index).toBeCloseTo(100 / 3, 12);
    expect(result.sipasIndex).toBeCloseTo((100 + 50 + 0 + 100 / 3 + 25) / 5, 12);
    expect(formatIndex(result.sipasIndex)).toBe("41.67");
  });
});
