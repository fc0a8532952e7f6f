import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  ERROR_STATUS,
  type ErrorCode,
  type ErrorEnvelope,
  type ErrorIssue,
} from "../shared/contract/errors.js";
import type * as z from "../shared/contract/zod.js";
import { isStorageUnavailable, isUniqueViolation, loggableError } from "./db/db-errors.js";
import type { AppEnv } from "./deps.js";
import { noteStorageFailure } from "./lib/storage-health.js";

/** An error with a code from the closed list (which decides its status); thrown anywhere, answered by `handleError`. */
export class ApiError extends Error {
  readonly status: (typeof ERROR_STATUS)[ErrorCode];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new ApiError("FORBIDDEN", message);
export const conflict = (message: string) => new ApiError("CONFLICT", message);
export const invalid = (message: string, issues?: ErrorIssue[]) =>
  new ApiError("VALIDATION_FAILED", message, issues);

/** Seconds a client is asked to wait after a 503 for a database that cannot take a write. */
export const STORAGE_RETRY_AFTER_S = 5;

/** The JSON body of an error answer. */
export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorEnvelope {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** The answer to an error: its envelope, with the status its code stands for. */
export function errorResponse(c: Context, err: ApiError): Response {
  return c.json(errorBody(err.code, err.message, err.issues), err.status);
}

// Hono's own exceptions are named where they arise (CSRF in the auth guard, unreadable bodies in
// `validate`, sizes in the body policy). One that arrives here anyway keeps its status, with the plain
// code for it; any other status is a fault of ours.
const PLAIN_CODE: Partial<Record<number, ErrorCode>> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** Turns zod issues into the envelope's issues (path and message only: no echo of the input). */
export function zodIssues(error: z.core.$ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
}

/** The hook given to every zod validator, so a failed validation has the one envelope. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success) {
    const issues = zodIssues(result.error as z.core.$ZodError);
    throw invalid("The request is not valid.", issues);
  }
}

/**
 * The one place where errors become answers. Unknown errors are logged with the request id and
 * answered with a generic 500: never a stack trace or an SQL message.
 */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  // Two requests created the same code at the same moment: both passed the "exists already?" check and the
  // database's unique index refused the second one. That is a conflict, not a failure.
  if (isUniqueViolation(err)) {
    return errorResponse(c, conflict("Something with this code or name exists already."));
  }
  const plain = err instanceof HTTPException ? PLAIN_CODE[err.status] : undefined;
  if (plain) return errorResponse(c, new ApiError(plain, "The request was refused."));
  if (isStorageUnavailable(err)) {
    // Disk full, locked past the busy timeout, or an I/O error: worth trying again shortly.
    if (c.var.deps) noteStorageFailure(c.var.deps.db, c.var.deps.now());
    c.var.deps?.log.warn("storage_unavailable", {
      requestId: c.var.requestId,
      route: c.req.routePath,
      ...loggableError(err),
    });
    c.header("Retry-After", String(STORAGE_RETRY_AFTER_S));
    return errorResponse(
      c,
      new ApiError("SERVICE_UNAVAILABLE", "The service cannot save this just now. Please try again shortly."),
    );
  }
  c.var.deps?.log.error("request_failed", {
    requestId: c.var.requestId,
    route: c.req.routePath,
    // Operators need the reason: the driver's message names tables and columns; SQL parameters (values)
    // are never logged.
    ...loggableError(err),
  });
  return errorResponse(
    c,
    new ApiError("INTERNAL_ERROR", "Something went wrong on our side. Please try again."),
  );
}
