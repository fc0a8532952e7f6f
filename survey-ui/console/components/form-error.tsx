import type { MessageKey } from "../../../shared/i18n/console/index.js";
import { ApiFailure, type FailureCode } from "../lib/api.js";
import { failureCode, failureText } from "../lib/failure-text.js";
import { optionalText, type Translate, useT } from "../lib/use-t.js";

/**
 * Why a form was refused, above the form: the reason in plain words, and the server's detail for each
 * problem it listed that no field on screen shows (a CSV row, a rule across fields).
 */
export function FormError({
  error,
  fields = [],
  messages = {},
}: {
  error: unknown;
  fields?: readonly string[];
  /** What a code means on this form, where the general wording would mislead ("wrong current password"). */
  messages?: Partial<Record<FailureCode, MessageKey>>;
}) {
  const { tr } = useT();
  if (!error) return null;
  const special = messages[failureCode(error)];
  const stray =
    error instanceof ApiFailure
      ? error.issues.filter((issue) => !fields.includes(String(issue.path[0])))
      : [];
  const message = special
    ? tr(special)
    : error instanceof ApiFailure && error.code === "VALIDATION_FAILED" && stray.length === 0
      ? tr("console.form.fixFields")
      : failureText(tr, error);
  return (
    <div class="status status-error" role="alert">
      <p>{message}</p>
      {stray.length > 0 && (
        <ul>
          {stray.map((issue) => (
            <li key={`${issue.path.join(".")}:${issue.message}`}>
              {issue.path.length > 0 && <strong>{fieldName(tr, String(issue.path[0]))}: </strong>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A body field's name on screen ("parent" → "Đơn vị cấp trên"); unknown names are shown as they are. */
export function fieldName(tr: Translate, field: string): string {
  return optionalText(tr, `console.fields.${field}`) ?? field;
}
