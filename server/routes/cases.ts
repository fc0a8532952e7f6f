import { type Context, Hono } from "hono";
import {
  caseListQuerySchema,
  casePatchSchema,
  caseRefSchema,
  caseViewQuerySchema,
} from "../../shared/contract/cases.js";
import * as z from "../../shared/contract/zod.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import { nextCaseState } from "../cases/case-update.js";
import { maskContact, maySeeContact } from "../cases/contact-access.js";
import { runBatch } from "../db/database.js";
import {
  type CaseSummary,
  caseCounts,
  findCase,
  findCaseContact,
  listCases,
  updateCaseStatement,
} from "../db/queries/cases.js";
import type { AppEnv } from "../deps.js";
import { forbidden, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { validate } from "../lib/validate.js";
import { reportSubtree } from "../reports/report-scope.js";

// Follow-up cases for the units (issue 17): the inbox, one case, and its answer. Every route is limited to
// the caller's unit subtree; the contact only to those maySeeContact allows, and each showing is audited.

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A case as the API shows it (never the contact). */
function caseJson(row: CaseSummary) {
  return {
    ref: row.ref,
    status: row.status,
    overdue: Boolean(row.overdue),
    openedAt: iso(row.opened_at),
    dueAt: iso(row.due_at),
    answeredAt: iso(row.answered_at),
    closedAt: iso(row.closed_at),
    updatedAt: iso(row.updated_at),
    unit: { code: row.unit_code, name: row.unit_name },
    point: { code: row.point_code, label: row.point_label },
    service: row.service_code ? { code: row.service_code, name: row.service_name } : null,
    lang: row.lang,
  };
}

const refParam = validate("param", z.object({ ref: caseRefSchema }));

/** The case with its response, 404 when unknown, 403 outside the caller's scope. */
async function caseInScope(c: Context<AppEnv>, ref: string) {
  const { db, now } = c.var.deps;
  const row = await findCase(db, ref, now());
  if (!row) throw notFound(`The case ${ref}`);
  assertInScope(currentUser(c), row.unit_path);
  return row;
}

type FullCase = NonNullable<Awaited<ReturnType<typeof findCase>>>;

function fullCaseJson(row: FullCase) {
  return {
    ...caseJson(row),
    reply: row.reply,
    note: row.note,
    response: {
      id: row.response_id,
      submittedAt: iso(row.submitted_at),
      answers: JSON.parse(row.answers) as Record<string, number>,
      comment: row.comment,
    },
  };
}

const everyone = requireUser("admin", "analyst", "staff");

/** /api/v1/cases (DESIGN.md §3 "Extensions"). */
export const caseRoutes = new Hono<AppEnv>()
  .get("/", everyone, validate("query", caseListQuerySchema), async (c) => {
    const { db, now } = c.var.deps;
    const query = c.req.valid("query");
    const subtree = await reportSubtree(db, currentUser(c), query.unit);
    const rows = await listCases(db, {
      subtree,
      status: query.status,
      overdue: query.overdue,
      now: now(),
      limit: query.limit,
      before: query.before,
    });
    const last = rows.at(-1);
    c.header("cache-control", "no-store");
    return c.json({
      cases: rows.map(caseJson),
      // Open and overdue cases of the whole subtree, whatever the filters (the dashboard's counts).
      counts: await caseCounts(db, subtree, now()),
      next: last && rows.length === query.limit ? last.opened_at : null,
    });
  })
  .get("/:ref", everyone, refParam, validate("query", caseViewQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const user = currentUser(c);
    const row = await caseInScope(c, c.req.valid("param").ref);
    const allowed = maySeeContact(user, row.unit_id);
    const show = c.req.valid("query").show === "contact";
    if (show && !allowed) throw forbidden("Only admins and staff of this unit may see the contact.");
    const contact = allowed ? await findCaseContact(db, row.ref) : undefined;
    if (show && contact) {
      // Each showing of a contact is recorded: who, which case, when (never the contact itself).
      await runBatch(db, [audit(c, { action: "case.contact_viewed", entity: "case", entityCode: row.ref })]);
    }
    c.header("cache-control", "no-store");
    return c.json({
      case: fullCaseJson(row),
      contact: contact
        ? { kind: contact.kind, masked: maskContact(contact), ...(show ? { value: contact.value } : {}) }
        : null,
      // Whether this caller may reveal a contact here, and whether one is still kept.
      contactAccess: allowed ? (row.has_contact ? "allowed" : "deleted") : "hidden",
    });
  })
  .patch("/:ref", requireUser("admin", "staff"), refParam, validate("json", casePatchSchema), async (c) => {
    const { db, now } = c.var.deps;
    const row = await caseInScope(c, c.req.valid("param").ref);
    const patch = c.req.valid("json");
    const at = now();
    const next = nextCaseState(row, patch, at);
    await runBatch(db, [
      updateCaseStatement(db, row.ref, { ...next, now: at }),
      audit(
        c,
        {
          action: "case.updated",
          entity: "case",
          entityCode: row.ref,
          // What changed, not the texts: replies and notes may quote the citizen.
          detail: { status: next.status, reply: patch.reply !== undefined, note: patch.note !== undefined },
        },
        at,
      ),
    ]);
    const updated = await caseInScope(c, row.ref);
    return c.json({ case: fullCaseJson(updated) });
  });
