import * as z from "zod";
import { LANGUAGES } from "../i18n/index.js";
import { EXPECTATION_CODES, ITEM_CODES, RESPONDENT_QUESTIONS } from "../instrument/index.js";
import { followUpSchema } from "./cases.js";
import { pointCodeSchema, tthcCodeSchema } from "./catalogue.js";
import { COMMENT_MAX_CHARACTERS, commentLength } from "./limits.js";

// The body of POST /api/v1/responses (DESIGN.md §3), and the reader that turns the no-JS form post into the
// same object, so both paths are validated by the one schema. Strict at every level: an unknown field,
// item code or option is an error, never silently dropped.

export const CHANNELS = ["qr", "kiosk", "link"] as const;
export type Channel = (typeof CHANNELS)[number];

const scaleValueSchema = z.number().int().min(1).max(5);
const expectationLevelSchema = z.number().int().min(1).max(3);

const answersSchema = z
  .partialRecord(z.enum(ITEM_CODES), scaleValueSchema)
  .refine((answers) => Object.keys(answers).length > 0, "answer at least one item");

const expectationsSchema = z.partialRecord(z.enum(EXPECTATION_CODES), expectationLevelSchema);

const respondentSchema = z.strictObject({
  gender: z.enum(RESPONDENT_QUESTIONS.gender.options).optional(),
  ageBand: z.enum(RESPONDENT_QUESTIONS.ageBand.options).optional(),
  ethnicity: z.enum(RESPONDENT_QUESTIONS.ethnicity.options).optional(),
  education: z.enum(RESPONDENT_QUESTIONS.education.options).optional(),
  occupation: z.enum(RESPONDENT_QUESTIONS.occupation.options).optional(),
});

// Counted in code points after trimming and NFC normalisation, so a Vietnamese letter typed as base letter
// plus combining marks, or an emoji, counts as what the citizen sees: one character. NUL is no text anyone
// types, and SQLite drivers read a text only up to it: it is dropped.
const commentSchema = z
  .string()
  .transform((text) => text.replaceAll("\u0000", "").trim().normalize("NFC"))
  .refine(
    (text) => commentLength(text) <= COMMENT_MAX_CHARACTERS,
    `at most ${COMMENT_MAX_CHARACTERS} characters`,
  )
  .transform((text) => (text === "" ? undefined : text));

export const responseSubmissionSchema = z.strictObject({
  id: z.string().trim().toLowerCase().pipe(z.uuid()),
  point: pointCodeSchema,
  service: tthcCodeSchema.optional(),
  lang: z.enum(LANGUAGES),
  answers: answersSchema,
  expectations: expectationsSchema.optional(),
  respondent: respondentSchema.optional(),
  comment: commentSchema.optional(),
  token: z.string().min(1).max(512).optional(),
  channel: z.enum(CHANNELS).optional(),
  // Honeypot: hidden from people, so any value marks a bot. Accepted here so the pipeline can drop it quietly.
  website: z.string().optional(),
  // The citizen asks for a reply (issue 17): opens a case; answered with `case: { ref }`.
  followUp: followUpSchema.optional(),
});

export type ResponseSubmission = z.output<typeof responseSubmissionSchema>;

// The form reader lives in its own zod-free module so that the survey's client script can use it too.
export { submissionFromForm } from "./form-record.js";
