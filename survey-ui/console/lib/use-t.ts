import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { DEFAULT_LANG, isLang, type Lang, type MessageKey, t } from "../../../shared/i18n/console/index.js";
import { roundForDisplay } from "../../../shared/scoring/rounding.js";

// The console's language: Vietnamese unless the user chose another one on this browser.

const STORAGE_KEY = "hailong.console.lang";

type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The language remembered on this browser, else Vietnamese. */
export function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Remembers the chosen language on this browser. */
export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private windows may refuse storage; the choice then lasts until the page is closed.
  }
}

/** A translator bound to one language. */
function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: DEFAULT_LANG,
  setLang: () => {},
});

/** The current language and its translator. */
export function useT(): { lang: Lang; tr: Translate; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useContext(LangContext);
  return { lang, tr: translator(lang), setLang };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A figure as the console shows it: rounded half away from zero (SIPAS.md §3) to `decimals`, written with
 * the language's decimal mark ("82,45" in Vietnamese); "–" when there is no data.
 */
export function formatFigure(lang: Lang, value: number | null, decimals = 2): string {
  if (value === null) return "–";
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(t(lang, "common.languageTag"), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format.format(roundForDisplay(value, decimals));
}

/** A whole number with the language's grouping ("1.234" in Vietnamese). */
export function formatCount(lang: Lang, value: number | null): string {
  return formatFigure(lang, value, 0);
}

/** The text of a key built at run time (a field name from the server), or null when the table has none. */
export function optionalText(tr: Translate, key: string, params?: Params): string | null {
  const text = tr(key as MessageKey, params);
  return text === key ? null : text;
}
