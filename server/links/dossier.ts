import { toBase64Url } from "../lib/crypto.js";
import { keyedMac } from "./keyed-mac.js";

// Privacy rule: a dossier code names a citizen's case, so it is never stored, logged or put in a link.
// Only its keyed hash travels (inside the signed token) and is kept (responses.dossier_hash, unique: one
// dossier is rated once). Without the server secret the hash cannot be matched back to a code.

/** Bytes of the dossier hash: 96 bits keep the token short and make a collision between dossiers moot. */
export const DOSSIER_HASH_BYTES = 12;

const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The canonical form of a dossier code as staff may type or scan it (case, spaces, full-width characters
 * and typographic dashes do not make another dossier).
 */
export function normaliseDossierCode(code: string): string {
  return code.normalize("NFKC").replace(DASHES, "-").replace(/\s+/g, "").toUpperCase();
}

/** The keyed hash of a dossier as raw bytes, the form embedded in a link token. */
export function dossierHashBytes(secret: string, dossierCode: string): Uint8Array {
  const normalised = new TextEncoder().encode(normaliseDossierCode(dossierCode));
  return keyedMac(secret, "dossier-v1", normalised, DOSSIER_HASH_BYTES);
}

/** The keyed hash of a dossier as text (base64url), the form stored in `responses.dossier_hash`. */
export function dossierKeyedHash(secret: string, dossierCode: string): string {
  return toBase64Url(dossierHashBytes(secret, dossierCode));
}
