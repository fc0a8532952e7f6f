import type { Messages } from "../../../shared/i18n/index.js";
import { fill } from "../survey-props.js";

// Issue 17: "Tôi muốn được phản hồi". A citizen who rated something 1 or 2, or wrote a comment, may leave
// a phone number or an e-mail address to get a reply; the submission then carries `followUp` and opens a
// case whose reference the thank-you shows. Without JavaScript the section is always there (optional);
// with it, lib/follow-up.ts shows it only when it applies.

/** Phone (digits, spaces, dots, dashes, +84) or e-mail: the browser's own check before the server's. */
const CONTACT_PATTERN = "\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+|[+0-9 .()\\-]{9,20})\\s*";

/** The optional request for a reply, placed after the comment box. */
export function FollowUp(props: {
  text: Messages;
  values: Readonly<Record<string, string>>;
  contactDays: number;
}) {
  const text = props.text.cases.followUp;
  return (
    <fieldset class="follow-up" id="follow-up">
      <legend>{text.title}</legend>
      <p class="hint" id="follow-up-hint">
        {text.prompt}
      </p>
      <label class="f" for="contact">
        {text.contact}
      </label>
      <input
        id="contact"
        name="contact"
        type="text"
        inputMode="email"
        autoComplete="tel"
        maxLength={254}
        pattern={CONTACT_PATTERN}
        placeholder={text.contactHint}
        aria-describedby="follow-up-hint"
        value={props.values.contact ?? ""}
      />
      <label class="consent">
        <input type="checkbox" name="consent" checked={props.values.consent === "on"} />
        <span>{fill(text.consent, { days: props.contactDays })}</span>
      </label>
    </fieldset>
  );
}

/** The no-JS thank-you's lines about the case: its reference and where to read the reply. */
export function CaseNote(props: { text: { ref: string; where: string }; caseRef: string; origin: string }) {
  const url = `${props.origin}/r/${props.caseRef}`;
  return (
    <div class="case-note">
      <p class="case-ref">{fill(props.text.ref, { ref: props.caseRef })}</p>
      <p>
        {props.text.where} <a href={url}>{url}</a>
      </p>
    </div>
  );
}
