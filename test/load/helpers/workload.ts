import type { LoadCall } from "../../../bench/lib/load.js";
import { createRandom, type Random } from "../../../scripts/demo/random.js";
import { newResponseId } from "../../../shared/contract/response-id.js";
import {
  EXPECTATION_CODES,
  FULL_ITEM_CODES,
  QUICK_ITEM_CODES,
  RESPONDENT_QUESTIONS,
} from "../../../shared/instrument/index.js";
import type { LoadPoint } from "./catalogue.js";

// The submissions of a load run, as a phone on a counter's Wi-Fi sends them: mostly one each, some sent
// again after a lost answer (same id, same content: a retry), a few sent again with other answers (same
// id, other content: must be refused). Re-sends land a little after their first copy, often while it is
// still in flight, so the server sees both orders.

/** A response body as sent to POST /api/v1/responses. */
export type Submission = {
  id: string;
  point: string;
  lang: "vi" | "zh" | "en";
  answers: Record<string, number>;
  service?: string;
  expectations?: Record<string, number>;
  respondent?: Record<string, string>;
  comment?: string;
};

/** One request of the plan: a first copy, a retry (same content) or a conflict (other content). */
export type PlannedSend = { kind: "first" | "retry" | "conflict"; submission: Submission };

export type Workload = { sends: PlannedSend[]; calls: LoadCall[] };

// The instant in the first submission's id; the others follow a millisecond apart. Ids grow through a plan
// as the survey's do with time (shared/contract/response-id.ts), and a plan stays the same from its seed.
const FIRST_ID_AT = Date.UTC(2026, 11, 7, 8);

const COMMENTS = [
  "Cán bộ hướng dẫn tận tình, cảm ơn.",
  "Phải chờ hơi lâu ở quầy số 2.",
  "Gọi lại cho tôi số 0912 345 678",
  "工作人员很热情",
  "Quick and clear, thank you.",
  '=HYPERLINK("http://x")',
  "<script>alert(1)</script>",
];

/**
 * Plans `count` distinct submissions over the points, plus re-sends: a share `retryShare` of them again
 * as they were, a share `conflictShare` again with one answer changed. Each re-send is placed up to
 * `spread` positions after its first copy. Reproducible from `seed`.
 */
export function planWorkload(options: {
  points: readonly LoadPoint[];
  count: number;
  retryShare: number;
  conflictShare: number;
  spread: number;
  seed: number;
}): Workload {
  const random = createRandom(options.seed);
  const slots: PlannedSend[][] = Array.from({ length: options.count }, () => []);
  for (let i = 0; i < options.count; i++) {
    const submission = randomSubmission(random, random.pick(options.points), FIRST_ID_AT + i);
    slots[i]!.push({ kind: "first", submission });
    const later = (kind: PlannedSend["kind"], body: Submission) =>
      slots[Math.min(options.count - 1, i + random.int(0, options.spread))]!.push({ kind, submission: body });
    if (random.chance(options.retryShare)) later("retry", structuredClone(submission));
    if (random.chance(options.conflictShare)) later("conflict", withOtherAnswer(submission));
  }
  const sends = slots.flat();
  const calls = sends.map(({ submission }) => submissionCall(submission));
  return { sends, calls };
}

/** The request that submits a response through the JSON API. */
export function submissionCall(submission: Submission): LoadCall {
  return { method: "POST", path: "/api/v1/responses", body: JSON.stringify(submission) };
}

function randomSubmission(random: Random, point: LoadPoint, idAt: number): Submission {
  const items = point.form === "full" ? FULL_ITEM_CODES : QUICK_ITEM_CODES;
  const answers: Record<string, number> = {};
  for (const item of items) if (random.chance(0.85)) answers[item] = random.int(1, 5);
  if (Object.keys(answers).length === 0) answers[items[0]!] = random.int(1, 5);
  const submission: Submission = {
    id: newResponseId(idAt, random.bytes(16)),
    point: point.code,
    lang: random.pick(["vi", "vi", "vi", "zh", "en"] as const),
    answers,
  };
  if (point.choices.length > 0 && random.chance(0.8)) submission.service = random.pick(point.choices);
  if (random.chance(0.4)) {
    submission.expectations = {};
    for (const code of EXPECTATION_CODES)
      if (random.chance(0.5)) submission.expectations[code] = random.int(1, 3);
  }
  if (random.chance(0.3)) {
    submission.respondent = {
      gender: random.pick(RESPONDENT_QUESTIONS.gender.options),
      ageBand: random.pick(RESPONDENT_QUESTIONS.ageBand.options),
    };
  }
  if (random.chance(0.2)) submission.comment = random.pick(COMMENTS);
  return submission;
}

/** The same id with the first answer moved to another value: content that must not replace the first. */
function withOtherAnswer(submission: Submission): Submission {
  const copy = structuredClone(submission);
  const [item, value] = Object.entries(copy.answers)[0]!;
  copy.answers[item] = (value % 5) + 1;
  return copy;
}
