import type { ErrorIssue } from "../../shared/contract/errors.js";
import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";
import { dayNumber, localDay } from "../../shared/time/index.js";
import type { Database, Statement } from "../db/database.js";
import { insertEntryStatement } from "../db/queries/entries.js";
import type { ResponseRow } from "../db/queries/responses.js";
import { contentHash } from "../submit/content-hash.js";
import type { PreparedResponse } from "../submit/group-writer.js";
import { maskPersonalData } from "../submit/pii.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import { rollupIncrements } from "../submit/rollup-increments.js";
import { checkAgainstPoint, stopped } from "../submit/steps.js";

// A response that a person brings in on a citizen's behalf (a paper form typed by staff, a row of another
// tool's export) becomes the same response row and rollup increments as an online one, through the same
// checks against the point; only its channel, its day (written on the form) and its entry record differ.

/** The content of a paper form or an imported row, already checked by the shared schemas. */
export type EnteredContent = {
  day: string;
  lang: string;
  service?: string | undefined;
  answers: Partial<Record<string, number>>;
  expectations?: Partial<Record<string, number>> | undefined;
  respondent?:
    | Partial<Record<"gender" | "ageBand" | "ethnicity" | "education" | "occupation", string>>
    | undefined;
  comment?: string | undefined;
};

/** Where an entered response comes from: a numbered paper form, or a row of an import. */
export type EntrySource = { channel: "paper"; formNumber: string } | { channel: "import"; importId: string };

/** Paper forms older than this are refused: a form kept in a drawer for over a year is not this survey. */
const PAPER_MAX_AGE_DAYS = 366;

/**
 * The problems of an entered response's day: it cannot lie after today (in Hanoi), and a paper form at
 * most a year before.
 */
export function dayProblems(
  day: string,
  channel: EntrySource["channel"],
  now: number,
  path: Array<string | number>,
) {
  const issues: ErrorIssue[] = [];
  if (day > localDay(now)) issues.push({ path, message: "the day lies in the future" });
  else if (channel === "paper" && dayNumber(day) < dayNumber(localDay(now)) - PAPER_MAX_AGE_DAYS) {
    issues.push({ path, message: "a paper form older than a year cannot be entered" });
  } else if (day < "2000-01-01") issues.push({ path, message: "the day lies before 2000" });
  return issues;
}

/**
 * Checks entered content against its point (items of the point's form, a service the point offers, the
 * day) and builds the response to store: its row, its rollup increments, and its entry record.
 */
export function prepareEntered(
  db: Database,
  input: {
    id: string;
    point: SurveyPoint;
    content: EnteredContent;
    source: EntrySource;
    userId: number;
    now: number;
  },
): { ok: true; response: PreparedResponse } | { ok: false; issues: ErrorIssue[] } {
  const { id, point, content, source, userId, now } = input;
  const answers = compact(content.answers);
  const serviceId = checkAgainstPoint(point, { answers, service: content.service });
  const issues = [
    ...(stopped(serviceId) && serviceId.stop.reason === "invalid" ? serviceId.stop.issues : []),
  ];
  issues.push(...dayProblems(content.day, source.channel, now, ["day"]));
  if (issues.length > 0 || stopped(serviceId)) return { ok: false, issues };
  const row = responseRow({ id, point, content, serviceId, channel: source.channel, submittedAt: now });
  const also: Statement[] = [
    insertEntryStatement(db, {
      responseId: id,
      pointId: point.id,
      formNumber: source.channel === "paper" ? source.formNumber : null,
      enteredBy: userId,
      importId: source.channel === "import" ? source.importId : null,
    }),
  ];
  return { ok: true, response: { row, increments: incrementsOf(row), also } };
}

/** The response row of entered content (the comment masked as an online one is). */
export function responseRow(input: {
  id: string;
  point: SurveyPoint;
  content: EnteredContent;
  serviceId: number | null;
  channel: "paper" | "import";
  submittedAt: number;
}): ResponseRow {
  const { id, point, content, serviceId, channel, submittedAt } = input;
  const answers = compact(content.answers);
  const expectations = compact(content.expectations ?? {});
  const respondent = content.respondent ?? {};
  const comment = content.comment === undefined ? undefined : maskPersonalData(content.comment);
  return {
    id,
    pointId: point.id,
    unitId: point.unit.id,
    serviceId,
    form: point.form,
    instrument: INSTRUMENT_VERSION,
    lang: content.lang,
    channel,
    submittedAt,
    localDay: content.day,
    answers: JSON.stringify(answers),
    expectations: Object.keys(expectations).length > 0 ? JSON.stringify(expectations) : null,
    gender: respondent.gender ?? null,
    ageBand: respondent.ageBand ?? null,
    ethnicity: respondent.ethnicity ?? null,
    education: respondent.education ?? null,
    occupation: respondent.occupation ?? null,
    comment: comment?.text ?? null,
    commentHasPii: comment?.masked ?? false,
    contentHash: contentHash({
      point: point.code,
      service: content.service,
      lang: content.lang,
      answers,
      expectations,
      respondent,
      comment: content.comment,
      channel,
    }),
    tokenId: null,
    dossierHash: null,
    // A paper form does not say who served the citizen.
    officerId: null,
  };
}

/** What a stored response row adds to the rollups (negate the counts to take it away). */
export function incrementsOf(row: ResponseRow) {
  return rollupIncrements({
    day: row.localDay,
    unitId: row.unitId,
    pointId: row.pointId,
    serviceId: row.serviceId,
    channel: row.channel,
    answers: JSON.parse(row.answers) as Record<string, number>,
    expectations: row.expectations ? (JSON.parse(row.expectations) as Record<string, number>) : null,
  });
}

function compact(record: Partial<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}
