import fc from "fast-check";

// Text that has broken parsers, validators, drivers and file formats: lone surrogates, bidi controls, NUL,
// combining marks, emoji, line ends, quotes, formula starts, CJK and Vietnamese, personal numbers.

/** Strings with the unicode a validator and a database driver must not choke on. */
export function nastyText(maxLength = 300) {
  const units = fc.oneof(
    fc.constantFrom(
      "\u0000",
      "\uD800",
      "\uDFFF",
      "\u200F",
      "\u202E",
      "\u2066",
      "\uFEFF",
      "\u0301",
      "e\u0301",
      "👩🏽‍💻",
      "\r\n",
      "\t",
      "'",
      '"',
      "\\",
      "=",
      "Đ",
      "ư",
      "中",
      "0912 345 678",
      "0123456789012",
    ),
    fc.string({ unit: "binary", maxLength: 3 }),
  );
  return fc.array(units, { maxLength }).map((parts) => parts.join(""));
}

/**
 * A text as it survives UTF-8 (an HTTP body, a database file): the same, but for lone surrogates, which
 * UTF-8 cannot carry and every encoder writes as U+FFFD.
 */
export function asUtf8(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
