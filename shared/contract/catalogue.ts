import * as z from "zod";
import { CATALOGUE_LIMITS as LIMITS } from "./limits.js";

// Request bodies of the catalogue and access API (DESIGN.md §3 "Admin"), shared with the console.

// SQLite reads a text only up to a NUL (length("\0x") is 0): such a name would break the table's CHECK
// and answer 500, or be read back cut short. No one types NUL in a name: it is refused.
const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !text.includes("\u0000"), "must not contain a NUL character");

/** Unit electronic identifier: up to 35 digits, A–Z and dots; treated as opaque. */
export const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    new RegExp(`^[0-9A-Z.]{1,${LIMITS.unitCode}}$`),
    `up to ${LIMITS.unitCode} characters: digits, A–Z and dots`,
  );

/** National TTHC code d.dddddd (the localised variant is a separate attribute). */
export const tthcCodeSchema = z
  .string()
  .trim()
  .regex(/^\d\.\d{6}$/, "the national code d.dddddd, e.g. 1.001193");

export const ROLES = ["admin", "analyst", "staff"] as const;
export type Role = (typeof ROLES)[number];

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "2–64 characters: letters, digits, dot, dash, underscore");

export const passwordSchema = z.string().min(10, "at least 10 characters").max(200);

// Optional names in Chinese and English, shown on the citizen's pages in that language (Vietnamese, the
// required `name`, is the fallback). On create they may be left out; on PATCH null removes one.
const localNames = (max: number) => ({
  nameZh: trimmed(max).optional(),
  nameEn: trimmed(max).optional(),
});
const localNamesPatch = (max: number) => ({
  nameZh: trimmed(max).nullable().optional(),
  nameEn: trimmed(max).nullable().optional(),
});

export const unitCreateSchema = z.strictObject({
  code: unitCodeSchema,
  name: trimmed(LIMITS.unitName),
  ...localNames(LIMITS.unitName),
  parent: unitCodeSchema.optional(),
});

export const unitPatchSchema = z.strictObject({
  name: trimmed(LIMITS.unitName).optional(),
  ...localNamesPatch(LIMITS.unitName),
  parent: unitCodeSchema.nullable().optional(),
  // Shows the unit's results to citizens at /p/:code (opt-in, admins).
  publicResults: z.boolean().optional(),
});

export const serviceCreateSchema = z.strictObject({
  code: tthcCodeSchema,
  name: trimmed(LIMITS.serviceName),
  ...localNames(LIMITS.serviceName),
  field: trimmed(LIMITS.serviceField).optional(),
  localCode: z.string().trim().max(LIMITS.serviceLocalCode).optional(),
  units: z.array(unitCodeSchema).max(500).optional(),
});

export const servicePatchSchema = z.strictObject({
  name: trimmed(LIMITS.serviceName).optional(),
  ...localNamesPatch(LIMITS.serviceName),
  field: trimmed(LIMITS.serviceField).nullable().optional(),
  localCode: z.string().trim().max(LIMITS.serviceLocalCode).nullable().optional(),
  units: z.array(unitCodeSchema).max(500).optional(),
});

export const unitServicesSchema = z.strictObject({
  services: z.array(tthcCodeSchema).max(2000),
});

export const FORMS_OF_POINT = ["full", "quick"] as const;

/**
 * A point's own limit: submissions a day from one network address (a counter whose citizens share one
 * Wi-Fi, a kiosk tablet); null or absent: the deployment's limit (HAILONG_RATE_LIMIT_DAY).
 */
export const dailyLimitSchema = z.number().int().min(1).max(100_000).nullable();

export const pointCreateSchema = z.strictObject({
  unit: unitCodeSchema,
  label: trimmed(LIMITS.pointLabel),
  labelZh: trimmed(LIMITS.pointLabel).optional(),
  labelEn: trimmed(LIMITS.pointLabel).optional(),
  service: tthcCodeSchema.optional(),
  form: z.enum(FORMS_OF_POINT).default("full"),
  tokenRequired: z.boolean().default(false),
  dailyLimit: dailyLimitSchema.optional(),
});

export const pointPatchSchema = z.strictObject({
  label: trimmed(LIMITS.pointLabel).optional(),
  labelZh: trimmed(LIMITS.pointLabel).nullable().optional(),
  labelEn: trimmed(LIMITS.pointLabel).nullable().optional(),
  service: tthcCodeSchema.nullable().optional(),
  form: z.enum(FORMS_OF_POINT).optional(),
  tokenRequired: z.boolean().optional(),
  dailyLimit: dailyLimitSchema.optional(),
  // The survey page names the officer on duty unless this is switched off.
  showOfficer: z.boolean().optional(),
});

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
  unit: unitCodeSchema.optional(),
});

export const userPatchSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  unit: unitCodeSchema.nullable().optional(),
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
  /** Required when admins set their own password here, as on POST /auth/password. */
  currentPassword: z.string().min(1).max(200).optional(),
});

export const loginSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
  /** Keep the caller's API tokens working; by default a password change revokes them. */
  keepTokens: z.boolean().optional(),
});

export const tokenCreateSchema = z.strictObject({
  name: trimmed(100),
  /** Days until the token stops working. */
  expiresInDays: z.number().int().min(1).max(3650).default(90),
});

/** Point codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), typeable by hand. */
export const POINT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const pointCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/, "six characters such as K7F3QM");
