import { LANGUAGES } from "../i18n/index.js";
import { EXPECTATION_CODES, ITEM_CODES, RESPONDENT_QUESTIONS } from "../instrument/index.js";
import { followUpSchema } from "./cases.js";
import { pointCodeSchema, tthcCodeSchema } from "./catalogue.js";
import { COMMENT_MAX_CHARACTERS, commentLength } from "./limits.js";
import * as z from "./zod.js";

// The body of POST /api/v1/responses (DESIGN.md §3), and the reader that turns the no-JS form post into the
// same object, so both paths are validated by the one schema. Strict at every level: an unknown field,
// item code or option is an error, never silently dropped.

export const CHANNELS = ["qr", "kiosk", "link"] as const;
export type Channel = (typeof CHANNELS)[number];

const scaleValueSchema = z.number().check(z.int(), z.minimum(1), z.maximum(5));
const expectationLevelSchema = z.number().check(z.int(), z.minimum(1), z.maximum(3));

const answersSchema = z
  .partialRecord(z.enum(ITEM_CODES), scaleValueSchema)
  .check(z.refine((answers) => Object.keys(answers).length > 0, "answer at least one item"));

const expectationsSchema = z.partialRecord(z.enum(EXPECTATION_CODES), expectationLevelSchema);

const respondentSchema = z.strictObject({
  gender: z.optional(z.enum(RESPONDENT_QUESTIONS.gender.options)),
  ageBand: z.optional(z.enum(RESPONDENT_QUESTIONS.ageBand.options)),
  ethnicity: z.optional(z.enum(RESPONDENT_QUESTIONS.ethnicity.options)),
  education: z.optional(z.enum(RESPONDENT_QUESTIONS.education.options)),
  occupation: z.optional(z.enum(RESPONDENT_QUESTIONS.occupation.options)),
});

// Counted in code points after trimming and NFC normalisation, so a Vietnamese letter typed as base letter
// plus combining marks, or an emoji, counts as what the citizen sees: one character. NUL is no text anyone
// types, and SQLite drivers read a text only up to it: it is dropped.
const commentSchema = z.pipe(
  z
    .pipe(
      z.string(),
      z.transform((text) => text.replaceAll("\u0000", "").trim().normalize("NFC")),
    )
    .check(
      z.refine(
        (text) => commentLength(text) <= COMMENT_MAX_CHARACTERS,
        `at most ${COMMENT_MAX_CHARACTERS} characters`,
      ),
    ),
  z.transform((text) => (text === "" ? undefined : text)),
);

export const responseSubmissionSchema = z.strictObject({
  id: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.uuid()),
  point: pointCodeSchema,
  service: z.optional(tthcCodeSchema),
  lang: z.enum(LANGUAGES),
  answers: answersSchema,
  expectations: z.optional(expectationsSchema),
  respondent: z.optional(respondentSchema),
  comment: z.optional(commentSchema),
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  channel: z.optional(z.enum(CHANNELS)),
  // Honeypot: hidden from people, so any value marks a bot. Accepted here so the pipeline can drop it quietly.
  website: z.optional(z.string()),
  // The citizen asks for a reply (issue 17): opens a case; answered with `case: { ref }`.
  followUp: z.optional(followUpSchema),
});

export type ResponseSubmission = z.output<typeof responseSubmissionSchema>;

// The form reader lives in its own zod-free module so that the survey's client script can use it too.
export { submissionFromForm } from "./form-record.js";
