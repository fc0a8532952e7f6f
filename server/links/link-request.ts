import * as z from "zod";
import { normaliseDossierCode } from "./dossier.js";

// The body of POST /api/v1/points/:code/links, and the same fields from the staff form (form-encoded).

/** Links per request: a day's slips for a busy counter, small enough to sign in one request. */
export const MAX_LINKS = 100;

const dossierSchema = z
  .string()
  .max(100)
  .transform(normaliseDossierCode)
  .pipe(
    z
      .string()
      .regex(
        /^[0-9A-Z][0-9A-Z./_-]{1,63}$/,
        "a dossier code such as 000.00.10.H35-260315-0001 (2–64 characters)",
      ),
  );

const oneLinkPerDossier = (body: { dossier?: string | undefined; count: number }, ctx: z.RefinementCtx) => {
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
    dossier: dossierSchema.optional(),
    count: z.number().int().min(1).max(MAX_LINKS).default(1),
  })
  .superRefine(oneLinkPerDossier);

/** The staff form's fields: text inputs, where an empty dossier means none. */
export const linkFormSchema = z
  .object({
    dossier: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value : undefined))
      .pipe(dossierSchema.optional()),
    count: z.coerce.number().int().min(1).max(MAX_LINKS).default(1),
  })
  .superRefine(oneLinkPerDossier);

export type LinkRequest = z.infer<typeof linkRequestSchema>;
