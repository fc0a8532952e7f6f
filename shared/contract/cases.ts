import { CASE_REF_ALPHABET, CASE_REF_LENGTH, normaliseCaseRef } from "./case-ref.js";
import { unitCodeSchema } from "./catalogue.js";
import type { ReportColumn } from "./reports.js";
import * as z from "./zod.js";

// Follow-up cases (issue 17): the citizen's request for a reply inside a submission, and the bodies and
// queries of /api/v1/cases. The contact is personal data: see server/cases/ for where it may go.

export { caseRefOf, normaliseCaseRef } from "./case-ref.js";

export const CASE_STATUSES = ["received", "in_progress", "answered", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A contact as stored: its kind and the normalised text (a phone as 0xxxxxxxxx, an e-mail in lower case). */
export type Contact = { kind: "phone" | "email"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Vietnamese numbers since 2018: mobiles 03/05/07/08/09 + 8 digits, landlines 02 + area code + number.
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/** Reads a typed phone number (spaces, dots, dashes, +84 allowed) or e-mail address; null when neither. */
export function parseContact(text: string): Contact | null {
  const trimmed = text.trim();
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? { kind: "email", value: email } : null;
  }
  const digits = trimmed.replace(/[\s.()-]/g, "").replace(/^(\+84|0084|84(?=[235789]\d{8,9}$))/, "0");
  return MOBILE.test(digits) || LANDLINE.test(digits) ? { kind: "phone", value: digits } : null;
}

/** `followUp` of a submission: a contact and the citizen's consent, which must be given. */
export const followUpSchema = z.strictObject({
  contact: z.pipe(
    z.string().check(z.maxLength(300)),
    z.transform((text, ctx) => {
      const contact = parseContact(text);
      if (contact) return contact;
      ctx.issues.push({
        code: "custom",
        message: "a Vietnamese phone number or an e-mail address",
        input: text,
      });
      return z.NEVER;
    }),
  ),
  consent: z.literal(true, "the citizen must agree to be contacted"),
});
export type FollowUp = z.output<typeof followUpSchema>;

export const caseRefSchema = z
  .pipe(z.string(), z.transform(normaliseCaseRef))
  .check(
    z.refine(
      (ref) => ref.length === CASE_REF_LENGTH && [...ref].every((ch) => CASE_REF_ALPHABET.includes(ch)),
      "a case reference of 10 letters and digits",
    ),
  );

const booleanQuery = z.pipe(
  z.enum(["true", "false", "1", "0"]),
  z.transform((v) => v === "true" || v === "1"),
);

/** GET /api/v1/cases */
export const caseListQuerySchema = z.object({
  status: z.optional(z.enum([...CASE_STATUSES, "open"])),
  unit: z.optional(unitCodeSchema),
  overdue: z.optional(booleanQuery),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
  // The `next` of the previous page: cases are listed newest first.
  before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
});

/** GET /api/v1/cases/:ref: `show=contact` reveals the contact (to those allowed) and is audited. */
export const caseViewQuerySchema = z.object({ show: z.optional(z.literal("contact")) });

const longText = z
  .pipe(
    z.string(),
    z.transform((text) => text.replaceAll("\u0000", "").trim().normalize("NFC")),
  )
  .check(z.refine((text) => [...text].length <= 4000, "at most 4,000 characters"));

/** PATCH /api/v1/cases/:ref: `reply` is public on /r/:ref, `note` stays inside the unit. */
export const casePatchSchema = z
  .strictObject({
    status: z.optional(z.enum(["in_progress", "answered", "closed"])),
    reply: z.optional(longText),
    note: z.optional(longText),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, "change the status, the reply or the note"));
export type CasePatch = z.output<typeof casePatchSchema>;

/** GET /api/v1/reports/cases: follow-through per unit (or in total) over a period of opening days. */
export const CASE_REPORT_GROUPINGS = ["unit", "total"] as const;
/** The columns of its CSV and XLSX files, in order, with their kinds. */
export const CASE_REPORT_COLUMNS: ReportColumn[] = [
  { name: "period_from", kind: "text" },
  { name: "period_to", kind: "text" },
  { name: "unit_code", kind: "text" },
  { name: "unit_name", kind: "text" },
  { name: "cases_opened", kind: "integer" },
  { name: "answered", kind: "integer" },
  { name: "answered_in_time", kind: "integer" },
  { name: "answered_in_time_pct", kind: "figure" },
  { name: "median_days_to_answer", kind: "figure" },
  { name: "open", kind: "integer" },
  { name: "overdue", kind: "integer" },
];

/** One row of the follow-through report (unit columns are null in the total row). */
export type FollowThroughRow = {
  period_from: string;
  period_to: string;
  unit_code: string | null;
  unit_name: string | null;
  /** Cases opened in the period. */
  cases_opened: number;
  /** Of those, answered (at any time so far). */
  answered: number;
  /** Of those, answered by their due time. */
  answered_in_time: number;
  /** answered_in_time ÷ the cases whose due time has passed or that are answered, × 100; null when none. */
  answered_in_time_pct: number | null;
  /** Median of the days from opening to the first answer; null when none is answered. */
  median_days_to_answer: number | null;
  /** Of those, still waiting for an answer now, and how many of them are overdue. */
  open: number;
  overdue: number;
};
