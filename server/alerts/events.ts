import type { OutboxInsert } from "../db/queries/cases.js";

// The webhook events of issue 17 as the exact JSON bodies that get signed and sent. Privacy rule: no
// event ever carries a citizen's contact, comment or answers beyond the items rated 1 or 2; each has a
// one-line `text` so that a relay can post it to a chat group as it is.

type UnitRef = { code: string; name: string };

export type CaseAlertFacts = {
  ref: string;
  openedAt: number;
  dueAt: number;
  unit: UnitRef;
  point: { code: string; label: string };
  service: UnitRef | null;
  /** Items answered 1 or 2. */
  lowItems: string[];
  hasComment: boolean;
};

function row(key: string, event: string, payload: Record<string, unknown>, now: number): OutboxInsert {
  const body = JSON.stringify({ event, id: key, createdAt: new Date(now).toISOString(), ...payload });
  return { key, event, body, createdAt: now, nextAttemptAt: now };
}

function casePayload(facts: CaseAlertFacts, publicUrl: string) {
  return {
    ref: facts.ref,
    openedAt: new Date(facts.openedAt).toISOString(),
    dueAt: new Date(facts.dueAt).toISOString(),
    unit: facts.unit,
    point: facts.point,
    service: facts.service,
    lowItems: facts.lowItems,
    hasComment: facts.hasComment,
    url: `${publicUrl}/console/cases/${facts.ref}`,
  };
}

/** `case.opened`: a citizen asked for a reply (without the contact). */
export function caseOpenedEvent(facts: CaseAlertFacts, publicUrl: string, now: number): OutboxInsert {
  const low = facts.lowItems.length > 0 ? ` Thấp: ${facts.lowItems.join(", ")}.` : "";
  return row(
    `case.opened:${facts.ref}`,
    "case.opened",
    {
      case: casePayload(facts, publicUrl),
      text: `[${facts.unit.name}] Phản ánh mới ${facts.ref} tại ${facts.point.label}.${low} ${publicUrl}/console/cases/${facts.ref}`,
    },
    now,
  );
}

/** `case.overdue`: a case passed its due time without an answer. */
export function caseOverdueEvent(facts: CaseAlertFacts, publicUrl: string, now: number): OutboxInsert {
  return row(
    `case.overdue:${facts.ref}`,
    "case.overdue",
    {
      case: casePayload(facts, publicUrl),
      text: `[${facts.unit.name}] Phản ánh ${facts.ref} đã quá hạn trả lời. ${publicUrl}/console/cases/${facts.ref}`,
    },
    now,
  );
}

export type DigestFacts = {
  day: string;
  unit: UnitRef;
  respondents: number;
  sipasIndex: number | null;
  lowestItems: Array<{ item: string; index: number; n: number }>;
  cases: { opened: number; open: number; overdue: number };
};

/** The key of a unit's digest for a day: one per top unit and day. */
export const digestKey = (unitCode: string, day: string) => `digest:${unitCode}:${day}`;

/** `digest`: yesterday's figures of a top unit, its new and overdue cases. */
export function digestEvent(facts: DigestFacts, publicUrl: string, now: number): OutboxInsert {
  const index = facts.sipasIndex === null ? "—" : facts.sipasIndex.toFixed(2);
  return row(
    digestKey(facts.unit.code, facts.day),
    "digest",
    {
      day: facts.day,
      unit: facts.unit,
      respondents: facts.respondents,
      sipasIndex: facts.sipasIndex,
      lowestItems: facts.lowestItems,
      cases: facts.cases,
      url: `${publicUrl}/console`,
      text: `[${facts.unit.name}] ${facts.day}: ${facts.respondents} lượt đánh giá, chỉ số ${index}; phản ánh mới ${facts.cases.opened}, quá hạn ${facts.cases.overdue}.`,
    },
    now,
  );
}
