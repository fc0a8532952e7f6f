import { ITEM_CODES, type ItemCode } from "../../shared/instrument/index.js";
import type { GroupCounts } from "../../shared/scoring/index.js";

// Counting straight from responses: what the rollups must agree with. Production counts come from the
// rollup tables only (countsFromRollup); these build the expected figures in tests.

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

/** The counts of a list of responses (each an answers map). */
export function countsFromResponses(responses: Iterable<AnswerMap>): GroupCounts {
  const counts = emptyCounts();
  for (const answers of responses) accumulate(counts, answers);
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
