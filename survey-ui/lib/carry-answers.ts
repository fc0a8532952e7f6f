// The citizen's answers across a change of language: the language links load the same survey in another
// language, and with JavaScript the answers go along in sessionStorage (this tab only, removed once read).
// Without JavaScript they cannot; the page says so next to the links.

const KEY = "hailong.carry";

/** Fields that belong to the page, not to the citizen: never carried. */
const PAGE_FIELDS = new Set(["id", "lang", "token", "channel", "website"]);

type Carried = { point: string; fields: Array<[string, string]> };

/** Keeps the form's answers for the next page of the same point in this tab. */
export function carryAnswers(form: HTMLFormElement, point: string): void {
  const fields: Array<[string, string]> = [];
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value !== "" && !PAGE_FIELDS.has(name)) fields.push([name, value]);
  }
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ point, fields } satisfies Carried));
  } catch {
    // Storage refused (private mode, full): the new page opens empty, as without JavaScript.
  }
}

/**
 * Puts answers carried from the previous page of the same point back into the form, opening the folded
 * sections they belong to, then tells the form they changed. Returns whether anything was restored.
 */
export function restoreAnswers(form: HTMLFormElement, point: string): boolean {
  let carried: Carried | null = null;
  try {
    carried = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Carried | null;
    sessionStorage.removeItem(KEY);
  } catch {
    return false;
  }
  if (!carried || carried.point !== point || !Array.isArray(carried.fields)) return false;
  for (const [name, value] of carried.fields) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) {
      for (const node of field) {
        if (node instanceof HTMLInputElement && node.value === value) {
          node.checked = true;
          const section = node.closest("details");
          if (section) section.open = true;
        }
      }
    } else if (field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) {
      field.value = value;
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  form.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}

/** Makes the page's language links carry the form's answers along. */
export function carryOnLanguageLinks(form: HTMLFormElement, point: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[hreflang]")) {
    link.addEventListener("click", () => carryAnswers(form, point));
  }
}
