// Privacy rule (SIPAS.md §6): a comment may carry personal numbers by accident. They are masked before the
// comment is stored, so that no one (not even an admin) can read them back, and the response is flagged.

/** What replaces a personal number or address in a stored comment. */
export const PII_MASK = "***";

// What people type between digit groups: spaces (also the invisible ones), and a dash, dot or underscore
// with or without spaces around it ("0912 - 345 - 678", "0912_345_678").
const GAP = String.raw`[\s\u200B-\u200D\u2060\uFEFF]`;
const separator = (marks: string) => `(?:${GAP}*[${marks}]${GAP}*|${GAP}+)`;
const PHONE_SEP = separator(String.raw`\-._\u2010-\u2015`);
// A dot does not separate ID groups: "150.000.000 đồng" is a fee, not an ID.
const ID_SEP = separator(String.raw`\-_\u2010-\u2015`);
// Numbers are matched only where no digit touches them (also across a tight dash, dot or underscore), so
// that a longer number is never cut in two.
const NOT_AFTER_DIGIT = String.raw`(?<!\d[\-._]?)`;
const NOT_BEFORE_DIGIT = String.raw`(?![\-._]?\d)`;
// ID numbers (CCCD: 12 digits, CMND: 9) written solid or in groups; digits glued to a letter are part of a
// code ("H35-260315-0001" in a dossier number), not an ID.
const idNumber = (digits: number) =>
  `${NOT_AFTER_DIGIT}(?<!\\p{L})\\d(?:${ID_SEP}?\\d){${digits - 1}}${NOT_BEFORE_DIGIT}`;
// Vietnamese phone numbers: 0 or +84/84, then 9 digits (mobile 03/05/07/08/09) or 10 (landline 02x, and
// the old 01x mobiles), in their usual spellings: 0912345678, 0912 345 678, 0912.345.678, (+84) 912-345-678.
const PHONE = `${NOT_AFTER_DIGIT}(?:\\(?\\+?84\\)?${PHONE_SEP}?|0)\\d(?:${PHONE_SEP}?\\d){8,9}${NOT_BEFORE_DIGIT}`;
const EMAIL = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;

// Order matters: the longest ID first, so that a 12-digit number is not read as a phone number plus two.
const PATTERNS = [EMAIL, idNumber(12), PHONE, idNumber(9)].map((source) => new RegExp(source, "gu"));

// Bidirectional embedding, override and isolate controls: they make a stored comment read differently from
// what it holds (a number shown reversed, text that hides what follows). Nobody types them on purpose.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** The stored comment's limit (the table's CHECK), which NFC could in rare cases pass. */
const MAX_COMMENT_CHARS = 2000;

/**
 * Prepares a comment for storage: without bidi controls, and with ID numbers, phone numbers and e-mail
 * addresses masked. Matching runs on an NFKC-normalised copy (full-width "０９１２" reads as "0912") while the
 * stored text keeps what the citizen typed elsewhere (a Chinese comment keeps its full-width "，"). Returns
 * the text and whether anything was masked (stored as `comment_has_pii`, so analysts know it was altered).
 */
export function maskPersonalData(text: string): { text: string; masked: boolean } {
  const original = text.replace(BIDI_CONTROLS, "").normalize("NFC");
  // The normalised copy, and for each of its UTF-16 positions where that character came from.
  let copy = "";
  const from: number[] = [];
  let at = 0;
  for (const char of original) {
    const normal = char.normalize("NFKC");
    for (let i = 0; i < normal.length; i++) from.push(at);
    copy += normal;
    at += char.length;
  }
  from.push(at);
  const ranges: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    copy = copy.replace(pattern, (match: string, ...rest: unknown[]) => {
      const index = rest.find((value) => typeof value === "number") as number;
      ranges.push([from[index] as number, from[index + match.length] as number]);
      // Same length, and never part of another match: later patterns see no digit or letter here.
      return "\u0000".repeat(match.length);
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let result = "";
  let kept = 0;
  for (const [start, end] of ranges) {
    if (start < kept) continue;
    result += `${original.slice(kept, start)}${PII_MASK}`;
    kept = end;
  }
  result += original.slice(kept);
  if (result.length > MAX_COMMENT_CHARS) result = Array.from(result).slice(0, MAX_COMMENT_CHARS).join("");
  return { text: result, masked: ranges.length > 0 };
}
