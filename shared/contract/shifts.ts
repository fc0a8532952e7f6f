import * as z from "./zod.js";

// Shifts (DESIGN.md §3 "Shifts"): a staff user takes a counter, `POST /api/v1/points/:code/shift`, and is
// its officer on duty until they end it, take another counter, or the local day ends.

/** The name an officer shows: "Cán bộ tiếp nhận: …" on the survey page, `officer_name` in reports. */
export const officerNameSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(80),
  z.refine(
    (text) => [...text].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f),
    "must not contain control characters",
  ),
);

/** Body of `POST /api/v1/points/:code/shift` (may be empty): the name to show, remembered for next time. */
export const shiftStartSchema = z.strictObject({ name: z.optional(officerNameSchema) });

/** The officer on duty at a counter, as the shift routes answer it. */
export type OnDuty = { username: string; name: string; startedAt: string; endsAt: string };

/** Body of the answers of `GET|POST|DELETE /api/v1/points/:code/shift`. */
export type PointShift = {
  point: string;
  label: string;
  /** Whether the survey page names the officer ("Cán bộ tiếp nhận: …"); a per-counter switch. */
  showOfficer: boolean;
  onDuty: OnDuty | null;
};
