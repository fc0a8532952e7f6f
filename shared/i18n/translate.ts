import { DEFAULT_LANG, type Lang, MESSAGES } from "./languages.js";
import type { MessageKey } from "./messages.js";

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * The text for `key` in `lang`. Keys are checked at compile time; a key built at run time from stored data
 * that no longer exists falls back to Vietnamese, then to the key itself, rather than breaking a page.
 */
export function t(lang: Lang, key: MessageKey): string {
  return lookup(MESSAGES[lang], key) ?? lookup(MESSAGES[DEFAULT_LANG], key) ?? key;
}
