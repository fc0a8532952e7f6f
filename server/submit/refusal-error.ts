import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../errors.js";
import type { Refusal } from "./steps.js";

const ANSWERS: Record<Refusal["code"], [ContentfulStatusCode, string]> = {
  VALIDATION_FAILED: [400, "The response is not valid."],
  POINT_NOT_FOUND: [404, "There is no survey point with this code, or it no longer collects answers."],
  TOKEN_REQUIRED: [403, "This survey point takes answers only through a one-time link."],
  TOKEN_INVALID: [403, "The one-time link is not valid for this survey point, or has expired."],
  TOKEN_USED: [409, "This one-time link, or its dossier, has already been used."],
  RATE_LIMITED: [429, "Too many answers from this network just now. Please try again in a minute."],
  DUPLICATE_ID: [409, "A different response with this id has already been received."],
};

/** The API error for a refused submission: the status codes of DESIGN.md §3. */
export function refusalError(refusal: Refusal): ApiError {
  const [status, message] = ANSWERS[refusal.code];
  return new ApiError(status, refusal.code, message, "issues" in refusal ? refusal.issues : undefined);
}
