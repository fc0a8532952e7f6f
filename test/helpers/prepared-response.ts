import type { ResponseRow } from "../../server/db/queries/responses.js";
import { rollupIncrements } from "../../server/db/queries/rollups.js";
import type { PreparedResponse } from "../../server/submit/response-writer.js";
import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";

/**
 * A response ready for the writer, as the pipeline would hand it over: a QR answer in Vietnamese with no
 * service, respondent or comment unless `row` says otherwise, and the rollup increments of its answers.
 */
export function preparedResponse(
  row: Pick<ResponseRow, "pointId" | "unitId" | "submittedAt" | "localDay"> & Partial<ResponseRow>,
): PreparedResponse {
  const full: ResponseRow = {
    id: crypto.randomUUID(),
    serviceId: null,
    form: "full",
    instrument: INSTRUMENT_VERSION,
    lang: "vi",
    channel: "qr",
    answers: JSON.stringify({ TC1: 5 }),
    expectations: null,
    gender: null,
    ageBand: null,
    ethnicity: null,
    education: null,
    occupation: null,
    comment: null,
    commentHasPii: false,
    contentHash: "a".repeat(64),
    tokenId: null,
    dossierHash: null,
    officerId: null,
    ...row,
  };
  const increments = rollupIncrements({
    day: full.localDay,
    unitId: full.unitId,
    pointId: full.pointId,
    serviceId: full.serviceId,
    officerId: full.officerId,
    channel: full.channel,
    answers: JSON.parse(full.answers),
    expectations: full.expectations === null ? null : JSON.parse(full.expectations),
  });
  return { row: full, increments };
}
