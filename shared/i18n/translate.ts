import { DEFAULT_LANG, type Lang, MESSAGES } from "./languages.js";
import type { MessageKey } from "./messages.js";

/** A table of texts: sections of sections, strings at the leaves. */
export type Tree = { readonly [key: string]: string | Tree };

/** The text at a dotted key, or undefined where there is none (or only a section). */
export function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Fills `{name}` placeholders from `params`, leaving unknown ones visible. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/**
 * The text for `key` in `lang`, with `{name}` placeholders filled from `params` (word order differs between
 * languages, so values go inside the text, never around it). A key built at run time that does not exist
 * falls back to Vietnamese, then to the key itself, rather than breaking a page.
 */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(lookup(MESSAGES[lang], key) ?? lookup(MESSAGES[DEFAULT_LANG], key) ?? key, params);
}
