import type { CasePatch, CaseStatus } from "../../shared/contract/cases.js";
import { invalid } from "../errors.js";

// What a PATCH does to a case: the status it moves to and the instants it keeps. The first answer's time is
// kept for the follow-through figures even if the reply is edited or the case reopened.

type Current = {
  status: CaseStatus;
  reply: string | null;
  answered_at: number | null;
  closed_at: number | null;
};

/** The case's next state after a PATCH, or a 400 when it would be answered without a reply. */
export function nextCaseState(current: Current, patch: CasePatch, now: number) {
  const status = patch.status ?? current.status;
  const reply = patch.reply === undefined ? current.reply : patch.reply || null;
  if (status === "answered" && !reply) {
    throw invalid("A case is answered with a reply.", [
      { path: ["reply"], message: "write the reply first" },
    ]);
  }
  return {
    status,
    reply: patch.reply === undefined ? undefined : reply,
    note: patch.note === undefined ? undefined : patch.note || null,
    answeredAt: current.answered_at ?? (status === "answered" || (status === "closed" && reply) ? now : null),
    closedAt: status === "closed" ? (current.closed_at ?? now) : null,
  };
}
