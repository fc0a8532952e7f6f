import { fill } from "../survey/survey-props.js";
import { fieldValues } from "./form-fields.js";

// Issue 17's follow-up request (components/follow-up.tsx) with JavaScript: the section shows only when it
// applies, and the thank-you names the case a sent response opened.

const ITEM_LIKE = /^[A-Z]{2}\d*$/;

/** Shows the follow-up section only when it applies: an answer of 1 or 2, a comment, or a contact typed. */
export function watchFollowUp(form: HTMLFormElement): void {
  const section = form.querySelector<HTMLFieldSetElement>("#follow-up");
  if (!section) return;
  const consent = section.querySelector<HTMLInputElement>("input[name=consent]");
  const contact = section.querySelector<HTMLInputElement>("input[name=contact]");
  const update = () => {
    const fields = [...fieldValues(form)];
    const low = fields.some(([name, value]) => ITEM_LIKE.test(name) && (value === "1" || value === "2"));
    const written = fields.some(
      ([name, value]) => (name === "comment" || name === "contact") && value.trim() !== "",
    );
    section.hidden = !(low || written);
    // A contact without consent would be refused: the browser asks for the box first.
    if (consent && contact) consent.required = contact.value.trim() !== "";
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  update();
}

/**
 * The thank-you's lines about the case a response opened, built from the page's texts: its reference and
 * the address where the citizen reads the unit's reply.
 */
export function caseNote(text: { ref: string; where: string }, caseRef: string): HTMLElement {
  const url = `${location.origin}/r/${caseRef}`;
  const note = document.createElement("div");
  note.className = "case-note";
  const ref = document.createElement("p");
  ref.className = "case-ref";
  ref.textContent = fill(text.ref, { ref: caseRef });
  const where = document.createElement("p");
  const link = document.createElement("a");
  link.href = url;
  link.textContent = url;
  where.append(`${text.where} `, link);
  note.append(ref, where);
  return note;
}
