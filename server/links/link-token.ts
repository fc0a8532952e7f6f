import { POINT_CODE_ALPHABET } from "../../shared/contract/catalogue.js";
import { constantTimeEqual, fromBase64Url, toBase64Url } from "../lib/crypto.js";
import { DOSSIER_HASH_BYTES } from "./dossier.js";
import { keyedMac } from "./keyed-mac.js";

// A one-time link token is self-contained: no database row is written to issue one. Single use is
// enforced where the response is stored (responses.token_id and dossier_hash are UNIQUE).
//
// Layout (bytes), base64url without padding; both sizes are multiples of 3 bytes, so every character
// carries payload bits and no two spellings decode to the same token:
//   kind(1) · expiry in Unix seconds(4, big-endian) · point code(4, base-31)
//   · [issuer's user id(3, big-endian), when kind = 3 or 4] · random id(8)
//   · [dossier hash(12), when kind = 2 or 4] · MAC(16) over all the bytes before it
// Plain: 33 bytes = 44 characters; with a dossier: 45 bytes = 60 characters; each 4 characters more with
// the issuer. Short, so the QR of PUBLIC_URL/s/CODE?t=TOKEN stays a low-density code that prints and scans
// well on a small slip. The issuer (the staff user who handed the link over) travels signed in the token,
// so a response through the link records who served the citizen without a row written per link.

const KIND_PLAIN = 1;
const KIND_DOSSIER = 2;
const KIND_PLAIN_ISSUER = 3;
const KIND_DOSSIER_ISSUER = 4;
const HEADER_BYTES = 1 + 4 + 4;
const ISSUER_BYTES = 3;
const ID_BYTES = 8;
const MAC_BYTES = 16;
const PLAIN_BYTES = HEADER_BYTES + ID_BYTES + MAC_BYTES;
const DOSSIER_BYTES = PLAIN_BYTES + DOSSIER_HASH_BYTES;
const MAX_ISSUER = 2 ** (8 * ISSUER_BYTES) - 1;

// Per kind: total bytes, and whether it carries an issuer and a dossier hash.
const KINDS: Record<number, { bytes: number; issuer: boolean; dossier: boolean }> = {
  [KIND_PLAIN]: { bytes: PLAIN_BYTES, issuer: false, dossier: false },
  [KIND_DOSSIER]: { bytes: DOSSIER_BYTES, issuer: false, dossier: true },
  [KIND_PLAIN_ISSUER]: { bytes: PLAIN_BYTES + ISSUER_BYTES, issuer: true, dossier: false },
  [KIND_DOSSIER_ISSUER]: { bytes: DOSSIER_BYTES + ISSUER_BYTES, issuer: true, dossier: true },
};

/** Length in characters of a token with a dossier and an issuer, the longest kind: input limits use it. */
export const LINK_TOKEN_MAX_LENGTH = ((DOSSIER_BYTES + ISSUER_BYTES) / 3) * 4;

const TOKEN_PATTERN = new RegExp(
  `^(?:${Object.values(KINDS)
    .map((kind) => `[A-Za-z0-9_-]{${(kind.bytes / 3) * 4}}`)
    .join("|")})$`,
);
const POINT_CODE_PATTERN = new RegExp(`^[${POINT_CODE_ALPHABET}]{6}$`);
const DOSSIER_HASH_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${(DOSSIER_HASH_BYTES / 3) * 4}}$`);
const MAX_SECONDS = 2 ** 32 - 1;

export type LinkTokenRefusal = "malformed" | "bad_signature" | "expired" | "other_point";

export type LinkTokenCheck =
  | { ok: true; tokenId: string; dossierHash: string | null; issuerId: number | null; expiresAt: number }
  | { ok: false; reason: LinkTokenRefusal };

/**
 * Signs a one-time survey link for a point. `expiresAt` is in UTC ms (kept to the second); `dossierHash`
 * comes from `dossierKeyedHash`; `issuerId` is the user who hands the link over (the officer a response
 * through it is attributed to). Returns the token, its random id (the single-use key) and the expiry
 * as signed.
 */
export async function signLinkToken(input: {
  secret: string;
  pointCode: string;
  expiresAt: number;
  dossierHash?: string | null | undefined;
  issuerId?: number | null | undefined;
}): Promise<{ token: string; tokenId: string; expiresAt: number }> {
  const seconds = Math.floor(input.expiresAt / 1000);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_SECONDS) {
    throw new RangeError("expiresAt is outside the range a link token can carry");
  }
  const dossier = input.dossierHash ?? null;
  if (dossier !== null && !DOSSIER_HASH_PATTERN.test(dossier)) {
    throw new RangeError("dossierHash is not a hash made by dossierKeyedHash");
  }
  const issuer = input.issuerId ?? null;
  if (issuer !== null && (!Number.isInteger(issuer) || issuer < 1 || issuer > MAX_ISSUER)) {
    throw new RangeError("issuerId is outside the range a link token can carry");
  }
  const kind =
    issuer === null
      ? dossier === null
        ? KIND_PLAIN
        : KIND_DOSSIER
      : dossier === null
        ? KIND_PLAIN_ISSUER
        : KIND_DOSSIER_ISSUER;
  const bytes = new Uint8Array((KINDS[kind] as { bytes: number }).bytes);
  const view = new DataView(bytes.buffer);
  bytes[0] = kind;
  view.setUint32(1, seconds);
  view.setUint32(5, packPointCode(input.pointCode));
  let at = HEADER_BYTES;
  if (issuer !== null) {
    bytes.set([issuer >>> 16, (issuer >>> 8) & 0xff, issuer & 0xff], at);
    at += ISSUER_BYTES;
  }
  const id = crypto.getRandomValues(new Uint8Array(ID_BYTES));
  bytes.set(id, at);
  if (dossier !== null) bytes.set(fromBase64Url(dossier), at + ID_BYTES);
  const signed = bytes.length - MAC_BYTES;
  bytes.set(tokenMac(input.secret, bytes.subarray(0, signed)), signed);
  return { token: toBase64Url(bytes), tokenId: toBase64Url(id), expiresAt: seconds * 1000 };
}

/**
 * Checks a token presented with a point's survey: the exact format, the MAC (constant time), then the
 * point and the expiry. Never throws, whatever the input: a refusal carries its reason.
 */
export async function verifyLinkToken(input: {
  secret: string;
  token: string;
  pointCode: string;
  now: number;
}): Promise<LinkTokenCheck> {
  const { token } = input;
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return refuse("malformed");
  const bytes = fromBase64Url(token);
  const layout = KINDS[bytes[0] as number];
  if (!layout || bytes.length !== layout.bytes) return refuse("malformed");
  const signed = bytes.length - MAC_BYTES;
  const mac = tokenMac(input.secret, bytes.subarray(0, signed));
  if (!constantTimeEqual(mac, bytes.subarray(signed))) return refuse("bad_signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (unpackPointCode(view.getUint32(5)) !== String(input.pointCode).toUpperCase()) {
    return refuse("other_point");
  }
  const expiresAt = view.getUint32(1) * 1000;
  if (input.now >= expiresAt) return refuse("expired");
  const idAt = HEADER_BYTES + (layout.issuer ? ISSUER_BYTES : 0);
  const issuerId = layout.issuer
    ? ((bytes[HEADER_BYTES] as number) << 16) |
      ((bytes[HEADER_BYTES + 1] as number) << 8) |
      (bytes[HEADER_BYTES + 2] as number)
    : null;
  const dossier = layout.dossier ? bytes.subarray(idAt + ID_BYTES, signed) : null;
  return {
    ok: true,
    tokenId: toBase64Url(bytes.subarray(idAt, idAt + ID_BYTES)),
    dossierHash: dossier === null ? null : toBase64Url(dossier),
    // 0 is never a user id; a token claiming it names no issuer.
    issuerId: issuerId === 0 ? null : issuerId,
    expiresAt,
  };
}

const refuse = (reason: LinkTokenRefusal): LinkTokenCheck => ({ ok: false, reason });

function tokenMac(secret: string, signed: Uint8Array): Uint8Array {
  return keyedMac(secret, "link-token-v1", signed, MAC_BYTES);
}

// Six characters of a 31-letter alphabet fit in 32 bits (31^6 < 2^32).
function packPointCode(code: string): number {
  if (!POINT_CODE_PATTERN.test(code)) throw new RangeError("not a point code");
  let value = 0;
  for (const ch of code) value = value * POINT_CODE_ALPHABET.length + POINT_CODE_ALPHABET.indexOf(ch);
  return value;
}

function unpackPointCode(value: number): string {
  let code = "";
  let rest = value;
  for (let i = 0; i < 6; i++) {
    code = (POINT_CODE_ALPHABET[rest % POINT_CODE_ALPHABET.length] as string) + code;
    rest = Math.floor(rest / POINT_CODE_ALPHABET.length);
  }
  // A packed value beyond 31^6 was never made by packPointCode; it names no point.
  return rest === 0 ? code : "";
}
