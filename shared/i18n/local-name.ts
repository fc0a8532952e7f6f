import type { Lang } from "./languages.js";

/** A catalogue name in Vietnamese (required) with optional Chinese and English names. */
export type LocalNames = { name: string; nameZh?: string | null; nameEn?: string | null };

/** The name to show on a page in `lang`: that language's name when the catalogue has one, else Vietnamese. */
export function localName(names: LocalNames, lang: Lang): string {
  const local = lang === "zh" ? names.nameZh : lang === "en" ? names.nameEn : null;
  return local || names.name;
}
