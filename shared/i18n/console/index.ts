import { DEFAULT_LANG, type Lang } from "../languages.js";
import type { MessageKey as PageKey, Paths } from "../messages.js";
import { fill, lookup, t as pageText } from "../translate.js";
import { consoleEn } from "./en.js";
import type { ConsoleMessages } from "./messages.js";
import { consoleVi } from "./vi.js";
import { consoleZh } from "./zh.js";

// The console's i18n: the pages' table plus its own, under "console.". Only the console imports this
// module, so the server and the Workers bundle carry none of the console's texts.

export * from "../index.js";
export type { ConsoleMessages } from "./messages.js";

export const CONSOLE_MESSAGES: Readonly<Record<Lang, ConsoleMessages>> = {
  vi: consoleVi,
  zh: consoleZh,
  en: consoleEn,
};

/** A key of either table: the console's own texts start with "console.". */
export type MessageKey = PageKey | `console.${Paths<ConsoleMessages>}`;

const PREFIX = "console.";

/** `t` of shared/i18n for the console: the same fallbacks and placeholders, over both tables. */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  if (!key.startsWith(PREFIX)) return pageText(lang, key as PageKey, params);
  const own = key.slice(PREFIX.length);
  return fill(
    lookup(CONSOLE_MESSAGES[lang], own) ?? lookup(CONSOLE_MESSAGES[DEFAULT_LANG], own) ?? key,
    params,
  );
}
