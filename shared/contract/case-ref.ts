// A case's short reference, derived from its response's id: the survey can show it while the response is
// still in the outbox, and a retry of the same response names the same case. Without zod, so that the
// survey's client script can use it.

/** Characters of a case reference: ten from the point codes' alphabet (no 0/O, 1/I/L look-alikes). */
export const CASE_REF_LENGTH = 10;

// The same alphabet as POINT_CODE_ALPHABET (a test holds them equal), here without catalogue.ts's zod.
export const CASE_REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * The case reference of a response id (a UUID): 52 random bits of the UUID written in base 31. About 8·10^14
 * references: a clash is rare, and unguessable from outside. The version and variant digits are skipped, and
 * so is a v7 id's leading instant (shared/contract/response-id.ts), which two responses of the same
 * millisecond share; a v4 id is random throughout and keeps the reference it always had.
 */
export function caseRefOf(responseId: string): string {
  const hex = responseId.toLowerCase().replace(/-/g, "");
  const afterVersion = hex.slice(13, 16) + hex.slice(17);
  const random = hex[12] === "7" ? afterVersion : hex.slice(0, 12) + afterVersion;
  let value = Number.parseInt(random.slice(0, 13), 16);
  const n = CASE_REF_ALPHABET.length;
  let ref = "";
  for (let i = 0; i < CASE_REF_LENGTH; i++) {
    ref = CASE_REF_ALPHABET[value % n] + ref;
    value = Math.floor(value / n);
  }
  return ref;
}

/** A typed reference as stored: upper case, without spaces or dashes. */
export function normaliseCaseRef(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}
