import {
  ELEMENT_CODES,
  type ElementCode,
  ITEM_CODES,
  type ItemCode,
  itemsOfElement,
} from "../instrument/index.js";
import type { GroupCounts, ValueCounts } from "./counts.js";

// The scoring rules of SIPAS.md §3, the only place where a SIPAS figure is computed. Every result is
// unrounded: rounding happens once, when a figure is displayed or exported (see rounding.ts).

/** Groups with fewer respondents than this are flagged as a small sample. */
export const SMALL_SAMPLE_THRESHOLD = 30;

export type ItemScore = {
  /** Valid answers (1–5); unanswered items count in neither numerator nor denominator. */
  n: number;
  counts: ValueCounts;
  /** Share of answers equal to 4 or 5, in percent; null without answers. */
  index: number | null;
  /** Mean answer on the 1–5 scale; null without answers. */
  mean: number | null;
};

export type ElementScore = {
  /** Unweighted mean of the indices of the element's items that have answers (full and quick alike). */
  index: number | null;
  /** Mean of the same items' means. */
  mean: number | null;
  /** Valid answers over all the element's items. */
  n: number;
};

export type GroupScore = {
  respondents: number;
  smallSample: boolean;
  /** Unweighted mean of the element indices that have data. */
  sipasIndex: number | null;
  elements: Record<ElementCode, ElementScore>;
  items: Record<ItemCode, ItemScore>;
};

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** n, index and mean of one item from its counts of each answer value. */
export function scoreItem(counts: Readonly<ValueCounts>): ItemScore {
  const [c1, c2, c3, c4, c5] = counts;
  const n = c1 + c2 + c3 + c4 + c5;
  return {
    n,
    counts: [c1, c2, c3, c4, c5],
    index: n === 0 ? null : ((c4 + c5) / n) * 100,
    mean: n === 0 ? null : (c1 + 2 * c2 + 3 * c3 + 4 * c4 + 5 * c5) / n,
  };
}

function scoreElement(code: ElementCode, items: Record<ItemCode, ItemScore>): ElementScore {
  const answered = itemsOfElement(code)
    .map((item) => items[item])
    .filter((item) => item.n > 0);
  return {
    index: average(answered.map((item) => item.index as number)),
    mean: average(answered.map((item) => item.mean as number)),
    n: answered.reduce((sum, item) => sum + item.n, 0),
  };
}

/** Every figure of one report group (a unit, a service, a month…) from its counts. */
export function scoreGroup(counts: GroupCounts): GroupScore {
  const items = Object.fromEntries(
    ITEM_CODES.map((item) => [item, scoreItem(counts.items[item] ?? [0, 0, 0, 0, 0])]),
  ) as Record<ItemCode, ItemScore>;
  const elements = Object.fromEntries(
    ELEMENT_CODES.map((code) => [code, scoreElement(code, items)]),
  ) as Record<ElementCode, ElementScore>;
  const withData = ELEMENT_CODES.map((code) => elements[code].index).filter((index) => index !== null);
  return {
    respondents: counts.respondents,
    smallSample: counts.respondents < SMALL_SAMPLE_THRESHOLD,
    sipasIndex: average(withData),
    elements,
    items,
  };
}
