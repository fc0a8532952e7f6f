import * as z from "zod";

/** Every error code the API can answer with: a closed list that the UI can switch on. */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "INVALID_JSON",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "TOO_MANY_ATTEMPTS",
  "FORBIDDEN",
  "CSRF_REJECTED",
  "NOT_FOUND",
  "POINT_NOT_FOUND",
  "CONFLICT",
  "DUPLICATE_ID",
  "TOKEN_REQUIRED",
  "TOKEN_INVALID",
  "TOKEN_USED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "METHOD_NOT_ALLOWED",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
  "DUPLICATE_FORM",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with the input: where it is (a JSON path or a CSV row and column) and what is wrong. */
export const errorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  row: z.number().int().optional(),
  /** Import problems: a stable code (the console words it as console.import.issues.<code>) and its values. */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/** The body of every error answer. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
