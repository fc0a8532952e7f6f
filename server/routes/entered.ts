import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { pointCodeSchema } from "../../shared/contract/catalogue.js";
import {
  CORRECTION_WINDOW_MS,
  enteredResponseSchema,
  formNumberSchema,
  responseImportQuerySchema,
} from "../../shared/contract/entry.js";
import type { ErrorIssue } from "../../shared/contract/errors.js";
import * as z from "../../shared/contract/zod.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { type Database, runBatch } from "../db/database.js";
import { isUniqueViolation } from "../db/db-errors.js";
import {
  type EnteredForm,
  findEnteredById,
  findEnteredForm,
  findImportByHash,
  insertImportStatement,
  listEnteredForms,
} from "../db/queries/entries.js";
import { addToRollupsStatements, subtractFromRollupsStatements } from "../db/queries/rollups.js";
import type { AppEnv, AuthUser } from "../deps.js";
import {
  dayProblems,
  type EnteredContent,
  enteredRow,
  incrementsOf,
  prepareEntered,
} from "../entry/entered-response.js";
import { planResponseImport } from "../entry/response-import.js";
import { ApiError, conflict, forbidden, invalid, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { bodyPolicy, IMPORT_BODY } from "../lib/body-policy.js";
import { readTableBody } from "../lib/table-body.js";
import { validate } from "../lib/validate.js";
import type { Submitter } from "../submit/pipeline.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import { refusalError } from "../submit/refusal-error.js";
import { responseWriteStatements } from "../submit/response-writer.js";
import { admitPoint, checkAgainstPoint, stopped } from "../submit/steps.js";
import { pointInScope } from "./points.js";

// Paper forms typed in by staff, analysts and admins of the point's unit, and responses imported from
// another survey tool (issue 18). Both are stored through the same response and rollup writer as online
// answers, with channel "paper" or "import" and a record of who brought them in.

export const listQuery = z.object({
  point: pointCodeSchema,
  formNumber: z.optional(formNumberSchema),
});

const duplicateForm = (form: EnteredForm) =>
  new ApiError(
    "DUPLICATE_FORM",
    `Form ${form.formNumber} of point ${form.pointCode} was already entered by ${form.enteredByName} on ${new Date(form.row.submittedAt).toISOString()}.`,
  );

/**
 * The point of an entry: 404 unknown, 403 outside the caller's scope, then admitted as an online answer's
 * point is (404 POINT_NOT_FOUND once archived); with its services.
 */
async function entryPoint(
  db: Database,
  submitter: Submitter,
  user: AuthUser,
  code: string,
): Promise<SurveyPoint> {
  await pointInScope(db, user, code);
  const point = await admitPoint(submitter.findPoint, code);
  if (stopped(point)) throw refusalError(point.stop);
  return point;
}

/** An entered paper form as the entry screen shows it. */
function presentEntry(form: EnteredForm, now: number) {
  const { row } = form;
  const respondent = Object.fromEntries(
    (
      [
        ["gender", row.gender],
        ["ageBand", row.ageBand],
        ["ethnicity", row.ethnicity],
        ["education", row.education],
        ["occupation", row.occupation],
      ] as const
    ).filter(([, value]) => value !== null),
  );
  return {
    id: row.id,
    point: form.pointCode,
    formNumber: form.formNumber,
    channel: row.channel,
    day: row.localDay,
    lang: row.lang,
    service: form.serviceCode,
    answers: JSON.parse(row.answers) as Record<string, number>,
    expectations: row.expectations ? (JSON.parse(row.expectations) as Record<string, number>) : {},
    respondent,
    comment: row.comment,
    enteredBy: form.enteredByName,
    enteredAt: new Date(row.submittedAt).toISOString(),
    correctedAt: form.correctedAt === null ? null : new Date(form.correctedAt).toISOString(),
    correctableUntil: new Date(row.submittedAt + CORRECTION_WINDOW_MS).toISOString(),
    correctable: now - row.submittedAt <= CORRECTION_WINDOW_MS,
  };
}

/**
 * A statement that fails the batch unless the response still has the content read before the correction:
 * two corrections at once must not both take the old answers out of the rollups. (json() of a non-JSON text
 * raises an error at run time, which SQLite otherwise offers only inside triggers.)
 */
function unchangedSince(db: Database, id: string, contentHash: string) {
  return db.run(
    sql`SELECT CASE WHEN (SELECT content_hash FROM responses WHERE id = ${id}) = ${contentHash} THEN 1 ELSE json('changed meanwhile') END`,
  );
}

const contentOf = (body: z.output<typeof enteredResponseSchema>): EnteredContent => ({
  day: body.day,
  lang: body.lang,
  service: body.service,
  answers: body.answers,
  expectations: body.expectations,
  respondent: body.respondent,
  comment: body.comment,
});

/** Routes under /api/v1/responses: paper entry (/entered) and imports (/import). */
export function enteredRoutes(submitter: Submitter) {
  return new Hono<AppEnv>()
    .post("/entered", requireUser(), validate("json", enteredResponseSchema), async (c) => {
      const { db, now, newId } = c.var.deps;
      const user = currentUser(c);
      const body = c.req.valid("json");
      const point = await entryPoint(db, submitter, user, body.point);
      const earlier = await findEnteredForm(db, point.id, body.formNumber);
      if (earlier) throw duplicateForm(earlier);
      const id = newId();
      const prepared = prepareEntered(db, {
        id,
        point,
        content: contentOf(body),
        source: { channel: "paper", formNumber: body.formNumber },
        userId: user.id,
        now: now(),
      });
      if (!prepared.ok) throw invalid("The form is not valid.", prepared.issues);
      try {
        await submitter.writer.write(prepared.response);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Typed at two desks at once: the one stored first decides.
        const winner = await findEnteredForm(db, point.id, body.formNumber);
        if (winner) throw duplicateForm(winner);
        throw error;
      }
      c.header("cache-control", "no-store");
      return c.json(
        {
          id,
          point: point.code,
          formNumber: body.formNumber,
          day: body.day,
          enteredAt: new Date(prepared.response.row.submittedAt).toISOString(),
        },
        201,
      );
    })
    .get("/entered", requireUser(), validate("query", listQuery), async (c) => {
      const { db, now } = c.var.deps;
      const user = currentUser(c);
      const query = c.req.valid("query");
      const point = await pointInScope(db, user, query.point);
      const forms =
        query.formNumber === undefined
          ? await listEnteredForms(db, { pointId: point.id, userId: user.id, limit: 20 })
          : [await findEnteredForm(db, point.id, query.formNumber)].filter((form) => form !== undefined);
      c.header("cache-control", "no-store");
      return c.json({ entries: forms.map((form) => presentEntry(form, now())) });
    })
    .put("/entered/:id", requireUser(), validate("json", enteredResponseSchema), async (c) => {
      const { db, now } = c.var.deps;
      const user = currentUser(c);
      const body = c.req.valid("json");
      const form = await findEnteredById(db, c.req.param("id"));
      if (!form) throw notFound("The paper form");
      if (form.row.channel !== "paper") throw notFound("The paper form");
      await pointInScope(db, user, form.pointCode);
      if (form.enteredBy !== user.id) throw forbidden("Only the person who typed a form may correct it.");
      if (now() - form.row.submittedAt > CORRECTION_WINDOW_MS) {
        throw forbidden("A form can be corrected for 24 hours after it was typed.");
      }
      if (body.point.toUpperCase() !== form.pointCode) {
        throw invalid("A correction keeps the form's point.", [
          { path: ["point"], message: "not the form's point" },
        ]);
      }
      const point = await entryPoint(db, submitter, user, form.pointCode);
      if (body.formNumber !== form.formNumber) {
        const other = await findEnteredForm(db, point.id, body.formNumber);
        if (other) throw duplicateForm(other);
      }
      const content = contentOf(body);
      const serviceId = checkAgainstPoint(point, {
        answers: content.answers as Record<string, number>,
        service: content.service,
      });
      const issues: ErrorIssue[] =
        stopped(serviceId) && serviceId.stop.code === "VALIDATION_FAILED" ? serviceId.stop.issues : [];
      issues.push(...dayProblems(content.day, "paper", form.row.submittedAt, ["day"]));
      if (issues.length > 0 || stopped(serviceId)) throw invalid("The form is not valid.", issues);
      // The correction keeps the time of typing (the 24 hours run from it) and replaces the content.
      const row = enteredRow({
        id: form.row.id,
        point,
        content,
        serviceId,
        channel: "paper",
        submittedAt: form.row.submittedAt,
      });
      const changed = Object.fromEntries(
        (
          [
            "localDay",
            "serviceId",
            "lang",
            "answers",
            "expectations",
            "gender",
            "ageBand",
            "ethnicity",
            "education",
            "occupation",
            "comment",
          ] as const
        )
          .filter((key) => row[key] !== form.row[key])
          .map((key) => [key, { from: form.row[key], to: row[key] }]),
      );
      if (body.formNumber !== form.formNumber)
        changed.formNumber = { from: form.formNumber, to: body.formNumber };
      try {
        await runBatch(db, [
          unchangedSince(db, form.row.id, form.row.contentHash),
          db.run(sql`UPDATE responses SET service_id = ${row.serviceId}, lang = ${row.lang}, local_day = ${row.localDay},
            answers = ${row.answers}, expectations = ${row.expectations}, gender = ${row.gender}, age_band = ${row.ageBand},
            ethnicity = ${row.ethnicity}, education = ${row.education}, occupation = ${row.occupation},
            comment = ${row.comment}, comment_has_pii = ${Number(row.commentHasPii)}, content_hash = ${row.contentHash}
            WHERE id = ${row.id}`),
          db.run(
            sql`UPDATE response_entries SET form_number = ${body.formNumber}, corrected_at = ${now()} WHERE response_id = ${row.id}`,
          ),
          ...subtractFromRollupsStatements(db, incrementsOf(form.row)),
          ...addToRollupsStatements(db, incrementsOf(row)),
          audit(c, {
            action: "correct",
            entity: "paper_form",
            entityCode: `${point.code}/${body.formNumber}`,
            detail: { id: row.id, changed },
          }),
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) {
          const other = await findEnteredForm(db, point.id, body.formNumber);
          if (other) throw duplicateForm(other);
        }
        if (/malformed JSON|changed meanwhile/i.test(String((error as Error).message))) {
          throw conflict("The form was corrected meanwhile; load it again.");
        }
        throw error;
      }
      const stored = await findEnteredById(db, row.id);
      return c.json({ entry: presentEntry(stored as EnteredForm, now()) });
    })
    .post(
      "/import",
      requireUser(),
      bodyPolicy(IMPORT_BODY),
      validate("query", responseImportQuerySchema),
      async (c) => {
        const { db, now, newId } = c.var.deps;
        const user = currentUser(c);
        const query = c.req.valid("query");
        const point = await entryPoint(db, submitter, user, query.point);
        const table = await readTableBody(c);
        const earlier = await findImportByHash(db, point.id, table.hash);
        if (earlier) {
          throw conflict(`This file was already imported for point ${point.code} (as ${earlier.file_name}).`);
        }
        const importId = newId();
        const plan = planResponseImport(db, {
          rows: table.rows,
          mapping: query.mapping,
          point,
          importId,
          userId: user.id,
          now: now(),
          newId,
        });
        if (!plan.ok)
          throw invalid(`The file has ${plan.issues.length} problem(s); nothing was saved.`, plan.issues);
        const dryRun = query.dryRun === "true" || query.dryRun === "1";
        const summary = {
          point: point.code,
          fileName: query.fileName,
          rows: plan.responses.length,
          dryRun,
          preview: plan.preview,
        };
        if (dryRun) return c.json(summary);
        try {
          await runBatch(db, [
            insertImportStatement(db, {
              id: importId,
              pointId: point.id,
              fileName: query.fileName,
              fileHash: table.hash,
              rows: plan.responses.length,
              importedBy: user.id,
              importedAt: now(),
            }),
            ...responseWriteStatements(db, plan.responses),
            audit(c, {
              action: "import",
              entity: "responses",
              entityCode: point.code,
              detail: { importId, fileName: query.fileName, rows: plan.responses.length },
            }),
          ]);
        } catch (error) {
          if (isUniqueViolation(error))
            throw conflict(`This file was already imported for point ${point.code}.`);
          throw error;
        }
        return c.json({ ...summary, importId }, 201);
      },
    );
}
