import type { LoadAnswer } from "../../../bench/lib/load.js";
import { canonicalContent } from "../../../server/submit/content-hash.js";
import type { PlannedSend, Submission } from "./workload.js";

// What the clients of a load run were told, id by id: the promise the server made. A 201 or a 200 is an
// acknowledgement (the response is stored); a 409 DUPLICATE_ID says that this content was not stored; no
// answer at all (a killed server) promises nothing either way.

export type Ledger = {
  /** Acknowledged ids with the content they were acknowledged for. */
  acknowledged: Map<string, Submission>;
  /** Bodies refused with 409 DUPLICATE_ID: none of them may be what is stored under its id. */
  refused: Submission[];
  /** Bodies that got no answer, by id: any one of them may or may not be stored. */
  unanswered: Map<string, Submission[]>;
  /** Every id sent at least once. */
  sentIds: Set<string>;
  /** Answers the server must never give (5xx, other refusals), and contradictions between answers. */
  problems: string[];
};

/**
 * Reads answers against the sends they answer (index for index; undefined: never sent). Runs before and
 * after a restart are read together by concatenating their sends and answers.
 */
export function keepLedger(
  sends: readonly PlannedSend[],
  answers: readonly (LoadAnswer | undefined)[],
): Ledger {
  const ledger: Ledger = {
    acknowledged: new Map(),
    refused: [],
    unanswered: new Map(),
    sentIds: new Set(),
    problems: [],
  };
  sends.forEach(({ submission }, index) => {
    const answer = answers[index];
    if (!answer) return;
    ledger.sentIds.add(submission.id);
    if (answer.status === 201 || answer.status === 200) {
      const earlier = ledger.acknowledged.get(submission.id);
      if (earlier && !sameContent(earlier, submission))
        ledger.problems.push(`${submission.id}: acknowledged for two different contents`);
      ledger.acknowledged.set(submission.id, submission);
    } else if (answer.status === 409 && errorCode(answer.body) === "DUPLICATE_ID") {
      ledger.refused.push(submission);
    } else if (answer.status === 0) {
      const bodies = ledger.unanswered.get(submission.id) ?? [];
      ledger.unanswered.set(submission.id, [...bodies, submission]);
    } else {
      ledger.problems.push(`${submission.id}: answered ${answer.status} ${answer.body.slice(0, 200)}`);
    }
  });
  for (const body of ledger.refused) {
    const kept = ledger.acknowledged.get(body.id);
    if (kept && sameContent(kept, body)) ledger.problems.push(`${body.id}: 409 for the acknowledged content`);
  }
  return ledger;
}

/** True when two bodies say the same thing (the server's own canonical form, id aside). */
export function sameContent(a: Submission, b: Submission): boolean {
  return canonicalContent(a) === canonicalContent(b);
}

function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
