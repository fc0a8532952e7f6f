import { type SQL, sql } from "drizzle-orm";
import type { CaseStatus, Contact } from "../../../shared/contract/cases.js";
import { DAY_MS } from "../../../shared/time/index.js";
import type { Database, Statement } from "../database.js";
import { caseContacts, cases, webhookOutbox } from "../schema.js";
import { inSubtree } from "./units.js";

// Follow-up cases (issue 17). Privacy rule: the contact (case_contacts) is read by findCaseContact only;
// no other query here, and no report or export anywhere, joins that table.

export type OutboxInsert = typeof webhookOutbox.$inferInsert;

/** A case to open in the same batch as its response, with the contact and, when alerts are on, the alert. */
export type CaseOpening = {
  row: typeof cases.$inferInsert;
  contact: Contact & { consentAt: number };
  alert: OutboxInsert | null;
};

/** The statements that open cases: the case rows, their contacts and their case.opened alerts. */
export function openCasesStatements(db: Database, openings: readonly CaseOpening[]): Statement[] {
  if (openings.length === 0) return [];
  const alerts = openings.flatMap((opening) => (opening.alert ? [opening.alert] : []));
  return [
    db.insert(cases).values(openings.map((opening) => opening.row)),
    db.insert(caseContacts).values(
      openings.map((opening) => ({
        caseRef: opening.row.ref,
        kind: opening.contact.kind,
        contact: opening.contact.value,
        consentAt: opening.contact.consentAt,
      })),
    ),
    ...(alerts.length > 0 ? [db.insert(webhookOutbox).values(alerts).onConflictDoNothing()] : []),
  ];
}

/** The first row of a query, or undefined (drizzle's libSQL `get` throws on no row). */
async function first<T>(db: Database, query: SQL): Promise<T | undefined> {
  return (await db.all<T>(query))[0];
}

/** The ref of the case a stored response opened, if it opened one. */
export async function findCaseRefOfResponse(db: Database, responseId: string): Promise<string | undefined> {
  const row = await first<{ ref: string }>(db, sql`SELECT ref FROM cases WHERE response_id = ${responseId}`);
  return row?.ref;
}

// A case is overdue while nobody has answered it and its due time has passed.
const OPEN = sql`c.status IN ('received', 'in_progress')`;
const overdueAt = (now: number) => sql`(${OPEN} AND c.due_at <= ${now})`;

/** A case as the inbox and the case page show it (no contact, no answers). */
export type CaseSummary = {
  ref: string;
  status: CaseStatus;
  opened_at: number;
  due_at: number;
  answered_at: number | null;
  closed_at: number | null;
  updated_at: number;
  overdue: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_id: number;
  point_code: string;
  point_label: string;
  service_code: string | null;
  service_name: string | null;
  lang: string;
  has_contact: number;
};

const SUMMARY = (
  now: number,
) => sql`SELECT c.ref, c.status, c.opened_at, c.due_at, c.answered_at, c.closed_at,
  c.updated_at, ${overdueAt(now)} AS overdue, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  u.id AS unit_id, p.code AS point_code, p.label AS point_label, s.code AS service_code, s.name AS service_name,
  c.lang, EXISTS (SELECT 1 FROM case_contacts k WHERE k.case_ref = c.ref) AS has_contact
  FROM cases c JOIN units u ON u.id = c.unit_id JOIN points p ON p.id = c.point_id
  LEFT JOIN services s ON s.id = c.service_id`;

/** The cases of a unit subtree, newest first; `before` is the previous page's last opening instant. */
export async function listCases(
  db: Database,
  options: {
    subtree: string | null;
    status: CaseStatus | "open" | undefined;
    overdue: boolean | undefined;
    now: number;
    limit: number;
    before: number | undefined;
  },
): Promise<CaseSummary[]> {
  const conditions = [inSubtree(options.subtree, sql`u.path`)];
  if (options.status === "open") conditions.push(OPEN);
  else if (options.status) conditions.push(sql`c.status = ${options.status}`);
  if (options.overdue !== undefined) {
    conditions.push(options.overdue ? overdueAt(options.now) : sql`NOT ${overdueAt(options.now)}`);
  }
  if (options.before !== undefined) conditions.push(sql`c.opened_at < ${options.before}`);
  return db.all<CaseSummary>(
    sql`${SUMMARY(options.now)} WHERE ${sql.join(conditions, sql` AND `)} ORDER BY c.opened_at DESC, c.ref LIMIT ${options.limit}`,
  );
}

/** One case with what the unit needs to answer it: the response's answers and (masked) comment. */
export async function findCase(db: Database, ref: string, now: number) {
  return first<
    CaseSummary & {
      reply: string | null;
      note: string | null;
      answers: string;
      comment: string | null;
      submitted_at: number;
      response_id: string;
    }
  >(
    db,
    sql`SELECT * FROM (${SUMMARY(now)} WHERE c.ref = ${ref}) JOIN (SELECT c.reply, c.note, r.answers, r.comment,
      r.submitted_at, r.id AS response_id FROM cases c JOIN responses r ON r.id = c.response_id WHERE c.ref = ${ref})`,
  );
}

/** What /r/:ref may show the public: status, dates and the unit's reply. Nothing personal. */
export async function findPublicCase(db: Database, ref: string) {
  return first<{
    ref: string;
    status: CaseStatus;
    opened_at: number;
    due_at: number;
    answered_at: number | null;
    closed_at: number | null;
    reply: string | null;
    unit_name: string;
  }>(
    db,
    sql`SELECT c.ref, c.status, c.opened_at, c.due_at, c.answered_at, c.closed_at, c.reply, u.name AS unit_name
      FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.ref = ${ref}`,
  );
}

/** The citizen's contact of a case, if still kept. The only reader of case_contacts. */
export async function findCaseContact(db: Database, ref: string): Promise<Contact | undefined> {
  const row = await first<{ kind: "phone" | "email"; contact: string }>(
    db,
    sql`SELECT kind, contact FROM case_contacts WHERE case_ref = ${ref}`,
  );
  return row ? { kind: row.kind, value: row.contact } : undefined;
}

/** The statement that saves a case's new status, reply and note (undefined: unchanged). */
export function updateCaseStatement(
  db: Database,
  ref: string,
  change: {
    status: CaseStatus;
    reply: string | null | undefined;
    note: string | null | undefined;
    answeredAt: number | null;
    closedAt: number | null;
    now: number;
  },
): Statement {
  return db.run(sql`UPDATE cases SET status = ${change.status},
    reply = ${change.reply === undefined ? sql`reply` : change.reply},
    note = ${change.note === undefined ? sql`note` : change.note},
    answered_at = ${change.answeredAt}, closed_at = ${change.closedAt}, updated_at = ${change.now}
    WHERE ref = ${ref}`);
}

/** Open and overdue cases of a unit subtree, for the dashboard. */
export async function caseCounts(db: Database, subtree: string | null, now: number) {
  const row = await first<{ open: number | null; overdue: number | null }>(
    db,
    sql`SELECT sum(${OPEN}) AS open, sum(${overdueAt(now)}) AS overdue
      FROM cases c JOIN units u ON u.id = c.unit_id WHERE ${inSubtree(subtree, sql`u.path`)}`,
  );
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/**
 * Deletes the contacts of cases closed more than `days` days before `now` (the privacy promise made on the
 * survey); returns how many were deleted.
 */
export async function purgeExpiredContacts(db: Database, now: number, days: number): Promise<number> {
  const cutoff = now - days * DAY_MS;
  const rows = await db.all<{ case_ref: string }>(
    sql`DELETE FROM case_contacts WHERE case_ref IN (SELECT ref FROM cases WHERE status = 'closed'
      AND closed_at <= ${cutoff}) RETURNING case_ref`,
  );
  return rows.length;
}

/** Open cases past their due time whose overdue alert has not been queued yet. */
export async function casesNewlyOverdue(db: Database, now: number, limit = 200) {
  return db.all<CaseSummary>(
    sql`${SUMMARY(now)} WHERE ${overdueAt(now)} AND c.overdue_alerted_at IS NULL ORDER BY c.due_at LIMIT ${limit}`,
  );
}

/** Marks a case's overdue alert as queued (in the batch that queues it). */
export function markOverdueAlertedStatement(db: Database, ref: string, now: number): Statement {
  return db.run(sql`UPDATE cases SET overdue_alerted_at = ${now} WHERE ref = ${ref}`);
}

/** A case's figures for the follow-through report: opening day, due time and first answer. */
export type FollowThroughCase = {
  unit_id: number;
  opened_day: string;
  opened_at: number;
  due_at: number;
  answered_at: number | null;
  status: CaseStatus;
};

/** The cases opened in a period (local days, inclusive) in a unit subtree. */
export async function casesOpenedIn(
  db: Database,
  options: { from: string; to: string; subtree: string | null },
): Promise<FollowThroughCase[]> {
  return db.all<FollowThroughCase>(
    sql`SELECT c.unit_id, c.opened_day, c.opened_at, c.due_at, c.answered_at, c.status FROM cases c
      JOIN units u ON u.id = c.unit_id WHERE c.opened_day BETWEEN ${options.from} AND ${options.to}
      AND ${inSubtree(options.subtree, sql`u.path`)}`,
  );
}

/** The active units at the top of the tree: each gets its own daily digest. */
export async function listTopUnits(db: Database) {
  return db.all<{ id: number; code: string; name: string; path: string }>(
    sql`SELECT id, code, name, path FROM units WHERE parent_id IS NULL AND archived_at IS NULL ORDER BY code`,
  );
}
