import { describe, expect, it } from "vitest";
import { countsFromRollup } from "../../../shared/scoring/index.js";
import { addResponse, countsFromResponses, emptyCounts, mergeCounts } from "../../helpers/counts.js";

describe("counts", () => {
  it("counts each answer under its value", () => {
    // TC1: 5, 5, 2 → [0, 1, 0, 0, 2]; CC: 3 → [0, 0, 1, 0, 0].
    expect(countsFromResponses([{ TC1: 5 }, { TC1: 5, CC: 3 }, { TC1: 2 }])).toEqual({
      respondents: 3,
      items: { TC1: [0, 1, 0, 0, 2], CC: [0, 0, 1, 0, 0] },
    });
  });

  it("adds a response without changing the counts it was given", () => {
    const before = countsFromResponses([{ TC1: 4 }]);
    const after = addResponse(before, { TC1: 4, TT1: 1 });
    expect(before).toEqual({ respondents: 1, items: { TC1: [0, 0, 0, 1, 0] } });
    expect(after).toEqual({ respondents: 2, items: { TC1: [0, 0, 0, 2, 0], TT1: [1, 0, 0, 0, 0] } });
  });

  it("merges without changing either side", () => {
    const a = countsFromResponses([{ KQ1: 1 }]);
    const b = countsFromResponses([{ KQ1: 5 }, { KQ2: 3 }]);
    expect(mergeCounts(a, b)).toEqual({
      respondents: 3,
      items: { KQ1: [1, 0, 0, 0, 1], KQ2: [0, 0, 1, 0, 0] },
    });
    expect(a).toEqual({ respondents: 1, items: { KQ1: [1, 0, 0, 0, 0] } });
    expect(b.items.KQ1).toEqual([0, 0, 0, 0, 1]);
    expect(mergeCounts(emptyCounts(), emptyCounts())).toEqual(emptyCounts());
  });

  it("reads rollup rows, adding up the rows of one item and skipping rows outside the instrument", () => {
    const counts = countsFromRollup(7, [
      { item: "PA1", counts: [0, 2, 0, 5, 0] },
      { item: "PA1", counts: [1, 0, 0, 1, 0] },
      { item: "E1", counts: [3, 0, 0, 0, 0] },
    ]);
    expect(counts).toEqual({ respondents: 7, items: { PA1: [1, 2, 0, 6, 0] } });
  });
});
