import { DEFAULT_LANG, LANGUAGES, type Lang } from "./languages.js";

// Language negotiation for the survey page (DESIGN.md §3): ?lang= first, then Accept-Language, then vi.

/** The shipped language a BCP 47 tag asks for, by its primary subtag: "zh-CN", "zh-Hans" → zh, "en-US" → en. */
function languageOfTag(tag: string): Lang | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((lang) => lang === primary);
}

/** Accept-Language entries with a positive q, best first; equal weights keep the header's order. */
function acceptedTags(header: string): string[] {
  return header
    .split(",")
    .map((entry, position) => {
      const [tag = "", ...params] = entry.split(";");
      const q = params.map((param) => param.trim()).find((param) => /^q=/i.test(param));
      // A malformed q gives NaN, which the filter below drops like q=0.
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q.slice(2)), position };
    })
    .filter((entry) => entry.tag !== "" && entry.weight > 0 && entry.weight <= 1)
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .map((entry) => entry.tag);
}

/**
 * The language to show: `?lang=` when it names a shipped language ("en", "EN", "zh-CN"), else the best
 * Accept-Language match (q-values honoured, region and script subtags ignored), else Vietnamese.
 */
export function pickLanguage(queryLang?: string | null, acceptLanguageHeader?: string | null): Lang {
  const requested = queryLang ? languageOfTag(queryLang) : undefined;
  if (requested) return requested;
  for (const tag of acceptedTags(acceptLanguageHeader ?? "")) {
    const lang = languageOfTag(tag);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}
