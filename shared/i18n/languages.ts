import { en } from "./en.js";
import type { Messages } from "./messages.js";
import { vi } from "./vi.js";
import { zh } from "./zh.js";

// Adding a language is adding its file and listing it here twice; the compiler points at both places.

export const LANGUAGES = ["vi", "zh", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = "vi";

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, zh, en };

/** Narrows an untrusted string (a query parameter, a stored column) to a shipped language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
