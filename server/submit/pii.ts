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
/** The stored comment's limit (the table's CHECK). */
const MAX_COMMENT_CHARS = 2000;

// Characters whose compatibility form (NFKC) is one a personal number is written with: full-width or
// mathematical digits, full-width "+", "-", ".", "_", "@", brackets and spaces. Only these are folded; the rest
// of the comment stays as typed (NFKC on the whole text would turn Chinese "，" into ",").
const NUMBER_MARK = /^[0-9A-Za-z+\-._@() ]$/;
const foldNumberMarks = (text: string) =>
  text.replace(/[^\p{ASCII}]/gu, (ch) => {
    const folded = ch.normalize("NFKC");
    return NUMBER_MARK.test(folded) ? folded : ch;
  });

/**
 * Prepares a comment for storage: digits and number marks in compatibility forms folded (full-width
 * "０９１２" becomes "0912", so it is matched), without bidi controls, and with ID numbers, phone numbers and
 * e-mail addresses masked. Returns the text and whether anything was masked (stored as `comment_has_pii`,
 * so that analysts know it was altered).
 */
export function maskPersonalData(text: string): { text: string; masked: boolean } {
  let masked = false;
  let result = foldNumberMarks(text).replace(BIDI_CONTROLS, "");
  for (const pattern of PATTERNS) {
    result = result.replace(pattern, () => {
      masked = true;
      return PII_MASK;
    });
  }
  if (result.length > MAX_COMMENT_CHARS) result = Array.from(result).slice(0, MAX_COMMENT_CHARS).join("");
  return { text: result, masked };
}
