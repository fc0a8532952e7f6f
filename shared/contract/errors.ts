import * as z from "./zod.js";

/**
 * Every error code the API can answer with, and the one HTTP status each is answered with: a closed list
 * that the UI can switch on. A code decides its status here, never at the place that throws it.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  POINT_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_ID: 409,
  TOKEN_REQUIRED: 403,
  TOKEN_INVALID: 403,
  TOKEN_USED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  DUPLICATE_FORM: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** One problem with the input: where it is (a JSON path or a CSV row and column) and what is wrong. */
export const errorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  row: z.optional(z.number().check(z.int())),
  /** Import problems: a stable code (the console words it as console.import.issues.<code>) and its values. */
  code: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/** The body of every error answer. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.optional(z.array(errorIssueSchema)),
  }),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
