import { caseRefOf } from "../../../shared/contract/case-ref.js";
import type { Messages } from "../../../shared/i18n/index.js";
import { fill } from "../survey-props.js";

// Issue 17: "Tôi muốn được phản hồi". A citizen who rated something 1 or 2, or wrote a comment, may leave
// a phone number or an e-mail address to get a reply; the submission then carries `followUp` and opens a
// case whose reference the thank-you shows. Without JavaScript the section is always there (optional);
// with it, watchFollowUp shows it only when it applies.

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

const ITEM_LIKE = /^[A-Z]{2}\d*$/;

/**
 * With JavaScript, shows the follow-up section only when it applies: an answer of 1 or 2, a comment, or a
 * contact already typed. Called once by the survey's client script.
 */
export function watchFollowUp(root: HTMLElement): void {
  const section = root.querySelector<HTMLFieldSetElement>("#follow-up");
  const form = section?.closest("form");
  if (!section || !form) return;
  const update = () => {
    const fields = [...new FormData(form).entries()];
    const low = fields.some(([name, value]) => ITEM_LIKE.test(name) && (value === "1" || value === "2"));
    const written = fields.some(
      ([name, value]) => (name === "comment" || name === "contact") && String(value).trim() !== "",
    );
    section.hidden = !(low || written);
    // A contact without consent would be refused: the browser asks for the box first.
    const consent = section.querySelector<HTMLInputElement>("input[name=consent]");
    const contact = section.querySelector<HTMLInputElement>("input[name=contact]");
    if (consent && contact) consent.required = contact.value.trim() !== "";
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  update();
}

/** The case reference a sent response opened, if it asked for a reply. */
export function caseRefOfSent(response: { id: string; followUp?: unknown } | null): string | null {
  return response?.followUp ? caseRefOf(response.id) : null;
}

/** The thank-you's lines about the case: its reference and where to read the reply. */
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
