import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";
import type { ResponseRow } from "../db/queries/responses.js";
import { contentHash, type SubmittedContent } from "./content-hash.js";
import { maskPersonalData } from "./pii.js";
import type { SurveyPoint } from "./point-lookup.js";

/** What a response says, as the shared schemas checked it: online, on paper or in an imported row alike. */
export type ResponseContent = {
  lang: string;
  answers: Partial<Record<string, number>>;
  expectations?: Partial<Record<string, number>> | undefined;
  respondent?:
    | Partial<Record<"gender" | "ageBand" | "ethnicity" | "education" | "occupation", string>>
    | undefined;
  comment?: string | undefined;
};

/**
 * The row that stores a response, for every channel: the comment masked (privacy rule, pii.ts), empty
 * expectations as null. `hashed` is what the content hash covers: what the sender sent, before masking, so
 * that a retry carrying the same content matches the stored row.
 */
export function responseRow(input: {
  id: string;
  point: SurveyPoint;
  serviceId: number | null;
  channel: ResponseRow["channel"];
  submittedAt: number;
  /** The local day (Asia/Ho_Chi_Minh) the response counts for. */
  day: string;
  content: ResponseContent;
  hashed: SubmittedContent;
  link?: { tokenId: string; dossierHash: string | null } | null | undefined;
  officerId: number | null;
}): ResponseRow {
  const { point, content } = input;
  const expectations = content.expectations ?? {};
  const respondent = content.respondent ?? {};
  const comment = content.comment === undefined ? undefined : maskPersonalData(content.comment);
  return {
    id: input.id,
    pointId: point.id,
    unitId: point.unit.id,
    serviceId: input.serviceId,
    form: point.form,
    instrument: INSTRUMENT_VERSION,
    lang: content.lang,
    channel: input.channel,
    submittedAt: input.submittedAt,
    localDay: input.day,
    // JSON leaves out the items whose value is undefined.
    answers: JSON.stringify(content.answers),
    expectations: Object.values(expectations).some((value) => value !== undefined)
      ? JSON.stringify(expectations)
      : null,
    gender: respondent.gender ?? null,
    ageBand: respondent.ageBand ?? null,
    ethnicity: respondent.ethnicity ?? null,
    education: respondent.education ?? null,
    occupation: respondent.occupation ?? null,
    comment: comment?.text ?? null,
    commentHasPii: comment?.masked ?? false,
    contentHash: contentHash(input.hashed),
    tokenId: input.link?.tokenId ?? null,
    dossierHash: input.link?.dossierHash ?? null,
    officerId: input.officerId,
  };
}
