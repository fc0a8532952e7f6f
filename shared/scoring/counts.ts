import { type ItemCode, isItemCode } from "../instrument/index.js";

// What rollups store: per item, how many answers took each value 1–5, plus how many responses there were.
// Scores are computed from these counts only, so a report never needs the raw responses.

/** Answers equal to 1, 2, 3, 4 and 5, in that order. */
export type ValueCounts = [number, number, number, number, number];

export type GroupCounts = {
  respondents: number;
  items: Partial<Record<ItemCode, ValueCounts>>;
};

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
