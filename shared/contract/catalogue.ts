import { CATALOGUE_LIMITS as LIMITS } from "./limits.js";
import * as z from "./zod.js";

// Request bodies of the catalogue and access API (DESIGN.md §3 "Admin"), shared with the console.

// SQLite reads a text only up to a NUL (length("\0x") is 0): such a name would break the table's CHECK
// and answer 500, or be read back cut short. No one types NUL in a name: it is refused.
const trimmed = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((text) => !text.includes("\u0000"), "must not contain a NUL character"),
  );

/** Unit electronic identifier: up to 35 digits, A–Z and dots; treated as opaque. */
export const unitCodeSchema = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(
      new RegExp(`^[0-9A-Z.]{1,${LIMITS.unitCode}}$`),
      `up to ${LIMITS.unitCode} characters: digits, A–Z and dots`,
    ),
  );

/** National TTHC code d.dddddd (the localised variant is a separate attribute). */
/** A TTHC code as the national catalogue writes it: d.dddddd. */
export const TTHC_CODE_PATTERN = /^\d\.\d{6}$/;

export const tthcCodeSchema = z
  .string()
  .check(z.trim(), z.regex(TTHC_CODE_PATTERN, "the national code d.dddddd, e.g. 1.001193"));

export const ROLES = ["admin", "analyst", "staff"] as const;
export type Role = (typeof ROLES)[number];

export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "2–64 characters: letters, digits, dot, dash, underscore"),
  );

export const passwordSchema = z.string().check(z.minLength(10, "at least 10 characters"), z.maxLength(200));

// Optional names in Chinese and English, shown on the citizen's pages in that language (Vietnamese, the
// required `name`, is the fallback). On create they may be left out; on PATCH null removes one.
const localNames = (max: number) => ({
  nameZh: z.optional(trimmed(max)),
  nameEn: z.optional(trimmed(max)),
});
const localNamesPatch = (max: number) => ({
  nameZh: z.optional(z.nullable(trimmed(max))),
  nameEn: z.optional(z.nullable(trimmed(max))),
});

export const unitCreateSchema = z.strictObject({
  code: unitCodeSchema,
  name: trimmed(LIMITS.unitName),
  ...localNames(LIMITS.unitName),
  parent: z.optional(unitCodeSchema),
});

export const unitPatchSchema = z.strictObject({
  name: z.optional(trimmed(LIMITS.unitName)),
  ...localNamesPatch(LIMITS.unitName),
  parent: z.optional(z.nullable(unitCodeSchema)),
  // Shows the unit's results to citizens at /p/:code (opt-in, admins).
  publicResults: z.optional(z.boolean()),
});

export const serviceCreateSchema = z.strictObject({
  code: tthcCodeSchema,
  name: trimmed(LIMITS.serviceName),
  ...localNames(LIMITS.serviceName),
  field: z.optional(trimmed(LIMITS.serviceField)),
  localCode: z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.serviceLocalCode))),
  units: z.optional(z.array(unitCodeSchema).check(z.maxLength(500))),
});

export const servicePatchSchema = z.strictObject({
  name: z.optional(trimmed(LIMITS.serviceName)),
  ...localNamesPatch(LIMITS.serviceName),
  field: z.optional(z.nullable(trimmed(LIMITS.serviceField))),
  localCode: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(LIMITS.serviceLocalCode)))),
  units: z.optional(z.array(unitCodeSchema).check(z.maxLength(500))),
});

export const unitServicesSchema = z.strictObject({
  services: z.array(tthcCodeSchema).check(z.maxLength(2000)),
});

export const FORMS_OF_POINT = ["full", "quick"] as const;

/**
 * A point's own limit: submissions a day from one network address (a counter whose citizens share one
 * Wi-Fi, a kiosk tablet); null or absent: the deployment's limit (HAILONG_RATE_LIMIT_DAY).
 */
export const dailyLimitSchema = z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(100_000)));

export const pointCreateSchema = z.strictObject({
  unit: unitCodeSchema,
  label: trimmed(LIMITS.pointLabel),
  labelZh: z.optional(trimmed(LIMITS.pointLabel)),
  labelEn: z.optional(trimmed(LIMITS.pointLabel)),
  service: z.optional(tthcCodeSchema),
  form: z._default(z.enum(FORMS_OF_POINT), "full"),
  tokenRequired: z._default(z.boolean(), false),
  dailyLimit: z.optional(dailyLimitSchema),
});

export const pointPatchSchema = z.strictObject({
  label: z.optional(trimmed(LIMITS.pointLabel)),
  labelZh: z.optional(z.nullable(trimmed(LIMITS.pointLabel))),
  labelEn: z.optional(z.nullable(trimmed(LIMITS.pointLabel))),
  service: z.optional(z.nullable(tthcCodeSchema)),
  form: z.optional(z.enum(FORMS_OF_POINT)),
  tokenRequired: z.optional(z.boolean()),
  dailyLimit: z.optional(dailyLimitSchema),
  // The survey page names the officer on duty unless this is switched off.
  showOfficer: z.optional(z.boolean()),
});

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
  unit: z.optional(unitCodeSchema),
});

export const userPatchSchema = z.strictObject({
  role: z.optional(z.enum(ROLES)),
  unit: z.optional(z.nullable(unitCodeSchema)),
  password: z.optional(passwordSchema),
  disabled: z.optional(z.boolean()),
  /** Required when admins set their own password here, as on POST /auth/password. */
  currentPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

export const loginSchema = z.strictObject({
  username: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(200)),
  newPassword: passwordSchema,
  /** Keep the caller's API tokens working; by default a password change revokes them. */
  keepTokens: z.optional(z.boolean()),
});

export const tokenCreateSchema = z.strictObject({
  name: trimmed(100),
  /** Days until the token stops working. */
  expiresInDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(3650)), 90),
});

/** Point codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), typeable by hand. */
export const POINT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const POINT_CODE_PATTERN = new RegExp(`^[${POINT_CODE_ALPHABET}]{6}$`);

export const pointCodeSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(POINT_CODE_PATTERN, "six characters such as K7F3QM"));
