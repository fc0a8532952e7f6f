import * as z from "../../shared/contract/zod.js";
import { normaliseDossierCode } from "./dossier.js";

// The body of POST /api/v1/points/:code/links, and the same fields from the staff form (form-encoded).

/** Links per request: a day's slips for a busy counter, small enough to sign in one request. */
export const MAX_LINKS = 100;

const dossierSchema = z.pipe(
  z.pipe(z.string().check(z.maxLength(100)), z.transform(normaliseDossierCode)),
  z
    .string()
    .check(
      z.regex(
        /^[0-9A-Z][0-9A-Z./_-]{1,63}$/,
        "a dossier code such as 000.00.10.H35-260315-0001 (2–64 characters)",
      ),
    ),
);

const oneLinkPerDossier = (
  body: { dossier?: string | undefined; count: number },
  ctx: z.core.$RefinementCtx,
) => {
  if (body.dossier !== undefined && body.count !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["count"],
      message: "a dossier gets exactly one link: it is rated once",
    });
  }
};

/** JSON: `{ dossier?, count? }`, count 1..100 (default 1), exactly 1 with a dossier. */
export const linkRequestSchema = z
  .strictObject({
    dossier: z.optional(dossierSchema),
    count: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_LINKS)), 1),
  })
  .check(z.superRefine(oneLinkPerDossier));

/** The staff form's fields: text inputs, where an empty dossier means none. */
export const linkFormSchema = z
  .object({
    dossier: z.pipe(
      z.pipe(
        z.optional(z.string()),
        z.transform((value) => (value?.trim() ? value : undefined)),
      ),
      z.optional(dossierSchema),
    ),
    count: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_LINKS)), 1),
  })
  .check(z.superRefine(oneLinkPerDossier));

export type LinkRequest = z.infer<typeof linkRequestSchema>;
