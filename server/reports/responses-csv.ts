import { EXPECTATION_CODES, ITEM_CODES } from "../../shared/instrument/index.js";
import type { ExportedResponse } from "../db/queries/reports.js";
import { CSV_BOM, csvField, csvRecord } from "./csv.js";
import { answerCells, codeSlots, isoInstant } from "./export-cells.js";
import type { ExportRows } from "./export-rows.js";

// GET /api/v1/reports/responses.csv: every response of a period, one row each, anonymous by construction
// (the table holds no IP, device or name; comments are stored masked), in storage order: the order in which
// the responses were stored (mostly by time; a paper form or an import lands when it was entered). Streamed
// a batch of rows at a time, read only when the download asks for more, so memory stays bounded however
// many responses there are.

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

/** The size of a chunk of the download, filled at least half before it is sent. */
const CHUNK_BYTES = 1 << 20;

const text = (value: string | null) => (value === null ? "" : csvField(value));
const ITEM_SLOTS = codeSlots(ITEM_CODES);
const EXPECTATION_SLOTS = codeSlots(EXPECTATION_CODES);

/**
 * One response as a CSV record; submitted_at is the UTC instant in ISO 8601. Built by concatenation: this
 * runs once per exported response, a million times for a big export.
 */
export function responseRecord(row: ExportedResponse): string {
  const [id, submittedAt, day, unit, point, service, form, lang, channel, answers, expectations] = row;
  let line = `${text(id)},${isoInstant(submittedAt)},${day},${text(unit)},${text(point)},${text(service)},${text(form)},${text(lang)},${text(channel)}`;
  // Only whole numbers are written as they are: anything else in the JSON columns would be text unchecked.
  line += answerCells(answers, ITEM_SLOTS);
  line += answerCells(expectations, EXPECTATION_SLOTS);
  for (let i = FIRST_RESPONDENT_FIELD; i < row.length; i++) line += `,${text(row[i] as string | null)}`;
  return `${line}\r\n`;
}

/**
 * The CSV of an export's rows as a stream of UTF-8 chunks: the BOM and header first, then chunks of about a
 * megabyte, each read only when the consumer asks for more (backpressure).
 */
export function responsesCsvStream(
  rows: ExportRows,
  onError?: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRecord(RESPONSE_COLUMNS.map(csvField))));
    },
    // Fills a chunk of about a megabyte from as many batches as it takes. Each line is encoded straight
    // into it: a batch joined into one long string first would sit in V8's old space until a full collection.
    async pull(controller) {
      let chunk = new Uint8Array(CHUNK_BYTES);
      let used = 0;
      for (;;) {
        let batch: IteratorResult<readonly ExportedResponse[], void>;
        try {
          batch = await rows.next();
        } catch (error) {
          onError?.(error);
          throw error;
        }
        if (batch.done) {
          if (used > 0) controller.enqueue(chunk.subarray(0, used));
          controller.close();
          return;
        }
        for (const row of batch.value) {
          const line = responseRecord(row);
          let { read, written } = encoder.encodeInto(line, chunk.subarray(used));
          if (read < line.length) {
            controller.enqueue(chunk.subarray(0, used));
            // A line is a few kilobytes at most (a comment ≤ 2,000 characters, ≤ 3 bytes each in UTF-8).
            chunk = new Uint8Array(Math.max(CHUNK_BYTES, line.length * 3));
            used = 0;
            ({ written } = encoder.encodeInto(line, chunk));
          }
          used += written;
        }
        if (used >= CHUNK_BYTES / 2) {
          controller.enqueue(chunk.subarray(0, used));
          return;
        }
      }
    },
    async cancel() {
      await rows.return?.();
    },
  });
}
