// With more services than fit on a phone screen, a search box narrows the picker's list. The script adds
// it; without JavaScript the plain list still works.

const SEARCH_FROM = 8;

/** Letters without case or Vietnamese diacritics, so that "khai sinh" finds "Đăng ký khai sinh". */
function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
}

/**
 * Adds the search box above a long service picker. Every word typed must appear, in any order ("khai sinh
 * đăng ký" finds "Đăng ký khai sinh"); the chosen service always stays. Returns a reset for the next
 * citizen (box emptied, nothing chosen), or undefined when the list is short.
 */
export function addServiceSearch(
  select: HTMLSelectElement,
  text: { search: string; choose: string; noMatch: string },
): (() => void) | undefined {
  const [prompt, ...services] = Array.from(select.options);
  if (!prompt || services.length < SEARCH_FROM) return undefined;
  const names = services.map((option) => folded(option.text));
  const box = document.createElement("input");
  box.type = "search";
  box.placeholder = text.search;
  box.setAttribute("aria-label", text.search);
  const narrow = () => {
    const words = folded(box.value).split(/\s+/).filter(Boolean);
    const chosen = select.value;
    // Options are taken out of the list rather than hidden: iOS ignores `hidden` on an <option>.
    while (select.options.length > 1) select.remove(1);
    const shown = services.filter(
      (option, i) => option.value === chosen || words.every((word) => names[i]?.includes(word)),
    );
    for (const option of shown) select.add(option);
    select.value = chosen;
    prompt.text = shown.length > 0 ? text.choose : text.noMatch;
  };
  box.addEventListener("input", narrow);
  select.before(box);
  return () => {
    box.value = "";
    select.value = "";
    narrow();
  };
}
