import { EXPECTATION_CODES, ITEM_CODES } from "../../shared/instrument/index.js";
import type { Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { type ExportedResponse, exportResponsePage } from "../db/queries/reports.js";
import { CSV_BOM, csvField, csvRecord } from "./csv.js";

// GET /api/v1/reports/responses.csv: every response of a period, one row each, anonymous by construction
// (the table holds no IP, device or name; comments are stored masked). Streamed in keyset pages, so memory
// stays bounded however many responses there are, on Node and on Workers alike.

/** The export's columns, DESIGN.md §3: one per item code (full, then quick) and per expectation code. */
export const RESPONSE_COLUMNS = [
  "id",
  "submitted_at",
  "day",
  "unit_code",
  "point_code",
  "service_code",
  "form",
  "lang",
  "channel",
  ...ITEM_CODES,
  ...EXPECTATION_CODES,
  "gender",
  "age_band",
  "ethnicity",
  "education",
  "occupation",
  "comment",
  // The officer who served (issue 16): the user on duty at the counter or who issued the link; empty if none.
  "officer_username",
] as const;

// Where gender, age band, ethnicity, education, occupation, comment and officer start in an ExportedResponse.
const FIRST_RESPONDENT_FIELD = 11;

/** Responses per page: a few hundred kilobytes of CSV, one query each. */
export const EXPORT_PAGE_SIZE = 2000;

const text = (value: string | null) => (value === null ? "" : csvField(value));
const answerCell = (value: unknown) => (Number.isInteger(value) ? `,${value}` : ",");

/**
 * One response as a CSV record; submitted_at is the UTC instant in ISO 8601. Built by concatenation: this
 * runs once per exported response, a million times for a big export.
 */
export function responseRecord(row: ExportedResponse): string {
  const [id, submittedAt, day, unit, point, service, form, lang, channel, answers, expectations] = row;
  let line = `${text(id)},${new Date(submittedAt).toISOString()},${day},${text(unit)},${text(point)},${text(service)},${text(form)},${text(lang)},${text(channel)}`;
  // Only whole numbers are written as they are: anything else in the JSON columns would be text unchecked.
  for (const code of ITEM_CODES) line += answerCell(answers[code]);
  for (const code of EXPECTATION_CODES) line += answerCell(expectations?.[code]);
  for (let i = FIRST_RESPONDENT_FIELD; i < row.length; i++) line += `,${text(row[i] as string | null)}`;
  return `${line}\r\n`;
}

/**
 * The CSV of a period's responses in a unit subtree (null: all), as a stream of UTF-8 chunks: the BOM and
 * header first, then one chunk per page, fetched only when the reader asks for more.
 */
export function responsesCsvStream(
  db: Database,
  options: { period: Period; subtree: string | null; pageSize?: number; onError?: (error: unknown) => void },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  let after: { day: string; id: string } | null = { day: options.period.from, id: "" };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRecord(RESPONSE_COLUMNS.map(csvField))));
    },
    async pull(controller) {
      if (after === null) return;
      let rows: ExportedResponse[];
      try {
        rows = await exportResponsePage(db, {
          after,
          to: options.period.to,
          subtree: options.subtree,
          limit,
        });
      } catch (error) {
        options.onError?.(error);
        throw error;
      }
      const last = rows.at(-1);
      after = last && rows.length === limit ? { day: last[2], id: last[0] } : null;
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(responseRecord).join("")));
      if (after === null) controller.close();
    },
  });
}
