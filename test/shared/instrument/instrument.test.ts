import { describe, expect, it } from "vitest";
import {
  ELEMENT_CODES,
  ELEMENTS,
  EXPECTATION_CODES,
  elementOfItem,
  FORMS,
  FULL_ITEM_CODES,
  INSTRUMENT_VERSION,
  ITEM_CODES,
  isItemCode,
  itemsOfElement,
  itemsOfForm,
  QUICK_ITEM_CODES,
  RESPONDENT_QUESTIONS,
  SCALE_VALUES,
} from "../../../shared/instrument/index.js";

describe("the instrument (SIPAS.md §2)", () => {
  it("is versioned", () => {
    expect(INSTRUMENT_VERSION).toBe("sipas-2023.1");
  });

  it("has 5 elements and the 19 full items in order", () => {
    expect(ELEMENT_CODES).toEqual(["TC", "TT", "CC", "KQ", "PA"]);
    expect(FULL_ITEM_CODES).toEqual([
      ...["TC1", "TC2", "TC3", "TC4"],
      ...["TT1", "TT2", "TT3", "TT4"],
      ...["CC1", "CC2", "CC3", "CC4", "CC5"],
      ...["KQ1", "KQ2", "KQ3"],
      ...["PA1", "PA2", "PA3"],
    ]);
    expect(ELEMENTS.map((element) => element.code)).toEqual([...ELEMENT_CODES]);
  });

  it("has one quick item per element, coded like the element", () => {
    expect(QUICK_ITEM_CODES).toEqual(["TC", "TT", "CC", "KQ", "PA"]);
    expect(ITEM_CODES).toHaveLength(24);
    expect(new Set(ITEM_CODES).size).toBe(24);
  });

  it("puts each item, full or quick, in its element", () => {
    expect(elementOfItem("CC5")).toBe("CC");
    expect(elementOfItem("KQ")).toBe("KQ");
    for (const item of ITEM_CODES) expect(item.startsWith(elementOfItem(item))).toBe(true);
    expect(itemsOfElement("KQ")).toEqual(["KQ1", "KQ2", "KQ3", "KQ"]);
    expect(isItemCode("PA3")).toBe(true);
    expect(isItemCode("PA4")).toBe(false);
  });

  it("gives each form its items", () => {
    expect(FORMS).toEqual(["full", "quick"]);
    expect(itemsOfForm("full")).toEqual(FULL_ITEM_CODES);
    expect(itemsOfForm("quick")).toEqual(QUICK_ITEM_CODES);
  });

  it("has the 1–5 scale, seven expectation items and the respondent questions", () => {
    expect(SCALE_VALUES).toEqual([1, 2, 3, 4, 5]);
    expect(EXPECTATION_CODES).toEqual(["E1", "E2", "E3", "E4", "E5", "E6", "E7"]);
    expect(Object.keys(RESPONDENT_QUESTIONS)).toEqual([
      "gender",
      "ageBand",
      "ethnicity",
      "education",
      "occupation",
    ]);
    expect(RESPONDENT_QUESTIONS.ageBand.options).toEqual(["18-24", "25-34", "35-49", "50-60", "60+"]);
    expect(RESPONDENT_QUESTIONS.ethnicity.options).toContain("nung");
  });
});
