import type { ErrorIssue } from "../../shared/contract/errors.js";
import { dayNumber, localDay } from "../../shared/time/index.js";
import type { Database, Statement } from "../db/database.js";
import { insertEntryStatement } from "../db/queries/entries.js";
import type { ResponseRow } from "../db/queries/responses.js";
import { rollupIncrements } from "../db/queries/rollups.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import { type ResponseContent, responseRow } from "../submit/response-row.js";
import type { PreparedResponse } from "../submit/response-writer.js";
import { checkAgainstPoint, stopped } from "../submit/steps.js";

// A response that a person brings in on a citizen's behalf (a paper form typed by staff, a row of another
// tool's export) becomes the same response row and rollup increments as an online one, through the same
// checks against the point; only its channel, its day (written on the form) and its entry record differ.

/** The content of a paper form or an imported row, already checked by the shared schemas. */
export type EnteredContent = ResponseContent & { day: string; service?: string | undefined };

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
    ...(stopped(serviceId) && serviceId.stop.code === "VALIDATION_FAILED" ? serviceId.stop.issues : []),
  ];
  issues.push(...dayProblems(content.day, source.channel, now, ["day"]));
  if (issues.length > 0 || stopped(serviceId)) return { ok: false, issues };
  const row = enteredRow({ id, point, content, serviceId, channel: source.channel, submittedAt: now });
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

/** The response row of entered content: the day written on the form, no link, no officer. */
export function enteredRow(input: {
  id: string;
  point: SurveyPoint;
  content: EnteredContent;
  serviceId: number | null;
  channel: "paper" | "import";
  submittedAt: number;
}): ResponseRow {
  const { point, content, channel } = input;
  return responseRow({
    ...input,
    day: content.day,
    hashed: { ...content, point: point.code, channel },
    // A paper form does not say who served the citizen.
    officerId: null,
  });
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
