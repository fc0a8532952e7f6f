import type { MessageKey } from "../../../shared/i18n/console/index.js";
import { ApiFailure, type FailureCode } from "./api.js";
import type { Translate } from "./use-t.js";

/** The error code of anything a request threw; a bug in the page counts as INTERNAL_ERROR. */
export function failureCode(error: unknown): FailureCode {
  return error instanceof ApiFailure ? error.code : "INTERNAL_ERROR";
}

/** What went wrong, in words for a civil servant (the API's English message is only a detail). */
export function failureText(tr: Translate, error: unknown): string {
  return tr(`errors.${failureCode(error)}` as MessageKey);
}
