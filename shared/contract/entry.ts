import { LANGUAGES } from "../i18n/index.js";
import { EXPECTATION_CODES, ITEM_CODES } from "../instrument/index.js";
import { isRealDate } from "../time/index.js";
import { pointCodeSchema } from "./catalogue.js";
import { responseSubmissionSchema } from "./submission.js";
import * as z from "./zod.js";

// Paper forms typed in by staff (POST /api/v1/responses/entered), served counts per counter and day
// (PUT /api/v1/points/:code/served/:day), and the mapping of a response import. The answers are checked by
// the same schemas as an online submission.

/** A calendar day "YYYY-MM-DD" that exists. */
export const calendarDaySchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"), z.refine(isRealDate, "not a real date"));

/** The largest form number: nine digits, what a counter prints in a lifetime and staff type quickly. */
export const FORM_NUMBER_MAX = 999_999_999;

/**
 * The number printed on a paper form, as digits or a number; leading zeros do not count ("0042" is 42).
 * Parses to the number's decimal text, the form kept in the database.
 */
export const formNumberSchema = z.pipe(
  z.pipe(
    z.pipe(
      z.union([z.number(), z.string().check(z.trim(), z.regex(/^\d{1,12}$/, "digits only"))]),
      z.transform(Number),
    ),
    z.number().check(z.int(), z.minimum(1), z.maximum(FORM_NUMBER_MAX)),
  ),
  z.transform(String),
);

/** The body of POST /api/v1/responses/entered (and of a correction): one paper form as typed. */
export const enteredResponseSchema = z.extend(
  z.omit(responseSubmissionSchema, { id: true, token: true, channel: true, website: true, lang: true }),
  {
    formNumber: formNumberSchema,
    // The day written on the form (when the citizen answered), not the day of typing.
    day: calendarDaySchema,
    lang: z._default(z.enum(LANGUAGES), "vi"),
  },
);

/** The body of PUT /api/v1/points/:code/served/:day: how many citizens the counter served that day. */
export const servedCountSchema = z.strictObject({
  count: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
});

/** How long after typing a paper form its author may still correct it. */
export const CORRECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What a column of an imported file holds: an item or expectation code, or one of these fields. */
export const IMPORT_FIELDS = ["day", "service", "comment"] as const;

const importTarget = z.union([z.enum(ITEM_CODES), z.enum(EXPECTATION_CODES), z.enum(IMPORT_FIELDS)]);

/**
 * The mapping of a response import: which column (by its header text) holds which item or field, and how
 * answer labels of the other tool read on the 1–5 scale (null: no answer). Digits 1–5 are read as they
 * are; columns left out of the mapping are ignored.
 */
export const importMappingSchema = z.strictObject({
  columns: z.record(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), importTarget).check(
    z.refine((columns) => Object.values(columns).includes("day"), "map one column to the day"),
    z.refine((columns) => Object.keys(columns).length <= 100, "at most 100 columns"),
  ),
  values: z._default(
    z.record(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5))),
    ),
    {},
  ),
});

export type ImportMapping = z.output<typeof importMappingSchema>;

/** The query of POST /api/v1/responses/import: the point, the file's name, the mapping (JSON) and dryRun. */
export const responseImportQuerySchema = z.object({
  point: pointCodeSchema,
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  mapping: z.pipe(
    z.pipe(
      z.string().check(z.maxLength(20_000)),
      z.transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: "custom", message: "the mapping is not valid JSON", input: text });
          return z.NEVER;
        }
      }),
    ),
    importMappingSchema,
  ),
  dryRun: z.optional(z.enum(["true", "false", "1", "0"])),
});
