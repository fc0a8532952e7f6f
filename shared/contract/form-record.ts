// The instrument's own module, not its index: the index's tables would ride along into the client script.
import { RESPONDENT_FIELDS } from "../instrument/respondent.js";

// The no-JS survey form's record → the submission object of POST /api/v1/responses. Without zod, so that the
// survey's client script (≤ 10 KiB gzip) can build its JSON body with the very same reader.

const ITEM_LIKE = /^[A-Z]{2}\d*$/;
const EXPECTATION_LIKE = /^E\d+$/;

// Radio values arrive as text; only a plain number is converted, so "abc" or "2.5" still fail the scale check.
function formValue(value: unknown): unknown {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The submission object of a form-encoded post (`TC1=5`, `E1=2`, `gender=female`, `comment=…`), for
 * responseSubmissionSchema. Empty values mean "not answered" (the skip radio posts ""); the point comes from
 * the URL, and `id` falls back to `context.id` when the page did not carry one.
 */
export function submissionFromForm(
  form: Readonly<Record<string, unknown>>,
  context: { point: string; id: string },
): Record<string, unknown> {
  const submission: Record<string, unknown> = { id: context.id, point: context.point };
  const answers: Record<string, unknown> = {};
  const expectations: Record<string, unknown> = {};
  const respondent: Record<string, unknown> = {};
  const followUp: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    if (value === "" || value === undefined || name === "point") continue;
    if (EXPECTATION_LIKE.test(name)) expectations[name] = formValue(value);
    else if (ITEM_LIKE.test(name)) answers[name] = formValue(value);
    else if ((RESPONDENT_FIELDS as readonly string[]).includes(name)) respondent[name] = value;
    // The follow-up request (issue 17): a contact, and the consent box ("on" when ticked).
    else if (name === "contact") followUp.contact = value;
    else if (name === "consent") followUp.consent = value === "on" || value === "true";
    // Unknown names are kept so that the strict schema rejects them, exactly as in a JSON body.
    else submission[name] = value;
  }
  submission.answers = answers;
  if (Object.keys(expectations).length > 0) submission.expectations = expectations;
  if (Object.keys(respondent).length > 0) submission.respondent = respondent;
  // A ticked box without a contact asks for nothing; a contact without the box is refused by the schema.
  if (typeof followUp.contact === "string" && followUp.contact.trim() !== "") {
    submission.followUp = { contact: followUp.contact, consent: followUp.consent === true };
  }
  return submission;
}
