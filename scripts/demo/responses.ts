import { maskPersonalData } from "../../server/submit/pii.js";
import { newResponseId } from "../../shared/contract/response-id.js";
import {
  EXPECTATION_CODES,
  FULL_ITEM_CODES,
  QUICK_ITEM_CODES,
  RESPONDENT_QUESTIONS,
} from "../../shared/instrument/index.js";
import { localDay } from "../../shared/time/index.js";
import { DEMO_COMMENTS, type DemoPoint } from "./catalogue.js";
import type { Random } from "./random.js";

export type DemoResponse = {
  id: string;
  point: DemoPoint;
  serviceCode: string | null;
  submittedAt: number;
  localDay: string;
  lang: "vi" | "zh" | "en";
  channel: "qr" | "kiosk" | "link";
  answers: Record<string, number>;
  expectations: Record<string, number> | null;
  respondent: Record<string, string>;
  comment: string | null;
  commentHasPii: boolean;
};

const DAY_MS = 86_400_000;
// Feedback handling (PA) is often "not applicable" to a citizen and is rated lower than access (TC).
const ELEMENT_SHIFT: Record<string, number> = { TC: 0.05, TT: 0.02, CC: 0.03, KQ: 0, PA: -0.08 };
const SKIP: Record<string, number> = { TC: 0.03, TT: 0.05, CC: 0.02, KQ: 0.06, PA: 0.18 };

/** One answer on the 1–5 scale for a counter of the given quality (share of satisfied answers). */
function answer(random: Random, satisfied: number): number {
  if (random.chance(satisfied)) return random.chance(0.45) ? 5 : 4;
  const r = random.next();
  return r < 0.6 ? 3 : r < 0.88 ? 2 : 1;
}

/**
 * A random working-hours instant within the `days` days before `until`, evenly over the days but for
 * weekends, when offices are closed.
 */
export function demoInstant(random: Random, options: { until: number; days: number }): number {
  const daysAgo = random.int(0, options.days - 1);
  let dayStart = Math.floor(options.until / DAY_MS) * DAY_MS - daysAgo * DAY_MS;
  // Move most weekend visits to the Friday before.
  const weekday = new Date(dayStart).getUTCDay();
  if ((weekday === 0 || weekday === 6) && random.chance(0.95)) dayStart -= (weekday === 0 ? 2 : 1) * DAY_MS;
  // 07:30–17:00 in Hanoi is 00:30–10:00 UTC.
  return Math.min(dayStart + random.int(30 * 60, 10 * 3600) * 1000, options.until - 1000);
}

/**
 * A synthetic response at `submittedAt` (a demoInstant): plausible distributions per counter, a slow
 * improvement over the year, some skipped items, optional sections and comments as real citizens leave them.
 */
export function generateResponse(
  random: Random,
  options: { points: DemoPoint[]; servicesOf: (point: DemoPoint) => string[]; until: number; days: number },
  submittedAt: number,
): DemoResponse {
  const point = random.weighted(options.points, (p) => p.weight);
  const daysAgo = Math.floor(options.until / DAY_MS) - Math.floor(submittedAt / DAY_MS);
  const progress = 1 - daysAgo / options.days;
  const items = point.form === "full" ? FULL_ITEM_CODES : QUICK_ITEM_CODES;
  const answers: Record<string, number> = {};
  for (const item of items) {
    const element = item.slice(0, 2);
    if (random.chance(SKIP[element] ?? 0)) continue;
    answers[item] = answer(
      random,
      Math.min(0.98, point.quality + (ELEMENT_SHIFT[element] ?? 0) + progress * 0.05),
    );
  }
  if (Object.keys(answers).length === 0) answers[items[0] as string] = answer(random, point.quality);
  const services = point.service ? [point.service] : options.servicesOf(point);
  const langRoll = random.next();
  const comment = random.chance(0.06) ? maskPersonalData(random.pick(DEMO_COMMENTS)) : null;
  const respondent: Record<string, string> = {};
  if (random.chance(0.55)) {
    for (const [field, question] of Object.entries(RESPONDENT_QUESTIONS)) {
      if (random.chance(0.85)) respondent[field] = random.pick(question.options);
    }
  }
  return {
    id: newResponseId(submittedAt, random.bytes(16)),
    point,
    serviceCode: services.length > 0 && random.chance(0.9) ? random.pick(services) : null,
    submittedAt,
    localDay: localDay(submittedAt),
    lang: langRoll < 0.92 ? "vi" : langRoll < 0.97 ? "zh" : "en",
    channel: point.tokenRequired ? "link" : point.code === "TTKSK6" ? "kiosk" : "qr",
    answers,
    expectations: random.chance(0.3)
      ? Object.fromEntries(
          EXPECTATION_CODES.filter(() => random.chance(0.7)).map((code) => [code, random.int(1, 3)]),
        )
      : null,
    respondent,
    comment: comment?.text ?? null,
    commentHasPii: comment?.masked ?? false,
  };
}
