// The form's current answers for what the page shows while the citizen answers (progress, follow-up),
// read from the elements themselves. Not FormData: Chromium lays the whole page out before it lists a form
// with a <textarea>, and at start-up that forced layout made the page's first task twice as long (issue 20:
// total blocking time on a slow phone). The submission itself still goes through FormData.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// What FormData would list: checked radios and boxes, every other input, text area and list. Selected
// natively, so that the script does not touch each of the form's few hundred radios.
const LISTED = "input:checked,input:not([type=radio]):not([type=checkbox]),textarea,select";

/** The named, enabled fields of the form, name → value. */
export function fieldValues(form: HTMLFormElement): Map<string, string> {
  const values = new Map<string, string>();
  for (const field of form.querySelectorAll<Field>(LISTED))
    if (field.name && !field.disabled) values.set(field.name, field.value);
  return values;
}
