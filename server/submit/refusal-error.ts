import { ApiError } from "../errors.js";
import type { Refusal } from "./steps.js";

/** What the API says for each refusal; the status comes with the code (shared/contract/errors.ts). */
const MESSAGES: Record<Refusal["code"], string> = {
  VALIDATION_FAILED: "The response is not valid.",
  POINT_NOT_FOUND: "There is no survey point with this code, or it no longer collects answers.",
  TOKEN_REQUIRED: "This survey point takes answers only through a one-time link.",
  TOKEN_INVALID: "The one-time link is not valid for this survey point, or has expired.",
  TOKEN_USED: "This one-time link, or its dossier, has already been used.",
  RATE_LIMITED: "Too many answers from this network just now. Please try again in a minute.",
  DUPLICATE_ID: "A different response with this id has already been received.",
};

/** The API error for a refused submission. */
export function refusalError(refusal: Refusal): ApiError {
  return new ApiError(refusal.code, MESSAGES[refusal.code], "issues" in refusal ? refusal.issues : undefined);
}
