import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../../shared/contract/errors.js";
import { ApiError } from "../errors.js";
import type { Refusal } from "./steps.js";

const ANSWERS: Record<Refusal["reason"], [ContentfulStatusCode, ErrorCode, string]> = {
  invalid: [400, "VALIDATION_FAILED", "The response is not valid."],
  point_not_found: [404, "POINT_NOT_FOUND", "There is no survey point with this code."],
  point_moved: [404, "POINT_NOT_FOUND", "This survey point no longer collects answers."],
  token_required: [403, "TOKEN_REQUIRED", "This survey point takes answers only through a one-time link."],
  token_invalid: [
    403,
    "TOKEN_INVALID",
    "The one-time link is not valid for this survey point, or has expired.",
  ],
  token_used: [409, "TOKEN_USED", "This one-time link, or its dossier, has already been used."],
  rate_limited: [
    429,
    "RATE_LIMITED",
    "Too many answers from this network just now. Please try again in a minute.",
  ],
  duplicate_id: [409, "DUPLICATE_ID", "A different response with this id has already been received."],
};

/** The API error for a refused submission: the status codes of DESIGN.md §3. */
export function refusalError(refusal: Refusal): ApiError {
  const [, code, message] = ANSWERS[refusal.reason];
  return new ApiError(code, message, refusal.reason === "invalid" ? refusal.issues : undefined);
}
