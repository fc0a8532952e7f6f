// Text limits shared by the API's schemas and the forms that fill them, so that a form never lets through
// what the API refuses. No zod here: both UIs import it without bundling a schema library.

/** Longest comment, in characters as people count them: an emoji, 𠀀 or a composed Vietnamese letter is one. */
export const COMMENT_MAX_CHARACTERS = 2000;

/**
 * A comment's length as the limit counts it, in the browser and on the server alike: code points of the
 * trimmed NFC text (HTML's maxlength and String.length count UTF-16 units, two for an emoji).
 */
export function commentLength(text: string): number {
  return [...text.trim().normalize("NFC")].length;
}

/** Longest catalogue texts, counted as zod's max and HTML's maxlength count them (UTF-16 units). */
export const CATALOGUE_LIMITS = {
  /** A unit's electronic identifier (digits, A–Z and dots). */
  unitCode: 35,
  unitName: 200,
  /** The national TTHC code, d.dddddd. */
  serviceCode: 8,
  serviceName: 500,
  serviceField: 200,
  /** A province's own code for a service. */
  serviceLocalCode: 60,
  pointLabel: 100,
} as const;
