import { useEffect, useState } from "preact/hooks";
import type { SurveyText } from "../survey-props.js";

// With more services than fit on a phone screen, a search box narrows the list (once the script runs;
// without it the plain list still works).
const SEARCH_FROM = 8;

/** Letters without case or Vietnamese diacritics, so that "khai sinh" finds "Đăng ký khai sinh". */
function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
}

/** The service the citizen came for: fixed and shown, or picked from the unit's services (optional). */
export function ServicePicker(props: {
  text: SurveyText["service"];
  service: { code: string; name: string } | null;
  services: ReadonlyArray<{ code: string; name: string }>;
  value: string | undefined;
}) {
  const [hydrated, setHydrated] = useState(false);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(props.value ?? "");
  useEffect(() => setHydrated(true), []);
  if (props.service) {
    return (
      <p class="msg">
        {props.text.label}: <strong>{props.service.name}</strong>
      </p>
    );
  }
  if (props.services.length === 0) return null;
  // Every word typed must appear, in any order: "khai sinh đăng ký" finds "Đăng ký khai sinh".
  const words = folded(query).split(/\s+/).filter(Boolean);
  const shown = props.services.filter(
    (s) => s.code === chosen || words.every((word) => folded(s.name).includes(word)),
  );
  return (
    <div>
      <label class="f" for="service">
        {props.text.label}
      </label>
      {hydrated && props.services.length >= SEARCH_FROM && (
        <input
          type="search"
          aria-label={props.text.search}
          placeholder={props.text.search}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      <select id="service" name="service" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">{shown.length > 0 ? props.text.choose : props.text.noMatch}</option>
        {shown.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
