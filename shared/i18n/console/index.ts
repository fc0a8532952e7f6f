import { DEFAULT_LANG, type Lang, MESSAGES } from "../languages.js";
import type { MessageKey as PageKey, Paths } from "../messages.js";
import { fill, lookup } from "../translate.js";
import { consoleEn } from "./en.js";
import type { ConsoleMessages } from "./messages.js";
import { consoleVi } from "./vi.js";
import { consoleZh } from "./zh.js";

// The console's i18n: its own table (the "console" section, and console-only parts of sections the pages
// share, under the same keys) over the pages' table. Only the console imports this module, so the server
// and the Workers bundle carry none of the console's texts.

export * from "../index.js";
export type { ConsoleMessages } from "./messages.js";

export const CONSOLE_MESSAGES: Readonly<Record<Lang, ConsoleMessages>> = {
  vi: consoleVi,
  zh: consoleZh,
  en: consoleEn,
};

/** A key of either table. */
export type MessageKey = PageKey | Paths<ConsoleMessages>;

const textIn = (lang: Lang, key: string) =>
  lookup(CONSOLE_MESSAGES[lang], key) ?? lookup(MESSAGES[lang], key);

/** `t` of shared/i18n for the console: the same fallbacks (Vietnamese, then the key) and placeholders. */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(textIn(lang, key) ?? textIn(DEFAULT_LANG, key) ?? key, params);
}
