// Privacy rule (SIPAS.md §6): a comment may carry personal numbers by accident. They are masked before the
// comment is stored, so that no one (not even an admin) can read them back, and the response is flagged.

/** What replaces a personal number or address in a stored comment. */
export const PII_MASK = "***";

// Numbers are matched only where no digit touches them, so that a longer number is never cut in two.
const NOT_AFTER_DIGIT = String.raw`(?<![\d])`;
const NOT_BEFORE_DIGIT = String.raw`(?![\d])`;
// ID numbers (CCCD: 12 digits, CMND: 9) written solid or in groups separated by spaces; a dot is not a
// separator here because "150.000.000 đồng" is a fee, not an ID.
const idNumber = (digits: number) => `${NOT_AFTER_DIGIT}\\d(?: ?\\d){${digits - 1}}${NOT_BEFORE_DIGIT}`;
// Vietnamese phone numbers: 0 or +84/84, then 9 digits (mobile 03/05/07/08/09) or 10 (landline 02x, and
// the old 01x mobiles), in their usual spellings: 0912345678, 0912 345 678, 0912.345.678, (+84) 912-345-678.
const PHONE = `${NOT_AFTER_DIGIT}(?:\\(?\\+?84\\)?[ .-]?|0)\\d(?:[ .-]?\\d){8,9}${NOT_BEFORE_DIGIT}`;
const EMAIL = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;

// Order matters: the longest ID first, so that a 12-digit number is not read as a phone number plus two.
const PATTERNS = [EMAIL, idNumber(12), PHONE, idNumber(9)].map((source) => new RegExp(source, "gu"));

/**
 * Masks ID numbers, phone numbers and e-mail addresses in a comment. Returns the masked text and whether
 * anything was masked (stored as `comment_has_pii`, so that analysts know the text was altered).
 */
export function maskPersonalData(text: string): { text: string; masked: boolean } {
  let masked = false;
  let result = text;
  for (const pattern of PATTERNS) {
    result = result.replace(pattern, () => {
      masked = true;
      return PII_MASK;
    });
  }
  return { text: result, masked };
}
