import type { ErrorCode, ErrorIssue } from "../../../shared/contract/errors.js";

// The console's one way to the server: same-origin JSON (the session cookie rides along and the server's
// CSRF check sees our own origin), and one error type whose code the pages translate.

/** Codes of the API's error envelope, plus NETWORK when no answer arrived at all. */
export type FailureCode = ErrorCode | "NETWORK";

/** A failed request: the envelope's code, message and issues (CSV rows, form fields). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

let onUnauthenticated: () => void = () => {};

/** Registers what happens when any request finds the session gone (the shell sends the user to sign-in). */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

type Body = { json: unknown } | { csv: string } | { file: ArrayBuffer | Blob; type: string };

function envelopeOf(value: unknown): { code: ErrorCode; message: string; issues?: ErrorIssue[] } | null {
  const error = (value as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message, issues } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  return { code: code as ErrorCode, message, issues: Array.isArray(issues) ? issues : undefined };
}

/** Calls `/api/v1` + path and returns its JSON; throws ApiFailure for any answer other than 2xx. */
export async function api<T>(method: string, path: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let payload: string | ArrayBuffer | Blob | undefined;
  if (body && "json" in body) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body.json);
  } else if (body && "file" in body) {
    // A spreadsheet goes as it is: the server detects XLSX, the CSV separator and the encoding.
    headers["content-type"] = body.type;
    payload = body.file;
  } else if (body) {
    headers["content-type"] = "text/csv; charset=utf-8";
    payload = body.csv;
  } else if (method !== "GET") {
    // An empty body sends "Content-Length: 0" (browsers send no length on a bare DELETE), so that every
    // server reads it as no body at all.
    payload = "";
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiFailure(0, "NETWORK", "No answer from the server.");
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const envelope = envelopeOf(data);
  const failure = envelope
    ? new ApiFailure(response.status, envelope.code, envelope.message, envelope.issues)
    : new ApiFailure(response.status, response.status >= 500 ? "INTERNAL_ERROR" : "NOT_FOUND", "");
  // Only a missing or expired session sends the user back to sign-in; a wrong current password does not.
  if (failure.code === "UNAUTHENTICATED") onUnauthenticated();
  throw failure;
}

/** GET helper. */
export const get = <T>(path: string) => api<T>("GET", path);
/** POST a JSON body. */
export const post = <T>(path: string, json: unknown = {}) => api<T>("POST", path, { json });
/** PATCH a JSON body. */
export const patch = <T>(path: string, json: unknown) => api<T>("PATCH", path, { json });
/** PUT a JSON body. */
export const put = <T>(path: string, json: unknown) => api<T>("PUT", path, { json });
/** DELETE. */
export const remove = <T>(path: string) => api<T>("DELETE", path);
/** POST a file's bytes as they are (spreadsheet imports). */
export const postFile = <T>(path: string, file: Blob, type: string) => api<T>("POST", path, { file, type });
/** POST a CSV text (catalogue imports). */
export const postCsv = <T>(path: string, csv: string) => api<T>("POST", path, { csv });

/** A query string from defined values, in the given order ("?from=…&to=…"), or "" when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
