import { ITEM_CODES, type ItemCode, isItemCode } from "../instrument/index.js";

// What rollups store: per item, how many answers took each value 1–5, plus how many responses there were.
// Scores are computed from these counts only, so a report never needs the raw responses.

/** Answers equal to 1, 2, 3, 4 and 5, in that order. */
export type ValueCounts = [number, number, number, number, number];

export type GroupCounts = {
  respondents: number;
  items: Partial<Record<ItemCode, ValueCounts>>;
};

/** One response's answers by item code; anything but an integer 1–5 counts as unanswered. */
export type AnswerMap = Readonly<Partial<Record<string, number>>>;

/** Counts of a group with no responses. */
export function emptyCounts(): GroupCounts {
  return { respondents: 0, items: {} };
}

function isScaleValue(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
}

function addValue(counts: GroupCounts, item: ItemCode, value: number, count: number): void {
  const values = counts.items[item] ?? [0, 0, 0, 0, 0];
  values[value - 1] = (values[value - 1] as number) + count;
  counts.items[item] = values;
}

function copyCounts(counts: GroupCounts): GroupCounts {
  const items: GroupCounts["items"] = {};
  for (const item of ITEM_CODES) {
    const values = counts.items[item];
    if (values) items[item] = [...values];
  }
  return { respondents: counts.respondents, items };
}

function accumulate(counts: GroupCounts, answers: AnswerMap): void {
  counts.respondents += 1;
  for (const item of ITEM_CODES) {
    const value = answers[item];
    if (isScaleValue(value)) addValue(counts, item, value, 1);
  }
}

/** The counts with one more response added; the input is left untouched. Unknown codes are ignored. */
export function addResponse(counts: GroupCounts, answers: AnswerMap): GroupCounts {
  const next = copyCounts(counts);
  accumulate(next, answers);
  return next;
}

/** The counts of a list of responses (each an answers map), e.g. for the console's live preview. */
export function countsFromResponses(responses: Iterable<AnswerMap>): GroupCounts {
  const counts = emptyCounts();
  for (const answers of responses) accumulate(counts, answers);
  return counts;
}

/**
 * Counts from rollup rows as a query returns them: the group's respondents and one row per item with its
 * counts of answers 1–5. Rows for codes outside the instrument (expectations) are skipped rather than scored.
 */
export function countsFromRollup(
  respondents: number,
  rows: Iterable<{ item: string; counts: Readonly<ValueCounts> }>,
): GroupCounts {
  const counts: GroupCounts = { respondents, items: {} };
  for (const row of rows) {
    if (!isItemCode(row.item)) continue;
    const values = counts.items[row.item] ?? [0, 0, 0, 0, 0];
    row.counts.forEach((count, index) => {
      values[index] = (values[index] as number) + count;
    });
    counts.items[row.item] = values;
  }
  return counts;
}

/** The counts of two disjoint sets of responses taken together (e.g. two periods); both inputs are left untouched. */
export function mergeCounts(a: GroupCounts, b: GroupCounts): GroupCounts {
  const merged = copyCounts(a);
  merged.respondents += b.respondents;
  for (const item of ITEM_CODES) {
    b.items[item]?.forEach((count, index) => {
      addValue(merged, item, index + 1, count);
    });
  }
  return merged;
}
