import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod";
import type { ErrorCode, ErrorEnvelope, ErrorIssue } from "../shared/contract/errors.js";
import { isStorageUnavailable, isUniqueViolation, loggableError } from "./db/db-errors.js";
import type { AppEnv } from "./deps.js";
import { noteStorageFailure } from "./lib/storage-health.js";

/** An error with a status and a code from the closed list; thrown anywhere, answered by `handleError`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") =>
  new ApiError(403, "FORBIDDEN", message);
export const conflict = (message: string) => new ApiError(409, "CONFLICT", message);
export const invalid = (message: string, issues?: ErrorIssue[]) =>
  new ApiError(400, "VALIDATION_FAILED", message, issues);

/** Seconds a client is asked to wait after a 503 for a database that cannot take a write. */
export const STORAGE_RETRY_AFTER_S = 5;

/** The JSON body of an error answer. */
export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorEnvelope {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** Turns zod issues into the envelope's issues (path and message only: no echo of the input). */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
}

/** The hook given to every zod validator, so a failed validation has the one envelope. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success) {
    const issues = zodIssues(result.error as z.ZodError);
    throw invalid("The request is not valid.", issues);
  }
}

/**
 * The one place where errors become answers. Unknown errors are logged with the request id and
 * answered with a generic 500: never a stack trace or an SQL message.
 */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.issues), err.status);
  }
  // Two requests created the same code at the same moment: both passed the "exists already?" check and the
  // database's unique index refused the second one. That is a conflict, not a failure.
  if (isUniqueViolation(err)) {
    return c.json(errorBody("CONFLICT", "Something with this code or name exists already."), 409);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400) return c.json(errorBody("INVALID_JSON", "The request body is not valid JSON."), 400);
    if (status === 413) return c.json(errorBody("PAYLOAD_TOO_LARGE", "The request body is too large."), 413);
    if (status === 403) return c.json(errorBody("CSRF_REJECTED", "The request came from another site."), 403);
    if (status === 401) return c.json(errorBody("UNAUTHENTICATED", "Please sign in."), 401);
    if (status < 500) return c.json(errorBody("VALIDATION_FAILED", "The request is not valid."), status);
  }
  if (isStorageUnavailable(err)) {
    // Disk full, locked past the busy timeout, or an I/O error: worth trying again shortly.
    if (c.var.deps) noteStorageFailure(c.var.deps.db, c.var.deps.now());
    c.var.deps?.log.warn("storage_unavailable", {
      requestId: c.var.requestId,
      route: c.req.routePath,
      ...loggableError(err),
    });
    c.header("Retry-After", String(STORAGE_RETRY_AFTER_S));
    return c.json(
      errorBody("SERVICE_UNAVAILABLE", "The service cannot save this just now. Please try again shortly."),
      503,
    );
  }
  c.var.deps?.log.error("request_failed", {
    requestId: c.var.requestId,
    route: c.req.routePath,
    // Operators need the reason: the driver's message names tables and columns; SQL parameters (values)
    // are never logged.
    ...loggableError(err),
  });
  return c.json(errorBody("INTERNAL_ERROR", "Something went wrong on our side. Please try again."), 500);
}
