import type { Messages } from "../../../shared/i18n/index.js";
import type { Form } from "../../../shared/instrument/index.js";
import { FollowUp } from "./follow-up.js";
import { OptionalSections } from "./optional-sections.js";
import { SatisfactionItems } from "./satisfaction-items.js";

/**
 * The questions of the survey form: satisfaction items, the optional sections, the comment and the honeypot.
 * Rendered on the server only; the client script enhances this markup in place, so their texts never
 * travel twice and the script stays small.
 */
export function SurveyQuestions(props: {
  text: Messages;
  form: Form;
  values: Readonly<Record<string, string>>;
  /** Days a reply contact is kept after its case closes (issue 17), said in the consent line. */
  contactDays?: number;
}) {
  const { instrument, survey } = props.text;
  return (
    <>
      <SatisfactionItems text={instrument} skip={survey.skip} form={props.form} values={props.values} />
      <OptionalSections text={props.text} values={props.values} />
      <label class="f" for="comment">
        {instrument.comment.label}
      </label>
      <p class="hint" id="comment-hint">
        {instrument.comment.hint} {survey.commentPrivacy}
      </p>
      {/* No maxlength: it counts UTF-16 units (two per emoji), not characters as the limit does. Without JS
          the server refuses an over-long comment and shows the form again; the client script counts. */}
      <textarea id="comment" name="comment" aria-describedby="comment-hint">
        {props.values.comment ?? ""}
      </textarea>
      <FollowUp text={props.text} values={props.values} contactDays={props.contactDays ?? 90} />
      {/* A field people never see; bots that fill it are answered as if stored, and nothing is kept. */}
      <div class="hp" aria-hidden="true">
        <label>
          {survey.honeypot}
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
    </>
  );
}
