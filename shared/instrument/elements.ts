// The satisfaction block of SIPAS.md §2: 5 elements, 19 full items and one quick item per element.
// The codes are hailong's stable identifiers and part of the public API; wording lives in shared/i18n.

export const ELEMENT_CODES = ["TC", "TT", "CC", "KQ", "PA"] as const;
export type ElementCode = (typeof ELEMENT_CODES)[number];

export const FORMS = ["full", "quick"] as const;
export type Form = (typeof FORMS)[number];

export const ELEMENTS = [
  { code: "TC", items: ["TC1", "TC2", "TC3", "TC4"], quickItem: "TC" },
  { code: "TT", items: ["TT1", "TT2", "TT3", "TT4"], quickItem: "TT" },
  { code: "CC", items: ["CC1", "CC2", "CC3", "CC4", "CC5"], quickItem: "CC" },
  { code: "KQ", items: ["KQ1", "KQ2", "KQ3"], quickItem: "KQ" },
  { code: "PA", items: ["PA1", "PA2", "PA3"], quickItem: "PA" },
] as const satisfies readonly { code: ElementCode; items: readonly string[]; quickItem: ElementCode }[];

type FullItemCode = (typeof ELEMENTS)[number]["items"][number];
type QuickItemCode = (typeof ELEMENTS)[number]["quickItem"];
export type ItemCode = FullItemCode | QuickItemCode;

/** The 19 items of the full form, in the order they are asked. */
export const FULL_ITEM_CODES: readonly FullItemCode[] = ELEMENTS.flatMap((element) => element.items);

/** The 5 items of the quick form, one per element. */
export const QUICK_ITEM_CODES: readonly QuickItemCode[] = ELEMENTS.map((element) => element.quickItem);

/** Every item code a response may carry: the full items, then the quick items. */
export const ITEM_CODES: readonly ItemCode[] = [...FULL_ITEM_CODES, ...QUICK_ITEM_CODES];

const ELEMENT_OF_ITEM = new Map<string, ElementCode>(
  ELEMENTS.flatMap((element) => [...element.items, element.quickItem].map((item) => [item, element.code])),
);

/** True for a known item code (full or quick); narrows strings from the outside world. */
export function isItemCode(code: string): code is ItemCode {
  return ELEMENT_OF_ITEM.has(code);
}

/** The element an item belongs to; a quick item belongs to the element of the same code. */
export function elementOfItem(code: ItemCode): ElementCode {
  return ELEMENT_OF_ITEM.get(code) as ElementCode;
}

/** The items a point of the given form asks, in order. */
export function itemsOfForm(form: Form): readonly ItemCode[] {
  return form === "full" ? FULL_ITEM_CODES : QUICK_ITEM_CODES;
}

/** All items of an element that count towards its index: its full items and its quick item alike. */
export function itemsOfElement(code: ElementCode): readonly ItemCode[] {
  const element = ELEMENTS.find((candidate) => candidate.code === code);
  return element ? [...element.items, element.quickItem] : [];
}
