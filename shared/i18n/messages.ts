import type { vi } from "./vi.js";

// The shape every language file must have: Vietnamese's keys with string leaves. Typing zh.ts and en.ts
// as `Messages` makes a missing or an extra key a compile error.

/** A table's shape with string leaves: what every other language of the table must provide. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof vi>;

/** Every leaf of a table as a dotted path. */
export type Paths<T> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${K}` : `${K}.${Paths<T[K]>}`;
}[keyof T & (string | number)];

/** Every text's key as a dotted path, e.g. "instrument.items.TC1" or "common.languageName". */
export type MessageKey = Paths<Messages>;
