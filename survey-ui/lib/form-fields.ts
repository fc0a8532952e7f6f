// The form's current answers for what the page shows while the citizen answers (progress, follow-up),
// read from the elements themselves. Not FormData: Chromium lays the whole page out before it lists a form
// with a <textarea>, and at start-up that forced layout made the page's first task twice as long (issue 20:
// total blocking time on a slow phone). The submission itself still goes through FormData.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isField(element: Element): element is Field {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  );
}

/** The named, enabled fields FormData would list (checked radios and boxes only), name → value. */
export function fieldValues(form: HTMLFormElement): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of form.elements) {
    if (!isField(element) || !element.name || element.disabled) continue;
    if (element instanceof HTMLInputElement && /^(radio|checkbox)$/.test(element.type) && !element.checked)
      continue;
    values.set(element.name, element.value);
  }
  return values;
}
